"""Device checks for `hocvuso doctor` and the staff device check: speaker, voice, model, microphone."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from voice.audio_source import microphone_command
from voice.playback import detect_output
from voice.speaker import STATUS_NO_DEVICE, STATUS_NO_VOICE
from voice.vosk_model import model_problem, supports_grammar


class Check(NamedTuple):
    name: str
    ok: bool
    message: str  # Vietnamese, for staff
    detail: str  # English, for developers


def voice_checks(model_dir: Path | None, env: Mapping[str, str] | None = None) -> list[Check]:
    """Check every voice part without loading the model (that takes seconds)."""
    return [_speaker(env), _voice(), _model(model_dir), _microphone(env)]


def _speaker(env: Mapping[str, str] | None) -> Check:
    output = detect_output(env)
    if output is None:
        return Check("speaker", False, f"{STATUS_NO_DEVICE}. Máy vẫn dùng được, chỉ hiện chữ.",
                     "no PulseAudio server answered and `aplay -l` lists no sound card")
    return Check("speaker", True, "Đã tìm thấy loa", f"{output.kind}: {output.detail}")


def _voice() -> Check:
    if shutil.which("espeak-ng") is None:
        return Check("voice", False, STATUS_NO_VOICE, "espeak-ng is not installed (apt-get install espeak-ng)")
    listed = subprocess.run(["espeak-ng", "--voices=vi"], capture_output=True, text=True, timeout=10, check=False)
    found = [line.split()[1] for line in listed.stdout.splitlines()[1:] if len(line.split()) > 1]
    if not {"vi", "vi-vn-x-central", "vi-vn-x-south"} <= set(found):
        return Check("voice", False, STATUS_NO_VOICE, f"espeak-ng Vietnamese voices missing; found {found}")
    return Check("voice", True, "Có giọng đọc tiếng Việt (miền Bắc, miền Trung, miền Nam)", f"espeak-ng voices: {found}")


def _model(model_dir: Path | None) -> Check:
    problem = model_problem(model_dir)
    if problem is not None:
        return Check("speech_model", False, "Chưa cài mô hình nhận dạng giọng nói. Máy vẫn dùng được bằng cách chạm.", problem)
    assert model_dir is not None
    mode = "grammar mode" if supports_grammar(model_dir) else "static graph: grammar mode ignored"
    return Check("speech_model", True, "Đã có mô hình nhận dạng giọng nói", f"{model_dir} ({mode})")


def _microphone(env: Mapping[str, str] | None) -> Check:
    command = microphone_command(env)
    if command is None:
        return Check("microphone", False, "Không tìm thấy micrô. Máy vẫn dùng được bằng cách chạm.",
                     "no PulseAudio capture source and `arecord -l` lists no capture card")
    return Check("microphone", True, "Đã tìm thấy micrô", " ".join(command))
