"""No query reaches outside the store: probes against a listener on 127.0.0.1 and a local file."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.analysis.query import run_query
from kg.cli import cli
from kg.errors import QueryError
from kg.graph.iris import graph_iri
from tests.conftest import SAMPLE


@pytest.fixture
def listener():
    """An HTTP server that counts every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.end_headers()
            self.wfile.write(b"<http://x.example/s> <http://x.example/p> 'leaked' .")

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    server.shutdown()


def _probes(url: str, local: Path) -> list[str]:
    file_iri = local.resolve().as_uri()
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o . SERVICE SILENT <{url}sparql> {{ ?s ?p ?x }} }} LIMIT 1",
        f"SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{file_iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK FROM <{file_iri}> {{ ?s ?p ?o }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"DESCRIBE ?s FROM <{file_iri}> WHERE {{ ?s ?p ?o }}",
        f"PREFIX x: <{url}>\nSELECT * FROM x:data WHERE {{ ?s ?p ?o }}",
        f"# comment\nselect * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.mark.parametrize("bound", [False, True])
def test_probes_are_refused_and_reach_nothing(new_store, listener, tmp_path, bound):
    url, hits = listener
    local = tmp_path / "secret.ttl"
    local.write_text("<http://x.example/s> <http://x.example/p> 'secret' .", encoding="utf-8")
    store = new_store("s")
    for probe in _probes(url, local):
        with pytest.raises(QueryError, match="refused"):
            run_query(store, probe, {"s": Literal("x")} if bound else None)
    assert hits == []


def test_a_graph_of_the_store_may_be_named(new_store, nlp):
    from kg.graph.build import build_graph
    from kg.ingest.parse import parse_file
    from kg.nlp.facts import extract

    store = new_store("s")
    issue = parse_file(SAMPLE)
    store.replace_graph(graph_iri(issue.key), build_graph(issue, extract(issue, nlp)))
    rows = list(run_query(store, f"SELECT (COUNT(*) AS ?n) FROM <{graph_iri(issue.key)}> WHERE {{ ?s ?p ?o }}"))
    assert int(rows[0][0]) > 100


def test_the_cli_says_so_in_one_line(listener, tmp_path):
    url, hits = listener
    runner = CliRunner()
    store = tmp_path / "store"
    runner.invoke(cli, ["import", str(SAMPLE), "--store", str(store)])
    r = runner.invoke(
        cli,
        [
            "query",
            "--sparql",
            f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
            "--bind",
            "s=x",
            "--store",
            str(store),
        ],
    )
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1 and "refused" in r.output
    assert hits == []
