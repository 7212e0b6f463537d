"""Import files into the store: parse -> nlp -> facts -> graph -> store.

Extraction runs in a pool of worker processes (``jobs``); one writer, this
process, applies the issues in the files' stable order, each in its own
transaction. A file that fails is reported and leaves the store as it was; the
other files of the run still land.

Every worker knows the same names: those the store held when the run began.
Names learnt inside a run are not passed between files, so the quads of a run do
not depend on how many workers shared it (the next run knows them all).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from rdflib import Graph, URIRef
from rdflib.namespace import FOAF

from .curate import judgements
from .errors import InputError, KGError
from .graph.build import build_graph
from .graph.curation import Judgement, curate
from .graph.iris import graph_iri
from .ingest.parse import parse_file, parse_source
from .ingest.reading import SourceText, iter_sources
from .nlp.facts import extract
from .store.base import QuadStore
from .types import Facts, Issue


@dataclass
class Extracted:
    """What a worker hands the writer: plain data, cheap to pickle, no spaCy objects."""

    path: Path
    key: str = ""
    head: str = ""
    date: str = ""
    encoding: str = ""
    persons: int = 0
    organizations: int = 0
    events: int = 0
    triples: list[tuple] = field(default_factory=list)
    error: str | None = None


@dataclass
class ImportReport:
    """One file's outcome; kept small, because a run may hold thousands."""

    path: Path
    key: str | None = None
    encoding: str = ""
    summary: str = ""
    triples: int = 0
    error: str | None = None
    status: str = ""  # new | replaced | unchanged (failed when error is set)
    warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        return f"error: {self.error}" if not self.ok else f"{self.path.name}: {self.summary}"


def summary(reports: list[ImportReport]) -> str:
    """One line for a run: how many files, and what each did to the store."""
    counts = {k: 0 for k in ("new", "replaced", "unchanged", "failed")}
    for r in reports:
        counts["failed" if not r.ok else r.status or "new"] += 1
    return f"{len(reports)} file(s): " + ", ".join(f"{n} {k}" for k, n in counts.items())


def known_names(store: QuadStore) -> set[str]:
    """Persons already in the store: a cross-issue gazetteer for bare names."""
    q = f"SELECT DISTINCT ?n WHERE {{ ?p a <{FOAF.Person}> ; <{FOAF.name}> ?n }}"
    return {str(r[0]) for r in store.query(q)}


def graph_for(source: Path | SourceText, nlp) -> tuple[Issue, Facts, Graph]:
    """A file, or a text read before (an issue read again from the store)."""
    issue = parse_file(source) if isinstance(source, Path) else parse_source(source)
    facts = extract(issue, nlp)
    return issue, facts, build_graph(issue, facts)


def extract_file(source: Path | SourceText, nlp) -> Extracted:
    """One file to plain data; never raises for a bad file."""
    path = source if isinstance(source, Path) else source.path
    try:
        issue, facts, graph = graph_for(source, nlp)
    except InputError as exc:
        return Extracted(path, error=str(exc))
    except KGError as exc:
        return Extracted(path, error=f"{path}: {exc}")
    except Exception as exc:  # a bug must not cost the other files of the run
        return Extracted(path, error=f"{path}: internal error while importing ({type(exc).__name__}: {exc})")
    head = f"{issue.series} 第{issue.number}期" if issue.kind == "bulletin" else (issue.title or issue.path.stem)[:30]
    return Extracted(
        path,
        key=issue.key,
        head=head,
        date=issue.date.isoformat() if issue.date else "no date",
        encoding=issue.encoding,
        persons=len({p.name for p in facts.persons}),
        organizations=len({o.name for o in facts.organizations}),
        events=len(facts.events),
        triples=list(graph),
    )


# --- worker processes: each builds the pipeline once ---------------------------
FILES_PER_WORKER = 8
# issues between two flushes of the store: bounds its memory and its write-ahead log
CHECKPOINT_EVERY = 20
CHECKPOINT_SECONDS = 2.0  # and readers are never more than this behind a slow run
# files from which a first import into an empty store goes through the bulk loader
BULK_MIN = 200
# a run that wrote this many issues ends by compacting the store: reads after many
# small transactions look in many files (library queries 20-30 % slower at 5,000 issues)
COMPACT_AFTER = 200
_worker_nlp = None


def _init_worker(names: set[str]) -> None:
    global _worker_nlp
    from .nlp.pipeline import build_pipeline

    _worker_nlp = build_pipeline(names)


def _extract_in_worker(source: Path | SourceText) -> Extracted:
    return extract_file(source, _worker_nlp)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extracted(files: list[Path] | list[SourceText], names: set[str], jobs: int) -> Iterator[Extracted]:
    """Each file's extraction, in the files' order. A bounded window of files is in
    flight, so memory does not grow with the folder."""
    # a worker pays spaCy's start-up (about 1.5 s): below some files each, one process is faster
    jobs = min(jobs, len(files) // FILES_PER_WORKER)
    if jobs <= 1:
        _init_worker(names)
        for path in files:
            yield _extract_in_worker(path)
        return
    window = 4 * jobs
    # spawned, not forked: the parent holds the store's RocksDB threads, which a fork would copy mid-lock
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(names,)
    ) as pool:
        pending: list[Future] = []
        todo = iter(files)
        for path in todo:
            pending.append(pool.submit(_extract_in_worker, path))
            if len(pending) >= window:
                break
        while pending:
            result = pending.pop(0).result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.submit(_extract_in_worker, nxt))
            yield result


