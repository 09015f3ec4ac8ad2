"""A short two-note chime ("ding-dong") that tells staff a citizen asked for a helper. The sound
is generated once (a WAV beside the speech cache) and played through the same players as
speech (voice.playback); with no audio output there is no chime and nothing fails."""
from __future__ import annotations

import array
import logging
import math
import os
import sys
import wave
from pathlib import Path

from voice.playback import AudioOutput, Player, detect_output

log = logging.getLogger(__name__)

RATE = 22050
NOTES = ((659.25, 0.35), (523.25, 0.55))  # E5 then C5, seconds
FILE = "chime-v1.wav"


def chime_wav(folder: Path) -> Path:
    """The chime's WAV file in `folder`, written the first time (mono, 16 bit)."""
    path = folder / FILE
    if path.is_file():
        return path
    samples = array.array("h")
    for frequency, seconds in NOTES:
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / (RATE * 0.01)) * (1 - n / count) ** 2  # a soft start, a bell's decay
            samples.append(int(0.5 * 32767 * fade * math.sin(2 * math.pi * frequency * n / RATE)))
    if sys.byteorder == "big":
        samples.byteswap()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    os.replace(tmp, path)
    return path


class Chime:
    """Plays the chime; the output is looked for at the first chime (off the UI thread)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._player: Player | None = None
        self._looked = False

    def play(self, volume: float) -> bool:
        """Start the chime at `volume` (0.0–1.0); False when there is no audio output."""
        if not self._looked:
            self._looked = True
            output: AudioOutput | None = detect_output()
            self._player = Player(output) if output is not None else None
        if self._player is None:
            log.info("no chime: no audio output")
            return False
        self._player.play(chime_wav(self._folder), volume)
        return True
