from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.graph.vocab import DKG

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "dkg.ttl"


def test_misspelled_term_fails():
    with pytest.raises(AttributeError):
        DKG.Meting  # noqa: B018


def test_every_vocab_term_is_declared_in_the_ontology():
    g = Graph().parse(ONTOLOGY)
    declared = {str(s) for s in g.subjects(RDF.type, None)}
    terms = {str(getattr(DKG, name)) for name in DKG.__annotations__}
    assert terms <= declared, terms - declared
    assert (URIRef("https://w3id.org/district-kg/ontology"), RDF.type, OWL.Ontology) in g


def test_plain_prefixes_are_the_vocabularys_namespaces():
    # reading commands use the plain strings, everything else rdflib's namespaces
    from kg.graph.prefixes import NAMESPACES
    from kg.graph.vocab import PREFIXES

    assert NAMESPACES == {p: str(ns) for p, ns in PREFIXES.items()}
