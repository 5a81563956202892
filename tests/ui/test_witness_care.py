"""Witness care: after a not guilty plea each victim and civilian witness is owed a needs
assessment, and before a trial a warning; the queue lists that work, and recording it done (or
attempted without contact) clears it (or leaves it due), with its history and timeline event."""

import pytest

from casework.audit.models import CaseChange
from casework.cases.models import Case, ContactEntry, Task, Witness
from casework.deadlines.models import CaseDeadline

from .helpers import sample_case_with_cpo_and_oic
from .workbench_helpers import PASSWORD, SHOWN, URN, Role, person, rev, text

pytestmark = pytest.mark.django_db
NEEDS, WARNING = "DEADLINE.WITNESS_CARE.NEEDS_ASSESSMENT", "DEADLINE.WITNESS_CARE.WARNING"


@pytest.fixture
def case(units, sample_doc, today):
    """Not guilty plea on Fri 7 Mar 2025, trial H2 on Mon 3 Jun 2030; victim W1, police witness
    W2 and civilian witness W3."""
    court = sample_doc["hearings"][0]["court_code"]
    sample_doc["hearings"] = [
        {"ref": "H1", "court_code": court, "type": "first", "starts_at": "2025-03-07T10:00:00Z",
         "outcome": "not_guilty_plea", "notes": ""},
        {"ref": "H2", "court_code": court, "type": "trial", "starts_at": "2030-06-03T09:30:00Z", "outcome": None,
         "notes": ""},
    ]
    sample_doc["witnesses"].append(dict(sample_doc["witnesses"][1], ref="W3", forenames="Omar", surname="Hussain",
                                        role="civilian", phone="07700 900456"))
    case = sample_case_with_cpo_and_oic(units, sample_doc, today)
    person("wc", Role.WITNESS_CARE, units["hub"], "Wendy", "Clarke")
    person("cps", Role.CPS_LIAISON, None, "Carl", "Price")
    return case


@pytest.fixture
def wc(client, case):
    client.login(username="wc", password=PASSWORD)
    return client


def _record(client, kind, subject_ref, outcome="done", note="Spoke to them at length.", **extra):
    data = {"urn": URN, "revision": rev(), "kind": kind, "subject_ref": subject_ref, "outcome": outcome,
            "note": note, "channel": "phone", **extra}
    return client.post("/witness-care/record/", data, follow=True)


def _owed(kind, subject_ref):
    return CaseDeadline.objects.filter(kind=kind, subject_ref=subject_ref, done=False).exists()


def test_the_queue_lists_work_for_victims_and_civilian_witnesses_but_not_police(wc):
    page = text(wc.get("/witness-care/"))
    assert "6 items." in page
    assert "<strong>Needs assessment</strong>: Jane DOE (W1, victim)" in page
    assert "<strong>Warn for trial</strong>: Omar HUSSAIN (W3) for the trial H2 on Mon 3 Jun 2030" in page
    assert "<strong>Victims' Code update</strong>" in page and "<strong>Pass on the result</strong>" in page
    assert "Sarah ELLIS" not in page  # police witnesses are warned through duty rosters
    warnings = text(wc.get("/witness-care/", {"kind": WARNING}))
    assert "2 items." in warnings and "<strong>Needs assessment</strong>" not in warnings


def test_a_needs_assessment_done_clears_it_and_records_the_needs(wc):
    note = "Needs childcare on the trial day; no dates to avoid in June."
    page = text(_record(wc, "needs_assessment", "W1", note=note, back="/witness-care/"))
    assert f"Recorded for {SHOWN} W1." in page and "5 items." in page
    assert not _owed(NEEDS, "W1") and _owed(NEEDS, "W3")
    assert Witness.objects.get(ref="W1").needs == note
    task = Task.objects.get(kind="needs_assessment")
    assert (task.status, task.outcome, task.witness.ref, task.assignee) == ("done", "done", "W1", None)
    assert "recorded by Wendy Clarke" in task.description
    change = CaseChange.objects.get(change="case.witness_care.done")
    assert change.before == {"needs": "Wants a female officer for updates."} and change.after["needs"] == note
    assert f"Full needs assessment for Jane DOE (W1) ({task.ref}): Done — {note}." in text(wc.get(f"/cases/{URN}/"))


