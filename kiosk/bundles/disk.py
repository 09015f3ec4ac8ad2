"""Durable file operations for the pack slots, each announced to an optional `checkpoint`
callback first (the kill test uses it to die at exact, repeatable points)."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

Checkpoint = Callable[[str], None]


class Disk:
    def __init__(self, checkpoint: Checkpoint | None = None) -> None:
        self._checkpoint = checkpoint

    def step(self, what: str) -> None:
        if self._checkpoint:
            self._checkpoint(what)

    def remove_tree(self, path: Path) -> None:
        if path.exists():
            self.step(f"remove {path.name}")
            shutil.rmtree(path)

    def make_dirs(self, path: Path) -> None:
        self.step(f"mkdir {path.name}")
        path.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def new_file(self, path: Path) -> Iterator[BinaryIO]:
        """Create `path` (never following a link, never replacing a file); fsync on close."""
        self.step(f"create {path.name}")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as f:
            yield _Announced(f, self)
            self.step(f"fsync {path.name}")
            f.flush()
            os.fsync(f.fileno())

    def sync_dir(self, path: Path) -> None:
        self.step(f"fsync dir {path.name}")
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def rename(self, src: Path, dst: Path) -> None:
        self.step(f"rename {src.name} -> {dst.name}")
        os.rename(src, dst)

    def write_json_atomic(self, path: Path, doc: dict[str, Any]) -> None:
        """Replace `path` so that readers see the old or the new content, never a mix."""
        data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                self.step(f"write {Path(tmp).name}")
                f.write(data)
                self.step(f"fsync {Path(tmp).name}")
                f.flush()
                os.fsync(f.fileno())
            self.rename(Path(tmp), path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.sync_dir(path.parent)


class _Announced:
    """A write-only file whose every write is a checkpoint."""

    def __init__(self, f: BinaryIO, disk: Disk) -> None:
        self._f, self._disk = f, disk

    def write(self, data: bytes) -> int:
        self._disk.step("write")
        return self._f.write(data)


def remove_stale_temps(directory: Path, name: str) -> None:
    """Delete temp files a killed `write_json_atomic` left behind."""
    for tmp in directory.glob(f".{name}.*.tmp"):
        tmp.unlink(missing_ok=True)
