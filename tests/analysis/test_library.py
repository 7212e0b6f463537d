"""The query library and the query surface: headers, required and unknown parameters,
read-only refusals, result formats (sample and invented bulletins)."""

from __future__ import annotations

import csv
import io
import json
import shlex

import pytest
from rdflib import Graph

from kg.analysis.query import LIBRARY, describe, library
from kg.cli import cli


@pytest.fixture
def loaded(runner, store, sample, invented):
    r = runner.invoke(cli, ["import", str(sample), str(invented), "--store", str(store)], catch_exceptions=False)
    assert r.exit_code == 0
    return store


def kg(runner, store, *args):
    return runner.invoke(cli, [*map(str, args), "--store", str(store)], catch_exceptions=False)


def rows(output: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(output)["results"]["bindings"]]


def test_the_library_answers_at_least_fifteen_questions():
    queries = library()
    assert len(queries) >= 15
    for q in queries:
        assert q.question.endswith(("?", ".", ")")), q.name
        assert q.example.startswith(f"kg query {q.name}"), q.name
        assert q.view in ("table", "graph", "timeline"), q.name
        text = (LIBRARY / f"{q.name}.rq").read_text(encoding="utf-8")
        for p in q.parameters:
            body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
            assert f"?{p.name}" in body, (q.name, p.name)
            assert p.about, (q.name, p.name)


def test_every_example_runs_and_answers_on_the_sample(runner, loaded):
    for q in library():
        argv = shlex.split(q.example)[1:]
        fmt = "turtle" if q.view == "graph" and "CONSTRUCT" in (LIBRARY / f"{q.name}.rq").read_text() else "json"
        argv = [a for i, a in enumerate(argv) if a != "--format" and (i == 0 or argv[i - 1] != "--format")]
        r = kg(runner, loaded, *argv, "--format", fmt)
        assert r.exit_code == 0, (q.name, r.output)
        if fmt == "turtle":
            assert len(Graph().parse(data=r.output, format="turtle")) > 0, q.name
        elif q.name == "issue-exists":
            assert json.loads(r.output)["boolean"] is True
        elif q.name != "namesakes":  # the sample and the invented bulletin share no name: see below
            assert rows(r.output), q.name


def test_answers_carry_their_issue_and_sentence(runner, loaded):
    for name, bind in [("chairs", ()), ("career", ("--bind", "name=耿勇军")), ("projects", ()), ("inspections", ())]:
        found = rows(kg(runner, loaded, "query", name, *bind, "--format", "json").output)
        assert found and all(r["issue"] in ("上街信息/2020/46", "示例信息/2021/3") for r in found), name
        assert all(len(r["evidence"]) > 10 for r in found), name
    statements = rows(kg(runner, loaded, "query", "statements", "--bind", "speaker=宋洁", "--format", "json").output)
    assert {r["issue"] for r in statements} == {"上街信息/2020/46"}


def test_post_holders_as_of_a_day_and_per_district(runner, loaded):
    def holders(post: str, day: str) -> list[dict[str, str]]:
        args = ("query", "post-holders", "--bind", f"post={post}", "--bind", f"day={day}", "--format", "json")
        return rows(kg(runner, loaded, *args).output)

    held = {(r["district"], r["name"]): r["standing"] for r in holders("区委书记", "2020-06-10")}
    assert held[("上街区", "宋洁")] == "held"
    assert held[("示例区", "欧阳明")] == "first seen after"
    assert {(r["district"], r["name"], r["standing"]) for r in holders("区长", "2021-06-01")} == {
        ("上街区", "耿勇军", "last seen before"),
        ("示例区", "陈立新", "last seen before"),
    }


def test_who_meets_whom_gives_both_roles(runner, loaded):
    found = rows(
        kg(
            runner, loaded, "query", "who-meets-whom", "--bind", "a=宋洁", "--bind", "b=耿勇军", "--format", "json"
        ).output
    )
    assert {(r["roleA"], r["roleB"]) for r in found} == {("Chair", "Attendee"), ("Chair", "Speaker")}


def test_a_required_parameter_left_out_is_named(runner, loaded):
    r = runner.invoke(cli, ["query", "co-attendees", "--store", str(loaded)])
    assert r.exit_code == 1 and "needs --bind name=" in r.output and "person's name" in r.output


def test_an_unknown_binding_is_an_error_not_ignored(runner, loaded):
    r = runner.invoke(cli, ["query", "chairs", "--bind", "nmae=宋洁", "--store", str(loaded)])
    assert r.exit_code == 1 and "--bind nmae: the query has no variable ?nmae" in r.output and "?name" in r.output


