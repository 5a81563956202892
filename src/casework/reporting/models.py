"""Monthly packs the background job has produced, kept so they can be downloaded later."""

from django.db import models


class ReportPack(models.Model):
    """One file of a monthly performance pack (PDF, Excel or CSV) for the force or one hub."""

    month = models.DateField(help_text="The first day of the month the pack covers")
    hub = models.ForeignKey("people.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                            help_text="Blank: the whole force")
    format = models.CharField(max_length=4, choices=[("pdf", "PDF"), ("xlsx", "Excel"), ("csv", "CSV")])
    filename = models.CharField(max_length=120)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    produced_at = models.DateTimeField()
    produced_by = models.CharField(max_length=150, help_text="Who or what produced it, e.g. the monthly job")

    class Meta:
        ordering = ["-month", "hub__name", "format"]
        constraints = [models.UniqueConstraint(fields=["month", "hub", "format"], name="report_pack_unique",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return self.filename


class ReportFact(models.Model):
    """One fact a performance measure counts (see `casework.reporting.measures`), kept so that a
    dashboard counts facts in SQL instead of collecting them again. Written only by
    `casework.reporting.store`, from the case's own data; rebuilt whenever the case changes."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    measure = models.CharField(max_length=40, help_text="The measure's id, or 'failings'")
    on = models.DateField(help_text="The day it counts on")
    month = models.DateField(help_text="The first day of its month (for the trend)")
    ok = models.BooleanField(null=True, help_text="Met the standard, did not, or not decided")
    due = models.DateField(null=True, help_text="Undecided: counts as not met once this day has passed")
    key = models.TextField(blank=True, help_text="The breakdown it falls in: a reason, a category, a bucket")
    value = models.FloatField(null=True, help_text="A quantity, e.g. hours to a decision")
    where = models.CharField(max_length=60, blank=True, help_text="For failings: who found it")
    category = models.CharField(max_length=80, blank=True, help_text="For failings: the DGA category")
    area = models.CharField(max_length=40, blank=True, help_text="For failings: the training area")
    hub_id = models.BigIntegerField(null=True, help_text="The case's hub when collected")
    lpa_id = models.BigIntegerField(null=True, help_text="The case's local policing area when collected")
    flags = models.BigIntegerField(default=0, help_text="The case's flags when collected, as bits (store.FLAG_BITS)")
    groups = models.BigIntegerField(default=0, help_text="The case's offence groups when collected, as bits (store.GROUP_BITS)")

    class Meta:
        # Covering the dashboard's counts: read from the index alone, in the order of the days.
        indexes = [models.Index(fields=["on", "measure", "month", "ok", "due", "hub_id", "lpa_id", "case", "key"],
                                name="report_fact_on"),
                   models.Index(fields=["hub_id", "month", "lpa_id"], name="report_fact_place")]

    def __str__(self) -> str:
        return f"{self.measure} {self.on} case {self.case_id}"


class ReportFactStamp(models.Model):
    """Which revision of a case its stored facts were collected from, and on what basis (the
    measures' code, the service levels and the bank holidays): any other is out of date."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="+")
    revision = models.PositiveIntegerField()
    basis = models.CharField(max_length=64)
    flags = models.BigIntegerField(default=0, help_text="The case's flags as bits (store.FLAG_BITS)")
    groups = models.BigIntegerField(default=0, help_text="The case's offence groups as bits (store.GROUP_BITS)")

    def __str__(self) -> str:
        return f"case {self.case_id} revision {self.revision}"


class ReportCount(models.Model):
    """The stored facts (failings aside) counted by measure, month, breakdown, outcome, hub and
    local policing area: what a dashboard of whole hubs and months reads instead of the facts.
    Kept by `casework.reporting.store` in the same transaction as the facts it counts."""

    measure = models.CharField(max_length=40)
    month = models.DateField()
    key = models.TextField(blank=True)
    ok = models.BooleanField(null=True)
    due = models.DateField(null=True, help_text="For undecided facts: counts as not met once this day has passed")
    hub_id = models.BigIntegerField(null=True)
    lpa_id = models.BigIntegerField(null=True)
    facet = models.CharField(max_length=60, blank=True, help_text="'' every case; 'flag:…' or 'group:…' those with it")
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["facet", "month", "hub_id", "lpa_id"], name="report_count_month")]

    def __str__(self) -> str:
        return f"{self.measure} {self.month:%Y-%m} {self.key}: {self.n}"
