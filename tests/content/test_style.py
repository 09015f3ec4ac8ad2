"""The style sheet's checks: the kiosk's own words in a lesson are warned about (never refused)
when they use a word content/STYLE.md avoids, "bấm" for a thing on the screen or "ô" for what
is not a field; a lesson without a source a reviewer can open is refused."""
import copy
import re
from pathlib import Path

import pytest

from content.loader import load_pack
from content.style import AVOID
from kiosk.cli import main
from tests.content.test_format import refused_with, write_pack

SOURCE = "Hướng dẫn mẫu — Bộ Công an, 01/8/2025 — https://bocongan.gov.vn/huong-dan"
LESSON = {
    "schema_version": 1, "id": "mau", "topic": "an-toan", "title": "Bài mẫu", "description": "Tập gõ số định danh cá nhân.",
    "minutes": 4, "difficulty": 1, "updated": "2026-11-27", "sources": [SOURCE], "recap": ["Chạm vào nút Gửi."],
    "screens": {
        "home": {"app": "VNeID", "title": "Trang chủ", "elements": [
            {"id": "wallet", "type": "tile", "label": "Ví giấy tờ"},
            {"id": "cccd", "type": "field", "label": "Số định danh cá nhân", "keyboard": "digits"},
            {"id": "send", "type": "button", "label": "Gửi"},
            {"id": "scam", "type": "sms", "sender": "Lạ", "value": "CCCD của ông/bà bị khóa, bấm link."},
        ]},
    },
    "steps": [
        {"id": "intro", "type": "info", "screen": "home", "say": "Bác gõ số định danh vào ô Số định danh cá nhân, rồi bấm Xong."},
        {"id": "send", "type": "tap", "say": "Bác chạm vào nút Gửi.", "target": "send"},
    ],
}


def warnings_of(tmp_path: Path, lesson: dict) -> list[str]:
    result = load_pack(write_pack(tmp_path / "p", lesson))
    assert result.problems == () and result.pack is not None  # warnings never keep a pack out
    return [str(w) for w in result.warnings]


def changed(**steps) -> dict:
    lesson = copy.deepcopy(LESSON)
    for index, say in steps.items():
        lesson["steps"][int(index.removeprefix("s"))]["say"] = say
    return lesson


def test_a_lesson_in_the_style_sheets_words_has_no_warnings(tmp_path):
    assert warnings_of(tmp_path, LESSON) == []  # the screen's own "CCCD", "ông/bà", "bấm link" are the scam's words


@pytest.mark.parametrize(("say", "found"), [
    ("Bác gõ số CCCD rồi bấm Xong.", "'CCCD'"),
    ("Bác mang thẻ căn cước công dân đến.", "'căn cước công dân'"),
    ("Bác gõ mật mã 6 số.", "'mật mã'"),
    ("Mã đến qua SMS.", "'SMS'"),
    ("Bác nhấn vào nút Gửi.", "'nhấn'"),
    ("Bác gõ 6 số vào các ô.", "'các ô'"),
    ("Bác chạm vào ô vuông để đánh dấu.", "'ô vuông'"),
    ("Mời ông/bà chạm Gửi.", "'ông/bà'"),
    ("Bác bấm nút \"Gửi\".", "bấm 'Gửi'"),
    ("Bác chạm vào ô Ví giấy tờ.", "ô 'Ví giấy tờ'"),
])
def test_words_outside_the_style_sheet_are_warned_about_where_they_are(tmp_path, say, found):
    warnings = warnings_of(tmp_path, changed(s1=say))
    assert len(warnings) == 1 and warnings[0].startswith("lessons/mau.yaml.steps[1].say: ") and found in warnings[0]
    assert "content/STYLE.md" in warnings[0]


def test_keys_and_fields_are_not_mistaken_for_things_to_touch(tmp_path):
    assert warnings_of(tmp_path, changed(s1="Bác gõ vào ô Số định danh cá nhân, bấm Xong, rồi chạm vào mục Ví giấy tờ.")) == []


def test_a_lesson_without_a_source_with_an_address_is_refused(tmp_path, capsys):
    problems = refused_with(tmp_path / "p", LESSON, lambda lesson: lesson.update(sources=["Bộ Công an, hướng dẫn VNeID"]))
    assert problems == [(
        'lessons/mau.yaml.sources: no source with an address: list the public guide(s) this lesson follows as '
        '"Title — Publisher, dd/mm/yyyy — https://…" (content/STYLE.md, Sources)')]
    assert main(["pack", "validate", str(tmp_path / "p")]) == 1
    assert "lessons/mau.yaml.sources: no source with an address" in capsys.readouterr().out


def test_validate_prints_warnings_and_passes_a_pack_with_only_warnings(tmp_path, capsys):
    root = write_pack(tmp_path / "p", changed(s1="Bác nhấn vào nút Gửi."))
    assert main(["pack", "validate", str(root)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("warning: lessons/mau.yaml.steps[1].say: 'nhấn'")
    assert "OK: pack 'mau'" in captured.out and "1 warning(s)" in captured.err


def test_the_style_sheet_lists_every_word_the_validator_warns_about():
    table = (Path(__file__).parents[2] / "content" / "STYLE.md").read_text(encoding="utf-8")
    avoided = re.findall(r"^\| ([^|]+) \| [^|]+ \|$", table.split("## Words to avoid")[1], re.MULTILINE)
    for _, words, _ in AVOID:
        assert words in avoided, f"content/STYLE.md's 'Words to avoid' has no row for {words!r}"
