from django.core.management.base import BaseCommand

from casework.reporting.store import facts_refresh_all


class Command(BaseCommand):
    help = ("Bring the performance dashboard's stored facts up to date now: collect again the facts of every case "
            "changed since they were stored (with --all, of every case; the nightly job does that).")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="everything",
                            help="collect every case's facts again, up to date or not")

    def handle(self, *args, everything=False, **options):
        def progress(done, total):
            if done % 5000 == 0 or done == total:
                self.stderr.write(f"  {done:,} / {total:,} cases")

        result = facts_refresh_all(everything=everything, progress=progress)
        self.stdout.write(f"{result['cases']:,} cases collected in {result['seconds']} s: "
                          f"{result['facts']:,} facts stored.")
