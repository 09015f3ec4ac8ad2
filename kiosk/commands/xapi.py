"""`hocvuso xapi status` and `hocvuso xapi send`: the roll-up to the province, for IT.

status: the staff line, the figures (sent / waiting / set aside) and why each statement set
aside was refused; exit 0. send: one sending round now, ignoring any backoff; with
--release, statements set aside are queued again first (after the LRS or the kiosk was
fixed). Exit 0 when nothing is left waiting, 1 when some still wait, 2 when it cannot run.
"""
from __future__ import annotations

import argparse
import sqlite3

from kiosk.commands import refuse, settings_from_args
from kiosk.settings import Settings

NO_DATABASE = "Chưa có dữ liệu học tập ở {path}."
BAD_DATABASE = "Không đọc được dữ liệu học tập ở {path}."
NO_LRS = "Chưa cài địa chỉ máy chủ số liệu của tỉnh (lrs_url trong kiosk.toml)."
BAD_LRS = "Địa chỉ máy chủ số liệu của tỉnh không đúng dạng."
RELEASED = "Đã đưa {count} bản ghi bị từ chối trở lại hàng chờ gửi."


def register(subparsers: argparse._SubParsersAction) -> None:
    xapi = subparsers.add_parser("xapi", help="xAPI roll-up to the provincial LRS")
    commands = xapi.add_subparsers(dest="xapi_command", required=True)
    status = commands.add_parser("status", help="what was sent, what waits, what was set aside and why")
    status.set_defaults(func=_status)
    send = commands.add_parser("send", help="send waiting statements now, ignoring the backoff")
    send.add_argument("--release", action="store_true", help="first queue again the statements set aside")
    send.set_defaults(func=_send)


def _status(args: argparse.Namespace) -> int:
    from kiosk.xapi.outbox import Outbox, OutboxCounts, has_outbox
    from kiosk.xapi.status import XapiStatus

    settings = settings_from_args(args)
    conn = _open(settings, readonly=True)
    if conn is None:
        return 2
    try:
        outbox = Outbox(conn) if has_outbox(conn) else None
        counts = outbox.counts() if outbox else OutboxCounts(0, 0, 0)
        aside = outbox.set_aside_rows() if outbox else []
    finally:
        conn.close()
    status = XapiStatus(bool(settings.lrs_url), counts)
    print(status.line_vi())
    print(status.figures())
    for statement_id, reason in aside:
        print(f"set aside {statement_id}: {reason}")
    return 0


def _send(args: argparse.Namespace) -> int:
    from kiosk.clock import SystemClock
    from kiosk.xapi.forwarder import Forwarder
    from kiosk.xapi.outbox import Outbox, has_outbox
    from kiosk.xapi.transport import LrsTransport

    settings = settings_from_args(args)
    if not settings.lrs_url:
        refuse(NO_LRS, "lrs_url is empty")
        return 2
    try:
        transport = LrsTransport(settings.lrs_url, settings.lrs_username, settings.lrs_password)
    except ValueError as exc:
        refuse(BAD_LRS, str(exc))
        return 2
    conn = _open(settings, readonly=False)
    if conn is None:
        return 2
    try:
        if not has_outbox(conn):  # a database from before xAPI: nothing to send
            return _status(args)
        if args.release:
            print(RELEASED.format(count=Outbox(conn).release_set_aside()))
    finally:
        conn.close()
    forwarder = Forwarder(settings.database, transport, SystemClock())
    forwarder.send_now()
    try:
        forwarder.run_once()
    finally:
        forwarder.close()
    status = forwarder.status()
    print(status.line_vi())
    print(status.figures())
    return 1 if status.counts.waiting else 0


def _open(settings: Settings, readonly: bool) -> sqlite3.Connection | None:
    from kiosk.progress import connect_file

    try:
        return connect_file(settings.database, readonly=readonly)
    except FileNotFoundError as exc:
        refuse(NO_DATABASE.format(path=settings.database), str(exc))
    except sqlite3.DatabaseError as exc:
        refuse(BAD_DATABASE.format(path=settings.database), f"{settings.database}: {exc}")
    return None
