"""Staff PIN: no default, scrypt hash, growing back-off, timed locks, a one-time recovery
code, failing closed when the data folder cannot be written, and no PIN in any log."""
from __future__ import annotations

import base64
import errno
import hashlib
import io
import json
import logging
import re
import stat
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.staff_pin import (
    LOCK_BASE_S,
    PIN_FILE,
    RECOVERY_DIGITS,
    PinState,
    ScryptParams,
    StaffAuth,
    WeakPinError,
    set_pin,
)
from kiosk.staff_pin_texts import wait_vi
from tests.conftest import TmpfsMount

FAST = ScryptParams(n=2**10)  # the real parameters are checked once, in test_hash_parameters
PIN = "204863"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(tmp_path: Path, clock: Clock) -> StaffAuth:
    set_pin(tmp_path, PIN, FAST)
    return StaffAuth(tmp_path, clock)


def fail(auth: StaffAuth, times: int) -> None:
    for _ in range(times):
        assert not auth.try_pin("999000").accepted


def test_no_default_pin_staff_mode_says_how_to_set_it(tmp_path: Path) -> None:
    auth = StaffAuth(tmp_path)
    assert auth.status().state is PinState.NOT_SET
    assert "hocvuso set-pin" in auth.status().message_vi
    for guess in ("", "0000", "000000", "123456"):
        assert not auth.try_pin(guess).accepted


def test_hash_parameters_and_file(tmp_path: Path) -> None:
    set_pin(tmp_path, PIN)
    path = tmp_path / PIN_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = json.loads(path.read_text())
    assert doc["scheme"] == "scrypt"
    assert (doc["params"]["n"], doc["params"]["r"], doc["params"]["p"]) == (2**17, 8, 1)
    salt = base64.b64decode(doc["salt"])
    assert len(salt) >= 16
    expected = hashlib.scrypt(PIN.encode(), salt=salt, n=2**17, r=8, p=1, maxmem=256 * 1024 * 1024, dklen=32)
    assert base64.b64decode(doc["hash"]) == expected
    assert PIN not in path.read_text()
    assert StaffAuth(tmp_path).try_pin(PIN).accepted


def test_same_pin_twice_gets_a_new_salt(tmp_path: Path) -> None:
    set_pin(tmp_path / "a", PIN, FAST)
    set_pin(tmp_path / "b", PIN, FAST)
    a, b = (json.loads((tmp_path / d / PIN_FILE).read_text()) for d in "ab")
    assert a["salt"] != b["salt"] and a["hash"] != b["hash"]


def test_right_pin_is_accepted_and_clears_failures(auth: StaffAuth) -> None:
    fail(auth, 3)
    assert auth.status().failures == 3
    result = auth.try_pin(PIN)
    assert result.accepted and "Mời vào" in result.message_vi
    assert auth.status().failures == 0


def fail_past_waits(auth: StaffAuth, clock: Clock, times: int) -> None:
    """`times` wrong PINs, each after any wait has passed."""
    for _ in range(times):
        clock.now += auth.status().wait_s
        assert not auth.try_pin("999000").accepted


def test_wrong_pins_back_off_from_the_fifth_then_lock_at_the_tenth(auth: StaffAuth, clock: Clock) -> None:
    for failure in range(1, 5):
        result = auth.try_pin("999000")
        assert result.status.state is PinState.READY
        assert result.message_vi == f"Mã PIN không đúng. Còn {10 - failure} lần thử."
    waits = []
    for _ in range(5, 10):
        result = auth.try_pin("999000")
        assert result.status.state is PinState.BACKOFF
        waits.append(result.status.wait_s)
        assert f"đợi {wait_vi(result.status.wait_s)} rồi" in result.message_vi
        early = auth.try_pin(PIN)  # even the right PIN is not checked while waiting
        assert not early.accepted and early.status.failures == result.status.failures
        clock.now += result.status.wait_s - 1
        assert auth.status().state is PinState.BACKOFF and auth.status().wait_s == 1
        clock.now += 1
        assert auth.status().state is PinState.READY
    assert waits == sorted(set(waits)) and waits[0] > 0
    locked = auth.try_pin("999000")
    assert locked.status.state is PinState.LOCKED and locked.status.wait_s == LOCK_BASE_S
    assert "Xin đợi 1 giờ rồi thử lại" in locked.message_vi and "mã khôi phục" in locked.message_vi
    clock.now += LOCK_BASE_S - 1
    assert not auth.try_pin(PIN).accepted  # not checked while locked
    assert auth.status().state is PinState.LOCKED and "1 giây" in auth.status().message_vi


