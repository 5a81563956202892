from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "casework.people"
    verbose_name = "People and units"
