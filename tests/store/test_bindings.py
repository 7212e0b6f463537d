"""Bindings joined at the head of the WHERE group answer as rdflib's initBindings do."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import FOAF

from kg.errors import QueryError
from kg.graph.prefixes import XSD
from kg.store.bindings import bind, where_open
from kg.store.results import Term

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


@pytest.mark.parametrize(
    "value",
    [
        Literal("王海"),
        Literal('say "} ; DROP ALL { "'),
        Literal("two\nlines\r\\ and a backslash"),
        Literal("区委", lang="zh"),
        Literal(5),
        Literal("2020-06-16", datatype=URIRef(XSD + "date")),
        URIRef(EX + "a"),
    ],
)
def test_a_bound_term_finds_what_the_rdflib_term_finds(value):
    # `kg query --bind` binds Terms, which need no rdflib; the library's callers bind rdflib terms
    if isinstance(value, URIRef):
        term = Term("uri", str(value))
    else:
        term = Term("literal", str(value), str(value.datatype or ""), value.language or "")
    ds = _data()
    ds.add((URIRef(EX + "held"), FOAF.nick, value, ds.default_graph))
    q = "SELECT ?p ?n WHERE { ?p <http://xmlns.com/foaf/0.1/nick> ?n }"
    assert list(map(tuple, ds.query(bind(q, {"n": term})))) == [(URIRef(EX + "held"), value)]
    assert "\n" in value or term.n3() == value.n3()  # rdflib writes a line break in a long string


@pytest.mark.parametrize("iri", ["http://example.org/a b", "http://example.org/a>b", 'x:"'])
def test_a_bound_iri_that_sparql_cannot_write_is_one_error(iri):
    with pytest.raises(QueryError, match="is not an IRI"):
        bind("SELECT * { ?s ?p ?o }", {"s": Term("uri", iri)})
