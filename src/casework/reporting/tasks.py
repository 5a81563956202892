"""Background jobs (django-tasks): the monthly packs, enqueued by `casework nightly` on the first
working day of each month and run by the `casework db_worker` process."""

from datetime import date

from django_tasks import task

from .services import monthly_packs_produce


@task()
def monthly_packs(month: str, today: str) -> dict:
    """Produce last month's packs (`month` and `today` as ISO dates: task arguments are JSON)."""
    kept = monthly_packs_produce(month=date.fromisoformat(month), today=date.fromisoformat(today))
    return {"files": len(kept), "bytes": sum(p.size for p in kept)}
