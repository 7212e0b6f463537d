"""Derived tenure: from dated post attestations to post holdings.

A bulletin only shows that someone held a post on a day. Over all issues, the
first and last sightings bound the tenure (the true start is on or before
firstSeen, the end on or after lastSeen). The derived graph is recomputed
inside the same transaction as each import or removal, so it never lags.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG

from .iris import iri
from .vocab import DKG

TENURE_GRAPH: URIRef = iri("graph", "derived", "tenure")

# Full IRIs, no PREFIX lines: this text is appended to other operations of one
# update, and Oxigraph takes a prologue only at the start of an update.
REFRESH = f"""
DROP SILENT GRAPH <{TENURE_GRAPH}> ;
INSERT {{ GRAPH <{TENURE_GRAPH}> {{
  ?h a <{DKG.PostHolding}> ; <{ORG.member}> ?p ; <{ORG.role}> ?role ; <{ORG.organization}> ?org ;
     <{DKG.post}> ?post ; <{DKG.firstSeen}> ?first ; <{DKG.lastSeen}> ?last . }} }}
WHERE {{
  {{ SELECT ?p ?post (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{
      GRAPH ?g {{ ?att a <{DKG.PostAttestation}> ; <{DKG.person}> ?p ; <{DKG.post}> ?post ; <{DKG.observedOn}> ?d }}
    }} GROUP BY ?p ?post }}
  GRAPH ?g2 {{ ?post <{ORG.role}> ?role ; <{ORG.postIn}> ?org }}
  BIND(IRI(CONCAT(STR(?post), "/holder/", STRAFTER(STR(?p), "/person/"))) AS ?h)
}}
"""
