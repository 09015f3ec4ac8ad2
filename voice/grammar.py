"""Spoken commands as data: phrases → intents, per language (voice/grammar/<lang>.yaml).

Intents are the same strings the app uses for taps: "next", "back", "repeat", "slower", "help",
"home", "yes", "no", "meaning" ("nghĩa là gì"), "digit:0" … "digit:9", and "choose:<label>" for the options of the current step.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from voice.normalise import normalise

SCHEMA_VERSION = 1
DIGIT_PREFIX = "digit:"
CHOOSE_PREFIX = "choose:"


class GrammarError(ValueError):
    """A grammar file that cannot be used; the message names the file and the problem."""


def spoken_form(text: str) -> str:
    """Lower-case words without punctuation, as a recogniser returns them ("Mức 2!" → "mức hai")."""
    words = re.sub(r"[^\w\s]", " ", normalise(text).lower())
    return " ".join(unicodedata.normalize("NFC", words).split())


@dataclass(frozen=True)
class CommandGrammar:
    language: str
    commands: Mapping[str, str]  # phrase → intent
    digits: Mapping[str, str] = field(default_factory=dict)  # phrase → "digit:N"
    fillers: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "vi") -> CommandGrammar:
        """The packaged grammar for `language`."""
        source = resources.files("voice").joinpath(f"grammar/{language}.yaml")
        return cls.from_text(source.read_text(encoding="utf-8"), f"voice/grammar/{language}.yaml")

    @classmethod
    def from_file(cls, path: Path) -> CommandGrammar:
        return cls.from_text(Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def from_text(cls, text: str, origin: str) -> CommandGrammar:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise GrammarError(f"{origin}: not valid YAML: {exc}") from exc
        if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
            raise GrammarError(f"{origin}: schema_version must be {SCHEMA_VERSION}")
        commands = _phrase_table(data.get("intents"), origin, "intents", _command_intent(origin))
        digits = _phrase_table(data["digits"], origin, "digits", _digit_intent(origin)) if data.get("digits") else {}
        fillers = frozenset(spoken_form(str(f)) for f in data.get("fillers") or ())
        return cls(str(data.get("language", "")), commands, digits, fillers)

    def for_step(self, *, options: Iterable[str] = (), digits: bool = False) -> ActiveGrammar:
        """What can be said on a step: the commands, plus its option labels, plus digits if it asks for them."""
        table = dict(self.commands)
        if digits:
            table.update(self.digits)  # "không" is 0 here, not "no"
        for label in options:
            phrase = spoken_form(label)
            if phrase:
                table[phrase] = CHOOSE_PREFIX + label
        return ActiveGrammar(table, self.fillers)


@dataclass(frozen=True)
class ActiveGrammar:
    table: Mapping[str, str]  # phrase → intent
    fillers: frozenset[str]

    @property
    def phrases(self) -> list[str]:
        """The phrase list for the recogniser's grammar (without "[unk]")."""
        return sorted({*self.table, *self.fillers})

    def match(self, text: str) -> list[str]:
        """The intents in `text`, in order: longest phrase first, unknown words skipped."""
        return match_intents(self.table, text)


def match_intents(table: Mapping[str, str], text: str) -> list[str]:
    """Pure mapping of recognised text to intents ("bốn tám hai" → ["digit:4", "digit:8", "digit:2"])."""
    words = spoken_form(text.replace("[unk]", " ")).split()
    longest = max((len(p.split()) for p in table), default=0)
    intents: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            intent = table.get(" ".join(words[i : i + size]))
            if intent is not None:
                intents.append(intent)
                i += size
                break
        else:
            i += 1
    return intents


def _command_intent(origin: str) -> Any:
    def name(key: Any) -> str:
        if not isinstance(key, str) or not key:
            raise GrammarError(f"{origin}: intents: {key!r} is not an intent name (quote yes/no in YAML)")
        return key
    return name


def _digit_intent(origin: str) -> Any:
    def name(key: Any) -> str:
        if str(key) not in "0123456789" or len(str(key)) != 1:
            raise GrammarError(f"{origin}: digits: {key!r} is not a digit 0–9")
        return DIGIT_PREFIX + str(key)
    return name


def _phrase_table(section: Any, origin: str, where: str, intent_of: Any) -> dict[str, str]:
    if not isinstance(section, dict) or not section:
        raise GrammarError(f"{origin}: {where} must map names to phrase lists")
    table: dict[str, str] = {}
    for key, phrases in section.items():
        intent = intent_of(key)
        if not isinstance(phrases, Sequence) or isinstance(phrases, str) or not phrases:
            raise GrammarError(f"{origin}: {where}.{key} must be a non-empty list of phrases")
        for phrase in phrases:
            spoken = spoken_form(str(phrase))
            if spoken in table and table[spoken] != intent:
                raise GrammarError(f"{origin}: {where}.{key}: {phrase!r} already means {table[spoken]!r}")
            table[spoken] = intent
    return table
