"""One session's practice slip and slip-code entry: the core's side of "Nhận phiếu ghi nhận"
and "Tôi có mã phiếu". `kiosk.flow.Kiosk` routes the intents here and turns what the desk
says into Speak actions. A new desk is made for every citizen, so nothing carries over.
"""
from __future__ import annotations

import logging
import math
import sqlite3
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk import learner_texts
from kiosk import slip_texts as words
from kiosk.clock import Clock
from kiosk.intents import Erase, TypeChar
from kiosk.settings import Settings
from kiosk.slips import CODE_DIGITS, BroughtBack, spaced
from kiosk.views import CodeEntryView, SlipView

if TYPE_CHECKING:  # sqlite-utils loads with the core, not with the first paint (tests/test_import_boundaries.py)
    import sqlite_utils

log = logging.getLogger(__name__)

FREE_TRIES = 5  # wrong codes at this kiosk within GUARD_WINDOW_S before each further try waits
WAIT_S = 30
GUARD_WINDOW_S = 600


class CodeGuard:
    """Slows down guessing codes at this kiosk, across sessions and restarts: after FREE_TRIES
    wrong codes within GUARD_WINDOW_S, each try waits WAIT_S after the last wrong one. A
    citizen who mistypes a few times never waits.

    The wrong codes' times are kept in the progress database (`code_guesses`, wall-clock
    seconds), so restarting the app does not reset the count, and in memory (monotonic), so a
    database that cannot be written or read never lets guessing go faster. Times the database
    refused (disk full, read-only) are kept and written by `save`, at the next wrong code, after
    each progress write that works (kiosk.visit_record) and when the kiosk stops. A clock set
    backwards can only lengthen a wait up to WAIT_S."""

    def __init__(self, clock: Clock, db: Callable[[], sqlite_utils.Database] | None = None) -> None:
        self._clock = clock
        self._db = db  # the progress store's current connection (it may change while running)
        self._wrong: deque[float] = deque()  # monotonic times of recent wrong codes
        self._unsaved: list[float] = []  # wall-clock times of wrong codes not yet in the database

    def wait_left(self) -> float:
        self._forget_old()
        remembered = self._stored_wait()
        if len(self._wrong) < FREE_TRIES:
            return remembered
        return max(remembered, self._wrong[-1] + WAIT_S - self._clock.monotonic())

    def wrong(self) -> None:
        self._wrong.append(self._clock.monotonic())
        self._forget_old()
        if self._db is not None:
            self._unsaved.append(self._clock.now().timestamp())
            self.save()

    def save(self) -> None:
        """Write the wrong codes' times not yet in the database, in one transaction: all of them
        or, when it refuses, none (kept for the next try), so none is lost or counted twice."""
        if self._db is None or not self._unsaved:
            return
        now = self._clock.now().timestamp()
        self._unsaved = [at for at in self._unsaved if at >= now - GUARD_WINDOW_S]  # the delete below drops older ones
        try:
            db = self._db()
            with db.atomic():
                db.conn.executemany("INSERT INTO code_guesses (at) VALUES (?)", [(at,) for at in self._unsaved])
                db.execute("DELETE FROM code_guesses WHERE at < ?", [now - GUARD_WINDOW_S])
        except sqlite3.Error as exc:
            log.error("%d wrong slip code(s) not stored (%s); the wait holds from memory until they are",
                      len(self._unsaved), exc)
            return
        self._unsaved.clear()

    def _stored_wait(self) -> float:
        if self._db is None:
            return 0.0
        now = self._clock.now().timestamp()
        try:
            rows = self._db().execute("SELECT at FROM code_guesses WHERE at > ? ORDER BY at DESC LIMIT ?",
                                      [now - GUARD_WINDOW_S, FREE_TRIES]).fetchall()
        except sqlite3.Error as exc:
            log.error("stored wrong slip codes not read (%s); the wait holds from memory", exc)
            return 0.0
        if len(rows) < FREE_TRIES:
            return 0.0
        return min(WAIT_S, max(0.0, rows[0][0] + WAIT_S - now))

    def _forget_old(self) -> None:
        while self._wrong and self._wrong[0] < self._clock.monotonic() - GUARD_WINDOW_S:
            self._wrong.popleft()

Lookup = Callable[[str], "BroughtBack | None"]  # code → what it brings back (None: wrong or expired)


