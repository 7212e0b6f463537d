"""Plain text and Markdown: detect UTF-8 (with or without BOM), GB18030, or a mix."""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes; say which encoding was used. A file that mixes UTF-8 and
    GB18030 lines is decoded line by line and reported as mixed."""
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        bom = True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    lines, used = [], set()
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            if any(b > 0x7F for b in raw):
                used.add("utf-8")
        except UnicodeDecodeError:
            try:
                lines.append(raw.decode("gb18030"))
                used.add("gb18030")
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not UTF-8 or GB18030 text (bad byte at {exc.start} of a line)") from None
    return "\n".join(lines), "mixed utf-8 + gb18030" if len(used) == 2 else "gb18030"


def read_text(data: bytes, path: Path) -> tuple[str, str]:
    return decode(data, path)
