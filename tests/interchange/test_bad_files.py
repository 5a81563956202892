"""Each kind of bad case file is refused with a message naming the file, the field and the
problem; exit code 2; and nothing from the file is written."""

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casework.cases.models import Case, CaseEvent, Defendant
from casework.people.models import User

pytestmark = pytest.mark.django_db


def _write(tmp_path, name, content) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def _mutate(doc, change):
    doc = copy.deepcopy(doc)
    change(doc)
    return json.dumps(doc)


def _set(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


BAD_FILES = [
    ("not-json", lambda d: '{"format": "casework.casefile", "version": 1,', "(file)", "is not valid JSON"),
    ("not-utf8", lambda d: b"\xff\xfe\x00{}", "(file)", "is not UTF-8 text"),
    ("not-a-casefile", lambda d: json.dumps({"hello": "world"}), "format", "a Casework case file says"),
    ("wrong-version", lambda d: _mutate(d, _set(["version"], 2)), "version", "reads version 1"),
    ("missing-field", lambda d: _mutate(d, lambda x: x["defendants"][0].pop("surname")),
     "defendants[0].surname", "is required but missing"),
    ("bad-enum", lambda d: _mutate(d, _set(["case", "stage"], "charged_maybe")),
     "case.stage", "'charged_maybe' is not allowed; use one of: pre_charge"),
    ("unknown-field", lambda d: _mutate(d, _set(["case", "colour"], "blue")),
     "case", "has a field this format does not know"),
    ("bad-date", lambda d: _mutate(d, _set(["defendants", 0, "date_of_birth"], "1991-02-30")),
     "defendants[0].date_of_birth", "is not a real date"),
    ("impossible-date-time", lambda d: _mutate(d, _set(["hearings", 0, "starts_at"], "2025-02-30T10:00:00Z")),
     "hearings[0].starts_at", "'2025-02-30T10:00:00Z' is not a real date time"),
    ("unknown-offence-code", lambda d: _mutate(d, _set(["defendants", 0, "offences", 0, "code"], "ZZ99999")),
     "defendants[0].offences[0].code", "ZZ99999 is not a CJS offence code"),
    ("born-in-future", lambda d: _mutate(d, _set(["defendants", 0, "date_of_birth"], "2030-01-01")),
     "defendants[0].date_of_birth", "is in the future"),
    ("charged-before-offence", lambda d: _mutate(d, _set(["defendants", 0, "offences", 0, "charge_date"], "2025-02-19")),
     "defendants[0].offences[0].charge_date", "is before the offence was committed"),
    ("offence-range-backwards", lambda d: _mutate(d, lambda x: x["defendants"][0]["offences"][0].update(date_code=4, date_to="2025-02-01")),
     "defendants[0].offences[0].date_to", "is before the offence start date"),
    ("custody-ends-before-start", lambda d: _mutate(d, _set(["defendants", 0, "custody_episodes", 0, "ended_at"], "2025-02-20T20:00:00Z")),
     "defendants[0].custody_episodes[0].ended_at", "is before the custody started"),
    ("bad-asn-check-character", lambda d: _mutate(d, _set(["defendants", 0, "asn"], "1101ZD0100000448754V")),
     "defendants[0].asn", "check character should be K"),
    ("bad-urn", lambda d: _mutate(d, _set(["case", "urn"], "20BH045672")),
     "case.urn", "is not a URN"),
    ("unknown-court", lambda d: _mutate(d, _set(["hearings", 0, "court_code"], "B99ZZ00")),
     "hearings[0].court_code", "is not a court OU code"),
    ("dangling-ref", lambda d: _mutate(d, _set(["materials", 1, "witness"], "W9")),
     "materials[1].witness", "no witness with ref 'W9'"),
    ("duplicate-ref", lambda d: _mutate(d, _set(["materials", 1, "ref"], "M1")),
     "materials[1].ref", "'M1' is used twice"),
    ("unknown-hub", lambda d: _mutate(d, _set(["case", "hub"], "HUB-NOWHERE")),
     "case.hub", "no unit with the code 'HUB-NOWHERE'"),
]


@pytest.mark.parametrize("name,make,field,words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_refused_naming_file_field_and_problem(name, make, field, words, units,
                                                           sample_doc, tmp_path, capsys):
    path = _write(tmp_path, f"{name}.json", make(sample_doc))
    users_before = User.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))

    assert refused.value.returncode == 2
    err = capsys.readouterr().err
    assert f"{path}: refused; nothing from this file was written" in err
    line = next((x for x in err.splitlines() if x.strip().startswith(f"- {field}:")), None)
    assert line is not None, err
    assert words in line, line
    assert Case.objects.count() == 0 and Defendant.objects.count() == 0
    assert CaseEvent.objects.count() == 0 and User.objects.count() == users_before


def test_a_refused_update_leaves_the_existing_case_as_it_was(units, sample_doc, tmp_path, capsys):
    good = _write(tmp_path, "good.json", json.dumps(sample_doc))
    call_command("import", str(good))
    case = Case.objects.get()
    before = (case.updated_at, CaseEvent.objects.count())

    bad = _mutate(sample_doc, lambda d: (d["witnesses"].pop(), d["defendants"][0]["offences"][0].update(code="ZZ99999")))
    with pytest.raises(CommandError):
        call_command("import", str(_write(tmp_path, "bad.json", bad)))

    case.refresh_from_db()
    assert (case.updated_at, CaseEvent.objects.count()) == before
    assert case.witnesses.count() == 2


def test_good_files_in_a_batch_are_imported_and_bad_ones_refused(units, sample_doc, tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    _write(folder, "1-good.json", json.dumps(sample_doc))
    _write(folder, "2-bad.json", "not json")
    other = copy.deepcopy(sample_doc)
    other["case"]["urn"] = "20BH0999925"
    _write(folder, "3-good.json", json.dumps(other))

    with pytest.raises(CommandError) as refused:
        call_command("import", str(folder))

    assert refused.value.returncode == 2
    assert sorted(Case.objects.values_list("urn", flat=True)) == ["20BH0456725", "20BH0999925"]
    out = capsys.readouterr()
    assert "3 files" in out.out and "2 created" in out.out and "1 refused" in out.out


def test_a_retired_offence_code_is_imported_with_a_warning_not_refused(units, sample_doc, tmp_path, capsys):
    # AA06001 is in the PNC export but not in the current CJS list (reference data README).
    doc = _mutate(sample_doc, _set(["defendants", 0, "offences", 0, "code"], "AA06001"))
    call_command("import", str(_write(tmp_path, "retired.json", doc)))
    assert "AA06001 is a retired PNC code" in capsys.readouterr().err
    assert Case.objects.count() == 1


def test_the_command_line_exits_2_for_a_bad_file(tmp_path):
    path = _write(tmp_path, "broken.json", "{")
    env = {**os.environ, "CASEWORK_VAR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "casework.settings.dev"}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "casework.cli", "migrate", "-v0"], env=env, check=True)
    result = subprocess.run([sys.executable, "-m", "casework.cli", "import", str(path)],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert f"{path}: refused" in result.stderr and "is not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
