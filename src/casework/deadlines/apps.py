from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "casework.deadlines"
    verbose_name = "Deadlines and service levels"
