"""While a kiosk runs, cyclic garbage (such as a replaced page's widgets) is finalised on the
UI thread, never on a worker that happens to allocate (that crashed the kiosk)."""
import gc
import threading

from kiosk.app.main_thread_gc import MainThreadGc


class Cycle:
    finalised_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.finalised_on.append(threading.current_thread().name)


def test_a_worker_allocating_never_finalises_cycles_the_ui_thread_does(kiosk_app):
    assert not gc.isenabled()
    Cycle.finalised_on.clear()
    for _ in range(20):
        Cycle()

    def worker() -> None:
        junk = [[] for _ in range(200_000)]  # far past every threshold
        del junk

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert Cycle.finalised_on == []
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        for _ in range(3):
            MainThreadGc.collect()
    finally:
        gc.set_threshold(*thresholds)
    assert Cycle.finalised_on and set(Cycle.finalised_on) == {threading.current_thread().name}


def test_closing_the_kiosk_turns_automatic_collection_back_on(qtbot, settings, clock):
    from kiosk.app import KioskApp

    kiosk_app = KioskApp(settings, clock)
    qtbot.addWidget(kiosk_app.window)
    assert not gc.isenabled()
    kiosk_app.close()
    assert gc.isenabled()
