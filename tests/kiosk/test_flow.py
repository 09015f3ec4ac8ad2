from kiosk import texts
from kiosk.actions import Show, Speak, StopSpeech
from kiosk.intents import (
    BackToMenu,
    BackToTopics,
    Choose,
    EndSession,
    GoBack,
    OpenLesson,
    OpenTopic,
    Repeat,
    SetTextSize,
    StillHere,
    Swipe,
    Tap,
    Touched,
    TypeChar,
)
from kiosk.views import AttractView, CompletionView, LessonView, MenuView
from kiosk.walkthrough import complete_step


def shown(actions):
    return [a.view for a in actions if isinstance(a, Show)][-1]


def test_a_tap_on_the_attract_screen_starts_a_session_with_the_menu(kiosk, store, core_pack):
    assert isinstance(kiosk.view().page, AttractView)
    actions = kiosk.handle(Touched())
    view = shown(actions)
    assert isinstance(view.page, MenuView) and view.page.topic == ""  # the topics page first
    titles = [group.title for group in view.page.topics]
    assert titles[:2] == ["Làm quen với điện thoại", "VNeID"]
    assert [group.id for group in view.page.topics] == [topic.id for topic in core_pack.topics]
    assert Speak(texts.TOPICS_PROMPT) in actions
    assert store.db["visits"].count == 1


