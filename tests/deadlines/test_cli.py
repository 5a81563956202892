"""`casework deadlines FILE…`: every deadline in case files with its basis, most urgent first;
--json gives one object per file, one per line. A bad file is named with the field at fault and
the command exits 2; otherwise 0."""

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casework.rules.deadlines import BUCKET_LABELS

ROOT = Path(__file__).resolve().parents[2]
CASEWORK = Path(sys.executable).parent / "casework"
KEYS = {"kind", "subject", "due", "status", "hard", "basis", "source", "confidence"}

# The sample case as at Mon 10 Mar 2025, most urgent first: (status, due, kind, subject_ref)
SAMPLE_ORDER = [
    ("expired", "2025-02-24", "DEADLINE.VICTIMS_CODE.UPDATE", "W1"),
    ("expired", "2025-02-25", "DEADLINE.FILE.POST_CHARGE_SUBMISSION", None),
    ("expired", "2025-03-07", "DEADLINE.ACTION_PLAN.ITEM", "A1-1"),
    ("expired", "2025-03-07", "DEADLINE.TASK", "T1"),
    ("done", "2025-03-07", "DEADLINE.ACTION_PLAN.ITEM", "A1-2"),
    ("done", "2025-03-21", "DEADLINE.TSJ.FIRST_HEARING", None),
]


