"""Identifier validators: URN, ASN, PNC ID, CRO number, CJS offence code, OU code, force code.

Responsible for: deciding whether an identifier typed by a caseworker or received in a message
has the right shape (and the right check character, where the identifier has one), turning it
into the single canonical form that Casework stores, and explaining any problem in plain English
that a caseworker can read out to an officer.

Must not: look anything up in reference data (whether an offence code is in the CJS list, or a
force, court or police station exists, is the caller's job against the reference tables), read
files, settings or the clock, or import Django. Standard library only.

Every result names its source (keys from the domain brief, section 12) and a confidence:
"verified" (checked against the primary source), "secondary" or "unverified". A refusal marked
"unverified" rests on a rule we could not confirm, so callers should show it as a warning rather
than block the caseworker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERIFIED = "verified"
SECONDARY = "secondary"
UNVERIFIED = "unverified"

# The ASN, PNC ID and CRO number all use this mod-23 alphabet. I, O and S are left out,
# presumably because they are easily misread as 1, 0 and 5.
CHECK_ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY"

URN_SOURCE = "MoJ make-a-plea URN validator is_valid_urn_format [MAP]"
ASN_SOURCE = "MoJ Bichard 7 Asn.ts, isAsnValid.ts, convertASNToLongFormat.ts [B7ASN][B7VAL][B7LONG]"
PNC_SOURCE = "MoJ hmpps-person-record PNCIdentifier.kt [PNCID]; CJS Data Standards v6 [PNCTEST]"
CRO_SOURCE = "MoJ HMPPS CRO validators (hmpps-person-record CROIdentifier.kt) [CROVAL]"
OFFENCE_SOURCE = "CJS offence code structure [CJHCODE]; Bichard 7 offence code parts [B7OFF]"
OU_SOURCE = "Bichard 7 organisation units [B7OUC][B7OUP]; SPI example messages"
FORCE_SOURCE = "Bichard 7 standing data forces.json [B7FORCE]"

_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class IdentifierResult:
    ok: bool
    normalised: str | None  # canonical stored form when ok
    problem: str | None  # plain-English message for a caseworker when not ok
    source: str
    confidence: str  # "verified" | "secondary" | "unverified"


def _ok(normalised: str, source: str, confidence: str = VERIFIED) -> IdentifierResult:
    return IdentifierResult(True, normalised, None, source, confidence)


def _refuse(problem: str, source: str, confidence: str = VERIFIED) -> IdentifierResult:
    return IdentifierResult(False, None, problem, source, confidence)


def _raw(value: str | None) -> str:
    # Callers may pass None for a blank form field; treat it the same as an empty string.
    return (value or "").strip()


def _compact(raw: str, drop: str) -> str:
    return "".join(ch for ch in raw if ch not in drop).upper()


def _shown(raw: str) -> str:
    # Keep messages readable if someone pastes a paragraph into an identifier field.
    return raw if len(raw) <= 30 else raw[:29] + "…"


def _digits(text: str) -> bool:
    # str.isdigit() also accepts other scripts' digits and superscripts; we want 0-9 only.
    return bool(_DIGITS.fullmatch(text))


def _first_non_digit(text: str) -> str | None:
    return next((ch for ch in text if not "0" <= ch <= "9"), None)


def _lookalike_hint(ch: str) -> str:
    # Letters typed for digits are the commonest slip when copying a reference by hand.
    if ch == "O":
        return " (a letter O where a zero should be?)"
    if ch in "IL":
        return f" (a letter {ch} where a one should be?)"
    return ""


def _characters(n: int) -> str:
    return "1 character" if n == 1 else f"{n} characters"


# --------------------------------------------------------------------------------------------
# URN (brief 6.1)
# --------------------------------------------------------------------------------------------

_URN_RE = re.compile(r"[0-9]{2}[A-Z]{2}(?:[0-9]{5}|[0-9]{7})[0-9]{2}")
_URN_SHAPE = (
    "A URN has 2 digits (force), 2 letters (unit), a serial of 5 or 7 digits and 2 digits "
    "for the year"
)


def validate_urn(value: str) -> IdentifierResult:
    """Validate a Unique Reference Number: NN/AA/NNNNN/NN or NN/AA/NNNNNNN/NN.

    Source: MoJ make-a-plea ``is_valid_urn_format`` [MAP], confidence verified. Stored without
    slashes or spaces and upper-cased, so 11 or 13 characters (e.g. ``20AB1234525``). Note the
    SPI PTI-URN field takes at most 11 characters, so a 13-character URN cannot go to court by
    SPI as it stands; that is for the caller to flag, not a reason to refuse the URN here.
    """
    raw = _raw(value)
    if not raw:
        return _refuse(f"No URN was given. {_URN_SHAPE}, e.g. 20/AB/12345/25.", URN_SOURCE)
    urn = _compact(raw, "/ ")
    if len(urn) not in (11, 13):
        return _refuse(
            f"{_URN_SHAPE}: 11 or 13 characters, not counting slashes; "
            f"'{_shown(raw)}' has {_characters(len(urn))}.",
            URN_SOURCE,
        )
    if not _digits(urn[:2]):
        return _refuse(
            "A URN starts with the 2-digit police force code (e.g. 20 for West Midlands); "
            f"'{_shown(raw)}' starts with '{urn[:2]}'.",
            URN_SOURCE,
        )
    if not re.fullmatch(r"[A-Z]{2}", urn[2:4]):
        return _refuse(
            "The 3rd and 4th characters of a URN are the 2 letters of the police unit; "
            f"'{_shown(raw)}' has '{urn[2:4]}' there.",
            URN_SOURCE,
        )
    bad = _first_non_digit(urn[4:])
    if bad is not None:
        return _refuse(
            "After the 2 unit letters a URN has only digits (the serial, then 2 for the year); "
            f"'{_shown(raw)}' has '{bad}' in the serial or year{_lookalike_hint(bad)}.",
            URN_SOURCE,
        )
    # The checks above explain every way the source's pattern can fail; it stays as the final
    # word so the rule is stated once, exactly as the source has it.
    if not _URN_RE.fullmatch(urn):
        return _refuse(f"{_URN_SHAPE}; '{_shown(raw)}' does not fit.", URN_SOURCE)
    return _ok(urn, URN_SOURCE)


def urn_force_code(normalised: str) -> str:
    """The police force code of a URN: its first two digits (e.g. '20' for West Midlands).

    Using the force code as the URN prefix is standard practice but unverified [U]; the force
    code table itself is [B7FORCE][V]. Raises ValueError if the value is not a valid URN, so a
    bad URN cannot silently give a force.
    """
    result = validate_urn(normalised)
    if not result.ok or result.normalised is None:
        raise ValueError(result.problem)
    return result.normalised[:2]


# --------------------------------------------------------------------------------------------
# ASN (brief 6.2)
# --------------------------------------------------------------------------------------------

_ASN_RE = re.compile(r"[0-9]{2}[A-Z0-9]{6,7}[0-9]{11}[A-HJ-NP-RT-Z]")
_ASN_SHAPE = (
    "A full ASN has 20 characters: 2 for the year, 2 for the force, 2 for the station, 2 for "
    "the system, an 11-digit number and a check letter (e.g. 1101ZD0100000448754K)"
)


def asn_check_character(body: str) -> str:
    """The mod-23 check character for an ASN without its check character.

    ``body`` is the 19-character long form (YY FF UU SS + 11-digit sequence), or 20 characters
    when a top-level OU character follows the year. Source: Bichard 7 ``Asn.ts`` [B7ASN][V]:
    force digits + system digits + year + 11-digit sequence, where a force or system code that
    is not all digits is left out; the number modulo 23 indexes CHECK_ALPHABET.

    For the 20-character body we drop the top-level character and use the 19 that remain. That
    is our reading, not Bichard's: Bichard's Asn class reads fixed offsets, which shifts every
    field by one for this variant. No real 21-character ASN was available to settle it, so
    validate_asn marks such results unverified.
    """
    body = body.upper()
    if len(body) == 20:
        body = body[:2] + body[3:]
    if len(body) != 19 or not _digits(body[:2]) or not _digits(body[8:]):
        raise ValueError(
            "An ASN body is 2 year digits, 6 force/station/system characters and an 11-digit "
            f"number; got '{body}'."
        )
    year, force, system, sequence = body[:2], body[2:4], body[6:8], body[8:]
    number = (force if _digits(force) else "") + (system if _digits(system) else "")
    return CHECK_ALPHABET[int(number + year + sequence) % 23]


def _asn_long_form(compact: str) -> str:
    """Pad a short/printed ASN's number to 11 digits, as Bichard convertASNToLongFormat does.

    Bichard takes the first 8 characters as the header and the last as the check character and
    pads what lies between. Unlike Bichard we do not silently drop non-digits from the number:
    a stray letter there is more likely a typing slip than noise, so it is reported instead.
    """
    if 10 <= len(compact) < 20 and _digits(compact[8:-1]):
        return compact[:8] + compact[8:-1].zfill(11) + compact[-1]
    return compact


def validate_asn(value: str) -> IdentifierResult:
    """Validate an Arrest/Summons Number and return its 20-character long form.

    Source: Bichard 7 [B7ASN][B7VAL][B7LONG], confidence verified for the 20-character form.
    Short and printed forms (``11/01ZD/01/448754K``) are normalised by removing slashes and
    spaces, upper-casing and zero-padding the number to 11 digits. The 21-character variant
    with a top-level OU letter [B7OU] is accepted in shape, but its check character rule is our
    reading (see asn_check_character), so those results are marked unverified.
    """
    raw = _raw(value)
    if not raw:
        return _refuse(
            "No ASN was given. An ASN looks like 1101ZD0100000448754K, or 11/01ZD/01/448754K "
            "as printed.",
            ASN_SOURCE,
        )
    compact = _compact(raw, "/ ")
    if len(compact) >= 10 and "0" <= compact[-1] <= "9":
        # Otherwise a number missing its check letter would be padded and then refused for a
        # wrong check character, which would send the officer looking in the wrong place.
        return _refuse(
            "An ASN ends with a check letter (e.g. the K in 1101ZD0100000448754K); "
            f"'{_shown(raw)}' ends with '{compact[-1]}'. Is the check letter missing?",
            ASN_SOURCE,
        )
    if 10 <= len(compact) < 20 and not _digits(compact[8:-1]):
        bad = _first_non_digit(compact[8:-1])
        return _refuse(
            "The number in an ASN (after the year, force, station and system codes) must be "
            f"digits only; '{_shown(raw)}' has '{bad}' in it{_lookalike_hint(bad or '')}.",
            ASN_SOURCE,
        )
    asn = _asn_long_form(compact)
    if len(asn) not in (20, 21):
        return _refuse(
            f"{_ASN_SHAPE}; '{_shown(raw)}' has {_characters(len(compact))}, not counting slashes.",
            ASN_SOURCE,
        )
    confidence = VERIFIED if len(asn) == 20 else UNVERIFIED
    if not _digits(asn[:2]):
        return _refuse(
            f"An ASN starts with the 2-digit year; '{_shown(raw)}' starts with '{asn[:2]}'.",
            ASN_SOURCE,
            confidence,
        )
    codes = asn[2:-12]
    if not re.fullmatch(r"[A-Z0-9]+", codes):
        return _refuse(
            "The force, station and system codes of an ASN are letters and digits only; "
            f"'{_shown(raw)}' has '{codes}'.",
            ASN_SOURCE,
            confidence,
        )
    bad = _first_non_digit(asn[-12:-1])
    if bad is not None:
        return _refuse(
            f"The 11-digit number in an ASN must be digits only; '{_shown(raw)}' has '{bad}' "
            f"in it{_lookalike_hint(bad)}.",
            ASN_SOURCE,
            confidence,
        )
    expected = asn_check_character(asn[:-1])
    if asn[-1] != expected:
        return _refuse(
            f"The ASN check character should be {expected}, not {asn[-1]}.",
            ASN_SOURCE,
            confidence,
        )
    # Bichard's own regex is the final word; the checks above explain its failures in words.
    if not _ASN_RE.fullmatch(asn):
        return _refuse(f"{_ASN_SHAPE}; '{_shown(raw)}' does not fit.", ASN_SOURCE, confidence)
    return _ok(asn, ASN_SOURCE, confidence)


# --------------------------------------------------------------------------------------------
# PNC ID (brief 6.3)
# --------------------------------------------------------------------------------------------

_PNC_WITH_SLASH = re.compile(r"([0-9]{2}|[0-9]{4})/([0-9]{1,7})([A-Z])")
_PNC_LONG_NO_SLASH = re.compile(r"([0-9]{4})([0-9]{7})([A-Z])")
_PNC_SHORT_NO_SLASH = re.compile(r"([0-9]{2})([0-9]{1,7})([A-Z])")
_PNC_SHAPE = (
    "A PNC ID is the year, a slash, a number of up to 7 digits and a check letter, "
    "e.g. 2001/0123456X or 01/123456X"
)


def validate_pnc_id(value: str) -> IdentifierResult:
    """Validate a PNC ID: YYYY/NNNNNNNC, or the short form YY/N…C.

    Source: hmpps-person-record PNCIdentifier.kt [PNCID] and NOMIS IdentifierValidation
    [PNCTEST], confidence verified. Check letter = CHECK_ALPHABET[int(last 2 digits of the year
    + 7-digit zero-padded number) mod 23].

    Normalised form: ``YYYY/NNNNNNNC`` when the 4-digit year was given, otherwise
    ``YY/NNNNNNNC``. Unlike PNCIdentifier.kt we do not guess the century of a 2-digit year,
    because that needs today's date and the rules core has no clock.

    The slash decides which part is the year. Without a slash, 12 characters is the long form
    and anything shorter is the short form, as in PNCIdentifier.kt. (The SPI PNCidentifier
    field does not allow '/', so a message builder must drop it.)
    """
    raw = _raw(value)
    if not raw:
        return _refuse(f"No PNC ID was given. {_PNC_SHAPE}.", PNC_SOURCE)
    pnc = _compact(raw, " ")
    match = (
        _PNC_WITH_SLASH.fullmatch(pnc)
        or _PNC_LONG_NO_SLASH.fullmatch(pnc)
        or _PNC_SHORT_NO_SLASH.fullmatch(pnc)
    )
    if match is None:
        if not pnc[-1].isalpha():
            return _refuse(
                f"A PNC ID ends with a check letter; '{_shown(raw)}' ends with '{pnc[-1]}'.",
                PNC_SOURCE,
            )
        return _refuse(f"{_PNC_SHAPE}; '{_shown(raw)}' does not fit.", PNC_SOURCE)
    year, serial, given = match.groups()
    serial = serial.zfill(7)
    expected = CHECK_ALPHABET[int(year[-2:] + serial) % 23]
    if given != expected:
        return _refuse(f"The PNC ID check letter should be {expected}, not {given}.", PNC_SOURCE)
    return _ok(f"{year}/{serial}{given}", PNC_SOURCE)


# --------------------------------------------------------------------------------------------
# CRO number (brief 6.3)
# --------------------------------------------------------------------------------------------

_CRO_STANDARD = re.compile(r"([0-9]{1,6})/([0-9]{2})([A-Z])")
_CRO_SHORT_FORM = re.compile(r"SF([0-9]{2})/([0-9]{1,6})([A-Z])")
CRO_MAX_LENGTH = 12  # SPI CROnumber field limit (interfaces.md section 2)


def validate_cro(value: str) -> IdentifierResult:
    """Validate a CRO number: NNNNNN/YYC, or a short-form (SF) number SFYY/NNNNNNC.

    Standard form (confidence verified): check letter = CHECK_ALPHABET[int(YY + number padded
    to 6 digits) mod 23]. This is what the HMPPS validators compute [CROVAL] and it agrees with
    their test values (265416/21G, 65656/91H) and their list of about 100 real standard CROs.
    Stored with the number padded to 6 digits, e.g. ``065656/91H``.

    Short form (confidence UNVERIFIED): the HMPPS code uses YY + the number exactly as written
    (no padding). That fails several of the SF numbers in HMPPS's own list of valid CROs, such
    as SF83/4661E and SF94/5431U. Padding the number to 5 digits fits 22 of the 23 SF numbers
    in that list (one, SF83/94613C, fits neither rule, so the list has at least one error) and
    their test values SF05/482703J and SF83/50058Z. We use that rule: YY + the number (leading
    zeros dropped) padded to at least 5 digits. It is an inference from data, not a published
    rule, so SF results are marked unverified and callers should treat an SF check-letter
    refusal as a warning. SF numbers are stored as written (HMPPS does not pad them either), e.g.
    ``SF05/482703J``; at most 12 characters, the SPI limit.
    """
    raw = _raw(value)
    if not raw:
        return _refuse(
            "No CRO number was given. A CRO number looks like 123456/21G, or SF05/482703J for "
            "a short-form record.",
            CRO_SOURCE,
        )
    cro = _compact(raw, " ")
    if (match := _CRO_STANDARD.fullmatch(cro)) is not None:
        serial, year, given = match.groups()
        serial = serial.zfill(6)
        expected = CHECK_ALPHABET[int(year + serial) % 23]
        if given != expected:
            return _refuse(
                f"The CRO number check letter should be {expected}, not {given}.", CRO_SOURCE
            )
        return _ok(f"{serial}/{year}{given}", CRO_SOURCE)
    if (match := _CRO_SHORT_FORM.fullmatch(cro)) is not None:
        year, serial, given = match.groups()
        expected = CHECK_ALPHABET[int(year + str(int(serial)).zfill(5)) % 23]
        if given != expected:
            return _refuse(
                f"The check letter for this short-form (SF) CRO number should be {expected}, "
                f"not {given}. Please check it against the record: the rule for short-form "
                "numbers is not confirmed.",
                CRO_SOURCE,
                UNVERIFIED,
            )
        # At most 12 characters (SF + 2 + / + 6 + 1), within the SPI limit by construction.
        return _ok(f"SF{year}/{serial}{given}", CRO_SOURCE, UNVERIFIED)
    return _refuse(
        "A CRO number is a number of up to 6 digits, a slash, the 2-digit year and a check "
        "letter (e.g. 123456/21G), or SF, the 2-digit year, a slash, the number and a check "
        f"letter for a short-form record (e.g. SF05/482703J); '{_shown(raw)}' does not fit.",
        CRO_SOURCE,
    )


# --------------------------------------------------------------------------------------------
# CJS offence code (brief 6.4)
# --------------------------------------------------------------------------------------------

_OFFENCE_RE = re.compile(r"(?:[A-Z]{2}[0-9]{2}|COML)[0-9]{3}[ABCI]?")
# Shape of about 1,000 retired codes in the PNC export (e.g. AA60A01): a letter where the
# offence number should be. They are not national CJS codes, so they get their own message.
_LEGACY_PNC_OFFENCE_RE = re.compile(r"(?:[A-Z]{2}[0-9]{2}|COML)[A-Z][0-9]{2}")
OFFENCE_CODE_MAX_LENGTH = 8  # SPI offence code field limit (interfaces.md section 2)
OFFENCE_QUALIFIERS = {
    "A": "attempt",
    "B": "aiding and abetting",
    "C": "conspiracy",
    "I": "inciting",
}
_OFFENCE_SHAPE = (
    "An offence code is 2 letters for the Act, 2 digits for the year and 3 digits for the "
    "offence (e.g. TH68010), or COML and 3 digits for a common-law offence (e.g. COML022), "
    "with an optional 8th letter A, B, C or I"
)


def validate_offence_code(value: str) -> IdentifierResult:
    """Check the shape of a CJS offence code; whether it is in the list is the caller's job.

    Source: [CJHCODE][S] for the structure, [B7OFF][V] for its parts (COML common law, XX00
    indictment, qualifier A/B/C/I). Confidence verified: every one of the 15,352 codes in the
    current CJS list (bichard7-next-data cjs-offences.json) fits this shape. Upper-cased and
    spaces removed; at most 8 characters (the SPI limit).
    """
    raw = _raw(value)
    if not raw:
        return _refuse(f"No offence code was given. {_OFFENCE_SHAPE}.", OFFENCE_SOURCE)
    code = _compact(raw, " ")
    if len(code) > OFFENCE_CODE_MAX_LENGTH:
        return _refuse(
            f"An offence code has at most 8 characters; '{_shown(raw)}' has {len(code)}.",
            OFFENCE_SOURCE,
        )
    if len(code) < 7:
        return _refuse(
            "An offence code has 7 characters, or 8 with a qualifier letter (e.g. TH68010, "
            f"TH68006A); '{_shown(raw)}' has {_characters(len(code))}.",
            OFFENCE_SOURCE,
        )
    if len(code) == 8 and code[7] not in OFFENCE_QUALIFIERS:
        return _refuse(
            "The 8th character of an offence code can only be A (attempt), B (aiding and "
            f"abetting), C (conspiracy) or I (inciting); '{_shown(raw)}' ends in '{code[7]}'.",
            OFFENCE_SOURCE,
        )
    if _OFFENCE_RE.fullmatch(code):
        return _ok(code, OFFENCE_SOURCE)
    if _LEGACY_PNC_OFFENCE_RE.fullmatch(code):
        return _refuse(
            f"'{_shown(raw)}' has a letter where the 3-digit offence number should be, so it "
            "is not a national CJS offence code (it may be an old PNC or local code). "
            "Please ask for the CJS code.",
            OFFENCE_SOURCE,
        )
    return _refuse(f"{_OFFENCE_SHAPE}; '{_shown(raw)}' does not fit.", OFFENCE_SOURCE)


def offence_code_qualifier(code: str) -> str | None:
    """The meaning of an offence code's 8th-character qualifier, or None if it has none.

    "attempt", "aiding and abetting", "conspiracy" or "inciting" [CJHCODE][S], [B7OFF][V].
    Returns None for a code that is not a valid offence code.
    """
    result = validate_offence_code(code)
    if not result.ok or result.normalised is None or len(result.normalised) < 8:
        return None
    return OFFENCE_QUALIFIERS[result.normalised[7]]


# --------------------------------------------------------------------------------------------
# Organisation unit code (brief 6.6, interfaces.md section 2)
# --------------------------------------------------------------------------------------------

# Second level is always two digits (area for courts, force for police and CPS): true of all
# 6,410 OUs in Bichard's organisation-unit.json, so checking it catches a letter O for a zero.
_OU_RE = re.compile(r"[A-Z0-9][0-9]{2}[A-Z0-9]{4}")
_OU_KINDS = {
    "B": "magistrates' court",  # [B7OUC][V]
    "C": "Crown Court",  # [B7OUC][V]
    "A": "CPS",  # SPI examples, e.g. A16AC00
    "1": "police",  # SPI messages, e.g. 116HQ00 = force 16 (Humberside), unit HQ
}


def validate_ou_code(value: str) -> IdentifierResult:
    """Validate a 7-character CJS organisation unit code, e.g. B01CN00, C01CY00, 116HQ00.

    Top level (1 character: B magistrates', C Crown, A CPS, 1 police in messages) + second
    level (2 digits: area or force) + third level (2) + bottom level (2). Source: Bichard 7
    standing data [B7OUC][B7OUP] and the SPI examples, confidence verified.

    Only the 7-character form is accepted. Bichard stores police OUs with an empty top level
    (6 characters, e.g. 16HQ00); the caller must put '1' in front before validating, because a
    6-character value typed by a caseworker could equally be a court code missing its letter.
    """
    raw = _raw(value)
    if not raw:
        return _refuse(
            "No organisation unit code was given. It has 7 characters, e.g. B01CN00 "
            "(Bromley magistrates' court) or 116HQ00 (Humberside police HQ).",
            OU_SOURCE,
        )
    code = _compact(raw, " ")
    if len(code) == 6 and _OU_RE.fullmatch("1" + code):
        return _refuse(
            f"An organisation unit code has 7 characters; '{_shown(raw)}' has 6. If it is a "
            "police unit, put 1 in front of it (e.g. 116HQ00 for Humberside HQ).",
            OU_SOURCE,
        )
    if len(code) != 7:
        return _refuse(
            "An organisation unit code has 7 characters (e.g. B01CN00); "
            f"'{_shown(raw)}' has {_characters(len(code))}.",
            OU_SOURCE,
        )
    if not _digits(code[1:3]):
        return _refuse(
            "The 2nd and 3rd characters of an organisation unit code are digits (the area or "
            f"force); '{_shown(raw)}' has '{code[1:3]}' there.",
            OU_SOURCE,
        )
    if not _OU_RE.fullmatch(code):
        return _refuse(
            "An organisation unit code has only letters and digits (e.g. B01CN00); "
            f"'{_shown(raw)}' does not fit.",
            OU_SOURCE,
        )
    return _ok(code, OU_SOURCE)


def ou_kind(code: str) -> str:
    """What a valid 7-character OU code belongs to, from its top-level character.

    Returns "magistrates' court", "Crown Court", "CPS", "police" or "other" (including for a
    code that is not valid, so a bad code is never mistaken for a court).
    """
    result = validate_ou_code(code)
    if not result.ok or result.normalised is None:
        return "other"
    return _OU_KINDS.get(result.normalised[0], "other")


# --------------------------------------------------------------------------------------------
# Police force code (brief 6.5)
# --------------------------------------------------------------------------------------------


def validate_force_code(value: str) -> IdentifierResult:
    """Check that a police force code is two digits (e.g. '20' West Midlands). Shape only.

    Source: Bichard 7 forces.json [B7FORCE], confidence verified. Whether the force exists is
    the caller's lookup. Single digits are not padded: '1' may be a slip for '01' or for '10'.
    """
    raw = _raw(value)
    if not raw:
        return _refuse(
            "No police force code was given. It is 2 digits, e.g. 20 for West Midlands.",
            FORCE_SOURCE,
        )
    code = _compact(raw, " ")
    if len(code) != 2 or not _digits(code):
        return _refuse(
            f"A police force code is 2 digits, e.g. 20 for West Midlands; '{_shown(raw)}' is not.",
            FORCE_SOURCE,
        )
    return _ok(code, FORCE_SOURCE)
