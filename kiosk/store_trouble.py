"""Why the progress database could not be opened or written, told apart so that only real
damage sets a file aside, and said to staff in plain Vietnamese.

SQLite reports a full disk, a read-only or failing disk and a lock with error codes of their
own, but not always the true cause: on a full tmpfs opening a WAL database fails with
"disk I/O error" (SQLITE_IOERR_SHMSIZE) because its shared-memory file cannot grow. So a disk
error is checked against the file system: no room left is "full", mounted read-only is
"read-only", anything else is a failing disk.
"""
from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

FULL_BELOW_BYTES = 1 << 20  # less room than this left on the file system: it is full


class Cause(Enum):
    CORRUPT = "corrupt"  # not a database, or it fails its check: the only cause to set a file aside
    LOCKED = "locked"  # another process holds the database
    FULL = "full"
    READ_ONLY = "read-only"
    FAILING = "failing"  # the disk or file system reports errors
    NEWER = "newer"  # written by a newer app (schema_version above ours)
    PATH = "path"  # the configured place cannot hold a file (a folder in the way, a file for a folder)


# What happened, as a clause for staff ("…vì <cause>") and what to do about it.
CAUSES_VI = {
    Cause.CORRUPT: "tệp dữ liệu bị hỏng",
    Cause.LOCKED: "tệp dữ liệu đang bị một chương trình khác giữ",
    Cause.FULL: "ổ đĩa của trạm đã đầy",
    Cause.READ_ONLY: "ổ đĩa của trạm đang ở chế độ chỉ đọc, không ghi được",
    Cause.FAILING: "ổ đĩa của trạm bị lỗi đọc ghi (ổ đĩa có thể sắp hỏng)",
    Cause.NEWER: "dữ liệu do một phiên bản phần mềm mới hơn ghi",
    Cause.PATH: "đường dẫn tới tệp dữ liệu trong tệp cấu hình không dùng được",
}
ADVICE_VI = {
    Cause.CORRUPT: "Hãy báo cán bộ kỹ thuật.",
    Cause.LOCKED: "Nếu việc này kéo dài, hãy khởi động lại trạm hoặc báo cán bộ kỹ thuật.",
    Cause.FULL: "Hãy báo cán bộ kỹ thuật dọn bớt tệp cho ổ đĩa có chỗ trống.",
    Cause.READ_ONLY: "Hãy báo cán bộ kỹ thuật kiểm tra ổ đĩa.",
    Cause.FAILING: "Hãy báo cán bộ kỹ thuật kiểm tra hoặc thay ổ đĩa.",
    Cause.NEWER: "Hãy báo cán bộ kỹ thuật cài lại phiên bản phần mềm mới.",
    Cause.PATH: "Hãy báo cán bộ kỹ thuật sửa đường dẫn tệp dữ liệu (db_path, data_dir) trong tệp cấu hình.",
}
HELD_VI = ("Không mở được tệp dữ liệu học tập vì {cause}. Tệp vẫn để nguyên, không mất gì. Trạm vẫn dạy "
           "bình thường; kết quả học được giữ tạm trong bộ nhớ và trạm tự ghi vào tệp ngay khi ghi được "
           "(nếu trạm tắt trước lúc đó, kết quả giữ tạm sẽ mất). {advice}")
NEWER_VI = ("Dữ liệu học tập trên trạm do một phiên bản phần mềm mới hơn ghi (dữ liệu phiên bản {found}, "
            "phần mềm này chỉ hiểu đến phiên bản {supported}): phần mềm đang chạy cũ hơn dữ liệu của nó. "
            "Để không làm hỏng dữ liệu, trạm vẫn dạy bình thường nhưng không ghi kết quả học. {advice}")