def _report(ex: Extracted, status: str = "") -> ImportReport:
    """The report of one file, as if its graph landed with ``status``."""
    report = ImportReport(ex.path, key=ex.key or None, encoding=ex.encoding, error=ex.error, status=status)
    if ex.error is None:
        report.triples = len(ex.triples)
        report.summary = (
            f"{ex.head}, {ex.date}: {ex.persons} persons, {ex.organizations} organizations, "
            f"{ex.events} events, {report.triples} triples"
        )
    return report


def apply(store: QuadStore, ex: Extracted, decided: Sequence[Judgement] = ()) -> ImportReport:
    """Write one extracted file to the store, in one transaction, as the analysts'
    judgements (``decided``) have it."""
    if ex.error is not None:
        return _report(ex)
    try:
        done = store.replace_graph(graph_iri(ex.key), curate(ex.triples, decided))
    except KGError as exc:
        return ImportReport(ex.path, key=ex.key, encoding=ex.encoding, error=f"{ex.path}: {exc}")
    report = _report(ex, done.status)
    if done.previous_source and done.previous_source != ex.path.name:
        # two files claim one issue: say so, the later one is now the issue
        report.warning = f"{ex.path}: replaces issue {ex.key}, imported before from {done.previous_source}"
    return report


def nothing_found(paths: list[Path]) -> ImportReport:
    shown = " ".join(str(p) for p in paths)
    return ImportReport(Path(shown), error=f"{shown}: no supported file found (.txt .md .docx .pdf .html .htm)")


def import_paths(paths: Iterable[Path], store: QuadStore, **options) -> list[ImportReport]:
    """Import every file under ``paths`` (see :func:`import_files`); never raises for one bad file."""
    paths = list(paths)
    files = iter_sources(paths)
    return import_files(files, store, **options) if files else [nothing_found(paths)]


def import_files(
    files: list[Path],
    store: QuadStore,
    progress: Callable[[ImportReport], None] | None = None,
    jobs: int = 1,
    bulk: bool | None = None,
) -> list[ImportReport]:
    """Import ``files`` in their order; never raises for one bad file.

    ``jobs`` worker processes extract (1: all in this process); the store sees the
    same issues in the same order whatever their number. ``bulk``: load with the
    store's bulk loader and derive once (None: when the store is empty, can bulk
    load, and the run is large enough for it to pay)."""
    stream = _extracted(files, known_names(store), jobs)
    can_bulk = hasattr(store, "bulk_load") and store.is_empty()  # type: ignore[attr-defined]
    if bulk and not can_bulk:
        raise KGError("--bulk needs an empty embedded store")
    if bulk or (bulk is None and can_bulk and len(files) >= BULK_MIN):
        return _bulk(store, stream, progress)
    return _apply_all(store, stream, judgements(store), progress)


def _apply_all(
    store: QuadStore,
    stream: Iterable[Extracted],
    decided: Sequence[Judgement],
    progress: Callable[[ImportReport], None] | None,
) -> list[ImportReport]:
    reports = []
    last = time.monotonic()
    for n, ex in enumerate(stream, 1):
        report = apply(store, ex, decided)
        reports.append(report)
        if n % CHECKPOINT_EVERY == 0 or time.monotonic() - last > CHECKPOINT_SECONDS:
            store.checkpoint()  # also what readers see while this run holds the store
            last = time.monotonic()
        if progress:
            progress(report)
    written = sum(1 for r in reports if r.ok and r.status in ("new", "replaced"))
    if written >= COMPACT_AFTER:
        store.compact()
    return reports


def _bulk(store, stream: Iterator[Extracted], progress: Callable[[ImportReport], None] | None) -> list[ImportReport]:
    """Feed the bulk loader; each file's line is printed as its quads are handed over."""
    reports: list[ImportReport] = []

    def issues():
        for ex in stream:
            report = _report(ex, "new")
            reports.append(report)
            if ex.error is None:
                yield graph_iri(ex.key), ex.triples  # an empty store holds no judgements
            if progress:
                progress(report)

    store.bulk_load(issues())  # a failure undoes the whole load and says so in one line
    return reports


# --- reading stored issues again (after a judgement is made or undone) ----------
STORED_SOURCE = """SELECT ?file ?encoding ?sha ?text WHERE { GRAPH ?g {
  ?i dkg:issueKey ?key ; dkg:sourceFile ?file ; dkg:encoding ?encoding ; dkg:sha256 ?sha . ?c nif:isString ?text } } LIMIT 1"""


def stored_source(store: QuadStore, graph: URIRef) -> SourceText:
    """The text an issue was read from, as the store keeps it: reading it again gives
    the issue a file would give, with no need for the file."""
    from .analysis.query import with_prefixes

    rows = store.select(with_prefixes(STORED_SOURCE), {"g": graph})
    if not rows:
        raise KGError(f"{graph}: the store keeps no text for this issue; import its file again")
    file, encoding, sha, text = (str(x) for x in rows[0])
    return SourceText(Path(file), text, encoding, sha)


def reread(
    store: QuadStore,
    graphs: Iterable[URIRef],
    progress: Callable[[ImportReport], None] | None = None,
    jobs: int = 1,
) -> list[ImportReport]:
    """Extract stored issues again from their own text and write them as the current
    judgements have them: what making or undoing a judgement does to the issues it
    concerns. Each issue in its own transaction, like an import."""
    sources = [stored_source(store, g) for g in sorted(set(graphs))]
    if not sources:
        return []
    return _apply_all(store, _extracted(sources, known_names(store), jobs), judgements(store), progress)
