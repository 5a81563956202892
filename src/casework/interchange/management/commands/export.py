import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casework.audit.services import exports_record
from casework.cases.models import Case
from casework.cases.selectors import cases_with_parts
from casework.interchange.services import casefile_export_text, casefiles_export_all
from casework.rules.identifiers import validate_urn


class Command(BaseCommand):
    help = (
        "Write case files in the Casework interchange format (docs/casefile.schema.json). "
        "Exit codes: 0 written, 2 bad arguments or unknown URN."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--urn", help="the case to export (slashes allowed)")
        which.add_argument("--all", action="store_true", help="every case, one file per URN")
        parser.add_argument("--out", help="file (with --urn; default standard output) or folder (with --all)")
        parser.add_argument("--purpose", default="command-line export",
                            help="why the data is exported (recorded in the access log, DPA 2018 s.62)")
        parser.add_argument("--recipient", default="", help="who the files are for, if disclosed outside Casework")

    def handle(self, *args, urn=None, all=False, out=None, purpose="command-line export", recipient="", **options):
        if urn:
            result = validate_urn(urn)
            if not result.ok:
                raise CommandError(f"--urn: {result.problem}", returncode=2)
            case = cases_with_parts().filter(urn=result.normalised).first()
            if case is None:
                raise CommandError(f"--urn: no case with URN {result.normalised}", returncode=2)
            text = casefile_export_text(case)
            exports_record(cases=[(case.pk, case.urn)], what="casework export --urn", purpose=purpose, recipient=recipient)
            if out:
                Path(out).write_text(text, encoding="utf-8")
                self.stderr.write(f"Wrote {out}")
            else:
                self.stdout.write(text, ending="")
            return
        if not out:
            raise CommandError("--all needs --out DIR: the folder to write one file per case into", returncode=2)
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"--out: {out} exists and is not a folder", returncode=2)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        n = 0
        written: list[tuple[int, str]] = []
        for n, (case_urn, text) in enumerate(casefiles_export_all(), 1):
            (folder / f"{case_urn}.json").write_text(text, encoding="utf-8")
            written.append((0, case_urn))
            if n % 500 == 0:
                self.stderr.write(f"  {n:,} cases written")
        ids = dict(Case.objects.values_list("urn", "pk"))
        exports_record(cases=[(ids.get(u), u) for _, u in written], what="casework export --all", purpose=purpose,
                       recipient=recipient)
        self.stderr.write(f"Exported {n:,} cases to {folder} in {time.monotonic() - started:.1f} s")
        sys.stderr.flush()
