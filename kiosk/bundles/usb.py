"""Find lesson bundles on mounted USB sticks.

Debian mounts sticks at /media/<user>/<LABEL> (udisks2), /media/usb0 (usbmount) or
/run/media/<user>/<LABEL>; bundles are looked for at the top of a stick only.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from kiosk.bundles.manifest import BUNDLE_SUFFIX

log = logging.getLogger(__name__)

DEFAULT_ROOTS = ("/media", "/run/media")


def find_bundles(roots: Iterable[str | Path] = DEFAULT_ROOTS) -> list[Path]:
    """Bundle files (`*.hvsbundle`) in `root/*/` and `root/*/*/`, sorted, without hidden
    files (such as macOS `._name` copies); unreadable places are skipped."""
    found: set[Path] = set()
    for root in map(Path, roots):
        for pattern in (f"*/*{BUNDLE_SUFFIX}", f"*/*/*{BUNDLE_SUFFIX}"):
            try:
                candidates = list(root.glob(pattern))
            except OSError as exc:
                log.warning("cannot search %s: %s", root, exc)
                continue
            found.update(p for p in candidates if not p.name.startswith(".") and _is_file(p))
    return sorted(found)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False
