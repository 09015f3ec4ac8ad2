"""`hocvuso db prune`: summarise raw attempts older than retention_months into daily counts
and delete them (the kiosk also does this once a day at start-up); prints what it did."""
from __future__ import annotations

import argparse
import datetime
import sys

from kiosk.commands import settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="progress database upkeep").add_subparsers(dest="db_command", required=True)
    prune = db.add_parser("prune", help="summarise attempts older than retention_months per day, then delete them")
    prune.add_argument("--months", type=_months, help="keep this many months instead of the configured retention_months")
    prune.set_defaults(func=_prune)


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
        print("retention_months = 0: giữ mọi lượt trả lời, không dọn gì. (nothing pruned)")
        return 0
    store = ProgressStore.open(settings.database)
    try:
        if store.notice:
            print(f"{store.notice} (database {settings.database} not usable; nothing pruned)", file=sys.stderr)
            return 1
        result = prune(store, datetime.datetime.now(datetime.UTC), months)
    finally:
        store.close()
    print(result.message_vi())
    print(f"({result.deleted} attempts from {result.days} UTC days before {result.cutoff.isoformat(timespec='seconds')}"
          f" added to attempt_rollups and deleted; {result.statements} sent xAPI statements removed from the outbox;"
          f" {settings.database})")
    return 0
