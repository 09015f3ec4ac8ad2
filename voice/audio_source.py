"""16 kHz mono 16-bit audio for the recogniser: a live microphone (through a pipe, never a file)
or a WAV file (tests, benchmarks)."""
from __future__ import annotations

import logging
import shutil
import subprocess
import time
import wave
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
BYTES_PER_SECOND = SAMPLE_RATE * 2


class AudioSource(Protocol):
    def read(self, size: int) -> bytes:
        """Up to `size` bytes of s16le mono 16 kHz audio; b"" at the end."""

    def close(self) -> None:
        """Stop capturing; safe to call twice and from another thread."""


class WavFileSource:
    """Reads a mono 16-bit WAV at `rate` (16 kHz for the recogniser). `realtime` paces reads like a
    microphone would."""

    def __init__(self, path: Path, *, realtime: bool = False, rate: int = SAMPLE_RATE) -> None:
        self._wav = wave.open(str(path), "rb")
        if (self._wav.getframerate(), self._wav.getnchannels(), self._wav.getsampwidth()) != (rate, 1, 2):
            self._wav.close()
            raise ValueError(f"{path}: need {rate} Hz mono 16-bit audio")
        self._bytes_per_second = rate * 2
        self._realtime = realtime
        self._start = time.monotonic()
        self._sent = 0
        self._closed = False

    def read(self, size: int) -> bytes:
        if self._closed:
            return b""
        data = self._wav.readframes(size // 2)
        if self._realtime and data:
            self._sent += len(data)
            delay = self._start + self._sent / self._bytes_per_second - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        return data

    def close(self) -> None:
        self._closed = True


class CommandSource:
    """Captures from a recording command's stdout pipe (arecord or parec); nothing touches the disk."""

    def __init__(self, command: list[str], env: Mapping[str, str] | None = None) -> None:
        self.command = command
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=dict(env) if env is not None else None,
        )

    def read(self, size: int) -> bytes:
        assert self._process.stdout is not None
        return self._process.stdout.read(size)

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


def microphone_command(env: Mapping[str, str] | None = None, rate: int = SAMPLE_RATE) -> list[str] | None:
    """A capture command for the microphone (mono s16le at `rate`), or None when there is none.

    PulseAudio with a real (non-monitor) source → parec; else ALSA with a capture card → arecord.
    """
    fmt = [f"--rate={rate}", "--channels=1", "--format=s16le", "--raw"]
    sources = _run(["pactl", "list", "short", "sources"], env) if shutil.which("parec") else None
    if sources is not None and sources.returncode == 0:
        names = [line.split("\t")[1] for line in sources.stdout.splitlines() if "\t" in line]
        if any(not name.endswith(".monitor") for name in names):
            return ["parec", "--latency-msec=50", *fmt]
    cards = _run(["arecord", "-l"], env) if shutil.which("arecord") else None
    if cards is not None and cards.returncode == 0 and "card " in cards.stdout:
        return ["arecord", "-q", "-t", "raw", "-f", "S16_LE", "-r", str(rate), "-c", "1"]
    return None


def _run(command: list[str], env: Mapping[str, str] | None) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=3, check=False,
                              env=dict(env) if env is not None else None)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("%s failed: %r", command[0], exc)
        return None
