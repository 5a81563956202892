"""Tests for casework.rules.identifiers.

Rows use real values wherever a source gives them; the source key (domain brief section 12) is
in each row id or comment. Values marked "constructed" are made up to hit one situation.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.rules import identifiers as ids
from casework.rules.identifiers import (
    CHECK_ALPHABET,
    IdentifierResult,
    asn_check_character,
    offence_code_qualifier,
    ou_kind,
    urn_force_code,
    validate_asn,
    validate_cro,
    validate_force_code,
    validate_offence_code,
    validate_ou_code,
    validate_pnc_id,
    validate_urn,
)


def ok(result: IdentifierResult, normalised: str) -> None:
    assert result.ok, result.problem
    assert result.normalised == normalised
    assert result.problem is None


def refused(result: IdentifierResult, *fragments: str) -> None:
    assert not result.ok
    assert result.normalised is None
    assert result.problem
    for fragment in fragments:
        assert fragment in result.problem, result.problem


# --------------------------------------------------------------------------------------------
# URN
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("20AB1234525", "20AB1234525", id="brief-6.1-stored-11"),
        pytest.param("20/AB/12345/25", "20AB1234525", id="MAP-slashed-5-digit-serial"),
        pytest.param("20/ab/12345/25", "20AB1234525", id="MAP-lower-case-upper-cased"),
        pytest.param(" 20 AB 12345 25 ", "20AB1234525", id="spaces-removed"),
        pytest.param("12AB1111111", "12AB1111111", id="POLARIS-test-urn"),
        pytest.param("00AA000000000", "00AA000000000", id="MAP-13-char-example"),
        pytest.param("00/AA/0000000/00", "00AA000000000", id="MAP-slashed-7-digit-serial"),
        pytest.param("16BH0037004", "16BH0037004", id="SPI-example-PTI-URN"),
    ],
)
def test_urn_accepted(value, normalised):
    result = validate_urn(value)
    ok(result, normalised)
    assert result.confidence == "verified"
    assert "[MAP]" in result.source


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param("", ["No URN was given"], id="empty"),
        pytest.param("   ", ["No URN was given"], id="blank"),
        pytest.param("XYZ", ["'XYZ' has 3 characters", "5 or 7 digits"], id="far-too-short"),
        pytest.param("20AB123452", ["has 10 characters"], id="10-chars"),
        pytest.param("20AB12345256", ["has 12 characters"], id="12-chars-between-forms"),
        pytest.param("20-AB-12345-25", ["has 14 characters"], id="hyphens-not-stripped"),
        pytest.param("AB201234525", ["2-digit police force code", "'AB'"], id="letters-first"),
        pytest.param("20A11234525", ["2 letters of the police unit", "'A1'"], id="digit-in-unit"),
        pytest.param(
            "20/AB/12O45/25", ["'O' in the serial or year", "zero"], id="letter-O-in-serial"
        ),
        pytest.param("20AB12345X5", ["'X' in the serial or year"], id="letter-in-year"),
    ],
)
def test_urn_refused(value, fragments):
    refused(validate_urn(value), *fragments)


def test_urn_none_is_treated_as_empty():
    refused(validate_urn(None), "No URN was given")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "force"),
    [
        pytest.param("20/AB/12345/25", "20", id="west-midlands-B7FORCE"),
        pytest.param("16BH0037004", "16", id="humberside-SPI-example"),
    ],
)
def test_urn_force_code(value, force):
    assert urn_force_code(value) == force


def test_urn_force_code_refuses_an_invalid_urn():
    with pytest.raises(ValueError, match="URN"):
        urn_force_code("XYZ")


# --------------------------------------------------------------------------------------------
# ASN
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("1101ZD0100000448754K", "1101ZD0100000448754K", id="B7ASN-verified-K"),
        pytest.param("1101ZD0100000410836V", "1101ZD0100000410836V", id="B7ASN-verified-V"),
        pytest.param("11/01ZD/01/448754K", "1101ZD0100000448754K", id="B7LONG-printed-form"),
        pytest.param("11/01ZD/01/448754/K", "1101ZD0100000448754K", id="B7LONG-slash-before-K"),
        pytest.param("11/01ZD/01/00000448754K", "1101ZD0100000448754K", id="B7LONG-already-padded"),
        pytest.param("1101zd0100000448754k", "1101ZD0100000448754K", id="lower-case"),
        pytest.param("11 01ZD 01 448754K", "1101ZD0100000448754K", id="spaces"),
        pytest.param("0416BH0000000090557N", "0416BH0000000090557N", id="SPI-example-ASN"),
    ],
)
def test_asn_accepted(value, normalised):
    result = validate_asn(value)
    ok(result, normalised)
    assert result.confidence == "verified"
    assert "[B7ASN]" in result.source


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param(
            "1101ZD0100000448754V",
            ["The ASN check character should be K, not V."],
            id="B7ASN-wrong-check-names-right-one",
        ),
        pytest.param("11/01ZD/01/410836K", ["should be V, not K"], id="printed-form-wrong-check"),
        pytest.param("1101ZD0100000448754I", ["should be K, not I"], id="check-I-never-used"),
        pytest.param("", ["No ASN was given"], id="empty"),
        pytest.param("1101ZD", ["20 characters", "has 6 characters"], id="too-short"),
        pytest.param("1101ZD010000044875400K", ["has 22 characters"], id="too-long"),
        pytest.param(
            "1101ZD0100000448754", ["ends with '4'", "check letter missing"], id="no-check"
        ),
        pytest.param("11/01ZD/01/4487S4K", ["digits only", "'S'"], id="letter-in-number"),
        pytest.param(
            "1101ZD010000044875OK", ["11-digit number", "'O'", "zero"], id="letter-O-long-form"
        ),
        pytest.param("AB01ZD0100000448754K", ["2-digit year", "'AB'"], id="letters-for-year"),
        pytest.param("11-1ZD0100000448754K", ["letters and digits only"], id="hyphen-in-codes"),
    ],
)
def test_asn_refused(value, fragments):
    refused(validate_asn(value), *fragments)


def test_asn_21_character_variant_is_accepted_but_unverified():
    # Constructed: the B7OU variant with top-level letter '1' (police) after the year.
    body = "11" + "1" + "01ZD01" + "00000448754"
    asn = body + asn_check_character(body)
    result = validate_asn(asn)
    ok(result, asn)
    assert result.confidence == "unverified"


@pytest.mark.parametrize(
    ("body", "check"),
    [
        pytest.param("1101ZD0100000448754", "K", id="B7ASN-K"),
        pytest.param("1101ZD0100000410836", "V", id="B7ASN-V"),
        pytest.param("1101zd0100000448754", "K", id="lower-case-body"),
    ],
)
def test_asn_check_character(body, check):
    assert asn_check_character(body) == check


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("1101ZD01448754", id="short-form-body"),
        pytest.param("AB01ZD0100000448754", id="letters-for-year"),
        pytest.param("1101ZD01000004487X4", id="letter-in-sequence"),
    ],
)
def test_asn_check_character_rejects_a_malformed_body(body):
    with pytest.raises(ValueError):
        asn_check_character(body)


# --------------------------------------------------------------------------------------------
# PNC ID
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("99/123456X", "99/0123456X", id="PNCID-brief-short"),
        pytest.param("1999/0123456X", "1999/0123456X", id="PNCID-brief-long"),
        pytest.param("1999/1234567B", "1999/1234567B", id="PNCTEST-brief-long"),
        pytest.param("20/9N", "20/0000009N", id="PNCTEST-brief-tiny"),
        pytest.param("1999/123456X", "1999/0123456X", id="long-year-unpadded-serial"),
        pytest.param("81/34U", "81/0000034U", id="PNCID-test-short"),
        pytest.param("00/223R", "00/0000223R", id="PNCID-test-year-00"),
        pytest.param("67/9893091D", "67/9893091D", id="PNCID-test-7-digit-short"),
        pytest.param("0273319Z", "02/0073319Z", id="PNCID-test-short-no-slash"),
        pytest.param("20020073319Z", "2002/0073319Z", id="PNCID-test-long-no-slash"),
        pytest.param("1979/0163001B", "1979/0163001B", id="PNCID-test-canonical"),
        pytest.param("1979/0163001b", "1979/0163001B", id="lower-case-check-letter"),
    ],
)
def test_pnc_id_accepted(value, normalised):
    result = validate_pnc_id(value)
    ok(result, normalised)
    assert result.confidence == "verified"
    assert "[PNCID]" in result.source


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param("99/123456Y", ["check letter should be X, not Y"], id="wrong-check"),
        pytest.param("20030011985Z", ["should be X, not Z"], id="PNCID-test-invalid-1"),
        pytest.param("20120052494O", ["should be Q, not O"], id="PNCID-test-invalid-2"),
        pytest.param("2001/0171310S", ["should be W, not S"], id="PNCID-test-invalid-3"),
        pytest.param("", ["No PNC ID was given"], id="empty"),
        pytest.param("TOTALLYINVALID", ["does not fit"], id="PNCID-test-junk"),
        pytest.param("1923/1Z34567A", ["does not fit"], id="PNCID-test-letter-in-serial"),
        pytest.param("1923/1234567AA", ["does not fit"], id="PNCID-test-two-letters"),
        pytest.param("01234567890", ["ends with a check letter", "'0'"], id="PNCID-no-check"),
        pytest.param("199/0123456X", ["does not fit"], id="3-digit-year"),
        pytest.param("99/12345678X", ["does not fit"], id="8-digit-serial"),
    ],
)
def test_pnc_id_refused(value, fragments):
    refused(validate_pnc_id(value), *fragments)


# --------------------------------------------------------------------------------------------
# CRO number
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("265416/21G", "265416/21G", id="CROVAL-test-standard"),
        pytest.param("65656/91H", "065656/91H", id="CROVAL-test-padded"),
        pytest.param("742031/07A", "742031/07A", id="CROVAL-valid-list"),
        pytest.param("826/65W", "000826/65W", id="CROVAL-valid-list-3-digit"),
        pytest.param("288242/01m", "288242/01M", id="CROVAL-valid-list-lower-case"),
    ],
)
def test_cro_standard_form_accepted_and_verified(value, normalised):
    result = validate_cro(value)
    ok(result, normalised)
    assert result.confidence == "verified"
    assert "[CROVAL]" in result.source


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("SF05/482703J", "SF05/482703J", id="CROVAL-test-SF-6-digit"),
        pytest.param("SF83/50058Z", "SF83/50058Z", id="CROVAL-test-SF-not-padded"),
        # These two fail the HMPPS code's own unpadded rule but are in its valid list; they
        # are why the short-form rule pads the number to 5 digits.
        pytest.param("SF83/4661E", "SF83/4661E", id="CROVAL-valid-list-4-digit"),
        pytest.param("SF 94/5431U", "SF94/5431U", id="CROVAL-valid-list-with-space"),
        pytest.param("sf93/2294n", "SF93/2294N", id="CROVAL-valid-list-lower-case"),
    ],
)
def test_cro_short_form_accepted_but_unverified(value, normalised):
    result = validate_cro(value)
    ok(result, normalised)
    assert result.confidence == "unverified"
    assert len(result.normalised) <= 12  # SPI CROnumber limit


@pytest.mark.parametrize(
    ("value", "fragments", "confidence"),
    [
        pytest.param(
            "85227/65G", ["check letter should be L, not G"], "verified", id="CROVAL-invalid"
        ),
        pytest.param(
            "SF83/94613C",
            ["short-form (SF)", "should be D, not C", "not confirmed"],
            "unverified",
            id="CROVAL-valid-list-outlier",
        ),
        pytest.param("", ["No CRO number was given"], "verified", id="empty"),
        pytest.param("1234567/21G", ["does not fit"], "verified", id="7-digit-number"),
        pytest.param("123456/2G", ["does not fit"], "verified", id="1-digit-year"),
        pytest.param("SF05/4827031", ["does not fit"], "verified", id="SF-no-check-letter"),
        pytest.param("12345", ["does not fit"], "verified", id="SPI-example-bare-number"),
    ],
)
def test_cro_refused(value, fragments, confidence):
    result = validate_cro(value)
    refused(result, *fragments)
    assert result.confidence == confidence


# --------------------------------------------------------------------------------------------
# CJS offence code (shape only)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        # All from the current CJS list (bichard7-next-data cjs-offences.json) unless noted.
        pytest.param("TH68010", "TH68010", id="CJSDS-theft-from-a-shop"),
        pytest.param("TH68001", "TH68001", id="CJSDS-theft-from-the-person"),
        pytest.param("TH68006A", "TH68006A", id="CJSDS-attempt-qualifier"),
        pytest.param("AS14008B", "AS14008B", id="CJSDS-aid-abet-qualifier"),
        pytest.param("MD71099C", "MD71099C", id="CJSDS-conspiracy-qualifier"),
        pytest.param("COML022", "COML022", id="CJSDS-common-law-manslaughter"),
        pytest.param("COML016A", "COML016A", id="CJSDS-common-law-with-qualifier"),
        pytest.param("AB06001", "AB06001", id="CJSDS-AB06001"),
        pytest.param("MD71101", "MD71101", id="brief-6.4-example-shape-only"),
        pytest.param("XX00001", "XX00001", id="B7OFF-indictment-shape-constructed"),
        pytest.param("th68010", "TH68010", id="lower-case"),
        pytest.param("TH 68 010", "TH68010", id="spaces"),
    ],
)
def test_offence_code_accepted(value, normalised):
    result = validate_offence_code(value)
    ok(result, normalised)
    assert result.confidence == "verified"


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param("", ["No offence code was given"], id="empty"),
        pytest.param("TH6801", ["has 6 characters"], id="too-short"),
        pytest.param("TH680100A", ["at most 8 characters", "has 9"], id="too-long"),
        pytest.param("TH68010X", ["8th character", "ends in 'X'"], id="bad-qualifier"),
        pytest.param("AA60A01", ["old PNC or local code"], id="PNC-export-legacy-shape"),
        pytest.param("COMLA01", ["old PNC or local code"], id="PNC-export-legacy-common-law"),
        pytest.param("1H68010", ["does not fit"], id="digit-for-act-letter"),
        pytest.param("TH6801O", ["does not fit"], id="letter-O-in-number"),
    ],
)
def test_offence_code_refused(value, fragments):
    refused(validate_offence_code(value), *fragments)


@pytest.mark.parametrize(
    ("code", "qualifier"),
    [
        pytest.param("TH68006A", "attempt", id="CJSDS-A"),
        pytest.param("AS14008B", "aiding and abetting", id="CJSDS-B"),
        pytest.param("MD71099C", "conspiracy", id="CJSDS-C"),
        pytest.param("TH68010I", "inciting", id="B7OFF-I-constructed"),
        pytest.param("TH68010", None, id="no-qualifier"),
        pytest.param("th68006a", "attempt", id="lower-case"),
        pytest.param("TH68010X", None, id="invalid-code"),
    ],
)
def test_offence_code_qualifier(code, qualifier):
    assert offence_code_qualifier(code) == qualifier


# --------------------------------------------------------------------------------------------
# Organisation unit code
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        pytest.param("B01CN00", "magistrates' court", id="B7OUC-bromley-mags"),
        pytest.param("B01EF00", "magistrates' court", id="B7OUC-croydon-mags"),
        pytest.param("C01CY00", "Crown Court", id="B7OUC-croydon-crown"),
        pytest.param("C01SW00", "Crown Court", id="B7OUC-southwark-crown"),
        pytest.param("A16AC00", "CPS", id="SPI-CPS-unit"),
        pytest.param("116HQ00", "police", id="SPI-originating-organisation"),
        pytest.param("001HQ00", "other", id="SPI-example-top-level-0"),
    ],
)
def test_ou_code_accepted(value, kind):
    result = validate_ou_code(value)
    ok(result, value)
    assert result.confidence == "verified"
    assert ou_kind(value) == kind


def test_ou_code_is_upper_cased():
    ok(validate_ou_code(" b01cn00 "), "B01CN00")
    assert ou_kind("c01cy00") == "Crown Court"


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param("", ["No organisation unit code was given"], id="empty"),
        pytest.param("16HQ00", ["put 1 in front"], id="B7OUP-stored-police-form"),
        pytest.param("B01CN0", ["7 characters", "has 6"], id="6-chars-not-police"),
        pytest.param("B01CN000", ["has 8 characters"], id="8-chars"),
        pytest.param("BO1CN00", ["2nd and 3rd characters", "'O1'"], id="letter-O-in-area"),
        pytest.param("B01-N00", ["only letters and digits"], id="hyphen"),
    ],
)
def test_ou_code_refused(value, fragments):
    refused(validate_ou_code(value), *fragments)


def test_ou_kind_of_an_invalid_code_is_other():
    assert ou_kind("B01CN0") == "other"


# --------------------------------------------------------------------------------------------
# Police force code
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        pytest.param("20", "20", id="B7FORCE-west-midlands"),
        pytest.param("01", "01", id="B7FORCE-met"),
        pytest.param(" 93 ", "93", id="B7FORCE-btp-with-spaces"),
    ],
)
def test_force_code_accepted(value, normalised):
    ok(validate_force_code(value), normalised)


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        pytest.param("", ["No police force code was given"], id="empty"),
        pytest.param("1", ["2 digits", "'1'"], id="one-digit-not-padded"),
        pytest.param("200", ["2 digits"], id="three-digits"),
        pytest.param("2O", ["2 digits"], id="letter-O"),
        pytest.param("B01DU", ["2 digits"], id="B7FORCE-odd-entry-in-forces-json"),
    ],
)
def test_force_code_refused(value, fragments):
    refused(validate_force_code(value), *fragments)


# --------------------------------------------------------------------------------------------
# Properties shared by every validator
# --------------------------------------------------------------------------------------------

VALIDATORS = [
    validate_urn,
    validate_asn,
    validate_pnc_id,
    validate_cro,
    validate_offence_code,
    validate_ou_code,
    validate_force_code,
]


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", ["", "20AB1234525", "??", "x" * 200])
def test_every_result_names_source_and_confidence(validator, value):
    result = validator(value)
    assert result.source and "[" in result.source
    assert result.confidence in {"verified", "secondary", "unverified"}
    assert result.ok == (result.problem is None) == (result.normalised is not None)
    if result.problem:
        assert len(result.problem) < 400  # a pasted paragraph is not echoed back in full


def test_result_is_immutable():
    result = validate_force_code("20")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ok = False  # type: ignore[misc]


def test_module_uses_the_standard_library_only():
    # The rules core must stay pure (no Django, no I/O libraries); see the module docstring.
    tree = ast.parse(Path(ids.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


# --------------------------------------------------------------------------------------------
# Property tests (hypothesis)
# --------------------------------------------------------------------------------------------

_digit = st.sampled_from("0123456789")
_alnum = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_asn_bodies = st.builds(
    lambda year, codes, seq: "".join(year) + "".join(codes) + "".join(seq),
    st.lists(_digit, min_size=2, max_size=2),
    st.lists(_alnum, min_size=6, max_size=6),
    st.lists(_digit, min_size=11, max_size=11),
)

@given(body=_asn_bodies)
def test_asn_body_plus_its_check_character_validates(body):
    asn = body + asn_check_character(body)
    result = validate_asn(asn)
    assert result.ok, result.problem
    assert result.normalised == asn

@given(body=_asn_bodies, other=st.sampled_from(CHECK_ALPHABET))
def test_asn_with_any_other_check_character_is_refused(body, other):
    right = asn_check_character(body)
    if other == right:
        other = CHECK_ALPHABET[(CHECK_ALPHABET.index(right) + 1) % len(CHECK_ALPHABET)]
    result = validate_asn(body + other)
    assert not result.ok
    assert result.problem == f"The ASN check character should be {right}, not {other}."

@given(body=_asn_bodies)
def test_asn_printed_form_normalises_to_the_long_form(body):
    # Bichard B7LONG: slashes and unpadded number in, 20-character long form out.
    asn = body + asn_check_character(body)
    number = str(int(body[8:]))
    printed = f"{body[:2]}/{body[2:6]}/{body[6:8]}/{number}{asn[-1]}"
    assert validate_asn(printed).normalised == asn

@given(
    year=st.integers(min_value=0, max_value=99),
    serial=st.integers(min_value=0, max_value=9_999_999),
    century=st.sampled_from(["19", "20"]),
)
def test_pnc_short_and_long_forms_agree(year, serial, century):
    yy = f"{year:02d}"
    check = CHECK_ALPHABET[int(yy + f"{serial:07d}") % 23]  # brief 6.3 [PNCID]
    short = validate_pnc_id(f"{yy}/{serial}{check}")
    long = validate_pnc_id(f"{century}{yy}/{serial:07d}{check}")
    assert short.ok and long.ok
    assert short.normalised == f"{yy}/{serial:07d}{check}"
    assert long.normalised == f"{century}{yy}/{serial:07d}{check}"
