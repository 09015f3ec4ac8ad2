from kiosk import texts
from kiosk.intents import Choose, Continue, Erase, GoBack, Help, Repeat, Submit, Swipe, Tap, TypeTone
from tests.kiosk.lesson_kit import session_at, type_text


def test_wrong_tap_is_gentle_then_highlights_the_target_after_the_second(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "tap-activate")
    first = session.handle(Tap("login"))
    assert session.view().feedback == texts.WRONG
    assert session.view().highlight == ""
    assert [a.outcome for a in first.attempts] == ["wrong"]
    session.handle(Tap("login"))
    view = session.view()
    assert view.highlight == "activate"
    assert "tô vàng" in view.feedback
    assert session.step.id == "tap-activate"  # no penalty beyond feedback: still the same step


def test_help_shows_hint_highlights_and_is_recorded_once(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "tap-activate")
    first = session.handle(Help())
    second = session.handle(Help())
    assert session.view().highlight == "activate"
    assert "Đăng nhập" in session.view().feedback  # the step's own hint
    assert [a.outcome for a in first.attempts] == ["hint"] and second.attempts == []


def test_typing_shows_in_the_field_and_wrong_number_is_refused(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "type-cccd")
    view = session.view()
    assert view.keyboard == "digits" and view.focus == "cccd"
    type_text(session, "0012")
    assert session.view().values["cccd"] == "0012"
    session.handle(Erase())
    assert session.view().values["cccd"] == "001"
    session.handle(Submit())
    assert session.step.id == "type-cccd"
    assert session.view().feedback_kind == "wrong"


def test_password_rules_are_explained_in_vietnamese(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "type-password")
    type_text(session, "abc")
    session.handle(Submit())
    feedback = session.view().feedback
    assert "8 đến 20 ký tự" in feedback and "chữ in hoa" in feedback and "ký tự đặc biệt" in feedback
    for _ in range(3):
        session.handle(Erase())
    type_text(session, "Lan@2026")
    session.handle(Submit())
    assert session.step.id == "repeat-password"


def test_confirmation_must_match_the_first_entry(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "repeat-passcode")
    type_text(session, "111111")
    session.handle(Submit())
    assert texts.NOT_SAME in session.view().feedback
    assert session.step.id == "repeat-passcode"


def test_vietnamese_with_tone_keys_is_accepted(core_pack):
    session = session_at(core_pack, "cham-vuot-go-chu", "type-reply")
    type_text(session, "Cam")
    session.handle(TypeTone("hỏi"))
    type_text(session, " ơn con")
    assert session.view().values["reply"] == "Cảm ơn con"
    session.handle(Submit())
    assert session.step.id == "send-reply"


def test_choose_any_option_for_security_question(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "choose-question-1")
    session.handle(Choose("pick-1", 2))
    assert session.step.id == "answer-question-1"
    assert session.view().chosen == {"pick-1": 2}


def test_back_goes_to_previous_step_and_leaves_from_the_first(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "type-cccd")
    session.handle(GoBack())
    assert session.step.id == "tap-activate"
    session.handle(GoBack())
    assert session.handle(GoBack()).left


def test_repeat_speaks_the_instruction_again_slowly_on_request(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "tap-send")
    assert session.handle(Repeat(slow=True)).speak == [(session.step.instruction, True)]


def test_continue_only_moves_on_from_information_steps(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "tap-activate")
    session.handle(Continue())
    assert session.step.id == "tap-activate"
    assert session.view().feedback == texts.ACT_ON_PHONE


def test_data_placeholders_are_filled_consistently(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "type-otp")
    view = session.view()
    sms = view.screen.element("otp-notice").value
    assert "{" not in sms and "{" not in view.instruction
    assert session.step.expect in sms


def test_the_inbox_is_swiped_up_and_the_wrong_way_says_which_way(core_pack):
    session = session_at(core_pack, "cham-vuot-go-chu", "swipe-inbox")
    view = session.view()
    assert view.swipe == "up" and len(view.screen.elements) >= 8  # long enough to need scrolling
    wrong = session.handle(Swipe("down"))
    assert [a.outcome for a in wrong.attempts] == ["wrong"]
    assert session.step.id == "swipe-inbox"
    assert texts.SWIPE_HOW["up"] in session.view().feedback and "kéo lên trên" in wrong.speak[0][0]
    session.handle(Tap("msg-lan"))  # a tap is not a swipe: the second wrong try adds the hint
    assert "giữ nguyên rồi kéo nhẹ lên" in session.view().feedback
    right = session.handle(Swipe("up"))
    assert [a.outcome for a in right.attempts] == ["correct"]
    assert session.step.id == "open-chat" and session.view().swipe == ""


