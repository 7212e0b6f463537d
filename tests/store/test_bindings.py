"""Bindings joined at the head of the WHERE group answer as rdflib's initBindings do."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import FOAF

from kg.errors import QueryError
from kg.store.bindings import bind, where_open

EX = "http://example.org/"  # invented data


def _data() -> Dataset:
    ds = Dataset()
    for who, name in (("a", "王海"), ("b", 'say "} ; DROP ALL { "'), ("c", "李红")):
        ds.add((URIRef(EX + who), FOAF.name, Literal(name), ds.default_graph))
    return ds


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?p WHERE { ?p foaf:name ?n }",
        '# a comment with { and WHERE\nSELECT ?p { ?p foaf:name ?n FILTER(?n != "{ WHERE }") }',
        "ASK { ?p foaf:name ?n }",
        "CONSTRUCT { ?p foaf:nick ?n . } WHERE { ?p foaf:name ?n }",
        "SELECT (COUNT(*) AS ?c) WHERE { ?p foaf:name ?n } GROUP BY ?n",
    ],
)
@pytest.mark.parametrize("value", ["王海", 'say "} ; DROP ALL { "', "nobody"])
def test_same_answers_as_init_bindings(query, value):
    ds = _data()
    q = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + query
    expected = ds.query(q, initBindings={"n": Literal(value)})
    got = ds.query(bind(q, {"n": Literal(value)}))
    if expected.type == "ASK":
        assert got.askAnswer == expected.askAnswer
    elif expected.type == "CONSTRUCT":
        assert set(got.graph) == set(expected.graph)
    else:
        assert sorted(map(tuple, got)) == sorted(map(tuple, expected))


def test_the_values_open_the_where_group():
    q = "CONSTRUCT { ?p <x:y> ?n } WHERE { ?p <x:z> ?n }"
    assert q[where_open(q) - 1] == "{" and q[: where_open(q)].endswith("WHERE {")
    assert bind("SELECT * { ?s ?p ?o }", {"s": URIRef(EX)}).startswith(f"SELECT * {{ VALUES (?s) {{ (<{EX}>) }}")
    assert where_open("CONSTRUCT WHERE { ?s ?p ?o }") is None  # the short form's group is its template


def test_a_variable_name_is_a_name():
    with pytest.raises(QueryError):
        bind("SELECT * { ?s ?p ?o }", {"s) {} (": Literal(1)})


def test_a_variable_named_like_a_keyword_is_a_variable():
    q = "CONSTRUCT { ?s ?where ?o . GRAPH ?g { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    assert q[: where_open(q)].endswith("WHERE {")
