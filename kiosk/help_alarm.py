"""Alerting staff to a help request (kiosk.help_desk): a chime when a citizen asks, and the
settings' `help_command` run with the request in its environment, for every event (asked,
again, coming, helped, left), so a lamp can go on and off or a chat group hear of it.

Everything runs on one worker thread of its own, in order, so the screen never waits; the
command is run with `sh -c` in a new process group and killed, group and all, after
`timeout_s`. A failure is logged and kept in `problem` (Vietnamese, for the staff panel) until
the command works again; citizens are never told.
"""
from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import subprocess
import threading
from collections.abc import Callable
from typing import Protocol

from kiosk import learner_texts as texts
from kiosk.clock import Clock
from kiosk.help_desk import HelpAlert
from kiosk.settings import Settings

log = logging.getLogger(__name__)

TIMEOUT_S = 10.0


class Chime(Protocol):
    def play(self, volume: float) -> bool: ...


def environment(alert: HelpAlert, settings: Settings) -> dict[str, str]:
    """The HOCVUSO_* variables help_command gets (documented in deploy/kiosk.toml.example)."""
    values = {
        "HELP_EVENT": alert.event,
        "HELP_ID": alert.request_id,
        "HELP_ASKED_AT": alert.asked_at.astimezone().isoformat(timespec="seconds"),
        "HELP_MESSAGE": alert.message(settings.kiosk_name),
        "KIOSK_NAME": settings.kiosk_name,
        "KIOSK_ID": settings.kiosk_id,
        "COMMUNE": settings.commune,
        "LESSON": alert.lesson_title,
        "LESSON_ID": alert.lesson_id,
        "STEP": str(alert.step_number) if alert.lesson_id else "",
        "STEP_COUNT": str(alert.step_count) if alert.lesson_id else "",
        "STEP_TEXT": alert.step_text,
    }
    return {f"HOCVUSO_{key}": value for key, value in values.items()}


class HelpAlarm:
    def __init__(self, settings: Callable[[], Settings], clock: Clock, chime: Chime | None = None,
                 timeout_s: float = TIMEOUT_S) -> None:
        self._settings = settings  # read at each alert: staff may change the kiosk name meanwhile
        self._clock = clock
        self._chime = chime
        self._timeout_s = timeout_s
        self._jobs: queue.Queue[HelpAlert | threading.Event] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.problem = ""  # the last failure of help_command, for staff ("" once it works again)

    def alert(self, alert: HelpAlert) -> None:
        """Chime (for a request made) and run help_command, in the background."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="help-alarm", daemon=True)
            self._thread.start()
        self._jobs.put(alert)

    def wait(self, timeout_s: float) -> bool:
        """Wait until every alert so far is carried out; False if that takes longer than `timeout_s`."""
        done = threading.Event()
        if self._thread is None:
            return True
        self._jobs.put(done)
        return done.wait(timeout_s)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if isinstance(job, threading.Event):
                job.set()
                continue
            try:
                self._carry_out(job)
            except Exception:  # noqa: BLE001 (the worker must outlive any one alert)
                log.exception("help alert %s not carried out", job.event)

    def _carry_out(self, alert: HelpAlert) -> None:
        settings = self._settings()
        if alert.event in ("asked", "again") and self._chime is not None:
            self._chime.play(settings.volume)
        if settings.help_command:
            self._run(settings.help_command, environment(alert, settings))

    def _run(self, command: str, variables: dict[str, str]) -> None:
        try:
            process = subprocess.Popen(["/bin/sh", "-c", command], env={**os.environ, **variables},
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        except OSError as exc:
            self._failed(texts.HELP_COMMAND_NOT_RUN.format(detail=exc), f"help_command could not start: {exc}")
            return
        try:
            output, _ = process.communicate(timeout=self._timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the shell and whatever it started
            process.communicate()
            self._failed(texts.HELP_COMMAND_TIMEOUT.format(seconds=f"{self._timeout_s:g}"),
                         f"help_command ran longer than {self._timeout_s:g} s and was killed")
            return
        if process.returncode != 0:
            detail = output.decode("utf-8", "replace").strip()[-500:]
            self._failed(texts.HELP_COMMAND_EXIT.format(code=process.returncode),
                         f"help_command exited with {process.returncode}: {detail}")
            return
        log.info("help_command ran for %s", variables["HOCVUSO_HELP_EVENT"])
        self.problem = ""

    def _failed(self, reason_vi: str, detail: str) -> None:
        log.error("%s", detail)
        self.problem = texts.HELP_COMMAND_FAILED.format(at=self._clock.now().astimezone().strftime("%H:%M %d/%m"),
                                                        reason=reason_vi)
