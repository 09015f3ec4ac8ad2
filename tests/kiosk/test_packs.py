import dataclasses
import shutil
from pathlib import Path

import yaml

import content.loader
import kiosk.packs
from content.loader import BUILTIN_PACKS, load_pack
from kiosk.bundles import open_store
from kiosk.packs import kiosk_packs, load_packs
from tests.kiosk.bundles.bundle_kit import make_key, make_pack, signed_bundle


def copy_pack(tmp_path, name, pack_id, version=1):
    root = tmp_path / name
    shutil.copytree(BUILTIN_PACKS / "core", root)
    header = yaml.safe_load((root / "pack.yaml").read_text(encoding="utf-8"))
    header.update(id=pack_id, version=version)
    (root / "pack.yaml").write_text(yaml.safe_dump(header, allow_unicode=True), encoding="utf-8")
    return root


def test_a_broken_pack_is_refused_and_the_good_ones_still_load(tmp_path):
    broken = copy_pack(tmp_path, "broken", "extra")
    (broken / "lessons" / "cham-vuot-go-chu.yaml").write_bytes(b"\xff\xfe not utf-8")
    packs, refused = load_packs([BUILTIN_PACKS / "core", broken])
    assert [p.id for p in packs] == ["core"]
    assert refused[0].path == broken and "bị lỗi" in refused[0].message_vi
    assert any("not valid UTF-8" in p.message for p in refused[0].problems)


def test_an_installed_update_with_the_builtin_id_replaces_it(tmp_path):
    update = copy_pack(tmp_path, "update", "core", version=2)
    packs, refused = load_packs([update, BUILTIN_PACKS / "core"])
    assert [(p.id, p.version) for p in packs] == [("core", 2)] and refused == []


def test_the_kiosk_teaches_an_installed_update_and_reads_it_only_once(tmp_path, settings, monkeypatch):
    key = make_key(tmp_path / "keys")
    bundle = signed_bundle(make_pack(tmp_path / "src", 2), tmp_path / "update.hvsbundle", key)
    settings = dataclasses.replace(settings, trusted_keys=(key.public,))
    open_store(settings).install(bundle)
    reads: list[Path] = []

    def counting_load(path: Path):
        reads.append(path)
        return load_pack(path)

    monkeypatch.setattr(kiosk.packs, "load_pack", counting_load)
    monkeypatch.setattr(content.loader, "load_pack", counting_load)  # what the default validator uses
    packs, refused = kiosk_packs(settings)
    assert [(p.id, p.version) for p in packs] == [("core", 2)] and refused == []
    installed = [path for path in reads if path.is_relative_to(settings.data_dir)]
    assert len(installed) == 1  # the slot check's validation is the load that is used
