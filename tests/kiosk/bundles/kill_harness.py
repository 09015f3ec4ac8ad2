"""Kill `PackStore.install` with SIGKILL at exact points and check what the kiosk would
start with. Used by test_install_kill.py and benchmarks/kill_install.py.

SIGKILL loses no written data (the page cache survives the process), so runs may use
tmpfs to skip the slow fsyncs; power cuts are what the fsyncs in `Disk` are for."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bundle_kit import make_key, make_pack, signed_bundle, tree_digest  # noqa: E402

from kiosk.bundles import BundleRejected, PackStore  # noqa: E402
from kiosk.bundles.manifest import read_pack_header  # noqa: E402
from kiosk.bundles.store import default_validator  # noqa: E402

OLD, NEW = 1, 2


@dataclass(frozen=True)
class Scenario:
    template: Path  # a packs dir: slot a holds version 0, slot b version 1 (active)
    bundle: Path  # version 2
    public_key: str
    sources: dict[int, dict[str, str]]  # version -> digest of its pack files


def prepare(base: Path, media_files: int = 8) -> Scenario:
    key = make_key(base / "keys")
    store = PackStore(base / "template", (key.public,))
    sources, bundles = {}, {}
    for version in (0, OLD, NEW):
        pack = make_pack(base / "src" / f"v{version}", version, media_files=media_files if version == NEW else 0)
        sources[version] = tree_digest(pack)
        bundles[version] = signed_bundle(pack, base / f"v{version}.hvsbundle", key, validator=default_validator)
    store.install(bundles[0])
    store.install(bundles[OLD])
    return Scenario(store.root, bundles[NEW], key.public, sources)


def fresh_root(scenario: Scenario, root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(scenario.template, root)
    return root


CHILD = """
import os, signal, sys
from pathlib import Path
from kiosk.bundles import PackStore
root, bundle, public_key, kill_at = sys.argv[1:]
steps = 0
def checkpoint(what):
    global steps
    steps += 1
    if steps == int(kill_at):
        os.kill(os.getpid(), signal.SIGKILL)
PackStore(Path(root), (public_key,), checkpoint=checkpoint).install(Path(bundle))
print(steps)
"""


def run_child(scenario: Scenario, root: Path, kill_at: int) -> tuple[int, int]:
    """Install the new bundle into `root` in a child that SIGKILLs itself just before
    file operation number `kill_at` (0: never). Returns (exit code, operations done)."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(root), str(scenario.bundle), scenario.public_key,
                           str(kill_at)], capture_output=True, text=True, check=False)
    return proc.returncode, int(proc.stdout.strip() or -1)


def scratch_dir() -> Path:
    """tmpfs when there is one (see the module docstring), else the temp dir."""
    shm = Path("/dev/shm")
    return Path(tempfile.mkdtemp(prefix="hocvuso-kill-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None))


def run_cli_killed_after(scenario: Scenario, root: Path, delay_s: float | None, config: Path) -> int:
    """`hocvuso pack install` killed after `delay_s` seconds if still running (None: never)."""
    env = {**os.environ, "HOCVUSO_DATA_DIR": str(root.parent), "HOCVUSO_CONFIG": str(config)}
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "pack", "install", str(scenario.bundle)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay_s is not None:
        time.sleep(delay_s)
        proc.send_signal(signal.SIGKILL)
    return proc.wait()


def check(scenario: Scenario, root: Path) -> int:
    """Which version the kiosk would start with; raises AssertionError unless it is
    exactly the old or the new pack. Then checks that a new install attempt works."""
    store = PackStore(root, (scenario.public_key,))
    active = store.active_pack_dir()
    assert active is not None, "kiosk would start with no installed pack"
    version = read_pack_header(active).version
    assert version in (OLD, NEW), f"kiosk would start with version {version}"
    assert tree_digest(active) == scenario.sources[version], f"slot {active} differs from version {version}"
    again = PackStore(root, (scenario.public_key,), validator=lambda p: [])  # content is known good
    try:
        again.install(scenario.bundle)
        assert version == OLD
    except BundleRejected as exc:
        assert (exc.reason, version) == ("same_version", NEW), exc.detail
    return version
