"""The screenshot tour (and so the pack audit) stops at the help request, the confidence faces
and "Tập lại chỗ bác hay nhầm"."""
from __future__ import annotations

import dataclasses
import random

from kiosk.flow import Kiosk
from kiosk.tour import tour
from kiosk.views import AttractView, ConfidenceView, LessonView, MenuView


def test_the_tour_shows_the_help_request_the_faces_and_practising_again(core_pack, store, settings, clock):
    kiosk = Kiosk([core_pack], store, dataclasses.replace(settings, confidence_questions=True), clock, random.Random(7))
    lesson_ids = [lesson.id for lesson in core_pack.lessons]
    seen: dict[str, object] = {}
    for stop in tour(kiosk, clock, lesson_ids):
        view = kiosk.view()
        seen[stop.name] = (view.page, view.help)
    first = lesson_ids[0]
    page, help_view = seen["01-help-menu"]
    assert isinstance(page, MenuView) and help_view is not None
    helped = [name for name in seen if name.endswith("-help")]
    assert len(helped) == 3  # a lesson's first step, a step typed with letters, one typed with digits
    assert {seen[name][0].keyboard for name in helped} == {"", "text", "digits"}
    assert all(seen[f"{name}-coming"][1].coming for name in helped)
    questions = {name: seen[name][0].question for name in seen if "-confidence-" in name}
    assert questions == {f"01-{first}-00-confidence-before": "before", f"01-{first}-99-confidence-after": "after",
                         f"01-{first}-99-confidence-will_try": "will_try"}
    assert all(isinstance(seen[name][0], ConfidenceView) for name in questions)
    assert seen["90c-menu-practice"][0].practice is not None
    run = seen["90d-practice-run"][0]
    assert isinstance(run, LessonView) and run.lesson_title.startswith("Tập lại: ") and run.step_number == 1
    assert seen["90e-practice-done"][0].lesson_title == "Tập lại chỗ bác hay nhầm"
    assert list(seen)[-1] == "91-idle-warning" and isinstance(kiosk.view().page, AttractView)
