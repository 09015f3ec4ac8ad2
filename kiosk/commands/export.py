"""`hocvuso export --xapi FILE`: the xAPI statements as JSON lines for a USB stick
(see kiosk.xapi.export). Any failure exits 2 with a Vietnamese line and the precise reason."""
from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands import refuse, settings_from_args

DONE = "Đã ghi {count} bản ghi học tập (xAPI) vào {path}."


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="export learning records for offline transfer (USB)")
    export.add_argument("--xapi", type=Path, required=True, metavar="FILE", help="write the xAPI statements as JSON lines")
    export.add_argument("--unsent", action="store_true", help="only statements the LRS has not accepted yet")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from kiosk.xapi.export import ExportError, export_jsonl

    try:
        count = export_jsonl(settings_from_args(args).database, args.xapi, args.unsent, args.force)
    except ExportError as exc:
        refuse(exc.message_vi, exc.detail)
        return 2
    print(DONE.format(count=count, path=args.xapi))
    return 0
