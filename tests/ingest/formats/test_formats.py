"""The user's sample, written by the tests into each format, parses to the same structure."""

from __future__ import annotations

from datetime import date

import pytest

from kg.errors import InputError
from kg.ingest.parse import parse_file
from kg.ingest.reading import read_source

from .conftest import (
    write_docx,
    write_docx_same_line,
    write_html,
    write_html_same_line,
    write_pdf,
    write_pdf_same_line,
)


def structure(issue):
    return {
        "masthead": (issue.series, issue.number, issue.organ, issue.date),
        "articles": [(a.kind, a.unit) for a in issue.articles],
        "headline": issue.articles[0].headline,
        "distribution": [(d.verb, d.recipients) for d in issue.distribution],
        "editors": issue.editors,
        "whole_name": "房玉雯" in issue.clean and "重要讲话" in issue.clean,
    }


EXPECTED = {
    "masthead": ("上街信息", 46, "中共上街区委办公室", date(2020, 6, 16)),
    "articles": [
        ("article", None),
        ("article", "中心路街道"),
        ("brief", "区市场监管局"),
        ("brief", "区农委"),
        ("brief", "区侨联"),
    ],
    "headline": "我区召开高品质城市建设工作推进会",
    "distribution": [("送", ["区县处级领导"]), ("发", ["峡窝镇", "各街道办事处", "区直各单位负责同志"])],
    "editors": ["高歌", "金嵩尧"],
    "whole_name": True,
}


def test_markdown_sample(sample):
    assert structure(parse_file(sample)) == EXPECTED


def test_gb18030_text(sample, tmp_path):
    p = tmp_path / "sample-gb.txt"
    p.write_bytes(sample.read_text(encoding="utf-8").encode("gb18030"))
    issue = parse_file(p)
    assert issue.encoding == "gb18030" and structure(issue) == EXPECTED


@pytest.mark.parametrize(
    "writer,suffix",
    [
        (write_docx, ".docx"),
        (write_pdf, ".pdf"),
        (write_html, ".html"),
        (write_docx_same_line, ".docx"),
        (write_pdf_same_line, ".pdf"),
        (write_html_same_line, ".html"),
    ],
)
def test_every_format_gives_the_same_structure(writer, suffix, sample_lines, tmp_path):
    issue = parse_file(writer(sample_lines, tmp_path / f"sample{suffix}"))
    assert structure(issue) == EXPECTED


def test_pdf_drops_running_headers_and_page_numbers(sample_lines, tmp_path):
    text = read_source(write_pdf(sample_lines, tmp_path / "s.pdf")).text
    assert text.count("上街信息") == 1 and "- 2 -" not in text


def test_html_drops_navigation_share_and_counters(sample_lines, tmp_path):
    text = read_source(write_html(sample_lines, tmp_path / "s.html")).text
    assert "政务公开" not in text and "浏览次数" not in text and "分享到" not in text and "版权所有" not in text


def test_news_page_is_one_article_with_its_own_date(tmp_path):
    p = tmp_path / "invented-news.html"  # an invented news page
    p.write_text(
        """<html><head><meta charset="utf-8"><meta name="PubDate" content="2023-08-24 10:00">
<title>示例县召开项目推进会_示例县人民政府</title></head><body><div class="nav">首页 新闻</div>
<div class="content"><h1>示例县召开项目推进会</h1><p>8月23日，县委书记欧阳明主持召开项目推进会。</p>
<p>县领导王海、李红梅出席。本次集中开工项目36个，总投资75.5亿元。</p></div>
<div class="footer">主办：示例县人民政府</div></body></html>""",
        encoding="utf-8",
    )
    issue = parse_file(p)
    assert issue.kind == "page" and issue.title == "示例县召开项目推进会" and issue.date == date(2023, 8, 24)
    assert len(issue.articles) == 1 and "主办" not in issue.clean


def test_html_with_no_article(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><div class='nav'>首页</div></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article"):
        read_source(p)


def test_scanned_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(50, 50, 100, 100)  # a picture, no text
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        read_source(p)


def test_encrypted_pdf(sample_lines, tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(sample_lines[:6], tmp_path / "plain.pdf")
    w = PdfWriter()
    for page in PdfReader(plain).pages:
        w.add_page(page)
    w.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as f:
        w.write(f)
    with pytest.raises(InputError, match="encrypted"):
        read_source(locked)


def test_a_bold_lead_in_of_a_point_stays_in_its_article(tmp_path):
    """Word sets 一是…。 and （一）… in bold too: they are points of the article, not headlines."""
    import docx

    d = docx.Document()
    for head, text in [
        ("示例信息", ""),
        ("", "第 7 期"),
        ("", "中共示例区委办公室　　　　2021 年 4 月 2 日"),
        ("我区推进招商引资工作", "示例街道多措并举推进招商。"),  # invented
        ("一是新举措，促招商。", "召开招商引资座谈会，聘请6位企业家为招商特使。"),
        ("（二）新模式", "上门了解企业需求，解决企业困难。（示例街道）"),
    ]:
        p = d.add_paragraph()
        if head:
            p.add_run(head).bold = True
        p.add_run(text)
    d.save(tmp_path / "points.docx")
    issue = parse_file(tmp_path / "points.docx")
    (article,) = issue.articles
    body = issue.clean[article.start : article.end]
    assert article.headline == "我区推进招商引资工作" and article.unit == "示例街道"
    assert "一是新举措" in body and "（二）新模式" in body


def test_a_long_pdf_headline_on_the_line_of_its_body_is_split_off(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "invented-run-in.pdf"  # an invented bulletin
    c = canvas.Canvas(str(p))
    c.setFont("STSong-Light", 11)
    for y, line in ((790, "示例信息"), (770, "第 3 期"), (750, "中共示例区委办公室    2021 年 5 月 6 日")):
        c.drawString(40, y, line)
    head = "我区召开二〇二一年城市更新暨老旧小区改造工作推进会议"  # longer than a layout line's join limit
    c.setFont("STSong-Light", 15)
    c.drawString(40, 720, head)
    c.setFont("STSong-Light", 11)
    c.drawString(40 + pdfmetrics.stringWidth(head, "STSong-Light", 15) + 8, 720, "5月5日，")
    c.drawString(40, 704, "区委书记欧阳明主持召开城市更新工作推进会议，区领导陈立新参加会议。")
    c.save()
    issue = parse_file(p)
    assert [a.headline for a in issue.articles] == [head]
    assert issue.clean[issue.articles[0].start :].startswith("5月5日，区委书记欧阳明")
