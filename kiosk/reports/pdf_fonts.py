"""Noto Sans for the PDF: the same font files the kiosk screen uses (Debian package
fonts-noto-core), with every Vietnamese diacritic. reportlab's built-in fonts have none."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.reports import texts
from kiosk.reports.errors import ReportError

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
REGULAR, BOLD, ITALIC = "NotoSans", "NotoSans-Bold", "NotoSans-Italic"
_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf", ITALIC: "NotoSans-Italic.ttf"}


def register_fonts(font_dir: Path = FONT_DIR) -> None:
    """Register the three faces (once per process). ReportError naming the missing file
    and the package to install when one is absent."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file in _FILES.items():
        path = font_dir / file
        if not path.is_file():
            raise ReportError(texts.NO_FONT, f"font file {path} not found: apt-get install fonts-noto-core")
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
