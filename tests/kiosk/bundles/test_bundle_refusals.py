"""Every way a bundle must be refused; after each, the kiosk still teaches version 1."""
from __future__ import annotations

import errno
import fcntl
import io
import os
import tarfile
import unicodedata
from pathlib import Path

import pytest
from bundle_kit import (
    Key,
    Member,
    assert_pack_teaches,
    craft_bundle,
    make_key,
    manifest_for,
    pack_members,
    signed_bundle,
    tree_digest,
)

from kiosk.bundles import BundleRejected, Limits, PackStore
from kiosk.bundles.texts import KEPT


@pytest.fixture
def refuse(installed_v1: PackStore, tmp_path: Path):
    """Install a source that must be refused with `reason`; check nothing changed."""
    store = installed_v1
    before = tree_digest(store.root)

    def run(source, reason: str, store: PackStore = store) -> BundleRejected:
        with pytest.raises(BundleRejected) as caught:
            store.install(source)
        exc = caught.value
        assert exc.reason == reason, exc.detail
        assert exc.message_vi.endswith(KEPT) and unicodedata.is_normalized("NFC", exc.message_vi)
        assert exc.detail
        assert not (store.root / "incoming").exists()
        assert tree_digest(store.root) == before
        active = PackStore(store.root, (), validator=lambda p: []).active_pack_dir()  # assert_pack_teaches validates
        assert active is not None
        assert_pack_teaches(active, 1)
        return exc

    return run


def test_tampered_file_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    lesson = next(m for m in members if m.name.endswith(".yaml") and "lessons/" in m.name)
    lesson.data = lesson.data.replace("VNeID".encode(), "VNEID".encode()) if b"VNeID" in lesson.data \
        else lesson.data[:-1] + b"#"
    exc = refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest), "tampered")
    assert "SHA-256" in exc.detail


def test_tampered_manifest_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    bundle = signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key)
    with tarfile.open(bundle) as tar:
        members = [Member(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]
    members[0].data = members[0].data.replace(b'"version": 2', b'"version": 9')
    with tarfile.open(bundle, "w:gz") as tar:
        for m in members:
            info = tarfile.TarInfo(m.name)
            info.size = len(m.data)
            tar.addfile(info, io.BytesIO(m.data))
    assert "does not match" in refuse(bundle, "tampered").detail


def test_extra_file_not_in_manifest_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    members.append(Member("pack/lessons/extra.yaml", b"id: extra\n"))
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest), "tampered")


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.0, 0.001, 0.3, 0.7])
def test_truncated_bundle_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path, gz: bool,
                                     keep: float) -> None:
    full = craft_bundle(tmp_path / "full.hvsbundle", pack_members(pack_v2), key, gz=gz).read_bytes()
    cut = tmp_path / "cut.hvsbundle"
    cut.write_bytes(full[: int(len(full) * keep)])
    refuse(cut, "truncated")


def test_bundle_cut_inside_its_last_file_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    full = craft_bundle(tmp_path / "full.hvsbundle", pack_members(pack_v2), key, gz=False)
    with tarfile.open(full) as tar:
        last = tar.getmembers()[-1]
    cut = tmp_path / "cut.hvsbundle"
    cut.write_bytes(full.read_bytes()[: last.offset_data + last.size // 2])
    refuse(cut, "truncated")


def test_bundle_missing_a_listed_file_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members[:-1], key, manifest), "truncated")


def test_oversize_file_is_refused_before_unpacking(installed_v1: PackStore, refuse, pack_v2: Path, key: Key,
                                                  tmp_path: Path) -> None:
    small = PackStore(installed_v1.root, (key.public,), limits=Limits(max_file_bytes=60_000))
    bundle = craft_bundle(tmp_path / "b.hvsbundle", pack_members(pack_v2), key)
    assert "limit 60000" in refuse(bundle, "oversize", store=small).detail


