"""Qt's messages without the offscreen platform's chatter: "This plugin does not support
propagateSizeHints()" comes once for every window it shows (hundreds in a screenshot tour)."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)


@contextmanager
def offscreen_quiet() -> Iterator[None]:
    """Pass every Qt message on (to the handler installed before, else stderr) but that one."""
    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(OFFSCREEN_NOISE):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
