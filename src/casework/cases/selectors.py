"""Reads of case data. `case_snapshot_build` is the only mapping from the ORM to the rules core."""

from django.db.models import Prefetch, Q, QuerySet

from casework.rules.snapshot import CaseSnapshot, snapshot_from_casefile

from .models import (
    ActionPlan,
    ActionPlanItem,
    Case,
    CPSDecision,
    Defendant,
    FileSubmission,
    FindingOverride,
    Material,
    Offence,
    Task,
    Witness,
)


def case_get(*, urn: str) -> Case:
    return Case.objects.select_related("hub", "lpa", "oic", "supervisor", "caseworker").get(
        urn=urn.replace("/", "").replace(" ", "").upper()
    )


def cases_search(cases: QuerySet[Case], term: str) -> QuerySet[Case]:
    """Cases matching what a user typed: the start of a URN (with or without its slashes and
    spaces), a defendant's or witness's surname, or a defendant's ASN."""
    term = term.strip()
    if not term:
        return cases
    compact = term.replace("/", "").replace(" ", "").upper()
    # Subqueries, not joins: joining every case's defendants and witnesses needs DISTINCT over
    # whole rows, which costs more than the search itself.
    defendants = Defendant.objects.filter(Q(surname__icontains=term) | Q(asn__iexact=compact)).values("case_id")
    witnesses = Witness.objects.filter(surname__icontains=term).values("case_id")
    return cases.filter(Q(urn__startswith=compact) | Q(pk__in=defendants) | Q(pk__in=witnesses))


def cases_with_parts() -> QuerySet[Case]:
    """Cases with every part prefetched: one query per kind of part, joins for their links."""
    return Case.objects.select_related(
        "hub", "lpa", "oic", "supervisor", "caseworker"
    ).prefetch_related(
        Prefetch(
            "defendants",
            queryset=Defendant.objects.prefetch_related(
                Prefetch("offences", queryset=Offence.objects.select_related("offence_code")),
                "interviews", "custody_episodes", "bail_periods",
            ),
        ),
        "witnesses",
        Prefetch("materials", queryset=Material.objects.select_related("defendant", "witness")),
        "hearings",
        Prefetch("submissions", queryset=FileSubmission.objects.select_related("submitted_by")),
        Prefetch("decisions", queryset=CPSDecision.objects.select_related("submission")
                 .prefetch_related(Prefetch("charges", queryset=Offence.objects.only("id", "ref")))),
        Prefetch("action_plans", queryset=ActionPlan.objects.select_related("decision")
                 .prefetch_related(Prefetch("items", queryset=ActionPlanItem.objects.select_related("owner")))),
        Prefetch("tasks", queryset=Task.objects.select_related("assignee")),
        Prefetch("finding_overrides", queryset=FindingOverride.objects.select_related("by")),
    )


def case_snapshot_build(case: Case) -> CaseSnapshot:
    """The rules' view of a case: exactly what its exported case file carries."""
    from casework.interchange.export import casefile_build

    return snapshot_from_casefile(casefile_build(case))
