"""Tự làm in the kiosk's flow, without Qt: offered after a guided run, opened in its mode, its
runs and hints recorded, and each lesson shown on the menu and the slip as chưa học, đã học có
hướng dẫn or đã tự làm được."""
from kiosk import slip_texts
from kiosk import solo_texts as words
from kiosk.actions import Speak
from kiosk.intents import BackToMenu, EndSession, Help, OpenLesson, OpenTopic, TakeSlip, Touched
from kiosk.tour import tour
from kiosk.views import CompletionView, LessonView, MenuView
from kiosk.walkthrough import complete_step

ACTIVATE = "vneid-kich-hoat-muc-2"
POLICE = "an-toan-gia-danh-cong-an"


def finish(kiosk, hints=0):
    """Answer every step rightly (Trợ giúp `hints` times on the first); the last actions."""
    for _ in range(hints):
        kiosk.handle(Help())
    actions = []
    while isinstance(kiosk.view().page, LessonView):
        actions = complete_step(kiosk)
    return actions


def tiles(kiosk, topic):
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenTopic(topic))
    page = kiosk.view().page
    assert isinstance(page, MenuView)
    return {t.lesson_id: (t.status, t.solo_done) for g in page.topics for t in g.tiles if g.id == topic}


def test_a_guided_run_ends_with_the_offer_to_try_alone(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE))
    actions = finish(kiosk)
    page = kiosk.view().page
    assert isinstance(page, CompletionView) and page.mode == "guided"
    assert page.offer_solo and page.lesson_id == ACTIVATE
    assert Speak(words.OFFER) in actions
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    finish(kiosk)
    kiosk.handle(OpenLesson(ACTIVATE))
    assert not any(isinstance(a, Speak) and a.text == words.OFFER for a in finish(kiosk))
    assert not kiosk.view().page.offer_solo  # done alone already: not offered again in this visit


def test_the_offer_opens_a_solo_run_and_its_end_says_how_it_went(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE))
    finish(kiosk)
    actions = kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    view = kiosk.view().page
    assert isinstance(view, LessonView) and view.mode == "solo" and view.goal and view.instruction == ""
    assert [a.text for a in actions if isinstance(a, Speak)][:2] == [view.goal, words.START]
    actions = finish(kiosk, hints=1)
    page = kiosk.view().page
    assert page.mode == "solo" and not page.offer_solo and page.outcome == words.DONE_ALONE
    assert Speak(words.DONE_ALONE) in actions


def test_the_menu_tells_not_learnt_learnt_guided_and_done_alone(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE))
    finish(kiosk)
    assert tiles(kiosk, "vneid")[ACTIVATE] == ("completed", False)  # đã học có hướng dẫn
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    finish(kiosk, hints=2)  # finished, but with two hints: still learnt with guidance
    assert tiles(kiosk, "vneid")[ACTIVATE] == ("completed", False)
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    finish(kiosk, hints=1)
    shown = tiles(kiosk, "vneid")
    assert shown[ACTIVATE] == ("completed", True)  # đã tự làm được
    assert {status for lesson, status in shown.items() if lesson != ACTIVATE} == {("", False)}  # chưa học
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    assert tiles(kiosk, "vneid")[ACTIVATE] == ("", False)  # the next citizen starts afresh


def test_the_slip_lists_lessons_done_alone_apart_from_those_learnt_guided(kiosk, core_pack):
    kiosk.handle(Touched())
    for lesson_id in (ACTIVATE, "cham-vuot-go-chu"):
        kiosk.handle(OpenLesson(lesson_id))
        finish(kiosk)
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    finish(kiosk)
    kiosk.handle(OpenLesson("vneid-dang-nhap"))
    kiosk.handle(BackToMenu())
    kiosk.handle(TakeSlip())
    slip = kiosk.view().page
    title = {lesson.id: lesson.title for lesson in core_pack.lessons}
    assert slip.solo_done == (title[ACTIVATE],)
    assert slip.completed == (title["cham-vuot-go-chu"],) and slip.unfinished == (title["vneid-dang-nhap"],)
    assert f"{slip_texts.SOLO_DONE}:\n- {title[ACTIVATE]}\n{slip_texts.COMPLETED}:\n- {title['cham-vuot-go-chu']}" in slip.text


def test_each_run_is_recorded_with_its_mode_and_each_hint_with_its_level(kiosk, store, clock):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE))
    clock.advance(10)
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    clock.advance(10)
    finish(kiosk, hints=3)
    kiosk.handle(OpenLesson(POLICE, "solo"))
    clock.advance(10)
    kiosk.handle(EndSession())
    runs = [(r["lesson_id"], r["mode"], r["status"], r["hint_count"], r["alone"]) for r in store.db["lesson_runs"].rows_where(order_by="started_at, rowid")]
    assert runs == [(ACTIVATE, "guided", "left", 0, None), (ACTIVATE, "solo", "completed", 3, 0), (POLICE, "solo", "left", 0, None)]
    solo_run = next(store.db["lesson_runs"].rows_where("mode = 'solo' AND status = 'completed'"))
    hints = store.db.execute("SELECT step_id, hint_level FROM attempts WHERE outcome = 'hint' AND run_id = ? ORDER BY id",
                             [solo_run["id"]]).fetchall()
    assert hints == [("tap-activate", 1), ("tap-activate", 2), ("tap-activate", 3)]
    summary = store.db["lesson_summaries"].get((solo_run["visit_id"], ACTIVATE))
    assert summary["status"] == "completed" and summary["hint_count"] == 3


def test_a_judged_drill_ends_on_its_result_page(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(POLICE))
    finish(kiosk)
    kiosk.handle(OpenLesson(POLICE, "solo"))
    actions = finish(kiosk)
    page = kiosk.view().page
    assert page.mode == "solo" and len(page.results) == 4 and {r.verdict for r in page.results} == {"right"}
    assert page.outcome == words.SCORE.format(right=4, total=4) and Speak(page.outcome) in actions
    assert tiles(kiosk, "an-toan")[POLICE] == ("completed", True)


def test_the_tour_shows_the_goal_each_hint_level_and_a_judged_result(kiosk, clock, core_pack):
    stops = {}
    for stop in tour(kiosk, clock, [lesson.id for lesson in core_pack.lessons]):
        page = kiosk.view().page
        if stop.name.startswith(("80-solo-", "81-judged-")):
            stops[stop.name] = page
    solo = {name.rsplit("-", 1)[-1]: page for name, page in stops.items() if name.startswith("80-solo-") and "-hint-" in name}
    assert [(level, page.hint_level, bool(page.highlight)) for level, page in sorted(solo.items())] == [
        ("1", 1, False), ("2", 2, False), ("3", 3, True)]
    goal = next(page for name, page in stops.items() if name.startswith("80-solo-") and name.endswith("-goal"))
    assert goal.mode == "solo" and goal.goal and len(goal.card) >= 5  # the longest card, for the layout audit
    result = next(page for name, page in stops.items() if name.startswith("81-judged-") and name.endswith("-result"))
    assert isinstance(result, CompletionView) and {r.verdict for r in result.results} >= {"right", "wrong"}
