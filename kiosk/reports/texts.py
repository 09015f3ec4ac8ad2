"""Every Vietnamese word the reports show (CSV, XLSX, PDF, USB export), in one place,
and how dates and figures are written in them."""
from __future__ import annotations

import datetime

TITLE = "BÁO CÁO KẾT QUẢ LUYỆN TẬP KỸ NĂNG SỐ"
MOVEMENT = "Phong trào Bình dân học vụ số"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ANONYMOUS = "Số liệu ẩn danh: trạm không ghi tên, số điện thoại hay bất kỳ thông tin cá nhân nào."

# Problems (str of a ReportError)
NO_DATABASE = ("Chưa có dữ liệu học tập ở {path}: trạm chưa chạy lần nào, hoặc đường dẫn tệp dữ liệu bị sai. "
               "Chưa lập được báo cáo.")
NO_FONT = "Máy thiếu phông chữ tiếng Việt nên chưa tạo được báo cáo PDF. Hãy báo cán bộ kỹ thuật của tỉnh."
BAD_DATABASE = "Không đọc được dữ liệu học tập ở {path}: tệp bị hỏng hoặc không phải dữ liệu của trạm. Chưa lập được báo cáo."

# USB export (the staff panel's "Xuất báo cáo ra USB")
NO_USB = "Không tìm thấy USB. Hãy cắm USB vào trạm, đợi vài giây rồi bấm lại."
USB_READ_ONLY = ("USB đang bị khóa chống ghi nên không chép được báo cáo. "
                 "Hãy gạt nút khóa trên USB (nếu có) hoặc dùng USB khác.")
USB_FULL = "USB đầy, không đủ chỗ chép báo cáo. Hãy xóa bớt tệp trên USB hoặc dùng USB khác."
USB_REMOVED = ("USB bị rút ra khi đang ghi (hoặc USB bị lỗi) nên báo cáo chưa chép được. "
               "Hãy cắm lại USB rồi bấm lại.")
USB_DONE = "Đã chép {count} tệp báo cáo vào USB ({names}). Có thể rút USB ra."

# Command line
CLI_BAD_DATE = "Ngày {value!r} không đúng. Hãy viết ngày theo dạng năm-tháng-ngày, ví dụ 2026-11-30."
CLI_FROM_AFTER_TO = "Ngày bắt đầu ({first}) phải trước hoặc bằng ngày kết thúc ({last})."
CLI_CANNOT_WRITE = "Không ghi được tệp báo cáo vào {path}. Hãy chọn thư mục khác (--out)."
CLI_DONE = "Đã lập báo cáo: {path}"
CLI_SUMMARY = "{period}: {sessions} lượt sử dụng, {started} bài đã bắt đầu, {completed} bài đã hoàn thành."

# Place
KIOSK = "Trạm"
KIOSK_ID = "Mã trạm"
COMMUNE = "Xã/phường"
PROVINCE = "Tỉnh/thành phố"
PERIOD = "Thời gian"
GENERATED = "Lập lúc"
UNKNOWN_PLACE = "……………"

# Key figures
SESSIONS = "Lượt sử dụng"
FINISHED_SESSIONS = "Lượt sử dụng đã kết thúc"
INTERRUPTED_SESSIONS = "Lượt bị gián đoạn (trạm tắt đột ngột, mất điện)"
INTERRUPTED_NOTE = "{count} lượt bị gián đoạn"
STARTED = "Bài đã bắt đầu"
COMPLETED = "Bài đã hoàn thành"
STARTED_SHORT = "Bắt đầu"
COMPLETED_SHORT = "Hoàn thành"
COMPLETION = "Tỉ lệ hoàn thành"
LESSON_TIME = "Thời gian trung bình một bài (phút)"
SESSION_TIME = "Thời gian trung bình một lượt (phút)"
PER_LESSON = "Trung bình mỗi bài học"
PER_SESSION = "Trung bình mỗi lượt sử dụng"

# Tables
ITEM = "Mục"
VALUE = "Giá trị"
LESSON_ID = "Mã bài"
TOPIC_ID = "Mã chủ đề"
PERIOD_LABEL = "Kỳ"
COMPLETION_PERCENT = "Tỉ lệ hoàn thành (%)"
LESSON = "Bài học"
TOPIC = "Chủ đề"
AVERAGE_MINUTES = "Phút/bài (TB)"
DAY = "Ngày"
WEEK = "Tuần"
MONTH = "Tháng"
FROM = "Từ ngày"
TO = "Đến ngày"
STEP = "Bước"
INSTRUCTION = "Hướng dẫn của bước"
WRONG = "Số lần làm sai"
OTHER_TOPIC = "Khác (bài không còn trong kho bài học)"
STEP_GONE = "(bước này không còn trong bài)"
NO_FAILED_STEPS = "Không có bước nào bị làm sai trong thời gian này."
AND_MORE = "… và {count} bài khác (xem tệp Excel)"

