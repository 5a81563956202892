"""Background jobs (django-tasks). The nightly recompute is enqueued by `casework nightly` (run it
from cron or a systemd timer) and executed by the `casework db_worker` process."""

from django_tasks import task

from .services import deadlines_recompute_open


@task()
def deadlines_recompute_all() -> dict:
    return deadlines_recompute_open()
