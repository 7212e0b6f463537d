from datetime import date
from pathlib import Path

import pytest

from kg.errors import NotABulletinError
from kg.ingest.parse import parse_file


def test_sample_masthead_articles_briefs_and_tail(sample: Path):
    issue = parse_file(sample)
    assert (issue.series, issue.number, issue.organ, issue.date) == (
        "上街信息",
        46,
        "中共上街区委办公室",
        date(2020, 6, 16),
    )
    assert issue.key == "上街信息/2020/46" and issue.kind == "bulletin" and issue.district == "上街区"
    kinds = [(a.kind, a.unit) for a in issue.articles]
    assert kinds == [
        ("article", None),
        ("article", "中心路街道"),
        ("brief", "区市场监管局"),
        ("brief", "区农委"),
        ("brief", "区侨联"),
    ]
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
    p.write_text(
        "示例区召开防汛工作会议\n\n发布时间: 2022-07-02\n\n7月1日，区委书记欧阳明主持召开防汛工作会议。",
        encoding="utf-8",
    )
    issue = parse_file(p)
    assert issue.kind == "page" and issue.key == "page/invented-page"
    assert issue.title == "示例区召开防汛工作会议" and issue.date == date(2022, 7, 2)
    assert len(issue.articles) == 1


def test_a_text_that_is_no_bulletin(tmp_path: Path):
    p = tmp_path / "notes.txt"
    p.write_text("hello world, these are my shopping notes\n1. milk\n2. eggs", encoding="utf-8")
    with pytest.raises(NotABulletinError, match="not a bulletin"):
        parse_file(p)


@pytest.mark.parametrize(
    "masthead,number,day",
    [
        ("示例简报\n\n2021年第9期（总第123期）\n\n示例区人民政府办公室\n\n二〇二一年三月五日", 9, date(2021, 3, 5)),
        ("示例信息\n\n第四十六期\n\n中共示例区委办公室\n\n2021-03-05", 46, date(2021, 3, 5)),
    ],
)
def test_masthead_forms(tmp_path: Path, masthead, number, day):
    p = tmp_path / "invented.txt"  # invented masthead forms
    p.write_text(
        masthead + "\n\n**示例区召开推进会** 3月1日，区委书记欧阳明主持召开推进会。\n\n共印50份", encoding="utf-8"
    )
    issue = parse_file(p)
    assert issue.kind == "bulletin" and issue.number == number and issue.date == day
    assert issue.print_count == 50 and issue.articles[0].headline == "示例区召开推进会"


def test_dashiji_day_only_dates_take_the_month_heading(tmp_path: Path, nlp):
    from kg.nlp.facts import extract

    p = tmp_path / "invented-dashiji.txt"  # an invented 大事记 page
    p.write_text(
        "示例区政府大事记\n\n发布时间: 2021-10-11\n\n7月\n\n1日 区委书记欧阳明主持召开防汛工作部署会。\n\n"
        "8月\n\n2日 区长陈立新率队深入东湖街道调研。\n\n近日，区长陈立新主持召开政府常务会。",
        encoding="utf-8",
    )
    events = extract(parse_file(p), nlp).events
    assert [(e.label, e.date) for e in events][:2] == [
        ("防汛工作部署会", date(2021, 7, 1)),
        ("陈立新率队深入东湖街道调研", date(2021, 8, 2)),
    ]
    assert events[2].date is None and events[2].date_as_written == "近日"


def _parse_text(tmp_path: Path, text: str):
    p = tmp_path / "page.txt"
    p.write_text(text, encoding="utf-8")
    return parse_file(p)


def test_page_date_lines_in_their_written_forms(tmp_path: Path):
    # invented pages
    body = "\n5月10日，县长赵明远主持召开县政府常务会议，研究部署安全生产工作。\n"
    for line, want in (
        ("来源：示例县人民政府  发布时间：2022-05-12 09:30", date(2022, 5, 12)),
        ("发表日期:2011-5-15 10:32:39", date(2011, 5, 15)),
        ("2015/1/23 16:48:24", date(2015, 1, 23)),
    ):
        issue = _parse_text(tmp_path, "示例县召开常务会议\n" + line + body)
        assert issue.date == want, line
        assert issue.articles and issue.clean[issue.articles[0].start :].startswith("5月10日")
    issue = _parse_text(tmp_path, "市人大老干部到示例区参观考察（2010-06-04）\n6月3日，老干部到示例区参观考察。\n")
    assert issue.date == date(2010, 6, 4)


def test_a_first_line_that_is_a_sentence_is_body_not_headline(tmp_path: Path):
    issue = _parse_text(
        tmp_path, "本报讯（记者 林小瑶）9月26日，区人大常委会召开第二十二次会议，主任张明主持会议。\n会议听取了报告。\n"
    )
    assert issue.title is None and issue.clean[issue.articles[0].start :].startswith("本报讯")


