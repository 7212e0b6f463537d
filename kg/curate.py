"""Make, list and undo judgements (``kg curate``), and bring the issues they concern
up to date.

A judgement is written to the curation graph first, in one transaction; then every
issue it concerns is read again from the text the store keeps and written through
the judgements (:func:`kg.graph.curation.curate`), each issue in its own
transaction, as an import would. Should that second step stop half way, running
``kg curate refresh`` (or re-importing the files) finishes it: the judgements are
the truth, the issues follow them.
"""

from __future__ import annotations

import getpass
import os
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from rdflib import URIRef

from .analysis.query import with_prefixes
from .errors import CurationError
from .graph.curation import (
    CURATION_GRAPH,
    LABELLED,
    PAIRED,
    VERDICTS,
    Identity,
    Judgement,
    conflict,
    from_graph,
    short,
    to_triples,
)
from .graph.iris import ISSUE_GRAPHS, iri
from .store.base import QuadStore

if TYPE_CHECKING:
    from .importer import ImportReport


@dataclass
class Outcome:
    """What one curate command did: the judgement, and the issues written again."""

    judgement: Judgement
    reports: list[ImportReport] = field(default_factory=list)

    @property
    def failed(self) -> list[ImportReport]:
        return [r for r in self.reports if not r.ok]


def judgements(store: QuadStore) -> list[Judgement]:
    """The analysts' judgements the store holds, oldest first; every issue written goes through them."""
    return from_graph(store.graph(CURATION_GRAPH))


def _reread(store: QuadStore, graphs: set[URIRef], progress, jobs: int | None) -> list[ImportReport]:
    """Issues read again; ``jobs`` worker processes (None: all cores)."""
    if not graphs:
        return []
    from .importer import default_jobs, reread  # extraction: spaCy loads only when issues are read again

    return reread(store, graphs, progress, jobs or default_jobs())


def curator(name: str | None = None) -> str:
    """Who makes the judgement: ``--by``, else ``$KG_CURATOR``, else the login name."""
    return name or os.environ.get("KG_CURATOR") or getpass.getuser()


def entity(store: QuadStore, ref: str) -> URIRef:
    """An entity the store holds, named as its IRI, its path after /id/
    (``person/上街区/耿勇军``) or the path of its page (``/id/person/…``)."""
    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        node = URIRef(ref)
    else:  # a path as typed, or as the address bar shows a page (/id/person/%E4%B8%8A…)
        node = iri(*urllib.parse.unquote(ref).removeprefix("/").removeprefix("id/").split("/"))
    found = store.query("SELECT ?p WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } } LIMIT 1", {"x": node})
    if not list(found):
        raise CurationError(f"{ref}: no such entity in the store (see its page, or `kg query` for its IRI)")
    return node


def _issues_naming(store: QuadStore, node: URIRef) -> set[URIRef]:
    q = (
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?x ?p ?o } UNION { ?s ?p ?x } } "
        f'FILTER(STRSTARTS(STR(?g), "{ISSUE_GRAPHS}")) }}'
    )
    return {URIRef(str(r[0])) for r in store.select(q, {"x": node})}


def _issues_curated_by(store: QuadStore, number: int) -> set[URIRef]:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?i dkg:curatedBy ?j } }"
    return {URIRef(str(r[0])) for r in store.select(with_prefixes(q), {"j": iri("judgement", number)})}


def _concerned(store: QuadStore, new: Judgement, before: list[Judgement]) -> set[URIRef]:
    """The issues a new judgement changes: those naming the node it rewrites or drops,
    as the store names it now (a node merged before is stored as its keeper)."""
    ids = Identity(before)
    if new.verdict == "same":
        return _issues_naming(store, ids.of(new.other)[0])
    if new.verdict in ("reject", "prefer"):
        return _issues_naming(store, ids.of(new.judged)[0])
    return set()  # different, alias: only the curation graph says them


def make(
    store: QuadStore,
    verdict: str,
    judged: str,
    other: str | None = None,
    label: str | None = None,
    note: str = "",
    by: str | None = None,
    when: datetime | None = None,
    about: str | None = None,
    progress: Callable[[ImportReport], None] | None = None,
    jobs: int | None = None,
) -> Outcome:
    """Record one judgement and write again the issues it concerns."""
    if verdict not in VERDICTS:
        raise CurationError(f"{verdict}: not a verdict ({', '.join(VERDICTS)})")
    if (verdict in PAIRED) != (other is not None) or (verdict in LABELLED) != bool(label):
        raise CurationError(
            f"{verdict}: takes {'two entities' if verdict in PAIRED else 'one entity'}"
            + (" and a label" if verdict in LABELLED else "")
        )
    before = judgements(store)
    new = Judgement(
        number=max((j.number for j in before), default=0) + 1,
        verdict=verdict,
        judged=entity(store, judged),
        other=entity(store, other) if other is not None else None,
        label=label.strip() if label else None,
        note=note,
        by=curator(by),
        when=when or datetime.now(timezone.utc),
        about=entity(store, about) if about else None,
    )
    if new.other == new.judged:
        raise CurationError(f"{judged}: an entity is always the same as itself")
    why = conflict(before, new)
    if why:
        raise CurationError(f"cannot record it: {why}")
    concerned = _concerned(store, new, [j for j in before if j.active])
    store.replace_graph(CURATION_GRAPH, to_triples([*before, new]))
    return Outcome(new, _reread(store, concerned, progress, jobs))


def undo(
    store: QuadStore,
    number: int,
    when: datetime | None = None,
    progress: Callable[[ImportReport], None] | None = None,
    jobs: int | None = None,
) -> Outcome:
    """Undo a judgement (it stays on record, marked undone) and write again the issues it changed."""
    before = judgements(store)
    found = next((j for j in before if j.number == number), None)
    if found is None:
        raise CurationError(f"judgement {number}: no such judgement (see `kg curate list`)")
    if not found.active:
        raise CurationError(f"judgement {number}: already undone")
    done = found.undo(when or datetime.now(timezone.utc))
    concerned = _issues_curated_by(store, number)
    store.replace_graph(CURATION_GRAPH, to_triples([done if j.number == number else j for j in before]))
    return Outcome(done, _reread(store, concerned, progress, jobs))


def refresh(
    store: QuadStore, progress: Callable[[ImportReport], None] | None = None, jobs: int | None = None
) -> list[ImportReport]:
    """Write again every issue that a judgement concerns (after an interrupted curate)."""
    active = [j for j in judgements(store) if j.active]
    concerned: set[URIRef] = set()
    for j in active:
        concerned |= _issues_curated_by(store, j.number)
        concerned |= _concerned(store, j, [k for k in active if k.number < j.number])
    return _reread(store, concerned, progress, jobs)


def listing(store: QuadStore, everything: bool = False) -> list[Judgement]:
    """The judgements in the order they were made; undone ones only with ``everything``."""
    return [j for j in judgements(store) if everything or j.active]


def describe(j: Judgement) -> str:
    """One line of `kg curate list`."""
    what = {
        "same": f"{short(j.judged)} = {short(j.other)}",
        "different": f"{short(j.judged)} ≠ {short(j.other)}",
        "reject": f"{short(j.judged)}",
        "prefer": f"{short(j.judged)} → {j.label}",
        "alias": f"{short(j.judged)} aka {j.label}",
    }[j.verdict]
    when = j.when.isoformat(timespec="minutes")
    tail = f"  ({j.note})" if j.note else ""
    undone = f"  [undone {j.undone.isoformat(timespec='minutes')}]" if j.undone else ""
    return f"{j.number}\t{j.verdict}\t{what}\t{j.by} {when}{tail}{undone}"
