"""Read a bundle in one forward pass, trusting nothing before it is checked.

A bundle is a tar (plain or gzip) whose first member is `manifest.json`, second
`manifest.sig`, then the pack files under `pack/`. The signature is verified before any
pack byte is read; every later member must be a regular file listed in the manifest, with
the listed size and SHA-256. Members are streamed to a `Sink` while they are hashed, so a
bundle that changes between a check and a copy (a stick pulled or swapped) cannot slip
through. We do our own checks instead of `extractall(filter="data")` because we also need
exact manifest matching and hashes while streaming.
"""
from __future__ import annotations

import gzip
import hashlib
import tarfile
import zlib
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, ContextManager, Protocol

from kiosk.bundles.errors import BundleRejected
from kiosk.bundles.manifest import (
    MANIFEST_NAME,
    PACK_PREFIX,
    SIGNATURE_NAME,
    Limits,
    Manifest,
    check_member_path,
    parse_manifest,
)
from kiosk.bundles.signing import MAX_SIGNATURE_BYTES, verify_manifest

CHUNK = 64 * 1024
TAR_BUFSIZE = tarfile.RECORDSIZE // 20  # 512: tarfile reads ahead at most this much
HEADER_BYTES = 8192  # per member: tar header(s) with pax or GNU long-name data


class Sink(Protocol):
    """Where member data goes while it is hashed (nowhere, for `verify_bundle`)."""

    def open_file(self, path: str) -> ContextManager[BinaryIO]: ...


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class VerifiedBundle:
    manifest: Manifest
    signer: str  # base64 public key that signed it


class _SourceLost(Exception):
    """The bundle's source failed to read (stick pulled, I/O error)."""


