from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "casework.reporting"
    verbose_name = "Management information and reports"
