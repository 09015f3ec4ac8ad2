"""Settings that commune staff change from the staff panel, kept in a small TOML file in the
data directory (`staff-settings.toml`). `kiosk.settings.load_settings` reads it as the layer
between the kiosk.toml file and the HOCVUSO_* environment; the panel writes it atomically
(temp file, fsync, rename, fsync of the folder), so a power cut leaves the old or the new file.

Each value is checked as kiosk.toml's are (kiosk.settings.check). A value that fails is left
out, so that one setting falls back to kiosk.toml or the default, and staff are told which
(`notice_vi`); a file that cannot be read at all is ignored as a whole (`CORRUPT_VI`). Both are
logged, and the next saved change writes a good file.
"""
from __future__ import annotations

import logging
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import settings
from kiosk.atomic_file import write_atomic

log = logging.getLogger(__name__)

FILE_NAME = "staff-settings.toml"
CORRUPT_VI = ("Tệp cài đặt của cán bộ bị hỏng nên trạm đang dùng cài đặt gốc. "
              "Đổi lại một cài đặt sẽ ghi tệp mới.")
BAD_VALUES_VI = ("Tệp cài đặt của cán bộ ghi sai {names} nên trạm đang dùng giá trị gốc cho cài đặt đó. "
                 "Chọn lại trong mục Cài đặt sẽ ghi giá trị đúng.")

# What staff may change (the panel offers values within each setting's range).
KEYS = ("text_size", "voice_region", "speech_rate", "volume", "idle_warning_s", "idle_grace_s",
        "kiosk_name", "commune", "province")


@dataclass(frozen=True)
class Overrides:
    values: dict[str, Any]
    problem: str = ""  # for developers: what was ignored and why ("" when all was fine or absent)
    bad_keys: tuple[str, ...] = ()  # settings left out for a wrong value (the rest of the file is used)


def overrides_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def check(key: str, value: Any, source: str = FILE_NAME) -> Any:
    """The value as stored, or ValueError (SettingsError) naming what is wrong."""
    if key not in KEYS:
        raise ValueError(f"{source}: {key!r} is not a setting staff may change")
    stored = settings.check(key, value, source)
    if isinstance(stored, str):
        return stored.strip()
    return round(stored, 2) if key == "volume" else stored


def read_overrides(data_dir: Path) -> Overrides:
    """The staff overrides that are usable, with what was left out and why (logged)."""
    path = overrides_path(data_dir)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Overrides({})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problem = f"{path}: ignored: {exc}"
        log.error("staff settings %s", problem)
        return Overrides({}, problem)
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in raw.items():
        try:
            values[key] = check(key, value, str(path))
        except ValueError as exc:
            problems[key] = str(exc)
            log.error("staff setting left out, the default is used: %s", exc)
    return Overrides(values, "; ".join(problems.values()), tuple(problems))


def notice_vi(overrides: Overrides, names: Mapping[str, str]) -> str:
    """For staff: which settings fell back to the default (by their `names` on the panel), or
    that the whole file was ignored; "" when all is well."""
    if overrides.bad_keys:
        listed = dict.fromkeys(f"«{names.get(key, key)}»" for key in overrides.bad_keys)
        return BAD_VALUES_VI.format(names=", ".join(listed))
    return CORRUPT_VI if overrides.problem else ""


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
