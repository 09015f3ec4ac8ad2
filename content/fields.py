"""Typed access to one YAML mapping that records problems instead of raising.

Every getter returns a usable default on a problem, so the loader can go on and report
all problems in one run; `finish()` reports keys nobody asked for (usually typos).
"""
from __future__ import annotations

import datetime
import unicodedata
from typing import Any

from content.model import Problem


class Fields:
    def __init__(self, raw: Any, location: str, problems: list[Problem]) -> None:
        self.location = location
        self._problems = problems
        self._seen: set[str] = set()
        if isinstance(raw, dict):
            self._raw: dict[Any, Any] = raw
        else:
            self.problem(f"expected a mapping, found {_kind(raw)}")
            self._raw = {}

    def problem(self, message: str, key: str | None = None) -> None:
        where = f"{self.location}.{key}" if key else self.location
        self._problems.append(Problem(where, message))

    def has(self, key: str) -> bool:
        return key in self._raw

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self._raw or self._raw[key] is None:
            if required:
                self.problem("missing required field", key)
            return None
        return self._raw[key]

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, datetime.date):  # YAML reads 2026-11-27 as a date
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(f"expected text, found {_kind(value)}", key)
            return default
        text = str(value)
        if unicodedata.normalize("NFC", text) != text:
            self.problem("text is not in Unicode NFC form (retype the diacritics)", key)
            text = unicodedata.normalize("NFC", text)
        return text

    def integer(self, key: str, low: int, high: int, required: bool = True, default: int = 0) -> int:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"expected a whole number, found {_kind(value)}", key)
            return default
        if not low <= value <= high:
            self.problem(f"must be between {low} and {high}, found {value}", key)
        return value

    def flag(self, key: str) -> bool:
        """A yes/no field (absent: no)."""
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(f"expected true or false, found {_kind(value)}", key)
            return False
        return value

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        """A list of texts (a single text is accepted as a list of one)."""
        value = self._get(key, required)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        sub = Fields({str(i): item for i, item in enumerate(items)}, f"{self.location}.{key}", self._problems)
        return tuple(sub.text(str(i)) for i in range(len(items)))

    def items(self, key: str, required: bool = True) -> list[tuple[str, Any]]:
        """A list of sub-entries, each with its location (`key[i]`)."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"expected a list, found {_kind(value)}", key)
            return []
        return [(f"{self.location}.{key}[{i}]", item) for i, item in enumerate(value)]

    def mapping(self, key: str, required: bool = True) -> list[tuple[str, str, Any]]:
        """A mapping of named sub-entries: (name, location, value)."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, dict):
            self.problem(f"expected a mapping, found {_kind(value)}", key)
            return []
        return [(str(name), f"{self.location}.{key}.{name}", item) for name, item in value.items()]

    def child(self, raw: Any, location: str) -> Fields:
        """Fields for a sub-entry found by `items` or `mapping`, sharing this problem list."""
        return Fields(raw, location, self._problems)

    def sub(self, key: str, required: bool = True) -> Fields:
        """Fields for the mapping under `key` (empty when absent)."""
        value = self._get(key, required)
        return Fields({} if value is None else value, f"{self.location}.{key}", self._problems)

    def keys(self) -> list[str]:
        return [str(k) for k in self._raw]

    def finish(self) -> None:
        for key in self._raw:
            if key not in self._seen:
                self.problem("unknown field (misspelt?)", str(key))


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )
