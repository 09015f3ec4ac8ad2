"""The running kiosk app writes statements with its progress and, when an LRS is set,
sends them from a background thread that ends with the app."""
import dataclasses
import json
import random
import threading

from lrs_helpers import PASSWORD, USER

from kiosk.app import KioskApp
from kiosk.intents import EndSession, OpenLesson, Touched
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from kiosk.xapi.forwarder import roll_up_status


def forwarder_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "xapi-forwarder"]


def practise_one_lesson(kiosk_app) -> None:
    kiosk_app.send(Touched())
    kiosk_app.send(OpenLesson("cham-vuot-go-chu"))
    while isinstance(kiosk_app.kiosk.view().page, LessonView):
        complete_step(kiosk_app.kiosk)
    kiosk_app.send(EndSession())


def test_the_app_sends_a_lesson_to_the_lrs_in_the_background_and_stops_with_it(qtbot, settings, clock, ralph):
    settings = dataclasses.replace(settings, lrs_url=ralph.url, lrs_username=USER, lrs_password=PASSWORD)
    kiosk_app = KioskApp(settings, clock, random.Random(5))
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.start_forwarder()
    practise_one_lesson(kiosk_app)
    kiosk_app.forwarder.wake()
    qtbot.waitUntil(lambda: kiosk_app.forwarder.status().counts.sent == 3, timeout=15000)
    assert roll_up_status(kiosk_app.store.path, kiosk_app.forwarder).line_vi() == "Đã gửi hết số liệu lên tỉnh (3 bản ghi)."
    first = json.loads(kiosk_app.store.db.execute("select statement from outbox").fetchone()[0])
    assert len(ralph.statements(registration=first["context"]["registration"])) == 3
    kiosk_app.close()
    assert forwarder_threads() == []


def test_without_an_lrs_statements_wait_on_the_kiosk_for_a_usb_export(qtbot, settings, clock):
    kiosk_app = KioskApp(settings, clock, random.Random(5))
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.start_forwarder()
    assert kiosk_app.forwarder is None and forwarder_threads() == []
    practise_one_lesson(kiosk_app)
    status = roll_up_status(kiosk_app.store.path, kiosk_app.forwarder)
    assert status.counts.waiting == 3
    assert status.line_vi() == "Chưa cài máy chủ số liệu của tỉnh: 3 bản ghi đang giữ trên trạm (có thể xuất ra USB)."
    kiosk_app.close()