def test_oversize_total_is_refused(installed_v1: PackStore, refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    small = PackStore(installed_v1.root, (key.public,), limits=Limits(max_total_bytes=100_000))
    refuse(craft_bundle(tmp_path / "b.hvsbundle", pack_members(pack_v2), key), "oversize", store=small)


def test_member_larger_than_manifest_says_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    members[-1].data += b"more"
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest), "tampered")


@pytest.mark.parametrize("where", ["manifest", "pack file"])
def test_huge_tar_header_is_refused_before_parsing(refuse, pack_v2: Path, key: Key, tmp_path: Path,
                                                   where: str) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    # Python < 3.11.10 takes minutes to parse this header (CVE-2024-6232); it compresses to ~100 bytes.
    bomb = {"comment": "0" * 100_000}
    if where == "pack file":
        members[0].pax = bomb
    bundle = craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest,
                          manifest_pax=bomb if where == "manifest" else None)
    assert "larger than allowed" in refuse(bundle, "oversize").detail


def test_unsigned_bundle_is_refused(refuse, pack_v2: Path, tmp_path: Path) -> None:
    refuse(craft_bundle(tmp_path / "b.hvsbundle", pack_members(pack_v2), key=None), "unsigned")


def test_bundle_signed_by_unknown_key_is_refused(refuse, pack_v2: Path, tmp_path: Path) -> None:
    stranger = make_key(tmp_path / "stranger")
    exc = refuse(signed_bundle(pack_v2, tmp_path / "b.hvsbundle", stranger), "unknown_key")
    assert stranger.public in exc.detail


def test_kiosk_without_trusted_keys_refuses_everything(installed_v1: PackStore, refuse, pack_v2: Path, key: Key,
                                                      tmp_path: Path) -> None:
    untrusting = PackStore(installed_v1.root, ())
    refuse(signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key), "no_trusted_keys", store=untrusting)


def test_older_version_is_refused(installed_v1: PackStore, refuse, key: Key, tmp_path: Path) -> None:
    from bundle_kit import make_pack

    old = make_pack(tmp_path / "src" / "v0", 0)
    exc = refuse(signed_bundle(old, tmp_path / "v0.hvsbundle", key), "older_version")
    assert "phiên bản 0" in exc.message_vi and "phiên bản 1" in exc.message_vi


def test_same_version_again_is_refused(refuse, bundle_v1: Path) -> None:
    refuse(bundle_v1, "same_version")


@pytest.mark.parametrize("name", ["pack/../../evil.yaml", "/tmp/evil.yaml", "pack/lessons/../../../evil.yaml",
                                  "pack//lessons/x.yaml", "pack/./x.yaml"])
def test_path_traversal_member_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path, name: str) -> None:
    members = pack_members(pack_v2)
    manifest = manifest_for(members)
    members.insert(1, Member(name, b"evil"))
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest), "unsafe_path")
    assert not list(tmp_path.rglob("evil.yaml"))


def test_path_traversal_in_signed_manifest_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    members = pack_members(pack_v2) + [Member("pack/../evil.yaml", b"evil")]
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key), "unsafe_path")
    assert not list(tmp_path.rglob("evil.yaml"))


@pytest.mark.parametrize("link", [
    Member("pack/lessons", type=tarfile.SYMTYPE, linkname="/tmp"),
    Member("pack/lessons/cham-vuot-go-chu.yaml", type=tarfile.SYMTYPE, linkname="../../../../../etc/passwd"),
    Member("pack/hard.yaml", type=tarfile.LNKTYPE, linkname="pack/pack.yaml"),
], ids=["dir-symlink", "file-symlink", "hardlink"])
def test_links_are_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path, link: Member) -> None:
    members = pack_members(pack_v2)
    refuse(craft_bundle(tmp_path / "b.hvsbundle", [link, *members], key, manifest_for(members)), "link")


