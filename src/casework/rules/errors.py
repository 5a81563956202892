"""The one error the rules core raises for input it cannot answer rightly.

Every public function of `casework.rules` either returns a right answer or raises
`RuleInputError` (or a subclass), naming the input and saying what is wrong in words a caseworker
can read to an officer. A caller that runs many cases (the nightly deadlines run, a bulk import)
catches it per case, reports it on that case and goes on with the others. It is a `ValueError`,
so code written before it existed still catches it. Pure: no Django, no I/O.
"""

from __future__ import annotations

from typing import Any


class RuleInputError(ValueError):
    """An input a rule cannot work with: `field` names it, `problem` says what is wrong."""

    def __init__(self, field: str, problem: str, value: Any = None) -> None:
        self.field = field
        self.problem = problem
        self.value = value
        super().__init__(f"{field}: {problem}")


class CalendarCoverageError(RuleInputError):
    """A date outside the years whose bank holidays the calendar knows: counting it would guess."""


class IdentifierFormatError(RuleInputError):
    """An identifier (URN, ASN, PNC ID, CRO number) that does not have the right shape or parts."""


class CheckCharacterError(RuleInputError):
    """An identifier of the right shape whose check character is not the one its parts give."""

    def __init__(self, field: str, problem: str, value: Any = None, *, expected: str = "",
                 given: str = "") -> None:
        self.expected = expected
        self.given = given
        super().__init__(field, problem, value)


def require_date(value: Any, field: str) -> None:
    """Refuse anything that is not a `date` (a `datetime` is a date too, and is refused: a legal
    day is a plain date in Europe/London, worked out at the edge)."""
    from datetime import date, datetime

    if isinstance(value, datetime) or not isinstance(value, date):
        shown = "nothing" if value is None else f"{type(value).__name__} {value!r}"
        raise RuleInputError(field, f"a date is needed, but {shown} was given", value)


def require_int(value: Any, field: str, *, minimum: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleInputError(field, f"a whole number is needed, but {type(value).__name__} {value!r} was given", value)
    if minimum is not None and value < minimum:
        raise RuleInputError(field, f"must be {minimum} or more, not {value}", value)
