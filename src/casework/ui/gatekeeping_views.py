"""Pre-charge gatekeeping: files in the hub's hands before they go to the CPS for a charging
decision, by priority, with who may charge and what is missing."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case as When_
from django.db.models import IntegerField, Value, When
from django.shortcuts import render
from django.utils import timezone

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import cases_visible_to, permissions
from casework.cases.models import FileReturn, FileSubmission
from casework.interchange.export import casefile_docs
from casework.reviews.reference_port import reference_port
from casework.rules.quality import review_case
from casework.rules.snapshot import snapshot_from_casefile

PRIORITY = {"red": "Red (custody)", "green_priority": "Green priority", "green": "Green", "early_advice": "Early advice"}


def gatekeeping_queue(user):
    """Open pre-charge cases in scope with nothing pending at the CPS and nothing back with the
    officer, most pressing first (red, green priority, green, early advice; then oldest)."""
    pending = FileSubmission.objects.filter(file_type__startswith="PC", outcome="pending").values("case_id")
    with_officer = FileReturn.objects.filter(resubmitted_at=None).values("case_id")
    return (cases_visible_to(user).filter(stage="pre_charge").exclude(pk__in=pending).exclude(pk__in=with_officer)
            .annotate(priority=When_(When(charging_category="red", then=Value(0)),
                                     When(charging_category="green_priority", then=Value(1)),
                                     When(charging_category="green", then=Value(2)), default=Value(3),
                                     output_field=IntegerField()))
            .order_by("priority", "received_at", "urn"))


@login_required
def gatekeeping(request):
    if not permissions(request.user).review:
        raise PermissionDenied
    page = Paginator(gatekeeping_queue(request.user).prefetch_related("defendants"), 20).get_page(request.GET.get("page"))
    docs = casefile_docs([c.pk for c in page])
    today, reference = timezone.localdate(), reference_port()
    rows = []
    for case in page:
        review = review_case(snapshot_from_casefile(docs[case.pk]), today=today, reference=reference)
        missing = [f for f in review.findings if f.rule.family == "Required material"]
        rows.append({"case": case, "priority": PRIORITY.get(case.charging_category, "Not categorised"),
                     "red": case.charging_category == "red", "review": review, "missing": missing,
                     "blockers": sum(1 for f in review.findings if f.level.value == "blocker")})
    access_record(user=request.user, action=AccessAction.LIST, what=f"gatekeeping queue, page {page.number}",
                  purpose="pre-charge gatekeeping", request=request)
    return render(request, "ui/gatekeeping.html", {"rows": rows, "page_obj": page, "total": page.paginator.count})
