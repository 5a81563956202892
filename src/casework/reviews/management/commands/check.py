import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.interchange.services import casefiles_read
from casework.reviews.reference_port import reference_port
from casework.reviews.report import review_json, review_text
from casework.rules.quality import FILE_TYPES, review_case
from casework.rules.snapshot import snapshot_from_casefile


class Command(BaseCommand):
    help = (
        "Review case files against the National File Standard, DG6 and court acceptance. "
        "Exit codes: 0 every file compliant, 1 any file not compliant, 2 any file unreadable or invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument("--json", action="store_true", dest="as_json", help="one JSON object per file, one per line")
        parser.add_argument("--stage", help=f"review as this file stage: {', '.join(FILE_TYPES)}")
        parser.add_argument("--today", help="review as at this date (YYYY-MM-DD); default today")

    def handle(self, *args, paths, as_json=False, stage=None, today=None, **options):
        from datetime import date

        if stage and stage not in FILE_TYPES:
            raise CommandError(f"--stage: {stage!r} is not a file stage; use one of {', '.join(FILE_TYPES)}", returncode=2)
        try:
            as_at = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today: {today!r} is not a date like 2025-03-10", returncode=2) from None
        reference = reference_port()
        bad = non_compliant = checked = 0
        for path, doc, problems in casefiles_read(paths):
            if problems:
                bad += 1
                for p in problems:
                    self.stderr.write(f"{path}: {p}")
                if as_json:
                    self.stdout.write(json.dumps({"file": path, "errors": problems}))
                continue
            checked += 1
            review = review_case(snapshot_from_casefile(doc), today=as_at, reference=reference, stage=stage)
            non_compliant += not review.compliant
            if as_json:
                self.stdout.write(json.dumps(review_json(review, name=path), ensure_ascii=False))
            else:
                self.stdout.write(review_text(review, name=path) + "\n")
        if not as_json:
            self.stderr.write(f"{checked + bad} file(s): {checked - non_compliant} compliant, {non_compliant} not compliant, {bad} unreadable or invalid.")
        sys.stdout.flush()
        # Exit codes carry the result (no error text: a non-compliant file is a finding, not a fault).
        sys.exit(2 if bad else 1 if non_compliant else 0)
