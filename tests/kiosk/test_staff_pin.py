"""Staff PIN: no default, scrypt hash, growing back-off, lock, and no PIN in any log."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.staff_pin import PIN_FILE, PinState, ScryptParams, StaffAuth, WeakPinError, set_pin

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
        assert f"đợi {result.status.wait_s} giây" in result.message_vi
        early = auth.try_pin(PIN)  # even the right PIN is not checked while waiting
        assert not early.accepted and early.status.failures == result.status.failures
        clock.now += result.status.wait_s - 1
        assert auth.status().state is PinState.BACKOFF and auth.status().wait_s == 1
        clock.now += 1
        assert auth.status().state is PinState.READY
    assert waits == sorted(set(waits)) and waits[0] > 0
    locked = auth.try_pin("999000")
    assert locked.status.state is PinState.LOCKED and "hocvuso set-pin" in locked.message_vi
    clock.now += 10 * 365 * 86400
    assert not auth.try_pin(PIN).accepted
    assert auth.status().state is PinState.LOCKED


def test_failures_survive_a_restart_and_set_pin_unlocks(auth: StaffAuth, clock: Clock, tmp_path: Path) -> None:
    for _ in range(10):
        auth.try_pin("999000")
        clock.now += 10_000
    assert StaffAuth(tmp_path, clock).status().state is PinState.LOCKED
    set_pin(tmp_path, "317529", FAST)
    again = StaffAuth(tmp_path, clock)
    assert again.status().state is PinState.READY and again.try_pin("317529").accepted


def test_clock_set_backwards_does_not_shorten_the_wait(auth: StaffAuth, clock: Clock) -> None:
    fail(auth, 5)
    wait = auth.status().wait_s
    clock.now -= 86400
    assert auth.status().state is PinState.BACKOFF and auth.status().wait_s == wait


def test_damaged_pin_file_locks_staff_mode(auth: StaffAuth, tmp_path: Path) -> None:
    (tmp_path / PIN_FILE).write_text("{not json")
    assert auth.status().state is PinState.LOCKED
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
    assert StaffAuth(data).try_pin(PIN).accepted
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
