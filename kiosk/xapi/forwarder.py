"""Sends the outbox to the LRS in batches, in a background thread with its own connection.

One round (`run_once`) sends due batches until none is left or one fails:
- 200 with a list of ids, or 204: the batch is stored (a 204 or a partial list means some
  were already there). A 200 with anything else (a captive portal's page) is not success,
  and redirects are not followed (a redirected POST comes back as a GET);
- 400/413/422 (and 409 for a batch): the LRS refused something in it; the batch is split
  in halves until the culprits stand alone. A lone 409 means the LRS already holds that id
  (counted as sent); any other lone refusal is set aside with the LRS's reason, reported,
  and never retried on its own (IT can release it: `hocvuso xapi send --release`);
- network error, timeout, 5xx/429, or 401/403/404 (wrong account or address): the batch
  stays waiting, its tries are counted and the next round waits with exponential backoff
  and jitter, capped. When the LRS host stopped answering, it is probed cheaply (a TCP
  connect) so sending resumes soon after it returns. Nothing is ever deleted.
Between rounds the thread sleeps; `wake()` cuts the sleep short, `stop()` ends it. A batch
the LRS stored but could not acknowledge is sent again later: the ids make that harmless.
"""
from __future__ import annotations

import datetime
import json
import logging
import random
import threading
from collections.abc import Sequence
from pathlib import Path

from kiosk.clock import Clock
from kiosk.progress import connect_file
from kiosk.xapi.outbox import Outbox, OutboxCounts, Pending
from kiosk.xapi.status import Problem, XapiStatus
from kiosk.xapi.transport import LrsTransport, TransportError

log = logging.getLogger(__name__)

SPLIT_ON = {400, 409, 413, 422}
Failure = tuple[Problem, list[Pending]]


