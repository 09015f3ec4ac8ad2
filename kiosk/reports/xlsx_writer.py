"""The report as an Excel workbook (XlsxWriter): one sheet per table of
`kiosk.reports.tables` (Tổng hợp, Theo bài, Theo chủ đề, Theo ngày, Theo tuần, Theo tháng,
Bước hay sai, Tự tin trước và sau, Gọi cán bộ theo bước) and native Excel charts of lessons completed per topic, per lesson and of
sessions per day.

Every sheet: row 1 the report title, row 2 the place and period, row 4 the table header,
data from row 5. Numbers and dates are real Excel values."""
from __future__ import annotations

import datetime
import io

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from kiosk.reports import texts
from kiosk.reports.model import Report
from kiosk.reports.tables import Table, all_tables

HEADER_ROW = 3  # zero-based: Excel row 4
MAX_WIDTH = 60


def render_xlsx(report: Report) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": texts.TITLE, "subject": texts.period(report.first, report.last),
                         "company": report.place.commune or report.place.kiosk_name})
    styles = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": "dd/mm/yyyy", "valign": "top"}),
        "decimal": book.add_format({"num_format": "0.0", "valign": "top"}),
        "text": book.add_format({"text_wrap": True, "valign": "top"}),
        "int": book.add_format({"valign": "top"}),
    }
    subtitle = f"{_place(report)} — {texts.period(report.first, report.last)}"
    sheets = {}
    for table in all_tables(report):
        sheet = book.add_worksheet(table.title)
        sheet.write(0, 0, texts.TITLE, styles["title"])
        sheet.write(1, 0, subtitle)
        _write_table(sheet, table, styles)
        sheets[table.title] = (sheet, table)
    _add_charts(book, report, sheets)
    book.close()
    return out.getvalue()


def _place(report: Report) -> str:
    place = report.place
    parts = [place.kiosk_name, place.commune, place.province]
    return ", ".join(part for part in parts if part)


def _write_table(sheet: Worksheet, table: Table, styles: dict) -> None:
    sheet.write_row(HEADER_ROW, 0, table.header, styles["header"])
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for c, cell in enumerate(row):
            if cell is None:
                sheet.write_blank(r, c, None)
            elif isinstance(cell, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime.combine(cell, datetime.time()), styles["date"])
            elif isinstance(cell, float):
                sheet.write_number(r, c, cell, styles["decimal"])
            elif isinstance(cell, int):
                sheet.write_number(r, c, cell, styles["int"])
            else:
                sheet.write_string(r, c, cell, styles["text"])
    for c, title in enumerate(table.header):
        longest = max([len(title) // 2 + 2, *(_width(row[c]) for row in table.rows)])
        sheet.set_column(c, c, min(longest + 2, MAX_WIDTH))
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    if table.rows:
        sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + len(table.rows), len(table.header) - 1)


def _width(cell: object) -> int:
    if isinstance(cell, datetime.date):
        return 10
    return len(str(cell)) if cell is not None else 0


def _add_charts(book: xlsxwriter.Workbook, report: Report, sheets: dict) -> None:
    """Bars of lessons completed per topic (on the summary) and per lesson; columns of sessions per day."""
    first = HEADER_ROW + 1
    specs = [
        (texts.SUMMARY, texts.BY_TOPIC, 1, 3, len(report.topics), "column", texts.CHART_TOPICS, "D4"),
        (texts.BY_LESSON, texts.BY_LESSON, 1, 4, len(report.lessons), "bar", texts.CHART_LESSONS, "H4"),
        (texts.BY_DAY, texts.BY_DAY, 0, 3, len(report.days), "column", texts.CHART_DAYS, "H4"),
    ]
    for host, source, category_col, value_col, count, kind, title, anchor in specs:
        if not count:
            continue
        chart = book.add_chart({"type": kind})
        chart.add_series({
            "name": title,
            "categories": [source, first, category_col, first + count - 1, category_col],
            "values": [source, first, value_col, first + count - 1, value_col],
            "data_labels": {"value": True},
        })
        chart.set_title({"name": title})
        chart.set_legend({"none": True})
        if kind == "bar":
            chart.set_y_axis({"reverse": True})  # the first lesson on top, as in the table
        chart.set_size({"width": 720, "height": max(320, 28 * count) if kind == "bar" else 360})
        sheets[host][0].insert_chart(anchor, chart)
