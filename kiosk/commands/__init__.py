"""Sub-commands of `hocvuso`, one module per area (see kiosk.cli)."""
from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.settings import Settings, load_settings


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings with the global --config and --db options applied."""
    return load_settings(Path(args.config) if args.config else None, db_path=args.db)
