"""Recorded voice wired to the running kiosk: one recording library shared by the speaker (which
plays recordings) and «Thu giọng đọc» (which adds to them), looking in the kiosk's own recordings,
the installed voice pack and the lesson packs the kiosk teaches from."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.voice_packs import install_voice_bundle, recording_roots
from kiosk.voice_studio import VoiceStudio
from voice.recordings import RecordingLibrary

if TYPE_CHECKING:
    from kiosk.app.kiosk_app import KioskApp


def voice_studio(app: KioskApp) -> VoiceStudio:
    """The studio over the speaker's library (a library of its own when the speaker has none). The
    speaker's library looks nowhere until this gives it its folders, when the core starts."""
    def roots() -> list[Path]:
        return recording_roots(app.settings, app.kiosk.packs)

    library = getattr(app.speaker, "recordings", None)
    if isinstance(library, RecordingLibrary):
        library.set_roots(roots)
    else:
        library = RecordingLibrary(roots)
    return VoiceStudio(lambda: app.settings, lambda: app.kiosk.packs, library)


def voice_installer(app: KioskApp, library: RecordingLibrary) -> Callable[[Path], object | None]:
    """Install a voice bundle from USB (off the UI thread), heard at once; None for a lesson bundle."""
    def install(path: Path) -> object | None:
        installed = install_voice_bundle(app.settings, path)
        if installed is not None:
            library.reload()
        return installed

    return install
