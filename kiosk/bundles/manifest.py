"""The bundle manifest (`manifest.json`): pack id, version, creation date and every pack
file with its size and SHA-256, plus the size limits a kiosk accepts.

The manifest bytes are what is signed, so they are kept verbatim (`Manifest.raw`).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kiosk.bundles.errors import BundleRejected

FORMAT = 1
BUNDLE_SUFFIX = ".hvsbundle"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PACK_PREFIX = "pack/"
MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a kiosk accepts from a bundle (checked against the manifest and the tar headers)."""

    max_file_bytes: int = 256 * MiB
    max_total_bytes: int = 1024 * MiB
    max_files: int = 5000
    max_manifest_bytes: int = 4 * MiB


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the pack root, "/"-separated
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    pack_id: str
    version: int
    title: str
    created: str  # informational only: a kiosk's clock is never trusted for ordering
    files: tuple[FileEntry, ...]
    raw: bytes = field(repr=False)  # the exact signed bytes
    _by_path: dict[str, FileEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_path", {f.path: f for f in self.files})

    def entry(self, path: str) -> FileEntry | None:
        return self._by_path.get(path)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


def encode_manifest(header: PackHeader, created: str, files: list[FileEntry]) -> bytes:
    doc = {
        "format": FORMAT,
        "pack_id": header.pack_id,
        "version": header.version,
        "title": header.title,
        "created": created,
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in files],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def parse_manifest(raw: bytes, limits: Limits) -> Manifest:
    """Parse signed manifest bytes, checking shape, paths and declared sizes against `limits`."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError(f"unsupported manifest format {doc.get('format')!r} (expected {FORMAT})")
        pack_id, version, title, created = doc["pack_id"], doc["version"], doc["title"], doc["created"]
        if not (isinstance(pack_id, str) and pack_id and isinstance(title, str) and isinstance(created, str)):
            raise ValueError("pack_id, title and created must be strings")
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise ValueError(f"version must be a non-negative integer, not {version!r}")
        files = tuple(_entry(item) for item in doc["files"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleRejected("not_a_bundle", f"{MANIFEST_NAME} is malformed: {exc}") from exc
    for f in files:
        check_member_path(f.path)
    paths = [f.path for f in files]
    if len(set(paths)) != len(paths):
        raise BundleRejected("tampered", f"{MANIFEST_NAME} lists a file twice")
    if "pack.yaml" not in paths:
        raise BundleRejected("not_a_bundle", f"{MANIFEST_NAME} lists no pack.yaml")
    manifest = Manifest(pack_id, version, title, created, files, raw)
    check_limits(manifest, limits)
    return manifest


def _entry(item: dict) -> FileEntry:
    path, size, digest = item["path"], item["size"], item["sha256"]
    if not isinstance(path, str) or not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"bad file entry {item!r}")
    if not (isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)):
        raise ValueError(f"bad sha256 for {path!r}")
    return FileEntry(path, size, digest)


def check_limits(manifest: Manifest, limits: Limits) -> None:
    if len(manifest.files) > limits.max_files:
        raise BundleRejected("oversize", f"{len(manifest.files)} files, limit {limits.max_files}")
    for f in manifest.files:
        if f.size > limits.max_file_bytes:
            raise BundleRejected("oversize", f"{f.path}: {f.size} bytes, limit {limits.max_file_bytes}")
    if manifest.total_bytes > limits.max_total_bytes:
        raise BundleRejected("oversize", f"{manifest.total_bytes} bytes in all, limit {limits.max_total_bytes}")


def check_member_path(path: str) -> None:
    """Refuse any path that is not a plain relative path inside the pack."""
    parts = path.split("/")
    problem = ""
    if not path or path.startswith("/") or "\\" in path or "\x00" in path:
        problem = "absolute, empty or non-portable"
    elif any(part in ("", ".", "..") for part in parts):
        problem = "has an empty, '.' or '..' component"
    elif any(not ch.isprintable() for ch in path):
        problem = "has control characters"
    elif unicodedata.normalize("NFC", path) != path:
        problem = "is not NFC-normalised"
    elif len(path.encode("utf-8")) > 1024 or any(len(p.encode("utf-8")) > 255 for p in parts):
        problem = "is too long"
    if problem:
        raise BundleRejected("unsafe_path", f"path {path!r} {problem}")


@dataclass(frozen=True)
class PackHeader:
    pack_id: str
    version: int
    title: str


def read_pack_header(pack_dir: Path) -> PackHeader:
    """The `id`, `version` and `title` from a pack's pack.yaml (ValueError when unusable)."""
    path = pack_dir / "pack.yaml"
    try:
        header = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = PackHeader(header["id"], header["version"], header.get("title", ""))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"cannot read id and version from {path}: {exc}") from exc
    if not (isinstance(result.pack_id, str) and isinstance(result.title, str)) or type(result.version) is not int:
        raise ValueError(f"{path}: id and title must be text and version an integer")
    return result
