"""Words a citizen may not know: the core lists the glossary's words in the words a step shows,
and a word asked about (its button, or "nghĩa là gì" said) is shown and said, on that step only."""
from kiosk import texts
from kiosk.actions import Prerender, Speak
from kiosk.intents import Continue, ExplainTerm, GoBack, Heard, Help, OpenLesson, Touched
from kiosk.spoken_lines import kiosk_group
from kiosk.views import LessonView
from kiosk.walkthrough import correct_intents

OTP = "Mã OTP là dãy số gửi qua tin nhắn, chỉ dùng một lần và trong vài phút để xác nhận đúng là bác đang làm."


def open_at(kiosk, lesson_id, step_id, mode="guided"):
    kiosk.handle(Touched())
    actions = kiosk.handle(OpenLesson(lesson_id, mode=mode))
    while kiosk.lesson_session.step.id != step_id:
        for intent in correct_intents(kiosk.lesson_session):
            kiosk.handle(intent)
    return actions


def page(kiosk) -> LessonView:
    view = kiosk.view().page
    assert isinstance(view, LessonView)
    return view


def said(actions):
    return [a.text for a in actions if isinstance(a, Speak)]


def test_a_step_lists_the_words_of_its_instruction_and_a_tap_shows_and_says_one(kiosk):
    opened = open_at(kiosk, "nhan-ma-otp", "intro")
    assert page(kiosk).terms == (("mã OTP", OTP),) and page(kiosk).meaning == ""
    assert OTP in next(a for a in opened if isinstance(a, Prerender)).texts  # ready to be said at once
    assert said(kiosk.handle(ExplainTerm("mã OTP"))) == [OTP]
    assert page(kiosk).meaning == OTP


def test_the_explanation_goes_with_its_step_and_does_not_come_back(kiosk):
    open_at(kiosk, "nhan-ma-otp", "intro")
    kiosk.handle(ExplainTerm("mã OTP"))
    kiosk.handle(Continue())
    assert page(kiosk).meaning == "" and page(kiosk).terms == ()  # the next step has no such word
    kiosk.handle(GoBack())
    assert page(kiosk).terms == (("mã OTP", OTP),) and page(kiosk).meaning == ""


def test_saying_nghia_la_gi_explains_the_steps_first_word_then_the_next(kiosk):
    open_at(kiosk, "nhan-ma-otp", "done")  # "Xác thực thành công. Mã OTP chỉ dùng được một lần …"
    assert [term for term, _ in page(kiosk).terms] == ["xác thực", "mã OTP"]
    first = kiosk.handle(Heard("nghĩa là gì", ("meaning",), True))
    assert said(first)[0].startswith("Xác thực là") and page(kiosk).meaning.startswith("Xác thực là")
    assert said(kiosk.handle(Heard("là gì", ("meaning",), True))) == [OTP]
    assert said(kiosk.handle(ExplainTerm())) == [said(first)[0]]  # round again


def test_a_step_without_such_words_says_so_and_a_button_of_a_step_gone_does_nothing(kiosk):
    open_at(kiosk, "nhan-ma-otp", "notice")
    assert page(kiosk).terms == ()
    assert said(kiosk.handle(ExplainTerm())) == [texts.NO_WORDS_TO_EXPLAIN]
    assert kiosk.handle(ExplainTerm("mã OTP")) == [] and page(kiosk).meaning == ""


def test_no_buttons_while_a_keyboard_is_up_but_a_word_asked_by_voice_is_said(kiosk):
    open_at(kiosk, "nhan-ma-otp", "type-code")
    assert page(kiosk).keyboard == "digits" and page(kiosk).terms == ()
    assert said(kiosk.handle(ExplainTerm())) == [OTP]
    assert page(kiosk).meaning == ""  # no room beside the phone: said, not shown


def test_no_buttons_while_a_computer_stands_beside_the_phone(kiosk):
    open_at(kiosk, "dvc-dang-nhap-vneid", "about-qr")  # "Máy tính hiện mã QR đăng nhập." (a glossary word)
    assert page(kiosk).computer is not None and page(kiosk).terms == ()


def test_a_hint_shown_offers_the_buttons_of_its_words(kiosk):
    open_at(kiosk, "vneid-so-suc-khoe", "open-book")
    assert [term for term, _ in page(kiosk).terms] == ["mức 2"]
    kiosk.handle(Help())  # its hint names "Tích hợp thông tin"
    assert [term for term, _ in page(kiosk).terms] == ["mức 2", "tích hợp"]


def test_a_solo_run_offers_the_words_of_its_goal(kiosk):
    open_at(kiosk, "vneid-kich-hoat-muc-2", "tap-activate", mode="solo")
    view = page(kiosk)
    assert view.mode == "solo" and view.instruction == "" and [term for term, _ in view.terms] == ["mức 2"]


def test_a_judged_drills_solo_run_explains_nothing(kiosk):
    open_at(kiosk, "an-toan-gia-danh-cong-an", "intro", mode="solo")  # its words name "mã OTP"
    assert page(kiosk).instruction and page(kiosk).terms == ()
    assert said(kiosk.handle(ExplainTerm())) == [texts.NO_WORDS_TO_EXPLAIN]


def test_every_explanation_is_a_line_staff_can_record(core_pack):
    lines = kiosk_group([core_pack]).lines
    assert all(term.says in lines for term in core_pack.glossary.terms)
    assert texts.NO_WORDS_TO_EXPLAIN.split(". ")[0] + "." in lines


def test_a_word_past_the_two_buttons_is_reached_by_voice_and_shown(kiosk):
    open_at(kiosk, "vneid-kich-hoat-muc-2", "success")  # định danh điện tử, mức 2, passcode
    assert len(page(kiosk).terms) == 2
    heard = [said(kiosk.handle(Heard("nghĩa là gì", ("meaning",), True)))[0] for _ in range(3)]
    assert heard[2].startswith("Passcode") and page(kiosk).meaning == heard[2]
    assert heard[:2] == [says for _, says in page(kiosk).terms]


def test_a_second_touch_on_the_words_button_closes_its_explanation(kiosk):
    open_at(kiosk, "nhan-ma-otp", "intro")
    kiosk.handle(ExplainTerm("mã OTP"))
    assert page(kiosk).meaning == OTP
    assert said(kiosk.handle(ExplainTerm("mã OTP"))) == [] and page(kiosk).meaning == ""
    assert said(kiosk.handle(ExplainTerm("mã OTP"))) == [OTP]  # and opens again
