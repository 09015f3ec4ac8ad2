"""A pack's optional intake (`intake.yaml`): at most three short questions asked when a visit
starts, and ordered rules from the answers to "Lộ trình gợi ý cho bác", 2–4 lessons in order.

`parse_intake` turns the file's YAML into frozen dataclasses, adding every problem (with its
location) to a list; `Intake.path` is the suggestion for a set of answers. The answers
themselves are the kiosk's business (kiosk/intake.py) and never leave the visit.
"""
from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from content.fields import Fields
from content.model import SCHEMA_VERSION, TOPIC_ICONS, Problem

INTAKE_FILE = "intake.yaml"
YES_NO = ("co", "chua", "khong-biet")  # a yes_no question's answers, shown as Có, Chưa, Không biết
KINDS = ("yes_no", "tiles")
MAX_QUESTIONS = 3  # a citizen answers them standing, before learning anything
TILES = (2, 6)  # how many picture tiles a tiles question may have
PATH = (2, 4)  # how many lessons a path may have (max_lessons is in this range)
SHOWN_GAPS = 3  # combinations of answers named when some give too short a path


@dataclass(frozen=True)
class Tile:
    """A picture tile answering a tiles question ("Làm căn cước, VNeID" with the id icon)."""

    id: str
    title: str
    icon: str  # a topic icon: phone, id, gov, health, shield, pay, chat


Conditions = tuple[tuple[str, tuple[str, ...]], ...]  # (question id, answers any of which will do), all to hold


def holds(when: Conditions, answers: Mapping[str, str]) -> bool:
    return all(answers.get(question) in accepted for question, accepted in when)


@dataclass(frozen=True)
class Question:
    """`when`: asked only if earlier answers hold (no VNeID question for someone who came to pay a fee)."""

    id: str
    ask: str  # shown and said
    kind: str  # "yes_no" (Có / Chưa / Không biết) | "tiles"
    tiles: tuple[Tile, ...] = ()
    when: Conditions = ()

    @property
    def answers(self) -> tuple[str, ...]:
        return YES_NO if self.kind == "yes_no" else tuple(tile.id for tile in self.tiles)


@dataclass(frozen=True)
class Rule:
    """Lessons suggested when every condition of `when` holds (no conditions: for everyone)."""

    when: Conditions
    lessons: tuple[str, ...]


@dataclass(frozen=True)
class Intake:
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    max_lessons: int = PATH[1]

    def path(self, answers: Mapping[str, str], available: Collection[str] | None = None) -> tuple[str, ...]:
        """The lessons of every rule that applies, in rule order, each once, at most
        `max_lessons`; only those in `available` when given (the lessons the kiosk has)."""
        lessons = (lesson for rule in self.rules if holds(rule.when, answers) for lesson in rule.lessons)
        kept = (lesson for lesson in dict.fromkeys(lessons) if available is None or lesson in available)
        return tuple(itertools.islice(kept, self.max_lessons))

    def next_question(self, after: int, answers: Mapping[str, str]) -> int | None:
        """The index of the first question after index `after` to ask, given `answers` (None: no more)."""
        return next((i for i in range(after + 1, len(self.questions)) if holds(self.questions[i].when, answers)), None)

    def every_answer(self) -> Iterator[dict[str, str]]:
        """Every way the questions can be answered (at most 6 × 6 × 6 of them), each once."""
        seen: set[tuple[tuple[str, str], ...]] = set()
        for combination in itertools.product(*(q.answers for q in self.questions)):
            answers: dict[str, str] = {}
            for question, answer in zip(self.questions, combination):
                if holds(question.when, answers):
                    answers[question.id] = answer
            if (key := tuple(answers.items())) not in seen:
                seen.add(key)
                yield answers


def parse_intake(raw: Any, lesson_ids: Collection[str], problems: list[Problem]) -> Intake:
    """The intake in `raw` (intake.yaml's YAML), checked against the pack's `lesson_ids`;
    every problem is added to `problems`."""
    before = len(problems)
    f = Fields(raw, INTAKE_FILE, problems)
    version = f.integer("schema_version", 0, 10**6)
    if f.has("schema_version") and version != SCHEMA_VERSION:
        f.problem(f"unsupported schema_version {version}; this kiosk reads version {SCHEMA_VERSION}", "schema_version")
    questions: list[Question] = []
    for loc, item in f.items("questions"):
        questions.append(_question(f.child(item, loc), {q.id: q for q in questions}, problems))
    if not questions and f.has("questions"):
        f.problem("an intake needs at least one question", "questions")
    if len(questions) > MAX_QUESTIONS:
        f.problem(f"{len(questions)} questions; ask at most {MAX_QUESTIONS}", "questions")
    _unique([q.id for q in questions], f"{INTAKE_FILE}.questions", "question", problems)
    by_id = {q.id: q for q in questions}
    rules = tuple(_rule(f.child(item, loc), by_id, lesson_ids) for loc, item in f.items("rules"))
    max_lessons = f.integer("max_lessons", *PATH, required=False, default=PATH[1])
    f.finish()
    intake = Intake(tuple(questions), rules, max_lessons)
    if len(problems) == before:  # only a sound intake can be judged by what it suggests
        problems.extend(_short_paths(intake))
    return intake


