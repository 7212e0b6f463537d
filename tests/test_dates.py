from datetime import date

from kg.dates import parse_full_date, resolve_month_day
from kg.facts import resolve_date


def test_full_dates_in_every_written_form():
    for text in ("2020 年 6 月 16 日", "2020-06-16", "二〇二〇年六月十六日", "发布时间: 2020-06-16 15:18"):
        assert parse_full_date(text) == date(2020, 6, 16), text


def test_month_day_resolved_against_issue_date_across_the_year():
    assert resolve_month_day(6, 10, date(2020, 6, 16)) == date(2020, 6, 10)
    assert resolve_month_day(12, 28, date(2021, 1, 8)) == date(2020, 12, 28)
    assert resolve_month_day(6, 10, None) is None


def test_day_only_dates_take_the_month_heading():
    assert resolve_date("6日", date(2021, 10, 11), "7月\n\n1日 开会。\n") == date(2021, 7, 6)
    assert resolve_date(None, date(2021, 10, 11), "") is None
