from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "casework.reference"
    verbose_name = "Reference data"
