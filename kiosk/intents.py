"""What a person (or a voice command) asks the kiosk to do. The UI sends these; the core decides."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Touched:
    """Any touch anywhere (keeps the session alive; starts one on the attract screen)."""


@dataclass(frozen=True)
class OpenLesson:
    lesson_id: str
    mode: str = "guided"  # "guided" (Học có hướng dẫn) | "solo" (Tự làm: "Bác thử tự làm một lần nhé?")


@dataclass(frozen=True)
class OpenTopic:
    """A topic tile on the menu: show that topic's lessons."""

    topic_id: str


@dataclass(frozen=True)
class BackToTopics:
    """"Các chủ đề" on a topic's lesson list."""


@dataclass(frozen=True)
class SetTextSize:
    size: str  # "normal" | "large"


@dataclass(frozen=True)
class EndSession:
    """"Về màn hình đầu" / "Kết thúc": the citizen is done; wipe everything."""


@dataclass(frozen=True)
class BackToMenu:
    """"Học bài khác" or leaving a lesson for the list."""


@dataclass(frozen=True)
class StillHere:
    """"Tôi vẫn đang học" on the idle warning."""


@dataclass(frozen=True)
class TakeSlip:
    """"Nhận phiếu ghi nhận": show the practice slip of this session."""


@dataclass(frozen=True)
class PrintSlip:
    """"In phiếu" on the practice slip."""


@dataclass(frozen=True)
class SlipPrinted:
    """The printer job of session `session` ended (not a person's action: it keeps nothing alive)."""

    session: int
    ok: bool


@dataclass(frozen=True)
class EnterCode:
    """"Tôi có mã phiếu": type a practice-slip code (digits go as TypeChar / Erase / Submit)."""


@dataclass(frozen=True)
class ResumeLesson:
    """A lesson under "Bài đang học dở": continue it at the step the slip's visit reached."""

    lesson_id: str


# --- the intake: a few questions suggesting a path of lessons -------------------------------
@dataclass(frozen=True)
class OpenIntake:
    """"Gợi ý bài cho tôi" on the topics page: ask the intake questions."""


@dataclass(frozen=True)
class AnswerIntake:
    """An answer to the question shown: "co" | "chua" | "khong-biet" (Có, Chưa, Không biết) or a picture tile's id."""

    answer: str


@dataclass(frozen=True)
class PreviousQuestion:
    """"Câu trước": back to the previous intake question."""


@dataclass(frozen=True)
class SkipIntake:
    """"Bỏ qua, tôi tự chọn bài": no questions, straight to the topics."""


# --- a helper, the confidence questions, practising again ------------------------------------
@dataclass(frozen=True)
class CallStaff:
    """"Gọi cán bộ hỗ trợ": tell staff this citizen needs a helper (the place is kept)."""


@dataclass(frozen=True)
class AnswerHelp:
    """Staff, on the staff panel: "coming" (Cán bộ đang đến) or "helped" (Đã hỗ trợ)."""

    outcome: str


@dataclass(frozen=True)
class AnswerConfidence:
    """A face (1 Chưa tự tin, 2 Hơi tự tin, 3 Rất tự tin) or, to "will they try", 1 Có / 0 Chưa."""

    answer: int


@dataclass(frozen=True)
class SkipConfidence:
    """"Bỏ qua" on a confidence question: no more questions now."""


@dataclass(frozen=True)
class PractiseAgain:
    """"Tập lại chỗ bác hay nhầm" on the menu (after a practice-slip code)."""


# --- words a citizen may not know (the pack's glossary) ------------------------------------
@dataclass(frozen=True)
class ExplainTerm:
    """A word's button ("Mã OTP là gì?"), or "nghĩa là gì" said: show and say what `term` means
    ("": the step's next word)."""

    term: str = ""


# --- inside a lesson ---------------------------------------------------------------------
@dataclass(frozen=True)
class Tap:
    element: str


@dataclass(frozen=True)
class Choose:
    element: str
    option: int


@dataclass(frozen=True)
class Swipe:
    """The finger dragged the phone's screen: "up" (finger moved up), "down", "left", "right"."""

    direction: str


@dataclass(frozen=True)
class ClosePicker:
    """"‹" on an open picker: back to the form without choosing."""


@dataclass(frozen=True)
class TypeChar:
    char: str


@dataclass(frozen=True)
class TypeTone:
    tone: str  # a key of kiosk.vietnamese_input.TONES


@dataclass(frozen=True)
class Erase:
    """Delete the last character of the field being typed."""


@dataclass(frozen=True)
class Submit:
    """"Xong" on the keyboard: check what was typed."""


@dataclass(frozen=True)
class Continue:
    """The kiosk's "Bước tiếp theo": after reading an information step or an explained answer."""


@dataclass(frozen=True)
class GoBack:
    """The kiosk's "Bước trước": the previous step (or the lesson list from the first step)."""


@dataclass(frozen=True)
class Help:
    """"Trợ giúp": show the hint and highlight what to touch."""


@dataclass(frozen=True)
class Repeat:
    """"Nghe lại" (slow=False) or "Nghe chậm hơn" (slow=True)."""

    slow: bool = False


@dataclass(frozen=True)
class ChangeVolume:
    """"Nhỏ tiếng" (-1) or "To tiếng" (+1)."""

    direction: int


@dataclass(frozen=True)
class StartListening:
    """The microphone button: listen for one spoken command."""


@dataclass(frozen=True)
class Heard:
    """What the recogniser understood: its text, the commands it matched, and whether it was sure."""

    text: str
    commands: tuple[str, ...]
    confident: bool


LessonIntent = Tap | Choose | Swipe | ClosePicker | TypeChar | TypeTone | Erase | Submit | Continue | GoBack | Help | Repeat
SlipIntent = TakeSlip | PrintSlip | SlipPrinted | EnterCode | ResumeLesson
IntakeIntent = OpenIntake | AnswerIntake | PreviousQuestion | SkipIntake
LearnerIntent = CallStaff | AnswerHelp | AnswerConfidence | SkipConfidence | PractiseAgain
Intent = ExplainTerm | Touched | OpenLesson | OpenTopic | BackToTopics | SetTextSize | EndSession | BackToMenu | StillHere | ChangeVolume | StartListening | Heard | SlipIntent | LessonIntent | IntakeIntent | LearnerIntent
