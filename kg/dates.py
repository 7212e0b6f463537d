"""Dates as written in bulletins, resolved against the issue date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .numbers import DIGITS, cn_to_int

CN = "〇零一二三四五六七八九十两"
FULL_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{CN}]{{4}})\s*(?:年|-|/|\.)\s*(?P<m>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:月|-|/|\.)\s*"
    rf"(?P<d>\d{{1,2}}|[{CN}]{{1,3}})\s*日?"
)
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


# --- dates as items of a bulletin or 大事记 write them ----------------------------
# A heading line that sets the month (and maybe the year) for the day-only
# entries below it: "7月", "2014年12月大事记", "【大事记】2021年7-9月区政府大事记".
MONTH_HEADING = re.compile(
    r"^[ \t]*(?:【[^】\n]{0,20}】)?[\u4e00-\u9fff]{0,10}?(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*"
    r"(?:[-—–~至]\s*\d{1,2}\s*)?月份?\s*(?:[\u4e00-\u9fff]{0,8}?(?:大事记|大事概要|大事|要闻|动态|纪实|简报))?"
    r"\s*(?:[（(][^）)\n]{1,6}[）)])?[ \t]*$",
    re.M,
)
# A year the text itself gives: 2023年迎国庆…, 2022年第9次常务会议. Targets (到2035年) are not it.
TEXT_YEAR = re.compile(r"(?<![到至争计划\d])(?P<y>(?:19|20)\d{2})\s*年(?!底前|以前|前)")
WRITTEN = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?:[-—–~至到]\s*\d{1,2}\s*)?日"
    r"|^(?P<dd>\d{1,2})\s*(?:[-—–~至到]\s*\d{1,2}\s*)?日"
    r"|^(?P<md>\d{3,4})$"
)
STALE_DAYS = 90  # a page that reports a day months before its own date is a repost


@dataclass(frozen=True)
class DateContext:
    """What an item's written date is resolved against.

    ``anchor`` is the issue's printed date; ``year``/``month`` come from the
    month heading above the item; ``text_year`` is a year the text gives when
    none is printed, or the one year a reposted page's body names."""

    anchor: date | None = None
    year: int | None = None
    month: int | None = None
    text_year: int | None = None


def text_year(body: str, printed: date | None) -> int | None:
    """The year the text gives when the printed date cannot anchor its days.

    Without a printed date: the latest year written. With one: the single year
    the body names, when it is before the printed year (a page reposted later)."""
    years = {int(m.group("y")) for m in TEXT_YEAR.finditer(body)}
    if printed is None:
        return max(years) if years else None
    if len(years) == 1 and (y := next(iter(years))) < printed.year:
        return y
    return None


class DateResolver:
    """Resolves written dates of one issue: headings found once, looked up by position."""

    def __init__(self, text: str, printed: date | None, year: int | None) -> None:
        self.printed, self.year = printed, year
        self.headings = [
            (m.start(), int(m.group("y")) if m.group("y") else None, int(m.group("m")))
            for m in MONTH_HEADING.finditer(text)
            if 1 <= int(m.group("m")) <= 12
        ]

    def context(self, pos: int) -> DateContext:
        """The context of an item at ``pos``: the last month heading above it."""
        year = month = None
        for start, y, m in self.headings:
            if start > pos:
                break
            month = m
            year = y or (year if month is not None else None)
        return DateContext(self.printed, year, month, self.year)

    def resolve(self, written: str | None, pos: int) -> date | None:
        return resolve_written(written, self.context(pos))


def _safe(y: int | None, m: int, d: int) -> date | None:
    try:
        return date(y, m, d) if y else None
    except ValueError:
        return None


def resolve_written(written: str | None, ctx: DateContext) -> date | None:
    """An item's date as written (6月10日, 17—22日, 1日, 422, 33日) in its context.

    A range takes its first day. A day-only entry takes the heading's month. A
    garbled day is read as the page meant it: 422 under an April heading is
    4月22日, 33日 on a March page is 3月3日. Nothing is guessed without a year."""
    if not written:
        return None
    full = parse_full_date(written)
    if full:
        return full
    m = WRITTEN.search(written.strip())
    if not m:
        return None
    if m.group("md"):  # 422: the heading's month, then the day
        digits, month = m.group("md"), ctx.month or (ctx.anchor.month if ctx.anchor else None)
        if month is None or not digits.startswith(str(month)):
            return None
        month_day = (month, int(digits[len(str(month)) :] or 0))
    elif m.group("dd"):
        month = ctx.month or (ctx.anchor.month if ctx.anchor else None)
        if month is None:
            return None
        month_day = (month, int(m.group("dd")))
    else:
        if m.group("y"):
            return _safe(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        month_day = (int(m.group("m")), int(m.group("d")))
    month, day = month_day
    if day > 31 and str(day).startswith(str(month)):
        day = int(str(day)[len(str(month)) :])  # 33日 on a March page: 3月3日
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if ctx.year is not None and ctx.month == month:
        return _safe(ctx.year, month, day)
    if ctx.anchor is not None:
        on_anchor = resolve_month_day(month, day, ctx.anchor)
        if ctx.text_year is not None and on_anchor and (ctx.anchor - on_anchor).days > STALE_DAYS:
            return _safe(ctx.text_year, month, day)
        return on_anchor
    if ctx.year is not None:
        return _safe(ctx.year, month, day)
    return _safe(ctx.text_year, month, day)