@pytest.mark.parametrize("kind", [tarfile.CHRTYPE, tarfile.BLKTYPE, tarfile.FIFOTYPE])
def test_devices_and_fifos_are_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path, kind: bytes) -> None:
    members = pack_members(pack_v2)
    bundle = craft_bundle(tmp_path / "b.hvsbundle", [Member("pack/dev", type=kind), *members], key,
                          manifest_for(members))
    refuse(bundle, "special_file")


def test_pack_that_fails_validation_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    lesson = pack_v2 / "lessons" / "cham-vuot-go-chu.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("screen: ", "screen: khong-co-", 1),
                      encoding="utf-8")
    exc = refuse(signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key), "invalid_pack")
    assert "is not defined" in exc.detail


def test_pack_whose_header_disagrees_with_the_manifest_is_refused(refuse, pack_v2: Path, key: Key,
                                                                 tmp_path: Path) -> None:
    members = pack_members(pack_v2)
    refuse(craft_bundle(tmp_path / "b.hvsbundle", members, key, manifest_for(members, version=7)), "invalid_pack")


class FailingStick(io.RawIOBase):
    """A file on a stick that is pulled after `good` bytes: reads then fail with EIO."""

    def __init__(self, path: Path, good: int) -> None:
        self.f, self.good = path.open("rb"), good

    def readable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.f.seek(offset, whence)

    def readinto(self, buffer) -> int:
        if self.f.tell() >= self.good:
            raise OSError(errno.EIO, "Input/output error")
        data = self.f.read(min(len(buffer), self.good - self.f.tell()))
        buffer[: len(data)] = data
        return len(data)


@pytest.mark.parametrize("good", [10, 2000, 60_000])
def test_stick_pulled_mid_copy_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path, good: int) -> None:
    bundle = signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key)
    assert bundle.stat().st_size > good
    stick = FailingStick(bundle, good)
    assert "Input/output error" in refuse(stick, "source_lost").detail


def test_a_bundle_that_is_not_there_is_refused_as_not_found(refuse, tmp_path: Path) -> None:
    refused = refuse(tmp_path / "stick" / "gone.hvsbundle", "not_found")
    assert refused.message_vi.startswith("Không tìm thấy tệp gói bài học «gone.hvsbundle».")
    assert "USB đã bị rút" not in refused.message_vi


def test_bundle_truncated_while_being_read_is_refused(refuse, pack_v2: Path, key: Key, tmp_path: Path) -> None:
    bundle = signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key)

    class Shrinking(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            if self.tell() > 4096:
                os.truncate(self.name, self.tell())
            return super().read(size)

    with Shrinking(str(bundle), "r") as stick:
        refuse(stick, "truncated")


def test_bundle_deleted_while_being_read_still_installs_what_was_verified(installed_v1: PackStore, pack_v2: Path,
                                                                         key: Key, tmp_path: Path) -> None:
    """Unlinking keeps an open file readable on Linux: the bytes read are all verified."""
    bundle = signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key)

    class Deleting(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            Path(self.name).unlink(missing_ok=True)
            return super().read(size)

    with Deleting(str(bundle), "r") as stick:
        info = installed_v1.install(stick)
    assert not bundle.exists()
    assert info.version == 2
    assert installed_v1.active_pack_dir() == info.pack_dir
    assert_pack_teaches(info.pack_dir, 2)


def test_disk_failure_while_unpacking_is_refused(installed_v1: PackStore, refuse, pack_v2: Path, key: Key,
                                                tmp_path: Path) -> None:
    def full_disk(what: str) -> None:
        if what.startswith("write"):
            raise OSError(errno.ENOSPC, "No space left on device")

    failing = PackStore(installed_v1.root, (key.public,), checkpoint=full_disk)
    refuse(signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key), "disk_error", store=failing)


def test_second_install_at_the_same_time_is_refused(installed_v1: PackStore, refuse, pack_v2: Path, key: Key,
                                                   tmp_path: Path) -> None:
    bundle = signed_bundle(pack_v2, tmp_path / "b.hvsbundle", key)
    with open(installed_v1.root / ".lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # what a running install holds
        refuse(bundle, "busy")
