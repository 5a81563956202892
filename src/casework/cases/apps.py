from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "casework.cases"
    verbose_name = "Cases"
