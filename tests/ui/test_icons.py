"""The topic icons: every name a pack may give a topic or an intake tile is drawn, and each
built-in topic has a picture of its own."""
from content.model import TOPIC_ICONS
from ui.icons import topic_icon


def test_every_topic_icon_a_pack_may_name_is_drawn(qapp):
    for name in sorted(TOPIC_ICONS):
        image = topic_icon(name, 32).toImage()
        drawn = sum(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32))
        assert drawn > 32 * 32 // 4, name  # a picture, not an empty square


def test_each_built_in_topic_has_its_own_icon(core_pack):
    icons = [topic.icon for topic in core_pack.topics]
    assert len(set(icons)) == len(icons), icons
