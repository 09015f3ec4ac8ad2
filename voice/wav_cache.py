"""A directory of rendered speech WAVs, keyed by (normalised text, voice, rate).

Only synthetic speech lives here, never anything recorded from a citizen.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class WavCache:
    def __init__(self, directory: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = Path(directory)
        self.max_bytes = max_bytes

    def path_for(self, text: str, voice: str, rate: int) -> Path:
        key = hashlib.sha256(f"{voice}\0{rate}\0{text}".encode()).hexdigest()[:32]
        return self.directory / f"{key}.wav"

    def lookup(self, text: str, voice: str, rate: int) -> Path | None:
        path = self.path_for(text, voice, rate)
        return path if path.is_file() else None

    def prune(self) -> int:
        """Delete the least recently written files until the cache fits `max_bytes`; return how many."""
        try:
            files = sorted((p.stat().st_mtime, p.stat().st_size, p) for p in self.directory.glob("*.wav"))
        except OSError as exc:
            log.warning("speech cache %s not readable: %s", self.directory, exc)
            return 0
        total = sum(size for _, size, _ in files)
        removed = 0
        for _, size, path in files:
            if total <= self.max_bytes:
                break
            try:
                path.unlink()
            except OSError as exc:
                log.warning("cannot prune %s: %s", path, exc)
                continue
            total -= size
            removed += 1
        return removed

    def tmp_path(self, final: Path) -> Path:
        """A temporary name beside `final`, so that `os.replace` publishes a complete file atomically."""
        return final.with_suffix(f".{os.getpid()}.tmp")
