"""The pack audit: the screenshot tour over a kiosk teaching one pack, at every supported window
size, text size and DPI, with every layout check on every screen (and on each further menu page)."""
from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from content.model import Pack
from kiosk.app.audit.checks import Finding, cut_text, out_of_view, same_label, target_sizes, too_big
from kiosk.app.audit.contrast import ContrastMeter
from kiosk.app.audit.tree import walk
from kiosk.app.audit.words import button_text
from kiosk.app.kiosk_app import KioskApp, application
from kiosk.app.screenshots import settle, tour_screens
from kiosk.settings import Settings
from kiosk.views import LessonView
from ui.theme import screen_supported

SIZES = ((1280, 800), (1920, 1080))
TEXT_SIZES = ("normal", "large")
DPIS = (96.0, 100.0, 120.0)  # 100: the commune kiosks' own 1280×800 screens
MENU_NEXT = "menuNext"  # the menu's "next page" button
MAX_MENU_PAGES = 50


@dataclass(frozen=True)
class Combination:
    width: int
    height: int
    text_size: str
    dpi: float

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"


@dataclass(frozen=True)
class LayoutProblem:
    lesson: str  # "" on pages outside a lesson
    step: str  # the step id; outside a lesson, the tour stop's name
    size: str  # "1280x800"
    text_size: str
    dpi: float
    kind: str
    element: str
    detail: str


@dataclass(frozen=True)
class AuditResult:
    problems: tuple[LayoutProblem, ...]
    screens: int
    audited: tuple[Combination, ...]
    skipped: tuple[Combination, ...]  # physically too small a screen (ui.theme.screen_supported)


def combinations(sizes: Sequence[tuple[int, int]] = SIZES, text_sizes: Sequence[str] = TEXT_SIZES,
                 dpis: Sequence[float] = DPIS) -> tuple[list[Combination], list[Combination]]:
    """Every combination, split into the supported ones and those whose screen is too small."""
    every = [Combination(w, h, t, d) for w, h in sizes for d in dpis for t in text_sizes]
    return ([c for c in every if screen_supported(c.width, c.height, c.dpi)],
            [c for c in every if not screen_supported(c.width, c.height, c.dpi)])


def audit_pack(pack: Pack, settings: Settings, sizes: Sequence[tuple[int, int]] = SIZES,
               text_sizes: Sequence[str] = TEXT_SIZES, dpis: Sequence[float] = DPIS,
               progress: Callable[[Combination, int], None] | None = None) -> AuditResult:
    """Audit every screen of a kiosk that teaches only `pack` (already validated)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application()
    audited, skipped = combinations(sizes, text_sizes, dpis)
    problems: dict[LayoutProblem, None] = {}  # in order found, each once
    screens = 0
    with tempfile.TemporaryDirectory(prefix="hocvuso-audit-") as scratch:
        scratch_settings = dataclasses.replace(settings, data_dir=Path(scratch), db_path=Path(scratch) / "audit.db",
                                               extra_pack_dirs=())
        for combination in audited:
            found, count = _audit_combination(pack, scratch_settings, combination)
            problems.update(dict.fromkeys(found))
            screens += count
            if progress is not None:
                progress(combination, count)
    return AuditResult(tuple(problems), screens, tuple(audited), tuple(skipped))


def _audit_combination(pack: Pack, settings: Settings, c: Combination) -> tuple[list[LayoutProblem], int]:
    meter = ContrastMeter()
    problems: list[LayoutProblem] = []
    screens = 0
    settings = dataclasses.replace(settings, screen_dpi=c.dpi)
    for stop, kiosk_app in tour_screens(settings, c.width, c.height, c.text_size, [pack]):
        for name in menu_pages(stop.name, kiosk_app.window):
            screens += 1
            page = kiosk_app.kiosk.view().page
            lesson, step = _where(kiosk_app, name)
            problems += [
                LayoutProblem(lesson, step, c.size, c.text_size, c.dpi, f.kind, f.element, f.detail)
                for f in screen_findings(kiosk_app.window, c.dpi, required_widgets(page), meter, QSize(c.width, c.height))
            ]
    return problems, screens


def screen_findings(window: QWidget, dpi: float, required: Sequence[tuple[str, str]] = (),
                    meter: ContrastMeter | None = None, screen: QSize | None = None) -> list[Finding]:
    """Every layout problem of the window as drawn now. `required`: (element id, widget name)
    pairs that must be wholly in view; `meter` keeps contrast measurements between calls;
    `screen`: the screen's size, which the page must fit in."""
    nodes = walk(window)
    return [
        *(too_big(window, screen) if screen is not None else []),
        *out_of_view(window, nodes, required),
        *cut_text(window, nodes),
        *target_sizes(nodes, dpi),
        *same_label(nodes),
        *(meter or ContrastMeter()).findings(window, nodes),
    ]


def required_widgets(page: object) -> list[tuple[str, str]]:
    """What a lesson step needs in view, as (element id, widget name): its targets and the
    elements it reads from; while a picker is open, its search line, the first name that
    matches what was typed and the highlighted option (the list itself scrolls by finger)."""
    if not isinstance(page, LessonView):
        return []
    if page.picker is None:
        wanted = [(target, f"el:{target}") for target in page.targets]
        wanted += [(need, f"el:{need}") for need in page.needs]
        return list(dict.fromkeys(wanted))
    picker = page.picker
    options = [f"{picker.element}:{index}" for index in (*picker.matches[:1], picker.highlight) if index >= 0]
    wanted = [(f"{picker.element}:query", f"el:{picker.element}:query"), *((o, f"el:{o}") for o in options)]
    return list(dict.fromkeys(wanted))


def _where(kiosk_app: KioskApp, name: str) -> tuple[str, str]:
    page, session = kiosk_app.kiosk.view().page, kiosk_app.kiosk.lesson_session
    if isinstance(page, LessonView) and session is not None:
        return page.lesson_id, session.step.id
    return "", name


def menu_pages(name: str, window: QWidget) -> Iterator[str]:
    """The screen as it is, then each further menu page reached with the menu's next button."""
    yield name
    seen = {_signature(window)}
    for number in range(2, MAX_MENU_PAGES + 1):
        buttons = [b for b in window.findChildren(QAbstractButton, MENU_NEXT) if b.isVisible() and b.isEnabled()]
        if not buttons:
            return
        buttons[0].click()
        settle()
        if _signature(window) in seen:  # round again to the first page
            return
        seen.add(_signature(window))
        yield f"{name}-p{number}"


def _signature(window: QWidget) -> tuple[tuple[str, str], ...]:
    """What a page shows: the names and words of its visible buttons and labels."""
    shown = [w for w in window.findChildren(QWidget) if isinstance(w, QAbstractButton | QLabel) and w.isVisible()]
    return tuple((w.objectName(), button_text(w) if isinstance(w, QAbstractButton) else w.text()) for w in shown)
