"""Recorded voice on a kiosk: its own recordings (`data_dir/recordings`, made by staff), the
installed voice pack (signed, in A/B slots under `data_dir/voice-packs`, like lesson packs, with
its own size limits), and the voice folders lesson packs carry. Bundles from USB are routed to
the lesson store or the voice store by what their signed manifest lists.
"""
from __future__ import annotations

import contextlib
import datetime
import errno
import json
import logging
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from content.model import Pack
from kiosk import voice_texts as words
from kiosk.bundles import BundleRejected, Limits, Manifest, PackStore, SlotInfo, UpdateError, open_store
from kiosk.bundles.manifest import MiB
from kiosk.bundles.reader import read_bundle
from kiosk.bundles.store import POINTER
from kiosk.bundles.usb import DEFAULT_ROOTS
from kiosk.reports.errors import UsbExportError
from kiosk.reports.usb import usb_sticks
from kiosk.settings import Settings
from voice.recordings import Clip, RecordingLibrary
from voice.speaker import RECORDED_REGIONS
from voice.voice_pack import VoicePackHeader, voice_pack_problems, write_voice_pack

log = logging.getLogger(__name__)

# A full region of the built-in lessons is ~770 sentences of ~4.6 s at ~5 KB/s: ~18 MB (benchmarks/voice_speed.py).
VOICE_LIMITS = Limits(max_file_bytes=1 * MiB, max_total_bytes=64 * MiB, max_files=6000, max_manifest_bytes=2 * MiB)
OWN = "recordings"
STORE = "voice-packs"


class VoicePackRefused(BundleRejected):
    """A voice bundle that was not installed, worded for voice (`message_vi`)."""

    def __init__(self, refused: UpdateError) -> None:
        super().__init__(refused.reason, refused.detail, **refused.params)
        text = words.REFUSED.get(refused.reason)  # a reason voice has no words of its own for keeps the lesson ones
        self.message_vi = f"{text.format(**refused.params)} {words.KEPT}" if text else refused.message_vi


@dataclass(frozen=True)
class VoicePackInstalled:
    info: SlotInfo
    region: str
    count: int

    @property
    def message_vi(self) -> str:
        return words.INSTALLED.format(title=self.info.title, version=self.info.version, count=self.count,
                                      region=words.REGION_NAMES[self.region])


def region_of(settings: Settings) -> str:
    """The kiosk's region of recorded voice: bac, trung or nam."""
    return RECORDED_REGIONS[settings.voice_region]  # type: ignore[index]


def own_recordings(settings: Settings) -> Path:
    return settings.data_dir / OWN


def open_voice_store(settings: Settings) -> PackStore:
    return PackStore(settings.data_dir / STORE, settings.trusted_keys, validator=voice_pack_problems, limits=VOICE_LIMITS)


def recording_roots(settings: Settings, packs: Sequence[Pack] = ()) -> list[Path]:
    """Where the kiosk's recordings are, preferred first: its own, the voice pack, the lesson packs'."""
    installed = open_voice_store(settings).active_pack_dir()
    return [own_recordings(settings), *([installed] if installed else []), *(p.root for p in packs if p.root)]


def recording_library(settings: Settings, packs: Sequence[Pack] = ()) -> RecordingLibrary:
    return RecordingLibrary(lambda: recording_roots(settings, packs))


class _Peeked(Exception):
    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest


def is_voice_bundle(path: Path, trusted_keys: tuple[str, ...]) -> bool:
    """Whether a bundle holds a voice pack (its signed manifest lists voice/ files and no lessons/),
    reading only the manifest and signature. Raises BundleRejected as an install would."""

    def stop(manifest: Manifest) -> None:
        raise _Peeked(manifest)

    try:
        read_bundle(path, trusted_keys, Limits(), on_manifest=stop)
    except _Peeked as peeked:
        paths = [f.path for f in peeked.manifest.files]
        return any(p.startswith("voice/") for p in paths) and not any(p.startswith("lessons/") for p in paths)
    return False


def install_voice_bundle(settings: Settings, path: Path) -> VoicePackInstalled | None:
    """Install `path` if it is a voice bundle (VoicePackRefused when it cannot be); None when it is
    not one, or cannot even be read as one: the lesson store then installs it or says why."""
    try:
        if not is_voice_bundle(path, settings.trusted_keys):
            return None
    except BundleRejected:
        return None
    try:
        info = open_voice_store(settings).install(path)
    except UpdateError as exc:
        raise VoicePackRefused(exc) from exc
    region = next(p.name for p in (info.pack_dir / "voice").iterdir())
    count = len(RecordingLibrary(lambda: [info.pack_dir]).clips(region))
    log.info("voice pack %s version %s installed (%s, %d lines)", info.pack_id, info.version, region, count)
    return VoicePackInstalled(info, region, count)


