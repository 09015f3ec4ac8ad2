"""Every Vietnamese text that pack updates show to commune staff, in one place."""
from __future__ import annotations

from typing import Protocol

KEPT = "Bài học đang dùng vẫn giữ nguyên."

MESSAGES_VI: dict[str, str] = {
    "not_a_bundle": "Tệp này không phải là gói bài học của Trạm Học vụ số.",
    "unsigned": "Gói bài học này chưa được ký. Trạm chỉ nhận gói bài học do tỉnh ký.",
    "unknown_key": "Gói bài học này được ký bằng một khóa lạ, không phải khóa của tỉnh.",
    "no_trusted_keys": "Trạm chưa được cài khóa của tỉnh nên chưa nhận được gói bài học. "
    "Hãy báo cán bộ kỹ thuật của tỉnh.",
    "tampered": "Gói bài học đã bị sửa đổi hoặc bị hỏng sau khi ký.",
    "truncated": "Gói bài học bị thiếu hoặc chưa chép hết. Hãy chép lại gói vào USB rồi thử lại.",
    "oversize": "Gói bài học lớn hơn mức trạm cho phép.",
    "older_version": "Gói này là phiên bản {version}, cũ hơn phiên bản {installed} đã cài trên trạm.",
    "same_version": "Phiên bản {version} của bài học này đã được cài trên trạm rồi.",
    "unsafe_path": "Gói bài học có tên tệp không an toàn.",
    "link": "Gói bài học có liên kết tệp, trạm không cho phép.",
    "special_file": "Gói bài học có loại tệp đặc biệt, trạm không cho phép.",
    "invalid_pack": "Nội dung bài học trong gói có lỗi.",
    "not_found": "Không tìm thấy tệp gói bài học «{name}». Hãy kiểm tra lại tên tệp và USB đã cắm chưa, rồi thử lại.",
    "source_lost": "Không đọc được USB: có thể USB đã bị rút ra khi đang chép. "
    "Hãy cắm lại USB và thử lại.",
    "disk_error": "Ổ đĩa của trạm bị lỗi hoặc hết chỗ trống. Hãy báo cán bộ kỹ thuật.",
    "busy": "Trạm đang cài một gói bài học khác. Hãy đợi xong rồi thử lại.",
    "no_previous": "Không có bản bài học trước để khôi phục.",
}


class _Pack(Protocol):
    title: str
    pack_id: str
    version: int


def pack_vi(info: _Pack) -> str:
    return f"«{info.title or info.pack_id}» phiên bản {info.version}"


def installed_vi(info: _Pack) -> str:
    return f"Đã cài xong bộ bài học {pack_vi(info)}. Bản trước vẫn được giữ để khôi phục khi cần."


def rolled_back_vi(info: _Pack | None) -> str:
    if info is None:
        return "Đã khôi phục: trạm dùng lại các bài học có sẵn từ khi lắp đặt."
    return f"Đã khôi phục bộ bài học {pack_vi(info)}."
