import pytest

from kiosk.vietnamese_input import apply_tone, keystrokes


@pytest.mark.parametrize(
    ("typed", "tone", "expected"),
    [
        ("Cam", "hỏi", "Cảm"),
        ("Cảm", "sắc", "Cám"),  # a new tone replaces the old one
        ("hoang", "huyền", "hoàng"),
        ("mia", "sắc", "mía"),
        ("cua", "hỏi", "của"),
        ("nguơi", "huyền", "nguời"),
        ("gia", "sắc", "giá"),
        ("quyên", "huyền", "quyền"),
        ("me", "nặng", "mẹ"),
        ("Cảm ơn con", "huyền", "Cảm ơn còn"),
        ("bcd", "sắc", "bcd"),
        ("", "sắc", ""),
    ],
)
def test_tone_goes_on_the_right_vowel_of_the_last_word(typed, tone, expected):
    assert apply_tone(typed, tone) == expected


def test_keystrokes_type_tones_after_their_letter():
    assert keystrokes("Cảm ơn") == [("char", "C"), ("char", "a"), ("tone", "hỏi"), ("char", "m"), ("char", " "), ("char", "ơ"), ("char", "n")]
