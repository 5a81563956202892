"""Read access to reference data used by services, the importer and the rules' edge."""

from .models import OffenceCode, OrganisationUnit


def offence_code_lookup(code: str) -> OffenceCode | None:
    return OffenceCode.objects.filter(code=code.strip().upper()).first()


def court_get(code: str) -> OrganisationUnit | None:
    ou = OrganisationUnit.objects.filter(code=code.strip().upper()).first()
    return ou if ou and ou.is_court else None
