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
from . import derived_state

TENURE_GRAPH: URIRef = URIRef(derived_state.TENURE_GRAPH)
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
    if keys.persons:  # a person's subject triples in the derived graph are its sightings alone
        said = f"?p ?x ?y FILTER(?x IN (<{DKG.firstSeen}>, <{DKG.lastSeen}>, <{DKG.firstSighting}>))"
        ops.append(_drop(_values("?p", ((p,) for p in keys.persons)), said, "?p ?x ?y", union))
    return ops


STAGING: URIRef = iri("graph", "derived", "staging")  # lives only inside one update
S = f"<{STAGING}>"


def _stage(template: str, select: str) -> str:
    return f"INSERT {{ GRAPH {S} {{ {template} }} }}\nWHERE {{\n{select}\n}}"


def _branches(values: str, fresh: str, kept: str | list[str], issue: URIRef | None, union: URIRef | None) -> str:
    """The rows a summary aggregates: the sightings of every issue (``issue`` None), or of
    one new issue together with the summary so far (``kept``, one pattern or alternatives:
    MIN, MAX and SUM carry over, so the work is the issue's, not the person's whole
    history). Each branch opens with the keys: the engine evaluates a union's branches
    on their own."""
    if issue is None:
        apart = f" FILTER(?g != {union.n3()})" if union else ""  # the graph standing for the default
        return f"{{ {values} {fresh.replace('GRAPH ?src', 'GRAPH ?g')}{apart} }}"
    alternatives = [fresh.replace("GRAPH ?src", f"GRAPH {issue.n3()}")] + ([kept] if isinstance(kept, str) else kept)
    return "\n      UNION ".join(f"{{ {values} {a} }}" for a in alternatives)


