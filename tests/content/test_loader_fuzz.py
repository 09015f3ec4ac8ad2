"""Random and broken packs: the loader never crashes and never returns a pack with problems."""
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.loader import BUILTIN_PACKS, load_pack

LESSON = BUILTIN_PACKS / "core" / "lessons" / "vneid-kich-hoat-muc-2.yaml"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True), st.text(max_size=12),
    st.dates(), st.sampled_from(["tap", "type", "choose", "choose_many", "info", "select", "otp", "{x}", "communes:Đồng Nai"]),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.one_of(st.text(max_size=8), st.integers(0, 3), st.sampled_from(
        ["id", "type", "target", "targets", "screen", "steps", "screens", "elements", "data", "variants", "rows", "options_from"])),
        children, max_size=5),
    max_leaves=25,
)


def fresh_pack(tmp_path: Path, name: str) -> Path:
    """A good pack with one real lesson, for one example to break."""
    root = tmp_path / name
    if root.exists():
        shutil.rmtree(root)
    (root / "lessons").mkdir(parents=True)
    shutil.copy(BUILTIN_PACKS / "core" / "pack.yaml", root)
    shutil.copy(LESSON, root / "lessons")
    return root


def assert_refused(root: Path) -> None:
    result = load_pack(root)
    assert result.pack is None
    assert result.problems and all(p.location and p.message for p in result.problems)


@FUZZ
@given(data=yaml_values)
def test_random_yaml_structures_as_a_lesson(tmp_path, data):
    root = fresh_pack(tmp_path, "structure")
    (root / "lessons" / "zz-random.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert_refused(root)


@FUZZ
@given(data=yaml_values)
def test_random_yaml_structures_as_the_pack_header(tmp_path, data):
    root = fresh_pack(tmp_path, "header")
    (root / "pack.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert_refused(root)


@FUZZ
@given(blob=st.binary(max_size=400))
def test_random_bytes(tmp_path, blob):
    root = fresh_pack(tmp_path, "bytes")
    (root / "lessons" / "zz-bytes.yaml").write_bytes(blob)
    assert_refused(root)


@FUZZ
@given(cut=st.integers(0, len(LESSON.read_bytes()) - 1))
def test_truncated_lesson_files(tmp_path, cut):
    root = fresh_pack(tmp_path, "cut")
    text = LESSON.read_bytes()
    (root / "lessons" / LESSON.name).write_bytes(text[:cut])
    if cut < text.index(b"\nsteps:"):
        assert_refused(root)
    else:  # cut between or inside the steps: may still be a good, shorter lesson
        result = load_pack(root)
        assert (result.pack is None) == bool(result.problems)


@FUZZ
@given(path=st.lists(st.sampled_from(["steps", "screens", 0, 3, "elements", "target", "type", "options", "data", "cccd"]),
                     min_size=1, max_size=4), value=yaml_values)
def test_one_field_of_a_real_lesson_replaced_at_random(tmp_path, path, value):
    root = fresh_pack(tmp_path, "mutant")
    lesson = yaml.safe_load(LESSON.read_text(encoding="utf-8"))
    where = lesson
    for key in path[:-1]:
        if isinstance(where, dict) and key in where:
            where = where[key]
        elif isinstance(where, list) and isinstance(key, int) and key < len(where):
            where = where[key]
    last = path[-1]
    if isinstance(where, list) and isinstance(last, int) and last < len(where):
        original = where[last]
        where[last] = value
    elif isinstance(where, dict):
        original = where.get(last, object())
        where[last] = value
    else:
        return
    (root / "lessons" / LESSON.name).write_text(yaml.safe_dump(lesson, allow_unicode=True), encoding="utf-8")
    result = load_pack(root)
    if value != original:  # a change may by luck still be valid: then it must load cleanly
        assert (result.pack is None) == bool(result.problems)