def test_a_lock_ends_after_an_hour_and_each_further_lock_lasts_twice_as_long(auth: StaffAuth, clock: Clock) -> None:
    fail_past_waits(auth, clock, 10)
    waits = [auth.status().wait_s]
    for _ in range(3):
        clock.now += auth.status().wait_s
        assert auth.status().state is PinState.READY  # a prank does not lock the kiosk for good
        assert auth.try_pin("999000").status.state is PinState.LOCKED  # one wrong PIN after a lock: a longer one
        waits.append(auth.status().wait_s)
    assert waits == [3600, 7200, 14400, 28800]
    assert "8 giờ" in auth.status().message_vi
    clock.now += auth.status().wait_s
    assert auth.try_pin(PIN).accepted
    fail_past_waits(auth, clock, 10)  # the right PIN cleared the count: the next lock is an hour again
    assert auth.status().wait_s == LOCK_BASE_S


def test_failures_survive_a_restart_and_set_pin_unlocks(auth: StaffAuth, clock: Clock, tmp_path: Path) -> None:
    fail_past_waits(auth, clock, 10)
    assert StaffAuth(tmp_path, clock).status().state is PinState.LOCKED
    set_pin(tmp_path, "317529", FAST)
    again = StaffAuth(tmp_path, clock)
    assert again.status().state is PinState.READY and again.try_pin("317529").accepted


def test_the_recovery_code_opens_a_locked_kiosk_once(tmp_path: Path, clock: Clock) -> None:
    code = set_pin(tmp_path, PIN, FAST)
    assert len(code) == RECOVERY_DIGITS and code.isdigit() and code not in (tmp_path / PIN_FILE).read_text()
    auth = StaffAuth(tmp_path, clock)
    fail_past_waits(auth, clock, 10)
    wrong = auth.try_pin("1" * RECOVERY_DIGITS)
    assert not wrong.accepted and wrong.message_vi == "Mã khôi phục không đúng."
    assert wrong.status.state is PinState.LOCKED and wrong.status.wait_s == LOCK_BASE_S  # the lock is unchanged
    opened = auth.try_pin(code)
    assert opened.accepted and "chỉ dùng được một lần" in opened.message_vi
    assert StaffAuth(tmp_path, clock).status() == auth.status() and auth.status().state is PinState.READY
    assert auth.status().failures == 0
    spent = auth.try_pin(code)
    assert not spent.accepted and spent.status.failures == 1  # spent: now it is just a wrong code
    new_code = set_pin(tmp_path, PIN, FAST)  # set-pin again: a new code, and the old one stays spent
    assert new_code != code and not auth.try_pin(code).accepted and auth.try_pin(new_code).accepted


