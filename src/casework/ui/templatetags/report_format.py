"""Formatting figures on the performance pages exactly as the monthly pack prints them."""

from django import template

from casework.reporting.render import cell_text

register = template.Library()


@register.filter
def pct(value) -> str:
    """A rate (a fraction) as a percentage with one decimal place: 0.8019 → 80.2%."""
    return cell_text(value, "pct")


@register.filter
def points(value) -> str:
    """A change of rate in percentage points: 0.027 → +2.7 points."""
    return cell_text(value, "pts")


@register.filter
def figure(value, kind: str = "count") -> str:
    """A trend value: a rate as a percentage, a count as a whole number."""
    if value is None:
        return "—"
    return cell_text(value, "pct" if kind == "rate" else "int") if kind == "rate" else cell_text(int(value), "int")


@register.filter
def hours(value) -> str:
    """A duration in hours, in days past two days."""
    if value is None:
        return "—"
    return f"{value:.1f} hours" if value < 48 else f"{value / 24:.1f} days"
