"""Derived tenure: from dated post attestations to post holdings.

A bulletin only shows that someone held a post on a day. Over all issues, the
first and last sightings bound the tenure (the true start is on or before
firstSeen, the end on or after lastSeen). Each import or removal re-derives, in
its own transaction, only the holdings of the (person, post) pairs that the old
or the new version of the issue attests: the work is the issue's, not the store's.
"""

from __future__ import annotations

from typing import Iterable

from rdflib import RDF, URIRef
from rdflib.namespace import ORG

from ..graph.iris import iri
from ..graph.vocab import DKG

TENURE_GRAPH: URIRef = iri("graph", "derived", "tenure")


def holdings_of(triples: Iterable[tuple]) -> set[tuple[URIRef, URIRef]]:
    """The (person, post) pairs that the attestations among ``triples`` name."""
    atts: set = set()
    person: dict = {}
    post: dict = {}
    for s, p, o in triples:
        if p == RDF.type and o == DKG.PostAttestation:
            atts.add(s)
        elif p == DKG.person:
            person[s] = o
        elif p == DKG.post:
            post[s] = o
    return {(person[a], post[a]) for a in atts if a in person and a in post}


def _values(pairs: list[tuple[URIRef, URIRef]]) -> str:
    return "VALUES (?p ?post) { " + " ".join(f"({p.n3()} {post.n3()})" for p, post in pairs) + " }"


def in_default(template: str, union: URIRef | None) -> str:
    """Triples of a template or pattern meant for the default graph: there, or in
    the named graph that stands for it (``union``) on engines without a default graph of
    their own (Virtuoso's is a view of every graph and cannot be written)."""
    return f"GRAPH {union.n3()} {{ {template} }}" if union else template


def forget_holdings(pairs: list[tuple[URIRef, URIRef]], union: URIRef | None = None) -> str:
    """One SPARQL operation that drops the holdings of ``pairs`` from the tenure graph
    and the default graph (only tenure states them); ``union`` as in :func:`in_default`."""
    return f"""DELETE {{ GRAPH <{TENURE_GRAPH}> {{ ?h ?x ?y }} {in_default("?h ?x ?y", union)} }}
WHERE {{ {_values(pairs)} GRAPH <{TENURE_GRAPH}> {{ ?h <{ORG.member}> ?p ; <{DKG.post}> ?post ; ?x ?y }} }}"""


def refresh_holdings(pairs: list[tuple[URIRef, URIRef]] | None, union: URIRef | None = None) -> str:
    """One SPARQL operation that derives the holdings of ``pairs`` (None: of every
    pair, after a bulk load) afresh, into the tenure graph and the default graph.
    Full IRIs and no PREFIX lines: it is joined to other operations of one update,
    and a prologue may only open an update."""
    values = "" if pairs is None else _values(pairs)
    holding = (
        f"?h a <{DKG.PostHolding}> ; <{ORG.member}> ?p ; <{ORG.role}> ?role ; <{ORG.organization}> ?org ; "
        f"<{DKG.post}> ?post ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last ; <{DKG.firstSighting}> ?att ."
    )
    return f"""INSERT {{ GRAPH <{TENURE_GRAPH}> {{ {holding} }} {in_default(holding, union)} }}
WHERE {{
  {{ SELECT ?p ?post (MIN(?d) AS ?first) (MAX(?d) AS ?last) (MIN(CONCAT(STR(?d), " ", STR(?a))) AS ?earliest) WHERE {{
      {values}
      GRAPH ?g {{ ?a <{DKG.person}> ?p ; <{DKG.post}> ?post ; a <{DKG.PostAttestation}> ; <{DKG.observedOn}> ?d }}
    }} GROUP BY ?p ?post }}
  BIND(IRI(STRAFTER(?earliest, " ")) AS ?att)  # the first sighting (the smallest IRI of its day)
  {in_default(f"?post <{ORG.role}> ?role ; <{ORG.postIn}> ?org .", union)}
  BIND(IRI(CONCAT(STR(?post), "/holder/", STRAFTER(STR(?p), "/person/"))) AS ?h)
}}"""


# holdings derived before they named their first sighting (stores written before 2026-11-28)
STALE_HOLDINGS = (
    f"ASK {{ GRAPH <{TENURE_GRAPH}> {{ ?h a <{DKG.PostHolding}> "
    f"FILTER NOT EXISTS {{ ?h <{DKG.firstSighting}> ?a }} }} }}"
)


def rederive_holdings(union: URIRef | None = None) -> str:
    """One update that drops every holding and derives them all afresh."""
    return (
        f"DELETE {{ {in_default('?h ?x ?y', union)} }} WHERE {{ GRAPH <{TENURE_GRAPH}> {{ ?h ?x ?y }} }} ;\n"
        f"DROP SILENT GRAPH <{TENURE_GRAPH}> ;\n{refresh_holdings(None, union)}"
    )
