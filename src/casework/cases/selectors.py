"""Reads of case data. `case_snapshot_build` is the only mapping from the ORM to the rules core."""

from django.db.models import Prefetch, QuerySet

from casework.rules.snapshot import CaseSnapshot, snapshot_from_casefile

from .models import ActionPlan, Case, Defendant


def case_get(*, urn: str) -> Case:
    return Case.objects.select_related("hub", "lpa", "oic", "supervisor", "caseworker").get(
        urn=urn.replace("/", "").replace(" ", "").upper()
    )


def cases_with_parts() -> QuerySet[Case]:
    """Cases with every part prefetched, in as few queries as the shape allows."""
    return Case.objects.select_related(
        "hub", "lpa", "oic", "supervisor", "caseworker"
    ).prefetch_related(
        Prefetch(
            "defendants",
            queryset=Defendant.objects.prefetch_related(
                "offences__offence_code", "interviews", "custody_episodes", "bail_periods"
            ),
        ),
        "witnesses",
        "materials__defendant",
        "materials__witness",
        "hearings",
        "submissions__submitted_by",
        "decisions__submission",
        "decisions__charges__defendant",
        Prefetch("action_plans", queryset=ActionPlan.objects.prefetch_related("items__owner")
                 .select_related("decision")),
        "tasks__assignee",
    )


def case_snapshot_build(case: Case) -> CaseSnapshot:
    """The rules' view of a case: exactly what its exported case file carries."""
    from casework.interchange.export import casefile_build

    return snapshot_from_casefile(casefile_build(case))
