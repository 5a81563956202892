"""The contact log: queries from and updates to victims, witnesses, defendants and partners.

Telling a victim or witness of the latest decisions and results moves their `last_update_at`,
which is what the Victims' Code and witness-result deadlines are measured against."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record

from . import events
from .models import Case, ContactEntry, Witness
from .refs import next_ref
from .services import CaseRefused, case_deadlines_refresh, case_revision_check


class ContactError(CaseRefused):
    pass


@transaction.atomic
def contact_record(*, case: Case, actor, party: str, direction: str, channel: str, summary: str,
                   witness: Witness | None = None, told_of_progress: bool = False,
                   expected_revision: int | None = None) -> ContactEntry:
    summary = summary.strip()
    if party not in dict(ContactEntry.PARTIES) or channel not in dict(ContactEntry.CHANNELS) or direction not in ("in", "out"):
        raise ContactError("Choose who the contact was with, which way and how.")
    if len(summary) < 5:
        raise ContactError("Say what was asked or said.")
    if told_of_progress and witness is None:
        raise ContactError("Choose which victim or witness was told of the latest decisions and results.")
    case = case_revision_check(case, expected_revision)
    # CT, not C: the case file's refs are unique across a case, and CPS decisions use C1, C2 ….
    now = timezone.now()
    entry = ContactEntry.objects.create(case=case, ref=next_ref(case.contacts.values_list("ref", flat=True), "CT"), at=now, by=actor,
                                        party=party, witness=witness, direction=direction, channel=channel,
                                        summary=summary, told_of_progress=told_of_progress)
    if told_of_progress:
        Witness.objects.filter(pk=witness.pk).update(last_update_at=now)
    who = witness.display_name if witness else dict(ContactEntry.PARTIES)[party]
    event = events.contact_recorded(case, ref=entry.ref, party=who, direction=direction, told=told_of_progress, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"contacts {entry.ref}", before=None,
                  after={"party": party, "summary": summary, "told_of_progress": told_of_progress}, summary=event.summary)
    case_deadlines_refresh(case)
    return entry
