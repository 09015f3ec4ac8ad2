"""Colours, sizes and the font: one place, so contrast and target sizes can be tested.

Every text colour is paired with the background it sits on (PAIRS) and each pair must
reach WCAG AAA contrast (7:1). Sizes are in millimetres and turned into pixels with the
screen's real DPI, so a 15 mm target is 15 mm on any kiosk screen.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

# Debian package fonts-noto-core: full Vietnamese coverage. DejaVu Sans is the fallback.
FONT_FILES = (
    Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
)
FONT_FAMILY = "Noto Sans"
FALLBACK_FAMILY = "DejaVu Sans"

MIN_TARGET_MM = 15.0
MAIN_TARGET_MM = 20.0
MIN_GAP_MM = 2.0  # between two tappable targets
# The smallest picture that holds the lesson page with its keyboard at these sizes: the
# instruction, a full-height phone and 15 mm keys with 2 mm gaps (a 15" 16:10 screen).
MIN_SCREEN_MM = (320.0, 200.0)

INK = "#1a1a1a"
PAPER = "#ffffff"
PAGE = "#f4f1ea"  # warm off-white page background
PRIMARY = "#0b3d91"
PRIMARY_TEXT = "#ffffff"
SECONDARY = "#ffffff"
SECONDARY_TEXT = "#0b3d91"
MUTED_TEXT = "#3d3d3d"
HIGHLIGHT = "#ffd23f"  # "touch here" after two wrong tries or Trợ giúp
OK_BG, OK_TEXT = "#e3f4e6", "#0b4a1e"
WRONG_BG, WRONG_TEXT = "#fde8e6", "#7a1212"
HINT_BG, HINT_TEXT = "#fff4cc", "#3d3000"
INFO_BG, INFO_TEXT = "#e7eefb", "#0b2a66"
PRACTICE_BG, PRACTICE_TEXT = "#8b0000", "#ffffff"  # "Màn hình tập luyện" band
APPBAR_BG, APPBAR_TEXT = "#a4161a", "#ffffff"
PHONE_FRAME = "#222222"
FIELD_BORDER = "#4a4a4a"
OVERLAY_BG, OVERLAY_TEXT = "#0b2a66", "#ffffff"
PLACEHOLDER = "#575757"  # an empty field's hint: clearly lighter than typed text, still 7:1
KIOSK_PRESSED = "#dfe7f5"  # a kiosk outline button while the finger is on it
PRIMARY_PRESSED = "#072a66"
KEY_PRESSED = "#e3e3e3"  # a keyboard key while the finger is on it
SHADE = "#111111"  # behind a pinned notification, as a phone's notification shade
CALL_BG, CALL_TEXT = "#0f1c2e", "#ffffff"  # an incoming call's card
ADDRESS_BG, ADDRESS_TEXT = "#e8eaed", "#1a1a1a"  # the browser's address bar
PULSE_RING = PRIMARY  # the highlight's border in its second phase (the first is INK)
TRACK = "#d9d4c7"  # the progress bar's empty part


@dataclass(frozen=True)
class AppLook:
    """How one app of the practice phone looks: its bar and its buttons (pages are white)."""

    key: str
    bar: str
    bar_text: str
    accent: str  # the app's buttons
    accent_text: str
    address: str = ""  # a web page: shown in a browser frame with this (fictional) address


# Matched by words in a screen's `app` (first match); none of them is a real bank's look,
# and none uses the kiosk's own navy, so a phone button never passes for a kiosk one.
APP_LOOKS = (
    ("vneid", AppLook("vneid", "#a4161a", "#ffffff", "#a4161a", "#ffffff")),
    ("dịch vụ công", AppLook("portal", "#7a0e0e", "#ffe08a", "#8e1b1b", "#ffffff", address="dichvucong.tapluyen.test")),
    ("tin nhắn", AppLook("messages", "#eef0f3", INK, "#1b5e20", "#ffffff")),
    ("điện thoại", AppLook("call", "#0f1c2e", "#ffffff", "#37474f", "#ffffff")),
    ("ngân hàng", AppLook("bank", "#00564a", "#ffffff", "#00564a", "#ffffff")),
    ("trợ lý", AppLook("assistant", "#4a148c", "#ffffff", "#4a148c", "#ffffff")),
    ("vssid", AppLook("vssid", "#00566b", "#ffffff", "#00566b", "#ffffff")),
    ("bệnh viện", AppLook("hospital", "#245c23", "#ffffff", "#245c23", "#ffffff")),
    ("chuyện trò", AppLook("chat", "#8a3b00", "#ffffff", "#8a3b00", "#ffffff")),
)
DEFAULT_APP = AppLook("app", APPBAR_BG, APPBAR_TEXT, APPBAR_BG, APPBAR_TEXT)


def app_look(app: str) -> AppLook:
    folded = app.casefold()
    return next((look for words, look in APP_LOOKS if words in folded), DEFAULT_APP)

PAIRS = {
    "body": (INK, PAPER),
    "page": (INK, PAGE),
    "muted": (MUTED_TEXT, PAPER),
    "primary button": (PRIMARY_TEXT, PRIMARY),
    "secondary button": (SECONDARY_TEXT, SECONDARY),
    "highlighted target": (INK, HIGHLIGHT),
    "feedback ok": (OK_TEXT, OK_BG),
    "feedback wrong": (WRONG_TEXT, WRONG_BG),
    "feedback hint": (HINT_TEXT, HINT_BG),
    "feedback info": (INFO_TEXT, INFO_BG),
    "practice band": (PRACTICE_TEXT, PRACTICE_BG),
    "app bar": (APPBAR_TEXT, APPBAR_BG),
    "phone button, accept": (PAPER, OK_TEXT),
    "phone button, refuse": (PAPER, WRONG_TEXT),
    "idle overlay": (OVERLAY_TEXT, OVERLAY_BG),
    "placeholder": (PLACEHOLDER, PAPER),
    "kiosk button pressed": (SECONDARY_TEXT, KIOSK_PRESSED),
    "primary button pressed": (PRIMARY_TEXT, PRIMARY_PRESSED),
    "key pressed": (INK, KEY_PRESSED),
    "address bar": (ADDRESS_TEXT, ADDRESS_BG),
    "call card": (CALL_TEXT, CALL_BG),
    "highlight, second phase": (INK, HIGHLIGHT),
    **{f"{look.key} bar": (look.bar_text, look.bar) for _, look in APP_LOOKS},
    **{f"{look.key} button": (look.accent_text, look.accent) for _, look in APP_LOOKS},
    **{f"{look.key} link": (look.accent, PAPER) for _, look in APP_LOOKS},
}


@dataclass(frozen=True)
class Sizes:
    """Font pixel sizes for one text size ("normal" or "large")."""

    body: int
    instruction: int
    title: int
    huge: int
    phone: int
    key: int
    small: int


SIZES = {
    "normal": Sizes(body=26, instruction=34, title=42, huge=64, phone=25, key=30, small=20),
    "large": Sizes(body=32, instruction=42, title=50, huge=76, phone=30, key=34, small=22),
}


def load_font() -> str:
    """Register the bundled-by-package font; the family name to use."""
    for path in FONT_FILES:
        if not path.is_file() or QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font %s not available (apt-get install fonts-noto-core); using %s", path, FALLBACK_FAMILY)
            return FALLBACK_FAMILY
    return FONT_FAMILY


def font(family: str, pixels: int, bold: bool = False) -> QFont:
    f = QFont(family)
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


def screen_dpi(override: float | None) -> float:
    if override:
        return override
    screen = QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen else 96.0
    return dpi if 50 <= dpi <= 600 else 96.0  # virtual screens report nonsense


def mm(millimetres: float, dpi: float) -> int:
    return round(millimetres / 25.4 * dpi)


def screen_mm(width_px: int, height_px: int, dpi: float) -> tuple[float, float]:
    return width_px / dpi * 25.4, height_px / dpi * 25.4


def screen_supported(width_px: int, height_px: int, dpi: float) -> bool:
    """Whether a screen this many pixels at this DPI is big enough (see MIN_SCREEN_MM)."""
    width, height = screen_mm(width_px, height_px, dpi)
    return width >= MIN_SCREEN_MM[0] and height >= MIN_SCREEN_MM[1]


def relative_luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
