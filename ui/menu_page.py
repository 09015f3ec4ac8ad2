"""The menu: first the topics as big tiles with icons, then the lessons of the chosen topic,
a page at a time; the text-size switch and the end button on top."""
from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk import intake_texts, learner_texts
from kiosk.intents import (
    BackToTopics,
    EndSession,
    EnterCode,
    Intent,
    OpenIntake,
    OpenLesson,
    OpenTopic,
    PractiseAgain,
    ResumeLesson,
    SetTextSize,
    TakeSlip,
)
from kiosk.views import HelpView, LessonTile, MenuView, PracticeTile, TopicGroup
from ui import texts
from ui.help_call import HelpCall, help_message
from ui.icons import topic_icon
from ui.kiosk_controls import header, kiosk_button
from ui.paged_grid import PagedGrid
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]


def text_size_switch(look: Look, send: Send, current: str) -> list[QWidget]:
    buttons = []
    for size, words in (("normal", texts.TEXT_NORMAL), ("large", texts.TEXT_LARGE)):
        buttons.append(kiosk_button(look, words, "text", lambda s=size: send(SetTextSize(s)), f"size:{size}", main=False,
                                    checked=size == current))
    return buttons


def menu_page(look: Look, send: Send, view: MenuView, help_view: HelpView | None = None) -> QWidget:
    page = QFrame()
    page.setObjectName("page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    end = kiosk_button(look, texts.FINISH, "home", lambda: send(EndSession()), "end", main=False, accessible=texts.END)
    group = next((g for g in view.topics if g.id == view.topic), None) if view.topic else None
    controls: list[QWidget] = [*text_size_switch(look, send, look.text_size), end]
    if group is None:
        outer.addWidget(header(look, texts.MENU_TITLE, controls, role="headerTitle"))
    else:
        back = kiosk_button(look, texts.TOPICS, "back", lambda: send(BackToTopics()), "toTopics", main=False)
        outer.addWidget(header(look, group.title, controls, role="headerTitle", left=(back,)))
    body = QVBoxLayout()
    gap = look.px(4)
    body.setContentsMargins(look.px(8), gap, look.px(8), gap)
    body.setSpacing(gap)
    if group is None:
        in_row = view.can_suggest and not view.can_take_slip  # room for "Gợi ý bài cho tôi" in the top row
        _slip_row(look, send, view, body, HelpCall(look, send, help_view, "short"), _suggest(look, send) if in_row else None)
        body.addWidget(help_message(help_view))
        path = _path(look, send, view, body, suggest=view.can_suggest and not in_row)
        if view.unfinished:  # a practice-slip code brought them back: they come first
            body.addWidget(label(texts.UNFINISHED, "heading"))
        tiles = path + [_tile(look, send, tile) for tile in view.unfinished] + [_topic(look, send, g) for g in view.topics]
        if view.practice is not None:  # "Tập lại chỗ bác hay nhầm", after the lessons to continue
            tiles.insert(len(path) + len(view.unfinished), _practice(look, send, view.practice))
    else:
        _help_row(look, send, help_view, body)
        tiles = [_tile(look, send, tile) for tile in group.tiles]
    body.addWidget(PagedGrid(look, tiles), 1)
    outer.addLayout(body, 1)
    return page


def _slip_row(look: Look, send: Send, view: MenuView, layout: QVBoxLayout, help_call: QWidget,
              first: QWidget | None = None) -> None:
    """The practice slip's ways in: a code to continue, the slip of today; what the last code did.
    `first` ("Gợi ý bài cho tôi") may lead the row; "Gọi cán bộ" ends it."""
    row = QHBoxLayout()
    row.setSpacing(look.px(4))
    if first is not None:
        row.addWidget(first, 1)
    row.addWidget(kiosk_button(look, texts.HAVE_CODE, "code", lambda: send(EnterCode()), "haveCode"), 1)
    if view.can_take_slip:
        row.addWidget(kiosk_button(look, texts.TAKE_SLIP, "slip", lambda: send(TakeSlip()), "takeSlip"), 1)
    row.addWidget(help_call, 1)
    layout.addLayout(row)
    if view.notice:
        notice = label(view.notice)
        notice.setProperty("feedback", "info")
        layout.addWidget(notice)


def _help_row(look: Look, send: Send, help_view: HelpView | None, layout: QVBoxLayout) -> None:
    """A topic's lessons: "Gọi cán bộ" at the top right, as on the topics page."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(HelpCall(look, send, help_view, "short"), 1)
    layout.addLayout(row)
    layout.addWidget(help_message(help_view))


def _suggest(look: Look, send: Send, main: bool = False) -> QWidget:
    """"Gợi ý bài cho tôi" (kiosk/intake.py asks the questions)."""
    return kiosk_button(look, intake_texts.SUGGEST, "help", lambda: send(OpenIntake()), "suggest", main=main)


def _path(look: Look, send: Send, view: MenuView, layout: QVBoxLayout, suggest: bool) -> list[QWidget]:
    """"Lộ trình gợi ý cho bác" and its lessons, numbered, to lead the page's tiles; `suggest`:
    "Gợi ý bài cho tôi" on a row of its own (when the top row has no room for it)."""
    if suggest:
        row = QHBoxLayout()
        row.addWidget(_suggest(look, send, main=True), 1)
        row.addStretch(1)
        layout.addLayout(row)
    if not view.path:
        return []
    layout.addWidget(label(intake_texts.PATH_TITLE, "heading"))
    return [_path_tile(look, send, number, tile) for number, tile in enumerate(view.path, start=1)]


def _path_tile(look: Look, send: Send, number: int, tile: LessonTile) -> WrapButton:
    """A lesson of the path: its number big before the title, then how long and how far (no
    date: the tile stays short, so the whole path shows at once)."""
    button = WrapButton(tile.title, "tile", look.px(30), lambda: send(OpenLesson(tile.lesson_id)), f"path:{tile.lesson_id}")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    button.add_leading(label(str(number), "huge", wrap=False))
    details = [texts.ABOUT_MINUTES.format(minutes=tile.minutes)]
    button.add_line(" · ".join([texts.STATUS[tile.status], *details] if tile.status else details))
    return button


def _topic(look: Look, send: Send, group: TopicGroup) -> WrapButton:
    done = sum(1 for tile in group.tiles if tile.status == "completed")
    details = texts.TOPIC_COUNT.format(n=len(group.tiles)) + (f" · {texts.TOPIC_DONE.format(n=done)}" if done else "")
    button = WrapButton(group.title, "tile", look.px(36), lambda: send(OpenTopic(group.id)), f"topic:{group.id}")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    icon = QLabel()
    icon.setPixmap(topic_icon(group.icon, look.px(20)))
    button.add_leading(icon)
    button.add_line(details)
    return button


def _tile(look: Look, send: Send, tile: LessonTile) -> WrapButton:
    date = datetime.date.fromisoformat(tile.updated).strftime("%d/%m/%Y")
    details = [texts.ABOUT_MINUTES.format(minutes=tile.minutes), texts.UPDATED.format(date=date)]
    if tile.status == "resume":
        details = [texts.RESUME_AT.format(n=tile.resume_step, total=tile.step_count)]
        button = WrapButton(tile.title, "tile", look.px(30), lambda: send(ResumeLesson(tile.lesson_id)), f"resume:{tile.lesson_id}")
    else:
        if tile.status:
            details.insert(0, texts.STATUS["solo" if tile.solo_done else tile.status])
        button = WrapButton(tile.title, "tile", look.px(30), lambda: send(OpenLesson(tile.lesson_id)), f"lesson:{tile.lesson_id}")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    button.add_line(" · ".join(details))
    return button


def _practice(look: Look, send: Send, tile: PracticeTile) -> WrapButton:
    """"Tập lại chỗ bác hay nhầm": how many steps, in which lessons (and whether done today)."""
    button = WrapButton(learner_texts.PRACTICE_TITLE, "tile", look.px(30), lambda: send(PractiseAgain()), "practiseAgain")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    line = (texts.PRACTICE_ONE.format(steps=tile.steps, title=tile.lessons[0]) if len(tile.lessons) == 1
            else texts.PRACTICE_MANY.format(steps=tile.steps, lessons=len(tile.lessons)))
    button.add_line(f"{texts.PRACTICE_DONE} · {line}" if tile.done else line)
    return button

