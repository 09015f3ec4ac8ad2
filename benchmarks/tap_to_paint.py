"""Tap → next screen painted, over a walk of every lesson of the built-in pack: a real
KioskApp over a real SQLite file in a temp dir, its real window at each size (normal text,
touch only). Prints per size the count, median, p95 and max in ms beside the target
(p95 ≤ 100 ms), then the figures per kind of intent and the slowest taps with their lesson
and step. A step that fails is reported (lesson, step, intent, error), the walk goes on
with the next lesson, and the exit status is 1.

    .venv/bin/python benchmarks/tap_to_paint.py [--sizes 1280x800,1920x1080] [--slowest 8] [--json FILE] [--lessons N]

Without DISPLAY or WAYLAND_DISPLAY it sets QT_QPA_PLATFORM=offscreen (the platform is printed).

A tap is one intent of kiosk.walkthrough.correct_intents(), delivered as a finger does it:
a real touch press and release (QTest.touchEvent on the window, which Qt turns into the
mouse events the buttons click on) at the centre of the control that sends it (`continue`,
`el:<id>`, `el:<id>:<i>`, `key:<c>`, `key:space`, `tone:<t>`, `key:done`), once that
control is visible and is what the window has under that point. As a citizen would, the
keyboard's 123/abc switch and Chữ hoa are touched first where a key needs them (untimed).
A swipe is a real touch drag over the phone (the finger rests before it lifts, so nothing
glides on). An intent with no such control goes through `KioskApp.send`, counted as "send".
Each delivery must reach the core as that very intent, or the step fails. Lessons are
opened with `send(OpenLesson(id))` from the menu; that time is printed apart ("open").

Timing (time.perf_counter): from just before the release is delivered (the press is
delivered and drawn first) to the end of the first frame drawn after the core's answer is
shown. Qt widgets paint and flush a window's dirty region while its top-level widget
handles QEvent.UpdateRequest, so an event filter there runs that handling itself and notes
the time it returns; frames noted before `KioskApp.dispatch` returns (e.g. the button
drawn released) do not count. Everything runs in a real QEventLoop.exec(), as in the
kiosk: posted events, deferred deletes of replaced pages, zero-timers, then the frame.
(Not a loop of QCoreApplication.processEvents(): with PySide6 6.12 on Python 3.11 each
call of a void static drops a reference to None, and thousands abort the process.)
"settled" is the last frame before the window stays quiet for 20 ms (e.g. once the phone
has scrolled its target into view); it is printed beside, the target is on the first frame.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.actions import Action
from kiosk.app.kiosk_app import KioskApp, application
from kiosk.app.qt_quiet import offscreen_quiet
from kiosk.clock import ManualClock
from kiosk.intents import (
    BackToMenu,
    Choose,
    Continue,
    Intent,
    OpenLesson,
    Submit,
    Swipe,
    Tap,
    Touched,
    TypeChar,
    TypeTone,
)
from kiosk.settings import Settings
from kiosk.walkthrough import correct_intents

TARGET_P95_MS = 100.0
QUIET_MS = 20
NO_FRAME_MS = 5000
SWIPE_MM = 15.0
REST_S = 0.15  # longer than ui.fling's velocity window
SWIPE_WAYS = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}


@dataclass(frozen=True)
class Sample:
    size: str
    lesson: str
    step: str  # "<number>-<step id>"
    intent: str
    via: str  # "touch", "drag" or "send"
    first_ms: float
    settled_ms: float


@dataclass(frozen=True)
class Failure:
    size: str
    lesson: str
    step: str
    intent: str
    error: str


class StepFailed(RuntimeError):
    def __init__(self, message: str, step: str = "", intent: str = "") -> None:
        super().__init__(message)
        self.step, self.intent = step, intent


class FrameClock(QObject):
    """Runs the event loop around one delivery and notes when each frame of `window` is drawn
    (see the module docstring)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.frames: list[float] = []
        self._job: Callable[[], object] = lambda: None
        self._error: BaseException | None = None
        self._want_frame = False
        self.after = 0.0  # frames before this time (perf_counter) are not the one waited for
        self._loop = QEventLoop(self)
        self._begin = self._timer(0, self._deliver)
        self._quiet = self._timer(QUIET_MS, self._when_quiet)
        self._deadline = self._timer(NO_FRAME_MS, self._loop.quit)
        window.installEventFilter(self)

    def _timer(self, ms: int, then: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(then)
        return timer

    def run(self, job: Callable[[], object], want_frame: bool) -> list[float]:
        """Run `job` inside the event loop, then the loop until the window has been quiet for
        QUIET_MS (and, if `want_frame`, has drawn a frame); the times of the frames drawn."""
        self.frames, self._job, self._error, self._want_frame, self.after = [], job, None, want_frame, 0.0
        hook, sys.excepthook = sys.excepthook, self._raised  # what a kiosk slot raised
        try:
            self._begin.start()
            self._deadline.start()
            self._loop.exec()
        finally:
            sys.excepthook = hook
            self._deadline.stop()
            self._quiet.stop()
        if self._error is not None:
            raise self._error
        if want_frame and not self._framed():
            raise StepFailed(f"no frame drawn within {NO_FRAME_MS / 1000:.0f} s")
        return self.frames

    def _deliver(self) -> None:
        try:
            self._job()
        except Exception as exc:  # a slot cannot raise: hand it to run()
            self._raised(type(exc), exc, exc.__traceback__)
            return
        self._quiet.start()

    def _raised(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        self._error = self._error or error
        self._loop.quit()

    def _framed(self) -> bool:
        return bool(self.frames) and self.frames[-1] > self.after

    def _when_quiet(self) -> None:
        if self._framed() or not self._want_frame:
            self._loop.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.UpdateRequest:
            return False
        watched.event(event)  # paint and flush now ...
        self.frames.append(time.perf_counter())  # ... then note the time
        self._quiet.start()
        return True


def control_name(intent: Intent) -> str:
    match intent:
        case Continue():
            return "continue"
        case Tap(element=element):
            return f"el:{element}"
        case Choose(element=element, option=option):
            return f"el:{element}:{option}"
        case TypeChar(char=" "):
            return "key:space"
        case TypeChar(char=char):
            return f"key:{char.lower()}"
        case TypeTone(tone=tone):
            return f"tone:{tone}"
        case Submit():
            return "key:done"
    return ""


class Walker:
    """Delivers intents to one kiosk window by touch and times each one."""

    def __init__(self, kiosk_app: KioskApp, size: str) -> None:
        self.app, self.size = kiosk_app, size
        self.window = kiosk_app.window
        self.clock = FrameClock(self.window)
        self.finger = QTest.createTouchDevice()
        self.opened_ms: list[float] = []  # OpenLesson via send: not a tap, reported apart
        self.handled: list[object] = []
        core = kiosk_app.kiosk
        handle = core.handle

        def spied(intent: Intent) -> object:
            self.handled.append(intent)
            self.clock.after = math.inf  # the frame waited for comes after the window shows the answer
            return handle(intent)

        core.handle = spied  # type: ignore[method-assign]
        kiosk_app.dispatch = self._dispatched(kiosk_app.dispatch)  # type: ignore[method-assign]

    def _dispatched(self, dispatch: Callable[[Sequence[Action]], None]) -> Callable[[Sequence[Action]], None]:
        def shown(actions: Sequence[Action]) -> None:
            dispatch(actions)
            self.clock.after = time.perf_counter()
        return shown

    def control(self, name: str) -> QPoint | None:
        """The centre of the visible control `name` in window coordinates, if a finger reaches it there."""
        for widget in self.window.findChildren(QWidget, name):
            if not widget.isVisible():
                continue
            point = widget.mapTo(self.window, widget.rect().center())
            under = self.window.childAt(point)
            if under is not None and (under is widget or widget.isAncestorOf(under)):
                return point
        return None

    def reach(self, intent: Intent) -> QPoint | None:
        """Where to touch for `intent`; first, untimed, the keyboard's 123/abc switch to the
        page with that key, and Chữ hoa for a capital, as a citizen would."""
        name = control_name(intent)
        point = self.control(name)
        switch = self.control("key:mode")
        if point is None and switch is not None and name.startswith("key:") and self.window.findChildren(QWidget, name):
            self.touch(switch)
            point = self.control(name)
        if point is not None and isinstance(intent, TypeChar) and intent.char != intent.char.lower():
            shift = self.control("key:shift")
            if shift is None:
                raise StepFailed("no Chữ hoa key on screen for a capital")
            self.touch(shift)
        return point

    def quietly(self, job: Callable[[], object]) -> None:
        self.clock.run(job, want_frame=False)

    def timed(self, job: Callable[[], object]) -> tuple[float, float]:
        """(first frame, settled) in ms after `job` begins."""
        began = 0.0

        def deliver() -> None:
            nonlocal began
            began = time.perf_counter()
            job()

        self.handled.clear()
        frames = self.clock.run(deliver, want_frame=True)
        first = next(frame for frame in frames if frame > self.clock.after)
        return (first - began) * 1000, (frames[-1] - began) * 1000

    def _finger(self) -> QTest.QTouchEventSequence:
        return QTest.touchEvent(self.window, self.finger)

    def touch(self, point: QPoint) -> tuple[float, float]:
        self.quietly(lambda: self._finger().press(0, point, self.window).commit())
        return self.timed(lambda: self._finger().release(0, point, self.window).commit())

    def drag(self, direction: str) -> tuple[float, float]:
        scroll = self.window.findChild(QWidget, "phoneScroll")
        if scroll is None or not scroll.isVisible():
            raise StepFailed("no phone screen to swipe")
        start = scroll.mapTo(self.window, scroll.rect().center())
        dx, dy = SWIPE_WAYS[direction]
        end = start + QPoint(round(dx * SWIPE_MM * self.window.look.dpi / 25.4), round(dy * SWIPE_MM * self.window.look.dpi / 25.4))
        self.quietly(lambda: self._finger().press(0, start, self.window).commit())
        for step in range(1, 7):
            self.quietly(lambda: self._finger().move(0, start + (end - start) * (step / 6), self.window).commit())
        time.sleep(REST_S)  # the finger stops before it lifts: the content does not glide on
        return self.timed(lambda: self._finger().release(0, end, self.window).commit())

    def deliver(self, intent: Intent) -> tuple[str, float, float]:
        """Deliver `intent` as a finger would; (how, first frame ms, settled ms)."""
        if isinstance(intent, Swipe):
            how, (first, settled) = "drag", self.drag(intent.direction)
        elif (point := self.reach(intent)) is not None:
            how, (first, settled) = "touch", self.touch(point)
        else:
            how, (first, settled) = "send", self.timed(lambda: self.app.send(intent))
        if intent not in self.handled:
            reached = ", ".join(repr(i) for i in self.handled if not isinstance(i, Touched)) or "nothing"
            raise StepFailed(f"the {how} reached the core as {reached}")
        return how, first, settled

    def walk(self, lesson_id: str) -> Iterator[Sample]:
        """Open `lesson_id` from the menu and answer every step right; a StepFailed names the step."""
        self.opened_ms.append(self.timed(lambda: self.app.send(OpenLesson(lesson_id)))[0])
        session = self.app.kiosk.lesson_session
        if session is None:
            raise StepFailed("the lesson did not open")
        for _ in range(3 * len(session.lesson.steps)):
            if self.app.kiosk.lesson_session is None:
                self.quietly(lambda: self.app.send(BackToMenu()))
                return
            step = f"{session.index + 1}-{session.step.id}"
            for intent in correct_intents(session):
                try:
                    how, first, settled = self.deliver(intent)
                except Exception as exc:
                    raise StepFailed(f"{type(exc).__name__}: {exc}", step, repr(intent)) from exc
                yield Sample(self.size, lesson_id, step, repr(intent), how, first, settled)
        raise StepFailed("the lesson did not end", f"{session.index + 1}-{session.step.id}")


@contextmanager
def kiosk_window(width: int, height: int) -> Iterator[KioskApp]:
    """A fresh kiosk over a SQLite file in a temp dir, its window shown at this size."""
    with tempfile.TemporaryDirectory(prefix="hocvuso-tap-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), text_size="normal", confidence_questions=False)  # lessons open at once
        kiosk_app = KioskApp(settings, ManualClock(), random.Random(1))
        try:
            kiosk_app.window.resize(width, height)
            kiosk_app.window.show()
            kiosk_app.send(Touched())  # the attract screen gives way to the menu
            yield kiosk_app
        finally:
            kiosk_app.close()
            kiosk_app.window.close()
            kiosk_app.window.deleteLater()


def run_size(width: int, height: int, most: int | None = None) -> tuple[list[Sample], list[float], list[Failure]]:
    """The taps of every lesson (or the first `most`) at this size, the lesson-open times, and what failed."""
    size = f"{width}x{height}"
    samples: list[Sample] = []
    failures: list[Failure] = []
    with kiosk_window(width, height) as kiosk_app:
        for refused in kiosk_app.refused_packs:
            failures.append(Failure(size, "", "", "", f"pack {refused.path} refused: {refused.problems}"))
        walker = Walker(kiosk_app, size)
        lessons = [lesson.id for pack in kiosk_app.kiosk.packs for lesson in pack.lessons]
        for lesson_id in lessons[:most]:
            try:
                samples.extend(walker.walk(lesson_id))
            except Exception as exc:  # report the step and go on with the next lesson
                where = exc if isinstance(exc, StepFailed) else StepFailed(f"{type(exc).__name__}: {exc}")
                failures.append(Failure(size, lesson_id, where.step, where.intent, str(where)))
                walker.quietly(lambda: kiosk_app.send(BackToMenu()))
    return samples, walker.opened_ms, failures


def figures(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"count": len(ordered), "median_ms": statistics.median(ordered), "p95_ms": p95, "max_ms": ordered[-1]}


def report(samples: list[Sample], opened: dict[str, list[float]], failures: list[Failure], slowest: int) -> dict[str, object]:
    """Print the table, the figures per intent, the slowest taps and the failures; the figures, for --json."""
    print(f"tap → next frame painted (Qt platform {QGuiApplication.platformName()}, normal text), in ms; "
          f"target p95 ≤ {TARGET_P95_MS:.0f} ms")
    print(f"{'size':<10} {'taps':>5} {'median':>7} {'p95':>7} {'max':>7}  {'settled p95':>11}  {'open p95':>8}  target")
    summary: dict[str, object] = {}
    for size, opens in opened.items():
        mine = [s for s in samples if s.size == size]
        if not mine:
            continue
        first, settled, opening = (figures(values) for values in ([s.first_ms for s in mine], [s.settled_ms for s in mine], opens))
        verdict = "ok" if first["p95_ms"] <= TARGET_P95_MS else "OVER"
        print(f"{size:<10} {first['count']:>5} {first['median_ms']:>7.1f} {first['p95_ms']:>7.1f} {first['max_ms']:>7.1f}"
              f"  {settled['p95_ms']:>11.1f}  {opening['p95_ms']:>8.1f}  {verdict}")
        kinds = {kind: figures([s.first_ms for s in mine if s.intent.startswith(kind + "(")])
                 for kind in sorted({s.intent.split("(")[0] for s in mine})}
        print("  by intent: " + "; ".join(f"{k} ×{f['count']:.0f} {f['median_ms']:.1f}/{f['p95_ms']:.1f}" for k, f in kinds.items())
              + " (median/p95)")
        vias = {via: sum(s.via == via for s in mine) for via in sorted({s.via for s in mine})}
        print("  delivered by " + ", ".join(f"{via} ×{n}" for via, n in vias.items())
              + "".join(f"; by send: {s.lesson} step {s.step} {s.intent}" for s in mine if s.via == "send"))
        for s in sorted(mine, key=lambda s: -s.first_ms)[:slowest]:
            print(f"  {s.first_ms:7.1f}  {s.lesson} step {s.step}: {s.intent} by {s.via}")
        summary[size] = {"first_frame": first, "settled": settled, "lesson_open": opening, "by_intent": kinds}
    print("settled: the last frame before 20 ms without one; open: OpenLesson sent from the menu (not a tap)")
    for f in failures:
        print(f"FAILED {f.size} {f.lesson} step {f.step or '-'} {f.intent}: {f.error}", file=sys.stderr)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1280x800,1920x1080", help="comma-separated WIDTHxHEIGHT")
    parser.add_argument("--slowest", type=int, default=8, help="how many of the slowest taps to list per size")
    parser.add_argument("--json", type=Path, help="also write the figures, every tap and the failures here")
    parser.add_argument("--lessons", type=int, help="only the first N lessons (a quick check)")
    args = parser.parse_args()
    application()
    samples: list[Sample] = []
    opened: dict[str, list[float]] = {}
    failures: list[Failure] = []
    with offscreen_quiet():
        for size in args.sizes.split(","):
            width, height = (int(n) for n in size.split("x"))
            taps, opened[size], failed = run_size(width, height, args.lessons)
            samples += taps
            failures += failed
    summary = report(samples, opened, failures, args.slowest)
    if args.json:
        record = {"target_p95_ms": TARGET_P95_MS, "sizes": summary, "taps": [asdict(s) for s in samples],
                  "failures": [asdict(f) for f in failures]}
        args.json.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    sys.exit(1 if failures or not samples else 0)


if __name__ == "__main__":
    main()
