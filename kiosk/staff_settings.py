"""Settings that commune staff change from the staff panel, kept in a small TOML file in the
data directory (`staff-settings.toml`). `kiosk.settings.load_settings` reads it as the layer
between the kiosk.toml file and the HOCVUSO_* environment; the panel writes it atomically
(temp file, fsync, rename, fsync of the folder), so a power cut leaves the old or the new file.

A file that cannot be used is ignored as a whole (logged, and staff see `CORRUPT_VI`): the
kiosk then runs on kiosk.toml and the defaults, and the next saved change writes a good file.
"""
from __future__ import annotations

import logging
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.atomic_file import write_atomic
from kiosk.settings import MIN_IDLE_GRACE_S

log = logging.getLogger(__name__)

FILE_NAME = "staff-settings.toml"
CORRUPT_VI = ("Tệp cài đặt của cán bộ bị hỏng nên trạm đang dùng cài đặt gốc. "
              "Đổi lại một cài đặt sẽ ghi tệp mới.")

# What staff may change, with the values the panel offers (min, max) or the allowed choices.
CHOICES: dict[str, tuple[str, ...]] = {"text_size": ("normal", "large"), "voice_region": ("north", "south")}
RANGES: dict[str, tuple[float, float]] = {
    "speech_rate": (90, 230),
    "volume": (0.1, 1.0),
    "idle_warning_s": (30, 900),
    "idle_grace_s": (MIN_IDLE_GRACE_S, 600),
}
TEXTS = ("kiosk_name", "commune", "province")
KEYS = (*CHOICES, *RANGES, *TEXTS)


@dataclass(frozen=True)
class Overrides:
    values: dict[str, Any]
    problem: str = ""  # for developers: why the file was ignored ("" when it was fine or absent)


def overrides_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def check(key: str, value: Any) -> Any:
    """The value as stored, or ValueError naming what is wrong."""
    if key in CHOICES:
        if value not in CHOICES[key]:
            raise ValueError(f"{key} must be one of {CHOICES[key]}, not {value!r}")
        return value
    if key in RANGES:
        low, high = RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise ValueError(f"{key} must be a number from {low} to {high}, not {value!r}")
        return round(float(value), 2) if key == "volume" else int(value)
    if key in TEXTS:
        if not isinstance(value, str) or len(value) > 120:
            raise ValueError(f"{key} must be text of at most 120 characters, not {value!r}")
        return value.strip()
    raise ValueError(f"{key!r} is not a setting staff may change")


def read_overrides(data_dir: Path) -> Overrides:
    """The staff overrides, or none (with the reason logged) when the file is missing or unusable."""
    path = overrides_path(data_dir)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        values = {key: check(key, value) for key, value in raw.items()}
    except FileNotFoundError:
        return Overrides({})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
        problem = f"{path}: ignored: {exc}"
        log.error("staff settings %s", problem)
        return Overrides({}, problem)
    return Overrides(values)


def save_override(data_dir: Path, key: str, value: Any) -> dict[str, Any]:
    """Store one change (keeping the others; a broken file is replaced) and return all overrides."""
    values = {**read_overrides(data_dir).values, key: check(key, value)}
    path = overrides_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Written by the staff panel (Chế độ cán bộ → Cài đặt). kiosk.toml holds the rest.\n"
    text += "".join(f"{k} = {_toml(v)}\n" for k, v in sorted(values.items()))
    write_atomic(path, text.encode("utf-8"))
    log.info("staff setting %s changed", key)
    return values


def _toml(value: Any) -> str:
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped) + '"'
    return repr(value)


def matching_places(query: str, names: Iterable[str]) -> list[str]:
    """The names containing every word typed, ignoring case, tones and vowel marks ("tan phu"
    finds "Xã Tân Phú"), so staff find a commune with a few taps on the on-screen keyboard."""
    words = _folded(query).split()
    return [name for name in names if all(word in _folded(name) for word in words)]


def _folded(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return plain.replace("đ", "d")
