"""Benchmark: the caseworker workbench pages, served from a database of 100,000 cases.

Builds N cases (default 100,000): a generated demo set of 4,000 in the generator's own mix of
stages (--open-only: its open cases only, as bench_deadlines) is written through the importer as
the demo writes it and the demo logins are created, so the case progression officer and the
officer in the case take over a demo-sized caseload; the set is then copied in SQL under fresh
URNs (checked: sampled copies export exactly as their originals) and every open case's deadlines
are computed. The hub manager's team worklist is a whole hub, about half of all cases. Then,
signed in through Django's test client, it times each page (one warm-up, then --repeat requests;
wall time of the request, so the server's work without the network): My cases, the team worklist
(unfiltered, filtered, page 2), the workload, the case list, gatekeeping, the intake queue, the
reassign and cover page, the witness care queue, partner requests, and the case page of 20
different cases, and prints each page's median and 90th percentile. Target: worklist and case
page served in under 300 ms (server time, median) with 100,000 cases in the SQLite database.
Setup takes about a minute and a half.

    .venv/bin/python bench/bench_workbench.py [--cases 100000] [--repeat 15] [--open-only] [--keep]
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from collections import Counter
from urllib.parse import urlencode

from _setup import django_on_scratch_database

TARGET_MS = 300
BASE_CASES = 4000  # one demo set; larger runs repeat it under fresh URNs
CASE_PAGES = 20


def build(total: int, *, open_only: bool) -> dict:
    """Write about `total` demo cases, the demo logins and every open case's deadlines."""
    from django.db import transaction
    from django.utils import timezone

    from casework.deadlines.services import deadlines_recompute_open, service_levels_ensure
    from casework.demo.services import demo_casefiles_generate, demo_workbench_seed
    from casework.demo.users import demo_users_ensure
    from casework.interchange.writer import Resolver, casefiles_bulk_create

    service_levels_ensure()
    started = time.perf_counter()
    docs = demo_casefiles_generate(cases=BASE_CASES, seed=7, today=timezone.localdate())
    if open_only:
        docs = [d for d in docs if d["case"]["stage"] != "finalised"]
    copies = -(-total // len(docs))
    base = docs[:total // copies]
    resolver = Resolver()
    for i in range(0, len(base), 1000):
        with transaction.atomic():
            casefiles_bulk_create(base[i:i + 1000], resolver=resolver)
    demo_workbench_seed(today=timezone.localdate(), seed=7)  # new files in intake, partner requests
    # The demo logins take over a rostered colleague's caseload of the first set, as on a demo
    # site; the copies keep the colleague (so each login's caseload is of demo size).
    tables = case_tables()
    before = user_links(tables)
    demo_users_ensure()
    after = user_links(tables)
    changes = {(after[key], old) for key, old in before.items() if after.get(key, old) != old}
    took_over = dict(changes)  # demo login → the colleague whose caseload it took over
    if len(took_over) != len(changes):
        raise SystemExit("FAILED: a demo login took over from more than one colleague")
    write_s = time.perf_counter() - started
    started = time.perf_counter()
    copies_sql(tables, copies - 1, took_over)
    copy_s = time.perf_counter() - started
    deadlines = deadlines_recompute_open()
    return {"write_s": write_s, "copy_s": copy_s, "deadlines": deadlines, "base": len(base), "copies": copies}


def case_tables() -> list:
    """Case, then every model reachable from it by foreign keys (its parts, their parts, links,
    events), less the stored deadlines, which are recomputed."""
    from django.apps import apps

    from casework.cases.models import Case
    from casework.deadlines.models import CaseDeadline

    tables = [Case]
    for model in tables:
        for other in apps.get_models(include_auto_created=True):
            if other not in tables and other is not CaseDeadline and any(
                    f.many_to_one and f.related_model is model for f in other._meta.concrete_fields):
                tables.append(other)
    return tables


def user_links(tables: list) -> dict[tuple, int | None]:
    """Every link from these tables to a user: (model, row id, column) → user id."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    links = {}
    for model in tables:
        columns = [f.attname for f in model._meta.concrete_fields if f.many_to_one and f.related_model is User]
        for pk, *users in model._default_manager.values_list("pk", *columns) if columns else ():
            links.update(((model, pk, column), user) for column, user in zip(columns, users, strict=True))
    return links


def copies_sql(tables: list, copies: int, took_over: dict[int, int]) -> None:
    """Repeat every case written so far `copies` times under fresh URNs, in SQL: each row of the
    case and of every table that hangs off it, with its id and its links inside the case moved
    on by the table's highest id, and links to the demo logins pointed back at the colleague they
    took over from. Writing 100,000 cases through the importer takes over ten minutes, nearly all
    of it building INSERT statements in Python; this takes seconds, and `copies_check` proves the
    copies export exactly as their originals."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from casework.cases.models import Case

    User = get_user_model()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        span = {}
        for model in tables:
            cursor.execute(f"SELECT COALESCE(MAX({quote(model._meta.pk.column)}), 0) FROM {quote(model._meta.db_table)}")
            span[model] = cursor.fetchone()[0]
        back = " ".join(f"WHEN {new} THEN {old}" for new, old in took_over.items())
        for k in range(1, copies + 1):
            with transaction.atomic():
                for model in tables:
                    if not span[model]:
                        continue
                    columns, values = [], []
                    for f in model._meta.concrete_fields:
                        col = quote(f.column)
                        columns.append(col)
                        if f.primary_key:
                            values.append(f"{col} + {k * span[model]}")
                        elif f.many_to_one and f.related_model in span:
                            values.append(f"{col} + {k * span[f.related_model]}")
                        elif f.many_to_one and f.related_model is User and back:
                            values.append(f"CASE {col} {back} ELSE {col} END")
                        elif model is Case and f.name == "urn":
                            # 2 + 2 letters + 7-digit serial + year: never one of the first set's.
                            values.append(f"substr({col}, 1, 4) || printf('%07d', {quote(model._meta.pk.column)} "
                                          f"+ {k * span[model]}) || substr({col}, -2)")
                        else:
                            values.append(col)
                    cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(columns)}) "
                                   f"SELECT {', '.join(values)} FROM {quote(model._meta.db_table)} "
                                   f"WHERE {quote(model._meta.pk.column)} <= {span[model]}")
    if copies:
        copies_check(span[Case], copies, set(took_over))