WRITTEN_AGAIN_VI = "Sau đó trạm đã ghi được vào tệp trở lại và đã chép kết quả giữ tạm trong bộ nhớ vào tệp; không mất gì."
STUCK_VI = ("Tệp dữ liệu học tập bị hỏng nhưng không cất sang một bên được vì {cause}. Trạm vẫn dạy bình "
            "thường; kết quả hôm nay chỉ giữ tạm trong bộ nhớ. {advice}")

_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_LOCKED_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_PATH_ERRNOS = {errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENOENT, errno.ENAMETOOLONG}
_READ_ERROR_CODES = {sqlite3.SQLITE_IOERR_READ, sqlite3.SQLITE_IOERR_SHORT_READ, sqlite3.SQLITE_IOERR_CORRUPTFS}


class DamagedError(sqlite3.DatabaseError):
    """The file is an SQLite database, but it fails its integrity check."""


class NewerSchemaError(sqlite3.DatabaseError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"schema_version {found} is newer than this kiosk ({supported})")
        self.found, self.supported = found, supported

    def message_vi(self) -> str:
        return NEWER_VI.format(found=self.found, supported=self.supported, advice=ADVICE_VI[Cause.NEWER])


@dataclass(frozen=True)
class Trouble:
    cause: Cause
    detail: str  # for developers and the log

    def held_vi(self) -> str:
        """For staff, when progress is held in memory because the file could not be opened."""
        return HELD_VI.format(cause=CAUSES_VI[self.cause], advice=ADVICE_VI[self.cause])

    def stuck_vi(self) -> str:
        """For staff, when a damaged file could not even be set aside."""
        return STUCK_VI.format(cause=CAUSES_VI[self.cause], advice=ADVICE_VI[self.cause])


def diagnose(exc: BaseException, path: Path) -> Trouble:
    """Why `exc` happened to the database at `path`."""
    detail = f"{path}: {exc}"
    if isinstance(exc, NewerSchemaError):
        return Trouble(Cause.NEWER, detail)
    if isinstance(exc, DamagedError) or _primary(exc) in _CORRUPT_CODES:
        return Trouble(Cause.CORRUPT, detail)
    if is_locked(exc):
        return Trouble(Cause.LOCKED, detail)
    return Trouble(disk_cause(exc, path), detail)


def is_locked(exc: BaseException) -> bool:
    """Another connection holds the database (SQLITE_BUSY or SQLITE_LOCKED)."""
    return _primary(exc) in _LOCKED_CODES


def _primary(exc: BaseException) -> int | None:
    """SQLite's primary result code of `exc` (its extended code without the detail)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def disk_cause(exc: BaseException, path: Path) -> Cause:
    """Full, failing, read-only or a wrong path: no room left, then a read that failed, then
    whether a file can be made beside the database (a file system the kernel turned
    read-only after an error still says it is writable to statvfs), then the error itself."""
    folder = _existing(path.parent)
    try:
        stat = os.statvfs(folder)
    except OSError:
        return Cause.FAILING
    number = getattr(exc, "errno", None)
    code, primary = getattr(exc, "sqlite_errorcode", None), _primary(exc)
    if stat.f_bavail * stat.f_frsize < FULL_BELOW_BYTES or number == errno.ENOSPC or primary == sqlite3.SQLITE_FULL:
        return Cause.FULL
    if number == errno.EIO or code in _READ_ERROR_CODES:
        return Cause.FAILING
    probe = _write_probe(folder)
    if probe in _READ_ONLY_ERRNOS or number in _READ_ONLY_ERRNOS or primary in _READ_ONLY_CODES:
        return Cause.READ_ONLY
    if probe == errno.ENOSPC:
        return Cause.FULL
    if probe is None and (number in _PATH_ERRNOS or primary == sqlite3.SQLITE_CANTOPEN):
        return Cause.PATH
    return Cause.FAILING


def _write_probe(folder: Path) -> int | None:
    """The errno of making (and removing) an empty file in `folder`; None when it works."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".hocvuso-probe-"):
            return None
    except OSError as exc:
        return exc.errno


def _existing(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists (it may not be made yet)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
