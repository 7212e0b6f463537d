"""Parse a bulletin issue or news page into its structure.

Masthead (series, issue number, organ, date), articles with headlines and
reporting units, △ briefs, and the tail (distribution lists, editors).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..dates import parse_full_date, text_year
from ..errors import NotABulletinError
from ..numbers import CN_CHARS, cn_to_int
from ..types import Article, Distribution, Issue
from .reading import SourceText, read_source
from .textclean import clean

CJK = re.compile(r"[\u4e00-\u9fff]")
SERIES_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:信息|简报|大事记|动态|快报|通讯|专报|要情|工作|通报|情况)$")
NUMBER_RE = re.compile(rf"第\s*([\d{CN_CHARS}]+)\s*期|^(\d{{1,5}})\s*期(?=\s|$|/)")
ORGAN_RE = re.compile(r"^[\u4e00-\u9fff（）]{4,24}(?:办公室|委员会|人民政府|政府|办|局|委|部)$")
# A page's own date line: 发布时间：2025-06-26, 时间:…, 2015/1/23 16:48:24, or a line that
# names its source first (来源：…  发布日期：…). 成文日期 closes official documents.
META_DATE_RE = re.compile(
    r"^(?:[^。，]{0,30}?(?:发布时间|发布日期|发表日期|发表时间|发稿时间|更新时间|成文日期|"
    r"印发日期|日期|时间))?\s*[:：]?\s*[\d〇零一二三四五六七八九十]{4}\s*[年\-/.]"
)
# The date that closes an official document, alone on its line or after 成文日期
SIGNED_DATE_RE = re.compile(
    r"^(?:成文日期|印发日期|发文日期)?\s*[:：]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*"
    r"[\d〇零一二三四五六七八九十]{1,3}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$"
)
# A date in the headline's brackets: …参观考察（2010-06-04）
HEADLINE_DATE_RE = re.compile(r"[（(](\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)[）)]\s*$")
TAIL_RE = re.compile(r"^(?P<verb>本期送|本期报|本期发|抄送|报送|送|报|发)\s*[:：]\s*(?P<rest>.*)$")
PRINT_RE = re.compile(r"^(?:（?共印|印数|印发)\s*[:：]?\s*(?P<n>\d+)\s*份）?$")
PLAIN_HEADLINE_RE = re.compile(r"^[^△\s][^。！？；：，]{5,40}$")
MONTH_HEADING_RE = re.compile(r"^\d{1,2}月$")
EDITOR_RE = re.compile(r"^(?:责任编辑|编辑|签发|审核|校对)\s*[:：]\s*(?P<rest>.*)$")
HEADLINE_RE = re.compile(r"^\*\*(?P<h>[^*]+)\*\*\s*|^【(?P<h2>[^】]+)】\s*")
UNIT_RE = re.compile(r"（(?P<u>[^（）]{2,20})）\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, stripped of surrounding spaces."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a] in " \t\u3000":
            a += 1
        while b > a and text[b - 1] in " \t\u3000":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _plain(line: str) -> str:
    return line.strip("#* \t").strip()


def _looks_like_name(s: str) -> bool:
    from ..lexicon import load_lexicon  # lazy: parse stays light for non-extract use

    lex = load_lexicon()
    return (
        2 <= len(s) <= 4
        and bool(CJK.fullmatch(s[0]))
        and lex.is_surname_start(s)
        and not any(s.endswith(x) for x in lex.org_suffixes)
    )


# Real bulletins draw 98 % or more of their characters from the common ones; bytes of
# another language (or random bytes) decoded as GB18030 land on common ones a quarter of the time.
MIN_COMMON_SHARE = 0.8


def _check_chinese(src: SourceText, chars: list[str]) -> None:
    """Refuse text that decoded but is not Chinese (what it looks like, not whether it decodes)."""
    from ..lexicon import load_lexicon

    common = load_lexicon().common_chars
    share = sum(1 for c in chars if c in common) / len(chars)
    if share < MIN_COMMON_SHARE:
        raise NotABulletinError(
            src.path,
            f"does not read as Chinese ({share:.0%} of its characters are common "
            f"Chinese ones, against 98 % in a bulletin); wrong encoding or another language?",
        )


def parse_source(src: SourceText) -> Issue:
    ct = clean(src.text)
    text = ct.text
    chars = CJK.findall(text)
    if len(chars) < 20:
        raise NotABulletinError(src.path, "no Chinese text to read; not a bulletin or news item")
    _check_chinese(src, chars)
    lines = _lines(text)
    issue = Issue(
        path=src.path,
        sha256=src.sha256,
        text=src.text,
        clean=text,
        offsets=ct.offsets,
        encoding=src.encoding,
        key="",
        kind="page",
    )

    # --- masthead: look at the first lines only
    body_from = 0
    for k, (a, b) in enumerate(lines[:8]):
        line = _plain(text[a:b])
        if len(line) > (90 if k == 0 else 40) or "。" in line.rstrip("。")[:-1] or line.endswith("。"):
            break  # a sentence: the body has begun
        # organ and date often share a line, set apart by spaces
        parts = [p for p in re.split(r"\s{2,}|\t", line) if p] if len(line) > 8 else [line]
        consumed = any([_masthead_part(issue, part, k) for part in parts])
        if (
            not consumed
            and k == 0
            and issue.series is None
            and (re.match(r"\d{1,2}\s*月\s*\d{1,2}\s*日", line) or "，" in line and len(line) > 30)
        ):
            # 2月26日，区委…: the first line is the body's first sentence, not a headline;
            # a date line just below it still dates the page
            issue.date = next((d for c, e in lines[1:4] if (d := _date_line(_plain(text[c:e])))), None)
            break
        if not consumed and k == 0 and issue.series is None:
            issue.title, consumed = line, True  # a news page opens with its headline
            hd = HEADLINE_DATE_RE.search(line)
            if hd and issue.date is None:
                issue.date = parse_full_date(hd.group(1))
        if consumed:
            body_from = k + 1
        elif issue.series or issue.title:
            break
    if issue.series and issue.number is not None:
        issue.kind = "bulletin"
        year = issue.date.year if issue.date else 0
        issue.key = f"{issue.series}/{year}/{issue.number}"
    else:
        issue.kind = "page"
        issue.key = f"page/{src.path.stem}"

    # --- tail: distribution and editors, from the end upwards
    body_lines = lines[body_from:]
    tail_from = len(body_lines)
    for k in range(len(body_lines) - 1, -1, -1):
        a, b = body_lines[k]
        line = _plain(text[a:b])
        if line.strip("-—") == "":
            tail_from = k
            continue
        tm, em, pm = TAIL_RE.match(line), EDITOR_RE.match(line), PRINT_RE.match(line)
        if SIGNED_DATE_RE.match(line) and len(body_lines) - k <= 3:
            # an official document closes with its date (成文日期): it dates the issue when nothing else does
            issue.date = issue.date or parse_full_date(line)
        elif pm:
            issue.print_count = int(pm.group("n"))
        elif em:
            issue.editors[:0] = [n for n in re.split(r"[\s、，,]+", em.group("rest")) if n]
        elif tm:
            recipients = [r for r in re.split(r"[、，,；;]", tm.group("rest")) if r.strip()]
            issue.distribution.insert(0, Distribution(tm.group("verb").removeprefix("本期"), recipients))
        else:
            break
        tail_from = k
    body_lines = body_lines[:tail_from]

    # --- articles and briefs
    current: Article | None = None
    for k, (a, b) in enumerate(body_lines):
        raw = text[a:b]
        hm = HEADLINE_RE.match(raw)
        if (
            issue.kind == "bulletin"
            and not hm
            and k + 1 < len(body_lines)
            and _plain_headline(raw)
            and not HEADLINE_RE.match(text[body_lines[k + 1][0] : body_lines[k + 1][1]])
        ):
            # Word and PDF files lose the bold: a short line with no sentence punctuation
            # followed by a paragraph is a headline
            current = Article("article", raw.strip(), None, body_lines[k + 1][0], body_lines[k + 1][0])
            issue.articles.append(current)
            continue
        if current is not None and current.start == current.end == a:
            current.end = b  # the first paragraph under a plain headline
            continue
        if raw.startswith("△") and issue.kind == "bulletin":
            current = Article("brief", None, None, a + 1, b)
            issue.articles.append(current)
        elif hm:
            current = Article("article", hm.group("h") or hm.group("h2"), None, a + hm.end(), b)
            issue.articles.append(current)
        elif current is None or issue.kind == "bulletin" and current.kind == "brief":
            current = Article("article", issue.title if issue.kind == "page" else None, None, a, b)
            issue.articles.append(current)
        else:
            current.end = b
    for i, art in enumerate(issue.articles):
        art.index = i
        um = UNIT_RE.search(text, art.start, art.end)
        if um and um.end() >= art.end - 1:
            # （区政府办供稿）, （供稿：示例镇）: the unit without the words around it
            unit = re.sub(r"^(?:供稿|来源|稿件来源|信息来源)\s*[:：]\s*|\s*(?:供稿|供)$", "", um.group("u").strip())
            if not _looks_like_name(unit) and not re.search(r"\s", unit):
                art.unit = unit
                art.end = um.start()
            elif re.search(r"\s", unit):
                # （东湖镇 李小红）: the unit, then its writers; the names stay in the text
                first, *rest = unit.split()
                if (
                    rest
                    and not _looks_like_name(first)
                    and all(_looks_like_name(r) for r in rest)
                    and not _is_byline_rank(first)
                ):
                    art.unit = first
    if not issue.articles:
        raise NotABulletinError(src.path, "no article text after the masthead")
    issue.district = _district(issue)
    body = text[issue.articles[0].start : issue.articles[-1].end]
    issue.text_year = text_year((issue.title or "") + "\n" + body, issue.date)
    return issue


def _masthead_part(issue: Issue, line: str, k: int) -> bool:
    """Read one masthead field from ``line`` into ``issue``; True when it was one."""
    if issue.series is None and SERIES_RE.match(line) and k <= 2:
        issue.series = line
        return True
    m = NUMBER_RE.search(line)
    if issue.number is None and m and len(line) <= 20:
        try:
            n = m.group(1) or m.group(2)
            issue.number = int(n) if n.isdigit() else cn_to_int(n)
            return True
        except ValueError:
            pass
    if issue.organ is None and ORGAN_RE.match(line) and issue.series:
        issue.organ = line
        return True
    if issue.date is None and (d := _date_line(line)):
        issue.date = d
        return True
    return False


def _date_line(line: str) -> date | None:
    """The date of a page's own date line (发布时间：2025-06-26, 2015/1/23 16:48:24)."""
    return parse_full_date(line) if META_DATE_RE.match(line) and len(line) <= 60 else None


