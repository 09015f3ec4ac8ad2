"""The kiosk's updatable lesson pack: two slots (A/B) under `data_dir/packs`, an atomic
pointer naming the active one, and a per-pack version counter that only goes up.

Layout: `slot-a/` and `slot-b/` each hold `manifest.json` (as verified) and `pack/`;
`incoming/` is scratch space for an install; `active.json` is the pointer:
`{"active": "a" | "b" | null, "highest": {pack_id: version}, "last_action": ...}`.

Counter rules: `highest[pack_id]` is the highest version ever installed from a bundle.
A bundle must carry a strictly higher version (so old bundles and replays are refused,
whatever the clock says). Rollback never lowers it: rollback switches to the other slot
(or, after the first install, to the built-in lessons), and rolling back again switches
back, so the version rolled away from stays reachable on the kiosk, but it cannot be
reinstalled from USB; the fix for a bad pack is a new, higher version. The built-in pack is trusted as shipped
and is never stored here; `active: null` means "built-in lessons only".
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import shutil
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kiosk.bundles.disk import Checkpoint, Disk, remove_stale_temps
from kiosk.bundles.errors import BundleRejected, RollbackUnavailable
from kiosk.bundles.manifest import MANIFEST_NAME, Limits, Manifest, parse_manifest, read_pack_header
from kiosk.bundles.reader import Progress, read_bundle

log = logging.getLogger(__name__)

POINTER = "active.json"
SLOTS = ("a", "b")
Validator = Callable[[Path], Sequence[object]]  # problems (str()-able); empty = valid


def default_validator(pack_dir: Path) -> Sequence[object]:
    """A lesson pack's problems, with those of the recordings it may carry (voice/<region>/)."""
    from content.validate import validate_pack_dir
    from voice.voice_pack import recording_problems

    return [*validate_pack_dir(pack_dir), *recording_problems(pack_dir)]


@dataclass(frozen=True)
class SlotInfo:
    slot: str
    pack_id: str
    version: int
    title: str
    created: str
    pack_dir: Path

    @classmethod
    def of(cls, slot: str, manifest: Manifest, pack_dir: Path) -> SlotInfo:
        return cls(slot, manifest.pack_id, manifest.version, manifest.title, manifest.created, pack_dir)


@dataclass(frozen=True)
class StoreStatus:
    active: SlotInfo | None  # None: built-in lessons only
    rollback_to: SlotInfo | None  # what rollback would switch to (None: built-in only)
    can_rollback: bool
    highest: dict[str, int]


@dataclass(frozen=True)
class _Pointer:
    active: str | None
    highest: dict[str, int]


