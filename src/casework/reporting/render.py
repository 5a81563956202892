"""Writing a pack: PDF (WeasyPrint, charts as SVG from matplotlib with the data table beside each,
the protective marking in the header and footer of every page, page numbers), Excel (XlsxWriter:
one sheet per table, with filters) and CSV (one row per cell, so every figure can be traced).

Must not: compute anything. Every cell comes from the pack's tables.
"""

from __future__ import annotations

import base64
import csv
import io

from django.conf import settings
from django.template.loader import render_to_string

from .pack import PERSONAL_DATA_NOTE, Pack, Table

FORMATS = {"pdf": ("application/pdf", "pdf"),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
           "csv": ("text/csv; charset=utf-8", "csv")}


def cell_text(value, fmt: str) -> str:
    """A cell as a person reads it in the PDF and on the dashboard."""
    if value is None or value == "":
        return "—"
    if fmt == "pct":
        return f"{value:.1%}"
    if fmt == "pts":
        return f"{value * 100:+.1f} points"
    if fmt == "signed":
        return f"{value:+,}"
    if fmt == "int":
        return f"{value:,}"
    if fmt == "num":
        return f"{value:,.1f}"
    return str(value)


def render(pack: Pack, fmt: str) -> bytes:
    return {"pdf": render_pdf, "xlsx": render_xlsx, "csv": render_csv}[fmt](pack)


# --- CSV ----------------------------------------------------------------------------------------

