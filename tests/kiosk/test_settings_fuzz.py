"""Every setting fed wrongly typed values (Hypothesis) from each place settings come from:
kiosk.toml stops start-up with a message naming the setting, the staff file falls back to the
default for that setting alone, the environment is converted or refused, and no value of the
idle times can switch the idle wipe off."""
from __future__ import annotations

import datetime
import json
import math
import types
import typing
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kiosk.settings import _ENV, Settings, SettingsError, load_settings
from kiosk.staff_settings import KEYS as STAFF_KEYS
from kiosk.staff_settings import overrides_path, read_overrides

FIELDS = typing.get_type_hints(Settings, include_extras=True)
DEFAULTS = Settings(data_dir=Path("/unused"))
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=12)
WRONG = {
    "int": st.integers(min_value=-2**63, max_value=2**63 - 1),
    "float": st.floats(),  # nan and inf too
    "bool": st.booleans(),
    "text": TEXT,
    "date": st.dates(),
    "list": st.lists(st.integers(), min_size=1, max_size=3),
    "table": st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.integers(), max_size=2),
}


def kind_of(annotation: Any) -> str:
    """int, float, bool, text or list: the TOML type a field takes."""
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is tuple:
        return "list"
    if annotation in (str, Path) or typing.get_origin(annotation) is Literal:
        return "text"
    return {int: "int", float: "float", bool: "bool"}[annotation]


def wrong_for(kind: str) -> st.SearchStrategy[Any]:
    """Values of every TOML type but the field's (an int is a right float; a float is never a right int)."""
    wrong = {name for name in WRONG if name != kind} - ({"int"} if kind == "float" else set())
    return st.one_of(*(WRONG[name] for name in sorted(wrong)))


def toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(toml, value)) + "]"
    return "{" + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + "}"


@st.composite
def wrong_setting(draw: st.DrawFn, keys: tuple[str, ...] = tuple(FIELDS)) -> tuple[str, Any]:
    key = draw(st.sampled_from(keys))
    return key, draw(wrong_for(kind_of(FIELDS[key])))


@FUZZ
@given(wrong_setting())
def test_kiosk_toml_refuses_every_wrongly_typed_value_by_name(tmp_path: Path, setting: tuple[str, Any]) -> None:
    key, value = setting
    config = tmp_path / "kiosk.toml"
    config.write_text(f"{key} = {toml(value)}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    assert str(caught.value).startswith(f"{config}: {key} = ") and ": expected " in str(caught.value)


@FUZZ
@given(wrong_setting(tuple(k for k in STAFF_KEYS)))
def test_a_wrongly_typed_staff_value_falls_back_to_the_default_for_that_setting(tmp_path: Path,
                                                                                setting: tuple[str, Any]) -> None:
    key, value = setting
    data = tmp_path / "data"  # HOCVUSO_DATA_DIR (tests/conftest.py)
    data.mkdir(exist_ok=True)
    other, good = ("voice_region", "south") if key == "text_size" else ("text_size", "large")
    overrides_path(data).write_text(f'{key} = {toml(value)}\n{other} = "{good}"\n', encoding="utf-8")
    loaded = load_settings(tmp_path / "none.toml")
    assert getattr(loaded, key) == getattr(DEFAULTS, key) and getattr(loaded, other) == good
    assert read_overrides(data).bad_keys == (key,)


@FUZZ
@given(st.sampled_from(sorted(_ENV)), TEXT.filter(lambda text: text and "\x00" not in text))
def test_environment_text_is_converted_or_refused_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                           variable: str, text: str) -> None:
    with monkeypatch.context() as env:
        env.setenv(variable, text)
        try:
            loaded = load_settings(tmp_path / "none.toml")
        except SettingsError as exc:
            assert str(exc).startswith(f"environment variable {variable}: {_ENV[variable]} = ")
        else:
            key = _ENV[variable]
            expected = float if kind_of(FIELDS[key]) == "float" else Path if "Path" in str(FIELDS[key]) else str
            assert isinstance(getattr(loaded, key), expected)  # converted to the setting's type


@FUZZ
@given(st.sampled_from(["idle_warning_s", "idle_grace_s"]), st.one_of(WRONG["int"], WRONG["float"], TEXT))
def test_no_idle_time_switches_the_wipe_off(tmp_path: Path, key: str, value: Any) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"{key} = {toml(value)}\n", encoding="utf-8")
    try:
        loaded = load_settings(config)
    except SettingsError:
        return
    assert 30 <= loaded.idle_warning_s <= 3600 and 30 <= loaded.idle_grace_s <= 600
