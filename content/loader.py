"""Load a lesson pack directory (`pack.yaml` + `lessons/*.yaml`) into the model.

`load_pack` never raises on bad content: it returns every problem it found, with its
location, and a Pack only when there are none — a broken pack is never half-loaded.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from content.fields import Fields
from content.model import (
    ELEMENT_KINDS,
    KEYBOARDS,
    SCHEMA_VERSION,
    STEP_KINDS,
    Element,
    Lesson,
    Pack,
    Problem,
    Screen,
    Step,
    Topic,
)
from content.validate import check_pack

log = logging.getLogger(__name__)

BUILTIN_PACKS = Path(__file__).parent / "packs"
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class LoadResult:
    pack: Pack | None
    problems: tuple[Problem, ...]


def load_pack(root: Path) -> LoadResult:
    root = Path(root)
    problems: list[Problem] = []
    header = _read_yaml(root / "pack.yaml", "pack.yaml", problems)
    f = Fields(header, "pack.yaml", problems)
    _check_schema(f)
    pack_id = f.text("id")
    version = f.integer("version", 0, 2**31)
    title = f.text("title")
    topics = tuple(_topic(f.child(raw, loc)) for loc, raw in f.items("topics"))
    f.finish()
    lesson_files = sorted((root / "lessons").glob("*.yaml")) if (root / "lessons").is_dir() else []
    if not lesson_files:
        problems.append(Problem("lessons/", "the pack has no lesson files (lessons/*.yaml)"))
    lessons = []
    for path in lesson_files:
        name = f"lessons/{path.name}"
        raw = _read_yaml(path, name, problems)
        if raw is not None:
            lessons.append(_lesson(Fields(raw, name, problems), path))
    pack = Pack(pack_id, version, title, topics, tuple(lessons), root)
    problems.extend(check_pack(pack))
    if problems:
        log.warning("pack %s has %d problem(s); not loaded", root, len(problems))
    return LoadResult(None if problems else pack, tuple(problems))


def _read_yaml(path: Path, name: str, problems: list[Problem]) -> Any:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, f"cannot read file: {exc.strerror or exc}"))
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.append(Problem(name, f"file is larger than {MAX_FILE_BYTES} bytes"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(f"{name}:{line}", f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8"))
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problems.append(Problem(where, f"not valid YAML: {getattr(exc, 'problem', None) or exc}"))
        return None


def _check_schema(f: Fields) -> None:
    version = f.integer("schema_version", 0, 10**6)
    if f.has("schema_version") and version != SCHEMA_VERSION:
        f.problem(f"unsupported schema_version {version}; this kiosk reads version {SCHEMA_VERSION}", "schema_version")


def _topic(f: Fields) -> Topic:
    topic = Topic(f.text("id"), f.text("title"), f.text("icon"))
    f.finish()
    return topic


def _lesson(f: Fields, path: Path) -> Lesson:
    _check_schema(f)
    data_fields = f.sub("data", required=False)
    data = {name: data_fields.texts(name) for name in data_fields.keys()}
    screens = {name: _screen(name, f.child(raw, loc)) for name, loc, raw in f.mapping("screens")}
    steps = []
    previous_screen = ""
    for loc, raw in f.items("steps"):
        step = _step(f.child(raw, loc), previous_screen)
        previous_screen = step.screen
        steps.append(step)
    lesson = Lesson(
        id=f.text("id"),
        topic=f.text("topic"),
        title=f.text("title"),
        description=f.text("description"),
        minutes=f.integer("minutes", 1, 60),
        difficulty=f.integer("difficulty", 1, 3),
        updated=f.text("updated"),
        sources=f.texts("sources"),
        recap=f.texts("recap"),
        data=data,
        screens=screens,
        steps=tuple(steps),
        source_file=path,
    )
    f.finish()
    return lesson


def _screen(screen_id: str, f: Fields) -> Screen:
    elements = []
    for loc, raw in f.items("elements"):
        e = f.child(raw, loc)
        kind = e.text("type")
        if kind and kind not in ELEMENT_KINDS:
            e.problem(f"unknown element type {kind!r}; known: {', '.join(sorted(ELEMENT_KINDS))}", "type")
        keyboard = e.text("keyboard", False, "text")
        if keyboard not in KEYBOARDS:
            e.problem(f"unknown keyboard {keyboard!r}; known: {', '.join(sorted(KEYBOARDS))}", "keyboard")
        elements.append(
            Element(
                id=e.text("id"),
                kind=kind,
                label=e.text("label", False),
                value=e.text("value", False),
                placeholder=e.text("placeholder", False),
                options=e.texts("options", False),
                keyboard=keyboard,
                sender=e.text("sender", False),
                tone=e.text("tone", False, "info"),
            )
        )
        e.finish()
    screen = Screen(screen_id, f.text("app"), f.text("title"), tuple(elements))
    f.finish()
    return screen


def _step(f: Fields, previous_screen: str) -> Step:
    kind = f.text("type")
    if kind and kind not in STEP_KINDS:
        f.problem(f"unknown step type {kind!r}; known: {', '.join(sorted(STEP_KINDS))}", "type")
    screen = f.text("screen", required=not previous_screen, default=previous_screen)
    step = Step(
        id=f.text("id"),
        kind=kind,
        screen=screen,
        instruction=f.text("say"),
        target=f.text("target", required=kind in {"tap", "type", "choose"}),
        expect=f.text("expect", False),
        rule=f.text("rule", False),
        same_as=f.text("same_as", False),
        hint=f.text("hint", False),
    )
    f.finish()
    return step
