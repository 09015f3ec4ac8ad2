"""The lesson model: frozen dataclasses built by `content.loader` from pack files.

A pack holds topics and lessons. A lesson has named simulated screens (what the practice
phone shows) and an ordered list of steps (what the citizen is asked to do on them).
Text may contain `{name}` placeholders filled from the lesson's `data` at run time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_VERSION = 1

# Element kinds and what a citizen can do with them.
TAPPABLE = frozenset({"button", "list_item", "link", "tile"})
TYPABLE = frozenset({"field", "password"})
CHOOSABLE = frozenset({"select"})
STATIC = frozenset({"heading", "text", "sms", "banner", "note"})
ELEMENT_KINDS = TAPPABLE | TYPABLE | CHOOSABLE | STATIC

STEP_KINDS = frozenset({"info", "tap", "type", "choose"})
KEYBOARDS = frozenset({"text", "digits"})
TOPIC_ICONS = frozenset({"phone", "id", "gov", "shield", "pay", "chat"})


@dataclass(frozen=True)
class Element:
    """One thing on a simulated screen."""

    id: str
    kind: str
    label: str = ""
    value: str = ""  # preset content: field text, SMS body, banner text
    placeholder: str = ""
    options: tuple[str, ...] = ()  # for "select"
    keyboard: str = "text"  # for typable elements
    sender: str = ""  # for "sms"
    tone: str = "info"  # for "banner": info | success | error

    @property
    def tappable(self) -> bool:
        return self.kind in TAPPABLE

    @property
    def typable(self) -> bool:
        return self.kind in TYPABLE


@dataclass(frozen=True)
class Screen:
    """A simulated phone screen: the app's title bar and its elements, top to bottom."""

    id: str
    app: str
    title: str
    elements: tuple[Element, ...]

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True)
class Step:
    """One instruction and the action that completes it.

    kind: "info" (read, then Tiếp tục), "tap" a target, "type" into a target field and
    press Xong, or "choose" an option of a target select.
    For "type": `expect` (exact text, spaces ignored), `rule` (a named rule in
    `content.rules`) or `same_as` (the value typed earlier into another element).
    For "choose": `expect` is the right option, or empty when any option is fine.
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
    recap: tuple[str, ...]  # what was practised, shown on completion
    data: dict[str, tuple[str, ...]]  # placeholder → possible values (one picked per run)
    screens: dict[str, Screen]
    steps: tuple[Step, ...]
    source_file: Path | None = field(default=None, compare=False)


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

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


@dataclass(frozen=True)
class Problem:
    """A problem in a pack: where (file and path inside it) and what, in plain English."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
