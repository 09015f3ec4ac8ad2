"""Alerting staff: help_command runs (really, through sh) off the caller's thread with the
request in its environment; a failure or a hang is logged and told to staff, never raised;
the chime sounds when a citizen asks, not when staff answer."""
from __future__ import annotations

import dataclasses
import datetime
import json
import shlex
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk import learner_texts
from kiosk.help_alarm import HelpAlarm
from kiosk.help_desk import HelpAlert
from kiosk.settings import Settings

ASKED = HelpAlert("asked", "abc123", datetime.datetime(2026, 11, 27, 2, 5, tzinfo=datetime.UTC), "nhan-ma-otp",
                  "Nhận và đọc mã OTP trong tin nhắn", 7, 21, "Bác gõ mã OTP vào ô, rồi bấm Xong.")


class Chime:
    def __init__(self) -> None:
        self.volumes: list[float] = []

    def play(self, volume: float) -> bool:
        self.volumes.append(volume)
        return True


def dump_env(path: Path) -> str:
    """A help_command that writes its HOCVUSO_* environment to `path` as JSON (the tests' own
    HOCVUSO_CONFIG and HOCVUSO_DATA_DIR come through too: the kiosk's environment is kept)."""
    code = "import json, os, sys; json.dump({k: v for k, v in os.environ.items() if k.startswith('HOCVUSO_')}, open(sys.argv[1], 'w'))"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)} {shlex.quote(str(path))}"


def alarm_with(settings: Settings, clock, command: str, chime=None, timeout_s: float = 10.0) -> HelpAlarm:
    configured = dataclasses.replace(settings, help_command=command, kiosk_name="Trạm Tân Phú", kiosk_id="tp-01",
                                     commune="Xã Tân Phú")
    return HelpAlarm(lambda: configured, clock, chime, timeout_s)


def test_the_command_gets_the_kiosk_lesson_and_step_in_its_environment(settings, clock, tmp_path):
    out = tmp_path / "env.json"
    alarm = alarm_with(settings, clock, dump_env(out))
    alarm.alert(ASKED)
    assert alarm.wait(10)
    env = {key: value for key, value in json.loads(out.read_text()).items() if key not in ("HOCVUSO_CONFIG", "HOCVUSO_DATA_DIR")}
    assert env == {
        "HOCVUSO_HELP_EVENT": "asked",
        "HOCVUSO_HELP_ID": "abc123",
        "HOCVUSO_HELP_ASKED_AT": ASKED.asked_at.astimezone().isoformat(timespec="seconds"),
        "HOCVUSO_HELP_MESSAGE": "Trạm Tân Phú: có người cần cán bộ hỗ trợ. Bác đang ở bước 7/21 — Bác gõ mã OTP vào ô, rồi bấm Xong.",
        "HOCVUSO_KIOSK_NAME": "Trạm Tân Phú",
        "HOCVUSO_KIOSK_ID": "tp-01",
        "HOCVUSO_COMMUNE": "Xã Tân Phú",
        "HOCVUSO_LESSON": "Nhận và đọc mã OTP trong tin nhắn",
        "HOCVUSO_LESSON_ID": "nhan-ma-otp",
        "HOCVUSO_STEP": "7",
        "HOCVUSO_STEP_COUNT": "21",
        "HOCVUSO_STEP_TEXT": "Bác gõ mã OTP vào ô, rồi bấm Xong.",
    }
    assert alarm.problem == ""


def test_every_event_runs_the_command_in_order_and_only_asking_chimes(settings, clock, tmp_path):
    log = tmp_path / "events"
    chime = Chime()
    alarm = alarm_with(settings, clock, f'echo "$HOCVUSO_HELP_EVENT $HOCVUSO_STEP" >> {shlex.quote(str(log))}', chime)
    for event in ("asked", "again", "coming", "helped"):
        alarm.alert(dataclasses.replace(ASKED, event=event))
    alarm.alert(HelpAlert("left", "menu1", ASKED.asked_at))  # a request outside a lesson: no step
    assert alarm.wait(10)
    assert log.read_text().splitlines() == ["asked 7", "again 7", "coming 7", "helped 7", "left "]
    assert chime.volumes == [settings.volume, settings.volume]


def test_alerting_never_waits_for_the_command(settings, clock, tmp_path):
    alarm = alarm_with(settings, clock, "sleep 2")
    began = time.monotonic()
    alarm.alert(ASKED)
    assert time.monotonic() - began < 0.5
    assert threading.current_thread() is threading.main_thread()
    assert alarm.wait(10)


@pytest.mark.parametrize(("command", "reason"), [
    ("echo 'chat bot down' >&2; exit 7", learner_texts.HELP_COMMAND_EXIT.format(code=7)),
    ("no-such-helper-program-here", learner_texts.HELP_COMMAND_EXIT.format(code=127)),
])
def test_a_failing_command_is_logged_and_told_to_staff(settings, clock, command, reason, caplog):
    alarm = alarm_with(settings, clock, command)
    alarm.alert(ASKED)
    assert alarm.wait(10)
    assert reason in alarm.problem and "help_command" in alarm.problem
    assert alarm.problem.startswith("Lệnh báo cán bộ (help_command) không chạy được lúc ")
    assert any("help_command exited" in record.message for record in caplog.records)


def test_a_hanging_command_is_killed_with_what_it_started_and_works_again_later(settings, clock, tmp_path):
    marker = tmp_path / "late"
    alarm = alarm_with(settings, clock, f"(sleep 3; touch {shlex.quote(str(marker))}) & sleep 30", timeout_s=0.5)
    began = time.monotonic()
    alarm.alert(ASKED)
    assert alarm.wait(10)
    assert time.monotonic() - began < 5
    assert learner_texts.HELP_COMMAND_TIMEOUT.format(seconds="0.5") in alarm.problem
    time.sleep(3.5)
    assert not marker.exists()  # the whole process group went
    fixed = alarm_with(settings, clock, "true")
    fixed.alert(ASKED)
    assert fixed.wait(10) and fixed.problem == ""


def test_no_command_set_only_chimes(settings, clock):
    chime = Chime()
    alarm = HelpAlarm(lambda: settings, clock, chime)
    alarm.alert(ASKED)
    assert alarm.wait(10)
    assert chime.volumes == [settings.volume] and alarm.problem == ""
