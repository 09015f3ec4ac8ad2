"""Installing, rolling back and starting up from the A/B slots."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bundle_kit import Key, assert_pack_teaches, make_pack, signed_bundle

from kiosk.bundles import PackStore, RollbackUnavailable, active_pack_dir
from kiosk.bundles.texts import installed_vi, rolled_back_vi
from kiosk.settings import Settings


def bundle(tmp_path: Path, key: Key, version: int) -> Path:
    return signed_bundle(make_pack(tmp_path / "src" / f"p{version}", version), tmp_path / f"v{version}.hvsbundle", key)


def test_fresh_kiosk_uses_built_in_lessons_only(pack_store: PackStore) -> None:
    assert pack_store.active_pack_dir() is None
    status = pack_store.status()
    assert status.active is None and not status.can_rollback and status.highest == {}
    with pytest.raises(RollbackUnavailable) as caught:
        pack_store.rollback()
    assert caught.value.reason == "no_previous"


def test_install_switches_to_the_new_pack_and_keeps_the_old_one(installed_v1: PackStore, pack_v2: Path, key: Key,
                                                               tmp_path: Path) -> None:
    old = installed_v1.active_pack_dir()
    seen: list[tuple[int, int]] = []
    info = installed_v1.install(signed_bundle(pack_v2, tmp_path / "v2.hvsbundle", key),
                                progress=lambda done, total: seen.append((done, total)))
    total = sum(p.stat().st_size for p in pack_v2.rglob("*") if p.is_file())
    assert seen[-1] == (total, total) and seen == sorted(seen)
    assert (info.version, info.slot, info.title) == (2, "b", "Bài học cơ bản (bản 2)")
    assert installed_v1.active_pack_dir() == info.pack_dir != old
    assert_pack_teaches(info.pack_dir, 2)
    assert (info.pack_dir / "media" / "anh-01.bin").read_bytes() == (pack_v2 / "media" / "anh-01.bin").read_bytes()
    status = installed_v1.status()
    assert status.active == info and status.rollback_to.version == 1 and status.highest == {"core": 2}
    assert "phiên bản 2" in installed_vi(info)
    pointer = json.loads((installed_v1.root / "active.json").read_text())
    assert pointer["active"] == "b" and pointer["highest"] == {"core": 2}


def test_plain_uncompressed_tar_installs_too(installed_v1: PackStore, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    from bundle_kit import craft_bundle, pack_members

    info = installed_v1.install(craft_bundle(tmp_path / "b.hvsbundle", pack_members(pack_v2), key, gz=False))
    assert_pack_teaches(info.pack_dir, 2)


def test_rollback_toggles_between_the_two_versions_and_keeps_the_counter(installed_v1: PackStore, pack_v2: Path,
                                                                        key: Key, tmp_path: Path) -> None:
    v2 = signed_bundle(pack_v2, tmp_path / "v2.hvsbundle", key)
    installed_v1.install(v2)
    back = installed_v1.rollback()
    assert back.version == 1 and installed_v1.active_pack_dir() == back.pack_dir
    assert_pack_teaches(back.pack_dir, 1)
    assert rolled_back_vi(back) == "Đã khôi phục bộ bài học «Bài học cơ bản (bản 1)» phiên bản 1."
    assert installed_v1.status().highest == {"core": 2}
    with pytest.raises(Exception) as caught:
        installed_v1.install(v2)  # rolled away from: not reinstallable from USB...
    assert caught.value.reason == "same_version"
    assert installed_v1.rollback().version == 2  # ...but rollback switches back to it
    assert json.loads((installed_v1.root / "active.json").read_text())["last_action"] == "rollback"


def test_next_install_replaces_the_inactive_slot(installed_v1: PackStore, pack_v2: Path, key: Key,
                                                tmp_path: Path) -> None:
    installed_v1.install(signed_bundle(pack_v2, tmp_path / "v2.hvsbundle", key))
    v3 = installed_v1.install(bundle(tmp_path, key, 3))
    assert v3.slot == "a"
    assert installed_v1.status().rollback_to.version == 2


def test_rollback_after_the_first_install_returns_to_built_in_lessons(installed_v1: PackStore) -> None:
    assert installed_v1.rollback() is None
    assert installed_v1.active_pack_dir() is None
    assert rolled_back_vi(None).startswith("Đã khôi phục")
    assert installed_v1.rollback().version == 1  # and back again


def test_start_up_falls_back_to_the_other_slot_when_the_active_one_is_damaged(
        installed_v1: PackStore, pack_v2: Path, key: Key, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    v2 = installed_v1.install(signed_bundle(pack_v2, tmp_path / "v2.hvsbundle", key))
    (v2.pack_dir / "lessons" / "cham-vuot-go-chu.yaml").write_text("steps: [", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        fallback = installed_v1.active_pack_dir()
    assert fallback == installed_v1.slot_dir("a") / "pack"
    assert_pack_teaches(fallback, 1)
    assert "slot b is not usable" in caplog.text and "falling back to slot a" in caplog.text


def test_start_up_uses_built_in_lessons_when_no_slot_is_usable(installed_v1: PackStore,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    (installed_v1.slot_dir("a") / "pack" / "pack.yaml").unlink()
    with caplog.at_level(logging.ERROR):
        assert installed_v1.active_pack_dir() is None
    assert "pack.yaml is missing" in caplog.text and "built-in lessons only" in caplog.text


def test_start_up_refuses_a_slot_whose_files_do_not_match_the_manifest(installed_v1: PackStore) -> None:
    lesson = installed_v1.slot_dir("a") / "pack" / "lessons" / "cham-vuot-go-chu.yaml"
    lesson.write_bytes(lesson.read_bytes()[:-10])  # half-written file after a power cut
    assert installed_v1.active_pack_dir() is None


def test_unreadable_pointer_falls_back_to_the_newest_usable_slot_and_keeps_the_counter(
        installed_v1: PackStore, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    installed_v1.install(signed_bundle(pack_v2, tmp_path / "v2.hvsbundle", key))
    (installed_v1.root / "active.json").write_bytes(b"\x00\x00garbage")
    assert installed_v1.active_pack_dir() == installed_v1.slot_dir("b") / "pack"
    assert installed_v1.status().highest == {"core": 2}
    with pytest.raises(Exception) as caught:
        installed_v1.install(tmp_path / "v2.hvsbundle")
    assert caught.value.reason == "same_version"


def test_a_different_pack_id_has_its_own_counter(installed_v1: PackStore, key: Key, tmp_path: Path) -> None:
    other = make_pack(tmp_path / "src" / "other", 1)
    header = other / "pack.yaml"
    header.write_text(header.read_text(encoding="utf-8").replace("id: core", "id: tinh-nha"), encoding="utf-8")
    info = installed_v1.install(signed_bundle(other, tmp_path / "other.hvsbundle", key))
    assert info.pack_id == "tinh-nha"
    assert installed_v1.status().highest == {"core": 1, "tinh-nha": 1}


def test_active_pack_dir_from_settings(tmp_path: Path, key: Key, v1_template: Path) -> None:
    import shutil

    settings = Settings(data_dir=tmp_path / "data", trusted_keys=(key.public,))
    assert active_pack_dir(settings) is None
    shutil.copytree(v1_template / "packs", settings.data_dir / "packs")
    assert active_pack_dir(settings) == settings.data_dir / "packs" / "slot-a" / "pack"
