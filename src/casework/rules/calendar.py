"""Calendar arithmetic shared by the rules. Pure: no clock; bank holidays are passed in.

Units are stated on every function: calendar months with month-end clamping (31 Aug + 6 months
is 28 or 29 Feb).
"""

from __future__ import annotations

import calendar as _cal
from datetime import date


def add_months(d: date, months: int) -> date:
    """The same day `months` calendar months later (or earlier), clamped to the month's end."""
    month_index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(month_index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)