def test_menu_marks_lessons_started_and_completed_in_this_session_only(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    while isinstance(kiosk.view().page, LessonView):
        actions = complete_step(kiosk)
    assert isinstance(kiosk.view().page, CompletionView)
    assert any(isinstance(a, Speak) and "Chúc mừng" in a.text for a in actions)
    kiosk.handle(BackToMenu())
    statuses = {t.lesson_id: t.status for g in kiosk.view().page.topics for t in g.tiles if t.status}
    assert statuses == {"cham-vuot-go-chu": "completed", "vneid-kich-hoat-muc-2": "started"}
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    statuses = {t.lesson_id: t.status for g in kiosk.view().page.topics for t in g.tiles}
    assert set(statuses.values()) == {""}


def test_idle_warning_at_120_s_then_wipe_after_the_grace_period(kiosk, clock, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    clock.advance(119)
    assert kiosk.tick() == []
    clock.advance(1)
    actions = kiosk.tick()
    assert shown(actions).idle_seconds_left == 30
    assert any(isinstance(a, Speak) for a in actions)
    clock.advance(29)
    assert shown(kiosk.tick()).idle_seconds_left == 1
    clock.advance(1)
    actions = kiosk.tick()
    assert isinstance(actions[0], StopSpeech)
    assert isinstance(shown(actions).page, AttractView)
    assert store.db.execute("select end_reason from visits").fetchone()[0] == "idle"


def test_still_here_keeps_the_lesson_and_everything_typed(kiosk, clock):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    complete_step(kiosk)  # past the introduction
    kiosk.handle(Tap("activate"))
    kiosk.handle(TypeChar("0"))
    clock.advance(125)
    kiosk.tick()
    view = shown(kiosk.handle(StillHere()))
    assert view.idle_seconds_left is None
    assert view.page.values == {"cccd": "0"}
    clock.advance(100)
    assert kiosk.tick() == []  # the idle clock started again


def test_after_the_wipe_nothing_of_the_previous_citizen_remains(kiosk, clock):
    kiosk.handle(Touched())
    kiosk.handle(SetTextSize("large"))
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    first_session = kiosk.view().session
    clock.advance(150)
    kiosk.tick()
    view = kiosk.view()
    assert isinstance(view.page, AttractView) and view.session != first_session
    assert view.text_size == "normal"
    view = shown(kiosk.handle(Touched()))
    assert isinstance(view.page, MenuView)
    assert all(t.status == "" for g in view.page.topics for t in g.tiles)


def test_no_countdown_on_the_attract_screen(kiosk, clock):
    clock.advance(10_000)
    assert kiosk.tick() == []


def test_a_database_that_refuses_writes_does_not_stop_the_lesson(kiosk, store):
    kiosk.handle(Touched())
    store.db.execute("PRAGMA query_only = ON")
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    complete_step(kiosk)
    assert kiosk.lesson_session.step.id == "open-messages"
    assert "Không ghi được" in kiosk.store_problem


def test_a_drag_of_the_phone_that_answers_no_step_only_keeps_the_session_alive(kiosk, clock, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    clock.advance(100)
    assert kiosk.handle(Swipe("up")) == []  # the introduction: not even StopSpeech
    assert kiosk.lesson_session.step.id == "welcome"
    clock.advance(100)
    assert kiosk.tick() == []  # the drag counted as a touch: no idle warning yet
    assert store.db.execute("select count(*) from attempts").fetchone()[0] == 0


def test_a_swipe_step_is_answered_by_a_drag_of_the_phone(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    while kiosk.lesson_session.step.kind != "swipe":
        complete_step(kiosk)
    actions = kiosk.handle(Swipe("up"))
    assert isinstance(actions[0], StopSpeech)
    assert shown(actions).page.step_kind == "tap"
    assert kiosk.lesson_session.step.id == "open-chat"


def test_an_explained_answer_counts_once_in_the_progress(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("an-toan-gia-danh-cong-an"))
    steps = len(kiosk.lesson_session.lesson.steps)
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
    summary = next(store.db["lesson_summaries"].rows_where("lesson_id = ?", ["an-toan-gia-danh-cong-an"]))
    assert summary["status"] == "completed" and summary["steps_done"] == steps
    assert store.db["attempts"].count == steps


def test_a_topic_opens_its_lessons_and_goes_back_to_the_topics(kiosk):
    kiosk.handle(Touched())
    actions = kiosk.handle(OpenTopic("vneid"))
    page = shown(actions).page
    assert page.topic == "vneid"
    assert Speak(f"VNeID. {texts.LESSONS_PROMPT}") in actions
    assert [t.lesson_id for g in page.topics if g.id == page.topic for t in g.tiles][:2] == ["vneid-kich-hoat-muc-2", "vneid-dang-nhap"]
    assert shown(kiosk.handle(BackToTopics())).page.topic == ""
    assert kiosk.handle(OpenTopic("no-such-topic")) == [] and kiosk.view().page.topic == ""


def test_leaving_a_lesson_returns_to_its_topic_and_a_new_citizen_starts_at_the_topics(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("dvc-thanh-toan-phi"))
    assert shown(kiosk.handle(BackToMenu())).page.topic == "dich-vu-cong"
    kiosk.handle(OpenTopic("an-toan"))
    kiosk.handle(OpenLesson("nhan-ma-otp"))  # a lesson of another topic
    assert shown(kiosk.handle(GoBack())).page.topic == "lam-quen"  # back from its first step
    assert shown(kiosk.handle(BackToMenu())).page.topic == ""  # "về trang chủ" on a topic: the topics
    kiosk.handle(OpenTopic("vneid"))
    kiosk.handle(EndSession())
    assert shown(kiosk.handle(Touched())).page.topic == ""


def test_nghe_lai_on_the_completion_page_reads_what_was_practised(kiosk, core_pack):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("an-toan-tin-nhan-doi-phi"))
    while not isinstance(kiosk.view().page, CompletionView):
        complete_step(kiosk)
    page = kiosk.view().page
    (spoken,) = [a.text for a in kiosk.handle(Repeat()) if isinstance(a, Speak)]
    assert spoken.startswith(texts.PRACTISED) and all(card in spoken for card in page.recap)
    assert core_pack.lesson("an-toan-tin-nhan-doi-phi").remember in spoken  # the drill's one rule, last
    assert kiosk.view().page == page


def test_after_two_wrong_choices_only_the_right_option_is_lit(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("an-toan-tin-nhan-doi-phi"))
    while kiosk.lesson_session.step.id != "fee-decide":
        complete_step(kiosk)
    step = kiosk.lesson_session.step
    (select,) = [e for e in kiosk.view().page.screen.elements if e.id == step.target]
    options = list(select.options)
    wrong = next(i for i, text in enumerate(options) if text.startswith("Bấm link"))
    for _ in range(2):
        kiosk.handle(Choose(step.target, wrong))
    assert kiosk.view().page.highlight == f"{step.target}:{options.index(step.expect)}"
