"""One visit's "Gọi cán bộ hỗ trợ": the request a citizen makes (with the lesson and step they
are on, which stay as they are), staff's answer from the staff panel ("Cán bộ đang đến", "Đã hỗ
trợ"), and the alerts for each (kiosk.help_alarm). A request still open when the visit ends
is closed as left. `kiosk.flow.Kiosk` routes the intents here; a new desk is made per visit.
"""
from __future__ import annotations

import dataclasses
import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk import learner_records
from kiosk import learner_texts as texts
from kiosk.clock import Clock
from kiosk.views import HelpView

if TYPE_CHECKING:
    import sqlite_utils

    from kiosk.lesson_session import LessonSession

REMIND_AFTER_S = 60  # pressing again alerts staff again, at most this often
Write = Callable[[Callable[["sqlite_utils.Database", str, datetime.datetime], object]], None]


@dataclass(frozen=True)
class HelpAlert:
    """A help request as staff see it, at one event: asked | again (pressed again while
    waiting) | coming | helped | left (the visit ended first)."""

    event: str
    request_id: str
    asked_at: datetime.datetime
    lesson_id: str = ""  # "" outside a lesson
    lesson_title: str = ""
    step_number: int = 0  # 1-based; 0 outside a lesson
    step_count: int = 0
    step_text: str = ""  # the step's instruction as the citizen sees it

    @property
    def where(self) -> str:
        """"Bác đang ở bước 7/21 — …", for staff."""
        if not self.lesson_id:
            return texts.HELP_ON_MENU
        return texts.HELP_AT_STEP.format(n=self.step_number, total=self.step_count, step=self.step_text)

    def message(self, kiosk_name: str) -> str:
        return texts.HELP_MESSAGES[self.event].format(kiosk=kiosk_name, where=self.where)


class HelpDesk:
    def __init__(self, clock: Clock, write: Write) -> None:
        self._clock = clock
        self._write = write
        self.request: HelpAlert | None = None  # open: asked (or staff are coming) and not yet closed
        self._alerted = 0.0  # monotonic time of the last alert

    @property
    def coming(self) -> bool:
        return self.request is not None and self.request.event == "coming"

    def view(self) -> HelpView | None:
        if self.request is None:
            return None
        return HelpView(texts.HELP_COMING if self.coming else texts.HELP_ASKED, self.coming)

    def ask(self, session: LessonSession | None) -> tuple[str, HelpAlert | None]:
        """The citizen asked: what to say, and the alert for staff (None: they were alerted
        less than REMIND_AFTER_S ago, or are already coming)."""
        now = self._clock.monotonic()
        if self.request is not None:
            if self.coming:
                return texts.HELP_COMING, None
            if now - self._alerted < REMIND_AFTER_S:
                return texts.HELP_WAITING, None
            self._alerted = now
            return texts.HELP_WAITING, _replace_event(self.request, "again")
        request = self.request = _where(uuid.uuid4().hex, self._clock.now(), session)
        self._alerted = now
        step_id, step_index = (session.step.id, session.index) if session is not None else ("", None)
        self._write(lambda db, visit, at: learner_records.help_asked(
            db, request.request_id, visit, request.lesson_id, step_id, step_index, at))
        return texts.HELP_ASKED, request

    def answer(self, outcome: str) -> tuple[str, HelpAlert | None]:
        """Staff answered ("coming" or "helped"): what to tell the citizen ("" nothing) and the alert."""
        request = self.request
        if request is None or outcome not in ("coming", "helped") or (outcome == "coming" and self.coming):
            return "", None
        if outcome == "coming":
            self.request = _replace_event(request, "coming")
            self._write(lambda db, visit, at: learner_records.help_coming(db, request.request_id, at))
            return texts.HELP_COMING, self.request
        return "", self._close(learner_records.HELPED)

    def visit_ended(self) -> HelpAlert | None:
        """The visit ends with a request open: it is closed as left (staff's light goes off)."""
        return self._close(learner_records.LEFT) if self.request is not None else None

    def _close(self, outcome: str) -> HelpAlert:
        request = self.request
        assert request is not None
        self.request = None
        self._write(lambda db, visit, at: learner_records.help_closed(db, request.request_id, at, outcome))
        return _replace_event(request, outcome)


def _where(request_id: str, at: datetime.datetime, session: LessonSession | None) -> HelpAlert:
    if session is None:
        return HelpAlert("asked", request_id, at)
    view = session.view()
    return HelpAlert("asked", request_id, at, session.lesson.id, session.lesson.title, session.index + 1,
                     len(session.lesson.steps), view.instruction)


def _replace_event(alert: HelpAlert, event: str) -> HelpAlert:
    return dataclasses.replace(alert, event=event)
