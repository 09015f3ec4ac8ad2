"""Every Vietnamese word of staff mode, in one place (the PIN and pack messages come from the core)."""

TITLE = "Chế độ cán bộ"
CHECKING_PIN = "Đang kiểm tra mã PIN…"
ERASE = "Xóa"
ENTER = "Vào"
CLOSE = "Đóng"
YES = "Đồng ý"
NO = "Không"
CANCELLED = "Đã hủy. Không có gì thay đổi."
WORKING = "Đang làm, xin đợi…"
FAILED = "Có lỗi không mong muốn, không làm được việc này. Hãy báo cán bộ kỹ thuật."
CHOOSE = "Chọn một việc ở bên trái."

END_SESSION = "Kết thúc phiên hiện tại"
END_CONFIRM = ("Kết thúc phiên của người đang học? Những gì họ đang làm sẽ bị xóa "
               "và trạm trở về màn hình chờ.")
END_DONE = "Đã kết thúc phiên. Trạm đã trở về màn hình chờ."

FIGURES = "Số liệu học tập"
PERIOD_NAMES = {"today": "Hôm nay", "week": "Tuần này", "month": "Tháng này"}
SESSIONS = "Số lượt học: {n}"
LESSONS = "Bài đã mở: {started} — bài đã học xong: {completed}"
AVERAGE = "Thời gian trung bình mỗi lượt: {minutes:.0f} phút"
NO_AVERAGE = "Chưa có lượt học nào kết thúc."
LESSON_LINE = "{title}: mở {started}, xong {completed}"
LEGEND = "Vạch nhạt: số lần mở bài. Vạch đậm: số lần học xong."

UPDATE = "Cập nhật bài học từ USB"
NO_BUNDLES = ("Không tìm thấy gói bài học nào trên USB. Hãy cắm USB có tệp gói bài học "
              "(đuôi .hvsbundle) rồi bấm lại.")
PICK_BUNDLE = "Chọn gói bài học muốn cài:"
INSTALL_CONFIRM = "Cài gói bài học «{name}»? Bài học đang dùng sẽ được giữ lại để khôi phục khi cần."
INSTALLING = "Đang kiểm tra và cài gói bài học. Đừng rút USB cho đến khi xong…"
NEXT_START = "Bài học mới sẽ có từ lần khởi động tới của trạm."

ROLLBACK = "Khôi phục bản bài học trước"
ROLLBACK_CONFIRM = "Quay về bản bài học trước? Bản đang dùng sẽ được thay bằng bản cũ."

DEVICE_CHECK = "Kiểm tra thiết bị"
CHECKING_DEVICES = "Đang kiểm tra thiết bị…"
CHECK_NAMES = {"speaker": "Loa", "voice": "Giọng đọc", "speech_model": "Nhận giọng nói", "microphone": "Micrô"}
CHECK_OK = "✓ {name}: {message}"
CHECK_BAD = "✗ {name}: {message}"
