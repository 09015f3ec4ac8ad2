"""Vietnamese words of "Tự làm", a lesson done without step-by-step guidance (kiosk.solo_session):
said and shown by the core; ui/ shows the page words (SHOWN below) too."""

# Said as a Tự làm run starts (after the lesson's goal).
START = "Thông tin cần dùng có trên phiếu bên trái. Cần gợi ý thì bác bấm nút Trợ giúp."
START_JUDGED = "Lần này máy không gợi ý. Cuối bài, máy sẽ nói bác làm đúng chỗ nào."

# Trợ giúp, a level at a time: the next thing in words, then the place, then the highlight.
NEXT_LEAD = "Bác làm tiếp như sau."
NEXT = NEXT_LEAD + " {instruction}"  # the step's own words follow: sentences already recorded
LIT = "Chỗ cần làm đang được tô vàng."
NO_HINTS = "Phần này không có gợi ý. Cuối bài máy sẽ chấm."
HELP_IS_THERE = "Cần gợi ý thì bác bấm nút Trợ giúp."

# The place of a thing on the practice screens (level 2).
PLACE = "{thing} ở {where} màn hình {device}."
ON_SCREEN = "{thing} ở trên màn hình {device}."
WHERE = ("phần trên", "khoảng giữa", "phần dưới")
DEVICE = {"phone": "điện thoại", "computer": "máy tính"}
THING = {  # element kind → how a thing is named (content/STYLE.md: nút, dòng, mục, ô)
    "button": 'Nút "{label}"',
    "list_item": 'Dòng "{label}"',
    "checkbox": 'Dòng "{label}"',
    "tile": 'Biểu tượng "{label}"',  # an icon, on the home screen (an app) or in an app (a mục)
    "link": 'Chữ "{label}"',
    "qr": "Mã QR",
    "notification": "Tin nhắn",
}
FIELD = 'Ô "{label}"'  # a field typed into or picked from

# The end of a run.
DONE_ALONE = "Bác đã tự làm được bài này!"
DONE_HINTS = "Bác đã làm xong, có dùng {hints} gợi ý. Lần sau bác thử dùng ít gợi ý hơn nhé."
SCORE = "Bác làm đúng {right} trên {total} chỗ cần quyết định."
OFFER_QUESTION = "Bác thử tự làm một lần nhé?"
OFFER = OFFER_QUESTION + " Lần này máy chỉ nói việc cần làm, bác tự làm từng bước."

# The result of a judged drill, one line per decision.
TAPPED = 'Bác chạm "{answer}".'
CHOSE = 'Bác chọn "{answer}".'
TICKED = "Bác đánh dấu: {answers}."
TICKED_NONE = "Bác chưa đánh dấu dòng nào."
MISSED = "Còn thiếu: {answers}."
NOT_A_SIGN = "Không nên đánh dấu: {answers}."
RIGHT_ONE = 'Cách đúng: "{answer}".'

# Said as they are (kiosk.spoken_lines offers them for recording); the rest hold numbers or names.
SPOKEN = (START, START_JUDGED, NEXT_LEAD, LIT, NO_HINTS, HELP_IS_THERE, DONE_ALONE, OFFER)

# Shown only (ui/lesson_page.py, ui/simple_pages.py, ui/menu_page.py).
GOAL_TITLE = "Việc bác cần làm"
CARD_TITLE = "Phiếu thông tin (số giả, chỉ để tập)"
OFFER_BUTTON = "Thử tự làm"
RESULT_TITLE = "Kết quả bài tự làm"
VERDICT = {"right": "✓ Đúng", "safe": "✓ An toàn", "wrong": "✗ Chưa đúng"}
