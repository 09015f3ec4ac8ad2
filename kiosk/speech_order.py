"""Speech said back to back reaches the citizen whole.

A speaker cuts what it is saying on each new line (so a tap silences stale speech at once);
lines the core says one after the other in answer to one intent — "Đúng rồi!" and then the
next step's instruction — would cut each other, and only the last would be heard. They are
said as one utterance instead."""
from __future__ import annotations

from collections.abc import Sequence

from kiosk.actions import Action, Speak


def joined_speech(actions: Sequence[Action]) -> list[Action]:
    """`actions` with each run of consecutive Speak actions of the same pace made into one."""
    joined: list[Action] = []
    for action in actions:
        last = joined[-1] if joined else None
        if isinstance(action, Speak) and isinstance(last, Speak) and last.slow == action.slow:
            joined[-1] = Speak(f"{last.text} {action.text}", action.slow)
        else:
            joined.append(action)
    return joined
