"""Export a report (PDF, XLSX and CSV) to the first writable USB stick, for the staff
panel's "Xuất báo cáo ra USB".

Sticks are the mount points directly under the USB mount roots of kiosk.bundles.usb, or
one level deeper (udisks2 mounts at /media/<user>/<LABEL>, usbmount at /media/usb0); a
directory that is not a mount point is never written to, so nothing lands on the kiosk's
own disk. Each file is written under a temp name, fsynced, then renamed: a stick pulled
mid-write never holds a half file under the final name. An export is all or nothing."""
from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from kiosk.atomic_file import write_atomic
from kiosk.bundles.usb import DEFAULT_ROOTS
from kiosk.reports import texts
from kiosk.reports.errors import UsbExportError
from kiosk.reports.model import Report
from kiosk.reports.output import FORMATS, file_name, render

log = logging.getLogger(__name__)

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def usb_sticks(mount_roots: Iterable[str | Path] = DEFAULT_ROOTS) -> list[Path]:
    """Mounted sticks under `mount_roots`, sorted; hidden and unreadable places skipped."""
    sticks: list[Path] = []
    for root in map(Path, mount_roots):
        for child in _subdirs(root):
            if os.path.ismount(child):
                sticks.append(child)
            else:
                sticks.extend(grandchild for grandchild in _subdirs(child) if os.path.ismount(grandchild))
    return sticks


def export_to_usb(report: Report, mount_roots: Iterable[str | Path] = DEFAULT_ROOTS) -> list[Path]:
    """Write the report in every format to the top of the first writable stick; the paths
    written. UsbExportError (Vietnamese message for staff, `detail` for developers) when
    there is no stick, none is writable, the stick is full or it went away mid-write."""
    roots = [Path(root) for root in mount_roots]
    sticks = usb_sticks(roots)
    if not sticks:
        raise UsbExportError(texts.NO_USB, f"no mounted USB stick under {', '.join(map(str, roots))}")
    writable = [stick for stick in sticks if os.access(stick, os.W_OK)]
    if not writable:
        raise UsbExportError(texts.USB_READ_ONLY, f"no writable stick among {', '.join(map(str, sticks))}")
    stick = writable[0]
    files = [(stick / file_name(report, fmt), render(report, fmt)) for fmt in FORMATS]
    written: list[Path] = []
    try:
        for path, data in files:
            write_atomic(path, data)
            written.append(path)
    except OSError as exc:
        for path in written:
            with contextlib.suppress(OSError):  # the stick may be gone
                path.unlink(missing_ok=True)
        raise _usb_error(exc, stick) from exc
    log.info("report %s..%s exported to %s", report.first, report.last, stick)
    return written


def _usb_error(exc: OSError, stick: Path) -> UsbExportError:
    detail = f"writing to {stick}: {exc}"
    if exc.errno in _FULL:
        return UsbExportError(texts.USB_FULL, detail)
    if exc.errno in _READ_ONLY:
        return UsbExportError(texts.USB_READ_ONLY, detail)
    return UsbExportError(texts.USB_REMOVED, detail)


def _subdirs(path: Path) -> list[Path]:
    try:
        return sorted(p for p in path.iterdir() if not p.name.startswith(".") and p.is_dir())
    except OSError as exc:
        log.debug("cannot list %s: %s", path, exc)
        return []
