"""Where the roll-up stands, for staff (one Vietnamese line) and provincial IT (the figures)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from kiosk.xapi.outbox import OutboxCounts

NOT_CONFIGURED = (
    "Chưa cài máy chủ số liệu của tỉnh: {waiting} bản ghi đang giữ trên trạm (có thể xuất ra USB)."
)
ALL_SENT = "Đã gửi hết số liệu lên tỉnh ({sent} bản ghi)."
SENDING = "Đang gửi số liệu lên tỉnh: {waiting} bản ghi đang chờ."
NO_NETWORK = (
    "Chưa gửi được lên tỉnh vì mất mạng hoặc máy chủ không trả lời: {waiting} bản ghi đang chờ, không mất bản ghi nào."
)
SERVER_ERROR = "Máy chủ của tỉnh đang lỗi: {waiting} bản ghi đang chờ gửi lại, không mất bản ghi nào."
REFUSED_ACCOUNT = (
    "Máy chủ của tỉnh không nhận tài khoản hoặc địa chỉ của trạm; báo bộ phận IT. {waiting} bản ghi đang chờ."
)
SET_ASIDE = " {set_aside} bản ghi bị máy chủ từ chối, đã để riêng cho bộ phận IT."


@dataclass(frozen=True)
class Problem:
    """Why the last try failed: `kind` is "network", "server" or "config"; `detail` is for IT."""

    kind: str
    detail: str
    at: datetime.datetime


@dataclass(frozen=True)
class XapiStatus:
    configured: bool
    counts: OutboxCounts
    problem: Problem | None = None
    next_try_at: datetime.datetime | None = None

    def line_vi(self) -> str:
        """One line for the staff panel."""
        c = self.counts
        if not self.configured:
            line = NOT_CONFIGURED
        elif self.problem is not None and c.waiting:
            line = {"network": NO_NETWORK, "server": SERVER_ERROR}.get(self.problem.kind, REFUSED_ACCOUNT)
        else:
            line = SENDING if c.waiting else ALL_SENT
        if c.set_aside:
            line += SET_ASIDE
        return line.format(sent=c.sent, waiting=c.waiting, set_aside=c.set_aside)

    def figures(self) -> str:
        """The developer/IT line: counts, last problem and next try."""
        c = self.counts
        text = f"sent={c.sent} waiting={c.waiting} set_aside={c.set_aside}"
        if self.problem is not None:
            text += f" last_problem={self.problem.kind}: {self.problem.detail}"
        if self.next_try_at is not None:
            text += f" next_try_at={self.next_try_at.isoformat(timespec='seconds')}"
        return text