def _raw(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if value == value else ""
    return value


def render_csv(pack: Pack) -> bytes:
    """One row per cell: table, row number, the row's label (its first cell), column and value.
    Rates are fractions (0.75 is 75%); nothing is rounded beyond six decimal places."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["table", "row", "label", "column", "value"])
    w.writerow(["about", 1, "Title", "value", pack.title])
    w.writerow(["about", 2, "Covers", "value", pack.scope])
    w.writerow(["about", 3, "Period", "value", pack.period_label])
    w.writerow(["about", 4, "Produced on", "value", pack.produced_on.isoformat()])
    w.writerow(["about", 5, "Protective marking", "value", settings.CASEWORK_PROTECTIVE_MARKING])
    w.writerow(["about", 6, "Personal data", "value", PERSONAL_DATA_NOTE])
    for t in pack.tables:
        for i, row in enumerate(t.rows, start=1):
            for column, value in zip(t.columns[1:], row[1:], strict=True):
                w.writerow([t.key, i, row[0], column, _raw(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read the £ and – signs


# --- Excel --------------------------------------------------------------------------------------

def render_xlsx(pack: Pack) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": pack.title, "subject": pack.scope, "company": settings.CASEWORK_FORCE_NAME,
                       "comments": settings.CASEWORK_PROTECTIVE_MARKING})
    marking = settings.CASEWORK_PROTECTIVE_MARKING
    fmts = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "note": wb.add_format({"italic": True, "text_wrap": True, "valign": "top"}),
        "head": wb.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1, "text_wrap": True, "valign": "top"}),
        "text": wb.add_format({"text_wrap": False}),
        "int": wb.add_format({"num_format": "#,##0"}),
        "signed": wb.add_format({"num_format": "+#,##0;-#,##0;0"}),
        "pct": wb.add_format({"num_format": "0.0%"}),
        "pts": wb.add_format({"num_format": '+0.0" pts";-0.0" pts";0.0" pts"'}),
        "num": wb.add_format({"num_format": "#,##0.0"}),
    }

    def sheet(name: str):
        ws = wb.add_worksheet(name[:31])
        ws.set_header(f"&C{marking}")
        ws.set_footer(f"&L{marking}&RPage &P of &N")
        ws.set_landscape()
        return ws

    about = sheet("About")
    about.set_column(0, 0, 22)
    about.set_column(1, 1, 110)
    for r, (k, v) in enumerate([("Title", pack.title), ("Covers", pack.scope), ("Period", pack.period_label),
                                ("Produced on", pack.produced_on.isoformat()), ("Protective marking", marking),
                                ("Personal data", PERSONAL_DATA_NOTE)]):
        about.write(r, 0, k, fmts["head"])
        about.write(r, 1, v, fmts["note"] if k == "Personal data" else fmts["text"])
    about.write(7, 0, "Sheets", fmts["head"])
    for r, t in enumerate(pack.tables, start=8):
        about.write_url(r, 0, f"internal:'{t.key}'!A1", string=t.key)
        about.write(r, 1, t.title)

    for t in pack.tables:
        ws = sheet(t.key)
        ws.write(0, 0, t.title, fmts["title"])
        if t.note:
            ws.merge_range(1, 0, 1, max(len(t.columns) - 1, 0), t.note, fmts["note"])
            ws.set_row(1, 15 * max(1, min(8, len(t.note) // 140 + 1)))
        head = 3
        for j, col in enumerate(t.columns):
            ws.write(head, j, col, fmts["head"])
            width = max([len(col)] + [len(cell_text(row[j], t.fmt(i, j))) for i, row in enumerate(t.rows[:200])])
            ws.set_column(j, j, min(max(width + 2, 9), 60))
        for i, row in enumerate(t.rows):
            for j, value in enumerate(row):
                f = t.fmt(i, j)
                if value is None or value == "":
                    ws.write_blank(head + 1 + i, j, None)
                elif f == "text":
                    ws.write_string(head + 1 + i, j, str(value))
                else:
                    ws.write_number(head + 1 + i, j, value, fmts[f])
        ws.autofilter(head, 0, head + max(len(t.rows), 1), len(t.columns) - 1)
        ws.freeze_panes(head + 1, 0)
    wb.close()
    return buf.getvalue()


# --- PDF ----------------------------------------------------------------------------------------

# matplotlib's object API (not pyplot, which keeps global state and is unsafe in a threaded server);
# text stays text in the SVG ("svg.fonttype": "none"), which keeps the files small and fast to draw.
CHART_STYLE = {"font.size": 8, "svg.fonttype": "none", "svg.hashsalt": "casework"}


def _figure(width: float, height: float, adjust: dict):
    import matplotlib

    with matplotlib.rc_context(CHART_STYLE):
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height))
        fig.subplots_adjust(**adjust)
        return fig, fig.add_subplot()


def _svg(fig) -> str:
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(CHART_STYLE):
        fig.savefig(buf, format="svg")
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode()


def _chart_trend(t: Table) -> str:
    col = {name: j for j, name in enumerate(t.columns)}
    rate = "Rate" in col
    scale = 100 if rate else 1

    def series(name: str) -> list[float]:
        return [r[col[name]] * scale if r[col[name]] is not None else float("nan") for r in t.rows]

    months = [r[0][2:] for r in t.rows]
    values, lower, upper = series("Rate" if rate else "Count"), series("Lower limit"), series("Upper limit")
    flags = [r[col["Outside limits"]] for r in t.rows]
    fig, ax = _figure(5.2, 2.6, {"left": 0.09, "right": 0.98, "top": 0.96, "bottom": 0.2})
    x = range(len(months))
    ax.fill_between(x, lower, upper, color="#DDDDDD", label="Normal range (control limits)", step="mid")
    ax.plot(x, values, marker="o", color="#1D70B8", label="Rate (%)" if rate else "Count")
    for i, flag in enumerate(flags):
        if flag:
            ax.plot(i, values[i], marker="o", markersize=10, markerfacecolor="none", markeredgecolor="#D4351C")
    ax.set_xticks(x, months, rotation=45, ha="right")
    if rate:
        ax.set_ylim(0, 100)
        ax.set_ylabel("%")
    ax.grid(axis="y", color="#EEEEEE")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower left", fontsize=7, frameon=False)
    return _svg(fig)


def _chart_bars(t: Table) -> str:
    top = t.rows[:10][::-1]
    fig, ax = _figure(5.2, 0.3 * max(len(top), 1) + 0.7, {"left": 0.5, "right": 0.97, "top": 0.97, "bottom": 0.18})
    ax.barh([r[0][:45] for r in top], [r[3] for r in top], color="#1D70B8")
    ax.set_xlabel("Times")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _chart_alt(t: Table) -> str:
    if t.chart == "bars":
        top = ", ".join(f"{r[0]} ({r[3]})" for r in t.rows[:5])
        return f"Bar chart of the most frequent reasons: {top or 'none this month'}. The table beside it gives every figure."
    return f"Line chart of {t.title} by month with the normal range shaded; the table beside it gives every figure."


def render_pdf(pack: Pack) -> bytes:
    from weasyprint import HTML

    tables = []
    for t in pack.tables:
        chart = ""
        if t.chart.startswith("trend:"):
            chart = _chart_trend(t)
        elif t.chart == "bars" and t.rows:
            chart = _chart_bars(t)
        cells = [[cell_text(v, t.fmt(i, j)) for j, v in enumerate(row)] for i, row in enumerate(t.rows)]
        numeric = [f not in ("text",) for f in t.formats]
        tables.append({"table": t, "cells": cells, "numeric": numeric, "chart": chart,
                       "alt": _chart_alt(t) if chart else "", "wide": len(t.columns) > 6})
    html = render_to_string("reporting/pack.html", {
        "pack": pack, "tables": tables, "marking": settings.CASEWORK_PROTECTIVE_MARKING,
        "force_name": settings.CASEWORK_FORCE_NAME, "personal_data_note": PERSONAL_DATA_NOTE})
    return HTML(string=html).write_pdf()
