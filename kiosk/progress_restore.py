"""Looking into database files set aside and putting one back (`hocvuso db broken`,
`hocvuso db restore FILE`). A restore never loses anything: the database in use is set
aside first (`progress.db.replaced-…`), the chosen file takes its place, and the replaced
database's rows are then added to it, so progress written since is counted too."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from kiosk.progress import ProgressStore, connect_file
from kiosk.progress_merge import merge_progress
from kiosk.progress_schema import SCHEMA_VERSION, schema_version
from kiosk.set_aside import PARTS, REPLACED, set_aside
from kiosk.store_trouble import CAUSES_VI, Cause, DamagedError, NewerSchemaError, diagnose, is_locked

NOT_FOUND_VI = "Không có tệp {name} (tìm ở {path}). Xem danh sách bằng lệnh «hocvuso db broken»."
SAME_VI = "{name} là tệp dữ liệu đang dùng, không phải tệp đã cất sang một bên."
IN_USE_VI = ("Tệp dữ liệu {path} đang được dùng (trạm đang chạy?). Hãy dừng trạm trước "
             "(«systemctl stop hocvuso-kiosk»), khôi phục, rồi bật lại («systemctl start hocvuso-kiosk»).")
DAMAGED_VI = ("Tệp {name} bị hỏng thật nên không khôi phục nguyên trạng được. Có thể cứu phần còn đọc được: "
              "«sqlite3 {name} .recover | sqlite3 cuu-du-lieu.db», rồi khôi phục tệp cuu-du-lieu.db.")
UNREADABLE_VI = "Không đọc được tệp {name} vì {cause}."
NEWER_VI = ("Tệp {name} do phiên bản phần mềm mới hơn ghi (dữ liệu phiên bản {found}, phần mềm này hiểu đến {supported}). "
            "Hãy cài phiên bản mới rồi khôi phục.")
MOVE_FAILED_VI = "Không đổi được tên tệp trong {folder} vì {cause}; tệp dữ liệu đang dùng vẫn giữ nguyên."
NOT_USABLE_VI = "Tệp đã khôi phục chưa mở được: {notice}"
OTHER_VERSION_VI = "tệp đó là dữ liệu phiên bản {found}, khác phiên bản {supported} của phần mềm này"


class RestoreError(Exception):
    def __init__(self, message_vi: str, detail: str = "") -> None:
        super().__init__(detail or message_vi)
        self.message_vi = message_vi


@dataclass(frozen=True)
class Contents:
    visits: int
    attempts: int
    completed: int  # lessons completed
    unsent: int  # xAPI statements not yet accepted by the LRS

    def line_vi(self) -> str:
        return (f"{self.visits} lượt học, {self.attempts} lượt trả lời, {self.completed} bài đã học xong, "
                f"{self.unsent} số liệu chưa gửi lên tỉnh")


@dataclass(frozen=True)
class Restored:
    source: Path  # the file put back (now the database)
    contents: Contents  # what the database holds now
    replaced: Path | None  # where the database it replaced was set aside
    added: dict[str, int]  # rows of the replaced database added to the restored one
    not_merged: str = ""  # why the replaced database's rows could not be added (they stay in it, aside)


def contents(path: Path) -> Contents:
    """What a progress database holds, read without changing it. sqlite3.Error, OSError."""
    conn = connect_file(path, readonly=True)
    try:
        return _count(sqlite_utils.Database(conn))
    finally:
        conn.close()


def _count(db: sqlite_utils.Database) -> Contents:
    one = lambda sql: int(db.execute(sql).fetchone()[0])  # noqa: E731
    return Contents(one("SELECT count(*) FROM visits"), one("SELECT count(*) FROM attempts"),
                    one("SELECT count(*) FROM lesson_summaries WHERE status = 'completed'"),
                    one("SELECT count(*) FROM outbox WHERE sent_at IS NULL"))


def find(db: Path, name: str) -> Path:
    """FILE as given, or by its name beside the database."""
    given = Path(name)
    for candidate in (given, db.parent / given.name):
        if candidate.is_file():
            return candidate
    raise RestoreError(NOT_FOUND_VI.format(name=name, path=db.parent))


def restore(db: Path, source: Path) -> Restored:
    """Put `source` back as the database `db` (see the module docstring). RestoreError."""
    if source.resolve() == db.resolve():
        raise RestoreError(SAME_VI.format(name=source.name))
    _check(source)
    if db.exists():
        _refuse_if_in_use(db)
    try:
        replaced = set_aside(db, REPLACED) if any(Path(f"{db}{p}").exists() for p in PARTS) else None
    except OSError as exc:
        raise RestoreError(MOVE_FAILED_VI.format(folder=db.parent, cause=_cause_vi(exc, db)), str(exc)) from exc
    try:
        for part in PARTS:
            if Path(f"{source}{part}").exists():
                Path(f"{source}{part}").rename(f"{db}{part}")
    except OSError as exc:
        if replaced is not None:
            for part in PARTS:
                if Path(f"{replaced}{part}").exists() and not Path(f"{db}{part}").exists():
                    Path(f"{replaced}{part}").rename(f"{db}{part}")
        raise RestoreError(MOVE_FAILED_VI.format(folder=db.parent, cause=_cause_vi(exc, db)), str(exc)) from exc
    store = ProgressStore.open(db)
    try:
        if store.path is None:
            raise RestoreError(NOT_USABLE_VI.format(notice=store.notice))
        added, why_not = _add_replaced(replaced, store) if replaced is not None else ({}, "")
        return Restored(source, _count(store.db), replaced, added, why_not)
    finally:
        store.close()


def _check(source: Path) -> None:
    """Refuse a file that is not a sound progress database this app can use."""
    try:
        conn = sqlite3.connect(source, isolation_level=None, timeout=5)
        try:
            db = sqlite_utils.Database(conn)
            found = schema_version(db)
            if found > SCHEMA_VERSION:
                raise NewerSchemaError(found, SCHEMA_VERSION)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DamagedError("quick_check failed")
        finally:
            conn.close()
    except NewerSchemaError as exc:
        raise RestoreError(NEWER_VI.format(name=source.name, found=exc.found, supported=exc.supported), str(exc)) from exc
    except (sqlite3.Error, OSError) as exc:
        if diagnose(exc, source).cause is Cause.CORRUPT:
            raise RestoreError(DAMAGED_VI.format(name=source.name), str(exc)) from exc
        raise RestoreError(UNREADABLE_VI.format(name=source.name, cause=_cause_vi(exc, source)), str(exc)) from exc


def _refuse_if_in_use(db: Path) -> None:
    """Another process (the kiosk) with the database open keeps this exclusive lock from us."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        if is_locked(exc):
            raise RestoreError(IN_USE_VI.format(path=db), str(exc)) from exc
    finally:
        conn.close()


def _add_replaced(replaced: Path, store: ProgressStore) -> tuple[dict[str, int], str]:
    """Add the replaced database's rows to the restored one; why not, if they could not be."""
    try:
        conn = connect_file(replaced)
        try:
            source = sqlite_utils.Database(conn)
            found = schema_version(source)
            if found != SCHEMA_VERSION:
                return {}, OTHER_VERSION_VI.format(found=found, supported=SCHEMA_VERSION)
            return merge_progress(source, store.db), ""
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        return {}, _cause_vi(exc, replaced)


def _cause_vi(exc: BaseException, path: Path) -> str:
    return CAUSES_VI[diagnose(exc, path).cause]
