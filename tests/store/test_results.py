"""A SELECT's answer read from the engine's TSV and ordered in Python (kg.store.results):
the same terms as the engine's own, in the order its ORDER BY gives."""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest

from kg.analysis.query import results_json
from kg.store.results import Table, Term, read_term, read_tsv, sort_rows, split_order, term_key

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"

# every kind of term a cell can hold, with the escapes N-Triples needs
TRICKY = f"""SELECT * WHERE {{ VALUES (?a ?b ?c ?d ?e) {{
  (42 4.5 1e3 true "宋洁"@zh-Hans)
  ("-0012"^^<{XSD}integer> "1.50"^^<{XSD}decimal> "NaN"^^<{XSD}double> "x"^^<{EX}dt> "")
  ("tab\\there, new\\nline, \\"quoted\\" \\\\ back\\r" "\\u0001\\u007f\\b\\f" "é 上街区" <{EX}é> UNDEF)
  ("2020-06-16"^^<{XSD}date> "2020-06-16T09:00:00"^^<{XSD}dateTime> <{EX}a> UNDEF "a,b")
}} }}"""


def as_term(term) -> Term | None:
    """A pyoxigraph term as the engine gives it, in read_tsv's shape."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    datatype = term.datatype.value if term.datatype is not None else ""
    if term.language:
        return Term("literal", term.value, language=term.language)
    return Term("literal", term.value, "" if datatype == XSD + "string" else datatype)


def engine_rows(store: ox.Store, sparql: str) -> tuple[list[str], list[tuple]]:
    answer = store.query(sparql)
    return [v.value for v in answer.variables], [tuple(as_term(t) for t in row) for row in answer]


def tsv(store: ox.Store, sparql: str) -> str:
    return store.query(sparql).serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")


def test_every_kind_of_term_reads_back_as_the_engine_gives_it():
    store = ox.Store()
    variables, rows = engine_rows(store, TRICKY)
    table = read_tsv(tsv(store, TRICKY))
    assert table.variables == variables
    assert table.rows == rows
    assert rows[2][0].value == 'tab\there, new\nline, "quoted" \\ back\r'
    assert rows[0][4] == Term("literal", "宋洁", language="zh-hans")


def test_results_json_is_the_engines_json():
    store = ox.Store()
    ours = results_json(read_tsv(tsv(store, TRICKY)))
    theirs = store.query(TRICKY).serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
    assert json.loads(ours) == json.loads(theirs)
    assert ours == json.dumps(json.loads(theirs), ensure_ascii=False, separators=(",", ":"))


def test_blank_nodes_unbound_cells_and_empty_answers():
    store = ox.Store()
    one = read_tsv(tsv(store, "SELECT ?x ?y WHERE { BIND(BNODE() AS ?x) }"))
    assert one.variables == ["x", "y"] and one.rows[0][0].kind == "bnode" and one.rows[0][1] is None
    # one variable, unbound: a row whose only cell is empty, not the closing newline
    assert read_tsv(tsv(store, "SELECT ?x WHERE { }")).rows == [(None,)]
    assert read_tsv(tsv(store, "SELECT ?x WHERE { FILTER(false) }")).rows == []
    assert read_tsv(tsv(store, "SELECT * WHERE { }")).rows == [()]


def test_a_bare_number_or_boolean_takes_its_turtle_datatype():
    assert read_term("42") == Term("literal", "42", XSD + "integer")
    assert read_term("-1.5") == Term("literal", "-1.5", XSD + "decimal")
    assert read_term("1.0E3") == Term("literal", "1.0E3", XSD + "double")
    assert read_term("false") == Term("literal", "false", XSD + "boolean")
    assert read_term("") is None


@pytest.mark.parametrize(
    ("query", "keys", "limit", "offset"),
    [
        ("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?a ?b", (("a", False), ("b", False)), None, 0),
        (
            "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY DESC(?b) ASC(?a) LIMIT 5 OFFSET 2",
            (("b", True), ("a", False)),
            5,
            2,
        ),
        ("SELECT * WHERE { ?a ?p ?b }\nORDER BY ?b  # by value\nLIMIT 3", (("b", False),), 3, 0),
        ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a ORDER BY DESC(?n)", (("n", True),), None, 0),
    ],
)
def test_a_plain_final_order_by_is_taken_off_the_query(query, keys, limit, offset):
    order = split_order(query)
    assert order is not None
    assert (order.keys, order.limit, order.offset) == (keys, limit, offset)
    assert "ORDER" not in order.body.upper().split("}")[-1]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?b)",  # an expression: the engine's
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?b",  # a key the answer does not hold
        "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 2 } }",  # inside only
        "SELECT ?a WHERE { ?a ?p ?b } LIMIT 2",  # no order: LIMIT stays with the engine
        "ASK { ?a ?p ?b }",
    ],
)
def test_any_other_order_stays_with_the_engine(query):
    assert split_order(query) is None


MIXED = f"""
<{EX}r1> <{EX}v> 10 . <{EX}r1> <{EX}w> "b" .
<{EX}r2> <{EX}v> 9.5 . <{EX}r2> <{EX}w> "a" .
<{EX}r3> <{EX}v> "1e2"^^<{XSD}double> . <{EX}r3> <{EX}w> "上街" .
<{EX}r4> <{EX}v> -3 . <{EX}r4> <{EX}w> "b" .
<{EX}r5> <{EX}w> "a" .
<{EX}r6> <{EX}v> 10 . <{EX}r6> <{EX}w> <{EX}iri> .
<{EX}r7> <{EX}d> "2020-06-16"^^<{XSD}date> . <{EX}r8> <{EX}d> "2019-12-31"^^<{XSD}date> .
<{EX}r9> <{EX}w> _:b1 .
"""


@pytest.mark.parametrize(
    "order",
    [
        "ORDER BY ?v ?w ?r",
        "ORDER BY DESC(?v) ?w ?r",
        "ORDER BY ?w DESC(?r)",
        "ORDER BY ?d ?r",
        "ORDER BY DESC(?d) ?r LIMIT 4 OFFSET 1",
    ],
)
def test_python_orders_rows_as_the_engine_does(order):
    """Unbound first, then blank nodes, IRIs and literals; numbers of any type by value,
    dates by date, strings by code point; DESC, LIMIT and OFFSET as SPARQL has them."""
    store = ox.Store()
    store.load(MIXED.encode("utf-8"), ox.RdfFormat.TURTLE)
    optionals = " ".join(f"OPTIONAL {{ ?r <{EX}{v}> ?{v} }}" for v in "vwd")
    query = f"SELECT ?r ?v ?w ?d WHERE {{ ?r ?p ?any {optionals} }} {order}"
    variables, engine = engine_rows(store, query)
    parsed = split_order(query)
    assert parsed is not None
    unordered = read_tsv(tsv(store, parsed.body))
    ours = sort_rows(unordered, parsed)
    # a table whose distinct terms are not known sorts alike (they are found from its rows)
    assert sort_rows(Table(unordered.variables, list(unordered.rows)), parsed) == ours
    # blank node labels differ between runs of the engine: compare without them
    label = lambda rows: [tuple(t if t is None or t.kind != "bnode" else "bnode" for t in r) for r in rows]  # noqa: E731
    if "LIMIT" not in order:
        assert Counter(label(ours)) == Counter(label(engine))
    assert label(ours) == label(engine)


def test_numbers_compare_by_value_and_kinds_in_sparql_order():
    keys = [
        term_key(t)
        for t in (
            None,
            Term("bnode", "z"),
            Term("uri", "http://a"),
            Term("literal", "-3", XSD + "integer"),
            Term("literal", "9.5", XSD + "decimal"),
            Term("literal", "1e2", XSD + "double"),
        )
    ]
    assert keys == sorted(keys)


def test_a_key_named_only_inside_an_expression_is_left_to_the_engine(tmp_path):
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(tmp_path / "store")
    try:
        store._ox.load(MIXED.encode("utf-8"), ox.RdfFormat.TURTLE)
        query = f"SELECT (STR(?v) AS ?text) WHERE {{ ?r <{EX}v> ?v }} ORDER BY DESC(?v)"
        assert split_order(query) is not None  # the text names ?v in the projection...
        table = store.table(query)  # ...but the answer does not hold it
        assert [r[0].value for r in table.rows] == ["100", "10", "10", "9.5", "-3"]
    finally:
        store.close()
