"""«Thu giọng đọc»: what staff record on the kiosk, without Qt. Which sentences of the installed
lessons (and the kiosk's own phrases) still lack a recording in the kiosk's region, each take
checked and brought to the one loudness (voice.take), kept in `data_dir/recordings`, heard back,
and exported to USB as an unsigned voice pack (kiosk.voice_packs)."""
from __future__ import annotations

import datetime
import logging
import wave
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from content.model import Pack
from kiosk import voice_texts as words
from kiosk.bundles.usb import DEFAULT_ROOTS
from kiosk.settings import Settings
from kiosk.spoken_lines import KIOSK_GROUP, LineGroup, line_groups
from kiosk.voice_packs import export_voice, exportable, own_recordings, region_of
from voice.audio_source import AudioSource, CommandSource, microphone_command
from voice.clip_audio import CLIP_RATE, encode_clip, vorbis_seconds
from voice.lines import line_key
from voice.playback import Player, detect_output
from voice.recordings import CLIPS, Clip, RecordingLibrary, clip_file, read_index, region_dir, write_index
from voice.take import Take, process_take

log = logging.getLogger(__name__)

PREVIEW = ".take.wav"


@dataclass(frozen=True)
class Coverage:
    group: LineGroup
    recorded: int

    @property
    def total(self) -> int:
        return len(self.group.lines)

    @property
    def title_vi(self) -> str:
        return words.KIOSK_GROUP if self.group.id == KIOSK_GROUP else f"Bài {self.group.title}"

    @property
    def line_vi(self) -> str:
        """"Bài …: 18/21 câu đã thu"."""
        return words.COVERAGE.format(title=self.title_vi, recorded=self.recorded, total=self.total)


class VoiceStudio:
    """`settings()` and `packs()` are read on each call, so a changed region or new lessons show at once."""

    def __init__(self, settings: Callable[[], Settings], packs: Callable[[], Sequence[Pack]],
                 library: RecordingLibrary, env: Mapping[str, str] | None = None,
                 microphone: Callable[[], AudioSource | None] | None = None,
                 usb_roots: Iterable[str | Path] = DEFAULT_ROOTS) -> None:
        self._settings = settings
        self._packs = packs
        self.library = library
        self._env = env
        self._microphone = microphone
        self._usb_roots = tuple(usb_roots)
        self._player: Player | None = None

    @property
    def region(self) -> str:
        return region_of(self._settings())

    @property
    def region_vi(self) -> str:
        return words.REGION_NAMES[self.region]

    def coverage(self) -> list[Coverage]:
        recorded = self.library.clips(self.region)
        return [Coverage(group, sum(1 for line in group.lines if line in recorded)) for group in line_groups(self._packs())]

    def missing(self, group_id: str) -> list[str]:
        """The sentences of a group not recorded yet in the kiosk's region, in the order they are said."""
        recorded = self.library.clips(self.region)
        group = next((g for g in line_groups(self._packs()) if g.id == group_id), None)
        return [] if group is None else [line for line in group.lines if line not in recorded]

    def open_microphone(self) -> AudioSource | None:
        """The microphone at the clips' rate, or None when there is none."""
        if self._microphone is not None:
            return self._microphone()
        command = microphone_command(self._env, rate=CLIP_RATE)
        return CommandSource(command, self._env) if command else None

    @staticmethod
    def process(pcm: bytes, text: str) -> Take:
        """The take ready to keep, or voice.take.TakeRefused with the reason for staff."""
        return process_take(pcm, CLIP_RATE, text)

    def keep(self, text: str, take: Take) -> Clip:
        """Store the take as the kiosk's recording of `text`, replacing an earlier one."""
        folder = region_dir(own_recordings(self._settings()), self.region)
        key = line_key(text)
        path = folder / CLIPS / clip_file(key)
        encode_clip(take.pcm, take.rate, path)
        clips = read_index(folder)
        clips[key] = Clip(key, path, vorbis_seconds(path))
        write_index(folder, self.region, clips.values())
        log.info("recorded line kept (%s, %.1f s): %s", self.region, clips[key].seconds, key)
        return clips[key]

    def listen(self, take: Take, volume: float = 1.0) -> bool:
        """Play the take back (Nghe lại); False when there is no speaker."""
        if self._player is None:
            output = detect_output(self._env)
            if output is None:
                return False
            self._player = Player(output, self._env)
        preview = own_recordings(self._settings()) / PREVIEW
        preview.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(preview), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(take.rate)
            out.writeframes(take.pcm)
        self._player.play(preview, volume)
        return True

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def exportable(self) -> int:
        """How many lines "Xuất giọng đọc ra USB" would write."""
        return len(exportable(self._settings()))

    def export(self, now: datetime.datetime) -> tuple[Path, int]:
        """The voice-pack folder written to USB, and how many lines it holds (UsbExportError)."""
        return export_voice(self._settings(), now, self._usb_roots)
