"""Judgements hold on every backend: applied to imports, kept through re-import and
removal, and undone exactly (the store ends as if the judgement was never made).

Issues: the user's sample and an invented bulletin (tests/data/invented-transfer.txt)
in which 耿勇军 of the sample appears in another district.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from rdflib import URIRef

from kg.curate import listing, make, undo
from kg.graph.curation import CURATION_GRAPH
from kg.graph.iris import iri
from kg.importer import import_files
from tests.store.test_stores import _everything, _n3

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "shangjie-xinxi-2020-46.txt"
FILES = [SAMPLE, DATA / "invented-transfer.txt"]
WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
KEEP, OTHER = iri("person", "上街区", "耿勇军"), iri("person", "示例区", "耿勇军")


def _issues_only(store) -> set:
    """Every quad but the curation graph's and what it adds to the default graph."""
    cur = URIRef(CURATION_GRAPH).n3()
    union = os.environ.get("KG_SPARQL_DEFAULT_GRAPH")  # the default graph's stand-in on such servers
    default = {"", URIRef(union).n3() if union else ""}
    stated = {tuple(_n3(t) for t in triple) for triple in store.graph(CURATION_GRAPH)}
    return {q for q in _everything(store) if q[3] != cur and not (q[3] in default and q[:3] in stated)}


def _persons_named(store, name: str) -> set[str]:
    q = "SELECT ?p WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    from rdflib import Literal

    return {str(r[0]) for r in store.query(q, {"n": Literal(name)})}


def test_same_survives_reimport_and_removal_and_undo_is_exact(new_store):
    store = new_store("s")
    import_files(FILES, store)
    before = _issues_only(store)

    done = make(store, "same", "person/上街区/耿勇军", "person/示例区/耿勇军", note="调任", by="analyst", when=WHEN)
    assert [r.key for r in done.reports] == ["示例信息/2021/7"]  # only the issue that named the other
    assert _persons_named(store, "耿勇军") == {str(KEEP)}
    merged = _issues_only(store)

    import_files(FILES, store)  # imports apply it
    assert _issues_only(store) == merged
    store.remove_graph(iri("graph", "issue", "示例信息", "2021", "7"))
    assert _persons_named(store, "耿勇军") == {str(KEEP)}
    import_files(FILES[1:], store)
    assert _issues_only(store) == merged

    undo(store, done.judgement.number, when=WHEN)
    assert _issues_only(store) == before
    assert _persons_named(store, "耿勇军") == {str(KEEP), str(OTHER)}
    assert [j.undone for j in listing(store, everything=True)] == [WHEN]
    assert listing(store) == []
