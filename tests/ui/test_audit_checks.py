"""The pack audit's checks on small widget trees drawn offscreen: each fires on the fault it is
for and stays quiet on a clean screen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.app.audit import screen_findings
from kiosk.app.audit.checks import Finding
from kiosk.app.audit.engine import MENU_NEXT, menu_pages
from tests.ui.conftest import settle

DPI = 96.0  # 15 mm = 57 px, 2 mm = 8 px
CLEAN = "QWidget { background: #ffffff; color: #1a1a1a; font-size: 26px; } QPushButton { border: 2px solid #1a1a1a; }"


@pytest.fixture
def window(qtbot) -> QWidget:
    window = QWidget()
    window.setStyleSheet(CLEAN)
    window.resize(800, 600)
    qtbot.addWidget(window)
    return window


def audit(window: QWidget, required: tuple[tuple[str, str], ...] = ()) -> list[Finding]:
    window.show()
    settle()
    return screen_findings(window, DPI, required)


def placed(widget: QWidget, name: str, x: int, y: int, width: int, height: int) -> QWidget:
    widget.setObjectName(name)
    widget.setGeometry(x, y, width, height)
    return widget


def of_kind(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def test_a_clean_screen_has_no_problems(window):
    placed(QLabel("Chào bác", window), "greeting", 20, 20, 400, 60)
    placed(QPushButton("Bắt đầu", window), "start", 20, 100, 300, 90)
    placed(QPushButton("Thôi", window), "stop", 330, 100, 300, 90)  # 10 px (2.6 mm) apart
    assert audit(window) == []


def test_dark_text_on_a_dark_background_is_reported_from_the_pixels(window):
    window.setStyleSheet("QWidget { background: #222222; color: #444444; font-size: 30px; font-weight: bold; }")
    placed(QLabel("Chữ tối trên nền tối", window), "dim", 20, 20, 500, 60)
    [finding] = of_kind(audit(window), "contrast")
    assert finding.element == "dim"
    assert "(#444444 on #222222)" in finding.detail and "needs 7:1" in finding.detail


def test_a_highlighted_target_is_measured_in_both_pulse_phases(window):
    window.setStyleSheet(CLEAN + ' QPushButton[highlight="true"] { background: #ffd23f; border: none; }'
                         ' QPushButton[highlight="true"][pulse="on"] { background: #333333; }')
    send = placed(QPushButton("Gửi", window), "el:send", 20, 20, 200, 100)
    send.setProperty("highlight", "true")
    findings = of_kind(audit(window), "contrast")
    assert [f.detail.split(":")[0] for f in findings] == ["“Gửi” in pulse phase on"]
    assert send.property("pulse") is None  # left as it was drawn


def test_a_pressed_look_that_hides_the_words_is_reported(window):
    window.setStyleSheet(CLEAN + " QPushButton:pressed { background: #1a1a1a; }")
    placed(QPushButton("Gửi", window), "send", 20, 20, 200, 100)
    [finding] = of_kind(audit(window), "contrast")
    assert finding.element == "send" and "when pressed" in finding.detail


def test_a_wrapping_label_without_room_for_its_lines_is_cut(window):
    text = "Bác chạm vào ô số điện thoại rồi gõ mười chữ số của mình"
    label = placed(QLabel(text, window), "instruction", 20, 20, 200, 40)
    label.setWordWrap(True)
    [finding] = of_kind(audit(window), "cut_text")
    assert finding.element == "instruction" and "px of height, has 40" in finding.detail


def test_an_unwrapped_label_too_narrow_or_too_short_for_its_glyphs_is_cut(window):
    placed(QLabel("Số định danh cá nhân", window), "narrow", 20, 20, 120, 60)
    placed(QLabel("Ở đây", window), "short", 20, 100, 300, 16)
    snug = placed(QLabel("Ở đây", window), "snug", 20, 140, 300, 60)
    window.show()
    snug.setFixedHeight(snug.fontMetrics().height() - 2)  # a line box a little short: the glyphs still fit
    findings = of_kind(audit(window), "cut_text")
    assert [f.element for f in findings] == ["narrow", "short"]
    assert "px wide on one line, has 120" in findings[0].detail and "the label is 16 px tall" in findings[1].detail


def test_a_one_line_button_whose_words_wrap_is_cut(window):
    button = placed(QPushButton(window), "toList", 20, 20, 150, 120)
    button.setProperty("oneLine", True)
    words = QLabel("Danh sách bài học", button)
    words.setWordWrap(True)
    QVBoxLayout(button).addWidget(words)
    [finding] = of_kind(audit(window), "cut_text")
    assert finding.element == "toList" and "on one line" in finding.detail


def test_a_ten_millimetre_button_is_too_small_and_a_main_action_needs_twenty(window):
    placed(QPushButton("A", window), "tiny", 20, 20, 38, 38)  # 10 mm
    placed(QPushButton("B", window), "fine", 100, 20, 60, 60)  # 15.9 mm
    placed(QPushButton("Tiếp tục", window), "continue", 200, 20, 300, 60).setProperty("main", True)
    findings = of_kind(audit(window), "small_target")
    assert [(f.element, f.detail.split(" mm")[0]) for f in findings] == [("tiny", "10.1×10.1"), ("continue", "79.4×15.9")]


def test_two_buttons_a_millimetre_apart_are_crowded(window):
    placed(QPushButton("1", window), "key:1", 20, 20, 80, 80)
    placed(QPushButton("2", window), "key:2", 104, 20, 80, 80)  # 4 px: 1.1 mm
    placed(QPushButton("3", window), "key:3", 194, 20, 80, 80)  # 10 px: 2.6 mm
    findings = of_kind(audit(window), "crowded")
    assert [(f.element, f.detail) for f in findings] == [("key:1", "1.1 mm from key:2, needs 2 mm")]


def phone_with_a_long_screen(window: QWidget) -> tuple[QScrollArea, QPushButton]:
    area = placed(QScrollArea(window), "phoneScroll", 20, 20, 400, 300)
    content = QWidget()
    content.setFixedSize(380, 1000)
    placed(QLabel("Điều khoản sử dụng", content), "terms", 10, 500, 300, 50)  # below the fold: scrolling shows it
    send = placed(QPushButton("Gửi", content), "el:send", 10, 800, 200, 80)
    area.setWidget(content)
    return area, send


def test_a_target_scrolled_out_of_the_viewport_is_out_of_view(window):
    area, send = phone_with_a_long_screen(window)
    findings = audit(window, (("send", "el:send"), ("sms", "el:sms")))
    assert [(f.kind, f.element) for f in findings] == [("out_of_view", "send"), ("out_of_view", "sms")]
    assert "needs scrolling in phoneScroll" in findings[0].detail and findings[1].detail == "no widget named el:sms"
    area.ensureWidgetVisible(send)
    assert audit(window, (("send", "el:send"),)) == []


def test_the_same_words_on_a_kiosk_control_and_the_phone_are_reported(window):
    phone = placed(QFrame(window), "phone", 400, 20, 380, 400)
    phone.setProperty("device", True)
    placed(QPushButton("Tiếp tục ›", phone), "el:next", 20, 20, 300, 80)
    placed(QPushButton("1", phone), "el:copies", 20, 120, 300, 80)  # a field showing a digit: not a label
    placed(QPushButton("Tiếp tục", window), "continue", 20, 20, 300, 80)
    placed(QPushButton("1", window), "key:1", 20, 120, 100, 80)
    placed(QPushButton("Quay lại", window), "back", 20, 220, 300, 80)
    [finding] = of_kind(audit(window), "same_label")
    assert finding.element == "continue" and "also on the phone (el:next)" in finding.detail


def test_a_dialog_stacked_above_hides_what_is_under_it(window):
    placed(QPushButton("A", window), "tiny", 20, 20, 30, 30)
    cover = placed(QFrame(window), "idleOverlay", 0, 0, 800, 600)
    cover.setStyleSheet("background: #0b2a66;")
    assert audit(window) == []


def test_each_further_menu_page_is_audited_until_the_next_button_goes(window):
    pages = [placed(QLabel(f"Trang {n}", window), f"page{n}", 20, 20, 300, 60) for n in (1, 2, 3)]
    forward = placed(QPushButton("Trang sau", window), MENU_NEXT, 20, 100, 300, 90)

    def turn() -> None:
        now = next(i for i, page in enumerate(pages) if page.isVisible()) + 1
        for i, page in enumerate(pages):
            page.setVisible(i == now)
        forward.setVisible(now < len(pages) - 1)

    forward.clicked.connect(turn)
    for page in pages[1:]:
        page.hide()
    window.show()
    seen = [(name, [p.objectName() for p in pages if p.isVisible()]) for name in menu_pages("01-menu", window)]
    assert seen == [("01-menu", ["page1"]), ("01-menu-p2", ["page2"]), ("01-menu-p3", ["page3"])]


def test_a_page_taller_than_the_screen_is_reported(window):
    column = QVBoxLayout(window)
    for name in ("first", "second"):
        button = QPushButton(name)
        button.setMinimumHeight(400)  # two rows of 400 px cannot fit a 600 px screen
        column.addWidget(button)
    findings = screen_findings(window, DPI, screen=QSize(800, 600))
    [finding] = of_kind(findings, "too_big")
    assert "the screen has 800×600" in finding.detail
    assert not of_kind(screen_findings(window, DPI, screen=QSize(800, 900)), "too_big")
