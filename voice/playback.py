"""Play WAV files through a subprocess that can be killed at once.

PulseAudio (`paplay`) when a server answers, else ALSA (`aplay`) when it lists a card;
with neither there is no output device and the kiosk shows text only.
"""
from __future__ import annotations

import array
import logging
import os
import shutil
import subprocess
import sys
import wave
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 3.0
PA_VOLUME_NORM = 65536  # paplay --volume for 100 %


@dataclass(frozen=True)
class AudioOutput:
    kind: Literal["pulse", "alsa"]
    detail: str  # for developers: which server or card was found


def detect_output(env: Mapping[str, str] | None = None) -> AudioOutput | None:
    """The output to use, or None when there is no audio server and no sound card."""
    pulse = _probe(["pactl", "info"], env) if shutil.which("paplay") else None
    if pulse is not None and pulse.returncode == 0:
        server = next((line for line in pulse.stdout.splitlines() if line.startswith("Server Name")), "PulseAudio")
        return AudioOutput("pulse", server.strip())
    cards = _probe(["aplay", "-l"], env) if shutil.which("aplay") else None
    if cards is not None and cards.returncode == 0 and "card " in cards.stdout:
        return AudioOutput("alsa", cards.stdout.splitlines()[1] if len(cards.stdout.splitlines()) > 1 else "ALSA")
    log.info("no audio output: pulse=%s, alsa=%s", _why(pulse, "paplay"), _why(cards, "aplay"))
    return None


def _probe(command: list[str], env: Mapping[str, str] | None) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S,
            env=dict(env) if env is not None else None, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("%s failed: %r", command[0], exc)
        return None


def _why(result: subprocess.CompletedProcess[str] | None, tool: str) -> str:
    if result is None:
        return f"{tool} not installed or not answering"
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"rc={result.returncode}"


class Player:
    """Starts one playback process per file; `stop` kills it."""

    def __init__(self, output: AudioOutput, env: Mapping[str, str] | None = None) -> None:
        self.output = output
        self._env = dict(env) if env is not None else None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def playing(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def play(self, path: Path, volume: float) -> None:
        """Stop the previous sound and start `path` at `volume` (0.0–1.0)."""
        self.stop()
        if self.output.kind == "pulse":
            command = ["paplay", f"--volume={round(volume * PA_VOLUME_NORM)}", str(path)]
        else:
            command = ["aplay", "-q", str(scaled_copy(path, volume))]
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self._env,
            )
        except OSError as exc:
            log.warning("cannot start %s: %r", command[0], exc)
            self._process = None

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


def scaled_copy(path: Path, volume: float) -> Path:
    """`path` itself at full volume, else a cached copy with its samples scaled (for aplay)."""
    percent = round(volume * 100)
    if percent >= 100:
        return path
    target = path.with_name(f"{path.stem}.v{percent}.wav")
    if target.is_file():
        return target
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        samples = array.array("h", source.readframes(params.nframes))
    if sys.byteorder == "big":
        samples.byteswap()
    scaled = array.array("h", (s * percent // 100 for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setparams(params)
        out.writeframes(scaled.tobytes())
    os.replace(tmp, target)
    return target