class PackStore:
    def __init__(self, root: Path, trusted_keys: tuple[str, ...], *, validator: Validator = default_validator,
                 limits: Limits = Limits(), checkpoint: Checkpoint | None = None) -> None:
        self.root = root
        self.trusted_keys = trusted_keys
        self.validator = validator
        self.limits = limits
        self.disk = Disk(checkpoint)

    def slot_dir(self, slot: str) -> Path:
        return self.root / f"slot-{slot}"

    # --- start-up -------------------------------------------------------------------
    def active_pack_dir(self) -> Path | None:
        """The pack to load besides the built-in one; never a slot that fails checks."""
        pointer = self._pointer()
        if pointer.active is None:
            return None
        info, why = self.check_slot(pointer.active)
        if info:
            return info.pack_dir
        log.error("active lesson slot %s is not usable (%s)", pointer.active, why)
        other, why_other = self.check_slot(_other(pointer.active))
        if other:
            log.warning("falling back to slot %s: %s version %s", other.slot, other.pack_id, other.version)
            return other.pack_dir
        log.error("other slot not usable either (%s); using built-in lessons only", why_other)
        return None

    def check_slot(self, slot: str) -> tuple[SlotInfo | None, str]:
        """The slot's pack if it is complete and valid, else None and why not."""
        base = self.slot_dir(slot)
        try:
            manifest = parse_manifest((base / MANIFEST_NAME).read_bytes(), self.limits)
        except (OSError, BundleRejected) as exc:
            return None, f"no readable manifest: {exc}"
        pack_dir = base / "pack"
        for entry in manifest.files:
            try:
                st = (pack_dir / entry.path).lstat()
            except OSError:
                return None, f"{entry.path} is missing"
            if not stat.S_ISREG(st.st_mode) or st.st_size != entry.size:
                return None, f"{entry.path} is not a {entry.size}-byte file"
        problem = self._pack_problem(pack_dir, manifest)
        if problem:
            return None, problem
        return SlotInfo.of(slot, manifest, pack_dir), ""

    # --- staff actions --------------------------------------------------------------
    def install(self, source: Path | BinaryIO, progress: Progress | None = None) -> SlotInfo:
        """Verify `source` and make it the active pack, or raise `BundleRejected` leaving
        the active pack untouched. `source`: a path or a seekable binary file;
        `progress(done, total)`: pack bytes copied. Blocks (seconds for big media packs):
        call it off the UI thread."""
        with self._locked():
            pointer = self._pointer()
            target = "a" if pointer.active in (None, "b") else "b"
            staging = self.root / "incoming"
            try:
                self.disk.remove_tree(staging)
                sink = _StagingSink(staging / "pack", self.disk)
                bundle = read_bundle(source, self.trusted_keys, self.limits, sink,
                                     on_manifest=lambda m: _check_version(m, pointer.highest), progress=progress)
                with self.disk.new_file(staging / MANIFEST_NAME) as f:
                    f.write(bundle.manifest.raw)
                for directory in sorted(sink.dirs | {staging}, key=lambda p: -len(p.parts)):
                    self.disk.sync_dir(directory)
                problem = self._pack_problem(staging / "pack", bundle.manifest)
                if problem:
                    raise BundleRejected("invalid_pack", problem)
                self.disk.remove_tree(self.slot_dir(target))
                self.disk.rename(staging, self.slot_dir(target))
                self.disk.sync_dir(self.root)
                highest = {**pointer.highest, bundle.manifest.pack_id: bundle.manifest.version}
                self._write_pointer(target, highest, "install")
            except OSError as exc:
                raise BundleRejected("disk_error", f"writing under {self.root}: {exc}") from exc
            finally:
                if staging.exists():
                    _quiet_rmtree(staging)
            m = bundle.manifest
            log.info("installed %s version %s into slot %s (signed by %s)", m.pack_id, m.version, target, bundle.signer)
            return SlotInfo.of(target, m, self.slot_dir(target) / "pack")

    def rollback(self) -> SlotInfo | None:
        """Switch to the previous pack (see `_rollback_target`); return the new active
        pack (None: built-in only). Raises `RollbackUnavailable`."""
        with self._locked():
            pointer = self._pointer()
            target, info = self._rollback_target(pointer)
            try:
                self._write_pointer(target, pointer.highest, "rollback")
            except OSError as exc:
                raise RollbackUnavailable("disk_error", f"writing {self.root / POINTER}: {exc}") from exc
            log.info("rolled back from %s to %s", _slot_name(pointer.active), _slot_name(target))
            return info

    def status(self) -> StoreStatus:
        pointer = self._pointer()
        active = self.check_slot(pointer.active)[0] if pointer.active else None
        try:
            rollback_to, can = self._rollback_target(pointer)[1], True
        except RollbackUnavailable:
            rollback_to, can = None, False
        return StoreStatus(active, rollback_to, can, pointer.highest)

    # --- internals ------------------------------------------------------------------
    def _rollback_target(self, pointer: _Pointer) -> tuple[str | None, SlotInfo | None]:
        """From an installed pack: the other slot, or built-in only if that slot is empty.
        From built-in only: the newest usable slot (undoing a rollback)."""
        if pointer.active is None:
            best = self._newest_usable()
            if best is None:
                raise RollbackUnavailable("no_previous", "built-in lessons are in use and no slot holds a usable pack")
            return best.slot, best
        other = _other(pointer.active)
        if not self.slot_dir(other).exists():
            return None, None
        info, why = self.check_slot(other)
        if info is None:
            raise RollbackUnavailable("no_previous", f"slot {other} is not usable: {why}")
        return other, info

    def _newest_usable(self) -> SlotInfo | None:
        usable = [info for slot in SLOTS if (info := self.check_slot(slot)[0])]
        return max(usable, key=lambda i: i.version, default=None)

    def _pack_problem(self, pack_dir: Path, manifest: Manifest) -> str:
        try:
            header = read_pack_header(pack_dir)
        except ValueError as exc:
            return str(exc)
        if (header.pack_id, header.version) != (manifest.pack_id, manifest.version):
            return f"pack.yaml says {header}, manifest says {(manifest.pack_id, manifest.version)}"
        problems = list(self.validator(pack_dir))
        if problems:
            return f"{len(problems)} validation problems: " + "; ".join(str(p) for p in problems[:10])
        return ""

    def _pointer(self) -> _Pointer:
        """The pointer. An unreadable one (disk damage) falls back to the newest usable
        slot, with the counter rebuilt from the versions found in the slots."""
        path = self.root / POINTER
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            active, highest = doc["active"], {str(k): int(v) for k, v in doc["highest"].items()}
            if active not in (None, *SLOTS):
                raise ValueError(f"unknown slot {active!r}")
            return _Pointer(active, highest)
        except FileNotFoundError:
            return _Pointer(None, {})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            best = self._newest_usable()
            log.error("%s is unreadable (%s); using %s", path, exc, _slot_name(best.slot if best else None))
        highest: dict[str, int] = {}
        for slot in SLOTS:
            with contextlib.suppress(OSError, BundleRejected):
                m = parse_manifest((self.slot_dir(slot) / MANIFEST_NAME).read_bytes(), self.limits)
                highest[m.pack_id] = max(m.version, highest.get(m.pack_id, -1))
        return _Pointer(best.slot if best else None, highest)

    def _write_pointer(self, active: str | None, highest: dict[str, int], action: str) -> None:
        remove_stale_temps(self.root, POINTER)
        self.disk.write_json_atomic(self.root / POINTER, {"format": 1, "active": active, "highest": highest,
                                                           "last_action": action})

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+b") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise BundleRejected("busy", "another install or rollback holds the lock") from exc
            yield


