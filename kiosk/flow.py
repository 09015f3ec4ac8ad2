"""The kiosk's decisions from one citizen to the next: attract → menu → lesson → completion,
the idle warning, and the wipe that leaves nothing for the next person.

`Kiosk.handle(intent)` and `Kiosk.tick()` return the actions to carry out, in order.
"""
from __future__ import annotations

import dataclasses
import datetime
import logging
import random
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from content.model import Lesson, Pack
from kiosk import learner_records, slips, texts
from kiosk import learner_texts as learner_words
from kiosk.actions import (
    Action,
    AdjustVolume,
    AlertStaff,
    Prerender,
    SendToPrinter,
    Show,
    Speak,
    StopSpeech,
)
from kiosk.clock import Clock
from kiosk.confidence import ConfidenceDesk
from kiosk.help_desk import HelpAlert, HelpDesk
from kiosk.idle import IdlePolicy
from kiosk.intake import IntakeDesk, pack_intake
from kiosk.intents import (
    AnswerConfidence,
    AnswerHelp,
    AnswerIntake,
    BackToMenu,
    BackToTopics,
    CallStaff,
    ChangeVolume,
    EndSession,
    EnterCode,
    Erase,
    ExplainTerm,
    Heard,
    IntakeIntent,
    Intent,
    OpenIntake,
    OpenLesson,
    OpenTopic,
    PractiseAgain,
    PreviousQuestion,
    PrintSlip,
    Repeat,
    ResumeLesson,
    SetTextSize,
    SkipConfidence,
    SkipIntake,
    SlipPrinted,
    StartListening,
    StillHere,
    Submit,
    Swipe,
    TakeSlip,
    Touched,
    TypeChar,
)
from kiosk.lesson_runs import LessonRuns
from kiosk.lesson_session import LessonSession, Result
from kiosk.menu import menu_view
from kiosk.practice_again import PracticeRun, plan_for
from kiosk.practice_again import tile as practice_tile
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.slip_desk import CodeGuard, SlipDesk
from kiosk.views import (
    AttractView,
    CodeEntryView,
    CompletionView,
    ConfidenceView,
    IntakeView,
    KioskView,
    LessonView,
    MenuView,
    SlipView,
)
from kiosk.visit_record import VisitRecord
from kiosk.voice_commands import intents_for, listen_for
from kiosk.word_meanings import WordMeanings, lesson_glossaries
from voice.recognizer import ASK_AGAIN

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

VOLUME_STEP = 0.1
# What a citizen may do while an intake question is up without leaving it (anything else closes it).
STAYS_IN_INTAKE = (OpenIntake, AnswerIntake, PreviousQuestion, SkipIntake, Repeat, SetTextSize, ChangeVolume, Touched, StillHere,
                   CallStaff)
STAYS_IN_SURVEY = (AnswerConfidence, SkipConfidence, Repeat, SetTextSize, ChangeVolume, Touched, StillHere, CallStaff)


