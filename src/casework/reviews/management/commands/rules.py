import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from casework.reviews.report import rule_json, rules_markdown
from casework.rules.quality import catalogue


class Command(BaseCommand):
    help = "List the file-quality rule catalogue (text, --json, or --markdown for docs/rules.md)."

    def add_arguments(self, parser):
        fmt = parser.add_mutually_exclusive_group()
        fmt.add_argument("--json", action="store_true", dest="as_json", help="one JSON array of rules")
        fmt.add_argument("--markdown", action="store_true", help="the docs/rules.md document")
        parser.add_argument("--out", help="write to this file instead of standard output")

    def handle(self, *args, as_json=False, markdown=False, out=None, **options):

        table = getattr(settings, "CASEWORK_NFS_TABLE", "DG6-2020")
        rules = catalogue(table)
        if as_json:
            text = json.dumps([rule_json(r) for r in rules], indent=2, ensure_ascii=False) + "\n"
        elif markdown:
            text = rules_markdown(rules, table=table) + "\n"
        else:
            text = "".join(f"{r.id:<48} {r.severity.value:<8} {r.confidence:<10} {r.title}\n" for r in rules)
        if out:
            Path(out).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
