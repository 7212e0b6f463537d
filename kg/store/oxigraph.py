"""The embedded store: Oxigraph on disk, one directory, one process at a time.

Exposed through rdflib (oxrdflib) so that SPARQL with ``initBindings`` and rdflib's
result formats work unchanged; it implements :class:`kg.store.base.QuadStore`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Mapping

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from ..errors import QueryError, StoreError
from . import updates
from .base import is_select


class OxigraphStore:
    """Oxigraph on disk. Every change is one SPARQL UPDATE, which Oxigraph
    applies in a single transaction: a failed import leaves no trace.

    Each issue's triples live in its named graph. The default graph is kept as
    the set union of all named graphs, updated in the same transaction: Oxigraph's
    own union view repeats a triple once per graph that holds it, so a person
    named in 50 issues would multiply every join (and every COUNT) by 50.
    Queries run against this deduplicated default graph; exports leave it out.
    """

    def __init__(self, path: Path, must_exist: bool = False) -> None:
        import pyoxigraph as ox  # noqa: PLC0415  (kept out of module import time)
        from oxrdflib import OxigraphStore as RdflibOx

        self.path = path
        try:
            if must_exist and not path.exists():
                raise StoreError(f"{path}: no store here; run `kg import` first")
            path.mkdir(parents=True, exist_ok=True)
            # Always a read-write handle: RocksDB's read-only mode can read files a
            # live writer is compacting away. The lock makes concurrent use fail clearly.
            self._ox = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            reason = "it is in use by another kg command" if "lock" in str(exc).lower() else str(exc).splitlines()[0]
            raise StoreError(f"{path}: cannot open the store ({reason})") from None
        self._ds = Dataset(store=RdflibOx(store=self._ox), default_union=False)
        self._ensure_union()

    def _ensure_union(self) -> None:
        """A store written before the default graph was kept gets it built once."""
        import pyoxigraph as ox
        has_default = next(iter(self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        if has_default is None and next(iter(self._ox.named_graphs()), None) is not None:
            self._update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def _change(self, name: URIRef, triples: Iterable[tuple[Node, Node, Node]] | None) -> None:
        """Replace (or, with no triples, drop) one named graph: one update, one transaction."""
        self._update(updates.change(name, list(triples or ()), self._attested(name)))

    def _attested(self, name: URIRef) -> set[tuple[URIRef, URIRef]]:
        """(person, post) pairs the stored graph ``name`` attests."""
        import pyoxigraph as ox
        from .tenure import holdings_of
        g = ox.NamedNode(str(name))
        return holdings_of((URIRef(q.subject.value), URIRef(q.predicate.value), URIRef(q.object.value))
                           for q in self._ox.quads_for_pattern(None, None, None, g)
                           if isinstance(q.object, ox.NamedNode))

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> None:
        self._change(name, graph)

    def remove_graph(self, name: URIRef) -> bool:
        import pyoxigraph as ox
        if not self._ox.contains_named_graph(ox.NamedNode(str(name))):
            return False
        self._change(name, None)
        return True

    def _update(self, update: str) -> None:
        try:
            self._ox.update(update)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path}: the store refused the change ({exc})") from None

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._ox.named_graphs())

    def checkpoint(self) -> None:
        """Write buffered changes out. RocksDB keeps a write-ahead log file until every
        index's memtable that refers to it is flushed; the indexes fill at different
        rates, so without this a long import holds gigabytes of log and of memtables."""
        try:
            self._ox.flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the store ({exc})") from None

    def graph(self, name: URIRef) -> Graph:
        """One named graph, read into memory on its own."""
        import pyoxigraph as ox
        g = Graph(identifier=name)
        data = ox.serialize(self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))),
                            format=ox.RdfFormat.N_QUADS)
        if data:
            g.parse(data=data.decode("utf-8"), format="nquads")
        return g

    def quads(self) -> Iterator:
        """Every quad of the named graphs (the derived default graph left out)."""
        import pyoxigraph as ox
        return (q for q in self._ox.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph))

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        try:
            if bindings and not is_select(sparql):
                # Oxigraph applies substitutions to SELECT projections only;
                # rdflib's own engine binds in ASK and CONSTRUCT over the same store.
                return self._rdflib_engine(sparql, bindings)
            try:
                return self._ds.query(sparql, initBindings=dict(bindings or {}))
            except (SyntaxError, RuntimeError) as exc:
                if not bindings or "projection" not in str(exc):
                    raise
                return self._rdflib_engine(sparql, bindings)
        except Exception as exc:  # parser and engine errors have many types
            raise QueryError(f"SPARQL error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None

    def _rdflib_engine(self, sparql: str, bindings: Mapping[str, Node]) -> Result:
        from rdflib.plugins.sparql.processor import SPARQLProcessor, SPARQLResult
        return SPARQLResult(SPARQLProcessor(self._ds).query(sparql, initBindings=dict(bindings)))

    def dataset(self) -> Dataset:
        return self._ds

    def dump(self, fmt: str, target: Path) -> None:
        import pyoxigraph as ox
        formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
        ox.serialize(self.quads(), str(target), formats[fmt])

    def to_dataset(self) -> Dataset:
        """An in-memory rdflib copy with every named graph (for serializers)."""
        import pyoxigraph as ox
        from ..graph.vocab import PREFIXES
        ds = Dataset()
        for p, ns in PREFIXES.items():
            ds.bind(p, ns)
        data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
        if data:
            ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def __len__(self) -> int:
        """Quads in the named graphs."""
        return int(next(iter(self._ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))[0].value)

    def close(self) -> None:
        import gc
        self._ox.flush()
        del self._ds
        del self._ox
        gc.collect()  # rdflib's Dataset holds reference cycles; release the RocksDB lock now

