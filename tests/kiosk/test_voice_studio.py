"""«Thu giọng đọc» without Qt: what there is to record (everything the kiosk can say, per lesson,
values included), coverage, and a kept take being the kiosk's recording of its line at once."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from content.fillings import PLACEHOLDER, fillings
from content.loader import BUILTIN_PACKS, load_pack
from kiosk.lesson_session import LessonSession
from kiosk.settings import Settings
from kiosk.spoken_lines import KIOSK_GROUP, MAX_RECORDED_VALUES, line_groups
from kiosk.voice_packs import recording_library
from kiosk.voice_studio import VoiceStudio
from tests.voice.clip_kit import bursts_pcm
from voice.clip_audio import CLIP_RATE, vorbis_format
from voice.lines import sentences

PACK = load_pack(BUILTIN_PACKS / "core").pack


@pytest.fixture
def studio(tmp_path: Path) -> VoiceStudio:
    settings = Settings(data_dir=tmp_path / "data", voice_region="south")
    return VoiceStudio(lambda: settings, lambda: [PACK], recording_library(settings, [PACK]))


def test_every_line_a_lesson_says_can_be_recorded_sentence_by_sentence() -> None:
    groups = {group.id: group for group in line_groups([PACK])}
    assert next(iter(groups)) == KIOSK_GROUP and len(groups) == len(PACK.lessons) + 1
    kiosk_lines = set(groups[KIOSK_GROUP].lines)
    for lesson in PACK.lessons:
        recordable = set(groups[lesson.id].lines) | kiosk_lines
        for seed in range(6):  # runs pick different values
            for line in LessonSession(lesson, random.Random(seed)).lines():
                missing = [s for s in sentences(line) if s not in recordable]
                assert not missing or groups[lesson.id].machine, (lesson.id, missing)


def test_a_sentence_with_a_value_is_listed_once_per_value() -> None:
    checked = 0
    for group, lesson in zip(line_groups([PACK])[1:], PACK.lessons, strict=True):
        assert all("{" not in line for line in group.lines), group.id
        for step in lesson.steps:
            filled = set(fillings(lesson, step.instruction))
            if PLACEHOLDER.search(step.instruction) and len(filled) <= MAX_RECORDED_VALUES:
                assert {s for text in filled for s in sentences(text)} <= set(group.lines)
                checked += len(filled)
    assert checked > 10


def test_coverage_counts_kept_takes_and_missing_lines_shrink(studio: VoiceStudio) -> None:
    before = {c.group.id: c for c in studio.coverage()}
    line = studio.missing(KIOSK_GROUP)[0]
    take = studio.process(bursts_pcm(lead_s=0.5), "Đúng rồi!")
    clip = studio.keep(line, take)
    assert vorbis_format(clip.path) == (1, CLIP_RATE)
    assert clip.path.is_relative_to(studio._settings().data_dir / "recordings" / "voice" / "nam")
    after = {c.group.id: c for c in studio.coverage()}
    assert after[KIOSK_GROUP].recorded == before[KIOSK_GROUP].recorded + 1
    assert line not in studio.missing(KIOSK_GROUP)
    assert studio.library.plan(line, "nam") == (clip,)
    lesson = after[PACK.lessons[0].id]
    assert lesson.line_vi == f"Bài {PACK.lessons[0].title}: 0/{lesson.total} câu đã thu"
