"""`hocvuso export --xapi FILE`: the kiosk's xAPI statements as JSON lines (one statement per
line, oldest first), for carrying to the province on a USB stick when there is no network.

The database is opened read-only. The file is written beside its final name, synced, then
renamed, so a pulled stick leaves either the old file or the whole new one. An existing file
is kept unless --force. Every failure exits 2 with a Vietnamese line for staff and the
precise reason for IT.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from kiosk.commands import settings_from_args

EXISTS = "Tệp {path} đã có; thêm --force nếu muốn ghi đè."
NO_FOLDER = "Không có thư mục {folder} (USB đã được rút ra?)."
NO_DATABASE = "Không tìm thấy dữ liệu học tập ở {path}."
BAD_DATABASE = "Không đọc được dữ liệu học tập ở {path}."
WRITE_FAILED = (
    "Không ghi được tệp {path} (USB đầy, bị khoá ghi hoặc đã rút ra?); tệp cũ, nếu có, vẫn giữ nguyên."
)
DONE = "Đã ghi {count} bản ghi học tập (xAPI) vào {path}."


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="export learning records for offline transfer (USB)")
    export.add_argument("--xapi", type=Path, required=True, metavar="FILE", help="write the xAPI statements as JSON lines")
    export.add_argument("--unsent", action="store_true", help="only statements the LRS has not accepted yet")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from kiosk.xapi.outbox import Outbox, connect, has_outbox

    target: Path = args.xapi
    if target.exists() and not args.force:
        return _fail(EXISTS.format(path=target), f"{target} exists")
    if not target.parent.is_dir():
        return _fail(NO_FOLDER.format(folder=target.parent), f"{target.parent} is not a directory")
    database = settings_from_args(args).database
    try:
        conn = connect(database, readonly=True)
    except FileNotFoundError as exc:
        return _fail(NO_DATABASE.format(path=database), str(exc))
    except sqlite3.DatabaseError as exc:
        return _fail(BAD_DATABASE.format(path=database), f"{database}: {exc}")
    try:
        statements = list(Outbox(conn).statements(args.unsent)) if has_outbox(conn) else []
    except sqlite3.DatabaseError as exc:
        return _fail(BAD_DATABASE.format(path=database), f"{database}: {exc}")
    finally:
        conn.close()
    try:
        _write_atomically(target, statements)
    except OSError as exc:
        return _fail(WRITE_FAILED.format(path=target), str(exc))
    print(DONE.format(count=len(statements), path=target))
    return 0


def _write_atomically(target: Path, lines: list[str]) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(line + "\n" for line in lines)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _fail(message_vi: str, detail: str) -> int:
    print(f"{message_vi} ({detail})", file=sys.stderr)
    return 2
