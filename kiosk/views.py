"""Immutable descriptions of what the screen shows. The core builds them; `ui/` draws them."""
from __future__ import annotations

from dataclasses import dataclass, field

from content.model import Screen


@dataclass(frozen=True)
class AttractView:
    pass


@dataclass(frozen=True)
class LessonTile:
    lesson_id: str
    title: str
    minutes: int
    updated: str
    status: str = ""  # "" | "started" | "completed" (this session only) | "resume" (from a slip code)
    resume_step: int = 0  # for "resume": the 1-based step the lesson continues at
    step_count: int = 0  # for "resume"
    solo_done: bool = False  # "Đã tự làm được": a Tự làm run finished alone (at most one hint) this session


@dataclass(frozen=True)
class TopicGroup:
    title: str
    icon: str
    tiles: tuple[LessonTile, ...]
    id: str = ""


@dataclass(frozen=True)
class PracticeTile:
    """"Tập lại chỗ bác hay nhầm": the steps of an earlier visit (a practice-slip code) that had
    wrong tries or help, as one short guided run."""

    steps: int
    lessons: tuple[str, ...]  # their titles, in the order the run takes them
    done: bool = False  # practised again in this visit


@dataclass(frozen=True)
class MenuView:
    topics: tuple[TopicGroup, ...]
    unfinished: tuple[LessonTile, ...] = ()  # "Bài đang học dở", from a practice-slip code
    can_take_slip: bool = False  # something was practised in this session
    notice: str = ""  # what the last code did, e.g. "Mã đúng rồi. …"
    topic: str = ""  # the open topic's id: its lessons show; "" shows the topics themselves
    path: tuple[LessonTile, ...] = ()  # "Lộ trình gợi ý cho bác": lessons suggested by the intake, in order
    can_suggest: bool = False  # "Gợi ý bài cho tôi": the intake can be asked (no path yet)
    practice: PracticeTile | None = None  # "Tập lại chỗ bác hay nhầm", from a practice-slip code


@dataclass(frozen=True)
class PickerView:
    """A long option list (34 provinces, 100+ communes) opened as a picker: typing a few
    letters, tone marks optional, narrows it down."""

    element: str  # the select's id
    query: str  # letters typed so far
    matches: tuple[int, ...]  # indices into the select's options that match the query, in order
    highlight: int = -1  # the option to draw attention to (after two wrong tries or Trợ giúp); -1: none


@dataclass(frozen=True)
class LessonView:
    lesson_id: str
    lesson_title: str
    step_number: int  # 1-based
    step_count: int
    step_kind: str
    instruction: str
    feedback: str  # "" when there is nothing to say
    feedback_kind: str  # "" | "ok" | "wrong" | "hint" | "info"
    screen: Screen  # placeholders already filled in
    values: dict[str, str] = field(default_factory=dict)  # element id → text typed so far
    chosen: dict[str, int] = field(default_factory=dict)  # select id → option index
    focus: str = ""  # the field being typed into
    keyboard: str = ""  # "" (none) | "text" | "digits"
    highlight: str = ""  # element to draw attention to
    targets: tuple[str, ...] = ()  # what the step names: its target (and a choose_many step's boxes)
    needs: tuple[str, ...] = ()  # elements the step reads from (the SMS with the code): kept in view
    swipe: str = ""  # a swipe step's direction: "up" | "down" | "left" | "right"
    can_continue: bool = False  # show the kiosk's "next step" button (an info step, or an answer explained)
    picker: PickerView | None = None  # a long select opened as a picker
    computer: Screen | None = None  # a web page on a computer shown beside the phone (e.g. a QR code to scan)
    mode: str = "guided"  # "guided" (Học có hướng dẫn) | "solo" (Tự làm: no step-by-step words, no automatic highlight)
    goal: str = ""  # in a Tự làm run: the lesson's goal, shown all through
    card: tuple[tuple[str, str], ...] = ()  # in a Tự làm run: the practice data, (label, value) lines
    hint_level: int = 0  # Tự làm's Trợ giúp on this step: 0 none yet, 1 words, 2 the place, 3 the highlight
    terms: tuple[tuple[str, str], ...] = ()  # glossary words in the words shown, (term, what it means): "… là gì?"
    meaning: str = ""  # what the word asked about on this step means, shown until the step changes


