"""The lesson model: frozen dataclasses built by `content.loader` from pack files.

A pack holds topics and lessons. A lesson has named simulated screens (what the practice
phone shows) and an ordered list of steps (what the citizen is asked to do on them).
Text may contain `{name}` placeholders filled at run time: one value of each `data` list
and one whole entry of `variants` (several placeholders that belong together) per run.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from content.glossary import Glossary
    from content.intake import Intake

SCHEMA_VERSION = 1

# Element kinds and what a citizen can do with them.
TAPPABLE = frozenset({"button", "list_item", "link", "tile", "checkbox", "notification", "qr"})
TYPABLE = frozenset({"field", "password", "otp", "date"})
CHOOSABLE = frozenset({"select"})
STATIC = frozenset({"heading", "text", "sms", "banner", "note", "call", "summary"})
ELEMENT_KINDS = TAPPABLE | TYPABLE | CHOOSABLE | STATIC
DIGITS_ONLY = frozenset({"otp", "date"})  # typed on the digit pad; compared digit by digit

STEP_KINDS = frozenset({"info", "tap", "type", "choose", "choose_many", "swipe"})
SWIPE_DIRECTIONS = frozenset({"up", "down", "left", "right"})  # the way the finger moves
KEYBOARDS = frozenset({"text", "digits"})
TONES = frozenset({"info", "success", "error"})
TOPIC_ICONS = frozenset({"phone", "id", "gov", "health", "shield", "pay", "chat"})
DEVICES = frozenset({"phone", "computer"})  # where a screen is shown: the practice phone or a computer beside it


@dataclass(frozen=True)
class Element:
    """One thing on a simulated screen."""

    id: str
    kind: str
    label: str = ""
    value: str = ""  # preset content: field text, SMS body, banner text
    placeholder: str = ""
    options: tuple[str, ...] = ()  # for "select" (`options_from` in a pack fills them)
    keyboard: str = "text"  # for typable elements ("digits" for otp and date)
    sender: str = ""  # for "sms", "notification": who sent it
    tone: str = "info"  # for "banner" and "button": info | success (green) | error (red)
    shuffle: bool = False  # for "select": options in a new order each run
    length: int = 0  # for "otp": how many digit boxes
    rows: tuple[tuple[str, str], ...] = ()  # for "summary": (label, value) lines

    @property
    def tappable(self) -> bool:
        return self.kind in TAPPABLE

    @property
    def typable(self) -> bool:
        return self.kind in TYPABLE


@dataclass(frozen=True)
class Screen:
    """A simulated screen: the app's title bar and its elements, top to bottom. `device` is
    "phone" (the practice phone) or "computer" (a web page on a computer beside the phone,
    e.g. the portal's login page with the QR code the phone scans)."""

    id: str
    app: str
    title: str
    elements: tuple[Element, ...]
    device: str = "phone"

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True)
class Step:
    """One instruction and the action that completes it.

    kind: "info" (read, then the kiosk's "Bước tiếp theo"), "tap" a target, "type" into a
    target field, OTP boxes or date and press Xong, "choose" an option of a target select,
    "choose_many": tick exactly the `targets` checkboxes, then tap the `target` button, or
    "swipe": drag a finger over the phone's screen in `direction` ("vuốt lên" is "up").
    For "type": `expect` (exact text, spaces ignored), `rule` (a named rule in
    `content.rules`) or `same_as` (the value typed earlier into another element).
    For "choose": `expect` is the right option, or empty when any option is fine.
    `target` may be a placeholder (a drill where the right button changes per run).
    `explain` is said after the right answer (why it is right: quiz questions, drills).
    `needs`: elements of the step's screen it reads from (the message with the code being
    typed): the screen keeps them in view together with the target.
    `computer`: a computer screen shown beside the phone during the step ("" for none);
    targets and needs may be on it too (element ids are unique across the two).
    Answers (element ids on tap and choose_many steps, option texts on choose steps) other
    than the target: `also_right` ones are right too (praised: the safe choice of a drill),
    `safe` ones are not counted wrong and do not finish the step (cancelling where the step
    asks to confirm); every other answer is wrong. `why` says, per answer, why it is right,
    safe or wrong: said and shown when that answer is given.
    """

    id: str
    kind: str
    screen: str
    instruction: str
    target: str = ""
    expect: str = ""
    rule: str = ""
    same_as: str = ""
    hint: str = ""
    explain: str = ""
    targets: tuple[str, ...] = ()  # for "choose_many"
    direction: str = ""  # for "swipe": up | down | left | right
    needs: tuple[str, ...] = ()
    computer: str = ""
    also_right: tuple[str, ...] = ()
    safe: tuple[str, ...] = ()
    why: tuple[tuple[str, str], ...] = ()  # (answer, what to say when it is given)

    def why_for(self, answer: str) -> str:
        return next((text for key, text in self.why if key == answer), "")

    @property
    def decides(self) -> bool:
        """A choice that a judged drill's Tự làm run judges: a choose step with a right option,
        a choose_many step, or a tap step that names other answers (also_right, safe, why)."""
        if self.kind == "tap":
            return bool(self.also_right or self.safe or self.why)
        return self.kind == "choose_many" or (self.kind == "choose" and bool(self.expect))

    @property
    def screen_ids(self) -> tuple[str, ...]:
        """The screens shown during the step: the phone's, then the computer's if any."""
        return (self.screen, self.computer) if self.computer else (self.screen,)


