"""Roles and unit kinds. Permissions per role are documented in docs/permissions.md."""

from django.db import models


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "Case progression officer"
    HUB_MANAGER = "hub_manager", "Hub manager"
    OIC = "oic", "Officer in the case"
    SUPERVISOR = "supervisor", "Supervisor"
    WITNESS_CARE = "witness_care", "Witness care officer"
    CPS_LIAISON = "cps_liaison", "CPS liaison"
    AUDITOR = "auditor", "Auditor"
    ADMINISTRATOR = "administrator", "Administrator"


class UnitKind(models.TextChoices):
    FORCE = "force", "Force"
    LPA = "lpa", "Local policing area"
    HUB = "hub", "Criminal Justice Unit (hub)"
    STATION = "station", "Police station"
