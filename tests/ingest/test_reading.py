from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.reading import iter_sources, read_source


def test_utf8_with_and_without_bom(tmp_path: Path):
    text = "示例信息\n区委书记欧阳明主持会议。"
    plain, bom = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_bytes(text.encode("utf-8"))
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_source(plain).text == text and read_source(plain).encoding == "utf-8"
    assert read_source(bom).text == text and read_source(bom).encoding == "utf-8-sig"


def test_gb18030_is_detected(tmp_path: Path):
    p = tmp_path / "gb.txt"
    p.write_bytes("区委书记欧阳明主持召开推进会。".encode("gb18030"))
    src = read_source(p)
    assert src.encoding == "gb18030" and "欧阳明" in src.text


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("doc.pdf", b"%PDF-1.4 truncated", "corrupt PDF"),
        ("doc.docx", b"PK\x03\x04 truncated", "corrupt or not a Word"),
        ("page.rtf", b"{\\rtf1 text}", "unsupported format"),
    ],
)
def test_bad_files_name_file_and_reason(tmp_path: Path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(p)
    assert str(p) in str(err.value) and reason in str(err.value)


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")


def test_folders_are_walked_in_stable_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.md", "b/1.txt", "skip.rtf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_sources([tmp_path])] == ["a.md", "b/1.txt", "b/2.txt"]


def test_mixed_encodings_are_read_line_by_line(tmp_path: Path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("第一行是UTF-8。\n".encode("utf-8") + "第二行是GB18030。".encode("gb18030"))
    src = read_source(p)
    assert src.text == "第一行是UTF-8。\n第二行是GB18030。" and src.encoding == "mixed utf-8 + gb18030"


def test_too_large_is_refused_without_reading(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        read_source(p)


def test_only_regular_files_are_read(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    with pytest.raises(InputError, match="not a regular file"):
        read_source(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")  # would read until memory ran out
    with pytest.raises(InputError, match="not a regular file"):
        read_source(zero)
    assert iter_sources([tmp_path]) == []  # a folder walk skips them too


def test_a_word_file_that_unpacks_to_gigabytes_is_refused_before_parsing(tmp_path: Path):
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            for _ in range(80):
                f.write(b"<w:p>" + b"a" * (1024 * 1024) + b"</w:p>")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputError, match="unpacks to 80 MB"):
        read_source(bomb)


@pytest.mark.parametrize(
    "data",
    [
        bytes(__import__("random").Random(1).randrange(0x81, 0xFF) for _ in range(20000)),  # random high bytes
        (
            "Die Stadtverwaltung hat am Montag über die Straßenbaupläne für größere Gebäude beraten. "
            "Bürger äußerten Bedenken. " * 40
        ).encode("latin-1"),  # German in Latin-1
    ],
)
def test_text_that_decodes_but_is_not_chinese_is_refused(tmp_path: Path, data: bytes):
    from kg.errors import NotABulletinError
    from kg.ingest.parse import parse_file

    p = tmp_path / "not-chinese.txt"
    p.write_bytes(data)
    with pytest.raises(NotABulletinError, match="does not read as Chinese"):
        parse_file(p)


def test_a_walk_skips_hidden_folders_environments_and_caches(tmp_path: Path):
    for rel in [
        "a.txt",
        "sub/b.md",
        ".git/c.txt",
        ".venv/lib/d.txt",
        "env/pyvenv.cfg",
        "env/e.txt",
        "__pycache__/f.txt",
        ".hidden.txt",
        "node_modules/g.html",
    ]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_sources([tmp_path])] == ["a.txt", "sub/b.md"]
