"""Voice packs: recorded lines for one region, made by staff on a kiosk ("Xuất giọng đọc ra USB"),
checked and signed by the province (`hocvuso pack build`, `hocvuso pack sign`) and installed on
every kiosk of the region like a lesson pack.

A voice pack folder: `pack.yaml` (`schema_version: 1`, `kind: voice`, `id`, `version`, `title`,
`region`: bac | trung | nam) and `voice/<region>/` (lines.yaml and clips/, see voice.recordings).
A lesson pack may carry the same `voice/<region>/` folders for its own lines.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from voice.clip_audio import CLIP_RATE, ClipError, vorbis_format, vorbis_seconds
from voice.lines import line_key, sentences
from voice.recordings import CLIPS, INDEX, REGIONS, Clip, clip_file, read_index, region_dir, write_index

KIND = "voice"
HEADER = "pack.yaml"
MAX_CLIP_S = 60.0
SECONDS_SLACK = 0.15  # lines.yaml may round a clip's length


@dataclass(frozen=True)
class VoicePackHeader:
    pack_id: str
    version: int
    title: str
    region: str


def is_voice_pack(folder: Path) -> bool:
    """True when `folder/pack.yaml` says `kind: voice` (a lesson pack has no kind)."""
    try:
        doc = yaml.safe_load((folder / HEADER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(doc, dict) and doc.get("kind") == KIND


def read_header(folder: Path) -> VoicePackHeader:
    """The voice pack's header; ValueError says what is wrong."""
    path = folder / HEADER
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("kind") != KIND or doc.get("schema_version") != 1:
        raise ValueError(f"{path}: not a voice pack (needs schema_version: 1 and kind: {KIND})")
    header = VoicePackHeader(doc.get("id"), doc.get("version"), doc.get("title", ""), doc.get("region"))
    if not (isinstance(header.pack_id, str) and header.pack_id and isinstance(header.title, str)):
        raise ValueError(f"{path}: id and title must be text")
    if type(header.version) is not int or header.version < 0:
        raise ValueError(f"{path}: version must be a whole number")
    if header.region not in REGIONS:
        raise ValueError(f"{path}: region must be one of {', '.join(REGIONS)}, not {header.region!r}")
    return header


def voice_pack_problems(folder: Path) -> list[str]:
    """Every problem of the voice pack at `folder` (empty: good): the header, and its recordings."""
    try:
        header = read_header(folder)
    except ValueError as exc:
        return [str(exc)]
    problems = recording_problems(folder)
    regions = [p.name for p in (folder / "voice").iterdir()] if (folder / "voice").is_dir() else []
    if regions != [header.region]:
        problems.append(f"{folder / 'voice'}: holds {sorted(regions)}; a voice pack holds its own region only "
                        f"({header.region})")
    extra = [p for p in folder.iterdir() if p.name not in (HEADER, "voice") and not p.name.startswith(".")]
    problems += [f"{p}: not part of a voice pack" for p in extra]
    return problems


def recording_problems(folder: Path) -> list[str]:
    """Problems of the recordings under `folder/voice/` (a voice pack's, or a lesson pack's own)."""
    base = folder / "voice"
    if not base.is_dir():
        return []
    problems: list[str] = []
    for region in sorted(p.name for p in base.iterdir()):
        if region not in REGIONS:
            problems.append(f"{base / region}: not a region ({', '.join(REGIONS)})")
            continue
        problems += _region_problems(region_dir(folder, region))
    return problems


def _region_problems(folder: Path) -> list[str]:
    try:
        clips = read_index(folder)
    except ValueError as exc:
        return [str(exc)]
    if not (folder / INDEX).is_file():
        return [f"{folder / INDEX}: missing"]
    problems = []
    for key, clip in clips.items():
        where = f"{folder / INDEX}: {key!r}"
        if sentences(key) != [key]:
            problems.append(f"{where}: one sentence per recording (the kiosk looks recordings up by sentence)")
        if clip.path.name != clip_file(key):
            problems.append(f"{where}: its clip must be named {clip_file(key)} (from its text)")
        problems += _clip_problems(where, clip)
    listed = {clip.path.name for clip in clips.values()}
    on_disk = [p for p in (folder / CLIPS).iterdir()] if (folder / CLIPS).is_dir() else []
    problems += [f"{p}: not listed in {INDEX}" for p in on_disk if p.name not in listed]
    problems += [f"{p}: not part of the recordings" for p in folder.iterdir() if p.name not in (INDEX, CLIPS)]
    return problems


def _clip_problems(where: str, clip: Clip) -> list[str]:
    if not clip.path.is_file():
        return [f"{where}: {clip.path.name} is missing"]
    if vorbis_format(clip.path) != (1, CLIP_RATE):
        return [f"{where}: {clip.path.name} must be Ogg Vorbis, mono, {CLIP_RATE} Hz"]
    try:
        seconds = vorbis_seconds(clip.path)
    except (ClipError, OSError) as exc:
        return [f"{where}: {exc}"]
    if seconds > MAX_CLIP_S:
        return [f"{where}: {seconds:.1f} s is longer than {MAX_CLIP_S:.0f} s"]
    if abs(seconds - clip.seconds) > SECONDS_SLACK:
        return [f"{where}: lines.yaml says {clip.seconds} s, the clip lasts {seconds:.2f} s"]
    return []


def write_voice_pack(out: Path, header: VoicePackHeader, clips: Iterable[Clip]) -> Path:
    """A voice pack folder at `out` (which must not exist) holding copies of `clips`."""
    folder = region_dir(out, header.region)
    (folder / CLIPS).mkdir(parents=True)
    copied = []
    for clip in clips:
        key = line_key(clip.text)
        target = folder / CLIPS / clip_file(key)
        shutil.copyfile(clip.path, target)
        copied.append(Clip(key, target, clip.seconds))
    write_index(folder, header.region, copied)
    doc = {"schema_version": 1, "kind": KIND, "id": header.pack_id, "version": header.version,
           "title": header.title, "region": header.region}
    (out / HEADER).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out
