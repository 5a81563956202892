from django.core.management.base import BaseCommand
from django.utils import timezone

from casework.deadlines.tasks import deadlines_recompute_all
from casework.reporting.services import monthly_packs_due
from casework.reporting.tasks import monthly_packs, report_facts_refresh


class Command(BaseCommand):
    help = ("Enqueue the nightly jobs for `casework db_worker`: recompute every open case's deadlines, collect every case's report facts again and, on the "
            "first working day of a month, produce last month's performance packs. Run from cron or a systemd "
            "timer, e.g. `15 1 * * * casework nightly`.")

    def handle(self, *args, **options):
        result = deadlines_recompute_all.enqueue()
        self.stdout.write(f"Enqueued {deadlines_recompute_all.name} as {result.id}.")
        result = report_facts_refresh.enqueue()
        self.stdout.write(f"Enqueued {report_facts_refresh.name} as {result.id}.")
        today = timezone.localdate()
        month = monthly_packs_due(today)
        if month:
            result = monthly_packs.enqueue(month.isoformat(), today.isoformat())
            self.stdout.write(f"Enqueued {monthly_packs.name} for {month:%B %Y} as {result.id}.")