def refresh(keys: Keys | None, union: URIRef | None = None, issue: URIRef | None = None) -> list[str]:
    """SPARQL operations that derive the summaries of ``keys`` (None: all of them, after
    a bulk load) afresh, into the derived graph and the default graph: staged in a graph
    of their own, then put in place of the old ones. ``issue``: the graph of a newly
    added issue, whose sightings are added to the summaries so far; without it every
    issue is read (after a replacement or a removal a minimum may have gone). Full
    IRIs and no PREFIX lines: they are joined to other operations of one update, and a
    prologue may only open an update."""
    every = keys is None
    wanted = keys or Keys()
    ops = []
    if every or wanted.pairs:
        values = "" if every else _values("?p ?post", wanted.pairs)
        holding = (
            f"?h a <{DKG.PostHolding}> ; <{ORG.member}> ?p ; <{ORG.role}> ?role ; <{ORG.organization}> ?org ; "
            f"<{DKG.post}> ?post ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ; <{DKG.firstSighting}> ?att ."
        )
        fresh = (
            f"GRAPH ?src {{ ?a <{DKG.person}> ?p ; <{DKG.post}> ?post ; {ATTESTATION} ; <{DKG.observedOn}> ?d }} "
            f'BIND(?d AS ?d2) BIND(CONCAT(STR(?d), " ", STR(?a)) AS ?k)'
        )
        kept = (
            f"GRAPH {T} {{ ?o <{ORG.member}> ?p ; <{DKG.post}> ?post ; <{DKG.firstSeen}> ?d ; <{DKG.lastSeen}> ?d2 ; "
            f'<{DKG.firstSighting}> ?s }} BIND(CONCAT(STR(?d), " ", STR(?s)) AS ?k)'
        )
        # the posts first, bound by the keys: after the union below, the engine would scan them all
        select = f"""  {values} {in_default(f"?post <{ORG.role}> ?role ; <{ORG.postIn}> ?org .", union)}
  {{ SELECT ?p ?post (MIN(?d) AS ?first) (MAX(?d2) AS ?last) (MIN(?k) AS ?earliest) WHERE {{
      {_branches(values, fresh, kept, issue, union)}
    }} GROUP BY ?p ?post }}
  BIND(IRI(STRAFTER(?earliest, " ")) AS ?att)  # the first sighting (the smallest IRI of its day)
  BIND(IRI(CONCAT(STR(?post), "/holder/", STRAFTER(STR(?p), "/person/"))) AS ?h)"""
        ops.append(_stage(holding, select))
    if every or wanted.titles:
        values = "" if every else _values("?p ?t", wanted.titles)
        usage = (
            f"?u a <{DKG.TitleUsage}> ; <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t ; <{DKG.sightings}> ?n ; "
            f"<{DKG.firstSighting}> ?att ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ."
        )
        # "~" sorts after every digit: an undated sighting is first only when none is dated
        fresh = (
            f"GRAPH ?src {{ ?a <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t ; {ATTESTATION} }} "
            f"OPTIONAL {{ GRAPH ?src {{ ?a <{DKG.observedOn}> ?d }} }} "  # outside: joined row by row
            f'BIND(?d AS ?d2) BIND(1 AS ?c) BIND(CONCAT(COALESCE(STR(?d), "~"), " ", STR(?a)) AS ?k)'
        )
        usage_so_far = (
            f"GRAPH {T} {{ ?o <{DKG.person}> ?p ; <{DKG.titleAsWritten}> ?t ; a <{DKG.TitleUsage}> ; "
            f"<{DKG.sightings}> ?c ; <{DKG.firstSighting}> ?s"
        )
        # dated, or undated: two branches, as an OPTIONAL here would scan every first day
        kept = [
            f'{usage_so_far} ; <{DKG.firstSeen}> ?d ; <{DKG.lastSeen}> ?d2 }} BIND(CONCAT(STR(?d), " ", STR(?s)) AS ?k)',
            f"{usage_so_far} }} FILTER NOT EXISTS {{ GRAPH {T} {{ ?o <{DKG.firstSeen}> ?any }} }} "
            f'BIND(CONCAT("~ ", STR(?s)) AS ?k)',
        ]
        select = f"""  {{ SELECT ?p ?t (MIN(?d) AS ?first) (MAX(?d2) AS ?last) (SUM(?c) AS ?n) (MIN(?k) AS ?earliest) WHERE {{
      {_branches(values, fresh, kept, issue, union)}
    }} GROUP BY ?p ?t }}
  BIND(IRI(STRAFTER(?earliest, " ")) AS ?att)
  BIND(IRI(CONCAT(STR(?p), "/title/", ENCODE_FOR_URI(?t))) AS ?u)"""
        ops.append(_stage(usage, select))
    if every or wanted.persons:
        values = "" if every else _values("?p", ((p,) for p in wanted.persons))
        seen = f"?p <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ; <{DKG.firstSighting}> ?att ."
        # an event counts as "~", after every attestation's IRI: the first sighting is the
        # first day's attestation, and none when the person was first seen at an event alone
        at_title = f"GRAPH ?src {{ ?x <{DKG.person}> ?p ; {ATTESTATION} ; <{DKG.observedOn}> ?d }} BIND(STR(?x) AS ?a)"
        at_event = f'GRAPH ?src {{ ?x <{DKG.agent}> ?p ; <{DKG.event}> ?e . ?e <{SDO.startDate}> ?d }} BIND("~" AS ?a)'
        kept = (
            f"GRAPH {T} {{ ?p <{DKG.firstSeen}> ?d ; <{DKG.lastSeen}> ?d2 }} "
            f'OPTIONAL {{ GRAPH {T} {{ ?p <{DKG.firstSighting}> ?s }} }} BIND(COALESCE(STR(?s), "~") AS ?a)'
        )
        rows = " UNION ".join(
            [_branches(values, f"{at_title} BIND(?d AS ?d2)", kept, issue, union)]
            + [_branches(values, f"{at_event} BIND(?d AS ?d2)", [], issue, union)]
        )
        select = f"""  {{ SELECT ?p (MIN(?d) AS ?first) (MAX(?d2) AS ?last) (MIN(CONCAT(STR(?d), " ", ?a)) AS ?earliest) WHERE {{
      {rows}
    }} GROUP BY ?p }}
  BIND(STRAFTER(?earliest, " ") AS ?opened)
  BIND(IF(?opened != "~", IRI(?opened), ?none) AS ?att)  # ?none is never bound: no first sighting"""
        ops.append(_stage(seen, select))
    if not ops:
        return []
    # the summaries so far were read above: now they make way for the staged ones
    if every:
        ops += [
            f"DELETE {{ {in_default('?x ?y ?z', union)} }} WHERE {{ GRAPH {T} {{ ?x ?y ?z }} }}",
            f"DROP SILENT GRAPH {T}",
        ]
    else:
        ops += forget(wanted, union)
    # one target per operation: Virtuoso 7 refuses a two-graph template fed from a graph
    # that holds a computed integer (dkg:sightings)
    ops += [
        f"INSERT {{ GRAPH {T} {{ ?x ?y ?z }} }} WHERE {{ GRAPH {S} {{ ?x ?y ?z }} }}",
        f"INSERT {{ {in_default('?x ?y ?z', union)} }} WHERE {{ GRAPH {S} {{ ?x ?y ?z }} }}",
        f"DROP SILENT GRAPH {S}",
    ]
    return ops


def rederive(union: URIRef | None = None) -> str:
    """One update that derives every summary afresh, in place of the old ones."""
    return " ;\n".join(refresh(None, union))
