"""`casework demo-data`: seed realistic demo case files for West Midlands Police."""

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.demo.services import demo_casefiles_generate, demo_casefiles_write


class Command(BaseCommand):
    help = (
        "Create demo case files (West Midlands Police, its LPAs, two Criminal Justice hubs and a "
        "roster of officers and staff). The same --seed and --today always give the same cases; "
        "cases whose URN already exists are skipped, so running it twice adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=2000,
                            help="How many cases to generate (default 2000).")
        parser.add_argument("--seed", type=int, default=1,
                            help="Random seed: the same seed gives the same cases (default 1).")
        parser.add_argument("--today", default=None, metavar="YYYY-MM-DD",
                            help="The date the demo is 'as at' (default: today in "
                                 "Europe/London). Hearings, deadlines and overdue items are "
                                 "placed relative to it.")

    def handle(self, *args, cases: int, seed: int, today: str | None, **options):
        if cases < 1:
            raise CommandError(f"--cases must be at least 1 (got {cases}).", returncode=2)
        if today is None:
            anchor = timezone.localdate()
        else:
            try:
                anchor = date.fromisoformat(today)
            except ValueError:
                raise CommandError(
                    f"--today must be a date written YYYY-MM-DD, e.g. 2025-11-20 (got '{today}').",
                    returncode=2,
                ) from None

        started = time.perf_counter()
        docs = demo_casefiles_generate(cases=cases, seed=seed, today=anchor)
        generated = time.perf_counter()
        self.stderr.write(f"Generated {len(docs):,} case files in {generated - started:.1f} s; "
                          "writing …")

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"  {done:,} / {total:,} cases")

        created = demo_casefiles_write(docs, progress=progress)
        finished = time.perf_counter()
        skipped = len(docs) - created
        note = f" ({skipped:,} already present, skipped)" if skipped else ""
        self.stdout.write(
            f"Created {created:,} demo cases{note} as at {anchor:%d %b %Y}, seed {seed}, in "
            f"{finished - started:.1f} s (generate {generated - started:.1f} s, write "
            f"{finished - generated:.1f} s)."
        )
