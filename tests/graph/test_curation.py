"""Judgements as pure functions over an issue's triples (kg/graph/curation.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from rdflib import OWL, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

from kg.graph.curation import Identity, Judgement, conflict, curate, from_graph, to_triples
from kg.graph.iris import iri
from kg.graph.vocab import DKG

WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
A, B, C = iri("person", "上街区", "耿勇军"), iri("person", "示例区", "耿勇军"), iri("person", "示例区", "李红梅")
ISSUE, EVENT, ORG = iri("issue", "示例信息", "2021", "7"), iri("event", "示例区", "x"), iri("org", "示例区", "区委")


def judge(number: int, verdict: str, judged, other=None, label=None) -> Judgement:
    return Judgement(number, verdict, judged, "analyst", WHEN, other=other, label=label)


def issue_triples() -> list[tuple]:
    pair = iri("pair", "示例区", "李红梅", "耿勇军")
    return [
        (ISSUE, DKG.issueKey, Literal("示例信息/2021/7")),
        (B, FOAF.name, Literal("耿勇军")),
        (C, FOAF.name, Literal("李红梅")),
        (pair, DKG.between, B),
        (pair, DKG.between, C),
        (pair, DKG.sharedEvent, EVENT),
        (ORG, SKOS.prefLabel, Literal("区委")),
    ]


def test_no_judgement_changes_nothing():
    assert curate(issue_triples(), []) == issue_triples()
    undone = judge(1, "reject", ORG).undo(WHEN)
    assert curate(issue_triples(), [undone]) == issue_triples()


def test_same_rewrites_the_other_and_renames_its_pairs():
    out = set(curate(issue_triples(), [judge(1, "same", A, B)]))
    assert (A, FOAF.name, Literal("耿勇军")) in out
    assert not any(B in t for t in out)
    assert (ISSUE, DKG.curatedBy, iri("judgement", 1)) in out
    pairs = {s for s, p, _ in out if p == DKG.between}
    assert pairs == {iri("pair", "curated", "上街区/耿勇军", "示例区/李红梅")}


def test_a_pair_of_one_person_with_itself_goes():
    out = curate(issue_triples(), [judge(1, "same", B, C)])
    assert not any(p in (DKG.between, DKG.sharedEvent) for _, p, _ in out)


def test_reject_drops_the_node_and_what_names_it():
    out = curate(issue_triples(), [judge(3, "reject", ORG)])
    assert not any(ORG in t for t in out)
    assert (ISSUE, DKG.curatedBy, iri("judgement", 3)) in out


def test_prefer_leaves_one_label_to_the_curation_graph():
    j = judge(2, "prefer", ORG, label="中共示例区委员会")
    out = curate(issue_triples(), [j])
    assert (ORG, SKOS.prefLabel, Literal("区委")) not in out
    assert (ORG, SKOS.prefLabel, Literal("中共示例区委员会")) in to_triples([j])


def test_chains_keep_the_first_named_entity_and_remember_each_step():
    d = iri("person", "某区", "耿勇军")
    ids = Identity([judge(1, "same", A, B), judge(2, "same", B, d)])
    assert ids.of(d) == (A, {1, 2})
    assert ids.of(A) == (A, set())


def test_conflicts_are_refused_with_a_reason():
    made = [judge(1, "different", A, B), judge(2, "same", B, C)]
    assert "not the same" in conflict(made, judge(3, "same", A, C))  # A=C=B would contradict 1
    assert "already one" in conflict(made, judge(3, "same", C, B))
    assert "says this already" in conflict(made, judge(3, "different", A, B))
    assert conflict(made, judge(3, "alias", A, label="耿区长")) is None


def test_the_curation_graph_reads_back_as_it_was_written():
    made = [
        judge(1, "same", A, B),
        judge(2, "alias", A, label="耿区长"),
        Judgement(3, "reject", ORG, "other analyst", WHEN, note="不是机构").undo(WHEN),
    ]
    g = Graph()
    for t in to_triples(made):
        g.add(t)
    assert from_graph(g) == made
    assert (B, OWL.sameAs, A) in g and (A, SKOS.altLabel, Literal("耿区长")) in g
    assert not any(t[0] == ORG and t[1] == SKOS.prefLabel for t in g)  # undone: no effect stated


def test_a_participation_takes_the_name_of_the_person_it_was_merged_into():
    typo = iri("person", "示例区", "耿勇君")  # an invented misreading of 耿勇军
    part = URIRef(str(EVENT) + "/role/Chair/耿勇君")
    triples = [
        (ISSUE, DKG.issueKey, Literal("示例信息/2021/7")),
        (part, DKG.agent, typo),
        (part, DKG.event, EVENT),
        (part, DKG.role, DKG.Chair),
    ]
    out = set(curate(triples, [judge(1, "same", B, typo)]))
    chair = URIRef(str(EVENT) + "/role/Chair/耿勇军")
    assert (chair, DKG.agent, B) in out and (chair, DKG.role, DKG.Chair) in out
    assert not any(part in t for t in out)
