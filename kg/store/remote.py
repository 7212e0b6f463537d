"""A SPARQL 1.1 server as the store, for a team that has outgrown one machine.

Reads go through the SPARQL 1.1 Protocol, writes are one SPARQL UPDATE per issue
(the same text the embedded store runs, :mod:`kg.store.updates`), which a
conforming engine applies atomically: two importers on two machines may write to
one server at once. ``--store http://host:7878`` names an Oxigraph server by its
base URL (``/query``, ``/update``); other engines name their endpoints in
``$KG_SPARQL_QUERY`` and ``$KG_SPARQL_UPDATE`` (Fuseki: ``…/ds/query``,
``…/ds/update``; Virtuoso and GraphDB: their ``/sparql`` and statements URLs).

kg keeps the deduplicated union of all issues in the server's default graph, which
must be a graph of its own (Oxigraph's default; not ``--union-default-graph``).
Engines whose default graph is a view of every graph (Virtuoso) take a named graph
in its place: ``$KG_SPARQL_DEFAULT_GRAPH``, sent as the protocol's
``default-graph-uri`` with every query, so queries read it as their default graph;
updates name it in their text (``GRAPH <…> { … }``), since an engine that applies a
request's dataset to an update's WHERE would hide the issues' graphs from it. Only the store's own graphs (``…/id/graph/…``) count as
issues; an engine's system graphs are left alone.

Bindings: a remote engine has no ``initBindings``; like rdflib's SPARQLStore we
send them as a ``VALUES`` block of terms that rdflib serialises (at the head of the
WHERE group, :mod:`kg.store.bindings`), so a value is always one term, never query text.
"""

from __future__ import annotations

import io
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from ..errors import QueryError, StoreError
from ..graph.iris import GRAPHS
from . import sandbox, updates
from .base import Replaced
from .bindings import bind
from .derived import Keys
from .sparqltext import query_form

JSON = "application/sparql-results+json"
QUERY_TIMEOUT = float(os.environ.get("KG_SPARQL_TIMEOUT", "120"))