# Section and sheet titles (sheet names: at most 31 characters, no / \ ? * [ ])
SUMMARY = "Tổng hợp"
BY_LESSON = "Theo bài"
BY_TOPIC = "Theo chủ đề"
BY_DAY = "Theo ngày"
BY_WEEK = "Theo tuần"
BY_MONTH = "Theo tháng"
FAILED_STEPS = "Bước hay sai"
CHART_TOPICS = "Số bài hoàn thành theo chủ đề"
CHART_LESSONS = "Số bài hoàn thành theo bài học"
CHART_DAYS = "Lượt sử dụng theo ngày"
KEY_FIGURES = "Số liệu chính"
LESSON_RESULTS = "Kết quả theo bài học"
NO_LESSONS = "Chưa có lượt học bài nào trong thời gian này."
NUMBER = "STT"
MINUTES = "phút"
FOOTER = "{anonymous} Lập lúc {time} bằng phần mềm Trạm Học vụ số, mã trạm {kiosk_id}."
TOP_FAILED = "Những bước người học hay làm sai nhất"

# What citizens told and asked the kiosk (confidence, help requests, Tự làm)
CONFIDENCE_SHEET = "Tự tin trước và sau"
ANSWERS_BEFORE = "Số người trả lời trước bài"
MEAN_BEFORE = "Tự tin trước bài (1–3)"
ANSWERS_AFTER = "Số người trả lời sau bài"
MEAN_AFTER = "Tự tin sau bài (1–3)"
WILL_TRY_YES = "Số người định tự làm trên điện thoại thật"
WILL_TRY_ANSWERS = "Số người trả lời câu tự làm"
WILL_TRY_PERCENT = "Tỉ lệ định tự làm trên điện thoại thật (%)"
WILL_TRY_SHORT = "Định tự làm"  # on the real phone
HELP_SHEET = "Gọi cán bộ theo bước"
HELP_REQUESTS = "Lượt gọi cán bộ hỗ trợ"
HELP_COUNT = "Số lần gọi"
TOP_HELP = "Những bước người học hay gọi cán bộ"
OUTSIDE_LESSONS = "(ngoài bài học: ở danh sách bài)"
NO_CONFIDENCE = "Chưa có ai trả lời câu hỏi về sự tự tin trong thời gian này."
NO_HELP = "Không có lượt gọi cán bộ nào trong thời gian này."
SOLO_RUNS = "Số lượt Tự làm"
SOLO_ALONE = "Số lượt Tự làm tự làm được"
SOLO_PERCENT = "Tỉ lệ Tự làm tự làm được (%)"
CONFIDENCE_MEAN_BEFORE = "Tự tin trung bình trước bài (1–3)"
CONFIDENCE_MEAN_AFTER = "Tự tin trung bình sau bài (1–3)"
LEARNERS_SECTION = "Sự tự tin của người học, gọi cán bộ hỗ trợ và Tự làm"
ALL_ANSWERS = "Chung (thang 1–3)"
BEFORE = "Trước"
AFTER = "Sau"
STEP_IN_LESSON = "{title}, bước {n}"
NO_SOLO = "Chưa có lượt Tự làm (không có hướng dẫn từng bước) nào trong thời gian này."
SOLO_LINE = "Tự làm (không có hướng dẫn từng bước): {runs} lượt, {alone} lượt tự làm được ({percent})."

# Signatures
PREPARER = "Người lập báo cáo"
CONFIRMER = "Xác nhận của UBND xã"
SIGN = "(Ký, ghi rõ họ tên)"
DATE_LINE = "……………, ngày …… tháng …… năm 20……"


def day(d: datetime.date) -> str:
    return d.strftime("%d/%m/%Y")


def period(first: datetime.date, last: datetime.date) -> str:
    return f"Từ ngày {day(first)} đến ngày {day(last)}"


def week_label(d: datetime.date) -> str:
    year, week, _ = d.isocalendar()
    return f"Tuần {week:02d}/{year}"


def month_label(d: datetime.date) -> str:
    return f"Tháng {d.month:02d}/{d.year}"


def number(value: float | None, decimals: int = 1) -> str:
    """Vietnamese style: decimal comma; "–" for no value."""
    if value is None:
        return "–"
    return f"{value:.{decimals}f}".replace(".", ",")


def percent(value: float | None) -> str:
    return "–" if value is None else f"{number(value, 0)} %"