def _question(f: Fields, earlier: Mapping[str, Question], problems: list[Problem]) -> Question:
    """A question; its `when` may name only `earlier` questions (they are asked first)."""
    kind = f.text("kind")
    if kind and kind not in KINDS:
        f.problem(f"unknown kind {kind!r}; known: {', '.join(KINDS)}", "kind")
    tiles = tuple(_tile(f.child(item, loc)) for loc, item in f.items("tiles", required=kind == "tiles"))
    if kind == "tiles" and f.has("tiles") and not TILES[0] <= len(tiles) <= TILES[1]:
        f.problem(f"{len(tiles)} tiles; a tiles question has {TILES[0]} to {TILES[1]}", "tiles")
    if kind == "yes_no" and tiles:
        f.problem("a yes_no question is answered Có / Chưa / Không biết; tiles belong to a tiles question", "tiles")
    _unique([tile.id for tile in tiles], f"{f.location}.tiles", "tile", problems)
    question = Question(f.text("id"), _words(f, "ask"), kind, tiles, _when(f, earlier, earlier=True))
    f.finish()
    return question


def _tile(f: Fields) -> Tile:
    icon = f.text("icon")
    if icon and icon not in TOPIC_ICONS:
        f.problem(f"unknown icon {icon!r}; known: {', '.join(sorted(TOPIC_ICONS))}", "icon")
    tile = Tile(f.text("id"), _words(f, "title"), icon)
    f.finish()
    return tile


def _rule(f: Fields, questions: Mapping[str, Question], lesson_ids: Collection[str]) -> Rule:
    when = _when(f, questions)
    lessons = f.texts("lessons")
    if f.has("lessons") and not lessons:
        f.problem("a rule suggests at least one lesson", "lessons")
    for i, lesson_id in enumerate(lessons):
        if lesson_id not in lesson_ids:
            f.problem(f"lesson {lesson_id!r} is not in this pack", f"lessons[{i}]")
    f.finish()
    return Rule(when, lessons)


def _when(f: Fields, questions: Mapping[str, Question], earlier: bool = False) -> Conditions:
    """The optional `when`: question ids of `questions` (`earlier`: those asked before), each
    with an answer or a list of answers."""
    conditions = f.sub("when", required=False)
    when = []
    for question_id in conditions.keys():
        accepted = conditions.texts(question_id)
        question = questions.get(question_id)
        if question is None:
            known = ", ".join(questions) or "none"
            before = " asked before this one" if earlier else ""
            conditions.problem(f"no question {question_id!r}{before}; known: {known}", question_id)
        for answer in accepted:
            if question is not None and answer and answer not in question.answers:  # "": already reported
                conditions.problem(f"{answer!r} is not an answer of {question_id!r}; known: {', '.join(question.answers)}",
                                   question_id)
        when.append((question_id, accepted))
    return tuple(when)


def _words(f: Fields, key: str) -> str:
    """Vietnamese words a citizen reads and hears: required, and more than blanks."""
    text = f.text(key, required=False)
    if not text.strip():
        f.problem("missing: write the Vietnamese words a citizen reads and hears", key)
    return text


def _unique(ids: list[str], location: str, what: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for each in ids:
        if each in seen:
            problems.append(Problem(location, f"{what} id {each!r} is used more than once"))
        seen.add(each)


def _short_paths(intake: Intake) -> list[Problem]:
    """A problem when some answers would suggest fewer than PATH[0] lessons."""
    short = [answers for answers in intake.every_answer() if len(intake.path(answers)) < PATH[0]]
    if not short:
        return []
    named = "; ".join(", ".join(f"{q}: {a}" for q, a in answers.items()) for answers in short[:SHOWN_GAPS])
    more = f" and {len(short) - SHOWN_GAPS} more" if len(short) > SHOWN_GAPS else ""
    return [Problem(f"{INTAKE_FILE}.rules", f"{len(short)} way(s) of answering suggest fewer than {PATH[0]} lessons "
                                            f"({named}{more}); add a rule without `when` for everyone")]
