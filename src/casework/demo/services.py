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
