"""`hocvuso run` and `hocvuso screenshots DIR`."""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from kiosk.commands import settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="start the kiosk (full screen)")
    run.add_argument("--windowed", action="store_true", help="a 1280×800 window instead of full screen (development)")
    run.set_defaults(func=_run)
    shots = subparsers.add_parser("screenshots", help="render every screen of every lesson to PNG + index.html")
    shots.add_argument("dir", type=Path)
    shots.set_defaults(func=_screenshots)


def _run(args: argparse.Namespace) -> int:
    from kiosk import app
    from kiosk.app.launch import has_display

    settings = settings_from_args(args)
    if has_display() and not args.verbose:
        logging.getLogger().setLevel(logging.INFO)  # the running kiosk's log (its file under systemd)
    return app.run(settings, windowed=args.windowed)


def _screenshots(args: argparse.Namespace) -> int:
    from kiosk import app

    index = app.screenshots(settings_from_args(args), args.dir)
    print(f"Screenshots: {index}")
    return 0
