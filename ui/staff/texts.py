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
ACKNOWLEDGE = "Đã biết"

HELP_ASKED = "Có người cần cán bộ hỗ trợ (gọi lúc {time})."
HELP_LESSON = "Bài «{title}»."
HELP_TOLD_COMING = "Người học đã được báo: cán bộ đang đến."
HELP_COMING = "Cán bộ đang đến"
HELP_DONE = "Đã hỗ trợ"
HELP_CLOSED = "Đã đóng yêu cầu hỗ trợ."

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
ROLL_UP = "Gửi số liệu lên tỉnh"

UPDATE = "Cập nhật bài học từ USB"
NO_BUNDLES = ("Không tìm thấy gói bài học nào trên USB. Hãy cắm USB có tệp gói bài học "
              "(đuôi .hvsbundle) rồi bấm lại.")
PICK_BUNDLE = "Chọn gói bài học muốn cài:"
INSTALL_CONFIRM = "Cài gói bài học «{name}»? Bài học đang dùng sẽ được giữ lại để khôi phục khi cần."
INSTALLING = "Đang kiểm tra và cài gói bài học. Đừng rút USB cho đến khi xong…"
LESSONS_READY = "Danh sách bài học đã được cập nhật; người đang học dở sẽ thấy bài mới từ lượt sau."

ROLLBACK = "Khôi phục bản bài học trước"
ROLLBACK_CONFIRM = "Quay về bản bài học trước? Bản đang dùng sẽ được thay bằng bản cũ."

EXPORT = "Xuất báo cáo ra USB"
EXPORT_PICK = "Chép báo cáo của khoảng thời gian nào vào USB? Hãy cắm USB vào trạm trước."
EXPORT_PERIODS = ("Tháng này: từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}",
                  "Tháng trước: từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}")
EXPORT_CONFIRM = ("Chép báo cáo từ {first:%d/%m/%Y} đến {last:%d/%m/%Y} vào USB? Sẽ có tệp PDF để in và ký, "
                  "tệp Excel, tệp CSV và tệp số liệu gửi lên tỉnh.")
EXPORTING = "Đang chép báo cáo vào USB. Đừng rút USB cho đến khi xong…"

DEVICE_CHECK = "Kiểm tra thiết bị"
CHECKING_DEVICES = "Đang kiểm tra thiết bị…"
CHECK_NAMES = {"speaker": "Loa", "voice": "Giọng đọc", "speech_model": "Nhận giọng nói", "microphone": "Micrô"}
CHECK_OK = "✓ {name}: {message}"
CHECK_BAD = "✗ {name}: {message}"

SETTINGS = "Cài đặt"
SETTINGS_INTRO = "Chạm vào một cài đặt để đổi. Thay đổi có tác dụng ngay và được giữ khi trạm khởi động lại."
BACK_TO_SETTINGS = "Quay lại cài đặt"
SAVE = "Lưu thay đổi"
CURRENT = "{value} (đang dùng)"
SETTING_LINE = "{name}: {value}"
SETTING_NAMES = {
    "text_size": "Cỡ chữ mặc định",
    "voice_region": "Giọng đọc",
    "speech_rate": "Tốc độ đọc",
    "volume": "Âm lượng",
    "idle_warning_s": "Hỏi người học khi không chạm màn hình",
    "idle_grace_s": "Thời gian chờ trả lời",
    "kiosk_name": "Tên trạm",
    "commune": "Xã/phường của trạm",
}
TEXT_SIZES = {"normal": "Chữ thường", "large": "Chữ to"}
VOICES = {"north": "Giọng miền Bắc", "central": "Giọng miền Trung", "south": "Giọng miền Nam"}
RATE = "{rate} từ mỗi phút"
SLOWER = "Chậm hơn"
FASTER = "Nhanh hơn"
VOLUME = "{percent}%"
QUIETER = "Nhỏ hơn"
LOUDER = "To hơn"
AFTER = "sau {duration}"
MINUTES = "{m} phút"
MINUTES_SECONDS = "{m} phút {s} giây"
SECONDS = "{s} giây"
NOT_SET = "chưa chọn"
PICK_VALUE = "Chọn {name}:"
CHANGE_CONFIRM = "Đổi {name} từ «{old}» thành «{new}»?"
CHANGED = "Đã đổi {name} thành «{new}». Trạm dùng ngay từ bây giờ."
NOT_CHANGED = "Không lưu được thay đổi, cài đặt cũ vẫn được dùng. Hãy báo cán bộ kỹ thuật."
SAMPLE_SPEECH = "Xin chào. Đây là giọng đọc của trạm học."
TYPE_NAME = "Gõ tên trạm rồi bấm «Xong»:"
EMPTY_NAME = "Tên trạm không được để trống."
PICK_PROVINCE = "Chọn tỉnh hoặc thành phố của trạm (gõ vài chữ để tìm nhanh):"
PICK_COMMUNE = "Chọn xã hoặc phường thuộc {province} (gõ vài chữ để tìm nhanh):"
FILTER = "Tìm: {query}"
NOTHING_FOUND = "Không tìm thấy tên nào có «{query}». Bấm «Xóa» để sửa."
COMMUNE_CONFIRM = "Đặt nơi đặt trạm là «{commune}, {province}»?"
COMMUNE_DONE = "Đã đặt nơi đặt trạm là «{commune}, {province}»."
PLACE = "{commune}, {province}"

