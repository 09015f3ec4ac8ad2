"""Refused pack operations: a reason code, a Vietnamese message for commune staff
(from `kiosk.bundles.texts`) and a precise English detail for developers."""
from __future__ import annotations

from kiosk.bundles.texts import KEPT, MESSAGES_VI


class UpdateError(Exception):
    """A refused pack operation. `message_vi` is for staff, `detail` for developers."""

    def __init__(self, reason: str, detail: str, **params: object) -> None:
        self.reason = reason
        self.params = params  # what the message names (versions), for a caller's own wording
        self.message_vi = f"{MESSAGES_VI[reason].format(**params)} {KEPT}"
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


class BundleRejected(UpdateError):
    """A bundle that was not installed (or fails `verify`); nothing on the kiosk changed."""


class RollbackUnavailable(UpdateError):
    """Rollback is not possible; the active pack is unchanged."""
