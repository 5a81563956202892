"""The monthly performance pack as tables: one list of tables that the PDF, the spreadsheet and the
CSV are all written from, so the three formats hold the same cells.

The pack goes to senior leaders and partner agencies, so it holds aggregate figures only: no
names of victims, witnesses, defendants or staff, and no URNs. The dashboard links each figure to
its cases for the people entitled to see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from casework.cases.constants import CaseOutcome, HearingOutcome
from casework.rules.findings import SECONDARY
from casework.rules.reporting import (
    TRAINING_AREAS,
    TREND_CONFIDENCE,
    TREND_METHOD,
    TREND_SOURCE,
)

from .measures import FAILINGS_SOURCE, MEASURES_BY_ID
from .selectors import Report

PERSONAL_DATA_NOTE = ("Aggregate figures only: this pack holds no names of victims, witnesses, defendants or staff "
                      "and no case references. The Casework dashboard links each figure to its cases for the people "
                      "entitled to see them.")


@dataclass
class Table:
    key: str  # short and unique: the spreadsheet's sheet name and the CSV's first column
    title: str
    columns: list[str]
    rows: list[list]
    formats: list[str]  # per column: text, int, pct (a fraction), num (one decimal place)
    note: str = ""
    chart: str = ""  # a chart of this table in the PDF: "trend:<measure id>" or "bars"
    row_formats: list[list[str]] | None = None  # where a column mixes rates and counts

    def fmt(self, i: int, j: int) -> str:
        return self.row_formats[i][j] if self.row_formats else self.formats[j]


@dataclass
class Pack:
    title: str
    scope: str  # "West Midlands Police" or a hub's name
    period_label: str
    month: date
    produced_on: date
    tables: list[Table] = field(default_factory=list)
    report: Report | None = None

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def _rate_cell(figure) -> float | int | None:
    return figure.rate if figure.measure.kind == "rate" else figure.count


def pack_tables(report: Report, previous: Report) -> list[Table]:
    """Every table of the pack, from the month's report and the month before's (for the change)."""
    tables: list[Table] = []
    rows, row_formats = [], []
    for mid, fig in report.figures.items():
        m = fig.measure
        prev = previous.figures[mid]
        now_v, prev_v = _rate_cell(fig), _rate_cell(prev)
        change = now_v - prev_v if now_v is not None and prev_v is not None and m.trend else None
        point = report.trends.get(mid, [None])[-1]
        flag = {"high": "Above normal range", "low": "Below normal range"}.get(point.flag, "") if point else ""
        if m.kind == "rate":
            rows.append([m.title, m.counts, fig.decided, fig.met, fig.not_met, fig.pending, now_v, prev_v if m.trend else None,
                         change, flag, m.source, m.confidence])
        else:
            rows.append([m.title, m.counts, fig.count, None, None, None, now_v, prev_v if m.trend else None, change, flag,
                         m.source, m.confidence])
        v = "pct" if m.kind == "rate" else "int"
        row_formats.append(["text", "text", "int", "int", "int", "int", v, v, "pts" if m.kind == "rate" else "signed",
                            "text", "text", "text"])
    tables.append(Table("summary", "Summary of measures", [
        "Measure", "Counts", "Counted", "Met", "Not met", "Not yet due", "Rate or count", "Previous month", "Change",
        "Trend flag", "Source", "Confidence"], rows,
        ["text", "text", "int", "int", "int", "int", "num", "num", "num", "text", "text", "text"], row_formats=row_formats,
        note="Rates are the share of counted items that met the standard; items not yet due are left out. "
             "Change is from the previous month (percentage points for rates). " + TREND_METHOD))

    months = [f"{m:%Y-%m}" for m in report.months]
    matrix, matrix_formats = [], []
    for mid, points in report.trends.items():
        m = MEASURES_BY_ID[mid]
        rate = m.kind == "rate"
        latest = points[-1] if points else None
        matrix.append([m.title, *[p.value if rate or p.value is None else int(p.value) for p in points],
                       {"high": "Above normal range", "low": "Below normal range"}.get(latest.flag, "") if latest else ""])
        matrix_formats.append(["text", *(["pct" if rate else "int"] * len(points)), "text"])
    tables.append(Table("trends", "Monthly trends (12 months)", ["Measure", *months, "Latest month"], matrix,
                        ["text", *(["num"] * len(months)), "text"], row_formats=matrix_formats,
                        note=f"{TREND_METHOD} Source: {TREND_SOURCE} ({TREND_CONFIDENCE}). Each measure's counts and "
                             "limits follow, month by month."))
    for mid, points in report.trends.items():
        m = MEASURES_BY_ID[mid]
        flags = [{"high": "Above", "low": "Below"}.get(p.flag, "") for p in points]
        if m.kind == "rate":
            columns = ["Month", "Met", "Counted", "Rate", "Lower limit", "Upper limit", "Outside limits"]
            rows = [[p.month, p.numerator, p.denominator, p.value, p.lower, p.upper, f] for p, f in zip(points, flags, strict=True)]
            formats = ["text", "int", "int", "pct", "pct", "pct", "text"]
        else:
            columns = ["Month", "Count", "Lower limit", "Upper limit", "Outside limits"]
            rows = [[p.month, p.numerator, p.lower, p.upper, f] for p, f in zip(points, flags, strict=True)]
            formats = ["text", "int", "num", "num", "text"]
        tables.append(Table(f"trend_{mid}"[:31], f"Trend: {m.title}", columns, rows, formats, note=m.definition,
                            chart=f"trend:{mid}" if m.headline else ""))

    tables.append(Table("failings", "Why files failed, in the CPS's words", [
        "Reason", "DGA category", "Training area", "Times", "Cases", "CPS triage (pre-charge)",
        "CPS file assessment (charged)", "Casework review"],
        [[r["reason"], r["category"] or "—", r["area"], r["count"], r["cases"], r["by"].get("CPS triage (pre-charge)", 0),
          r["by"].get("CPS file assessment (charged)", 0), r["by"].get("Casework review (returned to the officer)", 0)]
         for r in report.failing_reasons()],
        ["text", "text", "text", "int", "int", "int", "int", "int"],
        note="Each reason a file failed for in the month: the CPS's triage reasons for pre-charge requests and "
             "charged files, and the findings Casework's reviewers returned files to the officer for. The DGA "
             f"category of a triage reason is Casework's mapping (unverified). Source: {FAILINGS_SOURCE}.", chart="bars"))
    tables.append(Table("failing_categories", "Failings by DGA category", ["DGA category", "Times", "Cases"],
                        [[r["category"], r["count"], r["cases"]] for r in report.failing_categories()],
                        ["text", "int", "int"]))
    tables.append(_breakdown(report, "file_returns", "Files returned to the officer, by review cycle", "Review cycle",
                             rate=False))
    tables.append(_breakdown(report, "set_aside", "Findings set aside, by rule", "Rule", rate=False))
    turnaround = report.figures["pcd_turnaround"]
    tables.append(Table("pcd_turnaround", "CPS charging decisions by category", [
        "Category", "Decisions", "Within target", "Rate", "Median hours"],
        [[r["key"].replace("_", " "), r["count"], r["met"], r["rate"], r["median"]] for r in turnaround.breakdown()],
        ["text", "int", "int", "pct", "num"], note=turnaround.measure.definition))
    tables.append(_breakdown(report, "victims_code", "Victims' Code updates by entitlement", "Victims", rate=True))
    at_risk = report.figures["time_limits_at_risk"]
    tables.append(Table("time_limits", f"Custody and statutory time limits not yet met, as at {report.today:%-d %b %Y}",
                        ["When", "Custody time limits", "Statutory time limits"],
                        [[r["label"], r["ctl"], r["stl"]] for r in at_risk.limits_grid()],
                        ["text", "int", "int"], note=at_risk.measure.definition))
    load = report.caseload
    tables.append(Table("caseload_stage", f"Open cases by stage, as at {report.today:%-d %b %Y}", ["Stage", "Open cases"],
                        [[r["label"], r["count"]] for r in load["by_stage"]], ["text", "int"]))
    tables.append(Table("caseload_age", "Open cases by time since the file was received", ["Age", "Open cases"],
                        [[r["label"], r["count"]] for r in load["by_age"]], ["text", "int"]))
    tables.append(_breakdown(report, "guilty_plea_first_hearing", "First hearings by result", "Result", rate=False,
                             labels=dict(HearingOutcome.choices)))
    tables.append(_breakdown(report, "trials", "Trials: effective, cracked and ineffective", "Trial", rate=False))
    tables.append(_breakdown(report, "discontinued", "Prosecutions finalised by outcome", "Outcome", rate=False,
                             labels=dict(CaseOutcome.choices)))
    area_rows = []
    for area in TRAINING_AREAS.values():
        groups = {k: sorted({r["who_id"] for r in report.training if r["area"] == area.key and r["kind"] == k})
                  for k in ("team", "supervisor", "officer")}
        if any(groups.values()):
            area_rows.append([area.label, len(groups["team"]), len(groups["supervisor"]), len(groups["officer"]),
                              area.topic])
    tables.append(Table("training", "Training needs: where failings recur", [
        "Training area", "Teams", "Supervisors", "Officers", "Suggested training"], area_rows,
        ["text", "int", "int", "int", "text"],
        note=f"A team, supervisor or officer is counted when at least {report.training_threshold} of their cases, "
             f"and at least {report.training_share}% of their files assessed, failed in the same area in the month. Names are left out of the pack; the dashboard lists them "
             f"with example cases. Suggested training: Casework's mapping ({SECONDARY})."))
    team_rows = [[r["who"], r["area_label"], r["cases"], r["of"], r["share"], r["topic"]]
                 for r in report.training if r["kind"] == "team"]
    tables.append(Table("training_teams", "Training needs by team", [
        "Team", "Training area", "Cases failing", "Files assessed", "Share", "Suggested training"], team_rows,
        ["text", "text", "int", "int", "pct", "text"]))
    return tables


def _breakdown(report: Report, mid: str, title: str, label: str, *, rate: bool, labels: dict | None = None) -> Table:
    fig = report.figures[mid]
    labels = labels or {}
    if rate:
        cells = [[labels.get(r["key"], r["key"]), r["decided"], r["met"], r["rate"]] for r in fig.breakdown()]
        return Table(mid[:31], title, [label, "Counted", "Met", "Rate"], cells, ["text", "int", "int", "pct"],
                     note=fig.measure.definition)
    total = fig.count
    cells = [[labels.get(r["key"], r["key"]), r["count"], r["count"] / total if total else None] for r in fig.breakdown()]
    return Table(mid[:31], title, [label, "Number", "Share"], cells, ["text", "int", "pct"], note=fig.measure.definition)


def pack_build(*, report: Report, previous: Report, scope: str, today: date) -> Pack:
    month = report.period.start
    pack = Pack(f"Case progression performance pack: {report.period.label}", scope, report.period.label, month, today,
                report=report)
    pack.tables = pack_tables(report, previous)
    return pack


