"""The report as ONE A4 page a commune officer prints and signs (reportlab platypus).

Top to bottom: the administrative header (commune | national motto), the title, period
and kiosk, six key figures, a bar chart of lessons completed per topic, the lessons with
any activity (most completed first; long titles wrap), the most-failed steps, what citizens
told and asked the kiosk (confidence before → after per lesson with the share who will try
the real service, beside the steps where a helper was called most; how often a Tự làm run
was done alone), and the two signature blocks. The content is kept in one frame that
shrinks rather than spill onto a second page; lists are capped first so the text stays
readable (the workbook has them whole)."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kiosk.reports import texts
from kiosk.reports.model import HelpStep, Report
from kiosk.reports.pdf_chart import bar_chart
from kiosk.reports.pdf_fonts import BOLD, ITALIC, REGULAR, register_fonts

FRAME_PADDING = 6  # points: platypus frames keep this inside the margins
MAX_LESSONS = 10  # the most completed; the workbook lists them all
MAX_FAILED_STEPS = 3
MAX_LEARNER_ROWS = 3  # lessons asked about, steps where a helper was called
ACCENT = colors.HexColor("#1F5FA8")
GRID = colors.HexColor("#B7C4D6")
HEAD_BG = colors.HexColor("#E4ECF6")

_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8, leading=9.8)
_CENTER = ParagraphStyle("center", _BODY, alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", _BODY, alignment=TA_RIGHT)
_HEAD = ParagraphStyle("head", _BODY, fontName=BOLD)
_HEAD_RIGHT = ParagraphStyle("head-right", _HEAD, alignment=TA_RIGHT)
_ADMIN = ParagraphStyle("admin", _CENTER, fontName=BOLD, fontSize=9.5, leading=12)
_TITLE = ParagraphStyle("title", _CENTER, fontName=BOLD, fontSize=15, leading=19, spaceBefore=6, spaceAfter=3)
_SUBTITLE = ParagraphStyle("subtitle", _CENTER, fontSize=9.5, leading=12.5)
_SECTION = ParagraphStyle("section", _BODY, fontName=BOLD, fontSize=10, leading=13, textColor=ACCENT,
                          spaceBefore=7, spaceAfter=3)
_FIGURE = ParagraphStyle("figure", _CENTER, fontName=BOLD, fontSize=13, leading=15.5, textColor=ACCENT)
_SIGN_TITLE = ParagraphStyle("sign-title", _CENTER, fontName=BOLD, fontSize=10, leading=13)
_SIGN_NOTE = ParagraphStyle("sign-note", _CENTER, fontName=ITALIC, fontSize=9, leading=12)


def render_pdf(report: Report) -> bytes:
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm, bottomMargin=15 * mm,
        title=texts.TITLE, subject=texts.period(report.first, report.last),
        author=report.place.commune or report.place.kiosk_name, creator="hocvuso",
    )
    width, height = doc.width - 2 * FRAME_PADDING, doc.height - 2 * FRAME_PADDING
    doc.build([KeepInFrame(width, height, _story(report, width), mode="shrink")],
              onFirstPage=lambda canvas, _doc: _footer(canvas, report))
    return out.getvalue()


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _story(report: Report, width: float) -> list[Flowable]:
    place = report.place
    where = ", ".join(part for part in (place.commune, place.province) if part) or texts.UNKNOWN_PLACE
    return [
        _admin_header(report, width),
        _p(texts.TITLE, _TITLE),
        _p(texts.period(report.first, report.last), _SUBTITLE),
        _p(f"{texts.KIOSK}: {place.kiosk_name} ({texts.KIOSK_ID.lower()} {place.kiosk_id}) — {where}", _SUBTITLE),
        _figures_and_chart(report, width),
        _p(f"3. {texts.LESSON_RESULTS}", _SECTION),
        _lesson_table(report, width),
        _p(f"4. {texts.TOP_FAILED}", _SECTION),
        _failed_table(report, width),
        _p(f"5. {texts.LEARNERS_SECTION}", _SECTION),
        _learner_tables(report, width),
        _p(_solo_line(report)),
        Spacer(1, 3 * mm),
        _signatures(width),
    ]


def _figures_and_chart(report: Report, width: float) -> Table:
    """Key figures (left) beside the bar chart of lessons completed per topic (right)."""
    left, gap = width * 0.5, 6 * mm
    right = width - left - gap
    chart = bar_chart([t.title for t in report.topics], [t.completed for t in report.topics], right, 36 * mm)
    rows = [[_p(f"1. {texts.KEY_FIGURES}", _SECTION), "", _p(f"2. {texts.CHART_TOPICS}", _SECTION)],
            [_key_figures(report, left), "", chart]]
    table = Table(rows, colWidths=[left, gap, right])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _admin_header(report: Report, width: float) -> Table:
    commune = report.place.commune.upper() if report.place.commune else f"XÃ {texts.UNKNOWN_PLACE}"
    left = Paragraph(f"UBND {escape(commune)}<br/>{escape(report.place.kiosk_name.upper())}", _ADMIN)
    right = Paragraph(f"{texts.NATION}<br/><u>{texts.MOTTO}</u>", _ADMIN)
    table = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _key_figures(report: Report, width: float) -> Table:
    sessions = texts.SESSIONS
    if report.interrupted_sessions:
        sessions = f"{sessions} ({texts.INTERRUPTED_NOTE.format(count=report.interrupted_sessions)})"
    figures = [
        (str(report.sessions), sessions),
        (texts.percent(report.completion_percent), texts.COMPLETION),
        (str(report.started), texts.STARTED),
        (_minutes(report.average_lesson_minutes), texts.PER_LESSON),
        (str(report.completed), texts.COMPLETED),
        (_minutes(report.average_session_minutes), texts.PER_SESSION),
    ]
    cells = [[_p(value, _FIGURE), _p(label, _CENTER)] for value, label in figures]
    table = Table([cells[0:2], cells[2:4], cells[4:6]], colWidths=[width / 2] * 2)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("INNERGRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _minutes(value: float | None) -> str:
    return texts.number(value) if value is None else f"{texts.number(value)} {texts.MINUTES}"


def _grid(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _lesson_table(report: Report, width: float) -> Flowable:
    active = [row for row in report.lessons if row.started or row.completed]
    if not active:
        return _p(texts.NO_LESSONS)
    active.sort(key=lambda row: (-row.completed, -row.started))
    shown, hidden = active[:MAX_LESSONS], len(active) - MAX_LESSONS
    head = [_p(texts.NUMBER, _HEAD), _p(texts.LESSON, _HEAD), _p(texts.TOPIC, _HEAD),
            _p(texts.STARTED_SHORT, _HEAD_RIGHT), _p(texts.COMPLETED_SHORT, _HEAD_RIGHT),
            _p(texts.AVERAGE_MINUTES, _HEAD_RIGHT)]
    rows = [head] + [
        [_p(str(n)), _p(row.title), _p(row.topic_title), _p(str(row.started), _RIGHT), _p(str(row.completed), _RIGHT),
         _p(texts.number(row.average_minutes), _RIGHT)]
        for n, row in enumerate(shown, start=1)
    ]
    if hidden > 0:
        rows.append(["", _p(texts.AND_MORE.format(count=hidden)), "", "", "", ""])
    return _grid(rows, [9 * mm, width - 104 * mm, 36 * mm, 18 * mm, 20 * mm, 21 * mm])


def _failed_table(report: Report, width: float) -> Flowable:
    if not report.failed_steps:
        return _p(texts.NO_FAILED_STEPS)
    head = [_p(texts.NUMBER, _HEAD), _p(texts.LESSON, _HEAD), _p(texts.STEP, _HEAD_RIGHT),
            _p(texts.INSTRUCTION, _HEAD), _p(texts.WRONG, _HEAD_RIGHT)]
    rows = [head] + [
        [_p(str(n)), _p(step.lesson_title), _p(str(step.step_number or "–"), _RIGHT),
         _p(step.instruction or texts.STEP_GONE), _p(str(step.wrong), _RIGHT)]
        for n, step in enumerate(report.failed_steps[:MAX_FAILED_STEPS], start=1)
    ]
    return _grid(rows, [9 * mm, 52 * mm, 11 * mm, width - 95 * mm, 23 * mm])


def _learner_tables(report: Report, width: float) -> Table:
    """Confidence before → after per lesson (left) beside where a helper was called (right)."""
    learners, gap = report.learners, 6 * mm
    half = (width - gap) / 2
    if learners.confidence:
        rows = sorted(learners.confidence, key=lambda r: -(r.answers_before + r.answers_after))[:MAX_LEARNER_ROWS]
        confidence: Flowable = _grid(
            [[_p(texts.LESSON, _HEAD), _p(texts.BEFORE, _HEAD_RIGHT), _p(texts.AFTER, _HEAD_RIGHT),
              _p(texts.WILL_TRY_SHORT, _HEAD_RIGHT)]]
            + [[_p(r.title), _p(texts.number(r.before), _RIGHT), _p(texts.number(r.after), _RIGHT),
                _p(_share(r.will_try, r.will_try_answers), _RIGHT)] for r in rows]
            + [[_p(texts.ALL_ANSWERS, _HEAD), _p(texts.number(learners.mean("before")), _HEAD_RIGHT),
                _p(texts.number(learners.mean("after")), _HEAD_RIGHT), _p(texts.percent(learners.will_try_percent), _HEAD_RIGHT)]],
            [half - 50 * mm, 14 * mm, 14 * mm, 22 * mm])
    else:
        confidence = _p(texts.NO_CONFIDENCE)
    if learners.help_steps:
        helped: Flowable = _grid(
            [[_p(texts.TOP_HELP, _HEAD), _p(texts.HELP_COUNT, _HEAD_RIGHT)]]
            + [[_p(_help_where(step)), _p(str(step.requests), _RIGHT)] for step in learners.help_steps[:MAX_LEARNER_ROWS]]
            + [[_p(texts.HELP_REQUESTS, _HEAD), _p(str(learners.help_requests), _HEAD_RIGHT)]],
            [half - 18 * mm, 18 * mm])
    else:
        helped = _p(texts.NO_HELP)
    table = Table([[confidence, "", helped]], colWidths=[half, gap, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _share(part: int, whole: int) -> str:
    return texts.percent(100 * part / whole if whole else None)


def _help_where(step: HelpStep) -> str:
    if step.step_number is None:
        return step.lesson_title
    return texts.STEP_IN_LESSON.format(title=step.lesson_title, n=step.step_number)


def _solo_line(report: Report) -> str:
    learners = report.learners
    if not learners.solo_runs:
        return texts.NO_SOLO
    return texts.SOLO_LINE.format(runs=learners.solo_runs, alone=learners.solo_alone,
                                  percent=texts.percent(learners.solo_success_percent))


def _signatures(width: float) -> Table:
    rows = [
        ["", _p(texts.DATE_LINE, _SIGN_NOTE)],
        [_p(texts.PREPARER, _SIGN_TITLE), _p(texts.CONFIRMER, _SIGN_TITLE)],
        [_p(texts.SIGN, _SIGN_NOTE), _p(texts.SIGN, _SIGN_NOTE)],
        ["", ""],
    ]
    table = Table(rows, colWidths=[width / 2] * 2, rowHeights=[None, None, None, 20 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _footer(canvas: Canvas, report: Report) -> None:
    text = texts.FOOTER.format(anonymous=texts.ANONYMOUS, time=report.generated_at.strftime("%H:%M %d/%m/%Y"),
                               kiosk_id=report.place.kiosk_id)
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(colors.grey)
    canvas.drawCentredString(A4[0] / 2, 9 * mm, text)
    canvas.restoreState()
