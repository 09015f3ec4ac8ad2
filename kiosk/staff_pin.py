"""The staff PIN: a salted scrypt hash in `data_dir/staff_pin.json` (mode 0600), with
persistent failure counting, growing back-off and a lock.

There is no default PIN: until `hocvuso set-pin` runs, staff mode is `NOT_SET`. From the
5th wrong PIN in a row the caller must wait (15 s, then doubling); the 10th locks staff
mode until `set-pin` runs again. The core never sleeps: `status()` says how long to wait,
using the injected clock. Checking a PIN takes ~0.5 s (scrypt n=2**17): call `try_pin`
off the UI thread. The PIN itself is never logged or stored.
"""
from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from kiosk.bundles.disk import Disk

log = logging.getLogger(__name__)

PIN_FILE = "staff_pin.json"
MAX_FAILURES = 10
BACKOFF_FROM = 5
BACKOFF_BASE_S = 15
PIN_LENGTHS = range(6, 13)


@dataclass(frozen=True)
class ScryptParams:
    n: int = 2**17
    r: int = 8
    p: int = 1
    maxmem: int = 256 * 1024 * 1024
    dklen: int = 32


class PinState(enum.Enum):
    NOT_SET = "not_set"
    READY = "ready"
    BACKOFF = "backoff"
    LOCKED = "locked"


SET_PIN_HINT = "Cán bộ kỹ thuật hãy chạy lệnh «hocvuso set-pin» trên trạm để đặt mã PIN."
MESSAGES_VI = {
    PinState.NOT_SET: "Chưa đặt mã PIN cho cán bộ. " + SET_PIN_HINT,
    PinState.READY: "Xin nhập mã PIN của cán bộ.",
    PinState.BACKOFF: "Đã nhập sai mã PIN nhiều lần. Xin đợi {wait} giây rồi thử lại.",
    PinState.LOCKED: "Chế độ cán bộ đã bị khóa vì nhập sai mã PIN quá nhiều lần. " + SET_PIN_HINT,
}
WRONG_PIN_VI = "Mã PIN không đúng. Còn {left} lần thử."
ACCEPTED_VI = "Mã PIN đúng. Mời vào chế độ cán bộ."


@dataclass(frozen=True)
class AuthStatus:
    state: PinState
    wait_s: int = 0  # BACKOFF: seconds before the next try is accepted
    failures: int = 0

    @property
    def message_vi(self) -> str:
        return MESSAGES_VI[self.state].format(wait=self.wait_s)


@dataclass(frozen=True)
class PinResult:
    accepted: bool
    status: AuthStatus  # the state after this attempt
    message_vi: str


class WeakPinError(ValueError):
    """A PIN that `set_pin` refuses; `message_vi` says why, for the person setting it."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def check_pin_policy(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit()) or len(pin) not in PIN_LENGTHS:
        raise WeakPinError(f"Mã PIN phải gồm từ {PIN_LENGTHS.start} đến {PIN_LENGTHS.stop - 1} chữ số.")
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:])}
    if steps <= {0} or steps == {1} or steps == {-1}:
        raise WeakPinError("Mã PIN quá dễ đoán (các số giống nhau hoặc liên tiếp). Xin chọn mã khác.")


@dataclass(frozen=True)
class _Record:
    """The stored PIN file."""

    params: ScryptParams
    salt: bytes
    hash: bytes
    failures: int = 0
    last_failure_at: float | None = None

    def to_json(self) -> dict:
        return {
            "scheme": "scrypt",
            "params": asdict(self.params),
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "hash": base64.b64encode(self.hash).decode("ascii"),
            "failures": self.failures,
            "last_failure_at": self.last_failure_at,
        }

    @classmethod
    def from_json(cls, doc: dict) -> _Record:
        if doc["scheme"] != "scrypt":
            raise ValueError(f"unknown scheme {doc['scheme']!r}")
        last = doc["last_failure_at"]
        return cls(ScryptParams(**doc["params"]), base64.b64decode(doc["salt"], validate=True),
                   base64.b64decode(doc["hash"], validate=True), int(doc["failures"]),
                   None if last is None else float(last))


def set_pin(data_dir: Path, pin: str, params: ScryptParams = ScryptParams()) -> None:
    """Store a new PIN (clearing failures and any lock). Raises `WeakPinError`."""
    check_pin_policy(pin)
    salt = os.urandom(16)
    data_dir.mkdir(parents=True, exist_ok=True)
    _save(data_dir / PIN_FILE, _Record(params, salt, _derive(pin, salt, params)))
    log.info("staff PIN set; failure count cleared")


def _save(path: Path, record: _Record) -> None:
    Disk().write_json_atomic(path, record.to_json())  # its temp files are created 0600


def backoff_s(failures: int) -> int:
    """Seconds to wait after `failures` wrong PINs in a row (0 below BACKOFF_FROM)."""
    return 0 if failures < BACKOFF_FROM else BACKOFF_BASE_S * 2 ** (failures - BACKOFF_FROM)


class StaffAuth:
    """What the staff-mode PIN pad calls."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = data_dir / PIN_FILE
        self.clock = clock

    def status(self) -> AuthStatus:
        record = self._load()
        return _status(record, self.clock()) if record is not None else AuthStatus(PinState.NOT_SET)

    def try_pin(self, pin: str) -> PinResult:
        record = self._load()
        if record is None:
            return PinResult(False, AuthStatus(PinState.NOT_SET), MESSAGES_VI[PinState.NOT_SET])
        before = _status(record, self.clock())
        if before.state is not PinState.READY:
            log.warning("staff PIN attempt refused without checking: %s (%s s)", before.state.value, before.wait_s)
            return PinResult(False, before, before.message_vi)
        if hmac.compare_digest(_derive(pin, record.salt, record.params), record.hash):
            if record.failures:
                _save(self.path, replace(record, failures=0, last_failure_at=None))
            log.info("staff PIN accepted")
            return PinResult(True, AuthStatus(PinState.READY), ACCEPTED_VI)
        record = replace(record, failures=record.failures + 1, last_failure_at=self.clock())
        _save(self.path, record)
        after = _status(record, self.clock())
        log.warning("staff PIN rejected: failure %s of %s", record.failures, MAX_FAILURES)
        if after.state is PinState.READY:
            return PinResult(False, after, WRONG_PIN_VI.format(left=MAX_FAILURES - record.failures))
        return PinResult(False, after, after.message_vi)

    def _load(self) -> _Record | None:
        """The stored record; None when no PIN was ever set. Damage locks (fail closed)."""
        try:
            return _Record.from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.error("staff PIN file %s is unusable (%s); staff mode stays locked until set-pin", self.path, exc)
            return _Record(ScryptParams(), b"", b"", failures=MAX_FAILURES)


def _status(record: _Record, now: float) -> AuthStatus:
    if record.failures >= MAX_FAILURES:
        return AuthStatus(PinState.LOCKED, failures=record.failures)
    delay, last = backoff_s(record.failures), record.last_failure_at
    # A clock set backwards can only lengthen the wait up to `delay`, never skip it.
    wait = min(delay, max(0.0, last + delay - now)) if delay and last is not None else 0
    if wait > 0:
        return AuthStatus(PinState.BACKOFF, wait_s=math.ceil(wait), failures=record.failures)
    return AuthStatus(PinState.READY, failures=record.failures)


def _derive(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=params.maxmem, dklen=params.dklen)
