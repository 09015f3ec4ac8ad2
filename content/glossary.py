"""A pack's optional glossary (`glossary.yaml`): words a citizen may not know ("passcode",
"liên thông", "án tích"), each explained in one plain sentence.

Lessons are not marked by hand: `Glossary.find` finds the terms in a text (whole words, any
case, the longest written form first), and the kiosk offers a button "… là gì?" for each one
in the step's instruction (kiosk.word_meanings). `parse_glossary` turns the file's YAML into
frozen dataclasses, adding every problem (with its location) to a list; what an author should
improve but may ship with is content.glossary_checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from content.fields import Fields
from content.model import SCHEMA_VERSION, Problem

GLOSSARY_FILE = "glossary.yaml"
SENTENCE_END = re.compile(r"[.!?…][\"”)]?\s+\S")  # an end of sentence with more words after it


@dataclass(frozen=True)
class Term:
    """A word as lessons write it, other ways they write it (`also`: "OTP" for "mã OTP"), and
    what it means, in one sentence that is shown and said."""

    term: str
    says: str
    also: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)


def form_key(text: str) -> str:
    """How a written form is compared: any case, runs of spaces as one."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def find(self, text: str) -> tuple[Term, ...]:
        """The terms written in `text`, each once, in the order they first appear."""
        found = (self._by_form.get(form_key(match.group())) for match in self.matches(text))
        return tuple(dict.fromkeys(term for term in found if term is not None))

    def matches(self, text: str) -> list[re.Match[str]]:
        """Where `text` writes a term: whole words, any case, the longest form first."""
        return list(self._pattern.finditer(text)) if self.terms else []

    def term(self, term: str) -> Term | None:
        return next((each for each in self.terms if each.term == term), None)

    @cached_property
    def _by_form(self) -> dict[str, Term]:
        return {form_key(form): term for term in reversed(self.terms) for form in term.forms}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        forms = sorted({form for term in self.terms for form in term.forms if form.strip()}, key=len, reverse=True)
        written = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
        return re.compile(rf"(?<!\w)(?:{written})(?!\w)", re.IGNORECASE)


def parse_glossary(raw: Any, problems: list[Problem]) -> Glossary:
    """The glossary in `raw` (glossary.yaml's YAML); every problem is added to `problems`."""
    f = Fields(raw, GLOSSARY_FILE, problems)
    version = f.integer("schema_version", 0, 10**6)
    if f.has("schema_version") and version != SCHEMA_VERSION:
        f.problem(f"unsupported schema_version {version}; this kiosk reads version {SCHEMA_VERSION}", "schema_version")
    terms: list[Term] = []
    owners: dict[str, str] = {}  # a written form → the location of the term that has it
    for loc, item in f.items("terms"):
        term = _term(f.child(item, loc), owners)
        terms.append(term)
    if f.has("terms") and not terms:
        f.problem("a glossary needs at least one term", "terms")
    f.finish()
    return Glossary(tuple(terms))


def _term(f: Fields, owners: dict[str, str]) -> Term:
    """One entry; a written form already used by another entry is a problem (which would it be?)."""
    term = Term(f.text("term"), f.text("says"), f.texts("also", required=False))
    for key, form in (("term", term.term), *((f"also[{i}]", each) for i, each in enumerate(term.also))):
        if not form.strip() or form != form.strip():
            f.problem("write the word without spaces around it", key)
        elif (owner := owners.get(form_key(form))) is not None:
            f.problem(f"{form!r} is already a term or a form of {owner}", key)
        owners.setdefault(form_key(form), f.location)
    if f.has("says") and not term.says.strip():
        f.problem("missing: write in one sentence what the word means", "says")
    elif SENTENCE_END.search(term.says.strip()):
        f.problem("more than one sentence: explain the word in one short sentence", "says")
    f.finish()
    return term
