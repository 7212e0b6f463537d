"""Read a source file into text, detecting its encoding (never assuming it)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SUPPORTED_SUFFIXES = (".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024  # a bulletin is ~10 kB; refuse what cannot be one


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


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030, else fail."""
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 or GB18030 text (bad byte at {exc.start})") from None


def read_source(path: Path) -> SourceText:
    """Read one file; every failure is an :class:`InputError` naming it."""
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir():
        raise InputError(path, "is a folder with no .txt or .md file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(path, f"unsupported format {path.suffix or '(none)'}; "
                               f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file of {size // (1024 * 1024)} MB is too large for a bulletin")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    if not data.strip():
        raise InputError(path, "empty file")
    text, encoding = decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, encoding, hashlib.sha256(data).hexdigest())
