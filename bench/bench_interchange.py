"""Benchmark: export every case, re-import the files unchanged, and import them into an empty
database. Prints cases per second for each. Run with `make bench` or directly:

    .venv/bin/python bench/bench_interchange.py [--cases 2000]
"""

import argparse
import os
import shutil
import sys
import time
from datetime import date

from _setup import django_on_scratch_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    tmp = django_on_scratch_database("casework-bench-interchange-")
    from django.core.management import call_command

    from casework.cases.models import Case
    from casework.demo.services import demo_data_seed
    from casework.interchange.services import Importer, casefile_paths
    today = date(2026, 11, 22)
    demo_data_seed(cases=args.cases, seed=1, today=today)
    out = tmp / "export"

    started = time.perf_counter()
    call_command("export", all=True, out=str(out), stderr=open(os.devnull, "w"))
    export_s = time.perf_counter() - started
    files, _ = casefile_paths([str(out)])
    size = sum(f.stat().st_size for f in files)

    started = time.perf_counter()
    unchanged = Importer(today=today).import_paths(files)
    same_s = time.perf_counter() - started
    assert {o.status for o in unchanged} == {"unchanged"}, {o.status for o in unchanged}

    Case.objects.all().delete()
    started = time.perf_counter()
    created = Importer(today=today).import_paths(files)
    create_s = time.perf_counter() - started
    assert {o.status for o in created} == {"created"}

    n = len(files)
    print(f"cases: {n:,}; files: {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB per case)")
    print(f"export --all:               {export_s:6.1f} s  ({n / export_s:6.0f} cases/s)")
    print(f"import, unchanged (no-op):  {same_s:6.1f} s  ({n / same_s:6.0f} cases/s)")
    print(f"import into empty database: {create_s:6.1f} s  ({n / create_s:6.0f} cases/s)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
