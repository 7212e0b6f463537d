"""The embedded store: Oxigraph on disk, one directory, one process at a time.

Exposed through rdflib (oxrdflib) so that SPARQL with ``initBindings`` and rdflib's
result formats work unchanged; it implements :class:`kg.store.base.QuadStore`.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping

from ..errors import QueryError, StoreError
from . import derived_state, sandbox
from .base import Replaced
from .bindings import bind
from .results import Table, read_tsv, sort_rows, split_order

if TYPE_CHECKING:  # a reading command's SELECT runs without rdflib (60 ms to import)
    from rdflib import Dataset, Graph, URIRef
    from rdflib.query import Result
    from rdflib.term import Node

    from .bindings import Value
    from .derived import Keys

SNAPSHOTS = "kg-snapshots"  # inside the store's folder; RocksDB leaves folders it did not make alone
KEEP_SNAPSHOTS = 3
KEEP_INFO_LOGS = 5  # RocksDB's LOG.old.* files: what it did at the last few opens
BULK_BATCH = 500_000  # quads per call of the bulk loader: each call writes new files


def _to_ox() -> Callable[[Node], object]:
    """A converter of rdflib terms to pyoxigraph terms (its imports done once, not per term)."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    def convert(term: Node):
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
        return ox.BlankNode(str(term))

    return convert


