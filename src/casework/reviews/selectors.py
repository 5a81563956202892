"""Reviews of case files: the one place the web side asks the rules core for findings."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from casework.cases.models import Case
from casework.cases.selectors import case_snapshot_build
from casework.rules.findings import Review
from casework.rules.quality import review_case

from .reference_port import reference_port


def case_review(case: Case, *, today: date | None = None, stage: str | None = None) -> Review:
    """Findings for the case at its file stage (prefetch the case with `cases_with_parts()`)."""
    return review_case(
        case_snapshot_build(case),
        today=today or timezone.localdate(),
        reference=reference_port(),
        stage=stage,
        table=getattr(settings, "CASEWORK_NFS_TABLE", "DG6-2020"),
    )
