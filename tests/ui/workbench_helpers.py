"""Helpers for the workbench tests (intake, cover, witness care, partner requests, tasks,
restriction): people of the test hub and more copies of the sample case."""

import html
import json

from casework.cases.models import Case
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

from .helpers import PASSWORD

URN, SHOWN = "20BH0456725", "20/BH/04567/25"


def person(username: str, role: str, unit, first: str = "Test", last: str = "") -> User:
    user = User(username=username, role=role, unit=unit, first_name=first, last_name=last or username)
    user.set_password(PASSWORD)
    user.save()
    return user


def add_case(sample_doc: dict, today, urn: str, *, caseworker: str | None = None, **case) -> Case:
    """Another copy of the sample case under `urn`, optionally worked by `caseworker`."""
    doc = json.loads(json.dumps(sample_doc))
    doc["case"].update(urn=urn, caseworker={"username": caseworker} if caseworker else None, **case)
    assert Importer(today=today).import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"
    return Case.objects.get(urn=urn)


def rev(urn: str = URN) -> int:
    return Case.objects.get(urn=urn).revision


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


__all__ = ["PASSWORD", "Role", "SHOWN", "URN", "add_case", "person", "rev", "text"]
