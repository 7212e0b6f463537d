"""Read a source file into text, detecting its encoding (never assuming it)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# A bulletin is ~10 kB of text; Word and PDF files may carry images. Refuse what cannot be one.
MAX_BYTES = {".docx": 64 * 1024 * 1024, ".pdf": 64 * 1024 * 1024}
MAX_TEXT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    encoding: str
    sha256: str


def iter_sources(paths: list[Path]) -> list[Path]:
    """Files to import, in a stable order; folders are walked recursively.

    A missing path is returned as is, so the caller reports it with the others.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return out


def _reader(suffix: str):
    if suffix in (".txt", ".md"):
        from .formats.text import read_text
        return read_text
    if suffix == ".docx":
        from .formats.docx import read_docx
        return read_docx
    if suffix == ".pdf":
        from .formats.pdf import read_pdf
        return read_pdf
    from .formats.html import read_html
    return read_html


def read_source(path: Path) -> SourceText:
    """Read one file; every failure is an :class:`InputError` naming it."""
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir():
        raise InputError(path, "is a folder with no supported file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(path, f"unsupported format {path.suffix or '(none)'}; "
                               f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES.get(path.suffix.lower(), MAX_TEXT_BYTES):
            raise InputError(path, f"file of {size // (1024 * 1024)} MB is too large for a bulletin")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    if not data.strip():
        raise InputError(path, "empty file")
    text, encoding = _reader(path.suffix.lower())(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, encoding, hashlib.sha256(data).hexdigest())
