from django.core.management.base import BaseCommand

from casework.deadlines.services import deadlines_recompute_open


class Command(BaseCommand):
    help = "Recompute the stored deadlines of every open case now (what the nightly job does)."

    def handle(self, *args, **options):
        def progress(done, total):
            if done % 5000 == 0 or done == total:
                self.stderr.write(f"  {done:,} / {total:,} cases")

        result = deadlines_recompute_open(progress=progress)
        self.stdout.write(f"{result['cases']:,} open cases in {result['seconds']} s: {result['changed']:,} changed; "
                          f"{result['deadlines']:,} deadlines stored.")
