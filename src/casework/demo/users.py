"""One demo login per role, with passwords generated on first run and kept in var/.

The officer, supervisor and caseworker logins take over the caseload of one rostered person in
the demo data, so each sees a realistic set of cases from the first sign-in.
"""

import secrets
import string
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.db.models import Count, Q

from casework.accounts.services import totp_enrol
from casework.cases.models import ActionPlanItem, Case, Task
from casework.people.constants import Role
from casework.people.models import Unit

DEMO_USERS = [
    # username, role, first name, last name, rank, unit code
    ("cpo.demo", Role.CASEWORKER, "Priya", "Sharma", "", "HUB-BS"),
    ("manager.demo", Role.HUB_MANAGER, "Gareth", "Evans", "", "HUB-BS"),
    ("oic.demo", Role.OIC, "Daniel", "Okafor", "PC", "LPA-BIRM"),
    ("supervisor.demo", Role.SUPERVISOR, "Helen", "Murray", "PS", "LPA-BIRM"),
    ("witnesscare.demo", Role.WITNESS_CARE, "Aisha", "Begum", "", "HUB-BS"),
    ("cps.demo", Role.CPS_LIAISON, "Tom", "Whitfield", "", None),
    ("auditor.demo", Role.AUDITOR, "Margaret", "Lowe", "", None),
    ("admin.demo", Role.ADMINISTRATOR, "Sam", "Patel", "", None),
]


def credentials_path() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.txt"


def _password() -> str:
    alphabet = string.ascii_letters + string.digits
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(3))


def _read_credentials(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            out[parts[0]] = parts[1]
    return out


@transaction.atomic
def demo_users_ensure() -> list[tuple[str, str, str, str]]:
    """Create (or keep) the demo logins; returns (username, password, role label, TOTP secret or
    "-") rows. Administrators and auditors must use two-factor authentication, so their logins
    come with an authenticator-app secret (kept across runs)."""
    User = get_user_model()
    path = credentials_path()
    known = _read_credentials(path)
    rows = []
    for username, role, first, last, rank, unit_code in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        password = known.get(username)
        if user is None or password is None or not user.check_password(password):
            password = _password()
            user = user or User(username=username)
            user.role, user.first_name, user.last_name, user.rank = role, first, last, rank
            user.unit = Unit.objects.filter(code=unit_code).first() if unit_code else None
            user.email = f"{username}@casework.invalid"
            user.is_active = True
            user.is_staff = role == Role.ADMINISTRATOR
            user.is_superuser = role == Role.ADMINISTRATOR
            user.set_password(password)
            user.save()
        secret = totp_enrol(user) if role in (Role.ADMINISTRATOR, Role.AUDITOR) else "-"
        rows.append((username, password, role.label, secret))
    _take_over_caseloads()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Casework demo logins (generated on first run; delete this file to reset them)",
             "# Administrators and auditors also need a security code: add the TOTP secret to an",
             "# authenticator app, or run `CASEWORK_DEMO=1 casework totp-code USER` for the current code.",
             "# user name            password             TOTP secret                       role"]
    lines += [f"{u:<22} {p:<20} {s:<33} {r}" for u, p, r, s in rows]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    return rows


def _take_over_caseloads() -> None:
    """Give each demo officer the busiest rostered colleague's open cases, once."""
    User = get_user_model()
    for username, field, related, role in (
        ("oic.demo", "oic", "oic_cases", Role.OIC),
        ("supervisor.demo", "supervisor", "supervised_cases", Role.SUPERVISOR),
        ("cpo.demo", "caseworker", "assigned_cases", Role.CASEWORKER),
    ):
        demo = User.objects.get(username=username)
        if Case.objects.filter(**{field: demo}).exists():
            continue
        colleagues = User.objects.filter(role=role, password__startswith=UNUSABLE_PASSWORD_PREFIX)
        if demo.unit_id:  # someone from the same hub or area, so the cases are in the demo login's scope
            colleagues = colleagues.filter(unit_id=demo.unit_id)
        busiest = (
            colleagues
            .annotate(n=Count(related, filter=~Q(**{f"{related}__stage": "finalised"})))
            .filter(n__gt=0)
            .order_by("-n", "username")
            .first()
        )
        if busiest is not None:
            Case.objects.filter(**{field: busiest}).update(**{field: demo})
            # Their work items follow them, so the demo login's worklist is theirs too.
            Task.objects.filter(assignee=busiest).update(assignee=demo)
            ActionPlanItem.objects.filter(owner=busiest).update(owner=demo)
