"""A pack's intake.yaml: a few questions and ordered rules from the answers to a path of 2–4
lessons. It loads with the pack; every problem in it is found in one run, with its location."""
import shutil

import pytest
import yaml

from content.intake import PATH, YES_NO
from content.loader import BUILTIN_PACKS, load_pack
from kiosk.cli import main

GOOD = {
    "schema_version": 1,
    "max_lessons": 3,
    "questions": [
        {"id": "cam-ung", "ask": "Bác đã dùng điện thoại cảm ứng bao giờ chưa?", "kind": "yes_no"},
        {"id": "viec", "ask": "Hôm nay bác cần làm việc gì?", "kind": "tiles", "tiles": [
            {"id": "vneid", "title": "Làm căn cước, VNeID", "icon": "id"},
            {"id": "lua", "title": "Tránh bị lừa đảo", "icon": "shield"},
        ]},
        {"id": "co-vneid", "ask": "Bác đã có tài khoản VNeID chưa?", "kind": "yes_no", "when": {"viec": "vneid"}},
    ],
    "rules": [
        {"when": {"cam-ung": ["chua", "khong-biet"]}, "lessons": ["cham-vuot-go-chu"]},
        {"when": {"viec": "vneid", "co-vneid": "chua"}, "lessons": ["vneid-kich-hoat-muc-2", "vneid-dang-nhap"]},
        {"when": {"viec": "lua"}, "lessons": ["an-toan-gia-danh-cong-an"]},
        {"lessons": ["nhan-ma-otp", "an-toan-gia-danh-cong-an"]},
    ],
}


def pack_with(tmp_path, intake):
    """The built-in pack with `intake` (a mapping, or the file's text) as its intake.yaml."""
    root = tmp_path / "pack"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    text = intake if isinstance(intake, str) else yaml.safe_dump(intake, allow_unicode=True, sort_keys=False)
    (root / "intake.yaml").write_text(text, encoding="utf-8")
    return root


def problems_of(tmp_path, intake):
    result = load_pack(pack_with(tmp_path, intake))
    assert result.pack is None
    return {str(p) for p in result.problems}


def test_the_built_in_intake_asks_three_questions_and_starts_a_newcomer_on_touch_basics(core_pack):
    intake = core_pack.intake
    assert [q.kind for q in intake.questions] == ["yes_no", "tiles", "yes_no"]
    needs = intake.questions[1]
    assert 4 <= len(needs.tiles) <= 6 and needs.ask == "Hôm nay bác cần làm việc gì?"
    lesson_ids = {lesson.id for lesson in core_pack.lessons}
    for answers in intake.every_answer():
        path = intake.path(answers)
        assert PATH[0] <= len(path) <= PATH[1] and set(path) <= lesson_ids, answers
        if answers["cam-ung"] != "co":  # never used a touch phone (or not sure): touching first
            assert path[:2] == ("cham-vuot-go-chu", "nhan-ma-otp"), answers
    asked = {len(answers) for answers in intake.every_answer()}
    assert asked == {2, 3}  # the VNeID question only for those who came about VNeID or papers



def test_the_built_in_intake_reaches_each_newer_lesson_from_the_tile_it_fits(core_pack):
    intake = core_pack.intake

    def reached(tile: str) -> set[str]:
        return {lesson for answers in intake.every_answer() if answers["viec-can-lam"] == tile
                for lesson in intake.path(answers)}

    assert {"vssid-the-bhyt", "vneid-so-suc-khoe", "dat-lich-kham-benh"} <= reached("suc-khoe")
    assert {"thanh-toan-qr", "luong-huu-tai-khoan"} <= reached("tra-phi")
    assert "an-toan-bao-lua-dao" in reached("tranh-lua")
    assert "goi-video-gia-dinh" in reached("tap-cho-quen")
    tiles = {tile.id: tile.icon for tile in intake.questions[1].tiles}
    assert tiles["suc-khoe"] == "health"

def test_a_path_takes_every_rule_that_applies_in_order_each_lesson_once_up_to_max_lessons(tmp_path):
    intake = load_pack(pack_with(tmp_path, GOOD)).pack.intake
    assert intake.path({"cam-ung": "chua", "viec": "vneid", "co-vneid": "chua"}) == (
        "cham-vuot-go-chu", "vneid-kich-hoat-muc-2", "vneid-dang-nhap")  # cut at max_lessons 3
    assert intake.path({"cam-ung": "co", "viec": "lua"}) == ("an-toan-gia-danh-cong-an", "nhan-ma-otp")
    assert intake.path({"cam-ung": "co", "viec": "lua"}, available={"nhan-ma-otp"}) == ("nhan-ma-otp",)
    assert intake.next_question(1, {"viec": "lua"}) is None  # the VNeID question is not asked
    assert intake.next_question(1, {"viec": "vneid"}) == 2
    assert len(list(intake.every_answer())) == len(YES_NO) * (len(YES_NO) + 1)


