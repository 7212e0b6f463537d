"""Repairs on the raw text that keep a map back to the user's characters.

Every repair either maps one character to one character (width and punctuation
normalisation) or deletes characters (page-break joins), so the cleaned text
carries, per character, the index it came from in the original.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

SENTENCE_END = set("。！？；：…”’」』）)】》.!?;:")
# Lines that start structure and must never be glued to the line before.
STRUCTURAL_START = re.compile(
    r"^(?:[△◆●▲■★☆◇□○•▪◎▶►※❖]|\*\*|#|【|---|本期送|本期报|抄送|报[:：]|送[:：]|发[:：]|责任编辑|编辑|签发|"
    r"发布时间|发布日期|发稿时间|来源|日期|\d{1,2}月\s*$|\d{1,2}日\s|[一二三四五六七八九十]+是)"
)
# A line of page metadata (来源：…  发布时间：…) ends a paragraph however long it is.
META_LINE = re.compile(
    r"(?:来源|发布时间|发布日期|发表日期|发稿时间|时间|日期|作者|编辑|浏览|点击)\s*[:：]|\d{1,2}:\d{2}\s*$"
)
ASCII_TO_CJK = {",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "!": "！", "?": "？"}


@dataclass
class CleanText:
    text: str
    offsets: list[int]  # one entry per character of text, plus the end


def _normalise_char(prev: str, ch: str, nxt: str) -> str:
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)  # full-width digit or Latin letter
    if ch == "\u3000":
        return " "
    if ch in ASCII_TO_CJK:
        # 1,000 and 15:18 keep their ASCII separators between digits.
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            return ch
        return ASCII_TO_CJK[ch]
    return ch


def _is_continuation(prev_line: str, next_line: str, prev_is_first: bool, wrap: int = 0) -> bool:
    """A page break split a paragraph: the previous line stops mid-sentence.

    ``wrap``: the width a copied PDF wraps its lines at, if the text has one; a line
    that fills it continues on the next even when it is short."""
    p, n = prev_line.rstrip(), next_line.strip()
    if not p or not n or prev_is_first:
        return False
    # measured without the padding that sets a masthead's organ apart from its date
    short = len(re.sub(r"\s+", "", p)) < 30 and not (wrap and len(p.strip()) >= wrap - 2)
    if p[-1] in SENTENCE_END or short or META_LINE.search(p):
        return False  # short lines are headings, masthead or list items
    if STRUCTURAL_START.match(n):
        return False
    return "\u4e00" <= n[0] <= "\u9fff" or n[0].isdigit() or n[0] in "“‘（"


def _wrap_width(lines: list[str]) -> int:
    """The length most lines share, when at least four do: text copied from a PDF wraps there."""
    counts = Counter(len(x.strip()) for x in lines if len(x.strip()) >= 12)
    if not counts:
        return 0
    width, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    near = sum(c for w, c in counts.items() if abs(w - width) <= 1)
    return width if near >= 4 else 0


# 王　伟、李明辉: lists pad two-character names with a space to the width of three
PADDED_NAME = re.compile(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?=[、，,。；;）)\n等]|$)", re.M)


def _close_padded_names(text: str, keep: list[bool]) -> None:
    from ..lexicon import load_lexicon  # lazy: surnames are only needed here

    lex = load_lexicon()
    for m in PADDED_NAME.finditer(text):
        if lex.is_surname_start(m.group(1)):
            keep[m.end(1)] = False
    for m in re.finditer(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?=\s*[:：]|\s)", text):
        if lex.rank_kinds.get(m.group(1) + m.group(2)) == "byline":
            keep[m.end(1)] = False  # （记 者：…）: a byline label spaced out


def clean(text: str) -> CleanText:
    """Normalise characters and rejoin paragraphs broken across pages."""
    out: list[str] = []
    offsets: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        out.append(_normalise_char(text[i - 1] if i else "", ch, text[i + 1] if i + 1 < n else ""))
        offsets.append(i)
    joined = "".join(out)

    # Find page-break gaps: newline runs between a mid-sentence line and its tail.
    keep = [True] * len(joined)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", joined) if m.end() > m.start()]
    first_content = next((k for k, (a, b) in enumerate(lines) if joined[a:b].strip()), 0)
    wrap = _wrap_width([joined[a:b] for a, b in lines])
    for k in range(len(lines) - 1):
        a, b = lines[k]
        c, d = lines[k + 1]
        between = joined[b:c]
        if between.strip() or "\n" not in between:
            continue
        if _is_continuation(joined[a:b], joined[c:d], k == first_content, wrap):
            # drop trailing spaces of the line, the newlines and leading spaces of the next
            j = b
            while j > a and joined[j - 1] in " \t":
                j -= 1
            e = c
            while e < d and joined[e] in " \t":
                e += 1
            for x in range(j, e):
                keep[x] = False
    _close_padded_names(joined, keep)
    text_out = "".join(ch for ch, k in zip(joined, keep) if k)
    off_out = [o for o, k in zip(offsets, keep) if k]
    off_out.append(n)
    return CleanText(text_out, off_out)
