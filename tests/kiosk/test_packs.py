import shutil

import yaml

from content.loader import BUILTIN_PACKS
from kiosk.packs import load_packs


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
