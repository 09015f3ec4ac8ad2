"""Rendering a report in a format, naming its file, and writing it so that a crash, a
power cut or a pulled USB stick never leaves a half-written file under the final name."""
from __future__ import annotations

import importlib
import re
import unicodedata

from kiosk.reports.model import Report

FORMATS = ("pdf", "xlsx", "csv")


def render(report: Report, fmt: str) -> bytes:
    """The file's bytes in `fmt` (one of FORMATS). Each writer (and its library) is imported on demand."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {FORMATS}")
    writer = importlib.import_module(f"kiosk.reports.{fmt}_writer")
    return getattr(writer, f"render_{fmt}")(report)


def file_name(report: Report, fmt: str) -> str:
    """e.g. bao-cao-xa-tan-phu-2026-11-01-2026-11-30.pdf (ASCII: safe on any USB stick)."""
    place = report.place
    slug = _ascii_slug(place.commune) or _ascii_slug(place.kiosk_name) or _ascii_slug(place.kiosk_id) or "tram"
    return f"bao-cao-{slug}-{report.first.isoformat()}-{report.last.isoformat()}.{fmt}"


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
