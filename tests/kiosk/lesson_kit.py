"""Helpers for lesson tests: a lesson run to a step with the right answers, and typing."""
import random

from kiosk.intents import TypeChar
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents


def session_at(pack, lesson_id, step_id):
    """A run of `lesson_id` (always the same placeholder values) answered up to `step_id`."""
    session = LessonSession(pack.lesson(lesson_id), random.Random(3))
    while session.step.id != step_id:
        for intent in correct_intents(session):
            session.handle(intent)
    return session


def type_text(session, text):
    for char in text:
        session.handle(TypeChar(char))
