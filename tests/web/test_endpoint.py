"""`kg serve`'s SPARQL 1.1 Protocol endpoint: request forms, content negotiation,
read-only refusals, time limits, and standard clients against a live server
(the user's sample and the invented bulletin)."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import pytest
from rdflib import Graph
from starlette.testclient import TestClient

from kg.cli import cli
from kg.web.app import create_app
from kg.web.endpoint import negotiate

from .conftest import running_server

SELECT = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n"
CONSTRUCT = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }"


@pytest.fixture
def loaded(runner, store, sample, invented):
    r = runner.invoke(cli, ["import", str(sample), str(invented), "--store", str(store)], catch_exceptions=False)
    assert r.exit_code == 0
    return store


@pytest.fixture
def client(loaded):
    return TestClient(create_app(str(loaded), timeout=20))


def names(response) -> list[str]:
    return [b["n"]["value"] for b in response.json()["results"]["bindings"]]


def test_get_form_post_and_direct_post_give_the_same_answer(client):
    by_get = client.get("/sparql", params={"query": SELECT})
    by_form = client.post("/sparql", data={"query": SELECT})
    direct = client.post("/sparql", content=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert by_get.status_code == by_form.status_code == direct.status_code == 200
    assert by_get.headers["content-type"].startswith("application/sparql-results+json")
    assert names(by_get) == names(by_form) == names(direct)
    assert "宋洁" in names(by_get) and "欧阳明" in names(by_get)


def test_results_in_every_format_the_client_accepts(client):
    expected = names(client.get("/sparql", params={"query": SELECT}))
    xml = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml") and "宋洁" in xml.text
    got = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert [r["n"] for r in csv.DictReader(io.StringIO(got.text))] == expected
    tsv = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/tab-separated-values"})
    lines = tsv.text.splitlines()
    assert lines[0] == "?n" and [line.strip('"').split('"^^')[0] for line in lines[1:]] == expected
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ask.json()["boolean"] is True


def test_graphs_in_turtle_n_triples_and_json_ld(client):
    sizes = set()
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        sizes.add(len(Graph().parse(data=r.text, format=fmt)))
    assert len(sizes) == 1 and sizes.pop() >= 17


def test_an_update_is_refused_with_403_and_a_sentence(client, runner, loaded):
    before = runner.invoke(cli, ["stats", "--store", str(loaded)]).output
    for r in (
        client.post("/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"}),
        client.post("/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        client.get("/sparql", params={"query": "DELETE WHERE { ?s ?p ?o }"}),
    ):
        assert r.status_code == 403 and "read-only" in r.text
    assert runner.invoke(cli, ["stats", "--store", str(loaded)]).output == before


def test_bad_requests_say_why(client):
    assert client.get("/sparql").status_code == 400
    bad = client.get("/sparql", params={"query": "SELEC nothing"})
    assert bad.status_code == 400 and "SPARQL error" in bad.text
    probe = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert probe.status_code == 400 and "SERVICE is refused" in probe.text


def test_a_slow_query_gets_503_and_the_server_keeps_answering(loaded):
    client = TestClient(create_app(str(loaded), timeout=0.2))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    r = client.get("/sparql", params={"query": slow})
    assert r.status_code == 503 and "ran past 0.2 s" in r.text


def test_accept_headers_are_read_with_their_q_values():
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", False)[1] == "xml"
    assert negotiate("text/html, */*;q=0.8", False)[1] == "json"
    assert negotiate("application/json", True)[1] == "json-ld"
    assert negotiate("", True)[1] == "turtle"


@pytest.fixture
def live(loaded):
    with running_server(loaded) as base:
        yield base + "/sparql"


def test_standard_clients_work_against_kg_serve(live):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import JSON, SPARQLWrapper

    wrapper = SPARQLWrapper(live)
    wrapper.setQuery(SELECT)
    wrapper.setReturnFormat(JSON)
    got = [b["n"]["value"] for b in wrapper.query().convert()["results"]["bindings"]]
    assert "宋洁" in got and "欧阳明" in got

    graph = Graph(store=SPARQLStore(live, returnFormat="json"))
    rows = list(graph.query(SELECT))
    assert sorted(str(r[0]) for r in rows) == sorted(got)
    assert json.loads(urllib.request.urlopen(live + "?query=ASK%7B%7D").read())["boolean"] is True
