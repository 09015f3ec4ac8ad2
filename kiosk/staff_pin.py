"""The staff PIN: a salted scrypt hash in `data_dir/staff_pin.json` (mode 0600), with
failure counting, growing back-off, timed locks and a one-time recovery code.

There is no default PIN: until `hocvuso set-pin` runs, staff mode is `NOT_SET`. From the
5th wrong PIN in a row the caller must wait (15 s, then doubling); the 10th locks staff mode
for an hour, and each wrong PIN after a lock has ended locks it again for twice as long (at
most a week), so a prank cannot take a kiosk out of service for good. The right PIN clears
all of it. So does the recovery code that `set_pin` returns (`hocvuso set-pin` prints it):
16 digits, stored hashed, accepted even while locked, and spent once used.

Fail closed: when the count cannot be saved (read-only folder, full disk) the back-off and
lock hold from memory, and the record is saved as soon as the disk takes it (at the next
`status()` or `try_pin()`). A damaged file locks staff mode until `set-pin` runs.

The core never sleeps: `status()` says how long to wait, using the injected clock. Checking a
code takes ~0.5 s (scrypt n=2**17): call `try_pin` off the UI thread. Codes are never logged
or stored.
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
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from kiosk.bundles.disk import Disk
from kiosk.staff_pin_texts import (
    ACCEPTED_VI,
    BACKOFF_VI,
    NOT_SET_VI,
    READY_VI,
    RECOVERED_VI,
    WRONG_PIN_VI,
    WRONG_RECOVERY_VI,
    WeakPinError,
    locked_message_vi,
    wait_vi,
)

log = logging.getLogger(__name__)

PIN_FILE = "staff_pin.json"
MAX_FAILURES = 10
BACKOFF_FROM = 5
BACKOFF_BASE_S = 15
LOCK_BASE_S = 3600
MAX_LOCK_S = 7 * 86400
PIN_LENGTHS = range(6, 13)
RECOVERY_DIGITS = 16  # longer than any PIN, so the pad tells them apart by length


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
    LOCKED = "locked"  # wait_s > 0: for that long (the recovery code still opens); 0: until set-pin


MESSAGES_VI = {PinState.NOT_SET: NOT_SET_VI, PinState.READY: READY_VI, PinState.BACKOFF: BACKOFF_VI}

@dataclass(frozen=True)
class AuthStatus:
    state: PinState
    wait_s: int = 0  # BACKOFF, LOCKED: seconds before a PIN is checked again (LOCKED 0: until set-pin)
    failures: int = 0

    @property
    def message_vi(self) -> str:
        if self.state is PinState.LOCKED:
            return locked_message_vi(self.wait_s)
        return MESSAGES_VI[self.state].format(wait=wait_vi(self.wait_s))


@dataclass(frozen=True)
class PinResult:
    accepted: bool
    status: AuthStatus  # the state after this attempt
    message_vi: str


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
    locks: int = 0  # timed locks since the right PIN (or a recovery code) was last typed
    recovery_salt: bytes = b""
    recovery_hash: bytes = b""  # b"": no recovery code left (spent, or from before recovery codes)
    damaged: bool = False  # the file could not be read: locked until set-pin

    def to_json(self) -> dict:
        return {
            "scheme": "scrypt",
            "params": asdict(self.params),
            "salt": _b64(self.salt),
            "hash": _b64(self.hash),
            "failures": self.failures,
            "last_failure_at": self.last_failure_at,
            "locks": self.locks,
            "recovery": {"salt": _b64(self.recovery_salt), "hash": _b64(self.recovery_hash)} if self.recovery_hash else None,
        }

    @classmethod
    def from_json(cls, doc: dict) -> _Record:
        if doc["scheme"] != "scrypt":
            raise ValueError(f"unknown scheme {doc['scheme']!r}")
        last, recovery = doc["last_failure_at"], doc.get("recovery") or {}
        return cls(ScryptParams(**doc["params"]), _unb64(doc["salt"]), _unb64(doc["hash"]), int(doc["failures"]),
                   None if last is None else float(last), int(doc.get("locks", 0)),
                   _unb64(recovery.get("salt", "")), _unb64(recovery.get("hash", "")))


def set_pin(data_dir: Path, pin: str, params: ScryptParams = ScryptParams()) -> str:
    """Store a new PIN (clearing failures and any lock) with a new recovery code, and return
    that code (its digits, to print once). Raises `WeakPinError`, or OSError when it cannot be written."""
    check_pin_policy(pin)
    salt, recovery_salt = os.urandom(16), os.urandom(16)
    code = "".join(secrets.choice("0123456789") for _ in range(RECOVERY_DIGITS))
    data_dir.mkdir(parents=True, exist_ok=True)
    _save(data_dir / PIN_FILE, _Record(params, salt, _derive(pin, salt, params), recovery_salt=recovery_salt,
                                       recovery_hash=_derive(code, recovery_salt, params)))
    log.info("staff PIN set with a new recovery code; failure count cleared")
    return code


def backoff_s(failures: int) -> int:
    """Seconds to wait after `failures` wrong PINs in a row (0 below BACKOFF_FROM; locks are apart)."""
    return 0 if failures < BACKOFF_FROM else BACKOFF_BASE_S * 2 ** (failures - BACKOFF_FROM)


def lock_s(locks: int) -> int:
    """How long the `locks`-th timed lock lasts: an hour, doubling, at most MAX_LOCK_S."""
    return min(MAX_LOCK_S, LOCK_BASE_S * 2 ** min(max(locks, 1) - 1, 16))


class StaffAuth:
    """What the staff-mode PIN pad calls (from the UI thread and a worker thread)."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = data_dir / PIN_FILE
        self.clock = clock
        self._unsaved: _Record | None = None  # newer than the file: the disk refused it
        self._guard = threading.Lock()

    def status(self) -> AuthStatus:
        with self._guard:
            record = self._current()
        return _status(record, self.clock()) if record is not None else AuthStatus(PinState.NOT_SET)

    def try_pin(self, code: str) -> PinResult:
        """Check a PIN, or a recovery code (RECOVERY_DIGITS long, checked even while locked)."""
        with self._guard:
            record = self._current()
        if record is None:
            return PinResult(False, AuthStatus(PinState.NOT_SET), MESSAGES_VI[PinState.NOT_SET])
        recovery = len(code) == RECOVERY_DIGITS
        before = _status(record, self.clock())
        if before.state is not PinState.READY and not (recovery and record.recovery_hash):
            log.warning("staff PIN attempt refused without checking: %s (%s s)", before.state.value, before.wait_s)
            return PinResult(False, before, before.message_vi)
        salt, expected = (record.recovery_salt, record.recovery_hash) if recovery else (record.salt, record.hash)
        right = bool(expected) and hmac.compare_digest(_derive(code, salt, record.params), expected)
        with self._guard:
            now_record = self._current()
            if now_record is None or now_record.hash != record.hash:  # set-pin ran during the check
                after = _status(now_record, self.clock()) if now_record else AuthStatus(PinState.NOT_SET)
                return PinResult(False, after, after.message_vi)
            return self._outcome(now_record, recovery, right, before.state is PinState.READY)

    def _outcome(self, record: _Record, recovery: bool, right: bool, counted: bool) -> PinResult:
        """Store what the check means (the guard is held)."""
        if right:
            cleared = replace(record, failures=0, last_failure_at=None, locks=0)
            if recovery:
                cleared = replace(cleared, recovery_salt=b"", recovery_hash=b"")
            if cleared != record:
                self._store(cleared)
            log.info("staff %s accepted", "recovery code (now spent)" if recovery else "PIN")
            return PinResult(True, AuthStatus(PinState.READY), RECOVERED_VI if recovery else ACCEPTED_VI)
        if not counted:  # a wrong recovery code during a wait: the wait already stops guessing
            log.warning("staff recovery code rejected during a wait")
            after = _status(record, self.clock())
            return PinResult(False, after, WRONG_RECOVERY_VI)
        failures = record.failures + 1
        record = replace(record, failures=failures, last_failure_at=self.clock(),
                         locks=record.locks + (failures >= MAX_FAILURES))
        self._store(record)
        after = _status(record, self.clock())
        log.warning("staff %s rejected: failure %s of %s", "recovery code" if recovery else "PIN", failures, MAX_FAILURES)
        if after.state is PinState.READY:
            wrong = WRONG_RECOVERY_VI if recovery else WRONG_PIN_VI.format(left=MAX_FAILURES - failures)
            return PinResult(False, after, wrong)
        return PinResult(False, after, after.message_vi)

    def _current(self) -> _Record | None:
        """The record in force (the guard is held): the file's, unless memory holds a newer one
        the disk refused, which is saved now if the disk takes it. A PIN set since wins."""
        stored = self._load()
        pending = self._unsaved
        if pending is None:
            return stored
        if stored is not None and stored.hash != pending.hash:
            log.info("staff PIN was set again; the failure count kept in memory is dropped")
            self._unsaved = None
            return stored
        self._store(pending)
        return pending

    def _store(self, record: _Record) -> None:
        """Save `record`, or keep it in memory (fail closed) until the disk takes it."""
        try:
            _save(self.path, record)
        except OSError as exc:
            if self._unsaved is None:
                log.error("staff PIN failure count not saved (%s); the back-off and lock hold from memory", exc)
            self._unsaved = record
            return
        if self._unsaved is not None:
            log.info("staff PIN failure count saved after all")
        self._unsaved = None

    def _load(self) -> _Record | None:
        """The stored record; None when no PIN was ever set. Damage locks (fail closed)."""
        try:
            return _Record.from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.error("staff PIN file %s is unusable (%s); staff mode stays locked until set-pin", self.path, exc)
            return _Record(ScryptParams(), b"", b"", damaged=True)


def _status(record: _Record, now: float) -> AuthStatus:
    if record.damaged:
        return AuthStatus(PinState.LOCKED)
    locked = record.failures >= MAX_FAILURES
    delay, last = (lock_s(record.locks) if locked else backoff_s(record.failures)), record.last_failure_at
    # A clock set backwards can only lengthen the wait up to `delay`, never skip it.
    wait = min(delay, max(0.0, last + delay - now)) if delay and last is not None else 0
    if wait > 0:
        state = PinState.LOCKED if locked else PinState.BACKOFF
        return AuthStatus(state, wait_s=math.ceil(wait), failures=record.failures)
    return AuthStatus(PinState.READY, failures=record.failures)


def _save(path: Path, record: _Record) -> None:
    Disk().write_json_atomic(path, record.to_json())  # its temp files are created 0600


def _derive(code: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(code.encode("utf-8"), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=params.maxmem, dklen=params.dklen)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