class Forwarder:
    def __init__(
        self,
        db_path: Path,
        transport: LrsTransport,
        clock: Clock,
        rng: random.Random | None = None,
        batch_size: int = 50,
        base_delay_s: float = 5.0,
        max_delay_s: float = 900.0,
        idle_s: float = 5.0,
        probe_s: float = 30.0,
    ) -> None:
        self.db_path = db_path
        self.transport = transport
        self.batch_size = batch_size
        self.base_delay_s, self.max_delay_s = base_delay_s, max_delay_s
        self.idle_s, self.probe_s = idle_s, probe_s
        self._clock = clock
        self._rng = rng or random.Random()
        self._outbox: Outbox | None = None
        self._failures = 0
        self._seen_down = False  # the LRS host stopped answering since the last failure
        self.problem: Problem | None = None  # why the last try failed; None after a success
        self.resume_at: datetime.datetime | None = None  # backing off until then
        self._urgent = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one round (the thread's body; also called directly by `hocvuso xapi send` and tests) ---
    def run_once(self) -> float:
        """Send what is due; return the seconds to sleep before the next round."""
        outbox = self._open()
        now = self._clock.now()
        if self._urgent:
            self._urgent, self.resume_at = False, None
            outbox.retry_now()
        if self.resume_at is not None and now < self.resume_at:
            waiting = (self.resume_at - now).total_seconds()
            if self.problem is None or self.problem.kind != "network":
                return waiting
            if not self.transport.reachable():
                self._seen_down = True
                return min(waiting, self.probe_s)
            if not self._seen_down:  # the host answers, yet HTTP failed (TLS, a hang-up): keep to the backoff
                return min(waiting, self.probe_s)
            log.info("the LRS answers again; sending now")
            outbox.retry_now()
        self.resume_at = None
        while not self._stopping.is_set():
            batch = outbox.due(now, self.batch_size)
            if not batch:
                return self.idle_s
            failure = self._deliver(outbox, batch, now)
            if failure is not None:
                return self._back_off(outbox, *failure, now)
            self._failures, self.problem = 0, None
            now = self._clock.now()
        return 0.0

    def _deliver(self, outbox: Outbox, batch: Sequence[Pending], now: datetime.datetime) -> Failure | None:
        try:
            reply = self.transport.post([p.statement for p in batch])
        except TransportError as exc:
            return Problem("network", str(exc), now), list(batch)
        if reply.status == 200 and not _is_id_list(reply.body):
            return Problem("config", f"HTTP 200 that is not an LRS answer: {reply.body[:200]}", now), list(batch)
        if reply.status in (200, 204):
            outbox.mark_sent([p.id for p in batch], now)
            log.info("LRS stored %d statement(s) (HTTP %d)", len(batch), reply.status)
            return None
        if reply.status in SPLIT_ON:
            if len(batch) > 1:
                half = len(batch) // 2
                failure = self._deliver(outbox, batch[:half], now)
                if failure is not None:
                    return failure[0], failure[1] + list(batch[half:])
                return self._deliver(outbox, batch[half:], now)
            if reply.status == 409:
                log.warning("LRS already holds a different statement with id %s; counted as sent", batch[0].id)
                outbox.mark_sent([batch[0].id], now)
            else:
                reason = f"HTTP {reply.status}: {reply.body[:500]}"
                log.error("LRS refused statement %s, set aside: %s", batch[0].id, reason)
                outbox.set_aside(batch[0].id, now, reason)
            return None
        kind = "server" if reply.status >= 500 or reply.status == 429 else "config"
        return Problem(kind, f"HTTP {reply.status}: {reply.body[:300]}", now), list(batch)

    def _back_off(self, outbox: Outbox, problem: Problem, undelivered: list[Pending], now: datetime.datetime) -> float:
        self._failures += 1
        delay = backoff_delay(self._failures, self.base_delay_s, self.max_delay_s, self._rng)
        self.problem = problem
        self._seen_down = problem.kind == "network" and not self.transport.reachable()
        self.resume_at = now + datetime.timedelta(seconds=delay)
        outbox.postpone([p.id for p in undelivered], self.resume_at)
        log.warning("LRS not reached (%s: %s); %d statement(s) wait %.0f s", problem.kind, problem.detail,
                    len(undelivered), delay)
        return min(delay, self.probe_s) if problem.kind == "network" else delay

    # --- the background thread ---------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="xapi-forwarder", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    delay = self.run_once()
                except Exception:  # a locked or vanished file, or a bug: log it, keep the thread, try later
                    log.exception("xAPI forwarder round failed")
                    delay = self.max_delay_s / 10
                self._wake.wait(delay)
                self._wake.clear()
        finally:
            self.close()

    def wake(self) -> None:
        """Look at the outbox now instead of at the end of the current sleep."""
        self._wake.set()

    def send_now(self) -> None:
        """Forget the backoff and try every waiting statement at once (staff or IT asked)."""
        self._urgent = True
        self._wake.set()

    def stop(self, timeout: float = 3.0) -> bool:
        """Ask the thread to end and wait up to `timeout` s (a request in flight may outlast
        it: the thread is a daemon, and a batch stored but not marked is resent harmlessly)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def close(self) -> None:
        if self._outbox is not None:
            self._outbox.conn.close()
            self._outbox = None

    # --- reporting (any thread: reads through a short-lived connection of its own) --------
    def status(self) -> XapiStatus:
        conn = connect_file(self.db_path)
        try:
            counts = Outbox(conn).counts()
        finally:
            conn.close()
        return XapiStatus(True, counts, self.problem, self.resume_at)

    def _open(self) -> Outbox:
        if self._outbox is None:
            self._outbox = Outbox(connect_file(self.db_path))
        return self._outbox


def backoff_delay(failures: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds to wait after `failures` failures in a row: doubling from `base_s`, capped at
    `cap_s`, then jittered to 50–100 % so many kiosks do not retry in step."""
    return min(cap_s, base_s * 2.0 ** min(failures - 1, 64)) * rng.uniform(0.5, 1.0)


def _is_id_list(body: str) -> bool:
    """An LRS answers a stored POST with the list of ids; a captive portal or a wrong
    address answers 200 with a web page, and must not count as sent."""
    try:
        ids = json.loads(body)
    except ValueError:
        return False
    return isinstance(ids, list) and all(isinstance(i, str) for i in ids)


def roll_up_status(db_path: Path | None, forwarder: Forwarder | None) -> XapiStatus:
    """The status for the staff panel, whether or not an LRS is configured (any thread).
    `db_path` None (progress kept in memory only): nothing can wait for the LRS."""
    if forwarder is not None:
        return forwarder.status()
    if db_path is None:
        return XapiStatus(False, OutboxCounts(0, 0, 0))
    conn = connect_file(db_path, readonly=True)
    try:
        return XapiStatus(False, Outbox(conn).counts())
    finally:
        conn.close()
