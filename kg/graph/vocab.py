"""Vocabulary terms as rdflib ``DefinedNamespace`` classes.

``_fail = True`` makes a misspelled term an AttributeError at import time
instead of a silent new IRI in the graph. Standard vocabularies come from
rdflib (FOAF, ORG, PROV, SKOS, SDO for schema.org, DCTERMS).
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

from . import prefixes

DATA = Namespace(prefixes.DATA)


class DKG(DefinedNamespace):
    """district-kg's own terms (ontology/dkg.ttl)."""

    _NS = Namespace(prefixes.DKG)
    _fail = True

    # classes
    PostAttestation: URIRef
    PostHolding: URIRef
    TitleUsage: URIRef
    Meeting: URIRef
    StudyVisit: URIRef
    Activity: URIRef
    Participation: URIRef
    Statement: URIRef
    Initiative: URIRef
    Project: URIRef
    Distribution: URIRef
    Role: URIRef
    CoAttendance: URIRef
    Judgement: URIRef
    # role individuals
    Chair: URIRef
    Leader: URIRef
    Attendee: URIRef
    Speaker: URIRef
    # verdicts of a judgement (kg curate)
    Same: URIRef
    NotSame: URIRef
    Reject: URIRef
    Prefer: URIRef
    Alias: URIRef
    # properties
    person: URIRef
    post: URIRef
    role: URIRef
    titleAsWritten: URIRef
    observedOn: URIRef
    firstSeen: URIRef
    firstSighting: URIRef
    lastSeen: URIRef
    sightings: URIRef
    event: URIRef
    agent: URIRef
    verbAsWritten: URIRef
    dateAsWritten: URIRef
    before: URIRef
    speechAct: URIRef
    partOfInitiative: URIRef
    progress: URIRef
    asOf: URIRef
    partOfTotal: URIRef
    approximate: URIRef
    confidence: URIRef
    phrase: URIRef
    rule: URIRef
    recipient: URIRef
    distributionVerb: URIRef
    sha256: URIRef
    sourceFile: URIRef
    encoding: URIRef
    extractorVersion: URIRef
    district: URIRef
    issueKey: URIRef
    printCount: URIRef
    between: URIRef
    sharedEvent: URIRef
    verdict: URIRef
    judged: URIRef
    other: URIRef
    labelText: URIRef
    curatedBy: URIRef
    concerns: URIRef
    notSameAs: URIRef
    judgementNumber: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 core terms used for sentences and offsets."""

    _NS = Namespace(prefixes.NAMESPACES["nif"])
    _fail = True

    Context: URIRef
    Sentence: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    isString: URIRef
    referenceContext: URIRef


# the standard ones are rdflib's own; a test holds them equal to prefixes.NAMESPACES
PREFIXES = {
    "dkg": DKG._NS,
    "foaf": FOAF,
    "org": ORG,
    "schema": SDO,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "nif": NIF._NS,
    "rdfs": RDFS,
    "xsd": XSD,
    "rdf": RDF,
    "owl": OWL,
    "id": DATA,
}
