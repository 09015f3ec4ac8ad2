"""Why a report could not be made or saved: `str(exc)` is plain Vietnamese for staff,
`detail` is the precise reason for developers."""
from __future__ import annotations


class ReportError(Exception):
    def __init__(self, message_vi: str, detail: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.detail = detail


class UsbExportError(ReportError):
    """The report could not be written to a USB stick; no half-written file was left."""
