"""Chinese and mixed numerals to numbers: 二十五 -> 25, 1.5万 -> 15000, 三千余 -> 3000."""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


@dataclass(frozen=True)
class Number:
    value: float
    approximate: bool
    percent: bool


def _cn_section(s: str) -> int:
    """A run below 万: 三千五百二十 -> 3520; 二五 (digit string) -> 25."""
    if s and all(ch in DIGITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))
    total, digit = 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(ch)
    return total + (digit or 0)


def cn_to_int(s: str) -> int:
    """Chinese numeral (with 万/亿) to int; raises ValueError when it is not one."""
    if not s:
        raise ValueError("empty numeral")
    total, rest = 0, s
    for unit in ("亿", "万"):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            total += (cn_to_int(head) if head else 1) * BIG_UNITS[unit]
    return total + (_cn_section(rest) if rest else 0)


def parse_number(text: str) -> Number | None:
    """Parse a written amount; None when ``text`` is not a number."""
    s = text.strip()
    percent = s.startswith("百分之")
    if percent:
        s = s[3:]
    approximate = s.endswith(("余", "多"))
    if approximate:
        s = s[:-1]
    if s.endswith("%"):
        percent, s = True, s[:-1]
    mult = 1
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千万亿]*)", s)
    try:
        if m:
            value = float(m.group(1))
            for unit in m.group(2):
                mult *= SMALL_UNITS.get(unit) or BIG_UNITS[unit]
            value *= mult
        else:
            value = float(cn_to_int(s))
    except (ValueError, KeyError):
        return None
    if value == int(value):
        value = float(int(value))
    return Number(value, approximate, percent)
