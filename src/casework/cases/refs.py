"""Refs of the parts a case gains as it is worked: submissions S1, S2 …, tasks T1 …, action
plans AP1 … and contacts CT1 …."""

from __future__ import annotations

import re
from collections.abc import Iterable


def next_ref(refs: Iterable[str], prefix: str) -> str:
    """The next ref in a series: after S1 and S3 comes S4. Refs of another series (CT1 is not C1)
    and item refs (AP1-2) count only by their leading number."""
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)(?:-|$)")
    numbers = [int(m.group(1)) for ref in refs if (m := pattern.match(ref))]
    return f"{prefix}{max(numbers, default=0) + 1}"
