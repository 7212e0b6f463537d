"""PDF with a text layer: pages in order, running headers, footers and page numbers dropped."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from ...errors import InputError
from .headlines import is_headline

UNIT_LINE = re.compile(r"^[（(][^（）()。，]{1,20}[）)]$")  # （区农委）
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–·]\s*\d+\s*[-—–·]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})\s*$")


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Lines that open or close most pages (a running header or footer) are dropped."""
    if len(pages) < 2:
        return [[line for line in p if not PAGE_NUMBER.match(line)] for p in pages]
    edges = Counter()
    for lines in pages:
        for line in set(lines[:2] + lines[-2:]):
            edges[re.sub(r"\d+", "#", line.strip())] += 1
    running = {k for k, n in edges.items() if n >= max(2, len(pages) // 2 + 1) and k}
    out = []
    for lines in pages:
        kept = [
            line
            for i, line in enumerate(lines)
            if not PAGE_NUMBER.match(line)
            and not ((i < 2 or i >= len(lines) - 2) and re.sub(r"\d+", "#", line.strip()) in running)
        ]
        out.append(kept)
    return out


BOLD_FONT = re.compile(r"bold|black|heavy|hei|黑体|小标宋", re.I)


def _lines_marked(page) -> list[str]:
    """A page's lines, a headline marked ``**…**`` as in the Markdown form: a line set
    larger than the page's body text, or in a bold face, that reads as a headline. A PDF
    keeps no paragraphs, so a run-in headline (on the line of its body) is known by its
    type alone; pypdf already ends a line where the type changes."""
    runs: list[tuple[str, float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3]) or 1.0  # sizes are often set as 1 pt scaled by the text matrix
            runs.append((text, round(size * scale, 1), str((font or {}).get("/BaseFont", ""))))

    lines = (page.extract_text(visitor_text=visit) or "").splitlines()
    share: Counter = Counter()
    for text, size, font in runs:
        share[(size, font)] += len(text.strip())
    if not share:
        return lines
    body_size, body_font = share.most_common(1)[0][0]
    heads = {
        line.strip()
        for text, size, font in runs
        if size > body_size * 1.15 or (font != body_font and BOLD_FONT.search(font))
        for line in text.splitlines()
        if is_headline(line)
    }
    return [f"**{line.strip()}**" if line.strip() in heads else line for line in lines]


def read_pdf(data: bytes, path: Path) -> tuple[str, str]:
    import logging

    from pypdf import PdfReader

    # pypdf logs what it repairs in damaged files; the one-line error (or success) says enough
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(path, "encrypted PDF; decrypt it first")
        pages = [_lines_marked(page) for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"corrupt PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    if not any(line.strip() for p in pages for line in p):
        raise InputError(path, "PDF has no text layer (a scan?); OCR is not supported")
    pages = _strip_running_lines([[line.rstrip() for line in p if line.strip()] for p in pages])
    # PDF lines are layout lines: a paragraph continues unless a line ends a sentence
    paragraphs: list[str] = []
    for lines in pages:
        for line in lines:
            s = line.strip()
            if (
                paragraphs
                and paragraphs[-1]
                and not re.search(r"[。！？：:）)】”]$|\*\*$", paragraphs[-1])
                and not re.match(r"^(?:△|\*\*|本期|抄送|报：|发：|责任编辑|第\s*\d+\s*期)", s)
                and (len(paragraphs[-1]) >= 20 or paragraphs[-1].endswith(("，", "、")))
            ) or (paragraphs and UNIT_LINE.match(s) and paragraphs[-1].endswith(("。", "！", "？"))):
                # a reporting unit that the layout carried to a line of its own closes its item
                paragraphs[-1] += s
            else:
                paragraphs.append(s)
    return "\n\n".join(paragraphs), "pdf"