@pytest.mark.parametrize(
    "update",
    [
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <http://example.org/> INSERT DATA { x:a x:b x:c }",
        "# a comment first\nCLEAR ALL",
        "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_an_update_is_refused_with_a_sentence(runner, loaded, update):
    before = kg(runner, loaded, "stats").output
    r = runner.invoke(cli, ["query", "--sparql", update, "--store", str(loaded)])
    assert r.exit_code == 1 and "queries are read-only" in r.output and "Traceback" not in r.output
    assert kg(runner, loaded, "stats").output == before


def test_json_is_w3c_sparql_results_json(runner, loaded):
    r = kg(
        runner,
        loaded,
        "query",
        "--sparql",
        'SELECT ?n WHERE { ?p foaf:name ?n FILTER(?n = "宋洁") }',
        "--format",
        "json",
    )
    doc = json.loads(r.output)
    assert doc["head"]["vars"] == ["n"]
    assert doc["results"]["bindings"] == [{"n": {"type": "literal", "value": "宋洁"}}]  # a simple literal (RDF 1.1)
    r = kg(runner, loaded, "query", "issue-exists", "--bind", "key=nope", "--format", "json")
    assert json.loads(r.output) == {"head": {}, "boolean": False}


def test_csv_cells_cannot_run_as_formulas(runner, loaded):
    sparql = 'SELECT ?a ?b ?c ?d WHERE { VALUES (?a ?b ?c ?d) { ("=HYPERLINK(1)" "@SUM(A1)" "-12.5" "+cmd") } }'
    r = kg(runner, loaded, "query", "--sparql", sparql, "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(r.output)))
    assert row == {"a": "'=HYPERLINK(1)", "b": "'@SUM(A1)", "c": "-12.5", "d": "'+cmd"}


def test_graph_answers_in_turtle_n_triples_and_json_ld(runner, loaded):
    graphs = []
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("table", "turtle")):
        r = kg(runner, loaded, "query", "person-network", "--bind", "name=宋洁", "--format", fmt)
        assert r.exit_code == 0, fmt
        graphs.append(Graph().parse(data=r.output, format=parser))
    assert len(graphs[0]) > 0 and all(len(g) == len(graphs[0]) for g in graphs)
    r = runner.invoke(cli, ["query", "chairs", "--format", "turtle", "--store", str(loaded)])
    assert r.exit_code == 1 and "is for CONSTRUCT and DESCRIBE" in r.output
    r = runner.invoke(
        cli, ["query", "person-network", "--bind", "name=宋洁", "--format", "csv", "--store", str(loaded)]
    )
    assert r.exit_code == 1 and "answers as a graph" in r.output


def test_kg_queries_lists_the_library(runner):
    r = runner.invoke(cli, ["queries"], catch_exceptions=False)
    assert r.exit_code == 0
    for q in library():
        assert q.name in r.output and q.question[:20] in r.output
    assert "co-attendees [name]" in r.output and "person-titles [name?]" in r.output


def test_a_header_is_read_field_by_field():
    q = describe(
        "x",
        "# Who?\n# Parameters: ?a (required) one; ?b (optional) two.\n# Example: kg query x --bind a=1\n"
        "# View: graph\nSELECT ?a ?b WHERE {}",
    )
    assert (q.question, q.example, q.view) == ("Who?", "kg query x --bind a=1", "graph")
    assert [(p.name, p.required, p.about) for p in q.parameters] == [("a", True, "one"), ("b", False, "two")]


def test_namesakes_in_two_districts_are_listed_as_candidates_not_merged(runner, loaded, invented, tmp_path):
    moved = tmp_path / "moved.txt"  # invented: 宋洁 named 区委书记 in 示例区 too
    moved.write_text(
        invented.read_text(encoding="utf-8").replace("欧阳明", "宋洁").replace("第 3 期", "第 4 期"), "utf-8"
    )
    kg(runner, loaded, "import", moved)
    found = rows(kg(runner, loaded, "query", "namesakes", "--format", "json").output)
    assert {(r["name"], r["district"], r["titles"]) for r in found} == {
        ("宋洁", "上街区", "区委书记"),
        ("宋洁", "示例区", "区委书记"),
    }
    persons = kg(runner, loaded, "query", "--sparql", 'SELECT ?p WHERE { ?p foaf:name "宋洁" }', "--format", "csv")
    assert len(persons.output.splitlines()) == 3  # two nodes: a candidate, never an automatic merge


def test_every_listing_form_gives_the_indexed_forms_answer(runner, loaded):
    """queries/listings/ holds forms written for long answers (hash joins); each gives
    the rows of its indexed form, in the same order, bound as its example binds it."""
    from kg.analysis.query import LISTINGS

    listings = sorted(LISTINGS.glob("*.rq"))
    assert len(listings) >= 5
    for listing in listings:
        indexed = (LIBRARY / listing.name).read_text(encoding="utf-8")
        example = shlex.split(describe(listing.stem, indexed).example)
        binds = [a for i, a in enumerate(example) if a == "--bind" or (i and example[i - 1] == "--bind")]
        by_index = kg(runner, loaded, "query", "--sparql", indexed, *binds, "--format", "json")
        by_listing = kg(
            runner, loaded, "query", "--sparql", listing.read_text(encoding="utf-8"), *binds, "--format", "json"
        )
        assert rows(by_index.output), listing.stem
        assert json.loads(by_listing.output) == json.loads(by_index.output), listing.stem


def test_a_listing_form_is_run_when_its_parameters_are_unbound_or_its_probe_counts_many():
    from pathlib import Path

    from rdflib import Literal

    from kg.analysis.query import LISTINGS, query_to_run
    from kg.store.results import Table

    class Counted:
        """A store whose every SELECT answers ``n`` rows: what the probe counts."""

        def __init__(self, n: int) -> None:
            self.n = n

        def table(self, sparql, bindings):
            return Table(["h"], [(None,)] * self.n)

    statements, indexed = (LISTINGS / "statements.rq").read_text(), (LIBRARY / "statements.rq").read_text()
    assert query_to_run(Path("statements"), {}) == statements
    assert query_to_run(Path("statements"), {"speaker": Literal("宋洁")}) == indexed
    org = {"org": Literal("区委")}
    many, few = (LISTINGS / "organization-events.rq").read_text(), (LIBRARY / "organization-events.rq").read_text()
    above = int(next(line for line in many.splitlines() if line.startswith("# Chosen above:")).split(":")[1])
    assert query_to_run(Path("organization-events"), org, Counted(above + 1)) == many
    assert query_to_run(Path("organization-events"), org, Counted(above)) == few
    assert query_to_run(Path("organization-events"), org) == few  # no store to ask: the indexed form
    assert query_to_run(Path("tenure"), {}) == (LIBRARY / "tenure.rq").read_text()  # no listing form


def test_every_library_query_is_ordered_as_the_engine_orders_it(loaded):
    """The embedded store sorts a plain final ORDER BY in Python (kg.store.results):
    the same rows, and the same sequence of sort keys, as Oxigraph's own ORDER BY."""
    from collections import Counter

    import pyoxigraph as ox

    from kg.analysis.query import with_prefixes
    from kg.store.base import open_store
    from kg.store.results import read_tsv, split_order, term_key

    store = open_store(loaded, must_exist=True, reader=True)
    try:
        ordered = 0
        for q in library():
            text = with_prefixes(q.text)
            order = split_order(text)
            if order is None or any(p.required for p in q.parameters):
                continue
            ours = store.table(text)
            engine = read_tsv(store._ox.query(text).serialize(format=ox.QueryResultsFormat.TSV).decode())
            assert Counter(ours.rows) == Counter(engine.rows), q.name
            at = [ours.variables.index(v) for v, _ in order.keys]
            assert [[term_key(r[i]) for i in at] for r in ours.rows] == [
                [term_key(r[i]) for i in at] for r in engine.rows
            ], q.name
            ordered += bool(ours.rows)
        assert ordered >= 8
    finally:
        store.close()


def test_rows_that_tie_on_the_first_keys_come_in_one_order_in_both_forms(tmp_path):
    """Three numbers of one project in one issue, undated, of the same value and unit:
    the ORDER BY goes on to the sentence, so both forms give one order, which neither
    engine order gives alone (invented triples)."""
    import pyoxigraph as ox

    from kg.analysis.query import LISTINGS, answer
    from kg.store.oxigraph import OxigraphStore

    q = "https://w3id.org/district-kg/id/issue/示例信息/2021/3/quantity"
    said = ["全年谋划产业项目12项。", "今天开工产业项目12项。", "已完工产业项目12项。"]
    data = "\n".join(
        [
            "@prefix dkg: <https://w3id.org/district-kg/ontology#> . @prefix schema: <https://schema.org/> .",
            "@prefix prov: <http://www.w3.org/ns/prov#> .",
            "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .",
            '<https://w3id.org/district-kg/id/project/示例区/产业项目> a dkg:Project ; schema:name "产业项目" .',
        ]
        + [
            f"<https://w3id.org/district-kg/id/project/示例区/产业项目> dkg:progress <{q}/{n}> . "
            f'<{q}/{n}> schema:value 12 ; schema:unitText "项" ; prov:wasDerivedFrom <{q}/{n}/s> . '
            f'<{q}/{n}/s> nif:anchorOf "{text}" .'
            for n, text in enumerate(said, 1)
        ]
    )
    store = OxigraphStore(tmp_path / "store")
    try:
        store._ox.load(data.encode("utf-8"), ox.RdfFormat.TURTLE)
        indexed = answer(store, (LIBRARY / "projects.rq").read_text(encoding="utf-8"), {}, "csv", None)
        assert [line.split(",")[-1] for line in indexed.splitlines()[1:]] == sorted(said)
        assert answer(store, (LISTINGS / "projects.rq").read_text(encoding="utf-8"), {}, "csv", None) == indexed
    finally:
        store.close()
