"""Kiosk settings and paths: defaults that need no file, a TOML file that overrides them,
what staff changed in the staff panel, then environment variables and command-line options.

Precedence (last wins): defaults < TOML file < staff overrides (data_dir/staff-settings.toml,
see kiosk.staff_settings; only the settings staff may change) < HOCVUSO_* environment < CLI options.
Nothing is read at import time; call `load_settings()`.

Every value is checked against its field's type on load (msgspec): TOML and staff values
strictly, environment and command-line text converted to the type. Ranges keep the kiosk safe
whatever is written: the idle warning and its grace always end a session within about an hour,
so the next citizen never finds the last one's screen. A bad value raises SettingsError naming
the setting, where it came from, the value and what was expected.
"""
from __future__ import annotations

import difflib
import functools
import json
import logging
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import platformdirs
from msgspec import Meta

log = logging.getLogger(__name__)

APP_NAME = "hocvuso"
MIN_IDLE_GRACE_S = 30  # citizens get at least this long to answer the idle warning


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the setting, its source, the value
    and what was expected."""


Text = Annotated[str, Meta(max_length=120)]
Secret = Annotated[str, Meta(max_length=1000)]


@dataclass(frozen=True)
class Settings:
    """What the kiosk runs with. The annotations are the checks `load_settings` applies."""

    kiosk_id: Annotated[str, Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] = "kiosk-01"
    kiosk_name: Text = "Trạm Học vụ số"
    commune: Text = ""
    province: Text = ""
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)))
    db_path: Path | None = None  # None: data_dir / "progress.db"
    text_size: Literal["normal", "large"] = "normal"
    idle_warning_s: Annotated[int, Meta(ge=30, le=3600)] = 120
    idle_grace_s: Annotated[int, Meta(ge=MIN_IDLE_GRACE_S, le=600)] = 30
    screen_dpi: Annotated[float, Meta(ge=50, le=600)] | None = None  # None: ask the screen
    voice_region: Literal["north", "central", "south"] = "north"  # recorded voice of that region, else its espeak-ng voice
    speech_rate: Annotated[int, Meta(ge=80, le=450)] = 150  # words per minute (espeak-ng's range)
    volume: Annotated[float, Meta(ge=0.0, le=1.0)] = 0.9
    vosk_model_dir: Path | None = None
    extra_pack_dirs: tuple[Path, ...] = ()
    trusted_keys: tuple[Secret, ...] = ()  # base64 Ed25519 public keys trusted for lesson bundles
    lrs_url: Secret = ""
    lrs_username: Secret = ""
    lrs_password: Secret = ""
    printer: Text = ""  # CUPS queue that prints practice slips ("": no printer, the slip is only shown)
    retention_months: Annotated[int, Meta(ge=0, le=1200)] = 12  # raw attempts older than this are summarised per day, then deleted; 0: keep
    intake_at_start: bool = True  # a visit starts on the pack's intake questions (kiosk.intake), skippable in one tap
    confidence_questions: bool = True  # ask how confident the citizen is before their first lesson and after it (kiosk.confidence)
    help_command: Secret = ""  # run (sh -c) when a citizen presses "Gọi cán bộ hỗ trợ", with the request in HOCVUSO_* variables (kiosk.help_alarm)

    @property
    def place(self) -> str:
        """Where the kiosk stands, for citizens: "name, commune, province" (empty parts left out)."""
        return ", ".join(part for part in (self.kiosk_name, self.commune, self.province) if part)

    @property
    def database(self) -> Path:
        return self.db_path if self.db_path is not None else self.data_dir / "progress.db"


_ENV = {
    "HOCVUSO_DATA_DIR": "data_dir",
    "HOCVUSO_DB": "db_path",
    "HOCVUSO_KIOSK_ID": "kiosk_id",
    "HOCVUSO_VOSK_MODEL": "vosk_model_dir",
    "HOCVUSO_SCREEN_DPI": "screen_dpi",
}


def default_config_path() -> Path:
    return Path(os.environ.get("HOCVUSO_CONFIG") or Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml")


def load_settings(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults, the TOML file (if it exists), the staff overrides, the
    environment and `overrides` (command-line options), each value checked. Raises SettingsError.

    Overrides whose value is None are ignored, so CLI options can be passed straight through.
    """
    path = config_path or default_config_path()
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
        values.update(check_all(raw, str(path), strict=True))
        log.info("settings read from %s", path)
    later: dict[str, Any] = {}
    for env, key in _ENV.items():
        if os.environ.get(env):
            later.update(check_all({key: os.environ[env]}, f"environment variable {env}", strict=False))
    for key, value in overrides.items():
        if value is not None:
            later.update(check_all({key: value}, f"command-line option for {key}", strict=False))
    data_dir = later.get("data_dir", values.get("data_dir"))
    values.update(_staff_overrides(data_dir or Settings().data_dir))
    values.update(later)
    return Settings(**values)


