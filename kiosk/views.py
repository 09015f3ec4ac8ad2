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
    status: str = ""  # "" | "started" | "completed" (this session only)


@dataclass(frozen=True)
class TopicGroup:
    title: str
    icon: str
    tiles: tuple[LessonTile, ...]


@dataclass(frozen=True)
class MenuView:
    topics: tuple[TopicGroup, ...]


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


@dataclass(frozen=True)
class CompletionView:
    lesson_title: str
    recap: tuple[str, ...]


@dataclass(frozen=True)
class KioskView:
    """The whole screen. `session` changes whenever a new citizen starts, so the UI knows
    to throw away every widget of the previous one."""

    page: AttractView | MenuView | LessonView | CompletionView
    text_size: str
    session: int
    idle_seconds_left: int | None = None  # set while the idle warning is up
    listening: bool = False  # the microphone is open
    heard: str = ""  # what the citizen just said, shown before it is acted on
