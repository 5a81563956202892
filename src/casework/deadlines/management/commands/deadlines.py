import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from casework.deadlines.services import LONDON, calendar_build, settings_load
from casework.interchange.services import casefiles_read
from casework.rules.calendar import Calendar
from casework.rules.deadlines import BUCKET_LABELS, DEFAULT_SETTINGS, deadlines_for
from casework.rules.snapshot import snapshot_from_casefile


class Command(BaseCommand):
    help = "Every deadline in case files, with its basis, most urgent first. Exit codes: 0 ok, 2 bad input."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument("--today", help="as at this date (YYYY-MM-DD); default today")
        parser.add_argument("--json", action="store_true", dest="as_json", help="one JSON object per file, one per line")

    def handle(self, *args, paths, today=None, as_json=False, **options):
        try:
            as_at = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today: {today!r} is not a date like 2025-03-10", returncode=2) from None
        try:
            calendar, settings = calendar_build(), settings_load()
        except DatabaseError:  # no database yet: bank holidays from `holidays`, default figures
            import holidays

            calendar = Calendar(dict(holidays.country_holidays("GB", subdiv="ENG", years=range(2015, 2041)).items()))
            settings = DEFAULT_SETTINGS
        bad = 0
        for path, doc, problems in casefiles_read(paths):
            if problems:
                bad += 1
                for p in problems:
                    self.stderr.write(f"{path}: {p}")
                continue
            found = deadlines_for(snapshot_from_casefile(doc), today=as_at, calendar=calendar, settings=settings, tz=LONDON)
            urn = doc["case"]["urn"]
            if as_json:
                self.stdout.write(json.dumps({"file": path, "urn": urn, "today": as_at.isoformat(),
                                              "deadlines": [d.as_dict(as_at) for d in found]}, ensure_ascii=False))
                continue
            self.stdout.write(f"{path}: URN {urn[:2]}/{urn[2:4]}/{urn[4:-2]}/{urn[-2:]} — {len(found)} deadline(s) as at {as_at}")
            for d in found:
                status = BUCKET_LABELS[d.status(as_at)]
                hard = "statutory" if d.rule.hard else "target"
                self.stdout.write(f"  {status:<10} {d.due.isoformat()}  {d.rule.title} — {d.subject} ({hard}, {d.rule.confidence})")
                self.stdout.write(f"             {d.basis}")
        sys.exit(2 if bad else 0)