def _staff_overrides(data_dir: Path) -> dict[str, Any]:
    from kiosk.staff_settings import read_overrides  # it imports this module

    return read_overrides(data_dir).values


def check_all(raw: dict[str, Any], source: str, strict: bool) -> dict[str, Any]:
    """Every value of `raw` checked and converted (see `check`); the first bad one raises."""
    return {key: check(key, value, source, strict) for key, value in raw.items()}


def check(key: str, value: Any, source: str, strict: bool = True) -> Any:
    """`value` as setting `key` holds it, or SettingsError saying what is wrong. `strict`: only
    values of the field's type (TOML, staff file); else text is converted (environment, CLI)."""
    hints = _field_types()
    if key not in hints:
        close = difflib.get_close_matches(key, hints, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise SettingsError(f"{source}: unknown setting {key!r}{hint}")
    try:
        return msgspec.convert(value, hints[key], strict=strict, dec_hook=_path)
    except msgspec.ValidationError as exc:
        detail = re.sub(r" - at `\$.*`$", "", str(exc))
        shown = json.dumps(value, ensure_ascii=False, default=str)  # as the TOML file writes it, mostly
        raise SettingsError(f"{source}: {key} = {shown}: expected {_expected(hints[key])} ({detail})") from None


@functools.cache
def _field_types() -> dict[str, Any]:
    return typing.get_type_hints(Settings, include_extras=True)


def _path(kind: type, value: Any) -> Any:
    """msgspec's hook for Path fields: a non-empty text (or Path), with ~ expanded."""
    if kind is Path and isinstance(value, str | Path) and str(value):
        try:
            return Path(value).expanduser()
        except RuntimeError as exc:  # "~nobody/...": no such user
            raise ValueError(f"Expected a path, got {str(value)!r}: {exc}") from None
    if kind is Path:
        raise ValueError(f"Expected a non-empty path, got `{type(value).__name__}` {value!r}")
    raise NotImplementedError(kind)


def _expected(kind: Any) -> str:
    """A field's type in words, for the error message."""
    if typing.get_origin(kind) is Annotated:
        base, *extras = typing.get_args(kind)
        limits = {name: getattr(m, name) for m in extras for name in ("ge", "le", "max_length", "pattern")
                  if getattr(m, name, None) is not None}
        words = _expected(base)
        if "ge" in limits:
            words += f" from {limits['ge']:g} to {limits['le']:g}" if "le" in limits else f" of at least {limits['ge']:g}"
        if "max_length" in limits:
            words += f" of at most {limits['max_length']} characters"
        if "pattern" in limits:
            words += f" matching {limits['pattern']}"
        return words
    if typing.get_origin(kind) is Literal:
        return " or ".join(f'"{choice}"' for choice in typing.get_args(kind))
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return " or ".join(_expected(k) for k in typing.get_args(kind) if k is not type(None)) + " (or leave it out)"
    if typing.get_origin(kind) is tuple:
        return f"a list of: {_expected(typing.get_args(kind)[0])}"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "text", Path: "a path (text)"}[kind]
