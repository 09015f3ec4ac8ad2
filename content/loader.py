"""Load a lesson pack directory (`pack.yaml` + `lessons/*.yaml`) into the model.

`load_pack` never raises on bad content: it returns every problem it found, with its
location, and a Pack only when there are none — a broken pack is never half-loaded.
"""
from __future__ import annotations

import dataclasses
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from content.fields import Fields
from content.glossary import GLOSSARY_FILE, parse_glossary
from content.intake import INTAKE_FILE, parse_intake
from content import places
from content.model import (
    DEVICES,
    DIGITS_ONLY,
    ELEMENT_KINDS,
    KEYBOARDS,
    SCHEMA_VERSION,
    STEP_KINDS,
    TONES,
    Element,
    Lesson,
    Pack,
    Problem,
    Screen,
    Step,
    Topic,
)
from content.validate import check_pack, warn_pack

log = logging.getLogger(__name__)

BUILTIN_PACKS = Path(__file__).parent / "packs"
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class LoadResult:
    pack: Pack | None
    problems: tuple[Problem, ...]  # errors: the pack is not loaded
    warnings: tuple[Problem, ...] = ()  # what to improve (content/STYLE.md); the pack still loads


def load_pack(root: Path) -> LoadResult:
    root = Path(root)
    problems: list[Problem] = []
    before = len(problems)
    header = _read_yaml(root / "pack.yaml", "pack.yaml", problems)
    unreadable = len(problems) > before  # already reported: its fields would only add noise
    f = Fields({} if unreadable else header, "pack.yaml", [] if unreadable else problems)
    _check_schema(f)
    pack_id = f.text("id")
    version = f.integer("version", 0, 2**31)
    title = f.text("title")
    topics = tuple(_topic(f.child(raw, loc)) for loc, raw in f.items("topics"))
    order = f.texts("order", required=False)  # lesson ids in menu order; others follow by file name
    f.finish()
    lesson_files = sorted((root / "lessons").glob("*.yaml")) if (root / "lessons").is_dir() else []
    if not lesson_files:
        problems.append(Problem("lessons/", "the pack has no lesson files (lessons/*.yaml)"))
    lessons = []
    for path in lesson_files:
        name = f"lessons/{path.name}"
        before = len(problems)
        raw = _read_yaml(path, name, problems)
        if len(problems) == before:  # readable YAML (an empty file is reported as "found nothing")
            lessons.append(_lesson(Fields(raw, name, problems), path))
    for lesson_id in sorted(set(order) - {lesson.id for lesson in lessons}):
        problems.append(Problem("pack.yaml.order", f"lesson {lesson_id!r} is not in lessons/"))
    lessons.sort(key=lambda lesson: order.index(lesson.id) if lesson.id in order else len(order))
    pack = Pack(pack_id, version, title, topics, tuple(lessons), root)
    problems.extend(check_pack(pack))
    pack = _with_intake(pack, root, problems)
    pack = _with_glossary(pack, root, problems)
    if problems:
        log.warning("pack %s has %d problem(s); not loaded", root, len(problems))
    return LoadResult(None if problems else pack, tuple(problems), tuple(warn_pack(pack)))


def _with_intake(pack: Pack, root: Path, problems: list[Problem]) -> Pack:
    """The pack with its intake.yaml if it has one (content.intake); its problems go to `problems`."""
    found, raw = _optional_yaml(root, INTAKE_FILE, problems)
    if not found:
        return pack
    return dataclasses.replace(pack, intake=parse_intake(raw, {lesson.id for lesson in pack.lessons}, problems))


def _with_glossary(pack: Pack, root: Path, problems: list[Problem]) -> Pack:
    """The pack with its glossary.yaml if it has one (content.glossary); its problems go to `problems`."""
    found, raw = _optional_yaml(root, GLOSSARY_FILE, problems)
    if not found:
        return pack
    return dataclasses.replace(pack, glossary=parse_glossary(raw, problems))


def _optional_yaml(root: Path, name: str, problems: list[Problem]) -> tuple[bool, Any]:
    """An optional file of the pack, read: (False, None) when it is absent or cannot be read
    (that problem goes to `problems`)."""
    path = root / name
    if not path.exists():
        return False, None
    before = len(problems)
    raw = _read_yaml(path, name, problems)
    return len(problems) == before, raw


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
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present: 10× faster
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
    variants = []
    for loc, raw in f.items("variants", required=False):
        v = f.child(raw, loc)
        variants.append({name: v.text(name) for name in v.keys()})
    screens = {name: _screen(name, f.child(raw, loc)) for name, loc, raw in f.mapping("screens")}
    steps: list[Step] = []
    for loc, raw in f.items("steps"):
        steps.append(_step(f.child(raw, loc), steps[-1] if steps else None))
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
        variants=tuple(variants),
        remember=f.text("remember", False),
        source_file=path,
        goal=f.text("goal", False),
        card=tuple(_row(f.child(raw, loc)) for loc, raw in f.items("card", required=False)),
        judged=f.flag("judged"),
    )
    f.finish()
    return lesson


