"""Recorded clips as audio: Ogg Vorbis, mono, 24 kHz (content/FORMAT.md says why), written and
read with sox, which the kiosk already has for speech (libsox-fmt-base decodes Vorbis).

To be played, a line's clips are decoded into one WAV in the speech cache, slowed with sox `tempo`
(speed without pitch) when asked, and that WAV goes to the same player as espeak-ng's speech.
"""
from __future__ import annotations

import logging
import os
import struct
import subprocess
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from voice.wav_cache import WavCache

log = logging.getLogger(__name__)

CLIP_RATE = 24000  # Hz; Vorbis at 24 kHz keeps the whole speech band at ~40 kbit/s
CLIP_QUALITY = 2  # sox -C for Vorbis (-1…10)
RECORDED_VOICE = "recorded"  # the "voice" of decoded clips in the speech cache
SOX_TIMEOUT_S = 30


class ClipError(RuntimeError):
    """sox could not read or write a clip."""


def vorbis_format(path: Path) -> tuple[int, int] | None:
    """(channels, sample rate) from an Ogg Vorbis file's first page, or None if it is not one."""
    try:
        with path.open("rb") as f:
            head = f.read(28 + 255 + 30)
    except OSError:
        return None
    if len(head) < 28 or head[:4] != b"OggS":
        return None
    segments = head[26]
    packet = head[27 + segments:]
    if len(packet) < 16 or packet[:7] != b"\x01vorbis":
        return None
    channels = packet[11]
    (rate,) = struct.unpack_from("<I", packet, 12)
    return channels, rate


def vorbis_seconds(path: Path) -> float:
    """How long an Ogg Vorbis clip plays: its last page's granule position over its rate."""
    found = vorbis_format(path)
    if found is None:
        raise ClipError(f"{path} is not Ogg Vorbis")
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - 65536))
        tail = f.read()
    last = tail.rfind(b"OggS")
    if last < 0 or last + 14 > len(tail):
        raise ClipError(f"{path}: no last Ogg page")
    (granule,) = struct.unpack_from("<q", tail, last + 6)
    return max(0, granule) / found[1]


def encode_clip(pcm: bytes, rate: int, out: Path) -> None:
    """Write mono s16le `pcm` at `rate` as the kiosk's clip format (atomically)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp{out.suffix}")
    _sox(["-t", "raw", "-r", str(rate), "-e", "signed", "-b", "16", "-c", "1", "-", "-C", str(CLIP_QUALITY),
          "-r", str(CLIP_RATE), str(tmp)], stdin=pcm)
    os.replace(tmp, out)


def decode_clips(clips: Sequence[Path], out: Path, tempo: float = 1.0) -> None:
    """One WAV of `clips` one after another, at `tempo` (below 1: slower, same pitch)."""
    effects = ["tempo", "-s", f"{tempo:.3f}"] if abs(tempo - 1.0) > 0.001 else []
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp.wav")
    _sox([*map(str, clips), "-b", "16", str(tmp), *effects])
    os.replace(tmp, out)


def _sox(arguments: list[str], stdin: bytes | None = None) -> None:
    try:
        done = subprocess.run(["sox", "-q", "-V1", *arguments], input=stdin, capture_output=True,
                              timeout=SOX_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ClipError(f"sox failed to run: {exc!r}") from exc
    if done.returncode != 0:
        raise ClipError(f"sox {' '.join(arguments[-4:])}: {done.stderr.decode(errors='replace').strip()}")


class ClipRenderer:
    """Decodes a line's clips into a cached WAV on one worker thread; cache hits are immediate."""

    def __init__(self, cache: WavCache) -> None:
        self.cache = cache
        self.decodes = 0  # cache misses actually decoded
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clip-decoder")

    def path_for(self, clips: Sequence[Path], tempo: float) -> Path:
        """The cache file for these clips at this tempo; a clip replaced on disk gives a new name."""
        identity = "\n".join(f"{p}\0{_stamp(p)}" for p in clips)
        return self.cache.path_for(identity, RECORDED_VOICE, round(tempo * 1000))

    def request(self, clips: Sequence[Path], tempo: float) -> Future[Path]:
        final = self.path_for(clips, tempo)
        if final.is_file():
            future: Future[Path] = Future()
            future.set_result(final)
            return future
        return self._pool.submit(self._decode, tuple(clips), tempo, final)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _decode(self, clips: tuple[Path, ...], tempo: float, final: Path) -> Path:
        if not final.is_file():
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                decode_clips(clips, final, tempo)
            except ClipError as exc:
                log.warning("recorded line not decoded: %s", exc)
                raise
            self.decodes += 1
        return final


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "missing"
    return f"{st.st_mtime_ns}-{st.st_size}"