class _StagingSink:
    """Writes verified members under the staging pack dir, remembering dirs to fsync."""

    def __init__(self, root: Path, disk: Disk) -> None:
        self.root, self.disk = root, disk
        self.dirs: set[Path] = set()
        disk.make_dirs(root)
        self.dirs.add(root)

    def open_file(self, path: str) -> contextlib.AbstractContextManager[BinaryIO]:
        target = self.root / path
        try:
            if target.parent not in self.dirs:
                self.disk.make_dirs(target.parent)
                self.dirs.update(p for p in target.parents if self.root in p.parents or p == self.root)
            return self.disk.new_file(target)
        except (FileExistsError, NotADirectoryError) as exc:
            raise BundleRejected("unsafe_path", f"{path!r} clashes with another member: {exc}") from exc


def _check_version(manifest: Manifest, highest: dict[str, int]) -> None:
    installed = highest.get(manifest.pack_id)
    if installed is None or manifest.version > installed:
        return
    reason = "same_version" if manifest.version == installed else "older_version"
    raise BundleRejected(reason, f"{manifest.pack_id} version {manifest.version}; installed up to {installed}",
                         version=manifest.version, installed=installed)


def _other(slot: str) -> str:
    return "b" if slot == "a" else "a"


def _quiet_rmtree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _slot_name(slot: str | None) -> str:
    return f"slot {slot}" if slot else "built-in lessons only"