def deadlines(*args, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as ended:
        call_command("deadlines", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return ended.value.code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def remanded_case(sample_doc: dict) -> dict:
    """The sample case with the defendant remanded in custody at a first appearance on Mon 3 Mar 2025
    (either way: 70 days → Mon 12 May 2025) and a new URN."""
    doc = copy.deepcopy(sample_doc)
    doc["case"]["urn"] = "20BH0456825"
    d1 = doc["defendants"][0]
    d1["status"] = "remanded_in_custody"
    d1["custody_episodes"].append({"kind": "remand", "started_at": "2025-03-03T12:00:00Z", "ended_at": None,
                                   "court_code": "B20BL00"})
    return doc


@pytest.mark.django_db
def test_json_one_object_per_file_with_every_deadline(tmp_path, sample_doc):
    first = write(tmp_path, "a.json", sample_doc)
    second = write(tmp_path, "b.json", remanded_case(sample_doc))
    code, out, err = deadlines(first, second, today="2025-03-10", as_json=True)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    a, b = (json.loads(line) for line in lines)
    assert (a["file"], a["urn"], a["today"]) == (str(first), "20BH0456725", "2025-03-10")
    assert [(x["status"], x["due"], x["kind"], x["subject_ref"]) for x in a["deadlines"]] == SAMPLE_ORDER
    for item in a["deadlines"] + b["deadlines"]:
        assert KEYS <= set(item), item
        assert item["basis"] and item["source"] and item["confidence"] in ("verified", "secondary", "unverified")
    ctl = next(x for x in b["deadlines"] if x["kind"] == "DEADLINE.CTL.MAGISTRATES_EITHER_WAY")
    assert ctl["due"] == "2025-05-12" and ctl["hard"] is True and ctl["custody"] is True
    assert "70 days from first appearance on Mon 3 Mar 2025" in ctl["basis"]
    vc = a["deadlines"][0]
    assert vc["hard"] is False and vc["subject"] == "Jane DOE (W1, victim, enhanced rights)"
    assert (vc["configurable"], vc["setting"]) == (True, "vc_enhanced_working_days")


@pytest.mark.django_db
def test_a_folder_gives_one_object_per_case_file_in_it(tmp_path, sample_doc):
    write(tmp_path, "a.json", sample_doc)
    write(tmp_path, "b.json", remanded_case(sample_doc))
    write(tmp_path, "notes.txt", "not a case file")
    code, out, _ = deadlines(tmp_path, today="2025-03-10", as_json=True)
    assert code == 0
    assert [json.loads(line)["urn"] for line in out.splitlines()] == ["20BH0456725", "20BH0456825"]


@pytest.mark.django_db
def test_text_lists_deadlines_in_urgency_order_with_their_basis(tmp_path, sample_doc):
    path = write(tmp_path, "a.json", sample_doc)
    code, out, err = deadlines(path, today="2025-03-10")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{path}: URN 20/BH/04567/25 — 6 deadline(s) as at 2025-03-10"
    items, bases = lines[1::2], lines[2::2]
    assert len(items) == len(SAMPLE_ORDER)
    for line, (status, due, _, _) in zip(items, SAMPLE_ORDER, strict=True):
        assert line.split()[:2] == [BUCKET_LABELS[status], due]
    assert "Victims' Code: tell the victim of a decision or result — Jane DOE" in items[0]
    assert "(target, secondary)" in items[0]
    assert bases[0].strip() == ("Not yet told of: Liam CARTER charged on Fri 21 Feb 2025; 1 working day "
                                "(enhanced rights) → Mon 24 Feb 2025.")


@pytest.mark.django_db
def test_text_says_statutory_for_a_hard_limit(tmp_path, sample_doc):
    code, out, _ = deadlines(write(tmp_path, "b.json", remanded_case(sample_doc)), today="2025-03-10")
    assert code == 0
    ctl = next(line for line in out.splitlines() if "Custody time limit: either-way" in line)
    assert ctl.split()[:2] == ["Later", "2025-05-12"] and "(statutory, verified)" in ctl


BAD = [
    ("not-json", '{"format": "casework.casefile", "version": 1,', "(file): is not valid JSON"),
    ("schema", lambda doc: doc["defendants"][0].pop("surname"), "defendants[0].surname: is required but missing"),
    ("bad-enum", lambda doc: doc["case"].update(stage="charged_maybe"), "case.stage: 'charged_maybe' is not allowed"),
    ("bad-date", lambda doc: doc["defendants"][0].update(date_of_birth="1991-02-30"),
     "defendants[0].date_of_birth: '1991-02-30' is not a real date"),
    ("not-a-case-file", "[]", "(document): is not a JSON object"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name,spoil,message", BAD, ids=[r[0] for r in BAD])
def test_a_bad_file_exits_2_naming_the_file_and_field_and_the_good_one_still_runs(tmp_path, sample_doc, name, spoil,
                                                                                    message):
    good = write(tmp_path, "good.json", sample_doc)
    if isinstance(spoil, str):
        bad = write(tmp_path, f"{name}.json", spoil)
    else:
        doc = copy.deepcopy(sample_doc)
        spoil(doc)
        bad = write(tmp_path, f"{name}.json", doc)
    code, out, err = deadlines(good, bad, today="2025-03-10", as_json=True)
    assert code == 2
    assert err.startswith(f"{bad}: ") and message in err
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(good)]


@pytest.mark.django_db
def test_a_missing_file_exits_2(tmp_path):
    code, out, err = deadlines(tmp_path / "nope.json", today="2025-03-10")
    assert (code, out) == (2, "")
    assert f"{tmp_path / 'nope.json'}: no such file or folder" in err


@pytest.mark.django_db
def test_a_bad_today_is_refused(tmp_path, sample_doc):
    with pytest.raises(CommandError, match="is not a date like 2025-03-10"):
        call_command("deadlines", str(write(tmp_path, "a.json", sample_doc)), today="10/03/2025")


def test_the_installed_command_runs_without_a_database(tmp_path, sample_doc):
    """As an officer would run it on a laptop with no database yet: real bank holidays, default figures."""
    path = write(tmp_path, "a.json", sample_doc)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "casework.settings.test"}
    done = subprocess.run([str(CASEWORK), "deadlines", str(path), "--today", "2025-03-10", "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert [(x["status"], x["due"], x["kind"], x["subject_ref"]) for x in json.loads(line)["deadlines"]] == SAMPLE_ORDER
    bad = write(tmp_path, "bad.json", "[]")
    done = subprocess.run([str(CASEWORK), "deadlines", str(bad), "--today", "2025-03-10"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith(f"{bad}: ")
