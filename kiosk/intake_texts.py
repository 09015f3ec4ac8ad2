"""Vietnamese words of the intake and of the path it suggests: shown and spoken. The questions
and the picture tiles come from the pack (intake.yaml); ui/intake_page.py shows these."""

ANSWERS = {"co": "Có", "chua": "Chưa", "khong-biet": "Không biết"}  # a yes_no question's buttons, in order
INTRO = "Để gợi ý bài học hợp với bác, máy hỏi bác không quá {n} câu ngắn. Bác muốn tự chọn bài thì bấm nút Bỏ qua."
YES_NO_HOW = "Bác chạm vào nút Có, Chưa, hoặc Không biết."
TILES_HOW = "Bác chạm vào một ô: {titles}."
PATH_TITLE = "Lộ trình gợi ý cho bác"
PATH_SAID = PATH_TITLE + " có {n} bài. {lessons} Bác chạm vào bài số 1 để bắt đầu nhé."
PATH_LESSON = "Bài {n}: {title}."
NO_PATH = "Máy chưa tìm được bài hợp với bác. Mời bác tự chọn một chủ đề."
NEXT_IN_PATH = "Bài tiếp theo trong lộ trình của bác là: {title}."
PATH_DONE = "Bác đã học xong cả lộ trình gợi ý. Bác giỏi lắm!"

# Shown only (ui/intake_page.py, ui/menu_page.py, ui/simple_pages.py).
PAGE_TITLE = "Gợi ý bài học · Câu {n}/{total}"
SKIP = "Bỏ qua, tôi tự chọn bài"
PREVIOUS = "Câu trước"
CHOSEN = "✓ Bác đã chọn"
SUGGEST = "Gợi ý bài cho tôi"
NEXT_BUTTON = "Bài tiếp theo trong lộ trình"
