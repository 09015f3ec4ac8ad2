"""Vietnamese sentences the core says to citizens (feedback, prompts). Kept in one place."""

CORRECT = "Đúng rồi! Bác làm tốt lắm."
RIGHT = "Đúng rồi!"  # before an answer's explanation
WRONG = "Chưa đúng, bác thử lại nhé."
WRONG_HIGHLIGHT = "Chưa đúng, bác thử lại nhé. Chỗ cần chạm đang được tô vàng."
NOT_RIGHT = "Chưa đúng."  # before a wrong answer's own explanation
TRY_AGAIN = "Bác thử lại nhé."
LIT = "Chỗ cần chạm đang được tô vàng."
SAFE = "Làm vậy là an toàn. Ở bước này, bác làm theo hướng dẫn nhé."  # a safe answer with no words of its own
TICK_MORE = "Còn dòng cần đánh dấu mà bác chưa chạm."
UNTICK = "Có dòng không nên đánh dấu, bác chạm lại vào dòng đó để bỏ."
TICK_LIT = "Bác chạm vào dòng đang tô vàng để đánh dấu."
UNTICK_LIT = "Dòng đang tô vàng không nên đánh dấu, bác chạm vào để bỏ."
DEFAULT_HINT = "Bác chạm vào chỗ đang được tô vàng trên điện thoại."
TYPE_WITH_KEYBOARD = "Bác gõ bằng bàn phím bên dưới, gõ xong thì bấm Xong."
READ_THEN_CONTINUE = "Bác đọc xong thì bấm nút Bước tiếp theo nhé."
PRESS_NEXT = "Bác làm đúng rồi. Bác bấm nút Bước tiếp theo để sang bước sau nhé."
READ_ONLY = "Chỗ đó để bác xem thôi, không cần chạm."
ACT_ON_PHONE = "Bác làm theo hướng dẫn trên điện thoại tập luyện nhé."
WRONG_WAY = "Chưa đúng hướng."
SWIPE_HOW = {  # said when a swipe step gets a tap or a swipe the other way
    "up": "Bác đặt ngón tay lên màn hình rồi kéo lên trên nhé.",
    "down": "Bác đặt ngón tay lên màn hình rồi kéo xuống dưới nhé.",
    "left": "Bác đặt ngón tay lên màn hình rồi kéo sang trái nhé.",
    "right": "Bác đặt ngón tay lên màn hình rồi kéo sang phải nhé.",
}
PICKER_HOW = "Bác gõ vài chữ đầu của tên, không cần dấu, rồi chạm vào tên cần chọn."
PICK_FROM_LIST = "Bác chạm vào tên cần chọn trong danh sách nhé."
NO_MATCH = "Không thấy tên nào như vậy. Bác xóa bớt chữ rồi gõ lại nhé."
NOT_SAME = "Hai lần gõ chưa giống nhau."
EMPTY = "Bác chưa gõ gì cả."
TOPICS_PROMPT = "Mời bác chọn một chủ đề."
LESSONS_PROMPT = "Mời bác chọn một bài học."
COMPLETED = "Chúc mừng bác đã học xong bài này!"
PRACTISED = "Bác đã tập những việc sau."  # "Nghe lại" on the completion page, before its recap cards
IDLE_WARNING = "Bác còn học tiếp không? Nếu còn, bác chạm vào nút Tôi vẫn đang học."
NO_WORDS_TO_EXPLAIN = "Ở bước này không có từ nào cần giải nghĩa. Cần giúp thì bác bấm nút Trợ giúp."
VOLUME_SAMPLE = "Bác nghe tiếng to nhỏ thế này có rõ không?"
