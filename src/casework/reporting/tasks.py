"""Background jobs (django-tasks), run by the `casework db_worker` process: the monthly packs,
enqueued by `casework nightly` on the first working day of each month, and every case's stored
report facts collected again each night."""

from datetime import date

from django_tasks import task

from .services import monthly_packs_produce
from .store import facts_refresh_all


@task()
def monthly_packs(month: str, today: str) -> dict:
    """Produce last month's packs (`month` and `today` as ISO dates: task arguments are JSON)."""
    kept = monthly_packs_produce(month=date.fromisoformat(month), today=date.fromisoformat(today))
    return {"files": len(kept), "bytes": sum(p.size for p in kept)}


@task()
def report_facts_refresh() -> dict:
    """Collect every case's report facts again."""
    return facts_refresh_all(everything=True)
