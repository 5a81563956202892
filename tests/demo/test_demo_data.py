"""The demo data generator: deterministic, valid, realistic, and safe to seed twice.

Most tests generate documents without a database (the roster is built unsaved); the seeding
tests write through the real writer into the test database, where the shared conftest has
loaded the reference data.
"""

import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from casework.cases.models import Case
from casework.demo.generator import CPS_ONLY_FLAGS, generate_casefiles
from casework.demo.organisation import ROSTER_SEED, organisation_spec, roster_build
from casework.demo.scenarios import OFFENCE_CODES
from casework.demo.services import demo_data_seed
from casework.interchange.export import casefile_build
from casework.interchange.schema import casefile_schema
from casework.people.models import User
from casework.reference.models import OffenceCode, OrganisationUnit
from casework.rules.identifiers import validate_asn, validate_cro, validate_pnc_id, validate_urn

LONDON = ZoneInfo("Europe/London")
ANCHOR = date(2025, 11, 20)  # a Thursday
NOW = datetime.combine(ANCHOR, time(9, 0))  # the generator's "now": 09:00 on the anchor date
MODE = {"CS": "summary", "CM": "summary", "CE": "either_way", "CI": "indictable_only"}


def _generate(count: int, seed: int = 1, today: date = ANCHOR) -> list[dict]:
    return generate_casefiles(count=count, seed=seed, today=today,
                              officers=roster_build(random.Random(ROSTER_SEED)),
                              organisation=organisation_spec())


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return _generate(300)


def _local(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(LONDON).replace(
        tzinfo=None)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --------------------------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------------------------

def test_same_seed_and_anchor_give_identical_documents():
    first, second = _generate(120), _generate(120)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


_DIGEST_SCRIPT = """
import hashlib, json, random, django
from datetime import date
django.setup()
from casework.demo.generator import generate_casefiles
from casework.demo.organisation import ROSTER_SEED, organisation_spec, roster_build
docs = generate_casefiles(count=150, seed=1, today=date(2025, 11, 20),
                          officers=roster_build(random.Random(ROSTER_SEED)),
                          organisation=organisation_spec())
print(hashlib.sha256(json.dumps(docs, sort_keys=True).encode()).hexdigest())
"""


def test_documents_do_not_depend_on_python_hash_randomisation():
    # Iterating a set of strings (or calling hash()) would make the output differ per process.
    expected = hashlib.sha256(json.dumps(_generate(150), sort_keys=True).encode()).hexdigest()
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed,
               "DJANGO_SETTINGS_MODULE": "casework.settings.test"}
        run = subprocess.run([sys.executable, "-c", _DIGEST_SCRIPT], env=env, check=True,
                             capture_output=True, text=True)
        assert run.stdout.strip() == expected


def test_a_different_seed_or_anchor_gives_different_cases():
    base = _generate(40)
    other_seed = _generate(40, seed=2)
    other_day = _generate(40, today=ANCHOR + timedelta(days=1))
    assert [d["case"]["urn"] for d in base] != [d["case"]["urn"] for d in other_seed]
    assert [d["case"]["summary"] for d in base] != [d["case"]["summary"] for d in other_seed]
    assert base != other_day


def test_a_larger_run_starts_with_the_smaller_run():
    # Seeding 500 after 300 (same seed and anchor) adds 200 cases rather than 500 new ones.
    assert _generate(150)[:60] == _generate(60)


# --------------------------------------------------------------------------------------------
# The force
# --------------------------------------------------------------------------------------------

def test_the_roster_is_a_big_force_s_criminal_justice_workforce():
    roster = roster_build(random.Random(ROSTER_SEED))
    roles = Counter(u.role for u in roster)
    assert roles["oic"] == 120 and roles["supervisor"] == 20 and roles["caseworker"] == 16
    assert roles["hub_manager"] == 2 and roles["witness_care"] == 4
    assert len({u.username for u in roster}) == len(roster)
    officers = [u for u in roster if u.rank]
    assert len({u.collar_number for u in officers}) == len(officers)
    assert {u.rank for u in roster if u.role == "oic"} == {"PC", "DC"}
    assert all(u.email.endswith("@west-midlands.police.uk") for u in roster)
    assert all(u.username == u.username.lower() and "." in u.username for u in roster)
    assert not any(u.has_usable_password() for u in roster)  # nobody on the roster can sign in
    # The unit's own staff are active, so work can be assigned to them; officers are not.
    assert {u.role for u in roster if u.is_active} == {"caseworker", "hub_manager", "witness_care"}


