"""Did confidence grow? Before the first lesson of a visit the citizen is asked how confident
they are to do this on their own phone (three faces); at the end of that lesson, the same
question, then whether they will try it on their real phone (Có / Chưa). One tap each; "Bỏ
qua" ends the questions of the moment. Answers are kept anonymously (kiosk.learner_records);
a new desk is made per visit.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk import learner_records
from kiosk import learner_texts as texts
from kiosk.views import ConfidenceChoice, ConfidenceView

if TYPE_CHECKING:
    from kiosk.help_desk import Write

FACES = tuple(ConfidenceChoice(answer, words, face) for answer, words, face in texts.FACES)
YES_NO = tuple(ConfidenceChoice(answer, words) for answer, words in texts.YES_NO)


class ConfidenceDesk:
    def __init__(self, enabled: bool, write: Write) -> None:
        self._enabled = enabled
        self._write = write
        self._first_met = False  # the visit's first lesson was opened (asked about or not)
        self._lesson = ("", "")  # (id, title) of the lesson the questions are about
        self._after_asked = False
        self._queue: list[str] = []  # the questions of this moment still to answer; the first is shown
        self._lead = ""
        self.pending: object | None = None  # the intent opening the lesson, carried out after the question before it
        self._then = ""  # what to say once the questions after the lesson are done

    @property
    def asking(self) -> bool:
        return bool(self._queue)

    def before(self, lesson_id: str, title: str, then: object) -> str:
        """At the visit's first lesson: ask before opening it (what to say), else "". `then`:
        the intent that opens it, to carry out once the question is answered or skipped."""
        if not self._enabled or self._first_met:
            return ""
        self._first_met = True
        self._lesson, self.pending = (lesson_id, title), then
        return self._ask(["before"], texts.BEFORE_LEAD.format(title=title))

    def after(self, lesson_id: str, then: str) -> str:
        """The lesson asked about before is finished: ask again (what to say), else "".
        `then`: what to say when the questions are answered or skipped."""
        if not self._enabled or lesson_id != self._lesson[0] or self._after_asked:
            return ""
        self._after_asked = True
        self._then = then
        return self._ask(["after", "will_try"], texts.AFTER_LEAD.format(title=self._lesson[1]))

    def answer(self, answer: int) -> str:
        """Keep the answer to the question shown; what to say next ("" when it answers nothing)."""
        if not self._queue or answer not in (c.answer for c in self._choices()):
            return ""
        question, lesson_id = self._queue.pop(0), self._lesson[0]
        self._write(lambda db, visit, at: learner_records.confidence_answered(db, visit, lesson_id, question, answer, at))
        return self.prompt() if self._queue else self._done()

    def skip(self) -> str:
        """"Bỏ qua": no more questions now; what to say next."""
        self._queue = []
        return self._done()

    def close(self) -> None:
        """The citizen went elsewhere: the questions (and the lesson waiting for them) are dropped."""
        self._queue, self.pending, self._then = [], None, ""

    def prompt(self) -> str:
        """The question shown and how to answer it, as said."""
        if not self._queue:
            return ""
        if self._queue[0] == "will_try":
            return f"{texts.WILL_TRY} {texts.YES_NO_HOW}"
        return f"{self._lead} {texts.CONFIDENT} {texts.FACES_HOW}".strip()

    def page(self) -> ConfidenceView | None:
        if not self._queue:
            return None
        question = self._queue[0]
        ask = texts.WILL_TRY if question == "will_try" else texts.CONFIDENT
        heading = texts.BEFORE_HEADING if question == "before" else texts.AFTER_HEADING
        return ConfidenceView(question, heading, ask, self._lesson[1], self._choices(),
                              "" if question == "will_try" else self._lead)

    def _ask(self, questions: list[str], lead: str) -> str:
        self._queue, self._lead = questions, lead
        return self.prompt()

    def _choices(self) -> tuple[ConfidenceChoice, ...]:
        return YES_NO if self._queue and self._queue[0] == "will_try" else FACES

    def _done(self) -> str:
        said, self._then = self._then or texts.THANKS, ""
        return said
