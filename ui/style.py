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
        pill = self.px(7.5)  # the kiosk's buttons have round ends; the phone's are square-ish
        sheet = f"""
        QWidget {{ font-family: "{self.family}"; font-size: {s.body}px; color: {t.INK}; }}
        #page {{ background: {t.PAGE}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QLabel[role="title"] {{ font-size: {s.title}px; font-weight: bold; }}
        QLabel[role="headerTitle"] {{ font-size: {s.body}px; font-weight: bold; }}
        QLabel[role="huge"] {{ font-size: {s.huge}px; font-weight: bold; color: {t.PRIMARY}; }}
        QLabel[role="instruction"] {{ font-size: {s.instruction}px; font-weight: bold; }}
        QLabel[role="muted"] {{ color: {t.MUTED_TEXT}; }}
        QLabel[role="progress"] {{ color: {t.INK}; font-weight: bold; }}
        QLabel[feedback="ok"] {{ background: {t.OK_BG}; color: {t.OK_TEXT}; }}
        QLabel[feedback="wrong"] {{ background: {t.WRONG_BG}; color: {t.WRONG_TEXT}; }}
        QLabel[feedback="hint"] {{ background: {t.HINT_BG}; color: {t.HINT_TEXT}; }}
        QLabel[feedback="info"] {{ background: {t.INFO_BG}; color: {t.INFO_TEXT}; }}
        QLabel[feedback] {{ border-radius: 12px; padding: 10px 16px; font-weight: bold; }}
        QLabel[feedback=""] {{ background: transparent; padding: 0; }}
        QLabel#meaning {{ background: {t.PAPER}; border: 2px solid {t.TRACK}; border-left: 10px solid {t.SECONDARY_TEXT}; padding: 10px 16px; }}
        QProgressBar#stepProgress {{ background: {t.TRACK}; border: none; border-radius: 5px; }}
        QProgressBar#stepProgress::chunk {{ background: {t.PRIMARY}; border-radius: 5px; }}

        QPushButton {{ border-radius: 14px; padding: 0; font-weight: bold; }}
        QPushButton QLabel {{ font-weight: bold; background: transparent; }}
        QPushButton[role="primary"] {{ background: {t.PRIMARY}; border: 3px solid {t.PRIMARY}; border-radius: {pill}px; }}
        QPushButton[role="primary"]:pressed {{ background: {t.PRIMARY_PRESSED}; border-color: {t.PRIMARY_PRESSED}; }}
        QPushButton[role="primary"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="secondary"] {{ background: {t.SECONDARY}; border: 3px solid {t.SECONDARY_TEXT}; border-radius: {pill}px; }}
        QPushButton[role="secondary"]:pressed {{ background: {t.KIOSK_PRESSED}; }}
        QPushButton[role="secondary"]:checked {{ background: {t.PRIMARY}; }}
        QPushButton[role="secondary"] QLabel {{ color: {t.SECONDARY_TEXT}; }}
        QPushButton[role="secondary"][on="true"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QPushButton[role="tile"] {{ background: {t.PAPER}; border: 3px solid {t.SECONDARY_TEXT}; border-radius: 20px; }}
        QPushButton[role="tile"]:pressed {{ background: {t.KIOSK_PRESSED}; }}
        QPushButton[role="tile"] QLabel {{ font-weight: normal; }}
        QLabel[role="tiletitle"] {{ font-size: {s.instruction}px; font-weight: bold; }}
        QPushButton[role="key"] {{ background: {t.PAPER}; border: 2px solid {t.FIELD_BORDER}; border-radius: 10px; }}
        QPushButton[role="key"]:pressed {{ background: {t.KEY_PRESSED}; }}
        QPushButton[role="key"]:checked {{ background: {t.PRIMARY}; }}
        QPushButton[role="keyaction"] {{ background: {t.PRIMARY}; border: 2px solid {t.PRIMARY}; border-radius: 10px; }}
        QPushButton[role="keyaction"]:pressed {{ background: {t.PRIMARY_PRESSED}; }}
        QPushButton[role="key"] QLabel, QPushButton[role="keyaction"] QLabel {{ font-size: {s.key}px; }}
        QPushButton[role="key"] QLabel {{ color: {t.INK}; }}
        QPushButton[role="keyaction"] QLabel, QPushButton[role="key"][on="true"] QLabel {{ color: {t.PRIMARY_TEXT}; }}
        QScrollBar:vertical {{ width: {self.px(5)}px; background: #e0dccf; border: none; }}
        QScrollBar::handle:vertical {{ background: #5a5a5a; min-height: 60px; border-radius: 8px; margin: 3px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        #keyboard {{ background: #d9d4c7; border-radius: 12px; }}
        #header {{ background: {t.PAPER}; border-bottom: 2px solid #cfc8b8; }}
        #practiceCard {{ background: {t.PAPER}; border: 3px solid {t.SECONDARY_TEXT}; border-radius: 12px; }}

        #phone {{ background: {t.PAPER}; border: 14px solid {t.PHONE_FRAME}; border-radius: 36px; }}
        #phone QWidget {{ font-size: {s.phone}px; }}
        #statusBar {{ background: {t.PRACTICE_BG}; }}
        #statusBar QLabel {{ color: {t.PRACTICE_TEXT}; font-weight: bold; font-size: {s.small}px; }}
        #addressBar, #computerAddress {{ background: {t.ADDRESS_BG}; border-bottom: 1px solid #b0b0b0; }}
        #addressBar QLabel, #computerAddress QLabel {{ color: {t.ADDRESS_TEXT}; font-size: {s.small}px; }}
        #appBar QLabel {{ font-weight: bold; }}
        #appBar QPushButton {{ background: transparent; border: none; }}
        #appBar QPushButton:pressed {{ border: 3px solid {t.SHADE}; }}
        #phone QLabel[role="small"] {{ font-size: {s.small}px; color: {t.MUTED_TEXT}; }}
        #phone QLabel#swipeHint {{ background: {t.OVERLAY_BG}; color: {t.OVERLAY_TEXT}; font-weight: bold; border-radius: 14px; padding: 10px; }}
        #pinned {{ background: {t.SHADE}; }}
        #phone QLabel[role="heading"], QLabel[role="heading"] {{ font-weight: bold; }}
        #phone QLabel[role="caller"] {{ font-size: {s.instruction}px; font-weight: bold; }}
        #phone QPushButton[role="app"] {{ border-radius: 8px; }}
        #phone QPushButton[role="row"] {{ background: {t.PAPER}; border: none; border-bottom: 2px solid #bbbbbb; border-radius: 0; }}
        #phone QPushButton[role="link"] {{ background: transparent; border: none; border-radius: 0; }}
        #phone QPushButton[role="link"] QLabel {{ text-decoration: underline; }}
        #phone QPushButton[role="field"] {{ background: {t.PAPER}; border: 2px solid {t.FIELD_BORDER}; border-radius: 6px; }}
        #phone QPushButton[role="option"] {{ background: {t.PAPER}; border: 2px solid #9a9a9a; border-radius: 6px; }}
        #phone QPushButton[role="option"]:checked {{ border: 4px solid {t.FIELD_BORDER}; }}
        #phone QPushButton[role="tileapp"] {{ background: transparent; border: none; border-radius: 12px; }}
        #phone QPushButton[role="notice"] {{ background: {t.PAPER}; border: 2px solid #9a9a9a; border-radius: 14px; }}
        #phone QPushButton[role="row"]:pressed, #phone QPushButton[role="field"]:pressed, #phone QPushButton[role="option"]:pressed,
        #phone QPushButton[role="tileapp"]:pressed, #phone QPushButton[role="link"]:pressed, #phone QPushButton[role="notice"]:pressed {{ border: 3px solid {t.INK}; }}
        #phone QPushButton QLabel {{ font-weight: normal; color: {t.INK}; }}
        #phone QPushButton[role="app"] QLabel {{ font-weight: bold; }}
        #phone QPushButton[role="field"][empty="true"] QLabel {{ color: {t.PLACEHOLDER}; font-style: italic; }}
        #phone QPushButton[role="option"][on="true"] QLabel {{ font-weight: bold; }}
        #phone QPushButton[role="tileapp"] QLabel {{ font-size: {s.small}px; }}
        #sms, QFrame[bubble="other"] {{ background: #e9ecef; border-radius: 16px; }}
        QFrame[bubble="own"] {{ border-radius: 16px; }}
        QFrame[card="call"] {{ background: {t.CALL_BG}; border-radius: 18px; }}
        QFrame[card="call"] QLabel {{ color: {t.CALL_TEXT}; }}
        QFrame[card="summary"] {{ background: #f3f4f6; border: 2px solid #cfd3d8; border-radius: 10px; }}
        QLabel[banner="success"] {{ background: {t.OK_BG}; color: {t.OK_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        QLabel[banner="error"] {{ background: {t.WRONG_BG}; color: {t.WRONG_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        QLabel[banner="info"] {{ background: {t.INFO_BG}; color: {t.INFO_TEXT}; font-weight: bold; border-radius: 8px; padding: 10px; }}
        {self._app_rules()}
        #phone QPushButton[role="app"][tone="success"] {{ background: {t.OK_TEXT}; border: 3px solid {t.OK_TEXT}; }}
        #phone QPushButton[role="app"][tone="error"] {{ background: {t.WRONG_TEXT}; border: 3px solid {t.WRONG_TEXT}; }}
        #phone QPushButton[role="app"][tone="success"] QLabel, #phone QPushButton[role="app"][tone="error"] QLabel {{ color: {t.PAPER}; }}
        QPushButton[highlight="true"], #phone QPushButton[highlight="true"] {{ background: {t.HIGHLIGHT}; border: 6px solid {t.INK}; }}
        QPushButton[highlight="true"][pulse="off"], #phone QPushButton[highlight="true"][pulse="off"] {{ border: 6px solid {t.PULSE_RING}; }}
        QPushButton[highlight="true"] QLabel, #phone QPushButton[highlight="true"] QLabel {{ color: {t.INK}; }}

        #idleOverlay {{ background: {t.OVERLAY_BG}; }}
        #idleOverlay QLabel {{ color: {t.OVERLAY_TEXT}; }}
        #idleOverlay QPushButton {{ background: {t.HIGHLIGHT}; border: 4px solid {t.PAPER}; }}
        #idleOverlay QPushButton QLabel {{ color: {t.INK}; font-size: {s.title}px; }}
        #computer {{ background: {t.PAPER}; border: 10px solid {t.PHONE_FRAME}; border-radius: 10px; }}
        #computer QWidget {{ font-size: {s.phone}px; }}
        #windowBar {{ background: {t.PRACTICE_BG}; }}
        #windowBar QLabel {{ color: {t.PRACTICE_TEXT}; font-weight: bold; font-size: {s.small}px; }}
        """
        # The computer beside the phone draws its page's elements as the phone does.
        computer = [line.replace("#phone", "#computer") for line in sheet.splitlines()
                    if "#phone " in line and not line.strip().startswith(("#phone {", "#phone QWidget"))]
        return sheet + "\n".join(computer)

    @staticmethod
    def _app_rules() -> str:
        """Each app of the practice phone in its own colours (ui.theme.APP_LOOKS)."""
        rules = []
        for _, app in (*t.APP_LOOKS, ("", t.DEFAULT_APP)):
            k = app.key
            rules.append(
                f"""
        #appBar[app="{k}"] {{ background: {app.bar}; }}
        #appBar[app="{k}"] QLabel {{ color: {app.bar_text}; }}
        #phone QPushButton[role="app"][app="{k}"] {{ background: {app.accent}; border: 3px solid {app.accent}; }}
        #phone QPushButton[role="app"][app="{k}"] QLabel {{ color: {app.accent_text}; }}
        #phone QPushButton[role="link"][app="{k}"] QLabel {{ color: {app.accent}; }}
        #phone QPushButton[role="field"][focus="true"][app="{k}"] {{ border: 4px solid {app.accent}; }}
        QFrame[bubble="own"][app="{k}"] {{ background: {app.accent}; }}
        QFrame[bubble="own"][app="{k}"] QLabel {{ color: {app.accent_text}; }}"""
            )
        return "".join(rules)