def element_texts(element: Element) -> tuple[str, ...]:
    """Every text an element shows."""
    rows = (text for row in element.rows for text in row)
    return (element.label, element.value, element.placeholder, element.sender, *element.options, *rows)


def step_element(screens: Mapping[str, Screen], step: Step, element_id: str) -> Element | None:
    """The element `element_id` on the step's phone screen or on its computer screen."""
    for screen_id in step.screen_ids:
        screen = screens.get(screen_id)
        found = screen.element(element_id) if screen is not None else None
        if found is not None:
            return found
    return None


def step_elements(screens: Mapping[str, Screen], step: Step) -> tuple[Element, ...]:
    """Every element shown during the step: the phone's, then the computer's."""
    return tuple(e for screen_id in step.screen_ids if screen_id in screens for e in screens[screen_id].elements)


@dataclass(frozen=True)
class Lesson:
    id: str
    topic: str
    title: str
    description: str
    minutes: int
    difficulty: int
    updated: str  # ISO date the content was last checked against the real service
    sources: tuple[str, ...]
    recap: tuple[str, ...]  # recap cards: what was practised, shown on completion
    data: dict[str, tuple[str, ...]]  # placeholder → possible values (one picked per run)
    screens: dict[str, Screen]
    steps: tuple[Step, ...]
    variants: tuple[dict[str, str], ...] = ()  # placeholder sets; one whole set picked per run
    remember: str = ""  # the one rule to remember (scam drills); the last recap card
    source_file: Path | None = field(default=None, compare=False)
    # "Tự làm", the lesson done without step-by-step guidance (kiosk.solo_session): only a lesson
    # with a goal has it. `card`: the practice data shown beside the phone, (label, value) lines;
    # `judged`: a drill whose Tự làm run is a fresh case, no hints, each decision judged at the end.
    goal: str = ""
    card: tuple[tuple[str, str], ...] = ()
    judged: bool = False

    @property
    def has_solo(self) -> bool:
        return bool(self.goal)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    icon: str


@dataclass(frozen=True)
class Pack:
    id: str
    version: int
    title: str
    topics: tuple[Topic, ...]
    lessons: tuple[Lesson, ...]
    root: Path | None = field(default=None, compare=False)
    intake: Intake | None = None  # the optional intake.yaml: questions suggesting a path (content.intake)
    glossary: Glossary | None = None  # the optional glossary.yaml: words explained on request (content.glossary)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


@dataclass(frozen=True)
class Problem:
    """A problem in a pack: where (file and path inside it) and what, in plain English."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