def _is_byline_rank(word: str) -> bool:
    """记者, 通讯员: who wrote the item, not the unit that reports it."""
    from ..lexicon import load_lexicon

    return load_lexicon().rank_kinds.get(word) == "byline"


def _plain_headline(line: str) -> bool:
    line = line.strip()
    return (
        bool(PLAIN_HEADLINE_RE.match(line))
        and not MONTH_HEADING_RE.match(line)
        and line[-1] not in "。！？；：，、）)"
        and not TAIL_RE.match(line)
        and not EDITOR_RE.match(line)
    )


def _district(issue: Issue) -> str | None:
    """The county or district an issue is about: its organ's (中共上街区委办公室), else the
    one its headline and text name most. Persons and short organ names (区委) are scoped
    by it, so one official is one node across bulletins, pages and formats."""
    if issue.organ:
        m = re.search(r"([\u4e00-\u9fff]{2,4}?[区县旗])", issue.organ.removeprefix("中共"))
        if m:
            return m.group(1)
    return _place_most_written(issue)


@lru_cache(maxsize=1)
def _county_pattern() -> re.Pattern:
    from ..lexicon import load_lexicon

    places = load_lexicon().places
    full = sorted(places.counties - places.generic, key=lambda w: (-len(w), w))
    short = sorted(places.county_short, key=lambda w: (-len(w), w))
    # a short form (临沭) alone is too often part of a street, village or person's name
    # (青阳路, 三河底村, 於东明): it counts only before the organs and outlets of a county
    organs = "委|政府|人民政府|人大|政协|纪委|新闻|融媒|日报|发布"
    return re.compile(f"{'|'.join(map(re.escape, full))}|(?:{'|'.join(map(re.escape, short))})(?=(?:{organs}))")


def _place_most_written(issue: Issue) -> str | None:
    """The county-level place of the gazetteer that a page names most: a full name
    (临沭县) counts twice a short one before an organ (临沭县委 as 临沭委), the headline
    thrice the body; the first named wins a tie. Names that are also common words (城区)
    do not count. None when the page names none (a street's page, 我区 only)."""
    from ..lexicon import load_lexicon

    places = load_lexicon().places
    score: Counter = Counter()
    first: dict[str, int] = {}
    pattern = _county_pattern()
    for weight, text, offset in ((3, issue.title or "", -1_000_000), (1, issue.clean, 0)):
        for m in pattern.finditer(text):
            full = places.county_short.get(m.group(), m.group())
            if full in places.counties:
                score[full] += weight * (2 if m.group() == full else 1)
                first.setdefault(full, offset + m.start())
    return min(score, key=lambda k: (-score[k], first[k])) if score else None


def parse_file(path: Path) -> Issue:
    """Read and parse one file; raises :class:`~kg.errors.InputError` on bad input."""
    return parse_source(read_source(path))
