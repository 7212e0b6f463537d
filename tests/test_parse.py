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
