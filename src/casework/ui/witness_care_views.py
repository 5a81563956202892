"""The witness care queue: what is owed to victims and witnesses across the hub — needs
assessments after a not guilty plea, warnings before trials, Victims' Code updates and results to
pass on — most urgent first, each recorded done (or attempted) with its outcome."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import access_case, cases_visible_to, permissions
from casework.cases.constants import TaskOutcome
from casework.cases.models import ContactEntry, Hearing, Witness
from casework.cases.services import CaseRefused
from casework.cases.witness_care import QUEUE_KINDS, QUEUE_LABELS, split_ref, witness_care_record
from casework.deadlines.models import CaseDeadline
from casework.deadlines.selectors import status_of
from casework.deadlines.worklists import bucket_q
from casework.rules.deadlines import BUCKET_LABELS, BUCKETS

from .forms import back_to, form_revision


def witness_care_rows(deadlines, today) -> list[dict]:
    """Queue rows for stored deadlines: each with its person, hearing and status."""
    deadlines = list(deadlines)
    case_ids = {d.case_id for d in deadlines}
    witnesses = {(w.case_id, w.ref): w for w in Witness.objects.filter(case_id__in=case_ids)}
    hearings = {(h.case_id, h.ref): h for h in Hearing.objects.filter(case_id__in=case_ids).select_related("court")}
    rows = []
    for d in deadlines:
        wref, href = split_ref(d.subject_ref)
        rows.append({"deadline": d, "case": d.case, "what": QUEUE_LABELS[d.kind], "kind": QUEUE_KINDS[d.kind],
                     "witness": witnesses.get((d.case_id, wref)), "hearing": hearings.get((d.case_id, href)),
                     **status_of(d.due, today)})
    return rows


FORM_CONTEXT = {"outcomes": TaskOutcome.choices, "channels": ContactEntry.CHANNELS}


@login_required
def witness_care(request):
    if not permissions(request.user).witness_care:
        raise PermissionDenied
    today = timezone.localdate()
    q = request.GET
    items = (CaseDeadline.objects.filter(done=False, kind__in=list(QUEUE_KINDS),
                                         case__in=cases_visible_to(request.user).open().values("pk"))
             .select_related("case"))
    if q.get("kind") in QUEUE_KINDS:
        items = items.filter(kind=q["kind"])
    if (in_bucket := bucket_q(q.get("bucket", ""), today, "due")) is not None:
        items = items.filter(in_bucket)
    if q.get("q"):
        items = items.filter(case__urn__icontains=q["q"].replace("/", "").strip())
    page = Paginator(items.order_by("due", "-hard", "case__urn", "kind", "subject_ref"), 25).get_page(q.get("page"))
    access_record(user=request.user, action=AccessAction.LIST, what=f"witness care queue, page {page.number}",
                  purpose="care for victims and witnesses", request=request)
    query = q.copy()
    query.pop("page", None)
    return render(request, "ui/witness_care.html", {
        **FORM_CONTEXT, "rows": witness_care_rows(page, today), "page_obj": page, "total": page.paginator.count,
        "q": q, "query": query.urlencode(), "kinds": list(QUEUE_LABELS.items()),
        "buckets": [(b, BUCKET_LABELS[b]) for b in BUCKETS],
        "back": request.get_full_path(),
    })


@login_required
@require_POST
def witness_care_record_view(request):
    if not permissions(request.user).witness_care:
        raise PermissionDenied
    case = access_case(user=request.user, urn=request.POST.get("urn", ""), purpose="record witness care",
                       request=request)
    witness_ref, hearing_ref = split_ref(request.POST.get("subject_ref", ""))
    kind = request.POST.get("kind", "")
    try:
        witness_care_record(case=case, actor=request.user, kind=kind, witness_ref=witness_ref, hearing_ref=hearing_ref,
                            outcome=request.POST.get("outcome", ""), note=request.POST.get("note", ""),
                            channel=request.POST.get("channel", "phone"), expected_revision=form_revision(request))
    except CaseRefused as e:
        messages.error(request, f"{case.urn_display} {witness_ref}: {e}")
    else:
        messages.success(request, f"Recorded for {case.urn_display} {witness_ref}.")
    return back_to(request, case, "#witness-care")
