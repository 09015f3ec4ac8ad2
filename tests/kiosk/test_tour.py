"""The screenshot tour stops wherever a reviewer (and the layout audit) must see a screen."""
import collections
import re

from kiosk.tour import tour


def test_the_tour_stops_once_at_every_state_worth_a_picture(kiosk, clock, core_pack):
    names, pickers = [], {}
    for stop in tour(kiosk, clock, [lesson.id for lesson in core_pack.lessons]):
        names.append(stop.name)
        page = kiosk.view().page
        if stop.name.startswith("01-menu-") and stop.name != "01-menu-path":  # the path: tests/kiosk/test_intake_flow.py
            assert page.topic == stop.name.removeprefix("01-menu-").replace("topics", "")
        if "-picker" in stop.name:
            pickers[stop.name] = page.picker.query if getattr(page, "picker", None) else None
    assert [n for n, count in collections.Counter(names).items() if count > 1] == []
    pickers = {name.split("-", 1)[1]: query for name, query in pickers.items()}  # not the lesson's place in the tour
    assert pickers["dvc-lien-thong-khai-sinh-06-pick-commune-picker"] == ""
    assert pickers["dvc-lien-thong-khai-sinh-06-pick-commune-picker-typed"] == "dong x"
    assert "02-nhan-ma-otp-11-what-now-answered" in names
    explained = {name.split("-", 1)[1] for name in names if re.search(r"-(right|safe|wrong)-[\w-]+$", name)}
    assert {"an-toan-gia-danh-cong-an-02-answer-right-decline", "dvc-thanh-toan-phi-07-tap-confirm-safe-cancel",
            "an-toan-tin-nhan-doi-phi-03-signs-wrong-fee-link"} <= explained  # answers with words of their own are seen
    menus = ["01-menu-topics", *(f"01-menu-{topic.id}" for topic in core_pack.topics)]
    assert names[1:1 + len(menus)] == menus
    assert names[-1] == "91-idle-warning" and "90a-slip" in names