def _screen(screen_id: str, f: Fields) -> Screen:
    elements = [_element(f.child(raw, loc)) for loc, raw in f.items("elements")]
    device = f.text("device", False, "phone")
    if device not in DEVICES:
        f.problem(f"unknown device {device!r}; known: {', '.join(sorted(DEVICES))}", "device")
    screen = Screen(screen_id, f.text("app"), f.text("title"), tuple(elements), device)
    f.finish()
    return screen


def _element(e: Fields) -> Element:
    kind = e.text("type")
    if kind and kind not in ELEMENT_KINDS:
        e.problem(f"unknown element type {kind!r}; known: {', '.join(sorted(ELEMENT_KINDS))}", "type")
    keyboard = e.text("keyboard", False, "digits" if kind in DIGITS_ONLY else "text")
    if keyboard not in KEYBOARDS:
        e.problem(f"unknown keyboard {keyboard!r}; known: {', '.join(sorted(KEYBOARDS))}", "keyboard")
    tone = e.text("tone", False, "info")
    if tone not in TONES:
        e.problem(f"unknown tone {tone!r}; known: {', '.join(sorted(TONES))}", "tone")
    options = e.texts("options", False)
    if e.has("options_from"):
        if options:
            e.problem("give either options or options_from, not both", "options_from")
        options = _options_from(e)
    element = Element(
        id=e.text("id"),
        kind=kind,
        label=e.text("label", False),
        value=e.text("value", False),
        placeholder=e.text("placeholder", False),
        options=options,
        keyboard=keyboard,
        sender=e.text("sender", False),
        tone=tone,
        shuffle=e.flag("shuffle"),
        length=e.integer("length", 4, 8, required=False, default=6 if kind == "otp" else 0),
        rows=tuple(_row(e.child(raw, loc)) for loc, raw in e.items("rows", required=False)),
    )
    e.finish()
    return element


def _options_from(e: Fields) -> tuple[str, ...]:
    """`provinces` or `communes:<province name or code>`, from the administrative units package."""
    source = e.text("options_from")
    kind, _, province = source.partition(":")
    if source == "provinces":
        return tuple(p.option for p in places.provinces())
    if kind == "communes" and province:
        found = places.find_province(province)
        if found is None:
            e.problem(f"no province {province!r} among the 34 provinces since 01/7/2025", "options_from")
            return ()
        return found.communes
    e.problem(f"unknown options source {source!r}; use provinces or communes:<province>", "options_from")
    return ()


def _row(f: Fields) -> tuple[str, str]:
    """One `label: value` line of a summary."""
    labels = f.keys()
    if len(labels) != 1:
        f.problem("a row is one 'label: value' pair")
        return "", ""
    label = labels[0]
    if unicodedata.normalize("NFC", label) != label:
        f.problem("text is not in Unicode NFC form (retype the diacritics)", label)
    return label, f.text(label)


def _why(f: Fields) -> tuple[tuple[str, str], ...]:
    """`why: {answer: text}`: what to say when that answer is given."""
    for key in f.keys():
        if unicodedata.normalize("NFC", key) != key:
            f.problem("text is not in Unicode NFC form (retype the diacritics)", key)
    return tuple((key, f.text(key)) for key in f.keys())


def _step(f: Fields, previous: Step | None) -> Step:
    """One step; `screen` and `computer` default to the previous step's (`computer: ""` clears it)."""
    kind = f.text("type")
    if kind and kind not in STEP_KINDS:
        f.problem(f"unknown step type {kind!r}; known: {', '.join(sorted(STEP_KINDS))}", "type")
    screen = f.text("screen", required=previous is None, default=previous.screen if previous else "")
    computer = f.text("computer", False) if f.has("computer") else previous.computer if previous else ""
    step = Step(
        id=f.text("id"),
        kind=kind,
        screen=screen,
        instruction=f.text("say"),
        target=f.text("target", required=kind in {"tap", "type", "choose", "choose_many"}),
        expect=f.text("expect", False),
        rule=f.text("rule", False),
        same_as=f.text("same_as", False),
        hint=f.text("hint", False),
        explain=f.text("explain", False),
        targets=f.texts("targets", required=kind == "choose_many"),
        direction=f.text("direction", required=kind == "swipe"),
        needs=f.texts("needs", required=False),
        computer=computer,
        also_right=f.texts("also_right", required=False),
        safe=f.texts("safe", required=False),
        why=_why(f.sub("why", required=False)),
    )
    f.finish()
    return step
