"""The Excel workbook, read back with openpyxl (as another program would) and its charts
looked up in the file."""
from __future__ import annotations

import datetime
import io
import re
import zipfile

import openpyxl

from content.model import Pack
from kiosk.reports import texts
from kiosk.reports.model import Report
from kiosk.reports.xlsx_writer import render_xlsx

SHEETS = [texts.SUMMARY, texts.BY_LESSON, texts.BY_TOPIC, texts.BY_DAY, texts.BY_WEEK, texts.BY_MONTH,
          texts.FAILED_STEPS, texts.CONFIDENCE_SHEET, texts.HELP_SHEET]


def table(sheet) -> list[tuple]:
    """Rows from the header (row 4) down."""
    return [row for row in sheet.iter_rows(min_row=4, values_only=True)]


def test_workbook_sheets_hold_the_figures(report: Report) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    assert book.sheetnames == SHEETS
    summary = book[texts.SUMMARY]
    assert summary["A1"].value == texts.TITLE
    assert "Xã Tân Phú" in summary["A2"].value and "01/11/2026" in summary["A2"].value
    values = dict(table(summary)[1:])
    assert (values[texts.SESSIONS], values[texts.STARTED], values[texts.COMPLETED]) == (4, 4, 3)
    assert values[texts.SESSION_TIME] == 14.0 and values[texts.FROM] == datetime.datetime(2026, 11, 1)
    lessons = {row[0]: row for row in table(book[texts.BY_LESSON])[1:]}
    assert lessons["nhan-ma-otp"] == ("nhan-ma-otp", "Nhận và đọc mã OTP trong tin nhắn", "Làm quen với điện thoại", 2, 2, 7.0)
    assert lessons["vneid-dang-nhap"][5] is None
    topics = {row[1]: row[2:] for row in table(book[texts.BY_TOPIC])[1:]}
    assert topics["Làm quen với điện thoại"] == (3, 3)
    days = table(book[texts.BY_DAY])
    assert len(days) == 31 and days[2][:4] == ("02/11/2026", datetime.datetime(2026, 11, 2), datetime.datetime(2026, 11, 2), 2)
    assert [row[3] for row in table(book[texts.BY_WEEK])[1:]] == [1, 2, 1, 0, 0, 0]
    failed = table(book[texts.FAILED_STEPS])[1:]
    assert failed[0] == ("nhan-ma-otp", "Nhận và đọc mã OTP trong tin nhắn", 3,
                         "Bác chạm vào thông báo tin nhắn ở phía trên để mở tin nhắn.", 7)


def test_workbook_has_native_charts(report: Report, core_pack: Pack) -> None:
    with zipfile.ZipFile(io.BytesIO(render_xlsx(report))) as archive:
        charts = [archive.read(name).decode() for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
    assert len(charts) == 3
    assert any("<c:barDir val=\"bar\"/>" in chart and f"'{texts.BY_LESSON}'!$E$5:$E${4 + len(core_pack.lessons)}" in chart for chart in charts)
    assert any(texts.CHART_TOPICS in chart for chart in charts)


def test_empty_workbook_is_valid_with_zeros(empty_report: Report) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(empty_report)))
    assert dict(table(book[texts.SUMMARY])[1:])[texts.SESSIONS] == 0
    assert table(book[texts.FAILED_STEPS]) == [(texts.LESSON_ID, texts.LESSON, texts.STEP, texts.INSTRUCTION, texts.WRONG)]
