"""The `hocvuso` command line: one sub-command module per area under `kiosk/commands/`.

A command prints only its answer: logging is off unless `-v` is given (`hocvuso run` turns it
on when it starts the kiosk on a screen, so the kiosk's log file keeps everything).

Each module in COMMAND_MODULES exposes `register(subparsers)`, which adds its
sub-commands and sets `func` (taking the parsed args, returning an exit code).
Modules are imported only here, so importing `kiosk.cli` stays cheap.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from kiosk.settings import SettingsError

COMMAND_MODULES = (
    "kiosk.commands.run",
    "kiosk.commands.keys",
    "kiosk.commands.pack",
    "kiosk.commands.content",
    "kiosk.commands.set_pin",
    "kiosk.commands.doctor",
    "kiosk.commands.report",
    "kiosk.commands.export",
    "kiosk.commands.xapi",
    "kiosk.commands.db",
    "kiosk.commands.voice",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hocvuso", description="Trạm Học vụ số — kiosk tools")
    parser.add_argument("--config", help="path to kiosk.toml (default: HOCVUSO_CONFIG or the user config dir)")
    parser.add_argument("--db", help="progress database file (overrides config and HOCVUSO_DB)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the log (debug level) beside the answer")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.CRITICAL,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:
        print(f"Tệp cấu hình có lỗi, kiosk chưa chạy được: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
