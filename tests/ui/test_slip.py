"""A citizen takes the practice slip, reads its code, comes back and continues by typing it."""
from __future__ import annotations

import os
import random
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from test_walk_lesson import walk_current_step

from kiosk import slip_texts
from kiosk.app import KioskApp
from kiosk.settings import Settings
from kiosk.views import LessonView
from tests.ui.conftest import Driver, settle
from ui import texts

VNEID = "vneid-kich-hoat-muc-2"
SHORT = "cham-vuot-go-chu"


def practise(driver: Driver) -> None:
    """Reach step 5 of the VNeID lesson, then finish the short touch lesson."""
    driver.click("start")
    driver.click(f"lesson:{VNEID}")
    while driver.app.kiosk.view().page.step_number < 5:
        walk_current_step(driver)
    driver.click("toList")
    driver.click(f"lesson:{SHORT}")
    while isinstance(driver.app.kiosk.view().page, LessonView):
        walk_current_step(driver)
    assert texts.CONGRATS in driver.visible_texts()


def shown_code(driver: Driver) -> str:
    settle()
    label = driver.window.findChild(QLabel, "slipCode")
    assert label is not None and label.isVisible()
    return label.text().replace(" ", "")


def decode_qr(driver: Driver, folder: Path) -> str:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg not installed (apt-get install zbar-tools): the QR code is not read back")
    image = folder / "slip-qr.png"
    driver.window.findChild(object, "slipQr").grab().save(str(image))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    return out.stdout.rstrip("\n")


def test_take_the_slip_then_continue_at_the_same_step_with_its_code(driver, clock, tmp_path):
    practise(driver)
    driver.click("takeSlip")
    assert slip_texts.PHOTO in driver.visible_texts()
    code = shown_code(driver)
    assert len(code) == 8 and code.isdigit()

    qr = decode_qr(driver, tmp_path)
    assert f"{slip_texts.CODE}: {code[:4]} {code[4:]}" in qr
    assert "- Chạm, vuốt và gõ chữ" in qr and "Kích hoạt tài khoản định danh điện tử mức 2" in qr
    assert clock.now().astimezone().strftime("%d/%m/%Y") in qr

    driver.click("finish")
    assert not any(code[:4] in text for text in driver.visible_texts())  # nothing left on screen

    clock.advance(3 * 24 * 3600)
    driver.click("haveCode")  # straight from the attract screen
    assert texts.CODE_TITLE in driver.visible_texts()
    driver.type_text(code)
    driver.click("key:done")
    assert texts.UNFINISHED in driver.visible_texts()
    assert driver.button(f"resume:{VNEID}").isVisible()
    assert driver.app.kiosk.view().page.unfinished[0].resume_step == 5
    driver.click(f"resume:{VNEID}")
    assert texts.STEP_OF.format(n=5, total=21) in driver.visible_texts()
    walk_current_step(driver)
    assert texts.STEP_OF.format(n=6, total=21) in driver.visible_texts()


def test_a_wrong_code_is_answered_gently_and_can_be_retyped(driver):
    driver.click("start")
    driver.click("haveCode")
    driver.type_text("1234")
    driver.click("key:done")
    assert slip_texts.CODE_SHORT in driver.visible_texts()
    driver.type_text("5678")
    driver.click("key:done")
    assert slip_texts.CODE_WRONG in driver.visible_texts()
    driver.click("key:erase")
    assert "1 2 3 4   5 6 7 _" in driver.visible_texts()
    driver.click("back")
    assert texts.MENU_TITLE in driver.visible_texts()


def test_the_idle_timeout_wipes_the_slip(driver, clock):
    practise(driver)
    driver.click("takeSlip")
    code = shown_code(driver)
    clock.advance(driver.app.kiosk.idle_warning_s + 60)
    driver.app.dispatch(driver.app.kiosk.tick())
    assert not any(code[:4] in text for text in driver.visible_texts())
    assert driver.window.findChild(QLabel, "slipCode") is None or not driver.window.findChild(QLabel, "slipCode").isVisible()


def fake_lp(folder: Path, exit_code: int) -> Path:
    """An `lp` on PATH that records its arguments and keeps a copy of the file it was given."""
    folder.mkdir()
    script = folder / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/args"\n'
        'for last; do :; done\n'
        f'cp "$last" "{folder}/printed.pdf"\n'
        f"exit {exit_code}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


@pytest.fixture
def printing_driver(qtbot, tmp_path, clock, monkeypatch):
    def make(exit_code: int) -> tuple[Driver, Path]:
        folder = fake_lp(tmp_path / f"bin{exit_code}", exit_code)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
        settings = Settings(data_dir=tmp_path / "data", screen_dpi=96.0, printer="may-in-mot-cua", intake_at_start=False,
                            confidence_questions=False)
        app = KioskApp(settings, clock, random.Random(5))
        qtbot.addWidget(app.window)
        app.window.resize(1280, 800)
        app.window.show()
        made.append(app)
        return Driver(qtbot, app), folder

    made: list[KioskApp] = []
    yield make
    for app in made:
        app.close()


def test_print_sends_the_slip_to_the_configured_queue(printing_driver):
    driver, folder = printing_driver(0)
    practise(driver)
    driver.click("takeSlip")
    code = shown_code(driver)
    driver.click("printSlip")
    driver.qtbot.waitUntil(lambda: slip_texts.PRINTED in driver.visible_texts(), timeout=20000)
    args = (folder / "args").read_text().splitlines()
    assert args[:2] == ["-d", "may-in-mot-cua"] and args[-1].endswith(".pdf")
    if shutil.which("pdftotext"):
        printed = subprocess.run(["pdftotext", str(folder / "printed.pdf"), "-"], capture_output=True, text=True).stdout
        assert f"{code[:4]} {code[4:]}" in printed and "Chạm, vuốt và gõ chữ" in printed


def test_a_printer_that_fails_gets_a_plain_message(printing_driver):
    driver, _ = printing_driver(1)
    practise(driver)
    driver.click("takeSlip")
    driver.click("printSlip")
    driver.qtbot.waitUntil(lambda: slip_texts.PRINT_FAILED in driver.visible_texts(), timeout=20000)
    assert driver.button("printSlip").isVisible()  # can try again
