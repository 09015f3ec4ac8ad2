"""Sessions the kiosk could not end itself (killed, power cut) are closed at the next start as
interrupted, and the report counts them: in the summary (CSV, XLSX) and on the PDF page."""
from __future__ import annotations

import shutil

import pytest
from report_kit import FIRST, LAST, NOW, at, visit
from test_report_csv import sections
from test_report_pdf import pdf_file, words

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.reports import texts
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.csv_writer import render_csv
from kiosk.reports.model import Report
from kiosk.reports.query import build_report
from kiosk.settings import Settings


@pytest.fixture
def interrupted_report(november: ProgressStore, core_pack: Pack, place_settings: Settings) -> Report:
    visit(november, at(12, 8), None, {"nhan-ma-otp": None})  # the power went mid-lesson
    assert november.close_interrupted_visits() == 2  # this one and the one of 10 November
    return build_report(november.db, catalogue_from_packs([core_pack]), place_settings, FIRST, LAST, NOW)


def test_interrupted_sessions_are_finished_and_counted_apart(interrupted_report: Report) -> None:
    assert (interrupted_report.sessions, interrupted_report.finished_sessions) == (5, 5)
    assert interrupted_report.interrupted_sessions == 2
    summary = dict(sections(render_csv(interrupted_report))[texts.SUMMARY][1:])
    assert summary[texts.INTERRUPTED_SESSIONS] == "2" and summary[texts.FINISHED_SESSIONS] == "5"


def test_a_report_without_interruptions_says_zero(report: Report) -> None:
    assert report.interrupted_sessions == 0
    assert dict(sections(render_csv(report))[texts.SUMMARY][1:])[texts.INTERRUPTED_SESSIONS] == "0"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_the_pdf_page_names_the_interrupted_sessions(interrupted_report: Report, tmp_path) -> None:
    assert "2 lượt bị gián đoạn" in words(pdf_file(interrupted_report, tmp_path))
