"""The kiosk window: draws whatever KioskView the core hands it and forwards what the person does.

A new `session` number in the view means a new citizen: every page widget of the previous
one is destroyed, so nothing they typed or saw survives anywhere in the widget tree.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QVBoxLayout, QWidget

from kiosk.intents import Intent, Touched
from kiosk.views import (
    AttractView,
    CodeEntryView,
    CompletionView,
    ConfidenceView,
    IntakeView,
    KioskView,
    LessonView,
    MenuView,
    SlipView,
)
from ui import texts
from ui.confidence_page import confidence_page
from ui.intake_page import intake_page
from ui.lesson_page import LessonPage
from ui.menu_page import menu_page
from ui.simple_pages import IdleOverlay, attract_page, completion_page
from ui.slip_page import CodePage, slip_page
from ui.style import Look
from ui.theme import screen_supported

Send = Callable[[Intent], None]
TOUCH_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


class KioskWindow(QWidget):
    def __init__(self, family: str, dpi: float, send: Send, place: str = "") -> None:
        super().__init__()
        self.setWindowTitle(texts.PRODUCT)
        self._family = family
        self._dpi = dpi
        self._send = send
        self._place = place
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._page: QWidget | None = None
        self._page_key: tuple[object, ...] = ()
        self._on_attract = False
        self._look: Look | None = None
        self._overlay: IdleOverlay | None = None
        self._voice_input = False
        self._small_screen = False
        self._view: KioskView | None = None
        self.quiet_widgets: Callable[[], list[QWidget]] = list  # touches there are not a citizen's (staff mode)
        QApplication.instance().installEventFilter(self)

    @property
    def page(self) -> QWidget | None:
        return self._page

    @property
    def look(self) -> Look:
        assert self._look is not None, "render() sets the look"
        return self._look

    def set_place(self, place: str) -> None:
        """The name on the attract screen (staff changed it); shows from the next render."""
        self._place = place
        self._page_key = ()

    def set_voice_input(self, available: bool) -> None:
        """Show the microphone button (a speech model and a microphone are ready) or hide it."""
        self._voice_input = available
        self._page_key = ()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Every touch inside this window keeps the session alive (or starts one)."""
        if event.type() in TOUCH_EVENTS and isinstance(watched, QWidget) and watched.window() is self:
            if isinstance(watched, QAbstractButton) and self._on_attract:
                return False  # its own intent starts the session (a touch would replace the page under it)
            if not any(w is watched or w.isAncestorOf(watched) for w in self.quiet_widgets()):
                self._send(Touched())
        return False

    @property
    def small_screen(self) -> bool:
        """The window is smaller than the kiosk's supported screen (ui.theme.MIN_SCREEN_MM)."""
        return self._small_screen

    def render(self, view: KioskView) -> None:
        self._view = view
        look = Look(self._family, self._dpi, view.text_size)
        if look != self._look:
            self._look = look
            self.setStyleSheet(look.style_sheet())
            self._rebuild_overlay(look)
            self._page_key = ()
        page = view.page
        self._on_attract = isinstance(page, AttractView)
        key: tuple[object, ...] = (view.session, type(page).__name__, look, self._voice_input)
        if isinstance(page, LessonView):
            key += (page.lesson_id,)
        elif isinstance(page, MenuView | CompletionView | SlipView | IntakeView | ConfidenceView):
            key += (page,)  # frozen views: rebuilt only when what they show changes
        if not isinstance(page, LessonView | AttractView):
            key += (view.help,)  # "Gọi cán bộ" shows a help request (a lesson page shows it in place)
        if key == self._page_key and isinstance(self._page, LessonPage) and isinstance(page, LessonView):
            self._page.show_view(page)
        elif key == self._page_key and isinstance(self._page, CodePage) and isinstance(page, CodeEntryView):
            self._page.show_view(page)
        elif key != self._page_key:
            self._replace_page(self._build(look, page))
            self._page_key = key
        if isinstance(self._page, LessonPage):
            self._page.show_voice(view.listening, view.heard)
            self._page.show_help(view.help)
        assert self._overlay is not None
        if view.idle_seconds_left is None:
            self._overlay.hide()
        else:
            self._overlay.show_seconds(view.idle_seconds_left)

    def _build(self, look: Look, page: AttractView | MenuView | LessonView | CompletionView | SlipView | CodeEntryView | IntakeView | ConfidenceView) -> QWidget:
        help_view = self._view.help if self._view else None  # "Gọi cán bộ" on every page a citizen meets
        if isinstance(page, IntakeView):
            return intake_page(look, self._send, page, help_view)
        if isinstance(page, MenuView):
            return menu_page(look, self._send, page, help_view)
        if isinstance(page, LessonView):
            return LessonPage(look, self._send, page, self._voice_input)
        if isinstance(page, CompletionView):
            return completion_page(look, self._send, page, help_view)
        if isinstance(page, SlipView):
            return slip_page(look, self._send, page, help_view)
        if isinstance(page, CodeEntryView):
            return CodePage(look, self._send, page, help_view)
        if isinstance(page, ConfidenceView):
            return confidence_page(look, self._send, page, help_view)
        return attract_page(look, self._send, self._place, self._small_screen)

    def _replace_page(self, page: QWidget) -> None:
        if self._page is not None:
            self._layout.removeWidget(self._page)
            self._page.hide()
            self._page.deleteLater()
        self._page = page
        self._layout.addWidget(page)
        if self._overlay is not None:
            self._overlay.raise_()

    def _rebuild_overlay(self, look: Look) -> None:
        if self._overlay is not None:
            self._overlay.deleteLater()
        self._overlay = IdleOverlay(look, self._send, self)

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        small = not screen_supported(self.width(), self.height(), self._dpi)
        if small != self._small_screen:
            self._small_screen = small
            self._page_key = ()
            if self._view is not None and self._on_attract:
                self.render(self._view)
        if self._overlay is not None and self._overlay.isVisible():
            self._overlay.setGeometry(self.rect())
