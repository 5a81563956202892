"""The stage-change service: refusals carry reasons and write nothing; success writes an event."""

import json

import pytest

from casework.cases.models import Case, CaseEvent
from casework.cases.services import TransitionRefused, case_transition
from casework.interchange.services import Importer

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(units, sample_doc, today):
    sample_doc["hearings"][0]["outcome"] = "not_guilty_plea"
    sample_doc["hearings"][0]["starts_at"] = "2025-03-07T10:00:00Z"
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    return Case.objects.get()


def test_refused_transition_says_why_and_changes_nothing(case):
    events = CaseEvent.objects.count()
    with pytest.raises(TransitionRefused) as refused:
        case_transition(case=case, to="sent_to_crown")
    assert "No hearing is recorded with the outcome 'sent to the Crown Court'." in refused.value.reasons
    case.refresh_from_db()
    assert case.stage == "charged" and CaseEvent.objects.count() == events


def test_allowed_transition_moves_the_stage_and_writes_the_timeline(case):
    case_transition(case=case, to="awaiting_trial", reason="NG plea at first hearing.")
    case.refresh_from_db()
    assert case.stage == "awaiting_trial"
    event = case.events.get(kind="case.stage.changed")
    assert event.summary == ("Stage changed from 'Charged – awaiting first hearing' to "
                             "'Awaiting trial (magistrates' court)'. NG plea at first hearing.")
