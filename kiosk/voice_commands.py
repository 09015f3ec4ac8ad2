"""Spoken commands become the same intents as taps. The words live in voice/grammar/*.yaml;
this maps the grammar's command names onto the kiosk's intents for the current step."""
from __future__ import annotations

from kiosk.actions import Listen
from kiosk.intents import BackToMenu, Choose, Continue, ExplainTerm, GoBack, Help, Intent, Repeat, Submit, TypeChar
from kiosk.lesson_session import LessonSession

SIMPLE: dict[str, Intent] = {
    "next": Continue(),
    "back": GoBack(),
    "repeat": Repeat(),
    "slower": Repeat(slow=True),
    "help": Help(),
    "home": BackToMenu(),
}


def listen_for(session: LessonSession | None) -> Listen:
    """What to listen for now: the option labels of a choose step, digits while typing digits."""
    if session is None:
        return Listen()
    view = session.view()
    target = session.element(session.step.target) if session.step.target else None
    options = target.options if target is not None and session.step.kind == "choose" else ()
    return Listen(options=tuple(options), digits=view.keyboard == "digits")


def intents_for(commands: tuple[str, ...], session: LessonSession | None) -> list[Intent]:
    """The intents for the matched commands. While typing, "xong" / "có" submit what was typed;
    in a lesson, "nghĩa là gì" explains the step's next word."""
    intents: list[Intent] = []
    for command in commands:
        name, _, argument = command.partition(":")
        if name == "digit":
            intents.append(TypeChar(argument))
        elif name == "choose" and session is not None:
            target = session.element(session.step.target)
            if target is not None and argument in target.options:
                intents.append(Choose(target.id, target.options.index(argument)))
        elif name in ("yes", "next") and session is not None and session.view().keyboard:
            intents.append(Submit())  # "xong", "có": done typing
        elif name == "yes":
            intents.append(Continue())
        elif name == "meaning" and session is not None:
            intents.append(ExplainTerm())
        elif command in SIMPLE:
            intents.append(SIMPLE[command])
    return intents
