import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from casework.interchange.services import Importer, casefile_paths


class Command(BaseCommand):
    help = (
        "Read case files (an upsert keyed by URN; each file all-or-nothing). "
        "Exit codes: 0 all imported, 2 one or more files refused (nothing from those was written)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    def handle(self, *args, paths, **options):
        files, missing = casefile_paths(paths)
        for name in missing:
            self.stderr.write(f"{name}: no such file or folder")
        if not files:
            raise CommandError("No case files to import.", returncode=2)
        importer = Importer(today=timezone.localdate())
        started = time.monotonic()
        many = len(files) > 20
        counts = {"created": 0, "updated": 0, "unchanged": 0, "refused": 0}

        def progress(n, total, outcome):
            counts[outcome.status] += 1
            if outcome.status == "refused":
                self.stderr.write(f"{outcome.name}: refused; nothing from this file was written:")
                for p in outcome.problems:
                    self.stderr.write(f"  - {p}")
            for w in outcome.warnings:
                self.stderr.write(f"{outcome.name}: warning: {w}")
            if not many:
                if outcome.status != "refused":
                    self.stdout.write(f"{outcome.name}: {outcome.status} {outcome.urn}")
            elif n % 100 == 0 or n == total:
                self.stderr.write(f"  {n:,} / {total:,} files")

        importer.import_paths(files, progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"{len(files):,} files in {elapsed:.1f} s: {counts['created']} created, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['refused']} refused."
        )
        if counts["refused"] or missing:
            raise CommandError(f"{counts['refused'] + len(missing)} file(s) refused.", returncode=2)
