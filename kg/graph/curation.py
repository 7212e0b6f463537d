"""An analyst's judgements, and what they do to an issue's triples.

Extraction will always make mistakes that a person sees at a glance: two nodes for
one official, a junk organization, a role read wrong. A judgement records the
decision once (who, when, why) in the store's curation graph, and every issue is
written through :func:`curate`, so the decision holds for issues imported later,
survives re-import and removal, and can be undone (its issues are read again).

Verdicts: ``same`` (``other`` becomes ``judged`` everywhere), ``different``
(never the same; a ``same`` across it is refused), ``reject`` (the node and every
statement naming it leave the issues), ``prefer`` (the only skos:prefLabel) and
``alias`` (a skos:altLabel). Plain data and pure functions: the store work is in
:mod:`kg.curate`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterable, Sequence

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, SKOS, XSD

from .iris import iri
from .vocab import DATA, DKG

CURATION_GRAPH: URIRef = iri("graph", "curation")
VERDICTS = {"same": DKG.Same, "different": DKG.NotSame, "reject": DKG.Reject, "prefer": DKG.Prefer, "alias": DKG.Alias}
_VERDICT_NAMES = {v: k for k, v in VERDICTS.items()}
PAIRED = {"same", "different"}  # verdicts about two entities
LABELLED = {"prefer", "alias"}  # verdicts that carry a label


@dataclass(frozen=True)
class Judgement:
    number: int
    verdict: str  # a key of VERDICTS
    judged: URIRef
    by: str
    when: datetime
    other: URIRef | None = None  # same, different
    label: str | None = None  # prefer, alias
    note: str = ""
    about: URIRef | None = None  # whose fact it judges (a reject made on that entity's page)
    undone: datetime | None = None

    @property
    def iri(self) -> URIRef:
        return iri("judgement", self.number)

    @property
    def active(self) -> bool:
        return self.undone is None

    def undo(self, when: datetime) -> Judgement:
        return replace(self, undone=when)


def _stamp(when: datetime) -> Literal:
    return Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime)


def to_triples(judgements: Iterable[Judgement]) -> list[tuple]:
    """The curation graph: each judgement as a PROV entity, and the statements the
    active ones make about the entities (labels, sameAs, notSameAs), which the store
    then holds in its default graph for every query to see."""
    out: list[tuple] = []
    for j in judgements:
        node, agent = j.iri, iri("agent", j.by)
        out += [
            (node, RDF.type, DKG.Judgement),
            (node, DKG.judgementNumber, Literal(j.number)),
            (node, DKG.verdict, VERDICTS[j.verdict]),
            (node, DKG.judged, j.judged),
            (node, PROV.wasAttributedTo, agent),
            (node, PROV.generatedAtTime, _stamp(j.when)),
            (agent, RDF.type, PROV.Agent),
            (agent, FOAF.name, Literal(j.by)),
        ]
        if j.other is not None:
            out.append((node, DKG.other, j.other))
        if j.label is not None:
            out.append((node, DKG.labelText, Literal(j.label)))
        if j.note:
            out.append((node, RDFS.comment, Literal(j.note)))
        if j.about is not None:
            out.append((node, DKG.concerns, j.about))
        if j.undone is not None:
            out.append((node, PROV.invalidatedAtTime, _stamp(j.undone)))
            continue
        if j.verdict == "same":
            out.append((j.other, OWL.sameAs, j.judged))
        elif j.verdict == "different":
            out += [(j.judged, DKG.notSameAs, j.other), (j.other, DKG.notSameAs, j.judged)]
        elif j.verdict == "prefer":
            out.append((j.judged, SKOS.prefLabel, Literal(j.label)))
        elif j.verdict == "alias":
            out.append((j.judged, SKOS.altLabel, Literal(j.label)))
    return out


def from_graph(graph: Graph) -> list[Judgement]:
    """The judgements a curation graph holds, in the order they were made."""

    def one(node, prop):
        return next(iter(graph.objects(node, prop)), None)

    found = []
    for node in graph.subjects(RDF.type, DKG.Judgement):
        undone = one(node, PROV.invalidatedAtTime)
        label, other, note = one(node, DKG.labelText), one(node, DKG.other), one(node, RDFS.comment)
        found.append(
            Judgement(
                number=int(one(node, DKG.judgementNumber)),
                verdict=_VERDICT_NAMES[one(node, DKG.verdict)],
                judged=one(node, DKG.judged),
                by=str(one(graph.value(node, PROV.wasAttributedTo), FOAF.name) or ""),
                when=one(node, PROV.generatedAtTime).toPython(),
                other=other,
                label=str(label) if label is not None else None,
                note=str(note) if note is not None else "",
                undone=undone.toPython() if undone is not None else None,
                about=one(node, DKG.concerns),
            )
        )
    return sorted(found, key=lambda j: j.number)


class Identity:
    """Which node each node stands for once the active ``same`` judgements are
    applied, in the order they were made (union-find: the first-named entity of a
    judgement keeps its IRI), and which judgements each answer rests on."""

    def __init__(self, judgements: Iterable[Judgement]) -> None:
        self.parent: dict[URIRef, tuple[URIRef, frozenset[int]]] = {}
        for j in judgements:
            if j.active and j.verdict == "same":
                (keep, kept_by), (gone, gone_by) = self.of(j.judged), self.of(j.other)
                if keep != gone:
                    # the step rests on this judgement and on those that made each end what it is
                    self.parent[gone] = (keep, frozenset({j.number} | kept_by | gone_by))

    def of(self, node: URIRef) -> tuple[URIRef, set[int]]:
        used: set[int] = set()
        while node in self.parent:
            node, numbers = self.parent[node]
            used |= numbers
        return node, used


def short(node: URIRef | None) -> str:
    """An entity as `kg curate` takes it: its path after /id/."""
    return str(node)[len(str(DATA)) :] if node is not None and str(node).startswith(str(DATA)) else str(node)


def conflict(judgements: list[Judgement], new: Judgement) -> str | None:
    """Why ``new`` cannot be recorded next to ``judgements``, or None."""
    active = [j for j in judgements if j.active]
    ids = Identity(active)
    if new.verdict in PAIRED and ids.of(new.judged)[0] == ids.of(new.other)[0]:
        return "they are already one entity" if new.verdict == "same" else "they were judged the same; undo that first"
    if new.verdict == "same":
        merged = Identity([*active, new])
        for j in active:
            if j.verdict == "different" and merged.of(j.judged)[0] == merged.of(j.other)[0]:
                return f"judgement {j.number} says {short(j.judged)} and {short(j.other)} are not the same"
    for j in active:
        if (j.verdict, j.judged, j.other, j.label) == (new.verdict, new.judged, new.other, new.label):
            return f"judgement {j.number} says this already"
    return None


def curate(triples: Iterable[tuple], judgements: Sequence[Judgement]) -> list[tuple]:
    """An issue's triples with the active judgements applied; the issue node gains a
    ``dkg:curatedBy`` link to every judgement that changed something, so that undoing
    one knows which issues to read again. Deterministic: the same triples and
    judgements give the same result, whatever the order of either."""
    triples = list(triples)
    active = [j for j in judgements if j.active]
    if not active:
        return triples
    ids = Identity(active)
    rejected = {j.judged: j.number for j in active if j.verdict == "reject"}
    preferred = {j.judged: j.number for j in active if j.verdict == "prefer"}
    used: set[int] = set()

    # a participation is named by its person (…/role/Chair/NAME): merged into a person of
    # another name, it takes the name it now stands for, as a fresh import would give it
    renamed: dict[URIRef, URIRef] = {}
    for s, p, o in triples:
        if p == DKG.agent and isinstance(o, URIRef):
            canon, _ = ids.of(o)
            old, new = str(o).rsplit("/", 1)[1], str(canon).rsplit("/", 1)[1]
            if old != new and str(s).endswith("/" + old):
                renamed[s] = URIRef(str(s)[: -len(old)] + new)

    def node(term):
        if isinstance(term, URIRef) and term.startswith(DATA):
            canon, why = ids.of(renamed.get(term, term))
            used.update(why)
            return canon
        return term

    out: set[tuple] = set()
    moved_pairs: set = set()
    for s, p, o in triples:
        s, o2 = node(s), node(o)
        if p == DKG.between and o2 != o:
            moved_pairs.add(s)
        o = o2
        hit = rejected.get(s, rejected.get(o))
        if hit is not None:
            used.add(hit)
            continue
        if p == SKOS.prefLabel and s in preferred:
            used.add(preferred[s])
            continue
        out.add((s, p, o))
    if not used:
        return triples
    issue = next((s for s, p, _ in triples if p == DKG.issueKey), None)
    if issue is not None:
        out |= {(issue, DKG.curatedBy, iri("judgement", n)) for n in used}
    return _pairs_renamed(out, moved_pairs)


def _pairs_renamed(triples: set[tuple], moved: set) -> list[tuple]:
    """A co-attendance node is named by its two persons: once persons are merged, two
    nodes may stand for one pair, so a pair whose persons were merged is named anew
    from the persons it now joins (one node per pair, as the queries count them), and
    a pair of one person with itself goes."""
    if not moved:
        return sorted(triples)
    between: dict = {}
    for s, p, o in triples:
        if p == DKG.between and s in moved:
            between.setdefault(s, set()).add(o)
    person = str(DATA) + "person/"
    renamed = {
        pair: iri("pair", "curated", *sorted(str(x)[len(person) :] for x in persons)) if len(persons) == 2 else None
        for pair, persons in between.items()
    }
    return sorted(
        (renamed.get(s, s), p, renamed.get(o, o)) for s, p, o in triples if not (s in renamed and renamed[s] is None)
    )
