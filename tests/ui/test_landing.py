"""Signing in lands each role where its day's work is."""

import pytest

from casework.people.constants import Role

from .workbench_helpers import PASSWORD, person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role, lands_on", [
    (Role.CASEWORKER, "/worklist/"),
    (Role.HUB_MANAGER, "/worklist/team/"),
    (Role.OIC, "/worklist/"),
    (Role.SUPERVISOR, "/worklist/"),
    (Role.CPS_LIAISON, "/cases/"),
    (Role.WITNESS_CARE, "/witness-care/"),
])
def test_signing_in_lands_on_the_role_s_work(client, units, role, lands_on):
    person("someone", role, units["hub"])
    response = client.post("/login/", {"username": "someone", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == lands_on and response.status_code == 200