class Kiosk:
    def __init__(
        self,
        packs: Sequence[Pack],
        store: ProgressStore,
        settings: Settings,
        clock: Clock,
        rng: random.Random | None = None,
    ) -> None:
        self._next_packs: tuple[Pack, ...] | None = tuple(packs)
        self._switch_packs()
        self._store = store
        self._settings = settings
        self._clock = clock
        self._rng = rng or random.Random()
        self._idle = IdlePolicy(clock, settings.idle_warning_s, settings.idle_grace_s)
        self._code_guard = CodeGuard(clock, lambda: self._store.db)  # outlives sessions and restarts
        self._record = VisitRecord(store, clock, lambda: self._settings.kiosk_id, self._code_guard.save)
        self._serial = 0
        self._reset()

    # --- public ----------------------------------------------------------------------
    @property
    def lesson_session(self) -> LessonSession | None:
        """The lesson being worked on, if any (for walkthroughs and tests)."""
        return self._lesson

    @property
    def packs(self) -> tuple[Pack, ...]:
        return self._packs

    @property
    def store_problem(self) -> str:
        """For staff, in Vietnamese, when progress could not be written (and when it could again)."""
        return self._record.problem

    @property
    def store_failing(self) -> bool:
        """The last progress write failed."""
        return self._record.failing

    @property
    def help_request(self) -> HelpAlert | None:
        """The citizen's help request staff have not closed yet (for the staff panel)."""
        return self._help.request

    @property
    def idle_warning_s(self) -> float:
        return self._idle.warning_after_s

    def apply_settings(self, settings: Settings) -> None:
        """Staff changed settings: idle times count from now on; the default text size shows
        at once when nobody is learning, else from the next citizen."""
        self._settings = settings
        self._idle.warning_after_s, self._idle.grace_s = settings.idle_warning_s, settings.idle_grace_s
        if not self._record.active:
            self._text_size = settings.text_size

    def replace_packs(self, packs: Sequence[Pack]) -> None:
        """New lessons (a USB update or a rollback): at once when nobody is learning, else from
        the next citizen, so nobody loses the lesson they are in."""
        self._next_packs = tuple(packs)
        if not self._record.active:
            self._switch_packs()

    def view(self) -> KioskView:
        page_view: AttractView | MenuView | CompletionView | LessonView | SlipView | CodeEntryView | IntakeView | ConfidenceView | None
        if (survey := self._confidence.page()) is not None:
            page_view = survey
        elif self._lesson is not None:
            page_view = self._meanings.dress(self._lesson_view(), self._step())
        elif self._completion is not None:
            page_view = self._completion
        elif (page_view := self._desk.page()) is None:
            page_view = (self._intake.page() or self._menu()) if self._record.active else AttractView()
        return KioskView(page_view, self._text_size, self._serial, self._warning, self._listening, self._heard,
                         self._help.view())

    def handle(self, intent: Intent) -> list[Action]:
        if isinstance(intent, SlipPrinted):  # the printer, not a person: keeps nothing alive
            return self._slip_printed(intent)
        if isinstance(intent, AnswerHelp):  # staff, on the staff panel
            return self._answer_help(intent)
        if isinstance(intent, Swipe) and not (self._lesson is not None and self._lesson.takes_swipe):
            intent = Touched()  # the UI sends every drag of the phone: one that answers no step is only a touch
        self._idle.touched()
        if self._warning is not None:
            self._warning = None
            if isinstance(intent, StillHere | Touched):
                return [StopSpeech(), self._show()]
        if not self._record.active:
            started = self._start_visit()
            return self._enter_code() if isinstance(intent, EnterCode) else started
        if isinstance(intent, StartListening | Heard):
            return self._voice(intent)
        if not isinstance(intent, Touched):
            self._heard = ""
        if self._intake.asking and not isinstance(intent, STAYS_IN_INTAKE):
            self._intake.close()  # the citizen went elsewhere (a lesson, a slip code, the menu)
        if self._confidence.asking and not isinstance(intent, STAYS_IN_SURVEY):
            self._confidence.close()
        if isinstance(intent, OpenLesson | ResumeLesson) and (lesson := self._lessons.get(intent.lesson_id)):
            if said := self._confidence.before(lesson.id, lesson.title, intent):  # the visit's first lesson
                self._desk.close()
                return [StopSpeech(), self._show(), Speak(said)]
        match intent:
            case Touched() | StillHere():
                return []
            case EndSession():
                return self._wipe("ended")
            case SetTextSize(size=size):
                self._text_size = size if size in ("normal", "large") else self._text_size
                return [self._show()]
            case BackToMenu():
                if self._lesson is None and self._completion is None and self._desk.page() is None:
                    self._topic = ""  # already on a menu page: up to the topics
                if self._lesson is not None and self._practice is None:
                    self._desk.left_lesson(self._lesson.lesson.id, self._lesson.index)
                self._lesson = self._practice = None
                self._completion = None
                self._desk.close()
                return [StopSpeech(), self._show(), Speak(self._menu_prompt())]
            case OpenTopic(topic_id=topic_id):
                return self._open_topic(topic_id)
            case BackToTopics():
                self._topic = ""
                return [StopSpeech(), self._show(), Speak(texts.TOPICS_PROMPT)]
            case OpenLesson(lesson_id=lesson_id, mode=mode):
                return self._open(lesson_id, mode=mode)
            case ResumeLesson(lesson_id=lesson_id):
                return self._open(lesson_id, self._desk.resumable.get(lesson_id, 0))
            case TakeSlip():
                return self._take_slip()
            case PrintSlip():
                slip = self._desk.start_printing()
                return [] if slip is None else [self._show(), Speak(slip.print_note), SendToPrinter(slip, self._serial)]
            case EnterCode():
                return self._enter_code()
            case ChangeVolume(direction=direction):
                return [StopSpeech(), AdjustVolume(VOLUME_STEP * direction), Speak(texts.VOLUME_SAMPLE)]
            case OpenIntake() | AnswerIntake() | PreviousQuestion() | SkipIntake():
                return self._intake_step(intent)
            case Repeat(slow=slow) if self._intake.asking:
                return [StopSpeech(), Speak(self._intake.prompt(), slow)]
            case CallStaff():
                said, alert = self._help.ask(self._lesson)
                return [StopSpeech(), self._show(), Speak(said), *([AlertStaff(alert)] if alert else [])]
            case AnswerConfidence(answer=answer):
                return self._survey(self._confidence.answer(answer))
            case SkipConfidence():
                return self._survey(self._confidence.skip())
            case Repeat(slow=slow) if self._confidence.asking:
                return [StopSpeech(), Speak(self._confidence.prompt(), slow)]
            case Repeat(slow=slow) if self._completion is not None and self._lesson is None:
                done = self._completion  # "Nghe lại" on the completion page: how it went, what was practised
                return [StopSpeech(), Speak(" ".join(filter(None, (done.outcome, texts.PRACTISED, *done.recap))), slow)]
            case PractiseAgain():
                return self._practise_again()
            case ExplainTerm(term=term):
                return self._explain(term)
        if self._desk.showing == "code" and isinstance(intent, TypeChar | Erase | Submit):
            return self._code_key(intent)
        if self._lesson is None:
            return []
        if self._practice is not None:
            return self._practice_result(self._lesson.handle(intent))  # type: ignore[arg-type]
        return self._lesson_result(self._lesson.handle(intent))  # type: ignore[arg-type]

    def tick(self) -> list[Action]:
        """Call about once a second: shows, counts down and acts on the idle warning."""
        if not self._record.active:
            return []
        left = self._idle.seconds_left()
        if left is None or left == self._warning:
            return []
        if left == 0:
            return self._wipe("idle")
        first = self._warning is None
        self._warning = left
        return [StopSpeech(), self._show(), Speak(texts.IDLE_WARNING)] if first else [self._show()]

    def close(self) -> None:
        if self._record.active:
            self._wipe("shutdown")
        self._code_guard.save()  # wrong codes the disk refused: a last try

    # --- internals -------------------------------------------------------------------
    def _voice(self, intent: StartListening | Heard) -> list[Action]:
        if isinstance(intent, StartListening):
            self._listening, self._heard = True, ""
            return [StopSpeech(), listen_for(self._lesson), self._show()]
        self._listening = False
        intents = intents_for(intent.commands, self._lesson) if intent.confident else []
        if not intents:
            self._heard = ASK_AGAIN
            return [self._show(), Speak(ASK_AGAIN)]
        self._heard = intent.text
        actions: list[Action] = []
        for each in intents:
            actions = self.handle(each)
            self._heard = intent.text  # keep showing what was said while its action shows
        return [*actions, self._show()]


    def _reset(self) -> None:
        self._lesson: LessonSession | None = None
        self._completion: CompletionView | None = None
        self._statuses: dict[str, str] = {}
        self._runs = LessonRuns()  # each run guided or Tự làm; what was done alone (kiosk.lesson_runs)
        self._text_size = self._settings.text_size
        self._warning: int | None = None
        self._listening = False
        self._heard = ""
        self._topic = ""  # the menu's open topic; "" is the topics page, where a citizen starts
        self._desk = SlipDesk(self._clock, self._settings, self._code_guard)
        self._intake = IntakeDesk()  # the visit's answers and path; gone with the visit
        self._help = HelpDesk(self._clock, self._write)
        self._confidence = ConfidenceDesk(self._settings.confidence_questions, self._write)
        self._practice: PracticeRun | None = None  # "Tập lại chỗ bác hay nhầm" under way
        self._practised = False
        self._meanings = WordMeanings(self._glossaries)  # the glossary's words asked about

    def _switch_packs(self) -> None:
        if self._next_packs is not None:
            self._packs, self._next_packs = self._next_packs, None
            self._lessons = {lesson.id: lesson for pack in self._packs for lesson in pack.lessons}
            self._glossaries = lesson_glossaries(self._packs)
            self._meanings = WordMeanings(self._glossaries)

    def _show(self) -> Show:
        return Show(self.view())

    def _start_visit(self) -> list[Action]:
        self._serial += 1
        self._record.begin()
        self._intake = IntakeDesk(pack_intake(self._packs), self._lessons)
        if self._settings.intake_at_start and self._intake.offered:
            said = self._intake.start()
            return [self._show(), Speak(said)]
        return [self._show(), Speak(texts.TOPICS_PROMPT)]

    def _wipe(self, reason: str) -> list[Action]:
        alert = self._help.visit_ended()
        self._record.end(reason)
        self._reset()
        self._switch_packs()
        self._serial += 1
        return [StopSpeech(), self._show(), *([AlertStaff(alert)] if alert else [])]

    def _open(self, lesson_id: str, start: int = 0, mode: str = "guided") -> list[Action]:
        lesson: Lesson | None = self._lessons.get(lesson_id)
        if lesson is None:
            log.error("asked to open unknown lesson %r", lesson_id)
            return []
        self._lesson = self._runs.session(lesson, self._rng, mode, start)
        run = self._lesson.run
        self._topic = lesson.topic  # leaving the lesson goes back to its topic
        self._completion = None
        self._desk.close()
        self._desk.notice = ""
        self._statuses.setdefault(lesson_id, "started")
        self._record.write(lambda visit: self._store.lesson_started(visit, lesson_id, self._clock.now()))
        self._record.write(lambda visit: self._store.run_started(visit, lesson_id, run, self._clock.now()))
        lines = self._lesson.lines()
        return [StopSpeech(), self._show(), *self._speech(self._lesson.start()),
                Prerender((*lines, *self._meanings.lines(lesson_id, lines)))]

    def _lesson_view(self) -> LessonView:
        assert self._lesson is not None
        return self._lesson.view() if self._practice is None else self._practice.view(self._lesson.view())

    def _step(self) -> tuple[str, int]:
        """The lesson's stay on its current step (kiosk.word_meanings)."""
        assert self._lesson is not None
        return self._lesson.run_id, self._lesson.entered

    def _explain(self, term: str) -> list[Action]:
        """A word's button, or "nghĩa là gì" said (term ""): what it means, shown and said."""
        if self._lesson is None:
            return []
        if term and self._meanings.close(self._step(), term):  # touched again: the explanation goes
            return [StopSpeech(), self._show()]
        said = self._meanings.explain(self._lesson_view(), self._step(), term)
        if not said and term:
            return []  # a button of a step already gone
        return [StopSpeech(), self._show(), Speak(said or texts.NO_WORDS_TO_EXPLAIN)]

    def _lesson_result(self, result: Result) -> list[Action]:
        session = self._lesson
        assert session is not None
        lesson_id = session.lesson.id
        for attempt in result.attempts:
            self._record.write(lambda visit, a=attempt: self._store.record(visit, lesson_id, a, self._clock.now(), session.run))
        if result.finished:
            if session.mode == "guided":
                self._record.write(lambda visit: self._store.lesson_completed(visit, lesson_id, self._clock.now()))
            self._record.write(lambda visit: self._store.run_completed(visit, lesson_id, session.run, self._clock.now()))
            self._statuses[lesson_id] = "completed"
            next_in_path, said = self._intake.after_lesson(lesson_id, self._statuses)
            self._completion, told = self._runs.completion(session, next_in_path)
            said = " ".join(filter(None, (*told, said)))
            self._lesson = None
            said = self._confidence.after(lesson_id, said) or said  # the questions after the lesson come first
            return [StopSpeech(), self._show(), Speak(texts.COMPLETED), *([Speak(said)] if said else [])]
        if result.left:
            self._desk.left_lesson(lesson_id, 0)
            self._lesson = None
            return [StopSpeech(), self._show(), Speak(self._menu_prompt())]
        return [StopSpeech(), self._show(), *self._speech(result)]  # any tap cuts the old speech

    @staticmethod
    def _speech(result: Result) -> list[Action]:
        return [Speak(text, slow) for text, slow in result.speak]

    def _menu(self) -> MenuView:
        menu = menu_view(self._packs, self._lessons, self._statuses, self._desk.resumable, self._desk.notice, self._topic,
                         self._runs.solo_done)
        path = self._intake.path_tiles(self._statuses)
        practice = practice_tile(plan_for(self._desk.practice, self._lessons), self._practised)
        return dataclasses.replace(menu, path=path, can_suggest=self._intake.offered and not path, practice=practice)

    def _menu_prompt(self) -> str:
        return texts.LESSONS_PROMPT if self._menu().topic else texts.TOPICS_PROMPT

    def _open_topic(self, topic_id: str) -> list[Action]:
        group = next((g for g in self._menu().topics if g.id == topic_id), None)
        if group is None:
            log.error("asked to open unknown topic %r", topic_id)
            return []
        self._topic = topic_id
        return [StopSpeech(), self._show(), Speak(f"{group.title}. {texts.LESSONS_PROMPT}")]

    def _intake_step(self, intent: IntakeIntent) -> list[Action]:
        """The intake's questions (kiosk.intake): asked, answered, gone back over or skipped;
        after the last answer (or a skip) the topics page shows, with the path on top."""
        if isinstance(intent, OpenIntake):
            said = self._intake.start()
        elif not self._intake.asking:
            return []
        elif isinstance(intent, AnswerIntake):
            said = self._intake.answer(intent.answer)
        elif isinstance(intent, PreviousQuestion):
            said = self._intake.back()
        else:
            self._intake.close()
            said = texts.TOPICS_PROMPT
        if not said:
            return []
        self._topic = ""
        return [StopSpeech(), self._show(), Speak(said)]

    # --- the practice slip and its code (see kiosk.slip_desk) --------------------------
    def _take_slip(self) -> list[Action]:
        self._completion = None
        codes: list[str] = []
        self._record.write(lambda visit: codes.append(slips.issue(self._store.db, visit, self._clock.now())))

        def titles(status: str, alone: bool = False) -> tuple[str, ...]:
            """In the order they were opened; `alone`: done alone in a Tự làm run."""
            return tuple(self._lessons[i].title for i, s in self._statuses.items()
                         if s == status and i in self._lessons and (i in self._runs.solo_done) == alone)

        said = self._desk.show_slip(codes[0] if codes else "", titles("completed"), titles("started"), titles("completed", True))
        return [StopSpeech(), self._show(), Speak(said)]

    def _slip_printed(self, intent: SlipPrinted) -> list[Action]:
        slip = self._desk.slip
        if intent.session != self._serial or slip is None or not slip.printing:
            return []  # the citizen who asked has gone: their slip is not shown again
        note = self._desk.printed(intent.ok)
        return [self._show(), Speak(note)] if self._desk.showing == "slip" else []

    def _enter_code(self) -> list[Action]:
        self._completion = None
        prompt = self._desk.open_entry()
        return [StopSpeech(), self._show(), Speak(prompt)]

    def _code_key(self, intent: TypeChar | Erase | Submit) -> list[Action]:
        if not isinstance(intent, Submit):
            self._desk.type_key(intent)
            return [self._show()]
        said = self._desk.submit(self._resume_points)
        return [StopSpeech(), self._show(), Speak(said)]

    def _resume_points(self, code: str) -> slips.BroughtBack | None:
        """A code's unfinished lessons that this kiosk still has and this citizen has not
        finished today, and its steps to practise again; None for a wrong or expired code (or
        an unreadable database)."""
        try:
            found = slips.brought_back(self._store.db, code, self._clock.now())
        except sqlite3.Error as exc:
            log.error("slip code not checked: %s", exc)
            return None
        if found is None:
            return None
        unfinished = {i: step for i, step in found.unfinished.items() if i in self._lessons and self._statuses.get(i) != "completed"}
        tricky = {i: steps for i, steps in found.tricky.items() if i in self._lessons}
        return dataclasses.replace(found, unfinished=unfinished, tricky=tricky)

    # --- a helper, the confidence questions, practising again (kiosk.help_desk, .confidence, .practice_again)
    def _write(self, operation: Callable[[sqlite_utils.Database, str, datetime.datetime], object]) -> None:
        self._record.write(lambda visit: operation(self._store.db, visit, self._clock.now()))

    def _answer_help(self, intent: AnswerHelp) -> list[Action]:
        said, alert = self._help.answer(intent.outcome)
        if alert is None:
            return []
        return [self._show(), *([StopSpeech(), Speak(said)] if said else []), AlertStaff(alert)]

    def _survey(self, said: str) -> list[Action]:
        """A confidence question answered or skipped: the next one, or the lesson waiting for it."""
        if not said:
            return []
        if not self._confidence.asking and self._confidence.pending is not None:
            then, self._confidence.pending = self._confidence.pending, None
            return self.handle(then)  # type: ignore[arg-type]
        return [StopSpeech(), self._show(), Speak(said)]

    def _practise_again(self) -> list[Action]:
        plan = plan_for(self._desk.practice, self._lessons)
        if not plan:
            return []
        self._practice = PracticeRun(plan, self._rng.randrange(1 << 30))
        self._lesson, self._completion, self._topic = self._practice.session, None, ""
        self._desk.close()
        return [StopSpeech(), self._show(), *self._speech(self._practice.start()), Prerender(self._lesson.lines())]

    def _practice_result(self, result: Result) -> list[Action]:
        run = self._practice
        assert run is not None
        lesson_id = run.session.lesson.id
        for attempt in result.attempts:
            self._write(lambda db, visit, at, a=attempt: learner_records.practice_attempt(db, visit, lesson_id, a, at))
        result = run.steer(result)
        if result.finished or result.left:
            self._lesson, self._practice = None, None
            self._practised = self._practised or result.finished
            self._completion = run.completion() if result.finished else None
            said = learner_words.PRACTICE_DONE if result.finished else self._menu_prompt()
            return [StopSpeech(), self._show(), Speak(said)]
        self._lesson = run.session
        return [StopSpeech(), self._show(), *self._speech(result)]
