"""The sample case imported for a hub, with a case progression officer (cpo) and its officer in
the case (pc.jones1234) able to sign in."""

import json

from casework.cases.models import Case
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

PASSWORD = "correct-horse-battery-9"


def sample_case_with_cpo_and_oic(units, sample_doc, today) -> Case:
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    cpo = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"], first_name="Priya", last_name="Sharma")
    cpo.set_password(PASSWORD)
    cpo.save()
    oic = User.objects.get(username="pc.jones1234")
    oic.is_active = True
    oic.set_password(PASSWORD)
    oic.save()
    return Case.objects.get()