BACK_TO_DEVICES = "Quay lại kiểm tra thiết bị"
SPEAKER_TEST = "Thử loa"
SPEAKER_SENTENCE = "Xin chào. Đây là bài thử loa của Trạm Học vụ số. Một, hai, ba."
HEAR_QUESTION = "Bạn có nghe thấy không?"
HEARD_YES = "Có"
HEARD_NO = "Không"
PLAY_AGAIN = "Phát lại"
SPEAKER_OK = "Loa hoạt động tốt."
SPEAKER_BAD = ("Loa chưa phát ra tiếng. Hãy kiểm tra dây loa đã cắm chưa, loa đã bật và vặn to chưa, "
               "rồi thử lại. Nếu vẫn không nghe thấy, hãy báo cán bộ kỹ thuật.")
NO_SPEAKER = "Không tìm thấy loa. Trạm vẫn dùng được, chỉ hiện chữ."
MIC_TEST = "Thử micrô"
NO_MIC = "Không tìm thấy micrô. Hãy kiểm tra dây micrô rồi thử lại. Trạm vẫn dùng được bằng cách chạm."
MIC_SPEAK = "Hãy nói vài câu vào micrô. Vạch màu dài ra khi micrô nghe thấy tiếng."
MIC_LEVEL = "Độ to tiếng nói"
MIC_STOP = "Dừng thử micrô"
MIC_STOPPED = "Đã dừng thử micrô."
MIC_SILENT = "Micrô chưa nghe thấy tiếng nào. Hãy nói to hơn hoặc kiểm tra dây micrô."
RECOGNISE = "Thử nhận giọng nói"
SAY_WORD = "Hãy nói một từ: «một», «hai» hoặc «ba»."
WORDS = ("một", "hai", "ba")
LISTENING = "Đang nghe…"
HEARD = "Trạm nghe thấy: «{text}»"
NOT_HEARD = "Trạm chưa nghe rõ. Hãy nói lại gần micrô hơn."
NO_RECOGNITION = "Chưa có nhận dạng giọng nói ({status}). Micrô vẫn thử được bằng vạch ở trên."
TOUCH_TEST = "Thử màn hình cảm ứng"
TOUCH_HELP = "Chạm vào từng ô vuông. Ô chuyển màu xanh khi màn hình nhận được."
TOUCH_TARGET = "Chạm vào đây"
TOUCH_DONE_TARGET = "Đã nhận"
TOUCH_EXIT = "Thoát"
TOUCH_OK = "Màn hình cảm ứng hoạt động tốt."
TOUCH_PARTIAL = ("Mới chạm được {done} trên {total} ô. Nếu chạm mà ô không đổi màu, "
                 "màn hình cảm ứng có thể bị lệch hoặc hỏng: hãy báo cán bộ kỹ thuật.")