@dataclass(frozen=True)
class JudgedAnswer:
    """One decision of a judged drill's Tự làm run, on its result page."""

    verdict: str  # "right" | "safe" | "wrong"
    answer: str  # what the citizen did, in words ('Bác chọn "…".')
    why: str  # why it is right, safe or wrong
    right: str = ""  # for a wrong one: the right answer ('Cách đúng: "…".')


@dataclass(frozen=True)
class CompletionView:
    lesson_title: str
    recap: tuple[str, ...]
    next_in_path: LessonTile | None = None  # "Bài tiếp theo trong lộ trình"
    lesson_id: str = ""
    mode: str = "guided"  # the run just finished: "guided" | "solo"
    offer_solo: bool = False  # after a guided run of a lesson with a Tự làm form: "Bác thử tự làm một lần nhé?"
    outcome: str = ""  # after a Tự làm run: how it went, in words (done alone, hints used, the score)
    results: tuple[JudgedAnswer, ...] = ()  # after a judged drill's Tự làm run: each decision, judged


@dataclass(frozen=True)
class IntakeChoice:
    """One answer: a big button (Có / Chưa / Không biết) or a picture tile."""

    id: str
    label: str
    icon: str = ""  # a topic icon (phone, id, gov, health, shield, pay, chat) on a picture tile


@dataclass(frozen=True)
class IntakeView:
    """One intake question, answered by one tap; "Bỏ qua, tôi tự chọn bài" always there."""

    question_id: str
    question: str
    number: int  # 1-based
    count: int
    choices: tuple[IntakeChoice, ...]
    pictures: bool = False  # picture tiles ("Hôm nay bác cần làm việc gì?"), else answer buttons
    chosen: str = ""  # the answer given before coming back to this question
    can_go_back: bool = False  # "Câu trước": an earlier question was answered


@dataclass(frozen=True)
class SlipView:
    """"Phiếu ghi nhận luyện tập": what was practised, where and when, and the code that
    continues unfinished lessons; `text` holds the same facts as plain text (the QR code)."""

    code: str  # 8 digits; "" when it could not be saved
    date: str  # dd/mm/yyyy, local time
    place: str
    completed: tuple[str, ...]  # lesson titles: "Đã học có hướng dẫn"
    unfinished: tuple[str, ...]
    text: str
    can_print: bool = False
    printing: bool = False
    print_note: str = ""
    print_note_kind: str = ""  # "" | "info" | "ok" | "wrong"
    solo_done: tuple[str, ...] = ()  # lesson titles: "Đã tự làm được" (done alone in a Tự làm run)


@dataclass(frozen=True)
class CodeEntryView:
    """Typing a practice-slip code on the digit pad."""

    typed: str
    message: str = ""
    message_kind: str = ""  # "" | "wrong" | "info"


@dataclass(frozen=True)
class ConfidenceChoice:
    answer: int  # what is stored: 1–3 for confidence (3 most), 1 / 0 for Có / Chưa
    label: str
    face: str = ""  # "worried" | "unsure" | "happy": a big face above the words


@dataclass(frozen=True)
class ConfidenceView:
    """A question about the citizen's own phone, before their first lesson and after it: one
    tap on a big face (or Có / Chưa), or "Bỏ qua"."""

    question: str  # "before" | "after" | "will_try"
    heading: str  # "Trước khi học" | "Sau khi học"
    ask: str
    lesson_title: str
    choices: tuple[ConfidenceChoice, ...]
    lead: str = ""  # said and shown above the question, e.g. after the lesson: "Bác đã học xong bài."


@dataclass(frozen=True)
class HelpView:
    """A help request ("Gọi cán bộ hỗ trợ") that staff have not closed yet, on every page."""

    message: str  # "Đã báo cán bộ, bác chờ một chút nhé."
    coming: bool = False  # staff pressed "Cán bộ đang đến"


@dataclass(frozen=True)
class KioskView:
    """The whole screen. `session` changes whenever a new citizen starts, so the UI knows
    to throw away every widget of the previous one."""

    page: AttractView | MenuView | LessonView | CompletionView | SlipView | CodeEntryView | IntakeView | ConfidenceView
    text_size: str
    session: int
    idle_seconds_left: int | None = None  # set while the idle warning is up
    listening: bool = False  # the microphone is open
    heard: str = ""  # what the citizen just said, shown before it is acted on
    help: HelpView | None = None  # the citizen asked for a helper and is waiting
