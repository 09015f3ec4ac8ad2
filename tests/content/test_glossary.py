"""A pack's glossary.yaml: words a citizen may not know, each explained in one sentence. It loads
with the pack; the finder sees the words in lesson text by itself; every problem with the file
is found in one run, with its location, and what an author should improve is warned about."""
import copy
import shutil
import unicodedata

import pytest
import yaml

from content.glossary import Glossary, Term
from content.loader import BUILTIN_PACKS, load_pack
from kiosk.cli import main
from tests.content.test_format import write_pack
from tests.content.test_style import LESSON

GOOD = {"schema_version": 1, "terms": [
    {"term": "mã OTP", "also": ["OTP"], "says": "Mã OTP là dãy số gửi qua tin nhắn, chỉ dùng một lần."},
    {"term": "số định danh cá nhân", "also": ["số định danh"], "says": "Số định danh cá nhân là 12 số in trên thẻ căn cước."},
    {"term": "Ví giấy tờ", "says": "Ví giấy tờ là mục trong VNeID giữ các giấy tờ của bác."},
]}


def with_glossary(tmp_path, glossary, lesson=LESSON):
    """A one-lesson pack (tests/content/test_style.LESSON) with `glossary` (a mapping, or the file's text)."""
    root = write_pack(tmp_path / "p", lesson)
    text = glossary if isinstance(glossary, str) else yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False)
    (root / "glossary.yaml").write_text(text, encoding="utf-8")
    return load_pack(root)


def problems_of(tmp_path, glossary):
    result = with_glossary(tmp_path, glossary)
    assert result.pack is None
    return {str(p) for p in result.problems}


def warnings_of(tmp_path, glossary=GOOD, lesson=LESSON):
    result = with_glossary(tmp_path, glossary, lesson)
    assert result.problems == () and result.pack is not None  # warnings never keep a pack out
    return [str(w) for w in result.warnings]


def test_the_built_in_glossary_explains_the_words_the_issue_names_and_is_used_by_the_lessons(core_pack):
    glossary = core_pack.glossary
    assert 15 <= len(glossary.terms) <= 30
    for word in ("passcode", "tích hợp", "liên thông", "án tích", "định danh mức 2", "OTP", "mã hồ sơ"):
        assert glossary.find(f"Bác xem {word} nhé."), word
    for term in glossary.terms:
        assert unicodedata.normalize("NFC", term.says) == term.says and term.says.endswith(".")
        assert term in glossary.find(term.says), term  # it names the word it explains
    said = {term for lesson in core_pack.lessons for step in lesson.steps for term in glossary.find(step.instruction)}
    assert said == set(glossary.terms)  # every word has a step where its button shows


def test_the_finder_takes_whole_words_in_any_case_the_longest_form_first_each_once():
    otp = Term("mã OTP", "Mã OTP là …", ("OTP",))
    number = Term("số định danh cá nhân", "…", ("số định danh",))
    account = Term("định danh điện tử", "…", ("tài khoản định danh điện tử",))
    glossary = Glossary((otp, number, account))
    assert glossary.find("Gõ MÃ OTP, rồi gõ lại mã  otp.") == (otp,)
    assert glossary.find("Gõ số định danh cá nhân vào tài khoản định danh điện tử.") == (number, account)
    assert glossary.find("Đọc OTP cho ai? Không! Số định danh là 12 số.") == (otp, number)
    assert glossary.find("OTPs và passcode6 không phải từ đó; gõ mã OTP.") == (otp,)
    assert [m.group() for m in glossary.matches("mã OTP, OTP")] == ["mã OTP", "OTP"]
    assert glossary.find("") == () and Glossary(()).find("mã OTP") == ()


def test_a_pack_without_a_glossary_loads_as_before(tmp_path):
    result = load_pack(write_pack(tmp_path / "p", LESSON))
    assert result.pack is not None and result.pack.glossary is None


@pytest.mark.parametrize(("change", "problem"), [
    (lambda g: g.update(schema_version=2), "glossary.yaml.schema_version: unsupported schema_version 2"),
    (lambda g: g.pop("terms"), "glossary.yaml.terms: missing required field"),
    (lambda g: g.update(terms=[]), "glossary.yaml.terms: a glossary needs at least one term"),
    (lambda g: g.update(terms={"term": "OTP"}), "glossary.yaml.terms: expected a list, found a mapping"),
    (lambda g: g.update(words=[]), "glossary.yaml.words: unknown field (misspelt?)"),
    (lambda g: g["terms"][0].pop("says"), "glossary.yaml.terms[0].says: missing required field"),
    (lambda g: g["terms"][0].update(says="  "), "glossary.yaml.terms[0].says: missing: write in one sentence"),
    (lambda g: g["terms"][0].update(says="Mã OTP là một mã. Nó gửi qua tin nhắn."),
     "glossary.yaml.terms[0].says: more than one sentence"),
    (lambda g: g["terms"][0].pop("term"), "glossary.yaml.terms[0].term: missing required field"),
    (lambda g: g["terms"][0].update(term=" mã OTP"), "glossary.yaml.terms[0].term: write the word without spaces"),
    (lambda g: g["terms"][0].update(also="OTP", mean="…"), "glossary.yaml.terms[0].mean: unknown field (misspelt?)"),
    (lambda g: g["terms"][0].update(term="ma\u0303 OTP"), "glossary.yaml.terms[0].term: text is not in Unicode NFC form"),
    (lambda g: g["terms"][2].update(term="Mã  otp"), "glossary.yaml.terms[2].term: 'Mã  otp' is already a term or a form "
                                                       "of glossary.yaml.terms[0]"),
    (lambda g: g["terms"][1]["also"].append("otp"), "glossary.yaml.terms[1].also[1]: 'otp' is already"),
    (lambda g: g["terms"].append("OTP"), "glossary.yaml.terms[3]: expected a mapping, found text"),
])
def test_every_problem_of_a_broken_glossary_is_found_with_its_place(tmp_path, change, problem):
    glossary = copy.deepcopy(GOOD)
    change(glossary)
    found = problems_of(tmp_path, glossary)
    assert any(p.startswith(problem) for p in found), found


