"""Staff overrides: stored atomically in the data folder, read back as their own settings layer."""
from __future__ import annotations

import pytest

from kiosk.settings import MIN_IDLE_GRACE_S, load_settings
from kiosk.staff_settings import notice_vi, overrides_path, read_overrides, save_override


def test_a_saved_change_survives_a_restart_and_sits_between_file_and_environment(tmp_path, monkeypatch):
    data = tmp_path / "data"
    config = tmp_path / "kiosk.toml"
    config.write_text('text_size = "normal"\nspeech_rate = 140\nkiosk_id = "from-file"\n', encoding="utf-8")
    save_override(data, "text_size", "large")
    save_override(data, "commune", 'Phường "Tân" Phú')
    settings = load_settings(config)  # HOCVUSO_DATA_DIR points at tmp_path/data (tests/conftest.py)
    assert settings.text_size == "large" and settings.commune == 'Phường "Tân" Phú'
    assert settings.speech_rate == 140 and settings.kiosk_id == "from-file"
    monkeypatch.setenv("HOCVUSO_DATA_DIR", str(tmp_path / "elsewhere"))
    assert load_settings(config).text_size == "normal"  # the overrides live in the data folder in use


def test_the_data_folder_from_the_config_file_holds_the_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("HOCVUSO_DATA_DIR")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path / "var"}"\n', encoding="utf-8")
    save_override(tmp_path / "var", "voice_region", "south")
    assert load_settings(config).voice_region == "south"


def test_each_change_keeps_the_others_and_leaves_no_temp_file(tmp_path):
    save_override(tmp_path, "speech_rate", 170)
    assert save_override(tmp_path, "volume", 0.7) == {"speech_rate": 170, "volume": 0.7}
    assert [p.name for p in tmp_path.iterdir()] == ["staff-settings.toml"]


@pytest.mark.parametrize(("key", "value"), [
    ("idle_grace_s", MIN_IDLE_GRACE_S - 1), ("text_size", "huge"), ("volume", 2.0), ("kiosk_id", "x"), ("speech_rate", True),
])
def test_values_staff_may_not_set_are_refused(tmp_path, key, value):
    with pytest.raises(ValueError, match=key if key != "kiosk_id" else "not a setting"):
        save_override(tmp_path, key, value)
    assert not overrides_path(tmp_path).exists()


@pytest.mark.parametrize("text", ["speech_rate = \n", 'kiosk_id = "x"\n', "idle_grace_s = 1\n", "\udcff"])
def test_a_corrupt_file_is_ignored_with_a_reason_and_never_stops_the_kiosk(tmp_path, caplog, text):
    data = tmp_path / "data"
    data.mkdir()
    overrides_path(data).write_bytes(text.encode("utf-8", "surrogateescape"))
    result = read_overrides(data)
    assert result.values == {} and "staff-settings.toml" in result.problem
    assert "staff-settings.toml" in caplog.text
    assert load_settings(tmp_path / "none.toml").idle_grace_s == 30
    save_override(data, "text_size", "large")  # the next change writes a good file
    assert read_overrides(data).values == {"text_size": "large"}


def test_new_idle_times_and_text_size_apply_to_the_running_core(kiosk, settings, clock):
    import dataclasses

    from kiosk.intents import Touched
    from kiosk.views import AttractView

    kiosk.apply_settings(dataclasses.replace(settings, idle_warning_s=60, idle_grace_s=45, text_size="large"))
    assert kiosk.view().text_size == "large" and isinstance(kiosk.view().page, AttractView)
    kiosk.handle(Touched())
    clock.advance(59)
    assert kiosk.tick() == []
    clock.advance(1)
    kiosk.tick()
    assert kiosk.view().idle_seconds_left == 45


def test_new_packs_wait_until_the_citizen_in_a_lesson_is_done(kiosk, core_pack):
    import dataclasses

    from kiosk.intents import EndSession, OpenLesson, Touched

    lesson = core_pack.lessons[0]
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(lesson.id))
    renamed = dataclasses.replace(core_pack, lessons=(dataclasses.replace(lesson, title="Bài mới"), *core_pack.lessons[1:]))
    kiosk.replace_packs([renamed])
    assert kiosk.lesson_session is not None and kiosk.lesson_session.lesson.title == lesson.title
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    titles = [tile.title for group in kiosk.view().page.topics for tile in group.tiles]
    assert "Bài mới" in titles and lesson.title not in titles


def test_a_few_letters_without_tones_find_the_commune():
    from content.places import communes
    from kiosk.staff_settings import matching_places

    names = communes("Đồng Nai")
    assert "Phường Đồng Xoài" in matching_places("dong xoai", names)
    assert matching_places("ĐỒNG XOÀI", names) == matching_places("dong xoai", names)
    assert matching_places("", names) == list(names)
    assert matching_places("zzz", names) == []


def test_a_wrong_value_in_the_staff_file_falls_back_for_that_setting_only_and_tells_staff(tmp_path, caplog):
    data = tmp_path / "data"  # HOCVUSO_DATA_DIR (tests/conftest.py)
    data.mkdir()
    overrides_path(data).write_text('idle_warning_s = "hai phút"\ntext_size = "large"\nvolume = "lớn"\n', encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text("volume = 0.5\n", encoding="utf-8")
    settings = load_settings(config)
    assert (settings.idle_warning_s, settings.text_size, settings.volume) == (120, "large", 0.5)
    overrides = read_overrides(data)
    assert overrides.bad_keys == ("idle_warning_s", "volume") and overrides.values == {"text_size": "large"}
    assert 'idle_warning_s = "hai phút": expected a whole number from 30 to 3600' in caplog.text
    notice = notice_vi(overrides, {"idle_warning_s": "Hỏi người học khi không chạm màn hình", "volume": "Âm lượng"})
    assert notice.startswith("Tệp cài đặt của cán bộ ghi sai «Hỏi người học khi không chạm màn hình», «Âm lượng»")
    assert notice_vi(read_overrides(tmp_path / "nothing"), {}) == ""


def test_the_idle_wipe_still_happens_when_the_staff_file_says_hai_phut(tmp_path, core_pack, clock):
    import random

    from kiosk.flow import Kiosk
    from kiosk.intents import Touched
    from kiosk.progress import ProgressStore
    from kiosk.views import AttractView

    data = tmp_path / "data"
    data.mkdir()
    overrides_path(data).write_text('idle_warning_s = "hai phút"\nidle_grace_s = "30"\n', encoding="utf-8")
    settings = load_settings(tmp_path / "none.toml")
    store = ProgressStore.open(settings.database)
    kiosk = Kiosk([core_pack], store, settings, clock, random.Random(1))
    kiosk.handle(Touched())
    clock.advance(settings.idle_warning_s)
    kiosk.tick()
    clock.advance(settings.idle_grace_s)
    kiosk.tick()
    assert isinstance(kiosk.view().page, AttractView)  # the citizen's screen is wiped
    store.close()
