"""Printing the practice slip: a one-page A4 PDF (reportlab, Noto Sans for the diacritics,
the QR code drawn as vector squares from segno) sent to a CUPS queue with `lp -d QUEUE`,
on a worker thread so the screen never waits for the printer.
"""
from __future__ import annotations

import logging
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from kiosk import slip_texts as words
from kiosk.reports.errors import ReportError
from kiosk.reports.pdf_fonts import BOLD, REGULAR, register_fonts
from kiosk.slip_desk import qr_matrix, sections
from kiosk.slips import spaced
from kiosk.views import SlipView

log = logging.getLogger(__name__)

LP_TIMEOUT_S = 60
QR_SIZE = 70 * mm
QUIET_MODULES = 4
MARGIN = 20 * mm


def slip_pdf(slip: SlipView, path: Path) -> None:
    register_fonts()
    width, height = A4
    pdf = Canvas(str(path), pagesize=A4)
    pdf.setTitle(words.TITLE)
    y = height - MARGIN

    def line(text: str, size: float, font: str = REGULAR, gap: float = 1.35) -> None:
        nonlocal y
        beside_qr = y > qr_bottom - size
        for part in simpleSplit(text, font, size, width - 2 * MARGIN - (QR_SIZE + 6 * mm if beside_qr else 0)):
            y -= size * gap
            pdf.setFont(font, size)
            pdf.drawString(MARGIN, y, part)

    qr_bottom = height  # the title runs the whole width
    line(words.TITLE, 24, BOLD)
    y -= 4 * mm
    qr_bottom = y - QR_SIZE
    _draw_qr(pdf, qr_matrix(slip.text), width - MARGIN - QR_SIZE, qr_bottom)
    line(f"{words.PLACE}: {slip.place}", 13)
    line(f"{words.DATE}: {slip.date}", 13)
    for heading, titles in sections(slip.completed, slip.unfinished, slip.solo_done):
        line(f"{heading}:", 14, BOLD, 2)
        for title in titles:
            line(f"•  {title}", 13)
    if slip.code:
        line(f"{words.CODE}: {spaced(slip.code)}", 22, BOLD, 1.8)
        line(words.RESUME_NOTE, 12)
    else:
        line(words.NO_CODE, 12)
    pdf.showPage()
    pdf.save()


def _draw_qr(pdf: Canvas, matrix: tuple[tuple[bool, ...], ...], x: float, y: float) -> None:
    module = QR_SIZE / (len(matrix) + 2 * QUIET_MODULES)
    pdf.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                left = x + (c + QUIET_MODULES) * module
                top = y + QR_SIZE - (r + QUIET_MODULES + 1) * module
                pdf.rect(left, top, module, module, stroke=0, fill=1)


def print_slip(slip: SlipView, queue: str, done: Callable[[bool], None]) -> threading.Thread:
    """Render and send the slip on a worker thread; `done(ok)` is called on that thread."""

    def work() -> None:
        ok = False
        try:
            with tempfile.TemporaryDirectory(prefix="hocvuso-slip-") as folder:
                pdf = Path(folder) / "phieu-ghi-nhan.pdf"
                slip_pdf(slip, pdf)
                # CUPS' lp hands the whole file to the scheduler before it returns
                subprocess.run(["lp", "-d", queue, "-t", words.TITLE, str(pdf)], check=True, capture_output=True, timeout=LP_TIMEOUT_S)
            ok = True
        except subprocess.CalledProcessError as exc:
            log.error("practice slip not printed on %r: lp said %s", queue, exc.stderr.decode(errors="replace").strip())
        except (OSError, subprocess.SubprocessError, ReportError) as exc:
            log.error("practice slip not printed on %r: %s", queue, exc)
        done(ok)

    thread = threading.Thread(target=work, name="slip-printer", daemon=True)
    thread.start()
    return thread
