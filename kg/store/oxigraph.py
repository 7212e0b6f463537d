"""The store behind one small interface: named graphs of quads, SPARQL, dumps.

:class:`QuadStore` is what the rest of the code uses; :class:`OxigraphStore`
implements it with Oxigraph on disk, exposed through rdflib (oxrdflib) so that
SPARQL with ``initBindings`` and rdflib's result formats work unchanged. A
remote SPARQL 1.1 engine can implement the same protocol later.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Protocol

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from ..errors import QueryError, StoreError

DEFAULT_STORE = "kg-store"


def store_path(option: str | os.PathLike | None) -> Path:
    """``--store`` if given, else ``$KG_STORE``, else ``./kg-store``."""
    return Path(option or os.environ.get("KG_STORE") or DEFAULT_STORE)


class QuadStore(Protocol):
    """What the rest of the code may ask of a store."""

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> None: ...
    def remove_graph(self, name: URIRef) -> bool: ...
    def graph_names(self) -> list[URIRef]: ...
    def graph(self, name: URIRef) -> Graph: ...
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result: ...
    def dataset(self) -> Dataset: ...
    def checkpoint(self) -> None: ...
    def to_dataset(self) -> Dataset: ...
    def quads(self) -> Iterator: ...
    def dump(self, fmt: str, target: Path) -> None: ...
    def __len__(self) -> int: ...
    def close(self) -> None: ...


def _is_select(sparql: str) -> bool:
    """The query form, read past PREFIX/BASE lines and comments."""
    body = re.sub(r"#[^\n]*|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>", " ", sparql, flags=re.I)
    return body.strip().upper().startswith("SELECT")


def _nt(term) -> str:
    return term.n3()


def _forget(graph: str) -> str:
    """Remove from the default graph the triples that only ``graph`` holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }}")


def _merge(graph: str) -> str:
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


def _forget_holders(holders: str) -> str:
    """Drop the named holdings from the tenure graph and the default graph (only tenure states them)."""
    from .tenure import TENURE_GRAPH
    return (f"DELETE {{ GRAPH {_nt(TENURE_GRAPH)} {{ ?h ?p ?o }} ?h ?p ?o }} "
            f"WHERE {{ VALUES ?h {{ {holders} }} GRAPH {_nt(TENURE_GRAPH)} {{ ?h ?p ?o }} }}")


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
        """Replace (or, with no triples, drop) one named graph, the default graph's
        share of it and the tenure of the posts it attests: one update, so one
        transaction, and its cost is the issue's, whatever the store's size."""
        from .tenure import holder_iri, holdings_of, refresh_holdings
        g = _nt(name)
        triples = list(triples or ())
        affected = self._attested(name) | holdings_of(triples)
        holders = " ".join(_nt(holder_iri(p, post)) for p, post in sorted(affected))
        ops = [_forget(g)]
        if holders:
            ops.append(_forget_holders(holders))
        ops.append(f"DROP SILENT GRAPH {g}")
        if triples:
            body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in triples)
            ops += [f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}", _merge(g)]
        if affected:
            ops.append(refresh_holdings(sorted(affected)))
        self._update(" ;\n".join(ops))

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
            if bindings and not _is_select(sparql):
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


def open_store(path: Path, must_exist: bool = False) -> OxigraphStore:
    """Open or create the store; with ``must_exist`` (read and remove commands) never create one."""
    return OxigraphStore(path, must_exist=must_exist)
