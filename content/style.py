"""The style sheet's checks (content/STYLE.md): warnings, never errors, about the kiosk's own
words in a lesson (title, description, goal, say, hint, explain, why, recap, remember), and about a
lesson without a source a reviewer can open. The screens' words copy the real services and
are not checked."""
from __future__ import annotations

import re
from collections.abc import Iterator

from content.model import CHOOSABLE, TYPABLE, Element, Lesson, Problem, Step, step_elements

# (pattern, the words to avoid as STYLE.md's table names them, what to say instead)
AVOID: tuple[tuple[str, str, str], ...] = (
    (r"\bCCCD\b|\bCMND\b|(?i:căn cước công dân|chứng minh nhân dân)", "CCCD, CMND, căn cước công dân, chứng minh nhân dân",
     "thẻ căn cước (the card) or số định danh cá nhân (the number)"),
    (r"(?i:\bsố căn cước\b)", "số CCCD, số căn cước", "số định danh cá nhân"),
    (r"(?i:\bmật mã\b|\bmã PIN\b)", "mật mã, mã PIN", "passcode"),
    (r"\bSMS\b", "SMS", "tin nhắn"),
    (r"(?i:\bliên kết\b)", "liên kết", "đường link"),
    (r"\bapp\b", "app", "ứng dụng"),
    (r"\bDVCQG\b|\bDVC\b", "DVCQG, DVC", "Cổng Dịch vụ công quốc gia"),
    (r"(?i:\bnhấn\b(?! mạnh)|\bấn (?:vào|nút)\b|\bnhấp\b|\bclick\b)", "nhấn, ấn, nhấp, click",
     "chạm (on the phone), bấm (keys, the kiosk's buttons)"),
    (r"(?i:ông/bà|\bquý khách\b)", "ông/bà, quý khách", "bác"),
    (r"(?i:\bcác ô\b)", "các ô", "ô (an OTP field is one ô)"),
    (r"(?i:\bô vuông\b)", "ô vuông", 'dòng "…" để đánh dấu'),
)
_AVOID = tuple((re.compile(pattern), words, instead) for pattern, words, instead in AVOID)
_ADDRESS = re.compile(r"https?://\S+")
_LEAD = r"(?:vào )?(?:nút |dòng |mục |chữ |ứng dụng )?[\"“]?"


def style_warnings(lesson: Lesson, where: str) -> list[Problem]:
    """Every use of a word the style sheet avoids, and of "bấm" or "ô" for the wrong thing."""
    warnings = []
    for loc, text, elements in _kiosk_words(lesson, where):
        warnings.extend(Problem(loc, message) for message in avoided(text))
        for element in elements:
            label = re.escape(element.label)
            if element.tappable and re.search(rf"(?i:\bbấm ){_LEAD}{label}(?!\w)", text):
                warnings.append(Problem(loc, f"bấm {element.label!r}: a thing on the screen is touched: say chạm (content/STYLE.md)"))
            if element.kind not in TYPABLE | CHOOSABLE and re.search(rf"(?i:\bô ){_LEAD}{label}(?!\w)", text):
                warnings.append(Problem(loc, f"ô {element.label!r}: ô is only a field; say nút, dòng, mục or ứng dụng "
                                        "(content/STYLE.md)"))
    return list(dict.fromkeys(warnings))  # a label on several screens is one warning


def avoided(text: str) -> list[str]:
    """A message for each word of `text` that the style sheet avoids."""
    return [f"{found.group(0)!r} ({words}): say {instead} (content/STYLE.md)"
            for pattern, words, instead in _AVOID if (found := pattern.search(text))]


def source_problems(lesson: Lesson, where: str) -> list[Problem]:
    """A lesson lists at least one public guide with an address a reviewer can open."""
    if any(_ADDRESS.search(source) for source in lesson.sources):
        return []
    return [Problem(f"{where}.sources", "no source with an address: list the public guide(s) this lesson follows as "
                    "\"Title — Publisher, dd/mm/yyyy — https://…\" (content/STYLE.md, Sources)")]


def _kiosk_words(lesson: Lesson, where: str) -> Iterator[tuple[str, str, tuple[Element, ...]]]:
    """(location, text, the elements it may name) for each of the kiosk's own words in `lesson`."""
    everything = tuple(e for screen in lesson.screens.values() for e in screen.elements if e.label)
    yield f"{where}.title", lesson.title, ()
    yield f"{where}.description", lesson.description, ()
    for i, line in enumerate(lesson.recap):
        yield f"{where}.recap[{i}]", line, everything
    yield f"{where}.remember", lesson.remember, everything
    yield f"{where}.goal", lesson.goal, everything
    for i, step in enumerate(lesson.steps):
        shown = tuple(e for e in step_elements(lesson.screens, step) if e.label)
        for key, text in _step_words(step):
            yield f"{where}.steps[{i}].{key}", text, shown


def _step_words(step: Step) -> Iterator[tuple[str, str]]:
    yield "say", step.instruction
    yield "hint", step.hint
    yield "explain", step.explain
    for answer, text in step.why:
        yield f"why.{answer}", text
