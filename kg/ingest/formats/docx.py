"""Word .docx: paragraphs in order, bold paragraphs as headlines, tables as text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ...errors import InputError
from .headlines import HEADLINE_MAX, is_headline

# the XML of a Word file (images aside): a bulletin's is well under a megabyte
MAX_UNPACKED = 64 * 1024 * 1024


def _paragraph_text(p) -> str:
    text = p.text.strip()
    runs = [r for r in p.runs if r.text.strip()]
    if text and runs and all(r.bold for r in runs) and len(text) <= HEADLINE_MAX:
        return f"**{text}**"  # a bold paragraph is a headline, as in the Markdown form
    lead = ""
    for r in p.runs:  # bold runs that open the paragraph: a headline on the line of its body
        if r.text.strip() and not r.bold:
            break
        lead += r.text
    lead = lead.strip()
    if is_headline(lead) and text.startswith(lead) and len(text) > len(lead):
        return f"**{lead}** {text[len(lead) :].strip()}"
    return text


def read_docx(data: bytes, path: Path) -> tuple[str, str]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
        if unpacked > MAX_UNPACKED:  # a small file can unpack to gigabytes of XML
            raise InputError(
                path,
                f"Word file unpacks to {unpacked // (1024 * 1024)} MB, more than a bulletin "
                f"can be (the limit is {MAX_UNPACKED // (1024 * 1024)} MB)",
            )
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"corrupt or not a Word .docx file ({type(exc).__name__})") from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(_paragraph_text(Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                blocks.append("\t".join(cells))
    text = "\n\n".join(b for b in blocks if b)
    return text, "docx"
