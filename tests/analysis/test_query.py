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
