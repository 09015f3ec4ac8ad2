"""Every Vietnamese word about recorded voice that staff read: voice packs (install, refusals,
export to USB), coverage, and `hocvuso doctor` / `hocvuso voice`."""
from __future__ import annotations

REGION_NAMES = {"bac": "miền Bắc", "trung": "miền Trung", "nam": "miền Nam"}
KIOSK_GROUP = "Câu chung của trạm (lời mời, lời khen, lời nhắc)"
COVERAGE = "{title}: {recorded}/{total} câu đã thu"
MACHINE = "{count} câu có số thay đổi mỗi lần học nên luôn đọc bằng giọng máy."

KEPT = "Giọng đọc đang dùng vẫn giữ nguyên."
REFUSED = {
    "not_a_bundle": "Tệp này không phải là gói giọng đọc của Trạm Học vụ số.",
    "not_found": "Không tìm thấy tệp gói giọng đọc «{name}». Hãy kiểm tra lại tên tệp và USB đã cắm chưa, rồi thử lại.",
    "unsigned": "Gói giọng đọc này chưa được ký. Trạm chỉ nhận gói do tỉnh ký.",
    "unknown_key": "Gói giọng đọc này được ký bằng một khóa lạ, không phải khóa của tỉnh.",
    "no_trusted_keys": "Trạm chưa được cài khóa của tỉnh nên chưa nhận được gói giọng đọc. "
    "Hãy báo cán bộ kỹ thuật của tỉnh.",
    "tampered": "Gói giọng đọc đã bị sửa đổi hoặc bị hỏng sau khi ký.",
    "truncated": "Gói giọng đọc bị thiếu hoặc chưa chép hết. Hãy chép lại gói vào USB rồi thử lại.",
    "oversize": "Gói giọng đọc lớn hơn mức trạm cho phép.",
    "older_version": "Gói này là phiên bản {version}, cũ hơn phiên bản {installed} đã cài trên trạm.",
    "same_version": "Phiên bản {version} của gói giọng đọc này đã được cài trên trạm rồi.",
    "unsafe_path": "Gói giọng đọc có tên tệp không an toàn.",
    "link": "Gói giọng đọc có liên kết tệp, trạm không cho phép.",
    "special_file": "Gói giọng đọc có loại tệp đặc biệt, trạm không cho phép.",
    "invalid_pack": "Các câu thu âm trong gói có lỗi.",
    "source_lost": "Không đọc được USB: có thể USB đã bị rút ra khi đang chép. Hãy cắm lại USB và thử lại.",
    "disk_error": "Ổ đĩa của trạm bị lỗi hoặc hết chỗ trống. Hãy báo cán bộ kỹ thuật.",
    "busy": "Trạm đang cài một gói giọng đọc khác. Hãy đợi xong rồi thử lại.",
    "no_previous": "Không có bản giọng đọc trước để khôi phục.",
}
INSTALLED = ("Đã cài xong gói giọng đọc «{title}» phiên bản {version}: {count} câu giọng {region}. "
             "Trạm dùng giọng này ngay từ câu sau.")

NO_USB = "Không tìm thấy USB. Hãy cắm USB vào trạm, đợi vài giây rồi bấm lại."
USB_READ_ONLY = "USB đang bị khóa chống ghi. Hãy gạt nút khóa trên USB (nếu có) hoặc dùng USB khác."
USB_FULL = "USB đầy, không đủ chỗ chép giọng đọc. Hãy xóa bớt tệp trên USB hoặc dùng USB khác."
USB_REMOVED = "USB bị rút ra khi đang ghi (hoặc USB bị lỗi) nên giọng đọc chưa chép được. Hãy cắm lại USB rồi bấm lại."
NOTHING_TO_EXPORT = "Trạm chưa có câu nào thu giọng {region} nên chưa có gì để chép."
EXPORTED = ("Đã chép {count} câu giọng {region} vào USB, thư mục «{folder}». Có thể rút USB ra. "
            "Hãy gửi thư mục này cho cán bộ kỹ thuật của tỉnh để kiểm tra, ký và gửi về các trạm.")
PACK_TITLE = "Giọng đọc {region} thu tại {place}"

DOCTOR_OK = "Giọng người thật {region}: đã thu {recorded}/{total} câu; câu chưa thu đọc bằng giọng máy."
DOCTOR_BAD_PACK = "Gói giọng đọc đã cài bị hỏng nên trạm không dùng; các câu đọc bằng giọng máy hoặc giọng tự thu."
