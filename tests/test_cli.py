"""The `hocvuso` command as a person runs it."""
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def hocvuso(*args: str, env_extra: dict[str, str], tmp_path: Path, config: str = "", stdin: str = "") -> subprocess.CompletedProcess:
    """Run `hocvuso ARGS` in a fresh process; `config`: the kiosk.toml text (none by default)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    config_path = tmp_path / ("kiosk.toml" if config else "none.toml")
    if config:
        config_path.write_text(config, encoding="utf-8")
    env.update(HOCVUSO_DATA_DIR=str(tmp_path / "data"), HOCVUSO_CONFIG=str(config_path), **env_extra)
    return subprocess.run([sys.executable, "-m", "kiosk.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          input=stdin, timeout=600)


def test_run_without_a_screen_says_so_and_renders_the_tour(tmp_path):
    result = hocvuso("run", env_extra={}, tmp_path=tmp_path)  # what `bash tools/quickstart.sh run` ends with
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Không có màn hình")  # the one-line notice and where to look
    assert result.stderr == ""  # no log lines, no "This plugin does not support propagateSizeHints()"
    index = Path(lines[-1].removeprefix("Screenshots: "))
    assert index.is_file() and index.parent == tmp_path / "data" / "screenshots"
    pngs = list(index.parent.glob("*.png"))
    assert len(pngs) > 100 and index.read_text(encoding="utf-8").count("<img") == len(pngs)
    assert "qt.qpa" not in result.stderr  # no Qt platform error



def test_a_broken_config_file_gives_a_clear_message_not_a_traceback(tmp_path):
    (tmp_path / "bad.toml").write_text("idle_warning_s = [\n", encoding="utf-8")
    result = hocvuso("--config", str(tmp_path / "bad.toml"), "run", env_extra={}, tmp_path=tmp_path)
    assert result.returncode == 2
    assert "Tệp cấu hình có lỗi" in result.stderr and "bad.toml" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("command", "line"), [
    ("run", 'screen_dpi = "to"'), ("run", 'volume = "lớn"'), ("run", 'idle_grace_s = "30"'), ("run", "data_dir = 5"),
    ("run", 'idle_warning_s = "hai phút"'), ("doctor", 'idle_warning_s = "hai phút"'), ("doctor", "data_dir = 5"),
])
def test_a_wrongly_typed_setting_stops_start_up_with_the_clear_message(tmp_path, command, line):
    result = hocvuso(command, env_extra={}, tmp_path=tmp_path, config=line + "\n")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Tệp cấu hình có lỗi, kiosk chưa chạy được: {tmp_path / 'kiosk.toml'}: {line}: expected ")
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ", re.MULTILINE)


def test_commands_print_only_their_answer_and_v_shows_the_log(tmp_path):
    for args, stdin in ((("set-pin", "--pin-stdin"), "204863\n"), (("doctor",), ""), (("pack", "status"), ""),
                        (("report", "--format", "csv", "--out", str(tmp_path / "r.csv")), "")):
        result = hocvuso(*args, env_extra={}, tmp_path=tmp_path, stdin=stdin)
        assert not LOG_LINE.search(result.stdout + result.stderr), (args, result.stdout, result.stderr)
        assert result.stdout.strip()  # the answer itself
    verbose = hocvuso("-v", "doctor", env_extra={}, tmp_path=tmp_path)
    assert LOG_LINE.search(verbose.stderr)


def test_installing_a_bundle_that_is_not_there_says_it_was_not_found_in_one_line(tmp_path):
    gone = tmp_path / "usb" / "bai-hoc.hvsbundle"
    result = hocvuso("pack", "install", str(gone), env_extra={}, tmp_path=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == ["Không tìm thấy tệp gói bài học «bai-hoc.hvsbundle». Hãy kiểm tra lại tên tệp "
                                          "và USB đã cắm chưa, rồi thử lại. Bài học đang dùng vẫn giữ nguyên."]
    verbose = hocvuso("-v", "pack", "install", str(gone), env_extra={}, tmp_path=tmp_path)
    assert f"[not_found] cannot open {gone}" in verbose.stderr  # the detail, for IT, when asked for


def test_doctor_reports_every_check_in_vietnamese(tmp_path):
    result = hocvuso("doctor", env_extra={}, tmp_path=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    names = [line.split("]")[1].split(":")[0].strip() for line in result.stdout.splitlines()]
    assert {"speaker", "speech_model", "microphone", "lessons", "database", "lrs"} <= set(names)
    assert "[OK] lrs: Chưa cài máy chủ số liệu của tỉnh" in result.stdout  # USB export is the way then
    assert "Chưa cài mô hình nhận dạng giọng nói" in result.stdout  # no model configured here
    assert result.returncode == 1


def test_doctor_says_whether_the_provincial_lrs_answers(tmp_path):
    listening = socket.create_server(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    with listening:
        up = hocvuso("doctor", env_extra={}, tmp_path=tmp_path, config=f'lrs_url = "http://127.0.0.1:{port}/xAPI/"\n')
    down = hocvuso("doctor", env_extra={}, tmp_path=tmp_path, config=f'lrs_url = "http://127.0.0.1:{port}/xAPI/"\n')
    assert "[OK] lrs: Kết nối được máy chủ số liệu của tỉnh." in up.stdout
    assert "[!!] lrs: Chưa kết nối được máy chủ số liệu của tỉnh" in down.stdout and down.returncode == 1
