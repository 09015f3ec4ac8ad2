"""Recorded-voice test material: tone-burst "speech" with a shape nothing else has, written as the
kiosk's clips into a recordings folder, and the on/off shape of what a null sink heard."""
from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from pathlib import Path

from voice.clip_audio import CLIP_RATE, encode_clip, vorbis_seconds
from voice.lines import line_key
from voice.null_sink import CHUNK_MS, Recording
from voice.recordings import CLIPS, Clip, clip_file, read_index, region_dir, write_index

BURSTS = ((0.30, 0.25), (0.60, 0.25), (0.15, 0.0))  # (tone seconds, silence after): the clip's shape


def bursts_pcm(bursts: Sequence[tuple[float, float]] = BURSTS, rate: int = CLIP_RATE, amplitude: float = 0.3,
               hz: float = 440.0, lead_s: float = 0.0) -> bytes:
    samples: list[int] = [0] * round(lead_s * rate)
    for on, off in bursts:
        samples += [max(-32768, min(32767, round(amplitude * 32767 * math.sin(2 * math.pi * hz * i / rate))))
                    for i in range(round(on * rate))]  # above 1.0: clipped, as a microphone driven too hard
        samples += [0] * round(off * rate)
    return struct.pack(f"<{len(samples)}h", *samples)


def add_recording(root: Path, region: str, text: str, pcm: bytes | None = None) -> Clip:
    """Record `text` for `region` under `root` (a pack or data_dir/recordings) as the kiosk would keep it."""
    folder = region_dir(root, region)
    key = line_key(text)
    path = folder / CLIPS / clip_file(key)
    encode_clip(pcm if pcm is not None else bursts_pcm(), CLIP_RATE, path)
    clips = read_index(folder)
    clips[key] = Clip(key, path, vorbis_seconds(path))
    write_index(folder, region, clips.values())
    return clips[key]


def heard_shape(recording: Recording, after: float, threshold: int = 1500, gap_s: float = 0.12) -> list[float]:
    """The lengths (s) of the loud stretches heard after `after`; gaps up to `gap_s` are bridged (a
    busy machine may drop a few ms of a real-time sink; the clip's own silences are 250 ms)."""
    chunk_s = CHUNK_MS / 1000
    loud = [t for t, peak in recording.chunks if t >= after and peak > threshold]
    stretches: list[list[float]] = []
    for t in loud:
        if stretches and t - stretches[-1][1] <= gap_s:
            stretches[-1][1] = t
        else:
            stretches.append([t, t])
    return [end - start + chunk_s for start, end in stretches]


def same_shape(heard: Sequence[float], bursts: Sequence[tuple[float, float]] = BURSTS, slack_s: float = 0.06,
               tempo: float = 1.0) -> bool:
    return len(heard) == len(bursts) and all(abs(h - on / tempo) <= slack_s for h, (on, _) in zip(heard, bursts, strict=True))
