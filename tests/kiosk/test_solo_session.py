"""A Tự làm run, without Qt: the goal said and shown, no step-by-step words, no highlight by
itself, Trợ giúp a level at a time (each level recorded), typing from the card; a judged drill:
a fresh case, no hints, each decision judged at the end."""
import dataclasses
import random

from content.fillings import fill

from kiosk import solo_texts as words
from kiosk import texts
from kiosk.intents import Choose, GoBack, Help, Repeat, Submit, Tap
from kiosk.lesson_runs import LessonRuns
from kiosk.solo_session import SoloSession
from kiosk.spoken_lines import KIOSK_GROUP, line_groups
from kiosk.walkthrough import correct_intents
from tests.kiosk.lesson_kit import type_text
from voice.lines import sentences

ACTIVATE = "vneid-kich-hoat-muc-2"
POLICE = "an-toan-gia-danh-cong-an"


def solo(pack, lesson_id, seed=3):
    return SoloSession(pack.lesson(lesson_id), random.Random(seed))


def answer(session):
    for intent in correct_intents(session):
        session.handle(intent)


def to_step(session, step_id):
    while session.step.id != step_id:
        answer(session)
    return session


def test_the_goal_is_said_and_shown_with_the_card_and_no_step_words(core_pack):
    session = solo(core_pack, ACTIVATE)
    lesson = core_pack.lesson(ACTIVATE)
    said = [text for text, _ in session.start().speak]
    assert said == [lesson.goal, words.START]
    view = session.view()
    assert view.mode == "solo" and view.goal == lesson.goal and view.instruction == ""
    assert ("Số định danh cá nhân", session.data["cccd"]) in view.card and ("Mật khẩu mới", "Lan@2026") in view.card
    assert session.step.id == "tap-activate"  # the intro (an info step) is passed over
    actions = [s for s in lesson.steps if s.kind != "info"]
    assert (view.step_number, view.step_count) == (1, len(actions))
    assert session.handle(Repeat()).speak == [(lesson.goal, False)]


def test_a_right_answer_moves_on_quietly_and_the_next_step_says_nothing(core_pack):
    session = solo(core_pack, ACTIVATE)
    result = session.handle(Tap("activate"))
    assert result.speak == [] and [a.outcome for a in result.attempts] == ["correct"]
    assert session.step.id == "type-cccd" and session.view().feedback == ""


def test_wrong_tries_never_light_the_target_and_point_to_help(core_pack):
    session = solo(core_pack, ACTIVATE)
    for _ in range(4):
        result = session.handle(Tap("login"))
        assert [a.outcome for a in result.attempts] == ["wrong"]
        assert session.view().highlight == ""
    view = session.view()
    assert view.feedback == f"{texts.WRONG} {words.HELP_IS_THERE}" and "tô vàng" not in view.feedback
    assert session.step.id == "tap-activate"


def test_help_gives_words_then_the_place_then_the_highlight_each_recorded(core_pack):
    session = solo(core_pack, ACTIVATE)
    step = session.step
    levels = []
    for _ in range(4):
        result = session.handle(Help())
        view = session.view()
        levels.append((view.hint_level, view.feedback, view.highlight, [(a.outcome, a.level) for a in result.attempts]))
    assert levels[0] == (1, words.NEXT.format(instruction=step.instruction), "", [("hint", 1)])
    assert levels[1] == (2, step.hint, "", [("hint", 2)])  # the step's hint says where the button is
    assert levels[2] == (3, words.LIT, "activate", [("hint", 3)])
    assert levels[3] == (3, words.LIT, "activate", [])  # nothing more to give: not a new hint
    assert session.hints == 3
    session.handle(Tap("activate"))
    assert session.view().hint_level == 0 and session.view().highlight == ""  # the next step starts afresh


def test_a_step_without_hint_words_is_given_its_place_on_the_screen(core_pack):
    session = to_step(solo(core_pack, ACTIVATE), "tap-send")
    session.handle(Help())
    session.handle(Help())
    assert session.view().feedback == 'Nút "Gửi yêu cầu" ở phần dưới màn hình điện thoại.'


def test_typing_steps_are_done_from_the_card(core_pack):
    session = solo(core_pack, ACTIVATE)
    card = dict(session.view().card)
    session.handle(Tap("activate"))
    type_text(session, card["Số định danh cá nhân"].replace(" ", ""))
    session.handle(Submit())
    assert session.step.id == "type-phone"
    session = to_step(session, "type-password")
    type_text(session, "Lan")
    session.handle(Submit())
    assert session.view().feedback_kind == "wrong" and "8 đến 20" in session.view().feedback  # the rule, not the answer


