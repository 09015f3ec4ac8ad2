"""What the core tells the outside world to do, in order: show a view, speak, stop speaking."""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.help_desk import HelpAlert
from kiosk.views import KioskView, SlipView


@dataclass(frozen=True)
class Show:
    view: KioskView


@dataclass(frozen=True)
class Speak:
    text: str
    slow: bool = False


@dataclass(frozen=True)
class StopSpeech:
    pass


@dataclass(frozen=True)
class Prerender:
    """Lines likely to be spoken soon: render them in the background so they play at once."""

    texts: tuple[str, ...]


@dataclass(frozen=True)
class Listen:
    """Listen for a command; `options` (labels to say) and `digits` widen the grammar for this step."""

    options: tuple[str, ...] = ()
    digits: bool = False


@dataclass(frozen=True)
class AdjustVolume:
    """Change the speech volume by `delta` (0–1 scale), then say a line at the new level."""

    delta: float


@dataclass(frozen=True)
class SendToPrinter:
    """Print the practice slip (off the UI thread); answer with intents.SlipPrinted(session, ok)."""

    slip: SlipView
    session: int


@dataclass(frozen=True)
class AlertStaff:
    """A help request was made, answered or closed: chime (when made) and run the settings'
    `help_command` with it in its environment, off the UI thread (kiosk.help_alarm)."""

    alert: HelpAlert


Action = Show | Speak | StopSpeech | Prerender | Listen | AdjustVolume | SendToPrinter | AlertStaff
