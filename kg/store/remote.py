"""A SPARQL 1.1 server as the store, for a team that has outgrown one machine.

Reads go through the SPARQL 1.1 Protocol, writes are one SPARQL UPDATE per issue
(the same text the embedded store runs, :mod:`kg.store.updates`), which a
conforming engine applies atomically: two importers on two machines may write to
one server at once. ``--store http://host:7878`` names an Oxigraph server by its
base URL (``/query``, ``/update``); other engines name their endpoints in
``$KG_SPARQL_QUERY`` and ``$KG_SPARQL_UPDATE`` (Fuseki: ``…/ds/query``,
``…/ds/update``; Virtuoso and GraphDB: their ``/sparql`` and statements URLs).

The server must keep its default graph as a graph of its own (Oxigraph's default;
not ``--union-default-graph``): kg keeps the deduplicated union there itself.

Bindings: a remote engine has no ``initBindings``; like rdflib's SPARQLStore we
send them as a ``VALUES`` block of terms that rdflib serialises (at the head of the
WHERE group, :mod:`kg.store.bindings`), so a value is always one term, never query text.
"""

from __future__ import annotations

import io
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from ..errors import QueryError, StoreError
from . import sandbox, updates
from .base import Replaced
from .bindings import bind

JSON = "application/sparql-results+json"
QUERY_TIMEOUT = float(os.environ.get("KG_SPARQL_TIMEOUT", "120"))


class RemoteStore:
    def __init__(self, url: str) -> None:
        base = url.rstrip("/")
        self.url = base
        self.query_url = os.environ.get("KG_SPARQL_QUERY") or f"{base}/query"
        self.update_url = os.environ.get("KG_SPARQL_UPDATE") or f"{base}/update"

    # --- the protocol ------------------------------------------------------
    def _post(self, url: str, body: str, content_type: str, accept: str, timeout: float) -> bytes:
        req = urllib.request.Request(
            url,
            data=body.encode("utf-8"),
            method="POST",
            headers={"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept},
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

    def _select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[list[Node | None]]:
        """Our own SELECTs (never sandboxed: we wrote them), rows as lists of terms."""
        raw = self._post(self.query_url, bind(sparql, bindings), "application/sparql-query", JSON, QUERY_TIMEOUT)
        return [list(row) for row in Result.parse(io.BytesIO(raw), format="json")]

    def _update(self, update: str) -> None:
        self._post(self.update_url, update, "application/sparql-update", "*/*", timeout=max(QUERY_TIMEOUT, 600))

    # --- QuadStore ----------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        sandbox.check(sparql, lambda iri: self._has_graph(URIRef(iri)))
        # results for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE: the server picks
        accept = f"{JSON}, application/n-triples;q=0.9"
        try:
            raw = self._post(self.query_url, bind(sparql, bindings), "application/sparql-query", accept, QUERY_TIMEOUT)
        except StoreError as exc:
            raise QueryError(f"SPARQL error: {exc}") from None
        if raw.lstrip().startswith(b"{"):
            return Result.parse(io.BytesIO(raw), format="json")
        graph = Graph()
        graph.parse(data=raw.decode("utf-8"), format="nt")
        result = Result("CONSTRUCT")
        result.graph = graph
        return result

    def _attested(self, name: URIRef) -> set[tuple[URIRef, URIRef]]:
        from ..graph.vocab import DKG

        rows = self._select(
            f"SELECT ?p ?post WHERE {{ GRAPH ?g {{ ?att a <{DKG.PostAttestation}> ; "
            f"<{DKG.person}> ?p ; <{DKG.post}> ?post }} }}",
            {"g": name},
        )
        return {(r[0], r[1]) for r in rows}  # type: ignore[misc]

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> Replaced:
        from ..graph.vocab import DKG

        rows = self._select(f"SELECT ?f WHERE {{ GRAPH ?g {{ ?i <{DKG.sourceFile}> ?f }} }} LIMIT 1", {"g": name})
        self._update(updates.change(name, list(graph), self._attested(name)))
        return Replaced("replaced", str(rows[0][0])) if rows else Replaced("new")

    def _has_graph(self, name: URIRef) -> bool:
        return bool(self._select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", {"g": name}))

    def remove_graph(self, name: URIRef) -> bool:
        if not self._has_graph(name):
            return False
        self._update(updates.change(name, [], self._attested(name)))
        return True

    def graph_names(self) -> list[URIRef]:
        return sorted(r[0] for r in self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))  # type: ignore[type-var]

    def graph(self, name: URIRef) -> Graph:
        g = Graph(identifier=name)
        for s, p, o in self._select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name}):
            g.add((s, p, o))  # type: ignore[arg-type]
        return g

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Every quad of the named graphs (the derived default graph left out)."""
        for s, p, o, g in self._select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield s, p, o, g  # type: ignore[misc]

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
        return int(self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0][0])  # type: ignore[arg-type]

    def checkpoint(self) -> None:
        """The server decides when to write its buffers."""

    def close(self) -> None:
        """Nothing is held open between requests."""
