"""The force's own structure (force, local policing areas, hubs, stations) and its users."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from .constants import Role, UnitKind


class Unit(models.Model):
    """A unit of the force. `ou_code` links it to the CJS police OU list where one exists."""

    code = models.CharField(max_length=20, unique=True, help_text="Short local code, e.g. HUB-N.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    ou_code = models.CharField(
        max_length=7, blank=True, help_text="CJS police OU code (force + unit letters), e.g. 20BH."
    )

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OIC)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    collar_number = models.CharField(max_length=20, blank=True)
    rank = models.CharField(max_length=40, blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = self.get_full_name() or self.username
        return f"{self.rank} {name}".strip() if self.rank else name


class Cover(models.Model):
    """One person covering another's cases while they are away: the deputy sees the absent
    person's cases on their own worklist between the two dates, without the cases moving."""

    absent = models.ForeignKey(User, on_delete=models.PROTECT, related_name="covered_by")
    deputy = models.ForeignKey(User, on_delete=models.PROTECT, related_name="covering")
    starts_on = models.DateField()
    ends_on = models.DateField()
    reason = models.CharField(max_length=200)
    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                              name="cover_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.deputy} covers {self.absent} {self.starts_on}–{self.ends_on}"
