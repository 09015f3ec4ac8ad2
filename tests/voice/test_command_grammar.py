"""The Vietnamese command grammar (data) and the mapping from recognised text to intents."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from voice.fake_recognizer import FakeRecognizer
from voice.grammar import CommandGrammar, GrammarError, match_intents, spoken_form
from voice.recognizer import Recognition


@pytest.fixture(scope="module")
def vi() -> CommandGrammar:
    return CommandGrammar.load("vi")


@pytest.mark.parametrize(("said", "intents"), [
    ("tiếp theo", ["next"]),
    ("quay lại", ["back"]),
    ("nhắc lại", ["repeat"]),
    ("nói chậm lại", ["slower"]),
    ("trợ giúp", ["help"]),
    ("về trang chủ", ["home"]),
    ("có", ["yes"]),
    ("không", ["no"]),
    # dialect and everyday words
    ("dạ", ["yes"]), ("ừ", ["yes"]), ("rồi", ["next"]), ("nữa", ["repeat"]), ("lại", ["repeat"]),
    ("tiếp theo đi", ["next"]), ("dạ nói chậm lại nhé", ["yes", "slower"]), ("không hiểu", ["help"]),
    ("[unk] quay lại", ["back"]), ("", []), ("[unk]", []),
])
def test_commands(vi: CommandGrammar, said: str, intents: list[str]) -> None:
    assert vi.for_step().match(said) == intents


def test_digits_only_on_digit_steps(vi: CommandGrammar) -> None:
    said = "bốn tám hai chín một không"
    assert vi.for_step(digits=True).match(said) == ["digit:4", "digit:8", "digit:2", "digit:9", "digit:1", "digit:0"]
    assert vi.for_step().match(said) == ["no"]  # elsewhere "không" is "no" and digits mean nothing
    assert vi.for_step(digits=True).match("tư lăm bẩy") == ["digit:4", "digit:5", "digit:7"]


def test_option_labels_become_choose_intents(vi: CommandGrammar) -> None:
    step = vi.for_step(options=["Nộp hồ sơ", "Tra cứu", "Mức 2"])
    assert step.match("chọn nộp hồ sơ") == ["choose:Nộp hồ sơ"]
    assert step.match("mức hai") == ["choose:Mức 2"]
    assert "tra cứu" in step.phrases and "mức hai" in step.phrases
    assert "tra cứu" not in vi.for_step().phrases


def test_every_phrase_in_the_file_means_its_intent(vi: CommandGrammar) -> None:
    for phrase, intent in vi.commands.items():
        assert vi.for_step().match(phrase) == [intent], phrase
    for phrase, intent in vi.digits.items():
        assert vi.for_step(digits=True).match(phrase) == [intent], phrase
    assert {"next", "back", "repeat", "slower", "help", "home", "yes", "no"} <= set(vi.commands.values())
    assert {f"digit:{d}" for d in range(10)} == set(vi.digits.values())


def test_phrases_are_what_a_recogniser_returns(vi: CommandGrammar) -> None:
    for phrase in vi.for_step(digits=True).phrases:
        assert phrase == spoken_form(phrase)


def test_longest_phrase_wins() -> None:
    table = {"lại": "repeat", "quay lại": "back", "nói chậm lại": "slower"}
    assert match_intents(table, "quay lại lại nói chậm lại") == ["back", "repeat", "slower"]


@pytest.mark.parametrize(("text", "problem"), [
    ("schema_version: 2\nintents: {next: [tiếp]}", "schema_version"),
    ("schema_version: 1\nintents: {yes: [có]}", "quote yes/no"),
    ("schema_version: 1\nintents: {next: [tiếp], back: [tiếp]}", "already means"),
    ("schema_version: 1\nintents: {next: tiếp}", "non-empty list"),
    ("schema_version: 1\nintents: {next: [tiếp]}\ndigits: {'10': [mười]}", "not a digit"),
    ("schema_version: 1\nintents: [", "not valid YAML"),
])
def test_bad_grammar_files_say_what_is_wrong(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GrammarError, match=problem) as info:
        CommandGrammar.from_file(path)
    assert str(path) in str(info.value)


def test_spoken_command_through_the_fake_engine(vi: CommandGrammar, wait: Callable[..., bool]) -> None:
    step = vi.for_step(options=["Tra cứu"])
    recognizer = FakeRecognizer()
    recognizer.load()
    assert wait(lambda: recognizer.available)
    results: list[Recognition] = []
    partials: list[str] = []
    recognizer.say("dạ tiếp theo")
    recognizer.listen(step.phrases, partials.append, results.append)
    assert partials == ["dạ tiếp theo"]
    assert results[0].confident and step.match(results[0].text) == ["yes", "next"]
    recognizer.say("tra cứu", confidence=0.3)
    recognizer.listen(step.phrases, partials.append, results.append)
    assert not results[1].confident  # the UI asks "Bác nói lại được không?"
    recognizer.say("mở facebook")
    recognizer.listen(step.phrases, partials.append, results.append)
    assert results[2].text == "" and not results[2].confident


def test_korean_test_grammar_loads() -> None:
    ko = CommandGrammar.from_file(Path(__file__).parent / "data" / "ko.yaml")
    assert ko.for_step().match("계속") == ["next"]
