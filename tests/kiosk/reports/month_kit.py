"""A generated month of visits (November 2026, UTC+7) through the real kiosk core with the
confidence questions on: citizens answer the faces (or skip them), call a helper at random
steps (and now and then on the menu), leave a lesson half-way once in a while; plus some Tự
làm runs. `Tally` is what the generator did, counted on its own, for the report to match."""
from __future__ import annotations

import dataclasses
import datetime
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from report_kit import VN

from content.model import Pack
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import AnswerConfidence, AnswerHelp, BackToMenu, CallStaff, EndSession, OpenLesson, SkipConfidence, Touched
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.views import ConfidenceView, LessonView
from kiosk.walkthrough import complete_step


@dataclass
class Tally:
    before: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    after: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    will_try: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    help: Counter[tuple[str, int | None]] = field(default_factory=Counter)  # (lesson id, step number); ("", None): the menu
    visit_ids: list[str] = field(default_factory=list)

    @staticmethod
    def mean(values: list[int]) -> float | None:
        return sum(values) / len(values) if values else None


def generate_month(store: ProgressStore, pack: Pack, settings: Settings, seed: int = 2026) -> Tally:
    rng = random.Random(seed)
    clock = ManualClock(datetime.datetime(2026, 11, 1, 7, 30, tzinfo=VN))
    kiosk = Kiosk([pack], store, dataclasses.replace(settings, confidence_questions=True), clock, random.Random(seed))
    lessons = [lesson.id for lesson in pack.lessons]
    tally = Tally()
    for day in range(30):
        clock.advance((datetime.datetime(2026, 11, 1 + day, 7, 30, tzinfo=VN) - clock.now()).total_seconds())
        for _ in range(rng.randint(2, 4)):
            clock.advance(rng.randint(600, 3600))
            _citizen(kiosk, clock, rng, rng.choice(lessons), tally)
    tally.visit_ids = [row[0] for row in store.db.execute("SELECT id FROM visits ORDER BY started_at")]
    return tally


def _citizen(kiosk: Kiosk, clock: ManualClock, rng: random.Random, lesson_id: str, tally: Tally) -> None:
    kiosk.handle(Touched())
    if rng.random() < 0.1:
        _call(kiosk, tally, ("", None))
    kiosk.handle(OpenLesson(lesson_id))
    _answer(kiosk, rng, tally.before, lesson_id, skip=0.15)
    leaves = rng.random() < 0.1
    while isinstance(page := kiosk.view().page, LessonView):
        if rng.random() < 0.06:
            _call(kiosk, tally, (lesson_id, page.step_number))
        if leaves and page.step_number > 2:
            kiosk.handle(BackToMenu())
            break
        complete_step(kiosk)
        clock.advance(rng.randint(8, 40))
    if isinstance(kiosk.view().page, ConfidenceView):
        if _answer(kiosk, rng, tally.after, lesson_id, skip=0.1):
            _answer(kiosk, rng, tally.will_try, lesson_id, skip=0.2, values=(0, 1))
    kiosk.handle(EndSession())


def _call(kiosk: Kiosk, tally: Tally, where: tuple[str, int | None]) -> None:
    kiosk.handle(CallStaff())
    kiosk.handle(AnswerHelp("helped"))
    tally.help[where] += 1


def _answer(kiosk: Kiosk, rng: random.Random, answers: dict[str, list[int]], lesson_id: str, skip: float,
            values: tuple[int, ...] = (1, 2, 3)) -> bool:
    """Tap a face (or Có / Chưa), or skip; True when answered."""
    assert isinstance(kiosk.view().page, ConfidenceView)
    if rng.random() < skip:
        kiosk.handle(SkipConfidence())
        return False
    answer = rng.choice(values)
    kiosk.handle(AnswerConfidence(answer))
    answers[lesson_id].append(answer)
    return True


def add_solo_runs(store: ProgressStore, visit_ids: list[str], lesson_id: str, alone: list[bool]) -> None:
    """Tự làm runs as the solo mode records them (`lesson_runs`, schema v5; created here with the
    columns the report reads when this database predates it), each ended an hour into its visit."""
    table = store.db["lesson_runs"]
    if not table.exists():
        table.create({"id": str, "visit_id": str, "lesson_id": str, "mode": str, "started_at": str, "ended_at": str,
                      "status": str, "alone": int}, pk="id")
    for visit_id, done_alone in zip(visit_ids, alone, strict=False):
        started = store.db["visits"].get(visit_id)["started_at"]
        ended = (datetime.datetime.fromisoformat(started) + datetime.timedelta(hours=1)).isoformat(timespec="seconds")
        table.insert({"id": uuid.uuid4().hex, "visit_id": visit_id, "lesson_id": lesson_id, "mode": "solo",
                      "started_at": started, "ended_at": ended, "status": "completed" if done_alone else "left",
                      "alone": int(done_alone)})
