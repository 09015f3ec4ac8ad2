"""The report as one CSV file (UTF-8 with a BOM, so Excel shows Vietnamese right).

Layout: the tables of `kiosk.reports.tables` one after another, each as a title row (one
cell: "Tổng hợp", "Theo bài", "Theo chủ đề", "Theo ngày", "Theo tuần", "Theo tháng",
"Bước hay sai", "Tự tin trước và sau", "Gọi cán bộ theo bước"), a header row, its data rows
and one empty row. Comma-separated; dates are ISO (YYYY-MM-DD), decimals use a dot, an empty
cell means "no value" (e.g. nobody finished).
"""
from __future__ import annotations

import csv
import datetime
import io

from kiosk.reports.model import Report
from kiosk.reports.tables import Cell, all_tables


def render_csv(report: Report) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for table in all_tables(report):
        writer.writerow([table.title])
        writer.writerow(table.header)
        writer.writerows([_text(cell) for cell in row] for row in table.rows)
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell)
