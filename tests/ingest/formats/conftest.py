"""Write the user's sample issue into every supported format (no downloads)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest


def logical_lines(sample: Path) -> list[tuple[str, bool]]:
    """(text, is_headline) for each line of the sample; **headline** body splits in two."""
    out: list[tuple[str, bool]] = []
    for raw in sample.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lstrip("#").strip()
        if not line or set(line) <= set("-"):
            out.append(("", False))
            continue
        m = re.match(r"\*\*(.+?)\*\*\s*(.*)", line)
        if m:
            out.append((m.group(1), True))
            out.append((m.group(2), False))
        else:
            out.append((line, False))
    return out


@pytest.fixture(scope="session")
def sample_lines() -> list[tuple[str, bool]]:
    return logical_lines(Path(__file__).resolve().parents[3] / "data" / "shangjie-xinxi-2020-46.txt")


def write_docx(lines, target: Path) -> Path:
    import docx

    d = docx.Document()
    for text, head in lines:
        if text:
            p = d.add_paragraph()
            p.add_run(text).bold = head
    d.save(target)
    return target


def write_pdf(lines, target: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(target))
    page = [1]

    def new_page():
        c.setFont("STSong-Light", 9)
        c.drawString(250, 815, "上街信息")  # running header
        c.drawString(290, 20, f"- {page[0]} -")  # page number
        c.setFont("STSong-Light", 11)
        return 790

    y = new_page()
    for text, _ in lines:
        if not text:
            continue
        for i in range(0, len(text), 40):  # layout lines of 40 characters
            if y < 60:
                c.showPage()
                page[0] += 1
                y = new_page()
            c.drawString(40, y, text[i : i + 40])
            y -= 16
        y -= 8
    c.save()
    return target


def write_pdf_same_line(lines, target: Path) -> Path:
    """Headlines set larger, on the baseline of their body's first line, as a PDF made
    from a Word file with run-in headlines has them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(target))
    y = [790]

    def room() -> None:  # a new page when this one is full; a page starts in Helvetica
        if y[0] < 60:
            c.showPage()
            y[0] = 790
        c.setFont("STSong-Light", 11)

    for head, text in same_line(lines):
        room()
        x = 40
        if head:
            c.setFont("STSong-Light", 15)
            c.drawString(x, y[0], head)
            x += pdfmetrics.stringWidth(head, "STSong-Light", 15) + 8
            c.setFont("STSong-Light", 11)
        width = max(1, int((550 - x) // 11))  # what is left of the headline's line
        c.drawString(x, y[0], text[:width])
        y[0] -= 16
        for i in range(width, len(text), 46):
            room()
            c.drawString(40, y[0], text[i : i + 46])
            y[0] -= 16
        y[0] -= 8
    c.save()
    return target


def write_html(lines, target: Path) -> Path:
    body = "".join(
        f"<p><strong>{html.escape(t)}</strong></p>" if h else f"<p>{html.escape(t)}</p>" for t, h in lines if t
    )
    target.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>上街信息第46期-上街区人民政府</title>
<script>var views = 1;</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/news">新闻中心</a></div>
<div class="main"><div class="article-content">{body}</div>
<div class="share">分享到：微信 微博</div><div class="counter">浏览次数：1234</div></div>
<div class="footer">版权所有：上街区人民政府 技术支持：某某公司</div></body></html>""",
        encoding="utf-8",
    )
    return target


def same_line(lines) -> list[tuple[str, str]]:
    """(headline, body) pairs with each headline on the line of its body, as Word files
    and news pages often set them; other lines as ("", text)."""
    out, i = [], 0
    while i < len(lines):
        text, head = lines[i]
        if head and i + 1 < len(lines):
            out.append((text, lines[i + 1][0]))
            i += 2
        else:
            out.append(("", text))
            i += 1
    return out


def write_docx_same_line(lines, target: Path) -> Path:
    import docx

    d = docx.Document()
    for head, text in same_line(lines):
        if head or text:
            p = d.add_paragraph()
            if head:
                p.add_run(head).bold = True
                p.add_run(" ")
            p.add_run(text)
    d.save(target)
    return target


def write_html_same_line(lines, target: Path) -> Path:
    body = "".join(
        f"<p><strong>{html.escape(h)}</strong> {html.escape(t)}</p>" if h else f"<p>{html.escape(t)}</p>"
        for h, t in same_line(lines)
        if h or t
    )
    target.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>上街信息第46期</title></head>'
        f'<body><div class="article-content">{body}</div></body></html>',
        encoding="utf-8",
    )
    return target
