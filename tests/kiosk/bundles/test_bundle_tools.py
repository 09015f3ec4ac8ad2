"""Province-side tools (build, sign, verify), USB discovery and the `hocvuso` commands."""
from __future__ import annotations

import json
import os
import stat
import tarfile
from pathlib import Path

import pytest
from bundle_kit import Key, assert_pack_teaches, make_pack

from kiosk.bundles import BundleRejected, find_bundles, verify_bundle
from kiosk.bundles.build import BuildError, build_bundle, sign_bundle
from kiosk.bundles.store import default_validator
from kiosk.cli import main


def test_built_and_signed_bundle_has_manifest_signature_then_pack_files(pack_v2: Path, key: Key,
                                                                        tmp_path: Path) -> None:
    out = tmp_path / "b.hvsbundle"
    build_bundle(pack_v2, out, default_validator)
    with pytest.raises(BundleRejected) as caught:
        verify_bundle(out, (key.public,))
    assert caught.value.reason == "unsigned"
    assert sign_bundle(out, key.path) == key.public
    assert sign_bundle(out, key.path) == key.public  # re-signing replaces the signature
    with tarfile.open(out) as tar:
        names = tar.getnames()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert sorted(names[2:]) == sorted("pack/" + p.relative_to(pack_v2).as_posix()
                                       for p in pack_v2.rglob("*") if p.is_file())
    verified = verify_bundle(out, (key.public,))
    assert (verified.manifest.pack_id, verified.manifest.version, verified.signer) == ("core", 2, key.public)


def test_build_refuses_an_invalid_pack_with_every_problem(pack_v2: Path, tmp_path: Path) -> None:
    (pack_v2 / "lessons" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build_bundle(pack_v2, tmp_path / "b.hvsbundle", default_validator)
    assert "lessons/broken.yaml" in str(caught.value)
    assert not (tmp_path / "b.hvsbundle").exists()


def test_build_refuses_links_and_skips_hidden_files(pack_v2: Path, tmp_path: Path) -> None:
    (pack_v2 / ".DS_Store").write_bytes(b"junk")
    out = tmp_path / "b.hvsbundle"
    build_bundle(pack_v2, out, lambda p: [])
    with tarfile.open(out) as tar:
        assert "pack/.DS_Store" not in tar.getnames()
    (pack_v2 / "lessons" / "link.yaml").symlink_to("/etc/passwd")
    with pytest.raises(BuildError, match="link"):
        build_bundle(pack_v2, out, lambda p: [])


def test_find_bundles_on_mounted_sticks(tmp_path: Path) -> None:
    media, run_media = tmp_path / "media", tmp_path / "run-media"
    wanted = [media / "usb0" / "bai-hoc.hvsbundle", media / "kiosk" / "STICK" / "tinh.hvsbundle",
              run_media / "kiosk" / "USB DISK" / "moi.hvsbundle"]
    ignored = [media / "kiosk" / "STICK" / "._tinh.hvsbundle", media / "kiosk" / "STICK" / "notes.txt",
               media / "kiosk" / "STICK" / "deep" / "x.hvsbundle", media / "top.hvsbundle"]
    for path in wanted + ignored:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    (media / "kiosk" / "STICK" / "folder.hvsbundle").mkdir()
    assert find_bundles([media, run_media, tmp_path / "absent"]) == sorted(wanted)


def cli(tmp_path: Path, *args: str) -> int:
    return main(["--config", str(tmp_path / "kiosk.toml"), *args])


def test_cli_from_new_key_to_installed_and_rolled_back_pack(tmp_path: Path, pack_v2: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(tmp_path, "keys", "new", "--out", str(tmp_path / "keys")) == 0
    key_file = tmp_path / "keys" / "hocvuso-signing.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert public == (tmp_path / "keys" / "hocvuso-signing.pub").read_text().strip()
    assert cli(tmp_path, "keys", "new", "--out", str(tmp_path / "keys")) == 1  # never overwrites a key
    data = tmp_path / "data"  # HOCVUSO_DATA_DIR, set by tests/conftest.py
    (tmp_path / "kiosk.toml").write_text(f"trusted_keys = [{json.dumps(public)}]\n")
    bundle = str(tmp_path / "v2.hvsbundle")
    assert cli(tmp_path, "pack", "build", str(pack_v2), "--out", bundle) == 0
    assert cli(tmp_path, "pack", "install", bundle) == 1
    assert "chưa được ký" in capsys.readouterr().err
    assert cli(tmp_path, "pack", "sign", bundle, "--key", str(key_file)) == 0
    assert cli(tmp_path, "pack", "verify", bundle) == 0
    assert cli(tmp_path, "pack", "install", bundle) == 0
    assert "phiên bản 2" in capsys.readouterr().out
    assert_pack_teaches(data / "packs" / "slot-a" / "pack", 2)
    assert cli(tmp_path, "pack", "status") == 0
    assert "active: core version 2" in capsys.readouterr().out
    assert cli(tmp_path, "pack", "rollback") == 0
    assert "có sẵn" in capsys.readouterr().out
    assert cli(tmp_path, "pack", "verify", bundle, "--trust", Key.__name__) == 1  # not a key at all
    assert cli(tmp_path, "pack", "find", str(tmp_path)) == 0


def test_cli_build_of_an_invalid_pack_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = make_pack(tmp_path / "p", 3)
    (pack / "pack.yaml").write_text("id: core\n", encoding="utf-8")
    assert cli(tmp_path, "pack", "build", str(pack), "--out", str(tmp_path / "b.hvsbundle")) == 1
    assert "not a valid pack" in capsys.readouterr().err
    assert not os.path.exists(tmp_path / "b.hvsbundle")
