"""Rendering a report in a format, naming its file, and writing it so that a crash, a
power cut or a pulled USB stick never leaves a half-written file under the final name."""
from __future__ import annotations

import importlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a hidden temp file beside `path`, fsync it, rename it to `path`,
    fsync the directory. On any error the temp file is removed and the error re-raised."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
