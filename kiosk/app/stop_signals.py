"""Stopping the kiosk cleanly on SIGTERM (what `systemctl stop/restart` and an Ansible roll-out
send), SIGINT (Ctrl+C) and SIGHUP, through the same close path as closing the window.

While Qt's event loop waits in C++, Python runs no signal handler. `signal.set_wakeup_fd`
makes the interpreter write each signal's number to a socket as it arrives; a
QSocketNotifier on the other end wakes the loop, and the loop quits: `qt.exec()` returns 0
and the caller closes the kiosk (the citizen's visit ends as "shutdown", written at once).
"""
from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


@contextlib.contextmanager
def quit_on_stop_signals(app: QCoreApplication) -> Iterator[None]:
    """Inside the block a stop signal quits `app`'s event loop instead of killing the process;
    the signal handlers and wake-up socket before it are put back afterwards."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def woken() -> None:
        with contextlib.suppress(BlockingIOError):
            numbers = [n for n in reader.recv(64) if n in STOP_SIGNALS]
            if numbers:
                log.warning("stopping on %s: closing the visit and quitting", signal.Signals(numbers[0]).name)
                app.quit()

    notifier.activated.connect(woken)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = {number: signal.signal(number, lambda *_: None) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()
