from django.core.management.base import BaseCommand

from casework.deadlines.tasks import deadlines_recompute_all


class Command(BaseCommand):
    help = ("Enqueue the nightly jobs (recompute every open case's deadlines) for `casework db_worker`. "
            "Run from cron or a systemd timer, e.g. `15 1 * * * casework nightly`.")

    def handle(self, *args, **options):
        result = deadlines_recompute_all.enqueue()
        self.stdout.write(f"Enqueued {deadlines_recompute_all.name} as {result.id}.")
