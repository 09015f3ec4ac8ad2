"""A staff take: trimmed to the speech, brought to one loudness, or refused with a plain reason."""
from __future__ import annotations

import array
import subprocess
from pathlib import Path

import pytest

from tests.voice.clip_kit import bursts_pcm
from voice.take import LEAD_MS, PEAK_DBFS, REFUSALS_VI, TAIL_MS, TARGET_DBFS, TakeRefused, active_level_dbfs, process_take

RATE = 24000
HUMAN = Path("/usr/share/sounds/alsa/Front_Center.wav")  # a real voice ("Front, center"), from alsa-utils
SHORT_LINE = "Bác nói lại được không?"


def human_voice(scale: float = 1.0, pad_s: float = 0.8) -> bytes:
    if not HUMAN.is_file():
        pytest.skip("alsa-utils' test voice is not installed")
    raw = subprocess.run(["sox", str(HUMAN), "-r", str(RATE), "-t", "raw", "-e", "signed", "-b", "16", "-",
                          "vol", str(scale), "pad", str(pad_s), str(pad_s)], capture_output=True, check=True).stdout
    return raw


def with_noise(pcm: bytes, amplitude: int = 30) -> bytes:
    samples = array.array("h", pcm)
    return array.array("h", (max(-32768, min(32767, s + (amplitude if i % 3 else -amplitude)))
                             for i, s in enumerate(samples))).tobytes()


@pytest.mark.parametrize("scale", [0.12, 0.3, 1.0])
def test_a_take_is_trimmed_and_brought_to_the_one_loudness(scale: float) -> None:
    pcm = with_noise(human_voice(scale))
    take = process_take(pcm, RATE, SHORT_LINE)
    assert active_level_dbfs(take.pcm, RATE) == pytest.approx(TARGET_DBFS, abs=1.0)
    peak = max(abs(s) for s in array.array("h", take.pcm))
    assert peak <= 32768 * 10 ** (PEAK_DBFS / 20) + 1
    # 0.8 s of silence each side is cut to the short lead and tail
    assert take.seconds < len(pcm) / 2 / RATE - 1.2
    assert take.seconds == pytest.approx(take.speech_s + (LEAD_MS + TAIL_MS) / 1000, abs=0.05)


def test_leading_silence_is_short_so_the_voice_starts_at_once() -> None:
    take = process_take(bursts_pcm(lead_s=1.0), RATE, "Đúng rồi!")
    samples = array.array("h", take.pcm)
    first = next(i for i, s in enumerate(samples) if abs(s) > 1000)
    assert first / RATE <= LEAD_MS / 1000 + 0.011


@pytest.mark.parametrize(("pcm", "text", "reason"), [
    (bytes(RATE * 4), SHORT_LINE, "silent"),
    (bursts_pcm(amplitude=1.2), "Đúng rồi!", "clipped"),
    (bursts_pcm(amplitude=0.004), "Đúng rồi!", "too_quiet"),
    (bursts_pcm(), "Bác gõ số định danh cá nhân tập luyện rồi bấm Xong. Đây là số giả, chỉ để tập.", "too_short"),
])
def test_a_bad_take_is_refused_with_a_plain_reason(pcm: bytes, text: str, reason: str) -> None:
    with pytest.raises(TakeRefused) as refused:
        process_take(pcm, RATE, text)
    assert refused.value.reason == reason
    assert refused.value.message_vi == REFUSALS_VI[reason]
