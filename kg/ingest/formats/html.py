"""A district government news page: keep the article, drop the page around it.

Navigation, headers, footers, share buttons and view counters are left out; the
article is the block with the most Chinese text. The headline is the page's
<h1> (else <title>), the date the page's own publication date.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ...errors import InputError
from .headlines import is_headline
from .text import decode

SKIP_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
}
SKIP_HINTS = re.compile(
    r"nav|menu|share|footer|header|breadcrumb|crumb|sidebar|toolbar|copyright|counter|views|comment|related|bshare|jiathis|print|login",
    re.I,
)
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table", "td"}
META_DATE = (
    "article:published_time",
    "pubdate",
    "publishdate",
    "PubDate",
    "firstpublishedtime",
    "publish_date",
    "date",
)
BOLD_TAGS = {"strong", "b"}
VOID = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "wbr"}
CJK = re.compile(r"[\u4e00-\u9fff]")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, int]] = []  # tag, skipped, container id
        self.containers: dict[int, list[str]] = {}
        self.title = ""
        self.h1 = ""
        self.meta_date = ""
        self._in_title = self._in_h1 = False
        self._next = 0
        self._line_open = False  # text since the last block break
        self._bold: list[tuple[int, int] | None] = []  # where a headline marker opened: (container, part)

    def _skipping(self) -> bool:
        return any(s for _, s, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or ""
            if key in META_DATE and a.get("content"):
                self.meta_date = self.meta_date or a["content"]
            return
        if tag in VOID:
            if tag == "br":
                self._text("\n")
            return
        skip = tag in SKIP_TAGS or bool(SKIP_HINTS.search(a.get("class", "") + " " + a.get("id", "")))
        self._next += 1
        self.stack.append((tag, skip, self._next))
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in BLOCK_TAGS:
            self._text("\n")
        if tag in BOLD_TAGS:
            # bold that opens a block is a headline, perhaps on the line of its body:
            # marked **…** as in the Markdown form, so the parser splits it off
            self._bold.append(self._mark() if not self._line_open and not self._skipping() else None)

    def _mark(self) -> tuple[int, int]:
        self._text("**")
        cid = self._container()
        return cid, len(self.containers[cid]) - 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in BOLD_TAGS and self._bold:
            opened = self._bold.pop()
            if opened is not None:
                parts = self.containers[opened[0]]
                inside = "".join(parts[opened[1] + 1 :]).strip()
                if is_headline(inside) and "\n" not in inside:
                    self._text("**")
                else:
                    parts[opened[1]] = ""  # emphasis, a point's lead-in, or spread over blocks
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in BLOCK_TAGS:
            self._text("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_h1 and not self._skipping():
            self.h1 += data
        if not self._skipping() and not self._in_title:
            self._text(data)

    def _container(self) -> int:
        # text belongs to its nearest div/article/section/td container
        return next((c for t, _, c in reversed(self.stack) if t in ("div", "article", "section", "td", "body")), 0)

    def _text(self, data: str) -> None:
        if data == "\n":
            self._line_open = False
        elif data.strip() and data != "**":
            self._line_open = True
        self.containers.setdefault(self._container(), []).append(data)


def read_html(data: bytes, path: Path) -> tuple[str, str]:
    m = re.search(rb"charset=[\"']?([\w-]+)", data[:2048], re.I)
    declared = m.group(1).decode("ascii", "ignore").lower() if m else ""
    if declared in ("gbk", "gb2312", "gb18030"):
        text, how = data.decode("gb18030", errors="replace"), "html gb18030"
    else:
        text, enc = decode(data, path)
        how = f"html {enc}"
    page = _Page()
    try:
        page.feed(text)
        page.close()
    except Exception as exc:  # html.parser is lenient; anything else is a broken file
        raise InputError(path, f"cannot read the HTML ({type(exc).__name__})") from None
    blocks = {cid: "".join(parts) for cid, parts in page.containers.items()}
    if not blocks:
        raise InputError(path, "HTML page with no article text")
    best = max(blocks.values(), key=lambda t: len(CJK.findall(t)))
    body_lines = [re.sub(r"[ \t\u3000\xa0]+", " ", line).strip() for line in best.splitlines()]
    body = "\n\n".join(line for line in body_lines if line)
    if len(CJK.findall(body)) < 20:
        raise InputError(path, "HTML page with no article text")
    # a page's <title> often ends with the site's name: 标题_示例县人民政府
    headline = re.sub(r"\s+", " ", page.h1 or re.split(r"[_|—–-]", page.title)[0]).strip()
    bulletin = re.search(r"第\s*[\d一二三四五六七八九十]+\s*期", "\n".join(body.split("\n\n")[:6]))
    head = [headline] if headline and not body.startswith(headline) and not bulletin else []
    date = _page_date(page.meta_date, text)
    if date and date not in body[:200]:
        head.append(f"发布时间：{date}")
    if head and body.startswith(headline):
        first, _, rest = body.partition("\n\n")
        body = rest
        head.insert(0, first)
    return "\n\n".join(head + [body]), how


def _page_date(meta: str, html_text: str) -> str | None:
    m = re.search(r"\d{4}-\d{2}-\d{2}", meta or "")
    if m:
        return m.group()
    m = re.search(
        r"(?:发布时间|发布日期|发稿时间|日期)\s*[:：]?\s*(\d{4}[-年/.]\s*\d{1,2}[-月/.]\s*\d{1,2})", html_text
    )
    return m.group(1) if m else None
