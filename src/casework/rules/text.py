"""Small wording helpers shared by the rules (dates as caseworkers write them). Pure."""

from datetime import date, datetime


def day(d: date | datetime) -> str:
    """'7 Mar 2025'."""
    return f"{d.day} {d:%b %Y}"


def weekday(d: date) -> str:
    """'Fri 7 Mar 2025'."""
    return f"{d:%a} {d.day} {d:%b %Y}"
