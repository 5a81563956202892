"""Benchmark: deadlines for whole cases, and the nightly recompute of every open case.

Builds N open demo cases (default 100,000: the open cases of a generated demo set, repeated under
fresh URNs), then times (a) `deadlines_for` on case documents, in cases per second, and (b) the
nightly recompute (`deadlines_recompute_open`: read, compute, replace the stored rows). Target:
100,000 open cases recomputed in under 2 minutes on this machine. Setup takes several minutes.

    .venv/bin/python bench/bench_deadlines.py [--open-cases 100000]
"""

import argparse
import copy
import shutil
import sys
import time
from datetime import date

from _setup import django_on_scratch_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--open-cases", type=int, default=100_000)
    args = parser.parse_args()
    tmp = django_on_scratch_database("casework-bench-deadlines-")
    from django.db import transaction

    from casework.deadlines.services import (
        LONDON,
        calendar_build,
        deadlines_recompute_open,
        service_levels_ensure,
        settings_load,
    )
    from casework.demo.services import demo_casefiles_generate
    from casework.interchange.writer import Resolver, casefiles_bulk_create
    from casework.rules.deadlines import deadlines_for
    from casework.rules.snapshot import snapshot_from_casefile

    today = date(2026, 11, 22)
    service_levels_ensure()
    started = time.perf_counter()
    base = [d for d in demo_casefiles_generate(cases=4000, seed=7, today=today) if d["case"]["stage"] != "finalised"]
    resolver = Resolver()
    made = 0
    serial = 0
    while made < args.open_cases:
        batch = []
        for doc in base:
            if made + len(batch) >= args.open_cases:
                break
            serial += 1
            d = copy.deepcopy(doc)
            d["case"]["urn"] = f"{d['case']['urn'][:4]}{serial:07d}{d['case']['urn'][-2:]}"
            batch.append(d)
        with transaction.atomic():
            casefiles_bulk_create(batch, resolver=resolver)
        made += len(batch)
    setup_s = time.perf_counter() - started
    print(f"setup: {made:,} open cases written in {setup_s:.0f} s")

    calendar, settings = calendar_build(), settings_load()
    snaps = [snapshot_from_casefile(d) for d in base]
    started = time.perf_counter()
    n = 0
    for _ in range(3):
        for s in snaps:
            deadlines_for(s, today=today, calendar=calendar, settings=settings, tz=LONDON)
            n += 1
    pure = time.perf_counter() - started
    print(f"deadlines_for (pure, whole cases): {n / pure:,.0f} cases/s ({pure / n * 1e6:.0f} µs per case)")

    result = deadlines_recompute_open()
    print(f"first recompute (no deadlines stored yet, every case written): {result['cases']:,} open cases, "
          f"{result['deadlines']:,} deadlines in {result['seconds']} s ({result['cases'] / result['seconds']:,.0f} cases/s)")
    again = deadlines_recompute_open()
    print(f"nightly recompute (deadlines stored; {again['changed']:,} cases changed): {again['seconds']} s "
          f"({again['cases'] / again['seconds']:,.0f} cases/s; target: 100,000 open cases under 120 s)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
