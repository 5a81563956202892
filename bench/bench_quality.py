"""Benchmark: file-quality review speed on one core.

For a typical demo case file (median size) and for the largest, prints files reviewed per second
(snapshot + review, from the parsed JSON), the JSON parse time of the same file, and the ratio of
review time to parse time. Targets (issue): at least 5,000 typical files a second; review time no
more than 3x the JSON parse. Run with `make bench` or:

    .venv/bin/python bench/bench_quality.py [--cases 2000]
"""

import argparse
import json
import shutil
import sys
import time
from datetime import date

from _setup import django_on_scratch_database


def _per_call(fn, *, seconds: float = 2.0) -> float:
    """Seconds per call, best of 5 rounds of about `seconds` / 5 each."""
    n = 1
    while True:
        started = time.perf_counter()
        for _ in range(n):
            fn()
        took = time.perf_counter() - started
        if took > 0.2:
            break
        n *= 2
    best = took / n
    for _ in range(4):
        started = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - started) / n)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    tmp = django_on_scratch_database("casework-bench-quality-")
    from casework.demo.services import demo_data_seed
    from casework.interchange.services import casefiles_export_all
    from casework.reviews.reference_port import reference_port
    from casework.rules.quality import review_case
    from casework.rules.snapshot import snapshot_from_casefile

    today = date(2026, 11, 22)
    demo_data_seed(cases=args.cases, seed=1, today=today)
    texts = [text for _, text in casefiles_export_all()]
    reference = reference_port()
    texts.sort(key=len)
    picks = {"typical (median)": texts[len(texts) // 2], "largest": texts[-1]}

    started = time.perf_counter()
    for text in texts:
        review_case(snapshot_from_casefile(json.loads(text)), today=today, reference=reference)
    whole = time.perf_counter() - started
    print(f"all {len(texts):,} demo files, parse + review: {whole:.2f} s ({len(texts) / whole:,.0f} files/s)")
    for label, text in picks.items():
        doc = json.loads(text)
        parse = _per_call(lambda text=text: json.loads(text))
        check = _per_call(lambda doc=doc: review_case(snapshot_from_casefile(doc), today=today, reference=reference))
        print(f"{label}: {len(text) / 1000:.1f} kB, {len(doc['materials'])} materials; "
              f"review {check * 1e6:,.0f} µs ({1 / check:,.0f} files/s); JSON parse {parse * 1e6:,.0f} µs; "
              f"review / parse = {check / parse:.2f}x")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