class _Guard:
    """A read-only file wrapper: source errors become `_SourceLost`, and reads past the
    window granted by `allow` are refused as oversize. Windows bound what tarfile parses
    per member: its pax-header parsing is quadratic on crafted input (CVE-2024-6232 in
    Python < 3.11.10), and a small gzip file can unpack to gigabytes."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner, self.count = inner, 0
        self.end: int | None = None
        self.what = ""

    def allow(self, size: int, what: str) -> None:
        self.end, self.what = self.count + size + TAR_BUFSIZE, what

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.inner.read(size)
        except OSError as exc:
            raise _SourceLost(f"read failed after {self.count} bytes: {exc}") from exc
        self.count += len(data)
        if self.end is not None and self.count > self.end:
            raise BundleRejected("oversize", f"{self.what} is larger than allowed")
        return data


def read_bundle(source: Path | BinaryIO, trusted_keys: tuple[str, ...], limits: Limits,
                sink: Sink | None = None, on_manifest: Callable[[Manifest], None] | None = None,
                progress: Progress | None = None) -> VerifiedBundle:
    """Verify a bundle and stream its pack files to `sink`, or raise `BundleRejected`.

    `on_manifest` runs after the signature is verified and before any pack file is read
    (the installer refuses old or replayed versions there); `progress(done, total)` gets
    pack bytes read so far and in all."""
    if isinstance(source, Path):
        try:
            f = source.open("rb")
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise BundleRejected("not_found", f"cannot open {source}: {exc}", name=source.name) from exc
        except OSError as exc:
            raise BundleRejected("source_lost", f"cannot open {source}: {exc}") from exc
        with f:
            return read_bundle(f, trusted_keys, limits, sink, on_manifest, progress)
    state = {"members": 0}
    try:
        return _read(source, trusted_keys, limits, sink, on_manifest, progress, state)
    except _SourceLost as exc:
        raise BundleRejected("source_lost", str(exc)) from exc
    except (EOFError, zlib.error, gzip.BadGzipFile, tarfile.ReadError, tarfile.CompressionError) as exc:
        text = str(exc)
        if isinstance(exc, EOFError) or any(s in text for s in ("unexpected end", "truncated", "empty file")):
            raise BundleRejected("truncated", f"bundle ends early after {state['members']} members: {exc}") from exc
        reason = "not_a_bundle" if state["members"] == 0 else "tampered"
        raise BundleRejected(reason, f"unreadable tar data after {state['members']} members: {exc}") from exc


def open_tar_stream(source: BinaryIO) -> tarfile.TarFile:
    """A forward-only tar reader over a plain or gzip bundle (no size windows: for the
    province's own bundles)."""
    return _open(source, windowed=False)[0]


def _open(source: BinaryIO, windowed: bool = True) -> tuple[tarfile.TarFile, _Guard]:
    """The tar reader and the guard on its (decompressed) input, for `allow` windows.
    Opening already parses the first header, so its window is granted here."""
    raw = _Guard(source)
    magic = raw.read(2)
    source.seek(0)
    raw.count = 0
    inner = gzip.GzipFile(fileobj=raw, mode="rb") if magic == b"\x1f\x8b" else raw  # type: ignore[arg-type]
    guard = _Guard(inner)  # type: ignore[arg-type]
    if windowed:
        guard.allow(HEADER_BYTES, "the first tar header")
    return tarfile.open(fileobj=guard, mode="r|", bufsize=TAR_BUFSIZE), guard  # type: ignore[arg-type]


def _read(source: BinaryIO, trusted_keys: tuple[str, ...], limits: Limits, sink: Sink | None,
          on_manifest: Callable[[Manifest], None] | None, progress: Progress | None,
          state: dict[str, int]) -> VerifiedBundle:
    tar, guard = _open(source)
    with tar:
        members = iter(tar)
        first = next(members, None)
        if first is None or first.name != MANIFEST_NAME or not first.isfile():
            raise BundleRejected("not_a_bundle", f"first member is {first and first.name!r}, not {MANIFEST_NAME}")
        if first.size > limits.max_manifest_bytes:
            raise BundleRejected("oversize", f"{MANIFEST_NAME} is {first.size} bytes")
        guard.allow(first.size, MANIFEST_NAME)
        manifest_bytes = read_member(tar, first)
        state["members"] = 1
        guard.allow(HEADER_BYTES, f"the tar header after {MANIFEST_NAME}")
        second = next(members, None)
        if second is None or second.name != SIGNATURE_NAME or not second.isfile():
            raise BundleRejected("unsigned", f"no {SIGNATURE_NAME} after {MANIFEST_NAME}")
        if second.size > MAX_SIGNATURE_BYTES:
            raise BundleRejected("tampered", f"{SIGNATURE_NAME} is {second.size} bytes")
        guard.allow(second.size, SIGNATURE_NAME)
        signer = verify_manifest(manifest_bytes, read_member(tar, second), trusted_keys)
        state["members"] = 2
        manifest = parse_manifest(manifest_bytes, limits)
        if on_manifest:
            on_manifest(manifest)
        seen: set[str] = set()
        done = 0
        while True:
            guard.allow(HEADER_BYTES, f"the tar header after member {state['members']}")
            member = next(members, None)
            if member is None:
                break
            state["members"] += 1
            if state["members"] > limits.max_files * 2 + 2:
                raise BundleRejected("oversize", f"more than {limits.max_files * 2 + 2} tar members")
            path = _pack_path(member)
            if member.isdir():
                continue  # directories are created from file paths
            entry = manifest.entry(path)
            if entry is None or path in seen:
                raise BundleRejected("tampered", f"{member.name!r} is not listed in the manifest (or repeated)")
            if member.size != entry.size:
                raise BundleRejected("tampered", f"{member.name}: {member.size} bytes, manifest says {entry.size}")
            seen.add(path)
            guard.allow(member.size, member.name)
            data = tar.extractfile(member)
            assert data is not None  # a regular file
            digest = hashlib.sha256()
            with sink.open_file(path) if sink else nullcontext(None) as out:
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
                    if out is not None:
                        out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, manifest.total_bytes)
            if digest.hexdigest() != entry.sha256:
                raise BundleRejected("tampered", f"{member.name}: SHA-256 differs from the manifest")
    missing = sorted({f.path for f in manifest.files} - seen)
    if missing:
        raise BundleRejected("truncated", f"{len(missing)} files missing from the bundle, e.g. {missing[0]!r}")
    return VerifiedBundle(manifest, signer)


def _pack_path(member: tarfile.TarInfo) -> str:
    """The member's path inside the pack; refuses links, devices and unsafe names."""
    if member.issym() or member.islnk():
        raise BundleRejected("link", f"{member.name!r} is a link to {member.linkname!r}")
    if not (member.isfile() or member.isdir()) or member.issparse():
        raise BundleRejected("special_file", f"{member.name!r} has tar type {member.type!r}")
    name = member.name
    if name == PACK_PREFIX.rstrip("/") and member.isdir():
        return ""
    check_member_path(name)
    if not name.startswith(PACK_PREFIX):
        raise BundleRejected("tampered", f"{name!r} is outside {PACK_PREFIX}")
    return name[len(PACK_PREFIX):]


def read_member(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    data = tar.extractfile(member)
    assert data is not None
    return data.read()


def verify_bundle(source: Path | BinaryIO, trusted_keys: tuple[str, ...], limits: Limits = Limits()) -> VerifiedBundle:
    """Check signature and every file of a bundle without writing anything."""
    return read_bundle(source, trusted_keys, limits)