def read_only(point: Path) -> None:
    result = subprocess.run(["mount", "-o", "remount,ro", str(point)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def writable(point: Path) -> None:
    result = subprocess.run(["mount", "-o", "remount,rw", str(point)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def fill(disk: Path) -> Path:
    filler = disk / "logs-that-filled-the-disk"
    with filler.open("wb", buffering=0) as out, pytest.raises(OSError) as full:
        while True:
            out.write(b"x" * 4096)
    assert full.value.errno == errno.ENOSPC
    return filler


def test_wrong_pins_on_a_read_only_folder_back_off_and_lock_from_memory(tmpfs_mount: TmpfsMount, clock: Clock) -> None:
    data = tmpfs_mount("data")
    set_pin(data, PIN, FAST)
    auth = StaffAuth(data, clock)
    read_only(data)
    results = [auth.try_pin("999000") for _ in range(5)]
    assert [r.status.state for r in results] == [PinState.READY] * 4 + [PinState.BACKOFF]
    assert not auth.try_pin(PIN).accepted  # the wait holds: the right PIN is not even checked
    fail_past_waits(auth, clock, 5)
    assert auth.status().state is PinState.LOCKED and auth.status().wait_s == LOCK_BASE_S
    clock.now += 600
    assert not auth.try_pin(PIN).accepted
    assert json.loads((data / PIN_FILE).read_text())["failures"] == 0  # nothing could be written yet
    writable(data)
    assert auth.status().state is PinState.LOCKED  # the next look saves the count
    saved = json.loads((data / PIN_FILE).read_text())
    assert saved["failures"] == 10 and saved["locks"] == 1
    restarted = StaffAuth(data, clock)
    assert restarted.status().state is PinState.LOCKED and restarted.status().wait_s == LOCK_BASE_S - 600


def test_wrong_pins_on_a_full_disk_back_off_and_lock_from_memory(tmpfs_mount: TmpfsMount, clock: Clock) -> None:
    data = tmpfs_mount("data", size="1m")
    set_pin(data, PIN, FAST)
    auth = StaffAuth(data, clock)
    filler = fill(data)
    fail_past_waits(auth, clock, 10)
    assert auth.status().state is PinState.LOCKED
    assert not auth.try_pin(PIN).accepted
    assert [p.name for p in data.iterdir()] == sorted([PIN_FILE, filler.name])  # no temp file left behind
    filler.unlink()
    clock.now += LOCK_BASE_S
    assert auth.try_pin(PIN).accepted  # after the lock the right PIN opens, and the cleared count is saved
    assert json.loads((data / PIN_FILE).read_text())["failures"] == 0


def test_set_pin_wins_over_a_count_held_in_memory(tmpfs_mount: TmpfsMount, clock: Clock) -> None:
    data = tmpfs_mount("data")
    set_pin(data, PIN, FAST)
    auth = StaffAuth(data, clock)
    read_only(data)
    fail_past_waits(auth, clock, 10)
    writable(data)
    set_pin(data, "317529", FAST)  # IT ran set-pin before the kiosk looked again
    assert auth.status().state is PinState.READY and auth.try_pin("317529").accepted


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "1 giây"), (59, "59 giây"), (60, "1 phút"), (200, "3 phút 20 giây"), (3600, "1 giờ"),
    (3601, "1 giờ 1 phút"), (7140, "1 giờ 59 phút"), (86400, "1 ngày"), (100_000, "1 ngày 4 giờ"),
])
def test_waits_are_said_in_vietnamese(seconds: int, words: str) -> None:
    assert wait_vi(seconds) == words


def test_clock_set_backwards_does_not_shorten_the_wait(auth: StaffAuth, clock: Clock) -> None:
    fail(auth, 5)
    wait = auth.status().wait_s
    clock.now -= 86400
    assert auth.status().state is PinState.BACKOFF and auth.status().wait_s == wait


def test_damaged_pin_file_locks_staff_mode(auth: StaffAuth, tmp_path: Path, clock: Clock) -> None:
    (tmp_path / PIN_FILE).write_text("{not json")
    assert auth.status().state is PinState.LOCKED and "hocvuso set-pin" in auth.status().message_vi
    clock.now += 365 * 86400
    assert not auth.try_pin(PIN).accepted


def test_no_pin_in_any_log(tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        set_pin(tmp_path, PIN, FAST)
        auth = StaffAuth(tmp_path, clock)
        auth.try_pin("975310")
        auth.try_pin(PIN)
        fail(auth, 10)
    assert "staff PIN accepted" in caplog.text and "failure 1 of 10" in caplog.text
    assert PIN not in caplog.text and "975310" not in caplog.text and "999000" not in caplog.text


@pytest.mark.parametrize("pin", ["1234", "12345678901234", "111111", "123456", "987654", "12a456", "２０４８６３"])
def test_weak_or_malformed_pins_are_refused(tmp_path: Path, pin: str) -> None:
    with pytest.raises(WeakPinError) as caught:
        set_pin(tmp_path, pin, FAST)
    assert caught.value.message_vi
    assert not (tmp_path / PIN_FILE).exists()


def test_set_pin_command_from_stdin_and_from_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"  # HOCVUSO_DATA_DIR, set by tests/conftest.py
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    assert main(["set-pin", "--pin-stdin"]) == 0
    printed = re.search(r"Mã khôi phục: ([\d ]+)\n", capsys.readouterr().out)
    assert printed is not None
    code = printed[1].replace(" ", "")
    assert StaffAuth(data).try_pin(PIN).accepted
    assert StaffAuth(data).try_pin(code).accepted
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["set-pin"]) == 1  # not a terminal and no --pin-stdin

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["317529", "317520"])
    monkeypatch.setattr("sys.stdin", Tty())
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["set-pin"]) == 1
    assert "không giống nhau" in capsys.readouterr().err
    assert StaffAuth(data).try_pin(PIN).accepted  # unchanged
    answers = iter(["111111"])
    assert main(["set-pin"]) == 1
    assert "dễ đoán" in capsys.readouterr().err
