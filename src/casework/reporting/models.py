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