def copies_check(span: int, copies: int, demo_ids: set[int]) -> None:
    """Fail unless sampled copies export exactly as their originals, URN aside (cases the demo
    logins took over are left out: their copies rightly name the colleague instead)."""
    from django.contrib.auth import get_user_model

    from casework.interchange.export import casefile_docs

    demo = [f'"username": "{name}"' for name in
            get_user_model().objects.filter(pk__in=demo_ids).values_list("username", flat=True)]
    sample = range(1, span + 1, max(1, span // 200))
    checks = sorted({1, copies})
    compared = 0
    for k in checks:
        docs = casefile_docs([*sample, *(pk + k * span for pk in sample)])
        for pk in sample:
            original, copy = docs[pk], docs[pk + k * span]
            if any(name in json.dumps(original) for name in demo):
                continue
            original["case"].pop("urn"), copy["case"].pop("urn")
            if original != copy:
                raise SystemExit(f"FAILED: copy {k} of case {pk} differs from its original")
            compared += 1
    if compared < len(checks) * len(sample) // 2:  # the demo logins' caseloads are a small share
        raise SystemExit(f"FAILED: only {compared} copies compared with their originals")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


class Timer:
    """Times GET requests of one signed-in user; every response must be 200."""

    def __init__(self, user, repeat: int) -> None:
        from django.test import Client

        self.client = Client()
        self.client.force_login(user)
        self.user, self.repeat = user, repeat

    def get(self, url: str) -> float:
        started = time.perf_counter()
        response = self.client.get(url)
        ms = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"FAILED: {self.user.username} GET {url} answered {response.status_code} "
                             f"{response.get('Location', '')}\n{response.content[:500]!r}")
        return ms

    def time(self, urls: list[str]) -> list[float]:
        """One warm-up request per URL, then `repeat` rounds over all of them."""
        for url in urls:
            self.get(url)
        return [self.get(url) for _ in range(self.repeat) for url in urls]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15, help="timed requests per page, after one warm-up")
    parser.add_argument("--open-only", action="store_true",
                        help="open cases only (as bench_deadlines), not the demo's mix of stages")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database and print where it is")
    args = parser.parse_args()
    # The test client's host: allowed as a deployment would allow its own name.
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    started = time.perf_counter()
    tmp = django_on_scratch_database("casework-bench-workbench-")
    try:
        built = build(args.cases, open_only=args.open_only)
        setup_s = time.perf_counter() - started
        rows, summary = measure(args.repeat)
    finally:
        if args.keep:
            print(f"scratch database kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(setup_line(setup_s, built))
    for line in summary:
        print(line)
    print()
    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  {'requests':>8}  {'median ms':>9}  {'p90 ms':>7}  {'max ms':>7}  under {TARGET_MS} ms")
    for label, times in rows:
        median = statistics.median(times)
        print(f"{label:<{width}}  {len(times):>8}  {median:>9.0f}  {percentile(times, 0.9):>7.0f}  "
              f"{max(times):>7.0f}  {'yes' if median < TARGET_MS else 'NO'}")
    slow = [label for label, times in rows if statistics.median(times) >= TARGET_MS]
    print(f"\n{len(rows) - len(slow)} of {len(rows)} pages meet the target (median under {TARGET_MS} ms)"
          + (f"; over: {', '.join(slow)}" if slow else "."))


def setup_line(setup_s: float, built: dict) -> str:
    """What the set-up built and how long each part took (shared with bench_reports)."""
    d = built["deadlines"]
    return (f"setup: {setup_s:.0f} s ({built['write_s']:.0f} s generating and writing {built['base']:,} demo cases "
            f"and the logins, {built['copy_s']:.0f} s copying them {built['copies'] - 1} times, "
            f"{d['seconds']:.0f} s computing {d['deadlines']:,} deadlines for {d['cases']:,} open cases)")


def measure(repeat: int) -> tuple[list[tuple[str, list[float]]], list[str]]:
    """Time every page; returns (label, times in ms) rows and lines describing the data."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from casework.cases.access import cases_visible_to
    from casework.cases.models import Case, Defendant

    User = get_user_model()
    cpo = User.objects.get(username="cpo.demo")
    manager = User.objects.get(username="manager.demo")
    oic = User.objects.get(username="oic.demo")

    hub_open = cases_visible_to(cpo).open()
    mine = Case.objects.open().filter(Q(caseworker=cpo) | Q(oic=cpo) | Q(supervisor=cpo) | Q(named_users=cpo))
    oic_open = Case.objects.open().filter(Q(oic=oic) | Q(supervisor=oic) | Q(named_users=oic))
    stages = Counter(Case.objects.values_list("stage", flat=True))
    summary = [
        f"cases: {sum(stages.values()):,} ({', '.join(f'{s} {n:,}' for s, n in stages.most_common())})",
        f"cpo.demo (case progression officer, {cpo.unit.code}): {mine.distinct().count():,} open cases of their own, "
        f"{hub_open.count():,} open cases in the hub's team worklist; manager.demo ({manager.unit.code}) "
        f"{cases_visible_to(manager).open().count():,}",
        f"oic.demo (officer in the case): {oic_open.distinct().count():,} open cases",
    ]
    # A surname someone would search for: a defendant on one of the caseworker's own cases.
    surname = Defendant.objects.filter(case__in=mine.values("pk")).order_by("pk").values_list("surname", flat=True)[0]
    # Case pages: the caseworker's own open cases first, then other open cases of the hub.
    own = list(mine.order_by("pk").values_list("urn", flat=True).distinct()[:CASE_PAGES // 2])
    hub_urns = [u for u in hub_open.order_by("pk").values_list("urn", flat=True) if u not in own]
    step = max(1, len(hub_urns) // (CASE_PAGES - len(own)))
    others = hub_urns[::step][:CASE_PAGES - len(own)]  # spread over the whole hub
    case_urls = [f"/cases/{urn}/" for urn in own + others]
    oic_case = oic_open.order_by("pk").values_list("urn", flat=True)[0]

    rows: list[tuple[str, list[float]]] = []

    def run(timer: Timer, label: str, urls: list[str]) -> None:
        started = time.perf_counter()
        rows.append((label, timer.time(urls)))
        print(f"  {label}: {statistics.median(rows[-1][1]):.0f} ms median "
              f"({time.perf_counter() - started:.0f} s)", flush=True)

    print("timing pages:", flush=True)
    c, m, o = Timer(cpo, repeat), Timer(manager, repeat), Timer(oic, repeat)
    run(c, "CPO: my cases /worklist/", ["/worklist/"])
    run(c, "CPO: team worklist /worklist/team/", ["/worklist/team/"])
    run(c, "CPO: team worklist, due today", ["/worklist/team/?bucket=today"])
    run(c, "CPO: team worklist, expired", ["/worklist/team/?bucket=expired"])
    run(c, "CPO: team worklist, domestic abuse", ["/worklist/team/?flag=domestic_abuse"])
    run(c, f"CPO: team worklist, search {surname!r}", ["/worklist/team/?" + urlencode({"q": surname})])
    run(c, "CPO: team worklist, page 2", ["/worklist/team/?page=2"])
    run(m, "manager: team worklist /worklist/team/", ["/worklist/team/"])
    run(m, "manager: workload /worklist/workload/", ["/worklist/workload/"])
    run(c, "CPO: case list /cases/", ["/cases/"])
    run(c, f"CPO: case list, search {surname!r}", ["/cases/?" + urlencode({"q": surname})])
    run(c, "CPO: gatekeeping /gatekeeping/", ["/gatekeeping/"])
    run(m, "manager: intake /intake/", ["/intake/"])
    run(m, "manager: reassign and cover /team/", ["/team/"])
    run(c, "CPO: witness care /witness-care/", ["/witness-care/"])
    run(c, "CPO: witness care, due this week", ["/witness-care/?bucket=this_week"])
    run(c, "CPO: partner requests /requests/", ["/requests/"])
    run(c, f"CPO: case page /cases/<urn>/ ({len(case_urls)} cases)", case_urls)
    run(o, "OIC: my cases /worklist/", ["/worklist/"])
    run(o, "OIC: case page (own case)", [f"/cases/{oic_case}/"])
    return rows, summary


if __name__ == "__main__":
    sys.exit(main())
