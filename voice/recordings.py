"""Human recordings of spoken lines, and which one the kiosk plays for a line.

A folder of recordings for one region is `voice/<region>/` inside a pack (a lesson pack, a voice
pack, or the kiosk's own recordings in `data_dir/recordings`): `lines.yaml` lists each recorded
sentence's text with its clip, `clips/` holds the clips (see content/FORMAT.md, "Recorded voice").

`RecordingLibrary.plan(text, region)` is all-or-nothing: the clips of every sentence of `text`,
or None when any sentence has none (espeak-ng then says the whole line). A line is never half a
person and half a machine.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from voice.lines import line_key, sentences

log = logging.getLogger(__name__)

REGIONS = ("bac", "trung", "nam")  # the regions of recorded voice: northern, central, southern
INDEX = "lines.yaml"
CLIPS = "clips"
CLIP_SUFFIX = ".ogg"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Clip:
    text: str  # the sentence, as its key
    path: Path
    seconds: float


def region_dir(root: Path, region: str) -> Path:
    """Where a pack (or the kiosk's own recordings) keeps the recordings for `region`."""
    return root / "voice" / region


def clip_file(key: str) -> str:
    """The clip's file name inside `clips/`: a hash of the sentence, so any text is a safe name."""
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}{CLIP_SUFFIX}"


def read_index(folder: Path) -> dict[str, Clip]:
    """The clips listed in `folder/lines.yaml` whose files exist; {} when there is no index.
    Raises ValueError for an index that cannot be read (a broken pack)."""
    path = folder / INDEX
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema_version") != SCHEMA_VERSION or not isinstance(doc.get("lines"), list):
        raise ValueError(f"{path}: expected schema_version {SCHEMA_VERSION} and a list of lines")
    clips: dict[str, Clip] = {}
    for number, entry in enumerate(doc["lines"], 1):
        try:
            text, file, seconds = str(entry["text"]), str(entry["file"]), float(entry["seconds"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: line {number}: needs text, file and seconds ({exc})") from exc
        if not file.startswith(f"{CLIPS}/") or ".." in file.split("/") or not file.endswith(CLIP_SUFFIX):
            raise ValueError(f"{path}: line {number}: file {file!r} is not a {CLIP_SUFFIX} file under {CLIPS}/")
        clips[line_key(text)] = Clip(line_key(text), folder / file, seconds)
    return clips


def write_index(folder: Path, region: str, clips: Iterable[Clip]) -> None:
    """Write `folder/lines.yaml` for `clips` (files named relative to `folder`), atomically."""
    lines = [{"text": c.text, "file": c.path.relative_to(folder).as_posix(), "seconds": round(c.seconds, 2)}
             for c in sorted(clips, key=lambda c: c.text)]
    text = yaml.safe_dump({"schema_version": SCHEMA_VERSION, "region": region, "lines": lines},
                          allow_unicode=True, sort_keys=False, width=1000)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{INDEX}.{os.getpid()}.tmp"
    with tmp.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, folder / INDEX)


class RecordingLibrary:
    """Every recording the kiosk has, looked up by sentence and region.

    `roots()` names the folders holding `voice/<region>/` in order of preference (the kiosk's own
    recordings first); it is first asked when a recording is first looked up (checking an installed
    voice pack takes a moment: never before the first screen). An index is read again when its file
    changes, so a take staff keep is heard at once; `reload()` asks `roots()` again (after a voice
    pack is installed).
    """

    def __init__(self, roots: Callable[[], Sequence[Path]]) -> None:
        self._roots_of = roots
        self._lock = threading.Lock()
        self._roots: tuple[Path, ...] | None = None
        self._cache: dict[Path, tuple[tuple[int, int], dict[str, Clip]]] = {}

    def set_roots(self, roots: Callable[[], Sequence[Path]]) -> None:
        """Look in `roots()` from now on (the composition root adds the lesson packs once loaded)."""
        self._roots_of = roots
        self.reload()

    def reload(self) -> None:
        roots = tuple(self._roots_of())
        with self._lock:
            self._roots = roots

    @property
    def roots(self) -> tuple[Path, ...]:
        if self._roots is None:
            self.reload()
        assert self._roots is not None
        return self._roots

    def clips(self, region: str) -> dict[str, Clip]:
        """Every sentence recorded for `region`, the preferred recording of each."""
        found: dict[str, Clip] = {}
        for root in reversed(self.roots):
            found.update(self._index(region_dir(root, region)))
        return found

    def clip(self, text: str, region: str) -> Clip | None:
        key = line_key(text)
        for root in self.roots:
            clip = self._index(region_dir(root, region)).get(key)
            if clip is not None:
                return clip
        return None

    def plan(self, text: str, region: str) -> tuple[Clip, ...] | None:
        """The clips that say all of `text`, sentence by sentence, or None if any is missing."""
        said = []
        for sentence in sentences(text):
            clip = self.clip(sentence, region)
            if clip is None:
                return None
            said.append(clip)
        return tuple(said) or None

    def _index(self, folder: Path) -> Mapping[str, Clip]:
        try:
            st = (folder / INDEX).stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            return {}
        with self._lock:
            cached = self._cache.get(folder)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            clips = {k: c for k, c in read_index(folder).items() if c.path.is_file()}
        except ValueError as exc:
            log.error("recordings in %s not used: %s", folder, exc)
            clips = {}
        with self._lock:
            self._cache[folder] = (stamp, clips)
        return clips