def test_no_contact_is_recorded_but_leaves_the_assessment_due(wc):
    page = text(_record(wc, "needs_assessment", "W1", outcome="no_contact", note="No answer; voicemail left."))
    assert f"Recorded for {SHOWN} W1." in page
    assert Task.objects.get(kind="needs_assessment").outcome == "no_contact"
    assert _owed(NEEDS, "W1") and Witness.objects.get(ref="W1").needs == "Wants a female officer for updates."
    assert "<strong>Needs assessment</strong>: Jane DOE (W1, victim)" in text(wc.get("/witness-care/"))


def test_a_warning_with_concerns_meets_the_warning_for_that_trial_only(wc):
    _record(wc, "warn_for_trial", "W3/H2", outcome="concerns", note="Will attend but fears meeting the family.")
    assert not _owed(WARNING, "W3/H2") and _owed(WARNING, "W1/H2")
    task = Task.objects.get(kind="warn_for_trial")
    assert task.hearing.ref == "H2" and task.title == "Warn for trial: Omar HUSSAIN (W3) for the trial H2 on 3 Jun 2030"


def test_a_victims_code_update_told_meets_the_update_deadline(wc):
    page = text(_record(wc, "update", "W1", note="Told of the plea and the trial date."))
    assert f"Recorded for {SHOWN} W1." in page
    contact = ContactEntry.objects.get()
    assert contact.told_of_progress and contact.summary == "Update on the case (Done): Told of the plea and the trial date."
    assert Witness.objects.get(ref="W1").last_update_at is not None
    assert not _owed("DEADLINE.VICTIMS_CODE.UPDATE", "W1")


def test_an_update_without_contact_leaves_the_victim_untold(wc):
    _record(wc, "update", "W1", outcome="no_contact", note="Phone off; letter to follow.")
    assert not ContactEntry.objects.get().told_of_progress
    assert Witness.objects.get(ref="W1").last_update_at is None and _owed("DEADLINE.VICTIMS_CODE.UPDATE", "W1")


@pytest.mark.parametrize("kind, subject_ref, outcome, note, message", [
    ("needs_assessment", "W1", "done", "ok", "Say what was found, agreed or tried"),
    ("needs_assessment", "W9", "done", "Spoke to them.", "This case has no victim or witness W9."),
    ("needs_assessment", "W1", "", "Spoke to them.", "Choose the outcome."),
    ("warn_for_trial", "W1", "done", "Told the date.", "Choose the trial the warning is for."),
    ("general", "W1", "done", "Spoke to them.", "That is not a piece of witness care work."),
])
def test_bad_input_is_refused_with_a_message_and_writes_nothing(wc, kind, subject_ref, outcome, note, message):
    page = text(_record(wc, kind, subject_ref, outcome=outcome, note=note))
    assert message in page
    assert Task.objects.count() == 1 and not ContactEntry.objects.exists()  # only the sample's T1
    assert not CaseChange.objects.filter(change="case.witness_care.done").exists()


def test_recording_from_a_stale_page_is_refused(wc):
    stale = rev()
    _record(wc, "needs_assessment", "W3", note="Needs an interpreter (Urdu).")
    page = text(wc.post("/witness-care/record/", {"urn": URN, "revision": stale, "kind": "needs_assessment",
                                                  "subject_ref": "W1", "outcome": "done", "note": "No needs."},
                        follow=True))
    assert "Someone changed this case after you opened it" in page and _owed(NEEDS, "W1")


def test_it_returns_to_the_case_page_never_to_another_site(wc):
    response = _record(wc, "needs_assessment", "W1", back="https://evil.example/")
    assert response.redirect_chain[-1][0] == f"/cases/{URN}/#witness-care"


def test_the_case_page_offers_recording_only_to_roles_that_do_witness_care(client, case):
    client.login(username="wc", password=PASSWORD)
    assert "Record the outcome" in text(client.get(f"/cases/{URN}/"))
    client.login(username="cps", password=PASSWORD)
    page = text(client.get(f"/cases/{URN}/"))
    assert "<strong>Needs assessment</strong>: Jane DOE (W1, victim)" in page and "Record the outcome" not in page
    assert client.post("/witness-care/record/", {"urn": URN, "kind": "needs_assessment", "subject_ref": "W1",
                                                 "outcome": "done", "note": "No needs."}).status_code == 403
    assert not Task.objects.filter(kind="needs_assessment").exists()


def test_a_restricted_case_leaves_the_queue_of_those_not_named(wc):
    Case.objects.update(restricted=True, restriction_reason="Suspect is a serving officer.")
    assert "Nothing is owed to victims or witnesses." in text(wc.get("/witness-care/"))
