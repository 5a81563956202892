"""Shared fixtures: the real reference data is loaded once into each test database."""

import json
from datetime import date
from pathlib import Path

import pytest

from casework.people.constants import UnitKind

FILES = Path(__file__).parent / "interchange" / "files"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from casework.reference.services import reference_data_load

    with django_db_blocker.unblock():
        reference_data_load()


@pytest.fixture
def units(db):
    from casework.people.models import Unit

    force = Unit.objects.create(code="WMP-TEST", name="Test force", kind=UnitKind.FORCE, ou_code="20")
    hub = Unit.objects.create(code="HUB-TEST", name="Test hub", kind=UnitKind.HUB, parent=force)
    lpa = Unit.objects.create(code="LPA-TEST", name="Test LPA", kind=UnitKind.LPA, parent=force,
                              ou_code="20BH")
    return {"force": force, "hub": hub, "lpa": lpa}


@pytest.fixture
def sample_doc() -> dict:
    return json.loads((FILES / "20BH0456725.json").read_text())


@pytest.fixture
def today() -> date:
    return date(2025, 3, 10)