def install_bundle(settings: Settings, path: Path) -> SlotInfo | VoicePackInstalled:
    """Install a lesson or voice bundle from USB (see the module docstring). Blocks: off the UI thread."""
    return install_voice_bundle(settings, path) or open_store(settings).install(path)


def exportable(settings: Settings) -> dict[str, Clip]:
    """What "Xuất giọng đọc ra USB" writes: the kiosk's own recordings of its region and those of
    the installed voice pack it has not recorded again, so the pack sent back is complete."""
    installed = open_voice_store(settings).active_pack_dir()
    return RecordingLibrary(lambda: [own_recordings(settings), *([installed] if installed else [])]).clips(region_of(settings))


def export_voice(settings: Settings, now: datetime.datetime, mount_roots: Iterable[str | Path] = DEFAULT_ROOTS,
                 into: Path | None = None) -> tuple[Path, int]:
    """Write the kiosk's recordings as an unsigned voice-pack folder on the first writable USB
    stick (or `into` a folder); the folder and how many lines it holds. UsbExportError (Vietnamese
    for staff) when it cannot."""
    region = region_of(settings)
    clips = exportable(settings)
    if not clips:
        raise UsbExportError(words.NOTHING_TO_EXPORT.format(region=words.REGION_NAMES[region]), "no recordings")
    if into is None:
        roots = [Path(root) for root in mount_roots]
        sticks = usb_sticks(roots)
        writable = [stick for stick in sticks if os.access(stick, os.W_OK)]
        if not writable:
            raise UsbExportError(words.USB_READ_ONLY if sticks else words.NO_USB, f"no writable stick under {roots}")
        into = writable[0]
    into.mkdir(parents=True, exist_ok=True)
    return export_folder(settings, clips, into, now), len(clips)


def export_folder(settings: Settings, clips: dict[str, Clip], parent: Path, now: datetime.datetime) -> Path:
    """The voice-pack folder for `clips` under `parent`, written whole or not at all."""
    region = region_of(settings)
    stamp = now.astimezone(datetime.timezone.utc)
    header = VoicePackHeader(f"giong-{region}-{settings.kiosk_id}".lower(), int(f"{stamp:%Y%m%d%H%M}"),
                             words.PACK_TITLE.format(region=words.REGION_NAMES[region], place=settings.place), region)
    final = parent / f"giong-doc-{region}-{settings.kiosk_id}-{stamp:%Y%m%d-%H%M}"
    tmp = parent / f".{final.name}.tmp"
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        write_voice_pack(tmp, header, clips.values())
        _sync_tree(tmp)
        shutil.rmtree(final, ignore_errors=True)
        os.rename(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp, ignore_errors=True)
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
        read_only = exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
        text = words.USB_FULL if full else words.USB_READ_ONLY if read_only else words.USB_REMOVED
        raise UsbExportError(text, f"writing {final}: {exc}") from exc
    log.info("%d recorded lines (%s) exported to %s", len(clips), region, final)
    return final


def exported_vi(folder: Path, count: int, region: str) -> str:
    return words.EXPORTED.format(count=count, region=words.REGION_NAMES[region], folder=folder.name)


def _sync_tree(root: Path) -> None:
    for dirpath, _, filenames in os.walk(root):
        for name in [*filenames, "."]:
            fd = os.open(Path(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def recorded_voice_check(settings: Settings, packs: Sequence[Pack]) -> tuple[str, bool, str, str]:
    """`hocvuso doctor`'s row: how many of the kiosk's sentences have a human recording in its
    region (not ok only when an installed voice pack is broken and so not used)."""
    from kiosk.spoken_lines import line_groups

    region = region_of(settings)
    store = open_voice_store(settings)
    try:
        chosen = json.loads((store.root / POINTER).read_text(encoding="utf-8")).get("active")
    except (OSError, ValueError, AttributeError):
        chosen = None
    in_use = store.active_pack_dir()
    if chosen and in_use is None:
        return ("recorded_voice", False, words.DOCTOR_BAD_PACK, f"{store.root}: slot {chosen} fails its checks (see the log)")
    lines = {line for group in line_groups(packs) for line in group.lines}
    recorded = recording_library(settings, packs).clips(region)
    count = sum(1 for line in lines if line in recorded)
    message = words.DOCTOR_OK.format(region=words.REGION_NAMES[region], recorded=count, total=len(lines))
    return ("recorded_voice", True, message, f"voice pack: {in_use or 'none'}; own: {own_recordings(settings)}")
