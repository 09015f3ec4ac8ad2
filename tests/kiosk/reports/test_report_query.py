"""The figures of a report, from a real progress database (see conftest.py)."""
from __future__ import annotations

import datetime

import pytest
from report_kit import FIRST, LAST, NOW, at, visit

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.reports import texts
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.errors import ReportError
from kiosk.reports.model import Report
from kiosk.reports.query import build_report, report_from_file
from kiosk.settings import Settings


def test_totals_count_local_calendar_days(report: Report) -> None:
    assert (report.sessions, report.finished_sessions) == (4, 3)
    assert (report.started, report.completed) == (4, 3)
    assert report.completion_percent == pytest.approx(75.0)
    assert report.average_session_minutes == pytest.approx(14.0)  # (10 + 12 + 20) / 3
    assert report.average_lesson_minutes == pytest.approx(6.0)  # (8 + 6 + 4) / 3
    assert (report.place.commune, report.place.kiosk_id) == ("Xã Tân Phú", "pt-tanphu-01")


def test_lessons_and_topics_carry_pack_titles_and_list_every_lesson(report: Report, core_pack: Pack) -> None:
    rows = {row.lesson_id: row for row in report.lessons}
    assert [row.lesson_id for row in report.lessons] == [lesson.id for lesson in core_pack.lessons]
    otp = rows["nhan-ma-otp"]
    assert (otp.title, otp.topic_title, otp.started, otp.completed) == (
        "Nhận và đọc mã OTP trong tin nhắn", "Làm quen với điện thoại", 2, 2)
    assert otp.average_minutes == pytest.approx(7.0)
    assert (rows["vneid-dang-nhap"].started, rows["vneid-dang-nhap"].completed) == (1, 0)
    assert rows["vneid-dang-nhap"].average_minutes is None
    topics = {topic.title: (topic.started, topic.completed) for topic in report.topics}
    assert topics == {topic.title: (0, 0) for topic in core_pack.topics} | {"Làm quen với điện thoại": (3, 3),
                                                                             "VNeID": (1, 0)}


def test_breakdown_by_day_iso_week_and_month_clipped_to_the_range(report: Report) -> None:
    assert len(report.days) == 30
    days = {row.first.day: row for row in report.days}
    assert (days[1].sessions, days[2].sessions, days[2].started, days[10].completed) == (1, 2, 2, 1)
    assert days[1].label == "01/11/2026"
    assert [w.label for w in report.weeks] == [f"Tuần {n}/2026" for n in (44, 45, 46, 47, 48, 49)]
    assert (report.weeks[0].first, report.weeks[0].last) == (FIRST, FIRST)  # Sunday 1 November
    assert [w.sessions for w in report.weeks] == [1, 2, 1, 0, 0, 0]
    assert [(m.label, m.sessions, m.completed) for m in report.months] == [("Tháng 11/2026", 4, 3)]
    for rows in (report.days, report.weeks, report.months):
        assert tuple(sum(r) for r in zip(*((p.sessions, p.started, p.completed) for p in rows))) == (4, 4, 3)


def test_months_across_a_longer_range(november: ProgressStore, core_pack: Pack, place_settings: Settings) -> None:
    report = build_report(november.db, catalogue_from_packs([core_pack]), place_settings,
                          datetime.date(2026, 10, 15), datetime.date(2026, 12, 15), NOW)
    assert [(m.label, m.sessions) for m in report.months] == [
        ("Tháng 10/2026", 1), ("Tháng 11/2026", 4), ("Tháng 12/2026", 1)]
    assert report.months[0].first == datetime.date(2026, 10, 15)


def test_most_failed_steps_add_rolled_up_attempts(report: Report) -> None:
    steps = [(s.lesson_id, s.step_number, s.wrong) for s in report.failed_steps]
    assert steps == [("nhan-ma-otp", 3, 7), ("vneid-dang-nhap", 2, 1), ("an-toan-tro-ly-ai", None, 1)]
    first = report.failed_steps[0]
    assert first.lesson_title == "Nhận và đọc mã OTP trong tin nhắn"
    assert first.instruction == "Bác chạm vào thông báo tin nhắn ở phía trên để mở tin nhắn."
    assert report.failed_steps[1].instruction == "Số định danh cá nhân là 12 số in trên thẻ căn cước. Bác gõ số tập luyện …, rồi bấm Xong."
    assert report.failed_steps[2].instruction == ""  # the step is gone from the lesson


def test_a_database_without_rollups_counts_raw_attempts(november: ProgressStore, core_pack: Pack,
                                                        place_settings: Settings) -> None:
    november.db["attempt_rollups"].drop()
    report = build_report(november.db, catalogue_from_packs([core_pack]), place_settings, FIRST, LAST, NOW)
    assert [(s.step_id, s.wrong) for s in report.failed_steps] == [("open-notice", 2), ("type-cccd", 1)]


def test_lessons_no_longer_in_the_packs_are_kept_under_other(store: ProgressStore, place_settings: Settings) -> None:
    visit(store, at(3, 9), 5, {"bai-cu": 2})
    report = build_report(store.db, {}, place_settings, FIRST, LAST, NOW)
    assert [(r.lesson_id, r.title, r.topic_title, r.completed) for r in report.lessons] == [
        ("bai-cu", "bai-cu", texts.OTHER_TOPIC, 1)]
    assert [(t.title, t.completed) for t in report.topics] == [(texts.OTHER_TOPIC, 1)]


def test_empty_database_gives_zeros(empty_report: Report, core_pack: Pack) -> None:
    r = empty_report
    assert (r.sessions, r.started, r.completed, r.failed_steps) == (0, 0, 0, ())
    assert (r.average_lesson_minutes, r.average_session_minutes, r.completion_percent) == (None, None, None)
    assert all(row.sessions == 0 for row in r.days) and len(r.lessons) == len(core_pack.lessons)


def test_report_from_file_reads_without_changing_the_database(db_file, core_pack: Pack,
                                                              place_settings: Settings) -> None:
    before = db_file.read_bytes()
    report = report_from_file(db_file, [core_pack], place_settings, FIRST, LAST, NOW)
    assert (report.sessions, report.completed) == (4, 3)
    assert db_file.read_bytes() == before


def test_missing_or_broken_database_is_a_report_error(tmp_path, core_pack: Pack, place_settings: Settings) -> None:
    with pytest.raises(ReportError, match="Chưa có dữ liệu học tập") as missing:
        report_from_file(tmp_path / "none.db", [core_pack], place_settings, FIRST, LAST, NOW)
    assert "no such file" in missing.value.detail
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ReportError, match="Không đọc được dữ liệu học tập") as broken:
        report_from_file(junk, [core_pack], place_settings, FIRST, LAST, NOW)
    assert "junk.db" in broken.value.detail


def test_range_must_be_ordered_and_now_aware(store: ProgressStore, place_settings: Settings) -> None:
    with pytest.raises(ValueError, match="after"):
        build_report(store.db, {}, place_settings, LAST, FIRST, NOW)
    with pytest.raises(ValueError, match="aware"):
        build_report(store.db, {}, place_settings, FIRST, LAST, NOW.replace(tzinfo=None))
