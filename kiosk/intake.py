"""The intake of one visit: the pack's few questions, one at a time, then "Lộ trình gợi ý cho
bác", the lessons suggested for the answers, in order.

The answers live here only while the questions are asked: once the path is made they are
dropped, and the whole desk goes with the visit. Nothing here is ever written anywhere.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from content.intake import Intake, Question
from content.model import Lesson, Pack
from kiosk import intake_texts as texts
from kiosk.views import IntakeChoice, IntakeView, LessonTile


def pack_intake(packs: Sequence[Pack]) -> Intake | None:
    """The intake of the first pack that has one (an installed update before the built-in pack)."""
    return next((pack.intake for pack in packs if pack.intake is not None and pack.intake.questions), None)


class IntakeDesk:
    """One visit's intake: the question asked, the answers so far, then the path."""

    def __init__(self, intake: Intake | None = None, lessons: Mapping[str, Lesson] | None = None) -> None:
        self._intake = intake
        self._lessons = lessons or {}
        self._answers: dict[str, str] = {}
        self._index: int | None = None  # the question being asked; None: not asking
        self._asked: list[int] = []  # the questions answered, in order ("Câu trước" goes back over them)
        self.path: tuple[str, ...] = ()  # lesson ids suggested, in order

    @property
    def offered(self) -> bool:
        """The kiosk's packs have an intake to offer."""
        return self._intake is not None

    @property
    def asking(self) -> bool:
        return self._index is not None

    def start(self) -> str:
        """Ask the first question (again, from the start: an earlier path is forgotten);
        returns what to say."""
        if self._intake is None:
            return ""
        self._answers, self._asked, self.path = {}, [], ()
        self._index = self._intake.next_question(-1, {})
        return f"{texts.INTRO.format(n=len(self._intake.questions))} {self.prompt()}"

    def answer(self, answer: str) -> str:
        """Take the answer to the question asked; returns what to say next (the next question
        or the path), or "" when `answer` does not answer it."""
        question = self._question()
        if question is None or answer not in question.answers:
            return ""
        assert self._intake is not None and self._index is not None
        self._answers[question.id] = answer
        self._asked.append(self._index)
        self._index = self._intake.next_question(self._index, self._answers)
        if self._index is not None:
            return self.prompt()
        self.path = self._intake.path(self._answers, self._lessons)
        self.close()
        return self._path_said()

    def back(self) -> str:
        """Back to the previous question ("Câu trước"), its answer shown; returns it to say
        ("" on the first). Later answers are dropped: which questions follow may change."""
        if not self.asking or not self._asked:
            return ""
        self._index = self._asked.pop()
        for later in self._intake.questions[self._index + 1:] if self._intake else ():
            self._answers.pop(later.id, None)
        return self.prompt()

    def close(self) -> None:
        """Stop asking (skipped, answered, or the citizen went elsewhere); answers are dropped."""
        self._index = None
        self._answers, self._asked = {}, []

    def prompt(self) -> str:
        """The question being asked and how to answer it, as said."""
        question = self._question()
        if question is None:
            return ""
        if question.kind == "tiles":
            return f"{question.ask} {texts.TILES_HOW.format(titles='; '.join(t.title for t in question.tiles))}"
        return f"{question.ask} {texts.YES_NO_HOW}"

    def page(self) -> IntakeView | None:
        question = self._question()
        if question is None or self._intake is None or self._index is None:
            return None
        if question.kind == "tiles":
            choices = tuple(IntakeChoice(tile.id, tile.title, tile.icon) for tile in question.tiles)
        else:
            choices = tuple(IntakeChoice(answer, texts.ANSWERS[answer]) for answer in question.answers)
        return IntakeView(question.id, question.ask, len(self._asked) + 1, len(self._intake.questions), choices,
                          question.kind == "tiles", self._answers.get(question.id, ""), bool(self._asked))

    def path_tiles(self, statuses: Mapping[str, str]) -> tuple[LessonTile, ...]:
        """The path's lessons in order, with how far this visit got in each."""
        return tuple(LessonTile(lesson.id, lesson.title, lesson.minutes, lesson.updated, statuses.get(lesson.id, ""))
                     for lesson_id in self.path if (lesson := self._lessons.get(lesson_id)) is not None)

    def after_lesson(self, lesson_id: str, statuses: Mapping[str, str]) -> tuple[LessonTile | None, str]:
        """When a lesson is finished: the path's next lesson not yet done (None: none), and what to say."""
        left = [tile for tile in self.path_tiles(statuses) if tile.status != "completed"]
        if left:
            return left[0], texts.NEXT_IN_PATH.format(title=left[0].title)
        return None, texts.PATH_DONE if lesson_id in self.path else ""

    def _question(self) -> Question | None:
        if self._intake is None or self._index is None:
            return None
        return self._intake.questions[self._index]

    def _path_said(self) -> str:
        tiles = self.path_tiles({})
        if not tiles:
            return texts.NO_PATH
        lessons = " ".join(texts.PATH_LESSON.format(n=n, title=tile.title) for n, tile in enumerate(tiles, start=1))
        return texts.PATH_SAID.format(n=len(tiles), lessons=lessons)
