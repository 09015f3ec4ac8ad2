"""`hocvuso pack audit PATH [--json FILE]`: validate the pack, audit it, say what was found."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from content.loader import load_pack
from kiosk.app.audit.engine import DPIS, SIZES, TEXT_SIZES, audit_pack
from kiosk.app.audit.report import json_report, text_report
from kiosk.app.qt_quiet import offscreen_quiet
from kiosk.settings import Settings


def run(pack_dir: Path, settings: Settings, json_file: Path | None = None,
        sizes: Sequence[tuple[int, int]] = SIZES, text_sizes: Sequence[str] = TEXT_SIZES,
        dpis: Sequence[float] = DPIS) -> int:
    """0 when the pack lays out cleanly everywhere, 1 when it is broken or has layout problems."""
    loaded = load_pack(pack_dir)
    if loaded.pack is None:
        for problem in loaded.problems:
            print(problem)
        count = len(loaded.problems)
        print(f"Gói bài học có {count} lỗi nên chưa kiểm tra bố cục được. ({count} problem(s); "
              f"see `hocvuso pack validate`)", file=sys.stderr)
        return 1
    with _quiet():
        result = audit_pack(loaded.pack, settings, sizes, text_sizes, dpis)
    print(text_report(result))
    if json_file is not None:
        json_file.write_text(json.dumps(json_report(result), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if result.problems else 0


@contextmanager
def _quiet() -> Iterator[None]:
    """Leave out what every fresh kiosk logs (database set up, packs loaded) and the offscreen
    platform's chatter; pass warnings and every other Qt message on."""
    logging.disable(logging.INFO)
    try:
        with offscreen_quiet():
            yield
    finally:
        logging.disable(logging.NOTSET)
