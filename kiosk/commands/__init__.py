"""Sub-commands of `hocvuso`, one module per area (see kiosk.cli)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.settings import Settings, load_settings

log = logging.getLogger(__name__)


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings with the global --config and --db options applied."""
    return load_settings(Path(args.config) if args.config else None, db_path=args.db)


def refuse(message_vi: str, detail: str) -> None:
    """Say why a command did nothing: the Vietnamese answer on stderr; the precise English
    detail goes to the log, which `hocvuso -v` shows."""
    print(message_vi, file=sys.stderr)
    log.warning("%s", detail)
