"""Query errors speak of the user's own lines; bindings and forms (sample store)."""

from __future__ import annotations

import pytest

from kg.analysis.query import run_query
from kg.errors import QueryError
from kg.store.base import open_store


def test_an_error_names_the_line_of_the_users_text(tmp_path):
    store = open_store(tmp_path / "s")
    try:
        with pytest.raises(QueryError, match="at line 4,"):
            run_query(store, "SELECT ?x WHERE {\n  ?x foaf:name ?n\n  FILTER(\n}")  # "}" on line 4 is unexpected
    finally:
        store.close()


def test_the_pipeline_takes_what_reading_allows():
    from kg.ingest.reading import MAX_CHARS
    from kg.nlp.pipeline import build_pipeline

    assert build_pipeline().max_length > MAX_CHARS  # never spaCy's E088 for a document we accepted


def test_the_library_is_reachable_by_name_from_anywhere(tmp_path, monkeypatch):
    from pathlib import Path

    from kg.analysis.query import read_query_file

    monkeypatch.chdir(tmp_path)  # no queries/ folder here
    assert "SELECT" in read_query_file(Path("chairs")) and "SELECT" in read_query_file(Path("queries/tenure.rq"))
    with pytest.raises(QueryError, match="No such file"):
        read_query_file(Path("nonesuch.rq"))


def test_a_normal_install_ships_the_queries_and_the_ontology():
    # the package data declared in pyproject.toml covers every query and ontology file
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kg"]
    shipped = {p for pattern in patterns for p in (root / "kg").glob(pattern)}
    wanted = {p for p in (root / "kg" / "queries").rglob("*") if p.is_file()} | set(
        (root / "kg" / "ontology").glob("*")
    )
    # and the workbench's templates and assets
    wanted |= set((root / "kg" / "web" / "templates").glob("*")) | set((root / "kg" / "web" / "static").glob("*"))
    assert wanted and wanted <= shipped


def test_csv_and_tsv_are_written_as_pythons_csv_module_writes_them():
    """_render joins fields itself (faster than csv.writer per row): the same text, for
    every kind of cell a spreadsheet must read back."""
    import csv
    import io
    import random

    from kg.analysis.query import _csv_cell, _render

    cells = [
        "",
        "宋洁",
        "a,b",
        'say "yes"',
        "two\nlines",
        "cr\rhere",
        "tab\there",
        "=SUM(A1)",
        "-3",
        "+x",
        "@a",
        " pad ",
    ]
    rng = random.Random(7)
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        for width in (1, 2, 4):
            rows = [[rng.choice(cells) for _ in range(width)] for _ in range(200)] + [[""] * width]
            names = [f"v{i}" for i in range(width)]
            buf = io.StringIO()
            writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
            writer.writerow(names)
            writer.writerows([_csv_cell(c) for c in r] for r in rows)
            assert _render(names, rows, fmt) == buf.getvalue(), (fmt, width)


@pytest.mark.parametrize(
    "text, n3",
    [
        ("name=宋洁", '"宋洁"'),
        ("?n=-12", '"-12"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("day=2020-06-16", '"2020-06-16"^^<http://www.w3.org/2001/XMLSchema#date>'),
        (
            "p=<https://w3id.org/district-kg/id/person/上街区/宋洁>",
            "<https://w3id.org/district-kg/id/person/上街区/宋洁>",
        ),
        ('q=say "hi"', r'"say \"hi\""'),
    ],
)
def test_a_binding_is_one_term(text, n3):
    from kg.analysis.query import parse_binding

    name, term = parse_binding(text)
    assert name == text.split("=")[0].lstrip("?") and term.n3() == n3


@pytest.mark.parametrize("text", ["x", "1a=b", "p=<a b>", "p=<a>b>"])
def test_a_binding_that_is_no_term_is_one_error(text):
    from kg.analysis.query import parse_binding

    with pytest.raises(QueryError, match="--bind"):
        parse_binding(text)
