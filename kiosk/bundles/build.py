"""Make bundles (province side): `build_bundle` packs a pack directory with its manifest,
`sign_bundle` adds the Ed25519 signature. Output is a gzip tar, written atomically."""
from __future__ import annotations

import datetime
import hashlib
import io
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kiosk.bundles.manifest import (
    MANIFEST_NAME,
    PACK_PREFIX,
    SIGNATURE_NAME,
    FileEntry,
    encode_manifest,
    read_pack_header,
)
from kiosk.bundles.reader import open_tar_stream, read_member
from kiosk.bundles.signing import load_private_key, public_key_b64, sign_manifest


class BuildError(Exception):
    """The pack directory cannot be bundled (the message says why, in English)."""


def build_bundle(pack_dir: Path, out: Path, validator: Callable[[Path], Sequence[object]],
                 created: datetime.datetime | None = None) -> bytes:
    """Write an unsigned bundle of `pack_dir` to `out`; return the manifest bytes.

    Hidden files (names starting with ".") are left out; links are refused."""
    problems = list(validator(pack_dir))
    if problems:
        raise BuildError(f"{pack_dir} is not a valid pack:\n" + "\n".join(f"  {p}" for p in problems))
    try:
        header = read_pack_header(pack_dir)
    except ValueError as exc:
        raise BuildError(str(exc)) from exc
    files = list(_pack_files(pack_dir))
    entries = [FileEntry(rel, path.stat().st_size, _sha256(path)) for rel, path in files]
    stamp = (created or datetime.datetime.now(datetime.timezone.utc)).isoformat(timespec="seconds")
    manifest = encode_manifest(header, stamp, entries)
    with _atomic_tar(out) as tar:
        _add_bytes(tar, MANIFEST_NAME, manifest)
        for rel, path in files:
            with path.open("rb") as f:
                tar.addfile(_info(PACK_PREFIX + rel, path.stat().st_size), f)
    return manifest


def sign_bundle(bundle: Path, key_path: Path) -> str:
    """Add (or replace) the bundle's signature; return the signer's base64 public key."""
    key = load_private_key(key_path)
    with bundle.open("rb") as src, open_tar_stream(src) as tar_in, _atomic_tar(bundle) as tar_out:
        members = iter(tar_in)
        first = next(members, None)
        if first is None or first.name != MANIFEST_NAME:
            raise BuildError(f"{bundle} does not start with {MANIFEST_NAME}")
        manifest = read_member(tar_in, first)
        _add_bytes(tar_out, MANIFEST_NAME, manifest)
        _add_bytes(tar_out, SIGNATURE_NAME, sign_manifest(manifest, key))
        for member in members:
            if member.name != SIGNATURE_NAME:
                tar_out.addfile(_info(member.name, member.size), tar_in.extractfile(member))
    return public_key_b64(key)


def _pack_files(pack_dir: Path) -> Iterator[tuple[str, Path]]:
    for dirpath, dirnames, filenames in os.walk(pack_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(n for n in filenames if not n.startswith(".")):
            path = Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                raise BuildError(f"{path} is a link or special file; bundles hold regular files only")
            yield path.relative_to(pack_dir).as_posix(), path
        for d in dirnames:
            if Path(dirpath, d).is_symlink():
                raise BuildError(f"{Path(dirpath, d)} is a link; bundles hold regular files only")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 16):
            digest.update(chunk)
    return digest.hexdigest()


def _info(name: str, size: int) -> tarfile.TarInfo:
    """Uniform metadata, so the same pack gives the same tar."""
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o644, 0
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    tar.addfile(_info(name, len(data)), io.BytesIO(data))


@contextmanager
def _atomic_tar(out: Path) -> Iterator[tarfile.TarFile]:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w|gz", format=tarfile.PAX_FORMAT) as tar:
                yield tar
            raw.flush()
            os.fsync(raw.fileno())
            os.fchmod(raw.fileno(), 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
