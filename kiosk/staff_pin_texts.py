"""The staff PIN pad's words (Vietnamese, for commune staff), and how long a wait is said."""
from __future__ import annotations

SET_PIN_HINT = "Cán bộ kỹ thuật hãy chạy lệnh «hocvuso set-pin» trên trạm để đặt mã PIN."
NOT_SET_VI = "Chưa đặt mã PIN cho cán bộ. " + SET_PIN_HINT
READY_VI = "Xin nhập mã PIN của cán bộ."
BACKOFF_VI = "Đã nhập sai mã PIN nhiều lần. Xin đợi {wait} rồi thử lại."
LOCKED_FOR_VI = ("Chế độ cán bộ tạm khóa vì nhập sai mã PIN quá nhiều lần. Xin đợi {wait} rồi thử lại, "
                 "hoặc nhập mã khôi phục (16 chữ số, in ra khi đặt mã PIN).")
DAMAGED_VI = "Chế độ cán bộ đã bị khóa vì tệp mã PIN trên trạm bị hỏng. " + SET_PIN_HINT
WRONG_PIN_VI = "Mã PIN không đúng. Còn {left} lần thử."
WRONG_RECOVERY_VI = "Mã khôi phục không đúng."
ACCEPTED_VI = "Mã PIN đúng. Mời vào chế độ cán bộ."
RECOVERED_VI = ("Mã khôi phục đúng: chế độ cán bộ đã mở khóa. Mã này chỉ dùng được một lần; "
                "cán bộ kỹ thuật hãy chạy «hocvuso set-pin» để có mã khôi phục mới.")


class WeakPinError(ValueError):
    """A PIN that `set_pin` refuses; `message_vi` says why, for the person setting it."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def locked_message_vi(wait_s: int) -> str:
    """A timed lock says how long it lasts; a lock with no end (a damaged file) how to lift it."""
    return LOCKED_FOR_VI.format(wait=wait_vi(wait_s)) if wait_s else DAMAGED_VI


def wait_vi(seconds: int) -> str:
    """A wait as staff read it: "45 giây", "3 phút 20 giây", "1 giờ 59 phút", "2 ngày 4 giờ"."""
    if seconds < 60:
        return f"{seconds} giây"
    if seconds < 3600:
        minutes, rest = divmod(seconds, 60)
        return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"
    minutes = -(-seconds // 60)  # whole minutes, rounded up: never shorter than the wait
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} giờ {rest} phút" if rest else f"{hours} giờ"
    hours = -(-minutes // 60)
    days, rest = divmod(hours, 24)
    return f"{days} ngày {rest} giờ" if rest else f"{days} ngày"
