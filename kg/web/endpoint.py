"""The SPARQL 1.1 Protocol over the store: what `kg serve` answers at /sparql.

Plain functions (parse a request, run it, serialise the answer) so the protocol is
tested without a server; :mod:`kg.web.app` wires them to HTTP. Read-only: an update
is refused with 403 and a sentence. Each query runs in a worker thread within a
time limit; past it the client gets 503 and the server keeps answering others.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from rdflib.query import Result

from ..analysis.query import run_native, run_query, within
from ..errors import KGError, ProtocolError, QueryError
from ..graph.vocab import PREFIXES
from ..store.base import open_store
from ..store.sparqltext import UPDATE_WORDS, query_form

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
}


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes


def query_text(method: str, content_type: str, params: dict[str, list[str]], body: bytes) -> str:
    """The query of a GET (``?query=``), a form POST, or a direct POST (``application/sparql-query``)."""
    kind = content_type.split(";")[0].strip().lower()
    if method == "POST" and kind == "application/sparql-query":
        return body.decode("utf-8")
    if method == "POST" and kind == "application/sparql-update":
        raise ProtocolError(
            403, "this endpoint is read-only: updates are refused (kg import and kg remove change the store)"
        )
    fields = dict(params)
    if method == "POST" and kind == "application/x-www-form-urlencoded":
        fields |= urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
    if "update" in fields:
        raise ProtocolError(
            403, "this endpoint is read-only: updates are refused (kg import and kg remove change the store)"
        )
    queries = fields.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise ProtocolError(400, "give one query: ?query=… or a POST body of type application/sparql-query")
    return queries[0]


# what ``?format=`` (a download link cannot set Accept) and the library API ask for
FORMAT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}


def accepted(accept: str) -> list[str]:
    """The media types of an Accept header, most wanted first (q-values; first listed wins ties)."""
    offers: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        offers.append((-q, i, media.lower()))
    return [media for _, _, media in sorted(offers)]


def negotiate(accept: str, graph_form: bool) -> tuple[str, str]:
    """(media type, serialiser) for an Accept header; q-values honoured, first listed wins ties."""
    table = GRAPH_TYPES if graph_form else SELECT_TYPES
    for media in accepted(accept):
        if media in table:
            return media, table[media]
        if media in ("*/*", "application/*", "text/*"):
            break
    default = "text/turtle" if graph_form else "application/sparql-results+json"
    return default, table[default]


def _tsv(result: Result) -> bytes:
    """W3C SPARQL 1.1 TSV: a header of ?names, then each term as Turtle writes it
    (rdflib's n3() escapes tabs and newlines inside literals)."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join("" if t is None else t.n3() for t in (row[i] for i in range(len(result.vars)))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialise(result: Result, serialiser: str) -> bytes:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        for p, ns in PREFIXES.items():
            result.graph.bind(p, ns)
        return result.graph.serialize(format=serialiser, encoding="utf-8")
    if serialiser == "tsv":
        return _tsv(result)
    return result.serialize(format=serialiser)


def _native_format(serialiser: str):
    import pyoxigraph as ox

    return {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }[serialiser]


def answer_query(store_location: str, sparql: str, accept: str, timeout: float) -> Answer:
    """Run one protocol query against the store and serialise it as negotiated."""
    form = query_form(sparql)
    if form in UPDATE_WORDS:
        raise ProtocolError(403, f"{form} is an update and this endpoint is read-only")
    media, serialiser = negotiate(accept, form in ("CONSTRUCT", "DESCRIBE"))

    def work() -> bytes:
        store = open_store(store_location, must_exist=True, reader=True)
        try:
            native = getattr(store, "solutions", None)
            if native is not None and form == "SELECT":
                # the embedded engine writes its own results: no rdflib term per cell
                return run_native(native, sparql).serialize(format=_native_format(serialiser))
            return serialise(run_query(store, sparql), serialiser)
        finally:
            store.close()

    try:
        body = within(timeout, work)
    except TimeoutError:
        raise ProtocolError(503, f"the query ran past {timeout:g} s; bind a parameter or add LIMIT") from None
    except QueryError as exc:
        raise ProtocolError(400, str(exc)) from None
    except KGError as exc:
        raise ProtocolError(500, str(exc)) from None
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""
    return Answer(200, media + charset, body)
