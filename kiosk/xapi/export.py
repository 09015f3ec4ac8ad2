"""The kiosk's xAPI statements as JSON lines (one statement per line, oldest first), for
carrying to the province on a USB stick when there is no network.

The database is opened read-only. The file is written beside its final name, synced, then
renamed, so a pulled stick leaves either the old file or the whole new one. An existing
file is kept unless `overwrite`.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.atomic_file import write_atomic
from kiosk.progress import connect_file
from kiosk.xapi.outbox import Outbox, has_outbox

EXISTS = "Tệp {path} đã có; thêm --force nếu muốn ghi đè."
NO_FOLDER = "Không có thư mục {folder} (USB đã được rút ra?)."
NO_DATABASE = "Không tìm thấy dữ liệu học tập ở {path}."
BAD_DATABASE = "Không đọc được dữ liệu học tập ở {path}."
WRITE_FAILED = (
    "Không ghi được tệp {path} (USB đầy, bị khoá ghi hoặc đã rút ra?); tệp cũ, nếu có, vẫn giữ nguyên."
)


class ExportError(Exception):
    """Nothing was written: `message_vi` for staff, `detail` for IT."""

    def __init__(self, message_vi: str, detail: str) -> None:
        super().__init__(f"{message_vi} ({detail})")
        self.message_vi, self.detail = message_vi, detail


def export_jsonl(database: Path, target: Path, unsent_only: bool = False, overwrite: bool = False) -> int:
    """Write the statements (all, or those the LRS has not accepted) to `target`; return how many."""
    if target.exists() and not overwrite:
        raise ExportError(EXISTS.format(path=target), f"{target} exists")
    if not target.parent.is_dir():
        raise ExportError(NO_FOLDER.format(folder=target.parent), f"{target.parent} is not a directory")
    try:
        conn = connect_file(database, readonly=True)
    except FileNotFoundError as exc:
        raise ExportError(NO_DATABASE.format(path=database), str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise ExportError(BAD_DATABASE.format(path=database), f"{database}: {exc}") from exc
    try:
        statements = list(Outbox(conn).statements(unsent_only)) if has_outbox(conn) else []
    except sqlite3.DatabaseError as exc:
        raise ExportError(BAD_DATABASE.format(path=database), f"{database}: {exc}") from exc
    finally:
        conn.close()
    try:
        write_atomic(target, "".join(line + "\n" for line in statements).encode("utf-8"))
    except OSError as exc:
        raise ExportError(WRITE_FAILED.format(path=target), str(exc)) from exc
    return len(statements)
