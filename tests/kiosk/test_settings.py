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


def test_too_short_idle_grace_is_raised_to_30_s(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_grace_s = 5\n", encoding="utf-8")
    assert load_settings(config).idle_grace_s == 30


@pytest.mark.parametrize("text", ['text_sise = "large"\n', 'text_size = "huge"\n', "not toml ===\n"])
def test_a_bad_file_names_the_file_and_the_problem(tmp_path, text):
    config = tmp_path / "kiosk.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="kiosk.toml"):
        load_settings(config)
