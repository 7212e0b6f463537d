"""Dates as written in bulletins, resolved against the issue date."""
from __future__ import annotations

import re
from datetime import date

from .numbers import DIGITS, cn_to_int

CN = "〇零一二三四五六七八九十两"
FULL_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{CN}]{{4}})\s*(?:年|-|/|\.)\s*(?P<m>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:月|-|/|\.)\s*"
    rf"(?P<d>\d{{1,2}}|[{CN}]{{1,3}})\s*日?")
MONTH_DAY = re.compile(r"(?<![\d年.])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DAY_ONLY = re.compile(r"^(?P<d>\d{1,2})日")
UNDATED_WORDS = ("近日", "日前", "连日来", "会前", "近期", "当日", "当天", "同日")


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if all(ch in DIGITS for ch in s):  # 二〇二〇: digit by digit
        return int("".join(str(DIGITS[ch]) for ch in s))
    return cn_to_int(s)


def parse_full_date(text: str) -> date | None:
    """The first complete date in ``text`` (2020 年 6 月 16 日, 2020-06-16, 二〇二〇年六月十六日)."""
    for m in FULL_DATE.finditer(text):
        try:
            return date(_num(m.group("y")), _num(m.group("m")), _num(m.group("d")))
        except ValueError:
            continue
    return None


def resolve_month_day(month: int, day: int, anchor: date | None) -> date | None:
    """The latest date with this month and day on or before ``anchor``.

    A January issue reporting 12月28日 means the year before. Without an anchor
    the year is unknown and nothing is guessed.
    """
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= anchor:
            return d
    return None
