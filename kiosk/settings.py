"""Kiosk settings and paths: defaults that need no file, a TOML file that overrides them,
what staff changed in the staff panel, then environment variables and command-line options.

Precedence (last wins): defaults < TOML file < staff overrides (data_dir/staff-settings.toml,
see kiosk.staff_settings; only the settings staff may change) < HOCVUSO_* environment < CLI options.
Nothing is read at import time; call `load_settings()`.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "hocvuso"
MIN_IDLE_GRACE_S = 30  # citizens get at least this long to answer the idle warning


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    kiosk_id: str = "kiosk-01"
    kiosk_name: str = "Trạm Học vụ số"
    commune: str = ""
    province: str = ""
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)))
    db_path: Path | None = None  # None: data_dir / "progress.db"
    text_size: str = "normal"  # "normal" | "large"
    idle_warning_s: int = 120
    idle_grace_s: int = 30
    screen_dpi: float | None = None  # None: ask the screen
    voice_region: str = "north"  # "north" | "south"
    speech_rate: int = 150
    volume: float = 0.9
    vosk_model_dir: Path | None = None
    extra_pack_dirs: tuple[Path, ...] = ()
    trusted_keys: tuple[str, ...] = ()  # base64 Ed25519 public keys trusted for lesson bundles
    lrs_url: str = ""
    lrs_username: str = ""
    lrs_password: str = ""
    printer: str = ""  # CUPS queue that prints practice slips ("": no printer, the slip is only shown)
    retention_months: int = 12  # raw attempts older than this are summarised per day, then deleted; 0: keep

    @property
    def place(self) -> str:
        """Where the kiosk stands, for citizens: "name, commune, province" (empty parts left out)."""
        return ", ".join(part for part in (self.kiosk_name, self.commune, self.province) if part)

    @property
    def database(self) -> Path:
        return self.db_path if self.db_path is not None else self.data_dir / "progress.db"


_PATH_KEYS = {"data_dir", "db_path", "vosk_model_dir"}
_CHOICES = {"text_size": ("normal", "large"), "voice_region": ("north", "south")}
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
    """Build Settings from defaults, the TOML file (if it exists), the environment and `overrides`.

    Overrides whose value is None are ignored, so CLI options can be passed straight through.
    """
    path = config_path or default_config_path()
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
        log.info("settings read from %s", path)
    later = {key: os.environ[env] for env, key in _ENV.items() if os.environ.get(env)}
    later.update({k: v for k, v in overrides.items() if v is not None})
    data_dir = later.get("data_dir", values.get("data_dir"))
    values.update(_staff_overrides(Path(data_dir).expanduser() if data_dir else Settings().data_dir))
    values.update(later)
    return _coerce(values, path)


def _staff_overrides(data_dir: Path) -> dict[str, Any]:
    from kiosk.staff_settings import read_overrides  # it imports this module

    return read_overrides(data_dir).values


def _coerce(values: dict[str, Any], source: Path) -> Settings:
    known = {f.name: f for f in dataclasses.fields(Settings)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise SettingsError(f"{source}: unknown setting {key!r}")
        if key in _PATH_KEYS:
            value = Path(value).expanduser()
        elif key == "extra_pack_dirs":
            value = tuple(Path(v).expanduser() for v in value)
        elif key == "trusted_keys":
            value = tuple(value)
        elif key == "screen_dpi":
            value = float(value)
        elif key in _CHOICES and value not in _CHOICES[key]:
            raise SettingsError(f"{source}: {key} must be one of {_CHOICES[key]}, not {value!r}")
        kwargs[key] = value
    settings = Settings(**kwargs)
    if settings.idle_grace_s < MIN_IDLE_GRACE_S:
        log.warning("idle_grace_s=%s is below %s s; using %s s", settings.idle_grace_s, MIN_IDLE_GRACE_S, MIN_IDLE_GRACE_S)
        settings = dataclasses.replace(settings, idle_grace_s=MIN_IDLE_GRACE_S)
    return settings
