"""Icons drawn from the SVG files beside this module: the kiosk's own controls (one colour,
`kiosk/`, drawn in the colour of the words beside them) and the practice phone's app icons
(`apps/`, full colour)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).parent / "icons"

# Home-screen tiles and in-app feature tiles: the icon for words on the tile (first match).
APP_ICONS = (
    ("gọi", "call"),
    ("tin nhắn", "messages"),
    ("máy ảnh", "camera"),
    ("vneid", "vneid"),
    ("ví", "wallet"),
    ("thủ tục", "procedures"),
    ("lưu trú", "residence"),
    ("tích hợp", "integrate"),
    ("vssid", "vssid"),
    ("bảo hiểm y tế", "bhyt"),
    ("quá trình", "history"),
    ("sổ sức khỏe", "health"),
    ("đặt lịch", "calendar"),
    ("lịch hẹn", "calendar"),
    ("kết quả khám", "results"),
    ("quét qr", "scan"),
    ("chuyển tiền", "transfer"),
    ("lịch sử giao dịch", "statement"),
    ("ngân hàng", "bank"),
    ("chuyện trò", "chat"),
    ("dịch vụ khác", "more"),
)


@lru_cache(maxsize=256)
def _render(path: Path, colour: str, size: int) -> QImage:
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def kiosk_icon(name: str, colour: str, size: int) -> QPixmap:
    """A kiosk control's icon (`ui/icons/kiosk/<name>.svg`) in `colour`, `size` pixels square."""
    return QPixmap.fromImage(_render(ICONS / "kiosk" / f"{name}.svg", colour, size))


def topic_icon(name: str, size: int) -> QPixmap:
    return QPixmap.fromImage(_render(ICONS / f"{name}.svg", "", size))


def app_icon(words: str, size: int) -> QPixmap:
    """The practice phone's icon for a tile with these words (a plain one when none fits)."""
    folded = words.casefold()
    name = next((icon for key, icon in APP_ICONS if key in folded), "generic")
    return QPixmap.fromImage(_render(ICONS / "apps" / f"{name}.svg", "", size))
