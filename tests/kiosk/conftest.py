"""Real disks in trouble for the progress store tests: a small tmpfs to fill up and an ext4
file system on a loop device (see disk_kit)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TmpfsMount
from tests.kiosk.disk_kit import Ext4Disk, mount, run


@pytest.fixture
def small_disk(tmpfs_mount: TmpfsMount) -> Path:
    """A real 2 MB file system (tmpfs) that the test can fill up."""
    return tmpfs_mount("disk", size="2m")


@pytest.fixture
def ext4_disk(tmp_path: Path) -> Iterator[Ext4Disk]:
    """A 16 MB ext4 file system on a loop device, mounted errors=remount-ro."""
    image, mount_dir = tmp_path / "ext4.img", tmp_path / "ext4"
    mount_dir.mkdir()
    with image.open("wb") as out:
        out.truncate(16 << 20)
    made = run("mkfs.ext4", "-q", "-F", str(image))
    if made.returncode != 0:
        pytest.skip(f"mkfs.ext4 is needed for the disk trouble tests ({made.stderr.strip()})")
    mount("-o", "loop,errors=remount-ro", str(image), str(mount_dir), why="a real file system in trouble needs root")
    device = Path(run("findmnt", "-n", "-o", "SOURCE", str(mount_dir)).stdout.strip()).name
    yield Ext4Disk(mount_dir, device, image)
    run("umount", "-l", str(mount_dir))