def test_an_unreadable_glossary_keeps_the_pack_out_and_says_where(tmp_path):
    (unreadable,) = problems_of(tmp_path, "terms: [")
    assert unreadable.startswith("glossary.yaml:2: not valid YAML: ")
    assert problems_of(tmp_path / "b", "- a list") == {"glossary.yaml: expected a mapping, found a list",
                                                 "glossary.yaml.schema_version: missing required field",
                                                 "glossary.yaml.terms: missing required field"}


def test_a_glossary_fit_for_its_lessons_has_no_warnings(tmp_path):
    # LESSON's steps say "số định danh"; the other words are in no step of this one-lesson pack
    assert warnings_of(tmp_path) == [
        "glossary.yaml.terms[0].term: 'mã OTP' is in no step's `say`: its button never shows",
        "glossary.yaml.terms[2].term: 'Ví giấy tờ' is in no step's `say`: its button never shows",
    ]


def test_a_word_used_before_a_step_says_it_is_warned_about_where_it_is_used(tmp_path):
    lesson = copy.deepcopy(LESSON)
    lesson["title"] = "Gõ mã OTP"
    lesson["recap"] = ["Mở Ví giấy tờ.", "Gõ số định danh cá nhân."]
    lesson["steps"][1]["say"] = "Bác chạm vào nút Gửi để nhận mã OTP."  # a step says it: the title is fine
    lesson["steps"][0]["hint"] = "Ví giấy tờ ở dưới."  # a hint shows its own button when shown
    warnings = warnings_of(tmp_path, lesson=lesson)
    assert [w for w in warnings if w.startswith("lessons/")] == [
        "lessons/mau.yaml.recap[0]: 'Ví giấy tờ' (glossary) is used here before it is explained: no step's `say` has "
        "it, so its button never shows in this lesson; say it in a step, or use other words here"]


def test_a_word_run_on_into_latin_letters_is_warned_about_and_a_vietnamese_syllable_is_not(tmp_path):
    lesson = copy.deepcopy(LESSON)
    lesson["steps"][1]["say"] = "Bác chạm vào nút Gửi, rồi gõ các OTPs."
    warnings = warnings_of(tmp_path, lesson=lesson)
    assert ("lessons/mau.yaml.steps[1].say: 'OTPs' runs on into the next letters, so the button for 'mã OTP' "
            "(glossary) will not show: write it as a word of its own") in warnings
    balance = {"schema_version": 1, "terms": [{"term": "số dư", "says": "Số dư là số tiền đang có trong tài khoản."}]}
    lesson["steps"][1]["say"] = "Bác chạm vào số dưới cùng, số dư ở trên."
    assert warnings_of(tmp_path / "b", balance, lesson) == []


def test_an_explanation_in_words_the_style_sheet_avoids_too_long_or_not_naming_its_word_is_warned_about(tmp_path):
    glossary = copy.deepcopy(GOOD)
    glossary["terms"][0]["says"] = "Mã OTP là mã gửi qua SMS."
    glossary["terms"][1]["says"] = "Số định danh cá nhân là " + "rất " * 30 + "dài."
    glossary["terms"][2]["says"] = "Đây là chỗ giữ giấy tờ."
    warnings = [w for w in warnings_of(tmp_path, glossary) if ".says:" in w]
    assert warnings == [
        "glossary.yaml.terms[0].says: 'SMS' (SMS): say tin nhắn (content/STYLE.md)",
        "glossary.yaml.terms[1].says: 37 words: explain it in at most 30, it is heard once",
        'glossary.yaml.terms[2].says: say which word it explains, e.g. "Ví giấy tờ là …"',
    ]


def test_validate_lists_the_glossarys_problems(tmp_path, capsys):
    root = tmp_path / "core"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    (root / "glossary.yaml").write_text("schema_version: 1\nterms:\n  - term: OTP\n", encoding="utf-8")
    assert main(["pack", "validate", str(root)]) == 1
    assert "glossary.yaml.terms[0].says: missing required field" in capsys.readouterr().out
