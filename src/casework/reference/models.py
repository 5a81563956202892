"""Reference data: offence codes, organisation units, forces, CJS code lists, bank holidays.

Loaded from the files in `reference/data/` (see its README for sources and licences) and editable
by administrators. Nothing here is case data.
"""

from django.db import models


class OffenceCategory(models.TextChoices):
    INDICTABLE_ONLY = "CI", "Indictable only"
    EITHER_WAY = "CE", "Either way"
    SUMMARY = "CS", "Summary (non-motoring)"
    SUMMARY_MOTORING = "CM", "Summary (motoring)"


class OffenceCode(models.Model):
    """A CJS offence code. `current` is False for a code only in the PNC list (retired)."""

    code = models.CharField(max_length=8, primary_key=True)
    title = models.CharField(max_length=500)
    category = models.CharField(max_length=2, blank=True, help_text="CJS offence category")
    recordable_on_pnc = models.BooleanField(null=True)
    current = models.BooleanField(default=True, db_index=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class OUKind(models.TextChoices):
    MAGISTRATES = "magistrates", "Magistrates' court"
    CROWN = "crown", "Crown Court"
    POLICE = "police", "Police"
    OTHER = "other", "Other"


class OrganisationUnit(models.Model):
    """A CJS organisation unit: a court (B…, C…) or a police unit (1 + force + unit)."""

    code = models.CharField(max_length=7, primary_key=True)
    kind = models.CharField(max_length=12, choices=OUKind.choices, db_index=True)
    name = models.CharField(max_length=300)
    area = models.CharField(max_length=200, blank=True, help_text="Second-level name")
    psa_code = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "organisation unit"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_court(self) -> bool:
        return self.kind in (OUKind.MAGISTRATES, OUKind.CROWN)


class Force(models.Model):
    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CodeListEntry(models.Model):
    """One row of a CJS code list (plea, verdict, remand status, result code …)."""

    list_name = models.CharField(max_length=60, db_index=True)
    code = models.CharField(max_length=20)
    description = models.CharField(max_length=500)
    data = models.JSONField(default=dict, help_text="The source row as loaded")

    class Meta:
        ordering = ["list_name", "code"]
        verbose_name_plural = "code list entries"

    def __str__(self) -> str:
        return f"{self.list_name}: {self.code} {self.description}"


class BankHolidaySource(models.TextChoices):
    GOVUK = "govuk", "GOV.UK list"
    ADMIN = "admin", "Administrator override"


class BankHoliday(models.Model):
    """An England and Wales bank holiday. Administrators may add one-off days as overrides."""

    date = models.DateField(unique=True)
    title = models.CharField(max_length=200)
    source = models.CharField(
        max_length=10, choices=BankHolidaySource.choices, default=BankHolidaySource.ADMIN
    )
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d %b %Y} {self.title}"


class ReferenceDataset(models.Model):
    """Which version of each shipped data file is loaded (so reloading is skipped when unchanged)."""

    name = models.CharField(max_length=100, unique=True)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.rows} rows)"
