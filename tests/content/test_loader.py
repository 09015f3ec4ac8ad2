import shutil
from pathlib import Path

import pytest

from content.loader import BUILTIN_PACKS, load_pack
from content.validate import validate_pack_dir


def test_builtin_pack_loads_both_foundation_lessons(core_pack):
    ids = {lesson.id for lesson in core_pack.lessons}
    assert {"cham-vuot-go-chu", "vneid-kich-hoat-muc-2"} <= ids
    vneid = core_pack.lesson("vneid-kich-hoat-muc-2")
    kinds = {step.kind for step in vneid.steps}
    assert kinds == {"info", "tap", "type", "choose"}


@pytest.fixture
def broken_pack(tmp_path: Path) -> Path:
    root = tmp_path / "broken"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    lesson = root / "lessons" / "vneid-kich-hoat-muc-2.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("title: Kích hoạt tài khoản định danh điện tử mức 2 trên VNeID\n", "")  # missing field
    text = text.replace("type: choose\n    screen: question-1", "type: slide\n    screen: question-1")  # unknown step type
    text = text.replace("target: send\n", "target: no-such-button\n")  # target that does not exist
    lesson.write_text(text, encoding="utf-8")
    other = root / "lessons" / "cham-vuot-go-chu.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 99"), encoding="utf-8")
    (root / "lessons" / "latin1.yaml").write_bytes("title: Chạm\n".encode("utf-8") + "id: bài\n".encode("latin-1"))
    return root


def test_broken_pack_reports_every_problem_at_once_with_location(broken_pack):
    result = load_pack(broken_pack)
    assert result.pack is None
    text = "\n".join(str(p) for p in result.problems)
    assert "lessons/vneid-kich-hoat-muc-2.yaml.title: missing required field" in text
    assert "lessons/vneid-kich-hoat-muc-2.yaml.steps[14].type: unknown step type 'slide'" in text
    assert "lessons/vneid-kich-hoat-muc-2.yaml.steps[4].target: target 'no-such-button' does not exist on screen 'identity'" in text
    assert "lessons/cham-vuot-go-chu.yaml.schema_version: unsupported schema_version 99" in text
    assert "lessons/latin1.yaml:2: not valid UTF-8" in text


def test_validate_pack_dir_is_empty_for_a_good_pack():
    assert validate_pack_dir(BUILTIN_PACKS / "core") == []


def test_placeholders_and_rules_are_checked(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    lesson = root / "lessons" / "vneid-kich-hoat-muc-2.yaml"
    text = lesson.read_text(encoding="utf-8").replace("expect: \"{cccd}\"", "expect: \"{cmnd}\"")
    text = text.replace("rule: passcode", "rule: pin")
    lesson.write_text(text, encoding="utf-8")
    messages = [str(p) for p in validate_pack_dir(root)]
    assert any("placeholder {cmnd} is not defined" in m for m in messages)
    assert any("unknown rule 'pin'" in m for m in messages)


def test_missing_pack_directory_is_a_problem_not_a_crash(tmp_path):
    problems = validate_pack_dir(tmp_path / "nowhere")
    assert any(p.location == "pack.yaml" and "cannot read" in p.message for p in problems)


def test_pack_order_sets_the_menu_order_and_unknown_ids_are_problems(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    header = root / "pack.yaml"
    text = header.read_text(encoding="utf-8")
    text = text.replace("  - cham-vuot-go-chu\n  - nhan-ma-otp\n", "  - nhan-ma-otp\n  - cham-vuot-go-chu\n")
    header.write_text(text, encoding="utf-8")
    assert [lesson.id for lesson in load_pack(root).pack.lessons][:2] == ["nhan-ma-otp", "cham-vuot-go-chu"]
    header.write_text(text + "  - bai-khong-co\n", encoding="utf-8")
    assert [str(p) for p in validate_pack_dir(root)] == ["pack.yaml.order: lesson 'bai-khong-co' is not in lessons/"]