class OxigraphStore:
    """Oxigraph on disk. Every change is one SPARQL UPDATE, which Oxigraph
    applies in a single transaction: a failed import leaves no trace.

    Each issue's triples live in its named graph. The default graph is kept as
    the set union of all named graphs, updated in the same transaction: Oxigraph's
    own union view repeats a triple once per graph that holds it, so a person
    named in 50 issues would multiply every join (and every COUNT) by 50.
    Queries run against this deduplicated default graph; exports leave it out.
    """

    def __init__(self, path: Path, must_exist: bool = False, reader: bool = False) -> None:
        self.path = path
        self.note: str | None = None  # what a reader should know about what it reads
        self.read_only = False
        self._wrote = False
        if must_exist and not path.exists():
            raise StoreError(f"{path}: no store here; run `kg import` first")
        self._ox = self._open(reader)
        self._rdflib: Dataset | None = None  # made on first use: oxrdflib costs 80 ms to import
        if not self.read_only:  # whoever may write brings an older store up to date, once
            self._prune_info_logs()
            self._ensure_union()
            self._ensure_derived()
        elif derived_state.stale(self._ox.query):
            self.note = (self.note + "; " if self.note else "") + (
                f"{path}: its title usages and person sightings are not derived yet "
                "(person-titles, new-faces and namesakes answer nothing); any kg command run alone derives them"
            )

    def _dataset(self) -> Dataset:
        """The store under rdflib (for rdflib's result types and serializers)."""
        if self._rdflib is None:
            from oxrdflib import OxigraphStore as RdflibOx
            from rdflib import Dataset

            self._rdflib = Dataset(store=RdflibOx(store=self._ox), default_union=False)
        return self._rdflib

    def _open(self, reader: bool):
        """A read-write handle whenever we can have one. RocksDB's read-only mode can
        read files a live writer is compacting away, so a reader that finds the store
        locked reads the writer's last snapshot instead (never the live files); on a
        read-only medium nobody writes, and the store itself is read as it is."""
        import pyoxigraph as ox  # noqa: PLC0415  (kept out of module import time)

        path = self.path
        try:
            path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            message = str(exc).lower()
            locked, read_only_medium = "lock" in message, "read-only file system" in message
            source = (path if read_only_medium else self._latest_snapshot() if locked else None) if reader else None
            if source is None:
                reason = (
                    "it is in use by another kg command"
                    if locked
                    else "it is on a read-only file system; only reading commands can use it"
                    if read_only_medium
                    else str(exc).splitlines()[0]
                )
                raise StoreError(f"{path}: cannot open the store ({reason})") from None
        self.read_only = True
        if source != path:
            when = time.strftime("%H:%M:%S", time.localtime(source.stat().st_mtime))
            self.note = f"{path}: another kg command is writing; reading the state it last committed ({when})"
        try:
            return ox.Store.read_only(str(source))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from None

    def _prune_info_logs(self) -> None:
        """RocksDB writes an info log (its options, about 140 kB) at every open and keeps
        the last 1,000 as ``LOG.old.*``: 130 MB of files nothing reads. pyoxigraph does not
        expose the option that limits them, so the newest few are kept here."""
        old = sorted(self.path.glob("LOG.old.*"), key=lambda p: p.name)
        for log in old[:-KEEP_INFO_LOGS]:
            try:
                log.unlink()
            except OSError:  # another kg command pruned it first, or the folder forbids it
                pass

    # --- snapshots: what readers read while a writer holds the store -------------
    def _snapshots(self) -> list[Path]:
        """Finished snapshots, oldest first. RocksDB writes a checkpoint as ``<name>.tmp``
        and renames it when done: a reader must never open one still being written."""
        folder = self.path / SNAPSHOTS
        return sorted(p for p in folder.iterdir() if p.name.isdigit()) if folder.is_dir() else []

    def _latest_snapshot(self) -> Path | None:
        found = self._snapshots()
        return found[-1] if found else None

    def snapshot(self, keep: int = KEEP_SNAPSHOTS) -> None:
        """A consistent copy of the committed state for readers, made of hard links
        (milliseconds, however large the store); the newest ``keep`` are kept."""
        folder = self.path / SNAPSHOTS
        folder.mkdir(exist_ok=True)
        target = folder / f"{time.time_ns():020d}"
        try:
            self._ox.backup(str(target))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write a snapshot for readers ({exc})") from None
        for old in self._snapshots()[:-keep]:
            shutil.rmtree(old, ignore_errors=True)

    def _ensure_union(self) -> None:
        """A store written before the default graph was kept gets it built once."""
        import pyoxigraph as ox

        has_default = next(iter(self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        if has_default is None and next(iter(self._ox.named_graphs()), None) is not None:
            self._update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def _ensure_derived(self) -> None:
        """A store derived before today's summaries is derived once more (20 s at 5,000 issues)."""
        if derived_state.stale(self._ox.query):
            from . import derived

            self._update(derived.rederive())

    def _stored(self, name: URIRef) -> set[tuple]:
        """The triples of the stored graph ``name``, as Oxigraph terms."""
        import pyoxigraph as ox

        return {
            (q.subject, q.predicate, q.object)
            for q in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
        }

    @staticmethod
    def _keys(stored: set[tuple]) -> Keys:
        """The summary keys that stored triples name."""
        import pyoxigraph as ox
        from rdflib import Literal, URIRef

        from .derived import KEY_PREDICATES, keys_of

        read = {str(p) for p in KEY_PREDICATES}
        term = lambda t: URIRef(t.value) if isinstance(t, ox.NamedNode) else Literal(t.value)  # noqa: E731
        return keys_of((term(s), term(p), term(o)) for s, p, o in stored if p.value in read)

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> Replaced:
        """Replace one issue's graph in one update (one transaction); an identical
        re-import writes nothing."""
        import pyoxigraph as ox

        from ..graph.vocab import DKG
        from . import updates

        triples = list(graph)
        old = self._stored(name)
        status, previous = "new", None
        if old:
            status = "replaced"
            previous = next((str(o.value) for _, p, o in old if p.value == str(DKG.sourceFile)), None)
            # compared as Oxigraph stores them (it keeps xsd:nonNegativeInteger as xsd:integer)
            mirror, _ox = ox.Store(), _to_ox()
            mirror.extend(ox.Quad(_ox(s), _ox(p), _ox(o), ox.DefaultGraph()) for s, p, o in triples)
            if old == {(q.subject, q.predicate, q.object) for q in mirror}:
                return Replaced("unchanged", previous)
        # a new issue only adds to the summaries: this process holds the store alone
        self._update(updates.change(name, triples, self._keys(old), new=not old))
        return Replaced(status, previous)

    def remove_graph(self, name: URIRef) -> bool:
        old = self._stored(name)
        if not old:
            return False
        from . import updates

        self._update(updates.change(name, [], self._keys(old)))
        return True

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: another kg command is writing; try again when it is done")
        self._wrote = True
        try:
            self._ox.update(update)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path}: the store refused the change ({exc})") from None

    def graph_names(self) -> list[URIRef]:
        from rdflib import URIRef

        return sorted(URIRef(g.value) for g in self._ox.named_graphs())

    def is_empty(self) -> bool:
        return next(iter(self._ox.named_graphs()), None) is None

    def bulk_load(self, issues: Iterable[tuple[URIRef, list[tuple[Node, Node, Node]]]]) -> None:
        """Load issues into an empty store with Oxigraph's bulk loader, then derive the
        default graph and tenure once. Ends in the same quads as one update per issue,
        in a fraction of the time; it is not one transaction, so a failure empties the
        store again (it was empty before)."""
        import pyoxigraph as ox

        from . import derived

        if not self.is_empty():
            raise StoreError(f"{self.path}: a bulk load needs an empty store")
        _ox = _to_ox()
        try:
            batch: list = []
            loaded: set[URIRef] = set()
            for name, triples in issues:
                if name in loaded:  # the same issue twice in one run: the later file wins
                    self._flush_batch(batch)
                    self._ox.clear_graph(ox.NamedNode(str(name)))
                loaded.add(name)
                g = ox.NamedNode(str(name))
                batch += (ox.Quad(_ox(s), _ox(p), _ox(o), g) for s, p, o in triples)
                if len(batch) >= BULK_BATCH:
                    self._flush_batch(batch)
            self._flush_batch(batch)
            for name in sorted(loaded):  # the union, one graph at a time: the store drops repeats
                g = ox.NamedNode(str(name))
                self._ox.bulk_extend(
                    [
                        ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                        for q in self._ox.quads_for_pattern(None, None, None, g)
                    ]
                )
            self._update(derived.rederive())
            self._ox.optimize()
        except (OSError, ValueError, StoreError) as exc:
            self._ox.clear()
            raise StoreError(f"{self.path}: the bulk load failed and was undone ({exc})") from None

    def _flush_batch(self, batch: list) -> None:
        if batch:
            self._ox.bulk_extend(batch)
            batch.clear()

    def compact(self) -> None:
        """Merge the store's files (RocksDB compaction): one lookup then reads fewer files.
        Worth it after a large run of small transactions (8 s at 5,000 issues)."""
        if self.read_only:
            return
        try:
            self._ox.flush()  # what is still in memory is compacted too, not flushed after
            self._ox.optimize()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot compact the store ({exc})") from None
        # the snapshots made before hold, by hard link, the files compaction merged away:
        # one made now replaces them all, or the folder keeps both versions (3.0 GB
        # rather than 1.5 GB after 5,000 issues) until the next run's checkpoints
        self.snapshot(keep=1)

    def checkpoint(self) -> None:
        """Write buffered changes out. RocksDB keeps a write-ahead log file until every
        index's memtable that refers to it is flushed; the indexes fill at different
        rates, so without this a long import holds gigabytes of log and of memtables."""
        if self.read_only or not self._wrote:
            return
        try:
            self._ox.flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the store ({exc})") from None
        self.snapshot()

    def graph(self, name: URIRef) -> Graph:
        """One named graph, read into memory on its own."""
        import pyoxigraph as ox
        from rdflib import Graph

        g = Graph(identifier=name)
        data = ox.serialize(
            self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))), format=ox.RdfFormat.N_QUADS
        )
        if data:
            g.parse(data=data.decode("utf-8"), format="nquads")
        return g

    def quads(self) -> Iterator:
        """Every quad of the named graphs (the derived default graph left out)."""
        import pyoxigraph as ox

        return (
            q
            for q in self._ox.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        )

    def query(self, sparql: str, bindings: Mapping[str, Value] | None = None) -> Result:
        """Every form (SELECT, ASK, CONSTRUCT, DESCRIBE) on Oxigraph's engine, bindings
        joined at the head of the WHERE group (:mod:`kg.store.bindings`)."""
        import pyoxigraph as ox

        sandbox.check(sparql, lambda iri: self._ox.contains_named_graph(ox.NamedNode(iri)))
        text = bind(sparql, bindings)
        try:
            return self._dataset().query(text)
        except Exception as exc:  # parser and engine errors have many types
            raise QueryError(f"SPARQL error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None

    def solutions(self, sparql: str, bindings: Mapping[str, Value] | None = None):
        """A SELECT's or an ASK's answer as Oxigraph gives it (``QuerySolutions`` or
        ``QueryBoolean``), for callers that format it themselves: making an rdflib term
        of every cell costs twice what the engine does (1.0 s against 0.45 s for
        11,500 rows of five cells)."""
        import pyoxigraph as ox

        sandbox.check(sparql, lambda iri: self._ox.contains_named_graph(ox.NamedNode(iri)))
        text = bind(sparql, bindings)
        try:
            return self._ox.query(text)
        except Exception as exc:  # parser and engine errors have many types
            raise QueryError(f"SPARQL error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None

    def table(self, sparql: str, bindings: Mapping[str, Value] | None = None) -> Table:
        """A SELECT's answer as plain rows, in the order its ORDER BY asks: written
        by the engine as TSV and read back, the ORDER BY applied in Python when it
        has the plain form (:mod:`kg.store.results` says why both are faster)."""
        import pyoxigraph as ox

        def read(text: str) -> Table:
            answer = self.solutions(text, bindings)
            return read_tsv(answer.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8"))

        order = split_order(sparql)
        if order is None:
            return read(sparql)
        table = read(order.body)
        if any(var not in table.variables for var, _ in order.keys):
            return read(sparql)  # a key named only inside an expression: the engine orders
        table.rows = sort_rows(table, order)
        return table

    def select(self, sparql: str, bindings: Mapping[str, Value] | None = None) -> list[list[Node | None]]:
        """kg's own SELECTs over the named graphs (the store's bookkeeping), rows as lists."""
        return [list(row) for row in self.query(sparql, bindings)]

    def dump(self, fmt: str, target: Path) -> None:
        import pyoxigraph as ox

        formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
        ox.serialize(self.quads(), str(target), formats[fmt])

    def to_dataset(self) -> Dataset:
        """An in-memory rdflib copy with every named graph (for serializers)."""
        import pyoxigraph as ox
        from rdflib import Dataset

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

        try:
            self.checkpoint()
        finally:
            cycles, self._rdflib = self._rdflib is not None, None
            del self._ox
            if cycles:  # rdflib's Dataset holds reference cycles; release the RocksDB lock now
                gc.collect()