class RemoteStore:
    def __init__(self, url: str) -> None:
        base = url.rstrip("/")
        self.url = base
        self.query_url = os.environ.get("KG_SPARQL_QUERY") or f"{base}/query"
        self.update_url = os.environ.get("KG_SPARQL_UPDATE") or f"{base}/update"
        union = os.environ.get("KG_SPARQL_DEFAULT_GRAPH")
        self.union = URIRef(union) if union else None

    # --- the protocol ------------------------------------------------------
    def _post(self, url: str, field: str, text: str, accept: str, timeout: float, dataset: bool = False) -> bytes:
        # a form POST (query= or update=): the one request form every engine takes;
        # Virtuoso 7 leaves a direct application/sparql-query body unanswered
        req = urllib.request.Request(
            url,
            data=urllib.parse.urlencode({field: text} | (self._dataset if dataset else {})).encode("ascii"),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(
                f"{self.url}: the server refused the request ({exc.code}: {detail[0][:200] if detail else exc.reason})"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{self.url}: cannot reach the SPARQL server ({reason})") from None

    @property
    def _dataset(self) -> dict[str, str]:
        return {"default-graph-uri": str(self.union)} if self.union else {}

    def _ours(self, var: str = "?g") -> str:
        """A filter that keeps the store's own graphs: issues and derived ones."""
        apart = f" && {var} != <{self.union}>" if self.union else ""
        return f'FILTER(STRSTARTS(STR({var}), "{GRAPHS}"){apart})'

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[list[Node | None]]:
        """kg's own SELECTs over the named graphs (never sandboxed: we wrote them; never
        given the users' dataset, which would hide the named graphs), rows as lists of terms."""
        raw = self._post(self.query_url, "query", bind(sparql, bindings), JSON, QUERY_TIMEOUT)
        return [list(row) for row in Result.parse(io.BytesIO(raw), format="json")]

    def _update(self, update: str) -> None:
        self._post(self.update_url, "update", update, "*/*", timeout=max(QUERY_TIMEOUT, 600))

    # --- QuadStore ----------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        sandbox.check(sparql, lambda iri: self._has_graph(URIRef(iri)))
        # results for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE (asked for by form:
        # Virtuoso answers a CONSTRUCT in results JSON when that comes first)
        graph_form = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_form else JSON
        try:
            raw = self._post(self.query_url, "query", bind(sparql, bindings), accept, QUERY_TIMEOUT, dataset=True)
        except StoreError as exc:
            raise QueryError(f"SPARQL error: {exc}") from None
        if raw.lstrip().startswith(b"{"):
            return Result.parse(io.BytesIO(raw), format="json")
        graph = Graph()
        graph.parse(data=raw.decode("utf-8"), format="nt")
        result = Result("CONSTRUCT")
        result.graph = graph
        return result

    def _keys(self, name: URIRef) -> Keys:
        """The summary keys the stored graph ``name`` names (:func:`kg.store.derived.keys_of`)."""
        from ..graph.vocab import DKG
        from .derived import KEY_PREDICATES, keys_of

        listed = " ".join(p.n3() for p in KEY_PREDICATES)
        rows = self.select(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ VALUES ?p {{ {listed} }} ?s ?p ?o "
            f"FILTER(?p != <{RDF.type}> || ?o = <{DKG.PostAttestation}>) }} }}",
            {"g": name},
        )
        return keys_of(rows)  # type: ignore[arg-type]

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> Replaced:
        from ..graph.vocab import DKG

        rows = self.select(f"SELECT ?f WHERE {{ GRAPH ?g {{ ?i <{DKG.sourceFile}> ?f }} }} LIMIT 1", {"g": name})
        # never `new` here: adding to the summary read by this update is right only for a lone
        # writer, and a server may have others whose updates it cannot see; re-reading the
        # keys' sightings mends at the next update what a concurrent one missed, where
        # adding would carry the miss forward
        self._update(updates.change(name, list(graph), self._keys(name), self.union))
        return Replaced("replaced", str(rows[0][0])) if rows else Replaced("new")

    def _has_graph(self, name: URIRef) -> bool:
        return bool(self.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", {"g": name}))

    def remove_graph(self, name: URIRef) -> bool:
        if not self._has_graph(name):
            return False
        self._update(updates.change(name, [], self._keys(name), self.union))
        return True

    def graph_names(self) -> list[URIRef]:
        # each issue graph names its issue; an empty group pattern (GRAPH ?g {}) finds no
        # graph at all on Virtuoso, and a scan of every quad would cost the store's size
        from ..graph.vocab import DKG
        from .derived import TENURE_GRAPH

        found = {
            r[0]
            for r in self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?i <{DKG.issueKey}> ?k }} {self._ours()} }}")
        }
        from ..graph.curation import CURATION_GRAPH

        found |= {g for g in (TENURE_GRAPH, CURATION_GRAPH) if self._has_graph(g)}
        return sorted(found)  # type: ignore[type-var]

    def graph(self, name: URIRef) -> Graph:
        """One graph, in pages: engines cap one answer's rows (Virtuoso at 10,000)."""
        g = Graph(identifier=name)
        page, offset = 5000, 0
        while True:
            rows = self.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT {page} OFFSET {offset}",
                {"g": name},
            )
            for s, p, o in rows:
                g.add((s, p, o))  # type: ignore[arg-type]
            if len(rows) < page:
                return g
            offset += page

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Every quad of the named graphs (the derived default graph left out), graph by
        graph: engines cap one answer's rows (Virtuoso at 10,000) without saying so."""
        for name in self.graph_names():
            for s, p, o in self.graph(name):
                yield s, p, o, name

    def to_dataset(self) -> Dataset:
        from ..graph.vocab import PREFIXES

        ds = Dataset()
        for p, ns in PREFIXES.items():
            ds.bind(p, ns)
        for s, p, o, g in self.quads():
            ds.add((s, p, o, ds.graph(g)))
        return ds

    def dump(self, fmt: str, target: Path) -> None:
        self.to_dataset().serialize(target, format=fmt)  # nquads | trig, as rdflib names them

    def __len__(self) -> int:
        return int(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")[0][0])  # type: ignore[arg-type]

    def checkpoint(self) -> None:
        """The server decides when to write its buffers."""

    def compact(self) -> None:
        """The server decides when to merge its files."""

    def close(self) -> None:
        """Nothing is held open between requests."""