def test_reporting_units_without_credits_and_bylines(tmp_path: Path):
    issue = _parse_text(
        tmp_path, "示例镇观摩项目\n发布时间：2024-11-07\n7月13日，示例镇组织观摩。（供稿：示例县示例镇）\n"
    )
    assert issue.articles[0].unit == "示例县示例镇"
    issue = _parse_text(
        tmp_path,
        "示例县召开会议\n发布时间：2022-05-12\n5月10日，县长赵明远主持会议。\n（记者 吴晓 王磊 通讯员 郑小军）",
    )
    assert issue.articles[0].unit is None


def test_no_printed_date_takes_the_year_the_text_gives(tmp_path: Path):
    issue = _parse_text(tmp_path, "◆9月24日，2023年迎国庆“示例杯”篮球赛在县体育馆开赛。\n◆9月25日，县长出席活动。\n")
    assert issue.date is None and issue.text_year == 2023


def test_a_masthead_number_written_without_di(tmp_path: Path):
    issue = _parse_text(
        tmp_path, "示例简报\n1886 期 / 第2版\n\n◆9月23日，我县召开调度会。\n\n◆9月24日，我县召开推进会。\n"
    )
    assert issue.series == "示例简报" and issue.number == 1886 and issue.kind == "bulletin"


def test_a_first_line_that_starts_with_a_date_is_body_and_the_date_line_below_still_counts(tmp_path: Path):
    issue = _parse_text(
        tmp_path, "11月23日上午区委书记陈一组织召开全区项目推进会\n\n发布时间: 2023-11-23\n会上，区长马二讲话。\n"
    )
    assert issue.title is None and issue.date == date(2023, 11, 23)


def test_an_official_document_closes_with_its_date(tmp_path: Path):
    issue = _parse_text(
        tmp_path,
        "关于示例工作的通报\n各单位：\n5月8日，县长赵明远主持召开县政府常务会议。\n\n示例县人民政府办公室\n2023年5月10日\n",
    )
    assert issue.date == date(2023, 5, 10)
    issue = _parse_text(
        tmp_path, "关于示例工作的通报\n5月8日，县长赵明远主持召开会议。\n成文日期：二〇二三年五月十日\n"
    )
    assert issue.date == date(2023, 5, 10)


def test_a_pages_headline_names_its_units(tmp_path: Path, nlp):
    from kg.nlp.facts import extract

    issue = _parse_text(
        tmp_path, "示例县政协调研青石镇经济发展\n发布时间：2013-09-02\n8月30日，副主席刘见带领调研组开展专题调研。\n"
    )
    names = {o.name for o in extract(issue, nlp).organizations}
    assert {"示例县政协", "青石镇"} <= names


@pytest.mark.parametrize(
    "body, district",
    [
        # invented pages with no masthead: the county the page names most, headline thrice
        ("临沭县召开项目推进会\n\n8月23日，县委书记王明主持召开会议，平邑县、临沭县有关负责同志参加。", "临沭县"),
        ("临沭县委召开会议\n\n会议由县长王明主持，临沭经济开发区负责人汇报。", "临沭县"),
        # a short form counts only before an organ: 青阳路 is a street, 於东明 a person
        ("社区召开议事会\n\n8月23日，青阳路社区党委书记於东明主持召开议事会。", None),
        # 城区 and 老城区 are also everyday words
        ("城区环境整治推进会召开\n\n8月23日，老城区改造推进会召开，我区城区环境明显改善。", None),
        ("西岗区：召开动员大会\n\n会上，大连市西岗区委书记讲话，枣庄市市中区考察团参加。", "西岗区"),
    ],
)
def test_a_page_without_masthead_takes_the_county_it_names_most(tmp_path: Path, body: str, district):
    p = tmp_path / "invented-page.txt"
    p.write_text(body, encoding="utf-8")
    assert parse_file(p).district == district


def test_one_official_is_one_node_across_a_bulletin_and_a_page(tmp_path: Path, sample: Path, nlp):
    from kg.graph.build import build_graph
    from kg.nlp.facts import extract

    page = tmp_path / "invented-page.txt"  # an invented news page about the sample's district
    page.write_text(
        "上街区召开防汛工作会议\n\n发布时间: 2020-07-02\n\n7月1日，区委书记宋洁主持召开防汛工作会议。区长耿勇军参加会议。",
        encoding="utf-8",
    )
    persons = []
    for path in (sample, page):
        issue = parse_file(path)
        g = build_graph(issue, extract(issue, nlp))
        persons.append({str(s) for s in g.subjects() if "/person/" in str(s)})
    assert "https://w3id.org/district-kg/id/person/上街区/宋洁" in persons[0] & persons[1]


def test_an_organ_and_its_date_padded_apart_are_not_joined_to_the_headline_below(tmp_path):
    path = tmp_path / "invented-padded.txt"  # an invented bulletin
    path.write_text(
        "重点项目建设简报\n\n第3期\n\n青河县重点项目建设指挥部办公室          2024年5月10日\n\n"
        "一季度重点项目建设情况\n\n今年全县共谋划实施重点项目126个，总投资482.5亿元，年度计划投资105亿元。\n",
        encoding="utf-8",
    )
    issue = parse_file(path)
    assert (issue.organ, str(issue.date)) == ("青河县重点项目建设指挥部办公室", "2024-05-10")
    assert issue.articles[0].headline == "一季度重点项目建设情况"
