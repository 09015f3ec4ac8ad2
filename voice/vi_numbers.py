"""How Vietnamese reads numbers aloud: whole numbers, decimals and digit strings."""
from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu")
_BILLION = 10**9


def read_digits(digits: str) -> str:
    """Read each digit on its own: "0912" → "không chín một hai" (OTP, CCCD, phone numbers)."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def read_number(n: int) -> str:
    """Read a whole number: 22000 → "hai mươi hai nghìn", 2025 → "hai nghìn không trăm hai mươi lăm"."""
    if n < 0:
        return "âm " + read_number(-n)
    if n == 0:
        return DIGITS[0]
    if n >= _BILLION:
        high, rest = divmod(n, _BILLION)
        words = read_number(high) + " tỷ"
        return words if rest == 0 else f"{words} {_below_billion(rest, full=True)}"
    return _below_billion(n, full=False)


def read_decimal(whole: str, fraction: str) -> str:
    """Read "1,5" as "một phẩy năm"; leading zeros of the fraction are read one by one."""
    zeros = len(fraction) - len(fraction.lstrip("0"))
    tail = [DIGITS[0]] * zeros
    if fraction.lstrip("0"):
        tail.append(read_number(int(fraction)))
    return " ".join([read_number(int(whole)), "phẩy", *tail])


def _below_billion(n: int, *, full: bool) -> str:
    """`full`: a higher group came before, so a short group still says "không trăm"."""
    parts = []
    for index in range(len(_GROUPS) - 1, -1, -1):
        group = (n // 1000**index) % 1000
        if group == 0:
            continue
        parts.append(_three(group, full=full or bool(parts)))
        if _GROUPS[index]:
            parts.append(_GROUPS[index])
    return " ".join(parts)


def _three(n: int, *, full: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not full:
        return _two(rest, after_hundreds=False)
    words = f"{DIGITS[hundreds]} trăm"
    return f"{words} {_two(rest, after_hundreds=True)}" if rest else words


def _two(n: int, *, after_hundreds: bool) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return f"linh {DIGITS[unit]}" if after_hundreds else DIGITS[unit]
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        return f"{head} lăm"
    if tens > 1 and unit == 1:
        return f"{head} mốt"
    if tens > 1 and unit == 4:
        return f"{head} tư"
    return f"{head} {DIGITS[unit]}"