def test_cases_go_to_the_hub_that_serves_their_area(docs):
    hubs = {"LPA-BIRM": "HUB-BS", "LPA-SOLI": "HUB-BS", "LPA-COV": "HUB-BCC",
            "LPA-WOLV": "HUB-BCC", "LPA-SAND": "HUB-BCC", "LPA-WALS": "HUB-BCC",
            "LPA-DUD": "HUB-BCC"}
    assert {(d["case"]["lpa"], d["case"]["hub"]) for d in docs} <= set(hubs.items())
    assert Counter(d["case"]["lpa"] for d in docs).most_common(1)[0][0] == "LPA-BIRM"


# --------------------------------------------------------------------------------------------
# Validity
# --------------------------------------------------------------------------------------------

def test_every_document_is_valid_against_the_casefile_schema(docs):
    validator = Draft202012Validator(casefile_schema(),
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = [(d["case"]["urn"], list(e.absolute_path), e.message)
                for d in docs for e in validator.iter_errors(d)]
    assert problems == []


def test_identifiers_pass_the_validators_and_urns_are_unique(docs):
    lpas = organisation_spec()["lpas"]
    urns = [d["case"]["urn"] for d in docs]
    assert len(set(urns)) == len(urns)
    bad = []
    for d in docs:
        case = d["case"]
        if not validate_urn(case["urn"]).ok or case["urn"][:4] != "20" + lpas[case["lpa"]].letters:
            bad.append(case["urn"])
        for df in d["defendants"]:
            for value, check in ((df["asn"], validate_asn), (df["pnc_id"], validate_pnc_id),
                                 (df["cro"], validate_cro)):
                if value:
                    result = check(value)
                    if not result.ok or result.normalised != value:
                        bad.append(value)
    assert bad == []
    arrested = [df for d in docs for df in d["defendants"] if df["arrested_at"]]
    assert arrested and all(df["asn"] and df["pnc_id"] for df in arrested)


@pytest.mark.django_db
def test_offence_codes_exist_and_are_current_with_their_category(docs):
    known = {o.code: o for o in OffenceCode.objects.filter(code__in=OFFENCE_CODES)}
    assert sorted(c for c in OFFENCE_CODES if c not in known or not known[c].current) == []
    for d in docs:
        for df in d["defendants"]:
            for o in df["offences"]:
                ref = known[o["code"]]
                assert (o["title"], o["mode_of_trial"]) == (ref.title, MODE[ref.category]), o


@pytest.mark.django_db
def test_cases_are_listed_at_real_west_midlands_courts(docs):
    courts = {h["court_code"] for d in docs for h in d["hearings"]}
    found = OrganisationUnit.objects.filter(code__in=courts, kind__in=["magistrates", "crown"])
    assert {ou.code for ou in found} == courts
    assert {ou.area for ou in found} == {"West Midlands"}
    police = {f"1{lpa.ou_code}00" for lpa in organisation_spec()["lpas"].values()}
    assert OrganisationUnit.objects.filter(code__in=police, kind="police").count() == 7


# --------------------------------------------------------------------------------------------
# Consistency: what a caseworker would notice as impossible
# --------------------------------------------------------------------------------------------

def test_dates_follow_the_story_and_nothing_has_happened_after_now(docs):
    problems = []
    for d in docs:
        urn, case = d["case"]["urn"], d["case"]
        if _local(case["received_at"]) > NOW:
            problems.append((urn, "received in the future"))
        fh = [_local(h["starts_at"]).date() for h in d["hearings"] if h["type"] == "first"]
        for df in d["defendants"]:
            dob = _day(df["date_of_birth"])
            for o in df["offences"]:
                start, end = _day(o["date_from"]), _day(o["date_to"] or o["date_from"])
                if not dob < start <= end <= ANCHOR:
                    problems.append((urn, "offence dates", dob, start, end))
                if o["charge_date"]:
                    charged = _day(o["charge_date"])
                    if not end <= charged <= ANCHOR or (fh and charged > fh[0]):
                        problems.append((urn, "charge date", charged))
            for e in df["custody_episodes"]:
                started, ended = _local(e["started_at"]), e["ended_at"] and _local(e["ended_at"])
                if started > NOW or (ended and not started <= ended <= NOW):
                    problems.append((urn, "custody episode", e))
            for b in df["bail_periods"]:
                if b["end_date"] and _day(b["end_date"]) < _day(b["start_date"]):
                    problems.append((urn, "bail period", b))
        for h in d["hearings"]:
            held = _local(h["starts_at"]) <= NOW
            if held != bool(h["outcome"]):
                problems.append((urn, "hearing outcome vs date", h))
        stamps = ([m["provided_at"] for m in d["materials"]]
                  + [s["submitted_at"] for s in d["submissions"]]
                  + [x["decided_at"] for x in d["decisions"]]
                  + [t["created_at"] for t in d["tasks"]]
                  + [t["completed_at"] for t in d["tasks"]]
                  + [i["completed_at"] for p in d["action_plans"] for i in p["items"]])
        if any(s and _local(s) > NOW for s in stamps):
            problems.append((urn, "an event after now"))
    assert problems == []


def test_stage_and_status_agree_with_the_hearings(docs):
    needs = {"awaiting_trial": {"not_guilty_plea"},
             "sent_to_crown": {"sent_to_crown", "committed_for_sentence"},
             "awaiting_sentence": {"guilty_plea", "committed_for_sentence", "convicted",
                                   "cracked"}}
    closing = {"convicted": {"sentenced"}, "acquitted": {"acquitted", "dismissed"},
               "discontinued": {"discontinued"}}
    problems = []
    for d in docs:
        case, outcomes = d["case"], {h["outcome"] for h in d["hearings"]}
        stage = case["stage"]
        if stage in needs and not outcomes & needs[stage]:
            problems.append((case["urn"], stage))
        if stage == "finalised":
            if case["outcome"] in closing and not outcomes & closing[case["outcome"]]:
                problems.append((case["urn"], case["outcome"]))
            if any(df["status"] != "not_applicable" for df in d["defendants"]):
                problems.append((case["urn"], "finalised but a defendant is still on bail"))
        charged = any(o["charge_date"] for df in d["defendants"] for o in df["offences"])
        if charged == (stage == "pre_charge" or case["outcome"] in (
                "no_further_action", "out_of_court_disposal")):
            problems.append((case["urn"], stage, "charge dates"))
        for df in d["defendants"]:
            open_remand = any(e["kind"] == "remand" and not e["ended_at"]
                              for e in df["custody_episodes"])
            if (df["status"] == "remanded_in_custody") != open_remand:
                problems.append((case["urn"], df["status"], "remand episode"))
    assert problems == []


def test_charging_follows_the_directors_guidance(docs):
    # DG6 Annex 1: the police never charge domestic abuse, hate crime, RASSO, ABH/GBH …, nor
    # anything indictable-only; a police charge in such a case would be a DGA breach failure.
    breaches = []
    for d in docs:
        case = d["case"]
        offences = [o for df in d["defendants"] for o in df["offences"]]
        must_go_to_cps = (any(f in CPS_ONLY_FLAGS for f in case["flags"])
                          or any(o["mode_of_trial"] == "indictable_only" for o in offences))
        if must_go_to_cps and case["charging_route"] != "cps":
            breaches.append(case["urn"])
        for o in offences:
            if o["charging_authority"] == "cps" and not any(
                    x["kind"] == "charge" and o["ref"] in x["charges"] for x in d["decisions"]):
                breaches.append((case["urn"], o["ref"]))
    assert breaches == []


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_youth_flag_matches_a_defendant_under_18_at_the_offence(docs):
    for d in docs:
        youth = any(
            _age(_day(df["date_of_birth"]), max(_day(o["date_to"] or o["date_from"])
                                                for o in df["offences"])) < 18
            for df in d["defendants"])
        assert ("youth" in d["case"]["flags"]) == youth, d["case"]["urn"]
        if youth and d["hearings"] and d["case"]["lpa"] in ("LPA-BIRM", "LPA-SOLI"):
            assert d["hearings"][0]["court_code"] == "B20BN00"  # Birmingham Youth Court


# --------------------------------------------------------------------------------------------
# Realism: the demo shows every part of the work
# --------------------------------------------------------------------------------------------

def test_three_hundred_cases_cover_every_stage_and_the_main_case_types(docs):
    stages = Counter(d["case"]["stage"] for d in docs)
    assert set(stages) == {"pre_charge", "charged", "awaiting_trial", "sent_to_crown",
                           "awaiting_sentence", "finalised"}
    flags = Counter(f for d in docs for f in d["case"]["flags"])
    for flag in ("domestic_abuse", "rasso", "youth", "road_traffic", "retail_theft",
                 "gbh_abh_wounding", "harassment_stalking"):
        assert flags[flag] > 0, flag
    outcomes = {d["case"]["outcome"] for d in docs}
    assert {"convicted", "acquitted", "discontinued", "no_further_action"} <= outcomes
    triage = {s["outcome"] for d in docs for s in d["submissions"]}
    assert {"compliant", "non_compliant", "pending"} <= triage
    assert any(len(d["defendants"]) > 1 for d in docs)
    assert any(df["status"] == "remanded_in_custody" for d in docs for df in d["defendants"])


def test_files_have_the_defects_a_cju_chases(docs):
    materials = [m for d in docs for m in d["materials"]]
    assert any(m["type"] == "CCTV" and m["clipped"] is False for m in materials)
    assert any(m["type"] == "MG11" and m["status"] == "outstanding" for m in materials)
    assert any(m["type"] == "MG6C" and m["signed"] is False for m in materials)
    assert any(m["type"] == "MG5" and m["supervisor_certified"] is False for m in materials)
    assert any(
        "domestic_abuse" in d["case"]["flags"]
        and not any(m["type"] == "DA_CHECKLIST" and m["status"] == "provided"
                    for m in d["materials"])
        for d in docs)
    victims = [w for d in docs for w in d["witnesses"] if w["role"] == "victim"]
    unknown = sum(w["vps_offered"] is None for w in victims) / len(victims)
    assert 0.1 < unknown < 0.35  # "no information on whether a VPS was offered" (DGA reason)
    # Defects are the exception, not the rule.
    cctv = [m for m in materials if m["type"] == "CCTV" and m["clipped"] is not None]
    assert sum(not m["clipped"] for m in cctv) / len(cctv) < 0.3


def test_vulnerable_victims_are_recognised(docs):
    for d in docs:
        flags = d["case"]["flags"]
        for w in d["witnesses"]:
            if w["role"] != "victim":
                continue
            if "domestic_abuse" in flags:
                assert "domestic_abuse_complainant" in w["vulnerability_grounds"]
            if "rasso" in flags:
                assert "sexual_offence_complainant" in w["vulnerability_grounds"]
            if w["vulnerability_grounds"]:
                assert w["enhanced_rights"], (d["case"]["urn"], w["ref"])


def test_work_is_due_today_and_overdue_relative_to_the_anchor(docs):
    items = [t for d in docs for t in d["tasks"]]
    items += [i for d in docs for p in d["action_plans"] for i in p["items"]]
    open_due = [_day(i["due_date"]) for i in items if i["status"] == "open" and i["due_date"]]
    assert ANCHOR in open_due
    assert any(due < ANCHOR for due in open_due)
    assert any(due > ANCHOR for due in open_due)



def test_the_court_list_has_first_hearings_today_tomorrow_and_this_week():
    # The default demo (2,000 cases) gives the hubs a court list for today and tomorrow.
    upcoming = Counter(
        (_local(h["starts_at"]).date() - ANCHOR).days
        for d in _generate(2000) for h in d["hearings"]
        if h["type"] == "first" and not h["outcome"])
    assert min(upcoming) == 0 and upcoming[0] > 0 and upcoming[1] > 0
    assert sum(upcoming[n] for n in range(2, 8)) > upcoming[0]


# --------------------------------------------------------------------------------------------
# Seeding the database
# --------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_seeding_twice_with_the_same_seed_creates_no_duplicates():
    assert demo_data_seed(cases=60, seed=7, today=ANCHOR) == 60
    users = User.objects.count()
    assert demo_data_seed(cases=60, seed=7, today=ANCHOR) == 0
    assert demo_data_seed(cases=80, seed=7, today=ANCHOR) == 20
    assert Case.objects.count() == 80
    assert User.objects.count() == users
    assert not User.objects.filter(role="oic", is_active=True).exists()


@pytest.mark.django_db
def test_seeded_cases_export_exactly_as_generated():
    from casework.demo.services import demo_casefiles_generate, demo_casefiles_write

    generated = demo_casefiles_generate(cases=40, seed=11, today=ANCHOR)
    demo_casefiles_write(generated)
    for doc in generated:
        assert casefile_build(Case.objects.get(urn=doc["case"]["urn"])) == doc


@pytest.mark.django_db
def test_demo_data_command_reports_progress_and_refuses_bad_arguments(capsys):
    call_command("demo_data", cases=30, seed=2, today="2025-11-20")
    out, err = capsys.readouterr()
    assert "Created 30 demo cases" in out
    assert "30 / 30 cases" in err
    with pytest.raises(CommandError) as bad_count:
        call_command("demo_data", cases=0)
    assert bad_count.value.returncode == 2
    with pytest.raises(CommandError) as bad_date:
        call_command("demo_data", cases=5, today="20/11/2025")
    assert bad_date.value.returncode == 2 and "YYYY-MM-DD" in str(bad_date.value)


@pytest.mark.django_db
def test_each_demo_login_sees_the_caseload_it_took_over():
    from datetime import date

    from django.db.models import Q

    from casework.cases.access import cases_visible_to
    from casework.demo.services import demo_data_seed
    from casework.demo.users import demo_users_ensure
    from casework.people.models import User

    demo_data_seed(cases=300, seed=3, today=date(2025, 11, 20))
    demo_users_ensure()
    for username in ("cpo.demo", "oic.demo", "supervisor.demo"):
        user = User.objects.get(username=username)
        named = Q(caseworker=user) | Q(oic=user) | Q(supervisor=user)
        assigned = Case.objects.filter(named).open().count()
        assert assigned > 0, username
        # Every case they hold is one they can open: the caseload comes from their own hub or area.
        assert cases_visible_to(user).filter(named).open().distinct().count() == assigned, username
