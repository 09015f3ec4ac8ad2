"""The theme's colours and sizes (every rendered screen is checked by the pack audit:
tests/ui/test_audit_core_pack.py)."""
from ui.style import Look
from ui.theme import PAIRS, contrast


def test_theme_colours_reach_aaa_contrast():
    weak = {name: round(contrast(fg, bg), 2) for name, (fg, bg) in PAIRS.items() if contrast(fg, bg) < 7}
    assert weak == {}


def test_touch_target_sizes_follow_the_screen_dpi():
    assert Look("", 96.0).min_target == 57  # 15 mm at 96 dpi
    assert Look("", 160.0).main_target == 126  # 20 mm at 160 dpi
