from datetime import date
from pathlib import Path

import pytest

from kg.errors import NotABulletinError
from kg.parse import parse_file


def test_sample_masthead_articles_briefs_and_tail(sample: Path):
    issue = parse_file(sample)
    assert (issue.series, issue.number, issue.organ, issue.date) == ("上街信息", 46, "中共上街区委办公室", date(2020, 6, 16))
    assert issue.key == "上街信息/2020/46" and issue.kind == "bulletin" and issue.district == "上街区"
    kinds = [(a.kind, a.unit) for a in issue.articles]
    assert kinds == [("article", None), ("article", "中心路街道"), ("brief", "区市场监管局"),
                     ("brief", "区农委"), ("brief", "区侨联")]
    assert issue.articles[0].headline == "我区召开高品质城市建设工作推进会"
    assert [d.verb for d in issue.distribution] == ["送", "发"]
    assert "峡窝镇" in issue.distribution[1].recipients
    assert issue.editors == ["高歌", "金嵩尧"]
    assert "房玉雯" in issue.clean and "重要讲话" in issue.clean


def test_article_offsets_point_into_the_original(sample: Path):
    issue = parse_file(sample)
    a = issue.articles[2]
    s, e = issue.original_span(a.start, a.end)
    assert issue.text[s:e].startswith("6月11日") and "现场会" in issue.text[s:e]


def test_invented_page_takes_its_headline_and_date(tmp_path: Path):
    p = tmp_path / "invented-page.txt"  # invented news page
    p.write_text("示例区召开防汛工作会议\n\n发布时间: 2022-07-02\n\n7月1日，区委书记欧阳明主持召开防汛工作会议。", encoding="utf-8")
    issue = parse_file(p)
    assert issue.kind == "page" and issue.key == "page/invented-page"
    assert issue.title == "示例区召开防汛工作会议" and issue.date == date(2022, 7, 2)
    assert len(issue.articles) == 1


def test_a_text_that_is_no_bulletin(tmp_path: Path):
    p = tmp_path / "notes.txt"
    p.write_text("hello world, these are my shopping notes\n1. milk\n2. eggs", encoding="utf-8")
    with pytest.raises(NotABulletinError, match="not a bulletin"):
        parse_file(p)


@pytest.mark.parametrize("masthead,number,day", [
    ("示例简报\n\n2021年第9期（总第123期）\n\n示例区人民政府办公室\n\n二〇二一年三月五日", 9, date(2021, 3, 5)),
    ("示例信息\n\n第四十六期\n\n中共示例区委办公室\n\n2021-03-05", 46, date(2021, 3, 5)),
])
def test_masthead_forms(tmp_path: Path, masthead, number, day):
    p = tmp_path / "invented.txt"  # invented masthead forms
    p.write_text(masthead + "\n\n**示例区召开推进会** 3月1日，区委书记欧阳明主持召开推进会。\n\n共印50份", encoding="utf-8")
    issue = parse_file(p)
    assert issue.kind == "bulletin" and issue.number == number and issue.date == day
    assert issue.print_count == 50 and issue.articles[0].headline == "示例区召开推进会"


def test_dashiji_day_only_dates_take_the_month_heading(tmp_path: Path, nlp):
    from kg.facts import extract
    p = tmp_path / "invented-dashiji.txt"  # an invented 大事记 page
    p.write_text("示例区政府大事记\n\n发布时间: 2021-10-11\n\n7月\n\n1日 区委书记欧阳明主持召开防汛工作部署会。\n\n"
                 "8月\n\n2日 区长陈立新率队深入东湖街道调研。\n\n近日，区长陈立新主持召开政府常务会。", encoding="utf-8")
    events = extract(parse_file(p), nlp).events
    assert [(e.label, e.date) for e in events][:2] == [("防汛工作部署会", date(2021, 7, 1)),
                                                      ("陈立新率队深入东湖街道调研", date(2021, 8, 2))]
    assert events[2].date is None and events[2].date_as_written == "近日"
