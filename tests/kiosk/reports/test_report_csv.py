"""The CSV report, read back as Excel or a script would read it."""
from __future__ import annotations

import csv
import io

from content.model import Pack
from kiosk.reports import texts
from kiosk.reports.csv_writer import render_csv
from kiosk.reports.model import Report


def sections(data: bytes) -> dict[str, list[list[str]]]:
    """Title -> [header, *rows], split on the empty rows between sections."""
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    found: dict[str, list[list[str]]] = {}
    block: list[list[str]] = []
    for row in rows:
        if row:
            block.append(row)
        elif block:
            found[block[0][0]] = block[1:]
            block = []
    assert not block
    return found


def test_csv_has_every_section_with_the_right_counts(report: Report, core_pack: Pack) -> None:
    found = sections(render_csv(report))
    assert list(found) == [texts.SUMMARY, texts.BY_LESSON, texts.BY_TOPIC, texts.BY_DAY, texts.BY_WEEK,
                           texts.BY_MONTH, texts.FAILED_STEPS, texts.CONFIDENCE_SHEET, texts.HELP_SHEET]
    summary = dict(found[texts.SUMMARY][1:])
    assert summary[texts.COMMUNE] == "Xã Tân Phú" and summary[texts.FROM] == "2026-11-01"
    assert (summary[texts.SESSIONS], summary[texts.STARTED], summary[texts.COMPLETED]) == ("4", "4", "3")
    assert (summary[texts.SESSION_TIME], summary[texts.LESSON_TIME], summary[texts.COMPLETION_PERCENT]) == (
        "14.0", "6.0", "75.0")
    header, *lessons = found[texts.BY_LESSON]
    assert header == [texts.LESSON_ID, texts.LESSON, texts.TOPIC, texts.STARTED, texts.COMPLETED, texts.AVERAGE_MINUTES]
    by_id = {row[0]: row for row in lessons}
    assert by_id["nhan-ma-otp"][1:] == ["Nhận và đọc mã OTP trong tin nhắn", "Làm quen với điện thoại", "2", "2", "7.0"]
    assert by_id["vneid-dang-nhap"][3:] == ["1", "0", ""]
    assert len(lessons) == len(core_pack.lessons)
    assert len(found[texts.BY_DAY]) == 1 + 30
    assert found[texts.BY_MONTH][1] == ["Tháng 11/2026", "2026-11-01", "2026-11-30", "4", "4", "3"]
    failed = found[texts.FAILED_STEPS][1:]
    assert [(row[0], row[2], row[4]) for row in failed] == [
        ("nhan-ma-otp", "3", "7"), ("vneid-dang-nhap", "2", "1"), ("an-toan-tro-ly-ai", "", "1")]
    assert failed[2][3] == texts.STEP_GONE


def test_empty_csv_is_valid_with_zeros(empty_report: Report) -> None:
    found = sections(render_csv(empty_report))
    assert dict(found[texts.SUMMARY][1:])[texts.SESSIONS] == "0"
    assert found[texts.FAILED_STEPS] == [[texts.LESSON_ID, texts.LESSON, texts.STEP, texts.INSTRUCTION, texts.WRONG]]
