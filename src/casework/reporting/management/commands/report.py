"""`casework report --month YYYY-MM --format pdf|xlsx|csv --out DIR [--hub HUB]`: the monthly
performance pack from the command line. Exit codes: 0 written, 1 failure, 2 bad input."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.cases.models import Case
from casework.reporting.filters import parse_month
from casework.reporting.render import FORMATS
from casework.reporting.services import ReportError, hub_get, pack_files


class Command(BaseCommand):
    help = ("Write the monthly performance pack (file quality, timeliness, caseload, outcomes, training needs) "
            "for the force or one hub. Every pack written is recorded in the access log. "
            "Exit codes: 0 written, 1 failure, 2 bad input.")

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="the month, YYYY-MM")
        parser.add_argument("--format", required=True, dest="fmt", nargs="+", choices=sorted(FORMATS),
                            help="one or more of pdf, xlsx, csv")
        parser.add_argument("--out", required=True, help="the folder to write into (created if missing)")
        parser.add_argument("--hub", help="a hub's code (e.g. HUB-N); default the whole force")
        parser.add_argument("--today", help="as at this date (YYYY-MM-DD); default today")
        parser.add_argument("--purpose", default="monthly performance report",
                            help="why the pack is produced (recorded in the access log)")
        parser.add_argument("--recipient", default="", help="who it is for (recorded in the access log)")

    def handle(self, *args, month, fmt, out, hub=None, today=None, purpose="", recipient="", **options):
        try:
            first = parse_month(month)
        except ValueError as e:
            raise CommandError(f"--month: {e}", returncode=2) from None
        try:
            as_at = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today: {today!r} is not a date like 2026-12-03", returncode=2) from None
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"--out: {out} is a file, not a folder", returncode=2)
        try:
            unit = hub_get(hub) if hub else None
        except ReportError as e:
            raise CommandError(f"--hub: {e}", returncode=2) from None
        scope = unit.name if unit else settings.CASEWORK_FORCE_NAME
        try:
            files = pack_files(user=None, cases=Case.objects.all(), month=first, hub=unit, formats=list(dict.fromkeys(fmt)),
                               today=as_at, scope=scope, purpose=f"command line: {purpose}", recipient=recipient)
        except ReportError as e:
            raise CommandError(str(e), returncode=2) from None
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files:
            path = folder / name
            path.write_bytes(content)
            self.stdout.write(f"Wrote {path} ({len(content):,} bytes)")
