"""Long option lists as a picker: a few letters, tone marks optional, find the right name."""
import pytest

from content import places
from kiosk import texts
from kiosk.intents import Choose, ClosePicker, Erase, Help, Submit, Tap, TypeTone
from kiosk.picker import fold, matches, short_query
from kiosk.voice_commands import intents_for
from kiosk.walkthrough import correct_intents
from tests.kiosk.lesson_kit import session_at, type_text

COMMUNES = places.find_province("Đồng Nai").communes
PROVINCES = tuple(p.option for p in places.provinces())


def named(options, query):
    return [options[i] for i in matches(options, query)]


def test_folding_drops_case_tone_marks_and_diacritics():
    assert fold("Phường Đồng Xoài") == "phuong dong xoai"
    assert fold("ĐẮK LẮK") == "dak lak"


@pytest.mark.parametrize("query", ["dong xoai", "Đồng X", "DONG XO", "xoai", "phuong dong xoai", "  dong   xoai "])
def test_every_word_typed_starts_a_word_of_the_name(query):
    assert named(COMMUNES, query) == ["Phường Đồng Xoài"]


def test_words_must_come_in_order_and_nothing_typed_lists_everything():
    assert named(COMMUNES, "xoai dong") == []
    assert named(COMMUNES, "oai") == []  # the start of a word, not any part of it
    assert matches(COMMUNES, "") == tuple(range(len(COMMUNES)))
    assert named(PROVINCES, "dong") == ["Tỉnh Đồng Nai", "Tỉnh Đồng Tháp", "Tỉnh Lâm Đồng"]


def test_a_short_query_is_what_a_person_would_type():
    assert short_query(COMMUNES, "Phường Đồng Xoài") == "dong x"
    assert short_query(PROVINCES, "Tỉnh Đồng Nai") == "dong"
    assert "Tỉnh Đồng Nai" in named(PROVINCES, short_query(PROVINCES, "Tỉnh Đồng Nai"))


def test_tapping_a_long_select_opens_a_picker_that_narrows_as_letters_are_typed(core_pack):
    session = session_at(core_pack, "dvc-lien-thong-khai-sinh", "pick-commune")
    assert session.view().picker is None and session.view().keyboard == ""
    opened = session.handle(Tap("commune"))
    view = session.view()
    assert view.picker is not None and view.keyboard == "text"
    assert view.picker.element == "commune" and view.picker.query == "" and len(view.picker.matches) > 90
    assert view.picker.highlight == -1 and opened.speak == [(texts.PICKER_HOW, False)] and opened.attempts == []
    type_text(session, "Đông")
    session.handle(TypeTone("huyền"))  # tone marks may be typed too: "Đồng"
    type_text(session, " xa")
    assert session.view().picker.query == "Đồng xa" and session.view().picker.matches == ()
    session.handle(Erase())
    options = view.screen.element("commune").options
    assert [options[i] for i in session.view().picker.matches] == ["Phường Đồng Xoài"]
    result = session.handle(Choose("commune", options.index("Phường Đồng Xoài")))
    assert [a.outcome for a in result.attempts] == ["correct"]
    assert session.step.id == "tap-agree" and session.view().picker is None
    assert session.view().chosen["commune"] == options.index("Phường Đồng Xoài")


def test_two_wrong_names_open_the_picker_on_the_right_one(core_pack):
    session = session_at(core_pack, "dvc-lien-thong-khai-sinh", "pick-commune")
    options = session.view().screen.element("commune").options
    right = options.index("Phường Đồng Xoài")
    session.handle(Tap("commune"))
    type_text(session, "bien")
    first = session.handle(Choose("commune", options.index("Phường Biên Hòa")))
    assert [a.outcome for a in first.attempts] == ["wrong"] and session.view().picker is None
    session.handle(Tap("commune"))
    type_text(session, "bien")
    session.handle(Choose("commune", options.index("Phường Biên Hòa")))
    picker = session.view().picker
    assert picker is not None and picker.highlight == right and right in picker.matches
    assert session.view().highlight == "commune" and "dong xoai" in session.view().feedback


def test_help_opens_the_picker_with_the_right_name_highlighted(core_pack):
    session = session_at(core_pack, "vneid-dang-ky-tam-tru", "pick-province")
    session.handle(Help())
    picker = session.view().picker
    options = session.view().screen.element("province").options
    assert picker is not None and picker.highlight == options.index("Tỉnh Đồng Nai")


def test_closing_the_picker_chooses_nothing_and_done_picks_the_one_name_left(core_pack):
    session = session_at(core_pack, "vneid-dang-ky-tam-tru", "pick-province")
    session.handle(Tap("province"))
    assert session.handle(ClosePicker()).attempts == []
    assert session.view().picker is None and session.view().chosen.get("province") is None
    session.handle(Tap("province"))
    type_text(session, "dong")
    session.handle(Submit())  # three names left: pick one with a finger
    assert session.view().feedback == texts.PICK_FROM_LIST and session.step.id == "pick-province"
    type_text(session, " n")
    assert [a.outcome for a in session.handle(Submit()).attempts] == ["correct"]
    assert session.step.id == "pick-commune"


def test_a_short_list_stays_inline(core_pack):
    session = session_at(core_pack, "dvc-lien-thong-khai-sinh", "pick-sex")
    assert correct_intents(session) == [Choose("sex", 0)]
    session.handle(Choose("sex", 1))
    assert session.view().picker is None and session.step.id == "tap-attach"


def test_a_name_can_still_be_chosen_by_voice_with_the_picker_open(core_pack):
    session = session_at(core_pack, "dvc-lien-thong-khai-sinh", "pick-commune")
    session.handle(Tap("commune"))
    (intent,) = intents_for(("choose:Phường Đồng Xoài",), session)
    session.handle(intent)
    assert session.step.id == "tap-agree"


def test_the_walkthrough_opens_the_picker_types_a_few_letters_then_chooses(core_pack):
    session = session_at(core_pack, "dvc-lien-thong-khai-sinh", "pick-commune")
    tap, *letters, choose = correct_intents(session)
    assert tap == Tap("commune") and "".join(k.char for k in letters) == "dong x"
    options = session.view().screen.element("commune").options
    assert choose == Choose("commune", options.index("Phường Đồng Xoài"))
