"""Derived tenure: from dated post attestations to post holdings.

A bulletin only shows that someone held a post on a day. Over all issues, the
first and last sightings bound the tenure (the true start is on or before
firstSeen, the end on or after lastSeen). The derived graph is recomputed
inside the same transaction as each import or removal, so it never lags.
"""
from __future__ import annotations

import re

from rdflib import URIRef

from .iris import iri

TENURE_GRAPH: URIRef = iri("graph", "derived", "tenure")

# Full IRIs, no PREFIX lines: this text is appended to other operations of one
# update, and Oxigraph takes a prologue only at the start of an update.
REFRESH = f"""
DROP SILENT GRAPH <{TENURE_GRAPH}> ;
INSERT {{ GRAPH <{TENURE_GRAPH}> {{
  ?h a dkg:PostHolding ; org:member ?p ; org:role ?role ; org:organization ?org ; dkg:post ?post ;
     dkg:firstSeen ?first ; dkg:lastSeen ?last . }} }}
WHERE {{
  {{ SELECT ?p ?post (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{
      GRAPH ?g {{ ?att a dkg:PostAttestation ; dkg:person ?p ; dkg:post ?post ; dkg:observedOn ?d }}
    }} GROUP BY ?p ?post }}
  GRAPH ?g2 {{ ?post org:role ?role ; org:postIn ?org }}
  BIND(IRI(CONCAT(STR(?post), "/holder/", STRAFTER(STR(?p), "/person/"))) AS ?h)
}}
"""
for _prefix, _ns in (("dkg:", "https://w3id.org/district-kg/ontology#"), ("org:", "http://www.w3.org/ns/org#")):
    REFRESH = re.sub(rf"{_prefix}(\w+)", rf"<{_ns}\1>", REFRESH)
