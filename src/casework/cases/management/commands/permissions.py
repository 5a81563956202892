from pathlib import Path

from django.core.management.base import BaseCommand

from casework.cases.access import permissions_markdown


class Command(BaseCommand):
    help = "Write the permission table (docs/permissions.md)."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, out=None, **options):
        text = permissions_markdown()
        if out:
            Path(out).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
