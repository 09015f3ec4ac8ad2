from pathlib import Path

import pytest

from kiosk.settings import SettingsError, load_settings


def test_defaults_need_no_file(tmp_path):
    settings = load_settings(tmp_path / "missing.toml")
    assert settings.idle_warning_s == 120 and settings.idle_grace_s >= 30
    assert settings.database == settings.data_dir / "progress.db"


def test_file_then_environment_then_options_win(tmp_path, monkeypatch):
    config = tmp_path / "kiosk.toml"
    config.write_text('kiosk_id = "xa-loc-ninh-01"\ntext_size = "large"\ndb_path = "/from/file.db"\nscreen_dpi = 120\n', encoding="utf-8")
    assert load_settings(config).kiosk_id == "xa-loc-ninh-01"
    assert load_settings(config).text_size == "large" and load_settings(config).screen_dpi == 120.0
    monkeypatch.setenv("HOCVUSO_DB", "/from/env.db")
    assert load_settings(config).database == Path("/from/env.db")
    assert load_settings(config, db_path="/from/cli.db").database == Path("/from/cli.db")


@pytest.mark.parametrize(("line", "expected"), [
    ('screen_dpi = "to"', "expected a number from 50 to 600 (or leave it out)"),
    ('volume = "lớn"', "expected a number from 0 to 1"),
    ('idle_grace_s = "30"', "expected a whole number from 30 to 600"),
    ("data_dir = 5", "expected a path (text)"),
    ('idle_warning_s = "hai phút"', "expected a whole number from 30 to 3600"),
    ("idle_grace_s = 5", "expected a whole number from 30 to 600"),  # too short to answer the warning
    ("idle_warning_s = 99999999", "expected a whole number from 30 to 3600"),  # would switch the wipe off
    ("idle_warning_s = 120.0", "expected a whole number"),
    ("speech_rate = true", "expected a whole number"),
    ('extra_pack_dirs = "/srv/packs"', "expected a list of: a path (text)"),
    ("screen_dpi = nan", "expected a number from 50 to 600"),
    ('kiosk_id = "xã/tân phú"', "expected text matching"),
])
def test_a_wrongly_typed_value_names_the_setting_file_value_and_type(tmp_path, line, expected):
    config = tmp_path / "kiosk.toml"
    config.write_text(line + "\n", encoding="utf-8")
    key, _, value = line.partition(" = ")
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    message = str(caught.value)
    assert message.startswith(f"{config}: {key} = {value}: ".replace("nan", "NaN")) and expected in message


def test_environment_values_are_converted_from_text_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("HOCVUSO_SCREEN_DPI", "120")
    assert load_settings(tmp_path / "none.toml").screen_dpi == 120.0
    monkeypatch.setenv("HOCVUSO_SCREEN_DPI", "to")
    with pytest.raises(SettingsError, match='environment variable HOCVUSO_SCREEN_DPI: screen_dpi = "to": expected a number'):
        load_settings(tmp_path / "none.toml")


def test_a_command_line_value_is_checked(tmp_path):
    with pytest.raises(SettingsError, match='command-line option for db_path: db_path = "": expected a path'):
        load_settings(tmp_path / "none.toml", db_path="")


def test_a_misspelt_setting_suggests_the_right_name(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('idle_warning = 60\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'idle_warning' \\(did you mean 'idle_warning_s'\\?\\)"):
        load_settings(config)


@pytest.mark.parametrize("text", ['text_sise = "large"\n', 'text_size = "huge"\n', "not toml ===\n"])
def test_a_bad_file_names_the_file_and_the_problem(tmp_path, text):
    config = tmp_path / "kiosk.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="kiosk.toml"):
        load_settings(config)
