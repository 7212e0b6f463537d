"""Dates as bulletins write them; every text here is invented."""

from datetime import date

from kg.dates import DateContext, DateResolver, parse_full_date, resolve_month_day, resolve_written, text_year


def test_full_dates_in_every_written_form():
    for text in ("2020 年 6 月 16 日", "2020-06-16", "二〇二〇年六月十六日", "发布时间: 2020-06-16 15:18"):
        assert parse_full_date(text) == date(2020, 6, 16), text


def test_month_day_resolved_against_issue_date_across_the_year():
    assert resolve_month_day(6, 10, date(2020, 6, 16)) == date(2020, 6, 10)
    assert resolve_month_day(12, 28, date(2021, 1, 8)) == date(2020, 12, 28)
    assert resolve_month_day(6, 10, None) is None


def test_day_only_dates_take_the_month_heading():
    text = "7月\n\n1日 开会。\n6日 调研。\n"
    dates = DateResolver(text, date(2021, 10, 11), None)
    assert dates.resolve("6日", text.index("6日")) == date(2021, 7, 6)
    assert dates.resolve(None, 0) is None


def test_a_heading_with_its_year_beats_a_later_printed_date():
    text = "2019年12月大事记\n2020/1/20 10:00:00\n\n3日\n\n示例区召开工作会议。\n"
    dates = DateResolver(text, date(2020, 1, 20), None)
    assert dates.resolve("3日", text.index("示例")) == date(2019, 12, 3)


def test_garbled_days_read_as_the_page_meant_them():
    ctx = DateContext(anchor=date(2012, 5, 15), year=2012, month=4)
    assert resolve_written("422", ctx) == date(2012, 4, 22)
    assert resolve_written("39", ctx) is None  # not of this month
    march = DateContext(anchor=date(2018, 3, 20))
    assert resolve_written("33日", march) == date(2018, 3, 3)


def test_day_ranges_take_the_first_day():
    ctx = DateContext(anchor=date(2022, 8, 30))
    assert resolve_written("8月17—22日", ctx) == date(2022, 8, 17)
    assert resolve_written("17-22日", DateContext(anchor=date(2022, 8, 30), month=8)) == date(2022, 8, 17)


def test_no_printed_date_uses_the_year_the_text_gives():
    assert text_year("2021年迎新春“示例杯”象棋赛9月24日开幕。", None) == 2021
    assert text_year("到2035年基本建成。", None) is None  # a target is no date
    ctx = DateContext(text_year=2021)
    assert resolve_written("9月24日", ctx) == date(2021, 9, 24)
    assert resolve_written("9月24日", DateContext()) is None  # no year anywhere: nothing guessed


def test_a_reposted_page_keeps_the_year_of_its_text():
    body = "7月2日，示例镇视察项目。该镇2019年实施项目30个。"
    year = text_year(body, date(2020, 11, 7))
    assert year == 2019
    assert resolve_written("7月2日", DateContext(anchor=date(2020, 11, 7), text_year=year)) == date(2019, 7, 2)
    # a recent day stays in the printed year even when the body names last year
    assert resolve_written("1月3日", DateContext(anchor=date(2020, 1, 5), text_year=2019)) == date(2020, 1, 3)
