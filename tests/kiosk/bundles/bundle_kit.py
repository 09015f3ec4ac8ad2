"""Helpers for bundle tests: real packs copied from the built-in one, keys, real bundles
made with the real tools, and hand-crafted tars for the attacks."""
from __future__ import annotations

import base64
import hashlib
import io
import random
import re
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from content.loader import BUILTIN_PACKS, load_pack
from kiosk.bundles.build import build_bundle, sign_bundle
from kiosk.bundles.manifest import FileEntry, PackHeader, encode_manifest
from kiosk.bundles.signing import public_key_b64, sign_manifest
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents


@dataclass(frozen=True)
class Key:
    private: Ed25519PrivateKey
    path: Path

    @property
    def public(self) -> str:
        return public_key_b64(self.private)


def make_key(directory: Path, name: str = "province") -> Key:
    private = Ed25519PrivateKey.generate()
    path = directory / f"{name}.key"
    directory.mkdir(parents=True, exist_ok=True)
    path.write_bytes(private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return Key(private, path)


def make_pack(directory: Path, version: int, media_files: int = 0) -> Path:
    """A copy of the built-in pack with another version (and title, so it can be told
    apart), plus optional media files of random bytes."""
    shutil.copytree(BUILTIN_PACKS / "core", directory)
    header = directory / "pack.yaml"
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", header.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^title: .*$", f"title: Bài học cơ bản (bản {version})", text)
    header.write_text(text, encoding="utf-8")
    rng = random.Random(version)
    for i in range(media_files):
        media = directory / "media" / f"anh-{i:02d}.bin"
        media.parent.mkdir(exist_ok=True)
        media.write_bytes(rng.randbytes(70_000))
    return directory


def signed_bundle(pack_dir: Path, out: Path, key: Key, validator=lambda p: []) -> Path:
    """A bundle made and signed by the real province tools (not validated by default:
    the installer validates)."""
    build_bundle(pack_dir, out, validator)
    sign_bundle(out, key.path)
    return out


@dataclass
class Member:
    name: str
    data: bytes = b""
    type: bytes = tarfile.REGTYPE
    linkname: str = ""
    size: int | None = None  # header size when it should lie
    pax: dict[str, str] | None = None


def pack_members(pack_dir: Path) -> list[Member]:
    return [Member("pack/" + p.relative_to(pack_dir).as_posix(), p.read_bytes())
            for p in sorted(pack_dir.rglob("*")) if p.is_file()]


def manifest_for(members: list[Member], pack_id: str = "core", version: int = 2) -> bytes:
    entries = [FileEntry(m.name.removeprefix("pack/"), len(m.data), hashlib.sha256(m.data).hexdigest())
               for m in members if m.type == tarfile.REGTYPE]
    return encode_manifest(PackHeader(pack_id, version, "Thử"), "2020-01-01T00:00:00+00:00", entries)


def craft_bundle(out: Path, members: list[Member], key: Key | None, manifest: bytes | None = None,
                 gz: bool = True, manifest_pax: dict[str, str] | None = None) -> Path:
    """A bundle written by hand: manifest (of `members` unless given), signature (if a
    key is given), then the members exactly as described."""
    manifest = manifest if manifest is not None else manifest_for(members)
    head = [Member("manifest.json", manifest, pax=manifest_pax)]
    if key is not None:
        head.append(Member("manifest.sig", sign_manifest(manifest, key.private)))
    with tarfile.open(out, "w:gz" if gz else "w", format=tarfile.PAX_FORMAT) as tar:
        for m in head + members:
            info = tarfile.TarInfo(m.name)
            info.type, info.linkname, info.mode = m.type, m.linkname, 0o644
            info.size = len(m.data) if m.size is None else m.size
            if m.pax:
                info.pax_headers = m.pax
            if m.type == tarfile.REGTYPE:
                tar.addfile(info, io.BytesIO(m.data))
            else:
                info.size = 0
                tar.addfile(info)
    return out


def tree_digest(directory: Path) -> dict[str, str]:
    """Every file under `directory` and its SHA-256 (to prove nothing changed)."""
    return {p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def assert_pack_teaches(pack_dir: Path, version: int) -> None:
    """The pack loads with no problems, has `version`, and a lesson runs to the end."""
    result = load_pack(pack_dir)
    assert result.pack is not None, result.problems
    assert result.pack.version == version
    lesson = result.pack.lessons[0]
    session = LessonSession(lesson, random.Random(5))
    finished = False
    while not finished:
        for intent in correct_intents(session):
            finished = session.handle(intent).finished
    assert finished


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
