"""The staleness check, spelled without rdflib, names the terms the derivation writes."""

from __future__ import annotations

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.graph.iris import iri
from kg.graph.vocab import DKG
from kg.store import derived, derived_state


def test_the_check_names_the_derived_graph_and_its_classes():
    assert derived_state.TENURE_GRAPH == str(derived.TENURE_GRAPH) == str(iri("graph", "derived", "tenure"))
    assert f"<{DKG.PostHolding}>" in derived_state.HAS_HOLDINGS
    assert f"<{DKG.TitleUsage}>" in derived_state.HAS_USAGES


def test_holdings_without_usages_are_stale():
    ds = Dataset()
    tenure = ds.graph(derived.TENURE_GRAPH)

    def ask(q: str) -> bool:
        return ds.query(q).askAnswer

    assert not derived_state.stale(ask)  # an empty store has nothing to bring up to date
    tenure.add((URIRef("http://example.org/h"), RDF.type, DKG.PostHolding))  # invented
    assert derived_state.stale(ask)
    tenure.add((URIRef("http://example.org/u"), RDF.type, DKG.TitleUsage))
    assert not derived_state.stale(ask)
