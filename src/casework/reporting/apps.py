from django.apps import AppConfig
from django.db.models.signals import pre_delete


class ReportingConfig(AppConfig):
    name = "casework.reporting"
    verbose_name = "Management information and reports"

    def ready(self):
        from casework.cases.models import Case

        from .store import case_facts_forget

        pre_delete.connect(case_facts_forget, sender=Case, dispatch_uid="reporting.case_facts_forget")
