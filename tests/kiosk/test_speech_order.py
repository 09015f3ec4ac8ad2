"""The praise for a right answer and the next instruction are heard, not cut off by each other."""
from kiosk.actions import Show, Speak, StopSpeech
from kiosk.intents import OpenLesson, Tap, Touched
from kiosk.speech_order import joined_speech
from kiosk.walkthrough import complete_step


def test_lines_said_back_to_back_become_one_utterance():
    actions = [StopSpeech(), Speak("Đúng rồi! Bác làm tốt lắm."), Speak("Bác chạm vào nút Gửi.")]
    assert joined_speech(actions) == [StopSpeech(), Speak("Đúng rồi! Bác làm tốt lắm. Bác chạm vào nút Gửi.")]


def test_a_slow_line_or_anything_between_keeps_them_apart():
    slow = [Speak("Một."), Speak("Hai.", slow=True)]
    assert joined_speech(slow) == slow
    apart = [Speak("Một."), StopSpeech(), Speak("Hai.")]
    assert joined_speech(apart) == apart


def test_a_right_tap_says_the_praise_and_the_next_instruction_together(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    session = kiosk.lesson_session
    while session.step.kind != "tap":
        complete_step(kiosk)
    actions = joined_speech(kiosk.handle(Tap(session.step.target)))
    said = [a for a in actions if isinstance(a, Speak)]
    assert len(said) == 1 and said[0].text.startswith("Đúng rồi") and session.step.instruction in said[0].text
    assert isinstance(actions[1], Show)  # the new step shows before its words are said
