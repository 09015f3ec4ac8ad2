"""A commune report over a generated month of visits (month_kit) shows what citizens told and
asked the kiosk: confidence before → after per lesson, the share who will try the real
service, help requests by step and the Tự làm success rate, in the PDF (one page, not shrunk),
the workbook and the CSV."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from month_kit import Tally, add_solo_runs, generate_month
from openpyxl import load_workbook
from report_kit import FIRST, LAST, NOW
from test_report_pdf import pages, pdf_file, title_height, words

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.reports import texts
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.csv_writer import render_csv
from kiosk.reports.model import Report
from kiosk.reports.query import build_report
from kiosk.reports.xlsx_writer import render_xlsx
from kiosk.settings import Settings

SOLO = [True, True, False, True, False]  # 3 of 5 Tự làm runs done alone


@pytest.fixture(scope="module")
def month(tmp_path_factory, core_pack: Pack) -> tuple[Report, Tally, Report]:
    """The report of the generated month, what the generator did, and the report of an empty month."""
    folder = tmp_path_factory.mktemp("month")
    store = ProgressStore.open(folder / "progress.db")
    settings = Settings(data_dir=folder, kiosk_name="Trạm Học vụ số Tân Phú", kiosk_id="pt-tanphu-01",
                        commune="Xã Tân Phú", province="Tỉnh Phú Thọ")
    tally = generate_month(store, core_pack, settings)
    add_solo_runs(store, tally.visit_ids[:len(SOLO)], core_pack.lessons[0].id, SOLO)
    catalogue = catalogue_from_packs([core_pack])
    report = build_report(store.db, catalogue, settings, FIRST, LAST, NOW)
    empty = ProgressStore.open(folder / "empty.db")
    nothing = build_report(empty.db, catalogue, settings, FIRST, LAST, NOW)
    store.close()
    empty.close()
    return report, tally, nothing


def test_confidence_before_and_after_per_lesson_matches_what_was_answered(month):
    report, tally, _ = month
    rows = {row.lesson_id: row for row in report.learners.confidence}
    asked = set(tally.before) | set(tally.after) | set(tally.will_try)
    assert set(rows) == asked and len(rows) >= 5
    for lesson_id, row in rows.items():
        assert row.answers_before == len(tally.before[lesson_id])
        assert row.before == pytest.approx(Tally.mean(tally.before[lesson_id]))
        assert row.after == pytest.approx(Tally.mean(tally.after[lesson_id]))
        assert (row.will_try, row.will_try_answers) == (sum(tally.will_try[lesson_id]), len(tally.will_try[lesson_id]))
    every_try = [answer for answers in tally.will_try.values() for answer in answers]
    assert report.learners.will_try_percent == pytest.approx(100 * sum(every_try) / len(every_try))
    everyone = [answer for answers in tally.before.values() for answer in answers]
    assert report.learners.mean("before") == pytest.approx(sum(everyone) / len(everyone))


def test_help_requests_are_counted_by_step_most_first(month, core_pack):
    report, tally, _ = month
    found = {(step.lesson_id, step.step_number): step.requests for step in report.learners.help_steps}
    assert found == dict(tally.help) and report.learners.help_requests == sum(tally.help.values()) > 10
    counts = [step.requests for step in report.learners.help_steps]
    assert counts == sorted(counts, reverse=True)
    top = report.learners.help_steps[0]
    if top.lesson_id:
        lesson = next(lesson for lesson in core_pack.lessons if lesson.id == top.lesson_id)
        assert top.instruction and top.lesson_title == lesson.title


def test_the_solo_success_rate_is_the_share_of_tu_lam_runs_done_alone(month):
    report, _, nothing = month
    assert (report.learners.solo_runs, report.learners.solo_alone) == (len(SOLO), sum(SOLO))
    assert report.learners.solo_success_percent == pytest.approx(60)
    assert (nothing.learners.solo_runs, nothing.learners.solo_success_percent) == (0, None)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdfinfo, pdftoppm)")
def test_the_pdf_shows_the_new_figures_on_one_page_not_shrunk(month, tmp_path):
    report, tally, nothing = month
    path = pdf_file(report, tmp_path)
    assert pages(path) == 1
    text = words(path)
    learners = report.learners
    for expected in (texts.LEARNERS_SECTION, texts.ALL_ANSWERS, texts.number(learners.mean("before")),
                     texts.number(learners.mean("after")), texts.percent(learners.will_try_percent), texts.TOP_HELP,
                     f"{texts.HELP_REQUESTS} {learners.help_requests}",
                     texts.SOLO_LINE.format(runs=5, alone=3, percent="60 %"), texts.PREPARER, texts.CONFIRMER):
        assert expected in text, expected
    top = learners.help_steps[0]
    where = top.lesson_title if top.step_number is None else texts.STEP_IN_LESSON.format(title=top.lesson_title, n=top.step_number)
    assert f"{where} {top.requests}" in text
    empty = words(pdf_file(nothing, tmp_path, "empty"))
    assert texts.NO_CONFIDENCE in empty and texts.NO_HELP in empty and texts.NO_SOLO in empty
    assert title_height(path) == pytest.approx(title_height(pdf_file(nothing, tmp_path, "nothing")), rel=0.01)


def test_the_workbook_has_a_sheet_for_each_and_the_summary_has_the_rates(month):
    report, tally, _ = month
    book = load_workbook(io.BytesIO(render_xlsx(report)), data_only=True)
    confidence = [row for row in book[texts.CONFIDENCE_SHEET].iter_rows(min_row=5, values_only=True)]
    assert len(confidence) == len(report.learners.confidence)
    first = report.learners.confidence[0]
    assert confidence[0] == (first.lesson_id, first.title, first.answers_before, round(first.before, 1),
                             first.answers_after, round(first.after, 1) if first.after is not None else None,
                             first.will_try, first.will_try_answers)
    helped = [row for row in book[texts.HELP_SHEET].iter_rows(min_row=5, values_only=True)]
    assert sum(row[4] for row in helped) == sum(tally.help.values())
    summary = {row[0]: row[1] for row in book[texts.SUMMARY].iter_rows(min_row=5, values_only=True)}
    assert summary[texts.HELP_REQUESTS] == sum(tally.help.values())
    assert summary[texts.WILL_TRY_PERCENT] == round(report.learners.will_try_percent, 1)
    assert summary[texts.SOLO_PERCENT] == 60.0 and summary[texts.SOLO_RUNS] == 5


def test_the_csv_has_both_tables_after_the_others(month):
    report, tally, _ = month
    rows = list(csv.reader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
    titles = [row[0] for row in rows if len(row) == 1]
    assert titles[-2:] == [texts.CONFIDENCE_SHEET, texts.HELP_SHEET]
    start = rows.index([texts.HELP_SHEET]) + 2
    helped = rows[start:rows.index([], start)]
    assert sum(int(row[4]) for row in helped) == sum(tally.help.values())
