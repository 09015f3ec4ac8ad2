"""The one-page PDF as an officer gets it: text extracted with pdftotext (diacritics
intact), page count from pdfinfo, and nothing drawn in the page margins (pdftoppm)."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from report_kit import FIRST, LAST, NOW, at, visit

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.reports import texts
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.errors import ReportError
from kiosk.reports.model import Report
from kiosk.reports.pdf_fonts import register_fonts
from kiosk.reports.pdf_writer import MAX_LESSONS, render_pdf
from kiosk.reports.query import build_report
from kiosk.settings import Settings

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdfinfo, pdftoppm)")


def pdf_file(report: Report, tmp_path: Path, name: str = "report") -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render_pdf(report))
    return path


def pdf_text(path: Path, *options: str) -> str:
    text = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    return unicodedata.normalize("NFC", text)


def words(path: Path) -> str:
    """The page's text in drawing order with all white space as single spaces (wrapped lines joined)."""
    return " ".join(pdf_text(path, "-raw").split())


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def title_height(path: Path) -> float:
    """Height in points of the word "BÁO" of the title: smaller means the page was shrunk."""
    bbox = pdf_text(path, "-bbox")
    match = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">BÁO<', bbox)
    return float(match.group(2)) - float(match.group(1))


def margins_are_blank(path: Path, tmp_path: Path) -> bool:
    """No ink in the outer 8 mm at the sides and top (the footer sits in the bottom margin)."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("L")
    edge = round(8 / 25.4 * 50)
    width, height = image.size
    strips = [(0, 0, edge, height), (width - edge, 0, width, height), (0, 0, width, edge)]
    return all(image.crop(box).getextrema()[0] > 250 for box in strips)


def test_one_page_with_title_figures_chart_and_signatures(report: Report, tmp_path: Path) -> None:
    path = pdf_file(report, tmp_path)
    assert pages(path) == 1
    text = words(path)
    for expected in (texts.TITLE, "UBND XÃ TÂN PHÚ", "Từ ngày 01/11/2026 đến ngày 30/11/2026", "Tỉnh Phú Thọ",
                     texts.CHART_TOPICS, "Làm quen với điện thoại", texts.TOP_FAILED,
                     "Bác chạm vào thông báo tin nhắn ở phía trên để mở tin nhắn.", texts.PREPARER,
                     texts.CONFIRMER, "14,0 phút", "6,0 phút", "75 %"):
        assert expected in text, expected
    assert text.count(texts.SIGN) == 2
    layout = pdf_text(path, "-layout")
    assert re.search(r"Nhận và đọc mã OTP trong tin nhắn\s+Làm quen với điện thoại\s+2\s+2\s+7,0", layout)
    assert re.search(r"Đăng nhập VNeID và nhập passcode\s+VNeID\s+1\s+0\s+–", layout)
    assert re.search(r"Nhận và đọc mã OTP trong tin nhắn\s+3\s+Bác chạm vào thông báo", layout)
    assert margins_are_blank(path, tmp_path)


def test_empty_database_gives_a_page_of_zeros(empty_report: Report, tmp_path: Path) -> None:
    path = pdf_file(empty_report, tmp_path)
    text = pdf_text(path)
    assert pages(path) == 1
    assert texts.NO_LESSONS in text and texts.NO_FAILED_STEPS in text and texts.CONFIRMER in text
    assert re.search(r"^0\s*$", text, re.MULTILINE)  # the key figures


def test_every_lesson_and_many_failed_steps_still_fit_one_readable_page(
        empty_report: Report, store: ProgressStore, core_pack: Pack, place_settings: Settings, tmp_path: Path) -> None:
    for n, lesson in enumerate(core_pack.lessons):
        wrong = tuple((lesson.id, step.id, i) for i, step in enumerate(lesson.steps[:3]))
        visit(store, at(1 + n, 9), 30, {lesson.id: 5 + n, f"bai-hoc-cu-rat-dai-khong-con-trong-kho-so-{n}": None},
              wrong=wrong)
    long_place = Settings(data_dir=place_settings.data_dir, kiosk_id="pt-tanphu-01",
                          kiosk_name="Trạm Học vụ số tại Bộ phận tiếp nhận và trả kết quả",
                          commune="Phường Nguyễn Thị Minh Khai", province="Thành phố Hồ Chí Minh")
    busy = build_report(store.db, catalogue_from_packs([core_pack]), long_place, FIRST, LAST, NOW)
    path = pdf_file(busy, tmp_path, "busy")
    assert pages(path) == 1
    text = words(path)
    started = 2 * len(core_pack.lessons)  # each visit starts a lesson of the pack and one no longer in it
    assert texts.AND_MORE.format(count=started - MAX_LESSONS) in text  # the most completed are listed
    longest = max((lesson.title for lesson in core_pack.lessons), key=len)
    assert longest in text  # wrapped inside its cell, not cut
    assert "UBND PHƯỜNG NGUYỄN THỊ MINH KHAI" in text and text.count(texts.SIGN) == 2
    assert margins_are_blank(path, tmp_path)
    assert title_height(path) == pytest.approx(title_height(pdf_file(empty_report, tmp_path)), rel=0.01)  # not shrunk


def test_missing_font_names_the_file_and_the_package(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="phông chữ tiếng Việt") as error:
        register_fonts(tmp_path)
    assert str(tmp_path / "NotoSans-Regular.ttf") in error.value.detail
    assert "fonts-noto-core" in error.value.detail
