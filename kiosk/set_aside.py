"""Database files set aside, never deleted: a file found damaged at start-up is renamed beside
the database (`progress.db.broken-20261130T093000`, with its -wal and -shm files) and a new
one is started; `hocvuso db restore` keeps the database it replaces the same way
(`progress.db.replaced-…`). Staff are told of each damaged file on every start until they
press "Đã biết"; what they acknowledged is kept in `progress.db.seen` (JSON), or in memory
while that file cannot be written.
"""
from __future__ import annotations

import datetime
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.atomic_file import sync_folder, write_atomic

log = logging.getLogger(__name__)

BROKEN, REPLACED = "broken", "replaced"
PARTS = ("", "-wal", "-shm")  # a database with its write-ahead log and shared-memory index
STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(r"(?P<db>.+)\.(?P<reason>broken|replaced)-(?P<stamp>\d{8}T\d{6})(?:-\d+)?")

ONE_VI = ("Tệp dữ liệu học tập bị hỏng nên lúc {at} trạm đã cất nó sang một bên ({name}) và bắt đầu tệp mới; "
          "trạm vẫn dạy và ghi kết quả bình thường.")
MANY_VI = "{count} tệp dữ liệu học tập bị hỏng đã được cất sang một bên: {names}. Trạm đã bắt đầu tệp mới."
KEPT_VI = ("Số liệu cũ vẫn nằm nguyên trong tệp đã cất, không bị xóa. Hãy báo cán bộ kỹ thuật: họ xem được bằng lệnh "
           "«hocvuso db broken» và khôi phục bằng «hocvuso db restore». Bấm «Đã biết» để thông báo này không hiện lại.")


@dataclass(frozen=True)
class SetAside:
    path: Path
    reason: str  # BROKEN or REPLACED
    at: datetime.datetime  # local time it was set aside

    @property
    def when_vi(self) -> str:
        return f"{self.at:%H:%M} ngày {self.at:%d/%m/%Y}"


def set_aside(db: Path, reason: str) -> Path:
    """Rename `db` and its -wal and -shm files to a free name `<db>.<reason>-<local time>`;
    the new name of the database file. OSError if a rename fails (what was renamed stays)."""
    base = f"{db.name}.{reason}-{datetime.datetime.now():{STAMP}}"
    aside, n = db.with_name(base), 1
    while any(Path(f"{aside}{part}").exists() for part in PARTS):
        n += 1
        aside = db.with_name(f"{base}-{n}")
    for part in PARTS:
        if Path(f"{db}{part}").exists():
            Path(f"{db}{part}").rename(f"{aside}{part}")
    sync_folder(db.parent)
    return aside


def set_aside_files(db: Path) -> list[SetAside]:
    """The files set aside beside `db`, oldest first."""
    found = []
    for path in db.parent.glob(f"{db.name}.*"):
        match = _NAME.fullmatch(path.name)
        if match and match["db"] == db.name:
            found.append(SetAside(path, match["reason"], datetime.datetime.strptime(match["stamp"], STAMP)))
    return sorted(found, key=lambda f: (f.at, f.path.name))


class SetAsideNotice:
    """The staff notice of damaged files set aside, until staff acknowledge it."""

    def __init__(self, db: Path) -> None:
        self._db = db
        self._seen_file = db.with_name(f"{db.name}.seen")
        self._seen_here: set[str] = set()  # acknowledged while the file could not be written

    def pending(self) -> list[SetAside]:
        seen = self._seen() | self._seen_here
        return [f for f in set_aside_files(self._db) if f.reason == BROKEN and f.path.name not in seen]

    def text_vi(self) -> str:
        """The notice for staff, or "" when there is nothing new to tell."""
        pending = self.pending()
        if not pending:
            return ""
        if len(pending) == 1:
            told = ONE_VI.format(at=pending[0].when_vi, name=pending[0].path.name)
        else:
            names = ", ".join(f"{f.path.name} (lúc {f.when_vi})" for f in pending)
            told = MANY_VI.format(count=len(pending), names=names)
        return f"{told} {KEPT_VI}"

    def acknowledge(self) -> None:
        """Staff pressed "Đã biết": not shown again, from this start on."""
        names = {f.path.name for f in self.pending()}
        self._seen_here |= names
        try:
            write_atomic(self._seen_file, json.dumps(sorted(self._seen() | names), ensure_ascii=False).encode())
        except OSError as exc:
            log.error("acknowledgement of %s not saved (%s); it holds until the kiosk restarts", sorted(names), exc)

    def _seen(self) -> set[str]:
        try:
            names = json.loads(self._seen_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return set()
        except (OSError, ValueError) as exc:
            log.error("cannot read %s (%s): set-aside files will be reported again", self._seen_file, exc)
            return set()
        return {str(name) for name in names} if isinstance(names, list) else set()

