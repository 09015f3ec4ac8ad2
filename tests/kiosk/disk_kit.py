"""Real disks in trouble: a file system filled up, an ext4 file system on a loop device that
the kernel can turn read-only or that can fail reads, and the commands that set them up
(they need root)."""
from __future__ import annotations

import errno
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def mount(*args: str, why: str) -> None:
    result = run("mount", *args)
    if result.returncode != 0:
        pytest.skip(f"{why}: `mount {' '.join(args)}` is not permitted here ({result.stderr.strip()})")


def fill(disk: Path) -> Path:
    """Fill the file system at `disk` up to the last byte; the file that fills it."""
    filler = disk / "logs-that-filled-the-disk"
    with filler.open("wb", buffering=0) as out, pytest.raises(OSError) as full:  # unbuffered: closing writes nothing more
        while True:
            out.write(b"x" * 65536)
    assert full.value.errno == errno.ENOSPC
    return filler


@dataclass(frozen=True)
class Ext4Disk:
    mount_dir: Path
    device: str  # e.g. loop3
    image: Path

    def fail_reads(self) -> None:
        """A failing disk: the device loses all but its first megabyte, so reading the files
        on it fails with EIO (what a dying disk does), with nothing left in the page cache.
        The image is copied first, for `mend`."""
        run("sync")
        shutil.copyfile(self.image, self.image.with_suffix(".good"))
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        with self.image.open("r+b") as image:
            image.truncate(1 << 20)
        shrunk = run("losetup", "-c", f"/dev/{self.device}")
        if shrunk.returncode != 0:
            pytest.skip(f"cannot resize the loop device ({shrunk.stderr.strip()})")

    def mend(self) -> None:
        """The technician's repair: unmount, put back a sound disk (the image as it was
        before `fail_reads`, if it failed) and mount the file system again."""
        run("umount", "-l", str(self.mount_dir))
        good = self.image.with_suffix(".good")
        if good.exists():
            good.replace(self.image)
        mount("-o", "loop", str(self.image), str(self.mount_dir), why="remounting the repaired file system")
