"""Derived summaries, kept in step with the issues in each import's own transaction.

A bulletin only shows that someone held a title on a day. Over all issues three
summaries answer the archive's questions without a scan of every sighting:

- **tenure**: a ``dkg:PostHolding`` per (person, post), held from on or before its
  first sighting to on or after its last;
- **title usages**: a ``dkg:TitleUsage`` per (person, title as written), with its
  first and last day, how often it was seen and its first sighting;
- **person sightings**: each person's first and last day seen, in a title or at an event,
  and the attestation of the first day, if any.

Each import or removal re-derives only the summaries whose keys the old or the new
version of the issue names (:class:`Keys`): the work is the issue's, not the store's.
They live in one named graph (``…/graph/derived/tenure``, named when tenure was all it
held) and in the default graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import ORG, SDO

from ..graph.iris import iri
from ..graph.vocab import DKG

TENURE_GRAPH: URIRef = iri("graph", "derived", "tenure")
T = f"<{TENURE_GRAPH}>"
ATTESTATION = f"a <{DKG.PostAttestation}>"


@dataclass(frozen=True)
class Keys:
    """What one version of an issue contributes to the summaries."""

    pairs: frozenset[tuple[URIRef, URIRef]] = frozenset()  # (person, post): holdings
    titles: frozenset[tuple[URIRef, Literal]] = frozenset()  # (person, title as written): usages
    persons: frozenset[URIRef] = frozenset()  # persons seen in a title or at an event

    def __or__(self, other: Keys) -> Keys:
        return Keys(self.pairs | other.pairs, self.titles | other.titles, self.persons | other.persons)

    def __bool__(self) -> bool:
        return bool(self.pairs or self.titles or self.persons)


# the predicates keys_of reads: a store fetches only these of a stored issue
KEY_PREDICATES = (RDF.type, DKG.person, DKG.post, DKG.titleAsWritten, DKG.agent)


def keys_of(triples: Iterable[tuple]) -> Keys:
    """The summary keys that the attestations and participations among ``triples`` name."""
    atts: set = set()
    person: dict = {}
    post: dict = {}
    title: dict = {}
    agents: set = set()
    for s, p, o in triples:
        if p == RDF.type and o == DKG.PostAttestation:
            atts.add(s)
        elif p == DKG.person:
            person[s] = o
        elif p == DKG.post:
            post[s] = o
        elif p == DKG.titleAsWritten:
            title[s] = Literal(str(o))  # as the store compares it (a plain string)
        elif p == DKG.agent:
            agents.add(o)
    named = [a for a in atts if a in person]
    return Keys(
        frozenset((person[a], post[a]) for a in named if a in post),
        frozenset((person[a], title[a]) for a in named if a in title),
        frozenset({person[a] for a in named} | agents),
    )


def in_default(template: str, union: URIRef | None) -> str:
    """Triples of a template or pattern meant for the default graph: there, or in
    the named graph that stands for it (``union``) on engines without a default graph of
    their own (Virtuoso's is a view of every graph and cannot be written)."""
    return f"GRAPH {union.n3()} {{ {template} }}" if union else template


def _values(names: str, rows: Iterable[tuple]) -> str:
    return f"VALUES ({names}) {{ " + " ".join("(" + " ".join(t.n3() for t in r) + ")" for r in sorted(rows)) + " }"


def _drop(values: str, pattern: str, template: str, union: URIRef | None) -> str:
    return f"DELETE {{ GRAPH {T} {{ {template} }} {in_default(template, union)} }}\nWHERE {{ {values} GRAPH {T} {{ {pattern} }} }}"


def forget(keys: Keys, union: URIRef | None = None) -> list[str]:
    """SPARQL operations that drop the summaries of ``keys`` from the derived graph
    and the default graph (only the derivation states them)."""
    ops = []
    if keys.pairs:
        pattern = f"?h <{ORG.member}> ?p ; <{DKG.post}> ?post ; ?x ?y"
        ops.append(_drop(_values("?p ?post", keys.pairs), pattern, "?h ?x ?y", union))
    if keys.titles:
        pattern = f"?u a <{DKG.TitleUsage}> ; <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t ; ?x ?y"
        ops.append(_drop(_values("?p ?t", keys.titles), pattern, "?u ?x ?y", union))
    if keys.persons:
        seen = f"?p <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last"
        sighting = f"OPTIONAL {{ ?p <{DKG.firstSighting}> ?att }}"
        ops.append(_drop(_values("?p", ((p,) for p in keys.persons)), f"{seen} {sighting}", f"{seen} ; <{DKG.firstSighting}> ?att", union))
    return ops


def _derive(template: str, select: str, union: URIRef | None) -> str:
    return f"INSERT {{ GRAPH {T} {{ {template} }} {in_default(template, union)} }}\nWHERE {{\n{select}\n}}"


def refresh(keys: Keys | None, union: URIRef | None = None) -> list[str]:
    """SPARQL operations that derive the summaries of ``keys`` (None: all of them,
    after a bulk load) afresh, into the derived graph and the default graph. Full IRIs
    and no PREFIX lines: they are joined to other operations of one update, and a
    prologue may only open an update."""
    every = keys is None
    keys = keys or Keys()
    ops = []
    if every or keys.pairs:
        values = "" if every else _values("?p ?post", keys.pairs)
        holding = (
            f"?h a <{DKG.PostHolding}> ; <{ORG.member}> ?p ; <{ORG.role}> ?role ; <{ORG.organization}> ?org ; "
            f"<{DKG.post}> ?post ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ; <{DKG.firstSighting}> ?att ."
        )
        select = f"""  {{ SELECT ?p ?post (MIN(?d) AS ?first) (MAX(?d) AS ?last) (MIN(CONCAT(STR(?d), " ", STR(?a))) AS ?earliest) WHERE {{
      {values}
      GRAPH ?g {{ ?a <{DKG.person}> ?p ; <{DKG.post}> ?post ; {ATTESTATION} ; <{DKG.observedOn}> ?d }}
    }} GROUP BY ?p ?post }}
  BIND(IRI(STRAFTER(?earliest, " ")) AS ?att)  # the first sighting (the smallest IRI of its day)
  {in_default(f"?post <{ORG.role}> ?role ; <{ORG.postIn}> ?org .", union)}
  BIND(IRI(CONCAT(STR(?post), "/holder/", STRAFTER(STR(?p), "/person/"))) AS ?h)"""
        ops.append(_derive(holding, select, union))
    if every or keys.titles:
        values = "" if every else _values("?p ?t", keys.titles)
        usage = (
            f"?u a <{DKG.TitleUsage}> ; <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t ; <{DKG.sightings}> ?n ; "
            f"<{DKG.firstSighting}> ?att ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ."
        )
        # "~" sorts after every digit: an undated sighting is first only when none is dated;
        # DISTINCT: on engines without a default graph, the graph standing for it repeats each one
        select = f"""  {{ SELECT ?p ?t (MIN(?d) AS ?first) (MAX(?d) AS ?last) (COUNT(DISTINCT ?a) AS ?n)
             (MIN(CONCAT(COALESCE(STR(?d), "~"), " ", STR(?a))) AS ?earliest) WHERE {{
      {values}
      GRAPH ?g {{ ?a {ATTESTATION} ; <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t OPTIONAL {{ ?a <{DKG.observedOn}> ?d }} }}
    }} GROUP BY ?p ?t }}
  BIND(IRI(STRAFTER(?earliest, " ")) AS ?att)
  BIND(IRI(CONCAT(STR(?p), "/title/", ENCODE_FOR_URI(?t))) AS ?u)"""
        ops.append(_derive(usage, select, union))
    if every or keys.persons:
        values = "" if every else _values("?p", ((p,) for p in keys.persons))
        seen = f"?p <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ; <{DKG.firstSighting}> ?att ."
        # an event counts as "~", after every attestation's IRI: the first sighting is the
        # first day's attestation, and none when the person was first seen at an event alone
        select = f"""  {{ SELECT ?p (MIN(?d) AS ?first) (MAX(?d) AS ?last) (MIN(CONCAT(STR(?d), " ", ?a)) AS ?earliest) WHERE {{
      {values}
      {{ GRAPH ?g {{ ?x {ATTESTATION} ; <{DKG.person}> ?p ; <{DKG.observedOn}> ?d }} BIND(STR(?x) AS ?a) }}
      UNION {{ GRAPH ?g {{ ?x <{DKG.agent}> ?p ; <{DKG.event}> ?e . ?e <{SDO.startDate}> ?d }} BIND("~" AS ?a) }}
    }} GROUP BY ?p }}
  BIND(STRAFTER(?earliest, " ") AS ?opened)
  BIND(IF(?opened != "~", IRI(?opened), ?none) AS ?att)  # ?none is never bound: no first sighting"""
        ops.append(_derive(seen, select, union))
    return ops


# a store derived before title usages and person sightings (written before 2026-11-28)
STALE = (
    f"ASK {{ GRAPH {T} {{ ?h a <{DKG.PostHolding}> }} "
    f"FILTER NOT EXISTS {{ GRAPH {T} {{ ?u a <{DKG.TitleUsage}> }} }} }}"
)


def rederive(union: URIRef | None = None) -> str:
    """One update that drops every summary and derives them all afresh."""
    ops = [
        f"DELETE {{ {in_default('?h ?x ?y', union)} }} WHERE {{ GRAPH {T} {{ ?h ?x ?y }} }}",
        f"DROP SILENT GRAPH {T}",
        *refresh(None, union),
    ]
    return " ;\n".join(ops)
