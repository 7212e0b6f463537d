"""Bounded fuzzing of `kg import`: every input imports or is refused in one line, and a
refused input leaves the store exactly as it was.

Inputs are mutations of the user's sample and our invented bulletin, random bytes,
and damaged Word, PDF and HTML files (all made here, with a fixed seed).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store.base import open_store


def _inputs(sample: Path, invented: Path, rng: random.Random) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for src in (sample, invented):
        data = src.read_bytes()
        text = data.decode("utf-8")
        k = rng.randrange(1, len(text))
        out += [
            ("cut.txt", text[:k].encode()),
            ("flipped.txt", bytes(b ^ 0xFF if rng.random() < 0.01 else b for b in data)),
            ("gb18030.txt", text.encode("gb18030")),
            ("half-gb18030.txt", text[:k].encode("utf-8") + text[k:].encode("gb18030")),
            ("spliced.txt", (text[k:] + text[:k]).encode()),
            ("html.html", f"<html><body><h1>x</h1><p>{text[:k]}</p><script>alert(1)</script>".encode()),
        ]
    out += [
        ("random.txt", bytes(rng.randrange(256) for _ in range(4000))),
        ("high.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(4000))),
        ("nul.txt", b"\x00" * 100),
        ("ascii.txt", b"hello world " * 100),
        ("random.docx", bytes(rng.randrange(256) for _ in range(2000))),
        ("random.pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000))),
        ("empty-zip.docx", _zip({})),
        ("no-body.docx", _zip({"word/document.xml": b"<w:document/>"})),
        ("tags.html", b"<" * 5000),
    ]
    return out


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _quads(path: Path) -> set:
    store = open_store(path, must_exist=True)
    try:
        return {str(q) for q in store.quads()}
    finally:
        store.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_every_input_imports_or_is_refused_in_one_line(sample: Path, invented: Path, tmp_path: Path, seed: int):
    runner = CliRunner()
    store = tmp_path / "store"
    assert runner.invoke(cli, ["import", str(sample), "--store", str(store)]).exit_code == 0
    for name, data in _inputs(sample, invented, random.Random(seed)):
        path = tmp_path / name
        path.write_bytes(data)
        before = _quads(store)
        r = runner.invoke(cli, ["import", str(path), "--store", str(store)])
        assert "Traceback" not in r.output and "internal error" not in r.output, (name, r.output)
        if r.exit_code == 0:
            continue
        assert r.exit_code == 1 and len(r.stderr.strip().splitlines()) == 1, (name, r.stderr)
        assert name in r.stderr, (name, r.stderr)  # the line names the file
        assert _quads(store) == before, name
