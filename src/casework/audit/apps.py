from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "casework.audit"
    verbose_name = "Audit: access log and change history"
