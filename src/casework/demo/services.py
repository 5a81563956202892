"""Seeding the database with demo case files.

Responsible for: making sure the demo organisation and roster exist, generating case files and
writing the new ones in batches, each batch in its own transaction, reporting progress.
Idempotent: cases are matched by URN, so seeding twice with the same seed and anchor date adds
nothing, and seeding more cases with the same seed adds only the extra ones.
Must not: change cases that already exist (a re-seed never overwrites a case someone edited).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction

from casework.cases.models import Case
from casework.interchange.writer import Resolver, casefiles_bulk_create

from .generator import generate_casefiles
from .organisation import officers_ensure, organisation_ensure

BATCH_SIZE = 500
Progress = Callable[[int, int], None]


def demo_casefiles_generate(*, cases: int, seed: int, today: date) -> list[dict]:
    """Ensure the organisation and roster exist, then generate `cases` documents."""
    organisation = organisation_ensure()
    officers = officers_ensure()
    return generate_casefiles(count=cases, seed=seed, today=today, officers=officers,
                              organisation=organisation)


def _existing_urns(urns: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(urns), 900):  # stay under SQLite's bound-parameter limit
        found.update(Case.objects.filter(urn__in=urns[i:i + 900]).values_list("urn", flat=True))
    return found


def demo_casefiles_write(docs: list[dict], *, progress: Progress | None = None,
                         batch_size: int = BATCH_SIZE) -> int:
    """Write the documents whose URN is not in the database yet; returns how many were written.

    `progress(done, total)` is called after each batch, counting documents looked at (written or
    skipped) out of all of them.
    """
    present = _existing_urns([d["case"]["urn"] for d in docs])
    resolver = Resolver()
    created = 0
    for start in range(0, len(docs), batch_size):
        batch = [d for d in docs[start:start + batch_size] if d["case"]["urn"] not in present]
        if batch:
            with transaction.atomic():
                created += casefiles_bulk_create(batch, resolver=resolver, via="demo data")
        if progress is not None:
            progress(min(start + batch_size, len(docs)), len(docs))
    return created


def demo_data_seed(*, cases: int, seed: int, today: date, progress: Progress | None = None) -> int:
    """Seed `cases` demo cases (anchor date `today`); returns how many new cases were written."""
    if cases < 1:
        raise ValueError("The number of cases must be at least 1.")
    docs = demo_casefiles_generate(cases=cases, seed=seed, today=today)
    return demo_casefiles_write(docs, progress=progress)


PARTNER_ASKS = [
    ("cps", "CPS Direct", "Send the full BWV footage, not just the clip", "high"),
    ("cps", "CPS West Midlands paralegal", "Confirm the victim's dates to avoid before the trial is fixed", "normal"),
    ("cps", "CPS West Midlands", "Provide the MG6C schedule signed and dated", "high"),
    ("court", "Birmingham Magistrates' Court listing", "Confirm the OIC's availability for the trial window", "normal"),
    ("court", "Crown Court case progression officer", "Serve the PTPH form with the witness requirements", "urgent"),
    ("witness_care", "Witness Care Unit", "Witness asking for a pre-trial court visit: confirm with the OIC", "normal"),
    ("witness_care", "Witness Care Unit", "Victim reports contact from the defendant: review bail conditions", "urgent"),
    ("defence", "Defence solicitor", "Request for the custody record and interview recording", "normal"),
]


@transaction.atomic
def demo_workbench_seed(*, today: date, seed: int) -> dict:
    """The day's incoming work on top of the seeded cases, once: the newest files still waiting
    in the intake queue for a case progression officer, and requests from partner agencies."""
    import random
    from datetime import timedelta

    from django.utils import timezone

    from casework.cases.models import PartnerRequest

    if PartnerRequest.objects.exists():
        return {"unassigned": 0, "requests": 0, "assessed": 0}
    rng = random.Random(seed)
    open_cases = list(Case.objects.open().order_by("urn").only("pk", "caseworker_id", "received_at"))
    newest = sorted((c for c in open_cases if c.received_at), key=lambda c: c.received_at, reverse=True)[:12]
    Case.objects.filter(pk__in=[c.pk for c in newest]).update(caseworker=None)
    requests = []
    now = timezone.now()
    for case in rng.sample(open_cases, min(len(open_cases), max(10, len(open_cases) // 40))):
        partner, who, subject, priority = rng.choice(PARTNER_ASKS)
        received = now - timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 8))
        due = today + timedelta(days=rng.choice([-2, -1, 0, 0, 1, 2, 3, 5, 7, 10]))
        requests.append(PartnerRequest(case=case, ref="PR1", partner=partner, from_name=who, received_at=received,
                                       subject=subject, priority=priority, due_date=due,
                                       assignee_id=case.caseworker_id))
    PartnerRequest.objects.bulk_create(requests)
    return {"unassigned": len(newest), "requests": len(requests),
            "assessed": _needs_assessments_done(today=today, rng=rng)}


def _needs_assessments_done(*, today: date, rng) -> int:
    """Witness care keeps up in the demo: victims and witnesses in cases whose not guilty plea
    was more than a week ago have had their needs assessed (a few recent ones are still owed)."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from casework.cases.models import Hearing, Task, Witness

    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=7), time(0)))
    pleas = {}
    for h in Hearing.objects.filter(outcome="not_guilty_plea", starts_at__lt=cutoff,
                                    case__in=Case.objects.open()).order_by("starts_at"):
        pleas.setdefault(h.case_id, h.starts_at)
    refs = {}
    for case_id, ref in Task.objects.filter(case_id__in=pleas).values_list("case_id", "ref"):
        refs[case_id] = max(refs.get(case_id, 0), int(ref[1:]) if ref[1:].isdigit() else 0)
    tasks = []
    for w in Witness.objects.filter(case_id__in=pleas, role__in=("victim", "civilian")).order_by("case_id", "ref"):
        refs[w.case_id] = refs.get(w.case_id, 0) + 1
        done = pleas[w.case_id] + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 5))
        needs = rng.choice(["No additional needs; available for trial.", "Needs transport to court; childcare arranged.",
                            "Anxious about seeing the defendant: screens requested.", "Needs an interpreter (Polish)."])
        tasks.append(Task(case_id=w.case_id, ref=f"T{refs[w.case_id]}", kind="needs_assessment", witness=w,
                          title=f"Full needs assessment: {w.display_name} ({w.ref})", status="done", source="internal",
                          created_at=done, completed_at=done, outcome="done", outcome_note=needs,
                          description="By phone."))
    Task.objects.bulk_create(tasks)
    return len(tasks)
