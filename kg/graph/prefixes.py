"""The namespaces every query may use by prefix, as plain strings.

:mod:`kg.graph.vocab` makes rdflib namespaces of them; reading commands use these
strings alone, so that answering a SELECT never imports rdflib (60 ms of every
`kg query`). A test holds each to rdflib's own namespace of the same name.
"""

from __future__ import annotations

DKG = "https://w3id.org/district-kg/ontology#"
DATA = "https://w3id.org/district-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"

NAMESPACES: dict[str, str] = {
    "dkg": DKG,
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "id": DATA,
}
