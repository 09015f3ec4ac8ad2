"""The look of one kiosk window: font family, DPI and text size, and the style sheet from them."""
from __future__ import annotations

from dataclasses import dataclass

from ui import theme as t


@dataclass(frozen=True)
class Look:
    family: str
    dpi: float
    text_size: str = "normal"

    @property
    def sizes(self) -> t.Sizes:
        return t.SIZES[self.text_size]

    def px(self, millimetres: float) -> int:
        return t.mm(millimetres, self.dpi)

    @property
    def min_target(self) -> int:
        return self.px(t.MIN_TARGET_MM)

    @property
    def main_target(self) -> int:
        return self.px(t.MAIN_TARGET_MM)

    def style_sheet(self) -> str:
        s = self.sizes
        return f"""
        QWidget {{ font-family: "{self.family}"; font-size: {s.body}px; color: {t.INK}; }}
        #page {{ background: {t.PAGE}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QLabel[role="title"] {{ font-size: {s.title}px; font-weight: bold; }}
        QLabel[role="huge"] {{ font-size: {s.huge}px; font-weight: bold; color: {t.PRIMARY}; }}
        QLabel[role="instruction"] {{ font-size: {s.instruction}px; font-weight: bold; }}
        QLabel[role="muted"] {{ color: {t.MUTED_TEXT}; }}
        QLabel[feedback="ok"] {{ background: {t.OK_BG}; color: {t.OK_TEXT}; }}
        QLabel[feedback="wrong"] {{ background: {t.WRONG_BG}; color: {t.WRONG_TEXT}; }}
        QLabel[feedback="hint"] {{ background: {t.HINT_BG}; color: {t.HINT_TEXT}; }}
        QLabel[feedback="info"] {{ background: {t.INFO_BG}; color: {t.INFO_TEXT}; }}
        QLabel[feedback] {{ border-radius: 12px; padding: 14px 18px; font-weight: bold; font-size: {s.instruction}px; }}
        QLabel[feedback=""] {{ background: transparent; padding: 0; }}
        QPushButton {{ border-radius: 14px; padding: 8px 18px; font-weight: bold; }}
        QPushButton[role="primary"] {{ background: {t.PRIMARY}; color: {t.PRIMARY_TEXT}; border: 3px solid {t.PRIMARY}; }}
        QPushButton[role="secondary"] {{ background: {t.SECONDARY}; color: {t.SECONDARY_TEXT}; border: 3px solid {t.SECONDARY_TEXT}; }}
        QPushButton[role="secondary"]:checked {{ background: {t.PRIMARY}; color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="tile"] {{ background: {t.PAPER}; border: 3px solid {t.SECONDARY_TEXT}; text-align: left; }}
        QPushButton[role="key"] {{ background: {t.PAPER}; color: {t.INK}; border: 2px solid {t.FIELD_BORDER}; font-size: {s.instruction}px; padding: 0; }}
        QPushButton[role="key"]:checked {{ background: {t.PRIMARY}; color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="keyaction"] {{ background: {t.PRIMARY}; color: {t.PRIMARY_TEXT}; border: 2px solid {t.PRIMARY}; padding: 0; }}
        QPushButton[highlight="true"] {{ background: {t.HIGHLIGHT}; color: {t.INK}; border: 6px solid {t.INK}; }}
        QPushButton QLabel {{ font-weight: bold; background: transparent; }}
        QPushButton[role="primary"] QLabel, QPushButton[role="keyaction"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="secondary"] QLabel {{ color: {t.SECONDARY_TEXT}; }}
        QPushButton[role="secondary"][on="true"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="key"] QLabel, QPushButton[role="keyaction"] QLabel {{ font-size: {s.key}px; }}
        QPushButton[role="key"][on="true"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="tile"] QLabel {{ font-weight: normal; }}
        QLabel[role="tiletitle"] {{ font-size: {s.instruction}px; font-weight: bold; }}
        QScrollBar:vertical {{ width: 28px; background: #e0dccf; border: none; }}
        QScrollBar::handle:vertical {{ background: #5a5a5a; min-height: 80px; border-radius: 12px; margin: 3px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        #keyboard {{ background: #d9d4c7; border-top: 2px solid {t.FIELD_BORDER}; }}
        #phone {{ background: {t.PAPER}; border: 14px solid {t.PHONE_FRAME}; border-radius: 36px; }}
        #phone QWidget {{ font-size: {s.phone}px; }}
        #phone QLabel#practiceBand {{ background: {t.PRACTICE_BG}; color: {t.PRACTICE_TEXT}; font-weight: bold; padding: 4px; font-size: {s.small}px; }}
        #appBar {{ background: {t.APPBAR_BG}; }}
        #appBar QLabel {{ color: {t.APPBAR_TEXT}; font-weight: bold; }}
        #phone QPushButton[role="app"] QLabel {{ color: {t.APPBAR_TEXT}; }}
        #phone QPushButton[role="row"] QLabel, #phone QPushButton[role="field"] QLabel, #phone QPushButton[role="option"] QLabel {{ font-weight: normal; color: {t.INK}; }}
        #phone QPushButton[role="field"][empty="true"] QLabel {{ color: {t.MUTED_TEXT}; }}
        #phone QPushButton[role="option"][on="true"] QLabel {{ font-weight: bold; }}
        #phone QPushButton[role="tileapp"] QLabel {{ color: {t.INFO_TEXT}; }}
        #phone QPushButton[highlight="true"] QLabel, QPushButton[highlight="true"] QLabel {{ color: {t.INK}; }}
        #phone QPushButton[role="app"] {{ background: {t.APPBAR_BG}; color: {t.APPBAR_TEXT}; border: 3px solid {t.APPBAR_BG}; border-radius: 10px; }}
        #phone QPushButton[role="row"] {{ background: {t.PAPER}; color: {t.INK}; border: none; border-bottom: 2px solid #bbbbbb; border-radius: 0; text-align: left; font-weight: normal; }}
        #phone QPushButton[role="field"] {{ background: {t.PAPER}; color: {t.INK}; border: 2px solid {t.FIELD_BORDER}; border-radius: 8px; text-align: left; font-weight: normal; }}
        #phone QPushButton[role="field"][empty="true"] {{ color: {t.MUTED_TEXT}; }}
        #phone QPushButton[role="field"][focus="true"] {{ border: 5px solid {t.PRIMARY}; }}
        #phone QPushButton[role="option"] {{ background: {t.PAPER}; color: {t.INK}; border: 2px solid {t.FIELD_BORDER}; border-radius: 8px; text-align: left; font-weight: normal; }}
        #phone QPushButton[role="option"]:checked {{ border: 5px solid {t.PRIMARY}; font-weight: bold; }}
        #phone QPushButton[role="tileapp"] {{ background: {t.INFO_BG}; color: {t.INFO_TEXT}; border: 2px solid {t.INFO_TEXT}; border-radius: 18px; }}
        #phone QPushButton[tone="success"] {{ background: {t.OK_TEXT}; border-color: {t.OK_TEXT}; }}
        #phone QPushButton[tone="error"] {{ background: {t.WRONG_TEXT}; border-color: {t.WRONG_TEXT}; }}
        #phone QPushButton[tone="success"] QLabel, #phone QPushButton[tone="error"] QLabel {{ color: {t.PAPER}; }}
        #phone QPushButton[highlight="true"] {{ background: {t.HIGHLIGHT}; color: {t.INK}; border: 6px solid {t.INK}; }}
        #phone QLabel[role="heading"] {{ font-weight: bold; }}
        QLabel[role="heading"] {{ font-weight: bold; }}
        #sms {{ background: {t.INFO_BG}; border-radius: 14px; }}
        #sms QLabel {{ color: {t.INFO_TEXT}; }}
        QLabel[banner="success"] {{ background: {t.OK_BG}; color: {t.OK_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        QLabel[banner="error"] {{ background: {t.WRONG_BG}; color: {t.WRONG_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        QLabel[banner="info"] {{ background: {t.INFO_BG}; color: {t.INFO_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        #idleOverlay {{ background: {t.OVERLAY_BG}; }}
        #idleOverlay QLabel {{ color: {t.OVERLAY_TEXT}; }}
        #idleOverlay QPushButton {{ background: {t.HIGHLIGHT}; border: 4px solid {t.PAPER}; }}
        #idleOverlay QPushButton QLabel {{ color: {t.INK}; font-size: {s.title}px; }}
        #header {{ background: {t.PAPER}; border-bottom: 2px solid #cfc8b8; }}
        """
