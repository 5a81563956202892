from pathlib import Path

from django.core.management.base import BaseCommand

from casework.interchange.schema import casefile_schema_text


class Command(BaseCommand):
    help = "Write the case-file JSON Schema (default: standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="file to write, e.g. docs/casefile.schema.json")

    def handle(self, *args, out=None, **options):
        if out:
            Path(out).write_text(casefile_schema_text(), encoding="utf-8")
        else:
            self.stdout.write(casefile_schema_text(), ending="")