def test_solo_is_done_alone_with_at_most_one_hint(core_pack):
    for hints, alone in ((0, True), (1, True), (2, False)):
        session = solo(core_pack, ACTIVATE)
        for _ in range(hints):
            session.handle(Help())
        while True:
            before = session.index
            for intent in correct_intents(session):
                result = session.handle(intent)
            if result.finished:
                break
            assert session.index != before
        assert session.hints == hints and session.solo_done is alone
        assert session.run.mode == "solo" and session.run.alone is alone


def test_going_back_passes_over_info_steps_and_leaves_from_the_first(core_pack):
    session = to_step(solo(core_pack, ACTIVATE), "type-otp")  # after the info step "read-sms"
    session.handle(GoBack())
    assert session.step.id == "tap-send"
    first = solo(core_pack, ACTIVATE)
    assert first.handle(GoBack()).left


def test_a_judged_drill_gives_no_hints_and_says_nothing_about_answers(core_pack):
    session = solo(core_pack, POLICE)
    lesson = core_pack.lesson(POLICE)
    assert [t for t, _ in session.start().speak] == [lesson.goal, words.START_JUDGED, lesson.steps[0].instruction]
    view = session.view()
    assert view.goal == lesson.goal and view.instruction == lesson.steps[0].instruction and view.card == ()
    result = session.handle(Help())
    assert result.attempts == [] and session.view().feedback == words.NO_HINTS and session.view().highlight == ""


def test_a_judged_drill_keeps_the_first_answer_to_each_decision_and_judges_it_at_the_end(core_pack):
    session = solo(core_pack, POLICE)
    answer(session)  # intro
    result = session.handle(Tap("decline"))  # the safe choice: right, and praised only at the end
    assert session.step.id == "listen" and result.speak == [(session.step.instruction, False)]  # no "Đúng rồi"
    answer(session)
    session.handle(Tap("s-polite"))  # a box that is not a sign
    session.handle(Tap("check"))
    assert session.step.id == "decide"
    select = session.element("what-now")
    wrong = next(i for i, o in enumerate(select.options) if o.startswith("Đọc mã"))
    session.handle(Choose("what-now", wrong))
    assert session.step.id == "sms-intro" and session.view().feedback == ""
    while True:
        for intent in correct_intents(session):
            result = session.handle(intent)
        if result.finished:
            break
    verdicts = [(j.verdict, j.answer) for j in session.judgements]
    assert verdicts[0] == ("right", 'Bác chạm "Từ chối".')
    assert verdicts[1][0] == "wrong" and verdicts[2] == ("wrong", 'Bác chọn "Đọc mã cho nhanh rồi tính sau".')
    assert verdicts[3][0] == "right"
    polite, read_code = session.judgements[1], session.judgements[2]
    assert "lịch sự" in polite.why and "Còn thiếu" in polite.why  # its own why, then the signs missed
    assert read_code.why.startswith("Đọc mã là kẻ gian") and read_code.right == 'Cách đúng: "Cúp máy, rồi hỏi công an xã hoặc con cháu".'
    assert session.run.judged == (2, 4) and not session.solo_done
    assert session.outcome() == words.SCORE.format(right=2, total=4)


def test_a_judged_drill_shows_a_case_the_guided_run_did_not(core_pack):
    lesson = core_pack.lesson(POLICE)
    for seed in range(8):
        runs = LessonRuns()
        guided = runs.session(lesson, random.Random(seed))
        alone = runs.session(lesson, random.Random(seed), "solo")
        assert isinstance(alone, SoloSession) and alone.data["caller"] != guided.data["caller"]


def test_a_lesson_without_a_goal_opens_guided_when_asked_for_solo(core_pack):
    lesson = dataclasses.replace(core_pack.lesson(ACTIVATE), goal="", card=())
    assert LessonRuns().session(lesson, random.Random(1), "solo").mode == "guided"


def test_what_a_solo_run_says_in_its_own_words_can_be_recorded(core_pack):
    groups = {group.id: group for group in line_groups([core_pack])}
    kiosk_lines = set(groups[KIOSK_GROUP].lines)
    for lesson in (lesson for lesson in core_pack.lessons if lesson.has_solo):
        session = solo(core_pack, lesson.id)
        said = [session.goal, *words.SPOKEN, *(words.NEXT.format(instruction=fill(s.instruction, session.data)) for s in lesson.steps)]
        missing = [s for line in said for s in sentences(line) if s not in kiosk_lines | set(groups[lesson.id].lines)]
        assert not missing or groups[lesson.id].machine, (lesson.id, missing)
