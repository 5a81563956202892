import pytest

from casework.people.constants import Role
from casework.people.models import User

from .helpers import PASSWORD


@pytest.fixture
def make_user(db):
    def make(username="cpo", role=Role.CASEWORKER, **fields):
        staff = role == Role.ADMINISTRATOR
        fields.setdefault("is_staff", staff)
        fields.setdefault("is_superuser", staff)
        user = User(username=username, role=role, first_name="Test", last_name="Person", **fields)
        user.set_password(PASSWORD)
        user.save()
        return user
    return make
