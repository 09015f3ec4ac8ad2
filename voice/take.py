"""One take of a line recorded by staff: checked, trimmed and brought to the one loudness every
recording has, or refused with a plain reason in Vietnamese.

The steps, on 16-bit mono samples in 10 ms frames:
1. speech is where a frame is well above the take's own background noise (three frames in a row);
2. the take is cut to the speech, keeping LEAD_MS before and TAIL_MS after;
3. refused when it is clipped (too loud for the microphone), too quiet, or too short for its text
   (fewer than one syllable per MAX_SYLLABLES_PER_S of a second: words were left out);
4. the gain that brings the speech's RMS level to TARGET_DBFS, held below PEAK_DBFS at the peak.
"""
from __future__ import annotations

import array
import math
import operator
import sys
from dataclasses import dataclass

from voice.lines import syllables

TARGET_DBFS = -20.0  # active speech level of every recording
PEAK_DBFS = -1.0  # the gain never lifts a peak above this
QUIET_DBFS = -42.0  # speech quieter than this is refused (its noise would be lifted with it)
FLOOR_DBFS = -55.0  # frames quieter than this are never speech
CLIPPED_SAMPLE = 32700  # a sample this close to full scale means the microphone ran out of room
MAX_CLIPPED_SHARE = 0.0005
FRAME_MS = 10
SPEECH_FRAMES = 3  # consecutive loud frames that start (or end) speech
LEAD_MS, TAIL_MS = 20, 200  # kept around the speech: two frames before (heard at once), a breath after
MAX_SYLLABLES_PER_S = 7.0  # faster than this no one reads aloud for older learners
MIN_SPEECH_S = 0.3
FULL_SCALE = 32768.0

REFUSALS_VI = {
    "silent": "Trạm không nghe thấy tiếng nói. Hãy kiểm tra micrô, nói gần micrô hơn rồi bấm «Thu lại».",
    "clipped": "Tiếng bị rè vì nói quá to hoặc để micrô quá gần. Hãy để micrô xa miệng một gang tay rồi bấm «Thu lại».",
    "too_quiet": "Tiếng thu được nhỏ quá. Hãy nói to hơn hoặc đến gần micrô hơn rồi bấm «Thu lại».",
    "too_short": "Câu thu được ngắn quá so với câu cần đọc, có thể còn thiếu chữ. Hãy đọc hết cả câu, "
                 "đọc xong rồi mới bấm «Dừng».",
}


class TakeRefused(ValueError):
    """A take that cannot be kept; `message_vi` says why and what to do, for staff."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.message_vi = REFUSALS_VI[reason]
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class Take:
    pcm: bytes  # trimmed and at the target loudness, s16le mono
    rate: int
    speech_s: float  # from the first to the last frame of speech
    level_dbfs: float  # the speech's RMS level before the gain
    gain_db: float

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


def process_take(pcm: bytes, rate: int, text: str) -> Take:
    """The take of `text` ready to keep, or TakeRefused."""
    samples = _samples(pcm)
    frame, levels = _frame_levels(samples, rate)
    speech = _speech_frames(levels)
    if speech is None:
        raise TakeRefused("silent", f"no {SPEECH_FRAMES} frames in a row above the noise in {len(samples) / rate:.2f} s")
    first, last = speech
    start = max(0, first * frame - rate * LEAD_MS // 1000)
    end = min(len(samples), (last + 1) * frame + rate * TAIL_MS // 1000)
    kept = samples[start:end]
    clipped = sum(1 for s in kept if abs(s) >= CLIPPED_SAMPLE)
    if clipped > max(10, MAX_CLIPPED_SHARE * len(kept)):
        raise TakeRefused("clipped", f"{clipped} of {len(kept)} samples at full scale")
    level_dbfs = _speech_level(levels, first, last)
    if level_dbfs < QUIET_DBFS:
        raise TakeRefused("too_quiet", f"speech at {level_dbfs:.1f} dBFS, at least {QUIET_DBFS} needed")
    speech_s = (last + 1 - first) * FRAME_MS / 1000
    needed = max(MIN_SPEECH_S, syllables(text) / MAX_SYLLABLES_PER_S)
    if speech_s < needed:
        raise TakeRefused("too_short", f"{speech_s:.2f} s of speech for {syllables(text)} syllables ({needed:.2f} s at least)")
    peak = max((abs(s) for s in kept), default=1) or 1
    gain_db = min(TARGET_DBFS - level_dbfs, PEAK_DBFS - _dbfs(peak))
    return Take(_scaled(kept, 10 ** (gain_db / 20)), rate, speech_s, level_dbfs, gain_db)


def active_level_dbfs(pcm: bytes, rate: int) -> float:
    """The RMS level of the speech frames of `pcm` (what TARGET_DBFS is about), for checks."""
    levels = _frame_levels(_samples(pcm), rate)[1]
    speech = _speech_frames(levels)
    return -math.inf if speech is None else _speech_level(levels, *speech)


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _frame_levels(samples: array.array[int], rate: int) -> tuple[int, list[float]]:
    """Samples per frame, and the RMS of each whole frame."""
    frame = rate * FRAME_MS // 1000
    return frame, [_rms(samples[i:i + frame]) for i in range(0, len(samples) - frame + 1, frame)]


def _speech_level(levels: list[float], first: int, last: int) -> float:
    """The RMS level (dBFS) over the speech frames, silent gaps between words left out."""
    loud = [level for level in levels[first:last + 1] if level > 0]
    return _dbfs(math.sqrt(sum(v * v for v in loud) / len(loud)))


def _rms(frame: array.array[int]) -> float:
    return math.sqrt(sum(map(operator.mul, frame, frame)) / len(frame)) if frame else 0.0


def _dbfs(value: float) -> float:
    return 20 * math.log10(max(value, 1e-9) / FULL_SCALE)


def _speech_frames(levels: list[float]) -> tuple[int, int] | None:
    """First and last frame of speech: SPEECH_FRAMES in a row well above the background noise."""
    if len(levels) < SPEECH_FRAMES:
        return None
    noise = sorted(levels)[len(levels) // 10]
    threshold = max(noise * 4, FULL_SCALE * 10 ** (FLOOR_DBFS / 20))
    loud = [level > threshold for level in levels]
    runs = [i for i in range(len(loud) - SPEECH_FRAMES + 1) if all(loud[i:i + SPEECH_FRAMES])]
    if not runs:
        return None
    return runs[0], runs[-1] + SPEECH_FRAMES - 1


def _scaled(samples: array.array[int], gain: float) -> bytes:
    scaled = array.array("h", (max(-32768, min(32767, round(s * gain))) for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    return scaled.tobytes()
