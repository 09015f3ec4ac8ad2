"""The screenshot tour: every screen of every lesson rendered offscreen to PNG files and an
index.html contact sheet, for reviewing a lesson pack (and what `run` shows with no screen)."""
from __future__ import annotations

import dataclasses
import html
import os
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.app.kiosk_app import KioskApp, application
from kiosk.app.qt_quiet import offscreen_quiet
from kiosk.clock import ManualClock
from kiosk.settings import Settings

if TYPE_CHECKING:
    from content.model import Pack
    from kiosk.tour import Stop

TOUR_SIZES = ((1920, 1080), (1280, 800))


def screenshots(
    settings: Settings,
    out_dir: Path,
    sizes: Sequence[tuple[int, int]] = TOUR_SIZES,
    text_sizes: Sequence[str] = ("normal", "large"),
) -> Path:
    """Render every screen of every lesson (by default at both text sizes and two screen
    sizes) to PNG files plus an index.html contact sheet; returns the index path."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, str]] = []
    with offscreen_quiet():
        for width, height in sizes:
            for text_size in text_sizes:
                shots += _tour_at(settings, out_dir, width, height, text_size)
    index = out_dir / "index.html"
    index.write_text(_contact_sheet(shots), encoding="utf-8")
    return index


def _tour_at(settings: Settings, out_dir: Path, width: int, height: int, text_size: str) -> list[tuple[str, str]]:
    shots = []
    tour_settings = dataclasses.replace(settings, db_path=out_dir / ".tour.db")
    for stop, kiosk_app in tour_screens(tour_settings, width, height, text_size):
        name = f"{width}x{height}-{text_size}-{stop.name}.png"
        kiosk_app.window.grab().save(str(out_dir / name))
        shots.append((name, f"{width}×{height}, {text_size}: {stop.caption}"))
    return shots


def tour_screens(
    settings: Settings, width: int, height: int, text_size: str, packs: Sequence[Pack] | None = None
) -> Iterator[tuple[Stop, KioskApp]]:
    """Walk the tour (kiosk.tour) on a fresh kiosk window of this size and text size, teaching
    `packs` (default: the kiosk's own), and yield at each stop once its screen is drawn.
    `settings.database` is scratch: it is deleted afterwards."""
    from kiosk.tour import tour

    clock = ManualClock()
    kiosk_app = KioskApp(dataclasses.replace(settings, text_size=text_size), clock, random.Random(1))
    try:
        if packs is not None:
            kiosk_app.kiosk.replace_packs(packs)
        kiosk_app.window.resize(width, height)
        kiosk_app.window.show()
        lesson_ids = [lesson.id for pack in kiosk_app.kiosk.packs for lesson in pack.lessons]
        for stop in tour(kiosk_app.kiosk, clock, lesson_ids, text_size):
            kiosk_app.window.render(kiosk_app.kiosk.view())
            settle()
            yield stop, kiosk_app
    finally:
        kiosk_app.close()
        kiosk_app.window.close()
        kiosk_app.window.deleteLater()
        settle()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{settings.database}{suffix}").unlink(missing_ok=True)


def settle() -> None:
    """Let Qt delete replaced pages and lay out new ones (several passes: a scroll bar that
    comes or goes, or a title that needs another line, lays its parent out once more, and a
    header that changes height lays the phone out again, its scroll bar after it)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(4):
        QCoreApplication.processEvents()


def _contact_sheet(shots: list[tuple[str, str]]) -> str:
    figures = "\n".join(
        f'<figure><a href="{html.escape(n)}"><img src="{html.escape(n)}" loading="lazy"></a>'
        f"<figcaption>{html.escape(c)}</figcaption></figure>"
        for n, c in shots
    )
    return (
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trạm Học vụ số — screenshots</title>'
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:12px}"
        "figure{width:480px;margin:0}img{width:100%;border:1px solid #999}</style>"
        f"<h1 style='width:100%'>Trạm Học vụ số — {len(shots)} screenshots</h1>{figures}</html>"
    )