def sections(completed: tuple[str, ...], unfinished: tuple[str, ...], solo_done: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """The slip's lists of lesson titles under their headings, each shown when it has any:
    "Đã tự làm được", "Đã học có hướng dẫn" (or that nothing was finished), "Đang học dở"."""
    shown = [(words.SOLO_DONE, solo_done), (words.COMPLETED, completed or (() if solo_done else (words.NOTHING_COMPLETED,))),
             (words.UNFINISHED, unfinished)]
    return [(heading, titles) for heading, titles in shown if titles]


def payload(code: str, date: str, place: str, completed: tuple[str, ...], unfinished: tuple[str, ...],
            solo_done: tuple[str, ...] = ()) -> str:
    """The slip as plain text, for the QR code and the print: nothing about the person."""
    lines = [words.TITLE, f"{words.PLACE}: {place}", f"{words.DATE}: {date}"]
    for heading, titles in sections(completed, unfinished, solo_done):
        lines += [f"{heading}:", *(f"- {title}" if title != words.NOTHING_COMPLETED else title for title in titles)]
    if code:
        lines += [f"{words.CODE}: {spaced(code)}", words.RESUME_NOTE]
    return "\n".join(lines)


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `text` (UTF-8; error correction L, raised when the size allows) as rows
    of dark modules, without the quiet zone (whoever draws it leaves 4 light modules all round)."""
    import segno  # only when a slip is shown: not on the way to the first paint

    code = segno.make(text, error="l", micro=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


class SlipDesk:
    def __init__(self, clock: Clock, settings: Settings, guard: CodeGuard) -> None:
        self._clock = clock
        self._guard = guard
        self._place = settings.place
        self._can_print = bool(settings.printer)
        self.showing = ""  # "" | "slip" | "code"
        self.slip: SlipView | None = None
        self.resumable: dict[str, int] = {}  # from slip codes: lesson id → step index to continue at
        self.practice: dict[str, tuple[str, ...]] = {}  # from a slip code: steps to practise again, per lesson
        self.notice = ""  # for the menu: what the last code did
        self._typed = ""
        self._message = ("", "")

    def page(self) -> SlipView | CodeEntryView | None:
        if self.showing == "slip":
            return self.slip
        if self.showing == "code":
            return CodeEntryView(self._typed, *self._message)
        return None

    def close(self) -> None:
        """Back to the menu (or into a lesson): the slip and the typed code leave the screen."""
        self.showing = ""

    # --- the slip ----------------------------------------------------------------------
    def show_slip(self, code: str, completed: tuple[str, ...], unfinished: tuple[str, ...],
                  solo_done: tuple[str, ...] = ()) -> str:
        """Show the slip (`completed`: learnt guided, `solo_done`: done alone); returns what to say."""
        date = self._clock.now().astimezone().strftime("%d/%m/%Y")
        text = payload(code, date, self._place, completed, unfinished, solo_done)
        slip = SlipView(code, date, self._place, completed, unfinished, text, self._can_print, solo_done=solo_done)
        if self.slip is not None:  # a print under way (or its outcome) stays on the slip
            slip = replace(slip, printing=self.slip.printing, print_note=self.slip.print_note, print_note_kind=self.slip.print_note_kind)
        self.slip = slip
        self.showing = "slip"
        if not code:
            return words.PHOTO
        return words.SPOKEN.format(digits=", ".join(" ".join(part) for part in spaced(code).split()))

    def start_printing(self) -> SlipView | None:
        """The slip to send to the printer, or None (no printer, not shown, or already printing)."""
        slip = self.slip
        if self.showing != "slip" or slip is None or not slip.can_print or slip.printing:
            return None
        self.slip = replace(slip, printing=True, print_note=words.PRINTING, print_note_kind="info")
        return self.slip

    def printed(self, ok: bool) -> str:
        assert self.slip is not None
        note, kind = (words.PRINTED, "ok") if ok else (words.PRINT_FAILED, "wrong")
        self.slip = replace(self.slip, printing=False, print_note=note, print_note_kind=kind)
        return note

    # --- typing a code -----------------------------------------------------------------
    def open_entry(self) -> str:
        self.showing, self._typed, self._message = "code", "", ("", "")
        return words.CODE_PROMPT

    def type_key(self, intent: TypeChar | Erase) -> None:
        if isinstance(intent, Erase):
            self._typed = self._typed[:-1]
        elif intent.char.isdigit() and len(self._typed) < CODE_DIGITS:
            self._typed += intent.char
        self._message = ("", "")

    def submit(self, lookup: Lookup) -> str:
        """Check the typed code; returns what to say (the guard may ask them to wait first)."""
        if wait := self._guard.wait_left():
            return self._say(words.CODE_WAIT.format(seconds=math.ceil(wait)), "info")
        if len(self._typed) < CODE_DIGITS:
            return self._say(words.CODE_SHORT, "info")
        found = lookup(self._typed)
        if found is None:
            self._guard.wrong()
            return self._say(words.CODE_WRONG, "wrong")
        self.resumable.update(found.unfinished)
        self.practice = found.tricky or self.practice
        self.notice = _code_ok(found)
        self.showing = ""
        return self.notice

    def left_lesson(self, lesson_id: str, index: int) -> None:
        """A resumed lesson was left unfinished: next time it continues where they are now."""
        if lesson_id in self.resumable:
            self.resumable[lesson_id] = index

    def _say(self, message: str, kind: str) -> str:
        self._message = (message, kind)
        return message


def _code_ok(found: BroughtBack) -> str:
    """What a right code did: lessons to continue, steps to practise again, or nothing left."""
    if found.unfinished:
        return f"{words.CODE_OK} {learner_texts.PRACTICE_TOO}" if found.tricky else words.CODE_OK
    return learner_texts.PRACTICE_OFFERED if found.tricky else words.CODE_OK_NOTHING_LEFT
