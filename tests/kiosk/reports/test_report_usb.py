"""Export to a USB stick: real tmpfs mounts under a temp mount root stand in for sticks
(mounting needs root, as CI runs; skipped otherwise), so full and read-only are real."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.reports import texts, usb
from kiosk.reports.errors import UsbExportError
from kiosk.reports.model import Report
from kiosk.reports.output import render
from kiosk.reports.usb import export_to_usb, usb_sticks
from tests.conftest import TmpfsMount


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_no_stick_is_found_when_only_plain_folders_are_there(report: Report, tmp_path: Path) -> None:
    plain = tmp_path / "media" / "usb0"  # usbmount's empty mount point: the kiosk's own disk
    plain.mkdir(parents=True)
    with pytest.raises(UsbExportError) as error:
        export_to_usb(report, [tmp_path / "media", tmp_path / "missing"])
    assert str(error.value) == texts.NO_USB
    assert names(plain) == []


def test_export_writes_pdf_xlsx_and_csv_to_the_stick(report: Report, tmpfs_mount: TmpfsMount, tmp_path: Path) -> None:
    stick = tmpfs_mount("STICK")
    written = export_to_usb(report, [tmp_path / "media"])
    stem = "bao-cao-xa-tan-phu-2026-11-01-2026-11-30"
    assert [p.name for p in written] == [f"{stem}.pdf", f"{stem}.xlsx", f"{stem}.csv"]
    assert names(stick) == sorted(p.name for p in written)  # no temp files left
    assert written[0].read_bytes().startswith(b"%PDF") and written[2].read_bytes().startswith(b"\xef\xbb\xbf")


def test_sticks_are_found_one_level_deeper_and_read_only_ones_skipped(report: Report, tmpfs_mount: TmpfsMount,
                                                                     tmp_path: Path) -> None:
    locked = tmpfs_mount("A-LOCKED", read_only=True)
    stick = tmpfs_mount("kiosk/LABEL")  # udisks2: /media/<user>/<LABEL>
    assert usb_sticks([tmp_path / "media"]) == [locked, stick]
    written = export_to_usb(report, [tmp_path / "media"])
    assert {p.parent for p in written} == {stick}


def test_read_only_stick_says_so(report: Report, tmpfs_mount: TmpfsMount, tmp_path: Path) -> None:
    tmpfs_mount("LOCKED", read_only=True)
    with pytest.raises(UsbExportError) as error:
        export_to_usb(report, [tmp_path / "media"])
    assert str(error.value) == texts.USB_READ_ONLY and "LOCKED" in error.value.detail


def test_full_stick_says_so_and_keeps_no_part_of_the_report(report: Report, tmpfs_mount: TmpfsMount, tmp_path: Path) -> None:
    pages = -(-len(render(report, "pdf")) // 4096)
    stick = tmpfs_mount("FULL", size=f"{4 * (pages + 1)}k")  # room for the PDF (written first), not for the XLSX
    with pytest.raises(UsbExportError) as error:
        export_to_usb(report, [tmp_path / "media"])
    assert str(error.value) == texts.USB_FULL and "No space left" in error.value.detail
    assert names(stick) == []


def test_stick_pulled_mid_export_says_so(report: Report, tmpfs_mount: TmpfsMount, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmpfs_mount("STICK")
    real_write = usb.write_atomic

    def write_then_pull(path: Path, data: bytes) -> None:
        real_write(path, data)
        subprocess.run(["umount", "-l", str(stick)], check=True)
        stick.rmdir()

    monkeypatch.setattr(usb, "write_atomic", write_then_pull)
    with pytest.raises(UsbExportError) as error:
        export_to_usb(report, [tmp_path / "media"])
    assert str(error.value) == texts.USB_REMOVED and "No such file" in error.value.detail
