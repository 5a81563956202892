"""Benchmark: generate and write demo case files into an empty SQLite database.

Prints the time to generate the documents, the time to write them, and cases per second for
each (target: 10,000 cases generated and written in under a minute on two cores). Run with
`make bench` or directly:

    .venv/bin/python bench/bench_demo_data.py [--cases 10000] [--seed 1]
"""

import argparse
import shutil
import sys
import time
from datetime import date

from _setup import django_on_scratch_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    tmp = django_on_scratch_database("casework-bench-demo-")
    setup_s = time.perf_counter() - started
    from casework.cases.models import Case, CaseEvent, Material
    from casework.demo.services import demo_casefiles_generate, demo_casefiles_write

    try:

        today = date(2025, 11, 20)
        started = time.perf_counter()
        docs = demo_casefiles_generate(cases=args.cases, seed=args.seed, today=today)
        generate_s = time.perf_counter() - started

        started = time.perf_counter()
        written = demo_casefiles_write(docs)
        write_s = time.perf_counter() - started
        assert written == args.cases == Case.objects.count(), (written, Case.objects.count())

        n = args.cases
        rows = sum(len(d[k]) for d in docs for k in ("defendants", "witnesses", "materials",
                                                     "hearings", "submissions", "decisions",
                                                     "action_plans", "tasks"))
        print(f"cases: {n:,}; seed {args.seed}; as at {today}; "
              f"{Material.objects.count():,} materials, {CaseEvent.objects.count():,} events, "
              f"{rows / n:.0f} top-level parts per case")
        print(f"migrate + reference data:  {setup_s:6.1f} s")
        print(f"generate:                  {generate_s:6.1f} s  ({n / generate_s:7.0f} cases/s)")
        print(f"write:                     {write_s:6.1f} s  ({n / write_s:7.0f} cases/s)")
        total = generate_s + write_s
        print(f"generate + write:          {total:6.1f} s  ({n / total:7.0f} cases/s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