def test_help_on_a_swipe_step_says_how_to_swipe(core_pack):
    session = session_at(core_pack, "cham-vuot-go-chu", "swipe-inbox")
    session.handle(Help())
    assert "kéo nhẹ lên phía trên" in session.view().feedback


def test_a_drag_on_any_other_step_means_nothing(core_pack):
    session = session_at(core_pack, "cham-vuot-go-chu", "open-chat")
    session.handle(Tap("msg-son"))
    before = session.view()
    result = session.handle(Swipe("up"))
    assert result.speak == [] and result.attempts == []
    assert session.view() == before


def test_praise_is_spoken_and_the_next_step_opens_without_stale_feedback(core_pack):
    session = session_at(core_pack, "cham-vuot-go-chu", "open-messages")
    assert not session.view().can_continue  # a step done on the phone: no next-step button
    result = session.handle(Tap("app-messages"))
    assert result.speak == [(texts.CORRECT, False), (session.step.instruction, False)]
    view = session.view()
    assert session.step.id == "swipe-inbox"
    assert (view.feedback, view.feedback_kind) == ("", "")


def test_an_explained_answer_stays_on_its_step_until_the_next_step_button(core_pack):
    session = session_at(core_pack, "nhan-ma-otp", "what-now")
    options = session.view().screen.element("what-now").options
    answered = session.handle(Choose("what-now", options.index("Không đọc mã, cúp máy ngay")))
    assert [a.outcome for a in answered.attempts] == ["correct"]
    view = session.view()
    assert session.step.id == "what-now" and view.can_continue
    assert view.feedback == "Đúng rồi! " + session.step.explain and view.feedback_kind == "ok"
    assert answered.speak[-1][0] == texts.READ_THEN_CONTINUE
    tapped = session.handle(Choose("what-now", 0))  # the phone waits: only a note, no attempt
    assert tapped.attempts == [] and session.view().feedback == texts.PRESS_NEXT
    assert session.view().feedback_kind == "info" and session.step.id == "what-now"
    moved = session.handle(Continue())
    assert moved.attempts == [] and moved.speak == [(session.step.instruction, False)]
    assert session.step.id == "rule" and session.view().feedback == ""


def test_next_step_button_shows_on_information_steps(core_pack):
    session = session_at(core_pack, "nhan-ma-otp", "notice")
    assert session.view().can_continue
    session.handle(Tap("notice"))
    assert session.view().feedback == texts.READ_THEN_CONTINUE
    assert "Bước tiếp theo" in texts.READ_THEN_CONTINUE


def test_the_message_with_the_code_is_named_and_on_top_while_typing_it(core_pack):
    session = session_at(core_pack, "vneid-kich-hoat-muc-2", "type-otp")
    view = session.view()
    assert view.targets == ("otp-field",) and view.needs == ("otp-notice",)
    assert view.screen.elements[0].id == "otp-notice" and view.screen.elements[0].kind == "notification"
    tapped = session.handle(Tap("otp-notice"))  # reading it is not a mistake
    assert tapped.attempts == [] and session.view().feedback_kind == "info"
    assert texts.READ_ONLY in session.view().feedback and texts.TYPE_WITH_KEYBOARD in session.view().feedback


def test_targets_name_what_the_step_asks_for(core_pack):
    assert session_at(core_pack, "an-toan-gia-danh-cong-an", "signs").view().targets == ("s-unknown", "s-asks", "s-rush", "check")
    assert session_at(core_pack, "an-toan-gia-danh-cong-an", "listen").view().targets == ()
    assert session_at(core_pack, "nhan-ma-otp", "what-now").view().targets == ("what-now",)


def test_everything_a_lesson_may_say_is_there_to_pre_render(core_pack):
    swipe = session_at(core_pack, "cham-vuot-go-chu", "welcome").lines()
    assert texts.SWIPE_HOW["up"] in swipe and texts.PRESS_NEXT in swipe
    quiz = session_at(core_pack, "nhan-ma-otp", "intro")
    assert "Đúng rồi! " + quiz.lesson.steps[-2].explain in quiz.lines()


def test_a_number_shown_in_groups_is_typed_with_or_without_its_spaces(core_pack):
    for typed in ("{digits}", "{grouped}"):
        session = session_at(core_pack, "dvc-dang-nhap-vneid", "type-cccd")
        expect = session.step.expect
        assert " " in expect and session.view().keyboard == "text"  # a field on the computer: the letter keyboard
        type_text(session, typed.format(digits=expect.replace(" ", ""), grouped=expect))
        session.handle(Submit())
        assert session.step.id == "type-password"