def test_a_pack_without_intake_yaml_has_no_intake(tmp_path):
    root = pack_with(tmp_path, GOOD)
    (root / "intake.yaml").unlink()
    result = load_pack(root)
    assert result.problems == () and result.pack.intake is None


def test_every_problem_of_an_intake_is_found_in_one_run_with_its_location(tmp_path):
    broken = {
        "schema_version": 1,
        "max_lessons": 7,
        "questions": [
            {"id": "cam-ung", "ask": "   ", "kind": "yes_no"},
            {"id": "viec", "ask": "Hôm nay bác cần làm việc gì?", "kind": "pictures", "when": {"sau": "co"}},
            {"id": "tiles", "ask": "Bác muốn học gì?", "kind": "tiles", "tiles": [
                {"id": "a", "title": "Một", "icon": "camera"}, {"id": "a", "title": "", "icon": "id"}]},
            {"id": "sau", "ask": "Câu thứ tư?", "kind": "yes_no", "tiles": [{"id": "x", "title": "X", "icon": "id"}]},
        ],
        "rules": [
            {"when": {"cam-ung": "maybe", "khong-co": "co"}, "lessons": ["cham-vuot-go-chu", "bai-khong-co"]},
            {"lessons": []},
        ],
        "colour": "red",
    }
    assert problems_of(tmp_path, broken) == {
        "intake.yaml.max_lessons: must be between 2 and 4, found 7",
        "intake.yaml.questions: 4 questions; ask at most 3",
        "intake.yaml.questions[0].ask: missing: write the Vietnamese words a citizen reads and hears",
        "intake.yaml.questions[1].kind: unknown kind 'pictures'; known: yes_no, tiles",
        "intake.yaml.questions[1].when.sau: no question 'sau' asked before this one; known: cam-ung",
        "intake.yaml.questions[2].tiles[0].icon: unknown icon 'camera'; known: chat, gov, health, id, pay, phone, shield",
        "intake.yaml.questions[2].tiles[1].title: missing: write the Vietnamese words a citizen reads and hears",
        "intake.yaml.questions[2].tiles: tile id 'a' is used more than once",
        "intake.yaml.questions[3].tiles: a yes_no question is answered Có / Chưa / Không biết; tiles belong to a tiles question",
        "intake.yaml.rules[0].when.cam-ung: 'maybe' is not an answer of 'cam-ung'; known: co, chua, khong-biet",
        "intake.yaml.rules[0].when.khong-co: no question 'khong-co'; known: cam-ung, viec, tiles, sau",
        "intake.yaml.rules[0].lessons[1]: lesson 'bai-khong-co' is not in this pack",
        "intake.yaml.rules[1].lessons: a rule suggests at least one lesson",
        "intake.yaml.colour: unknown field (misspelt?)",
    }


@pytest.mark.parametrize(("text", "expected"), [
    ("questions: [\n", "intake.yaml:2: not valid YAML"),
    ("schema_version: 2\n", "intake.yaml.schema_version: unsupported schema_version 2"),
    ("", "intake.yaml: expected a mapping, found nothing"),
    # YAML reads a bare yes/no as true/false: the answer ids are co, chua, khong-biet
    (yaml.safe_dump({**GOOD, "rules": [{"when": {"cam-ung": True}, "lessons": ["nhan-ma-otp"]}]}),
     "intake.yaml.rules[0].when.cam-ung.0: expected text, found true/false"),
])
def test_an_unreadable_intake_says_where(tmp_path, text, expected):
    assert any(problem.startswith(expected) for problem in problems_of(tmp_path, text))


def test_answers_that_suggest_too_few_lessons_are_named(tmp_path):
    short = {**GOOD, "rules": GOOD["rules"][:3]}  # no rule for everyone
    (problem,) = problems_of(tmp_path, short)
    assert problem.startswith("intake.yaml.rules: 7 way(s) of answering suggest fewer than 2 lessons (cam-ung: co, viec: vneid, ")
    assert "add a rule without `when` for everyone" in problem


def test_pack_validate_reports_intake_problems_and_names_a_good_intake(tmp_path, capsys):
    broken = {**GOOD, "rules": [*GOOD["rules"], {"lessons": ["khong-co-bai-nay"]}]}
    assert main(["pack", "validate", str(pack_with(tmp_path, broken))]) == 1
    assert "intake.yaml.rules[4].lessons[0]: lesson 'khong-co-bai-nay' is not in this pack" in capsys.readouterr().out
    assert main(["pack", "validate", str(BUILTIN_PACKS / "core")]) == 0
    assert "an intake of 3 questions" in capsys.readouterr().out
