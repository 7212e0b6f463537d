"""Read a source file into text, detecting its encoding (never assuming it)."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# A bulletin is ~10 kB of text; Word and PDF files may carry images. Refuse what cannot be one.
MAX_BYTES = {".docx": 64 * 1024 * 1024, ".pdf": 64 * 1024 * 1024}
# What `bench/bench_size.py` shows this machine imports in minutes, linearly: 8 MB of
# UTF-8 Chinese is about 2.8 million characters, a year of a district's bulletins in one file.
MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_CHARS = 3_000_000


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
            out.extend(sorted(_walk(path)))
        else:
            out.append(path)
    return out


# folders a walk never enters: tools' caches, environments, stores (``kg import .`` in a project)
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages", "kg-snapshots"})


def _walk(folder: Path):
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            if entry.name.startswith(".") or entry.name in SKIPPED_FOLDERS or (entry / "pyvenv.cfg").exists():
                continue  # hidden folders (.git, .venv, .pytest_cache), caches, virtual environments
            yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES and not entry.name.startswith("."):
            yield entry


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
        raise InputError(
            path, f"unsupported format {path.suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    limit = MAX_BYTES.get(path.suffix.lower(), MAX_TEXT_BYTES)
    try:
        info = path.stat()  # through symlinks: what would be read
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a device, pipe or socket); only files are read")
        if info.st_size > limit:
            raise InputError(
                path,
                f"file of {info.st_size // (1024 * 1024)} MB is too large for a bulletin "
                f"(the limit is {limit // (1024 * 1024)} MB)",
            )
        with path.open("rb") as f:
            data = f.read(limit + 1)  # a file that grows while read is still bounded
        if len(data) > limit:
            raise InputError(path, f"file grew past {limit // (1024 * 1024)} MB while being read")
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    if not data.strip():
        raise InputError(path, "empty file")
    text, encoding = _reader(path.suffix.lower())(data, path)
    if len(text) > MAX_CHARS:
        raise InputError(
            path, f"{len(text):,} characters of text, more than the {MAX_CHARS:,} one import takes; split the file"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, encoding, hashlib.sha256(data).hexdigest())
