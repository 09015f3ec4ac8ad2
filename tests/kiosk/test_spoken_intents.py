"""Spoken commands become the intents of the kiosk's own buttons ("Bước tiếp theo", "Bước trước")."""
import pytest

from kiosk.intents import Choose, Continue, ExplainTerm, GoBack, Submit
from kiosk.voice_commands import intents_for
from tests.kiosk.lesson_kit import session_at
from voice.grammar import CommandGrammar

VI = CommandGrammar.load("vi")


def heard(said, session):
    return intents_for(tuple(VI.for_step().match(said)), session)


@pytest.mark.parametrize(("said", "intent"), [
    ("bước tiếp theo", Continue()), ("bước tiếp", Continue()), ("tiếp tục", Continue()),
    ("bước trước", GoBack()), ("quay lại", GoBack()),
])
def test_the_kiosk_buttons_can_be_said_by_their_names(core_pack, said, intent):
    assert heard(said, session_at(core_pack, "nhan-ma-otp", "notice")) == [intent]


def test_next_submits_while_typing_and_moves_on_after_an_explained_answer(core_pack):
    typing = session_at(core_pack, "nhan-ma-otp", "type-code")
    assert heard("xong", typing) == [Submit()]
    answered = session_at(core_pack, "nhan-ma-otp", "what-now")
    options = answered.view().screen.element("what-now").options
    answered.handle(Choose("what-now", options.index("Không đọc mã, cúp máy ngay")))
    assert heard("bước tiếp theo", answered) == [Continue()]


@pytest.mark.parametrize("said", ["nghĩa là gì", "là gì", "mã OTP là gì", "nghĩa là sao ạ", "giải thích"])
def test_asking_what_a_word_means_explains_the_steps_next_word(core_pack, said):
    assert heard(said, session_at(core_pack, "nhan-ma-otp", "intro")) == [ExplainTerm()]
    assert heard(said, None) == []  # not in a lesson: no word to explain
