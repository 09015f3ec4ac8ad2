"""`hocvuso db prune`: summarise raw attempts older than retention_months into daily counts
and delete them (the kiosk also does this once a day at start-up); prints what it did.
`hocvuso db broken`: the database files set aside beside the database, with what they hold;
`hocvuso db restore FILE`: put one back (see kiosk.progress_restore)."""
from __future__ import annotations

import argparse
import datetime
import logging
import sqlite3

from kiosk.commands import refuse, settings_from_args

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="progress database upkeep").add_subparsers(dest="db_command", required=True)
    prune = db.add_parser("prune", help="summarise attempts older than retention_months per day, then delete them")
    prune.add_argument("--months", type=_months, help="keep this many months instead of the configured retention_months")
    prune.set_defaults(func=_prune)
    broken = db.add_parser("broken", help="list the database files set aside (damaged, or replaced by a restore)")
    broken.set_defaults(func=_broken)
    restore = db.add_parser("restore", help="put a set-aside file back; the database in use is set aside first "
                                            "and its rows are added to the restored one (stop the kiosk first)")
    restore.add_argument("file", help="the set-aside file, as `hocvuso db broken` names it (or its path)")
    restore.set_defaults(func=_restore)


def _months(text: str) -> int:
    months = int(text)
    if months < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return months


def _prune(args: argparse.Namespace) -> int:
    from kiosk.progress import ProgressStore
    from kiosk.retention import prune

    settings = settings_from_args(args)
    months = args.months or settings.retention_months
    if months < 1:
        print("retention_months = 0: giữ mọi lượt trả lời, không dọn gì.")
        log.info("retention_months = 0: nothing pruned")
        return 0
    store = ProgressStore.open(settings.database)
    try:
        if store.notice:
            refuse(store.notice, f"database {settings.database} not usable; nothing pruned")
            return 1
        result = prune(store, datetime.datetime.now(datetime.UTC), months)
    finally:
        store.close()
    print(result.message_vi())
    log.info("%d attempts from %d UTC days before %s added to attempt_rollups and deleted; %d sent xAPI statements "
             "removed from the outbox; %s", result.deleted, result.days, result.cutoff.isoformat(timespec="seconds"),
             result.statements, settings.database)
    return 0


REASONS_VI = {"broken": "vì bị hỏng", "replaced": "khi khôi phục một tệp khác"}
NONE_VI = "Không có tệp dữ liệu nào bị cất sang một bên (cạnh {db})."
LISTED_VI = "Các tệp dữ liệu đã cất sang một bên (cạnh {db}):"
LINE_VI = "- {name}: cất lúc {when} {reason}; {size}; {holds}."
HOLDS_VI = "trong đó có {contents}"
UNREADABLE_VI = "không đọc được ({cause})"
HOW_VI = "Khôi phục một tệp (dừng trạm trước): hocvuso db restore TÊN_TỆP"
RESTORED_VI = "Đã khôi phục {name}. Tệp dữ liệu bây giờ có {contents}."
KEPT_VI = "Tệp đang dùng trước đó được cất sang {name}; {added} lượt học của nó đã được chép sang tệp vừa khôi phục."
NOT_MERGED_VI = ("Tệp đang dùng trước đó được cất sang {name}, nhưng chưa chép được số liệu của nó sang ({why}); "
                 "số liệu đó vẫn nằm nguyên trong tệp đã cất.")


def _broken(args: argparse.Namespace) -> int:
    from kiosk.progress_restore import contents
    from kiosk.set_aside import set_aside_files
    from kiosk.store_trouble import CAUSES_VI, diagnose

    database = settings_from_args(args).database
    found = set_aside_files(database)
    if not found:
        print(NONE_VI.format(db=database))
        return 0
    print(LISTED_VI.format(db=database))
    for each in found:
        try:
            holds = HOLDS_VI.format(contents=contents(each.path).line_vi())
        except (sqlite3.Error, OSError) as exc:
            holds = UNREADABLE_VI.format(cause=CAUSES_VI[diagnose(exc, each.path).cause])
        size = f"{each.path.stat().st_size / 1e6:.1f} MB".replace(".", ",")
        print(LINE_VI.format(name=each.path.name, when=each.when_vi, reason=REASONS_VI[each.reason], size=size, holds=holds))
    print(HOW_VI)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kiosk.progress_restore import RestoreError, find, restore

    database = settings_from_args(args).database
    try:
        done = restore(database, find(database, args.file))
    except RestoreError as exc:
        refuse(exc.message_vi, f"restore {args.file} over {database}: {exc}")
        return 1
    print(RESTORED_VI.format(name=done.source.name, contents=done.contents.line_vi()))
    if done.replaced is not None and done.not_merged:
        print(NOT_MERGED_VI.format(name=done.replaced.name, why=done.not_merged))
    elif done.replaced is not None:
        print(KEPT_VI.format(name=done.replaced.name, added=done.added.get("visits", 0)))
    return 0
