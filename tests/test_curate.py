"""`kg curate` as an analyst uses it: make, list, undo and refresh judgements.

Issues: the user's sample and an invented bulletin (tests/data/invented-transfer.txt).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import cli
from kg.graph.curation import CURATION_GRAPH, to_triples
from kg.store.base import open_store

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "shangjie-xinxi-2020-46.txt"
JUNK = "org/上街区/上街"  # the sample's 上街 read as an organization: an extraction error


@pytest.fixture
def imported(runner, store):
    result = runner.invoke(cli, ["import", str(SAMPLE), str(DATA / "invented-transfer.txt"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def kg(runner, *args, ok: bool = True):
    result = runner.invoke(cli, [*args], env={"KG_CURATOR": "analyst"})
    assert (result.exit_code == 0) == ok, result.output
    return result


def rows(runner, store, sparql: str) -> list[dict]:
    out = kg(runner, "query", "--sparql", sparql, "--store", str(store), "--format", "json").stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


ORGS = "SELECT ?l WHERE { ?o a org:Organization ; skos:prefLabel ?l }"


def test_reject_removes_a_junk_organization_and_undo_brings_it_back(runner, imported):
    assert {"l": "上街"} in rows(runner, imported, ORGS)
    made = kg(runner, "curate", "reject", JUNK, "--note", "地名, 不是机构", "--store", str(imported))
    assert made.stdout.startswith("1\treject\torg/上街区/上街\tanalyst ")
    assert {"l": "上街"} not in rows(runner, imported, ORGS)
    kg(runner, "curate", "undo", "1", "--store", str(imported))
    assert {"l": "上街"} in rows(runner, imported, ORGS)
    listed = kg(runner, "curate", "list", "--all", "--store", str(imported)).output
    assert "地名, 不是机构" in listed and "[undone " in listed
    assert kg(runner, "curate", "list", "--store", str(imported)).stdout == ""


def test_preferred_label_and_alias_reach_the_queries(runner, imported):
    org = "/id/org/%E4%B8%8A%E8%A1%97%E5%8C%BA/上街区委"  # as the address bar shows its page
    kg(runner, "curate", "prefer", org, "中共上街区委", "--store", str(imported))
    kg(runner, "curate", "alias", "person/上街区/耿勇军", "耿区长", "--store", str(imported))
    labels = rows(runner, imported, "SELECT ?l WHERE { id:org\\/上街区\\/上街区委 skos:prefLabel ?l }")
    assert labels == [{"l": "中共上街区委"}]
    assert rows(runner, imported, "SELECT ?p WHERE { ?p skos:altLabel '耿区长' }") == [
        {"p": "https://w3id.org/district-kg/id/person/上街区/耿勇军"}
    ]


def test_judgements_that_contradict_are_refused_in_one_line(runner, imported):
    a, b = "person/上街区/耿勇军", "person/示例区/耿勇军"
    kg(runner, "curate", "different", a, b, "--store", str(imported))
    refused = kg(runner, "curate", "same", b, a, "--store", str(imported), ok=False)
    assert refused.output.strip().splitlines() == [
        f"Error: cannot record it: judgement 1 says {a} and {b} are not the same"
    ]
    unknown = kg(runner, "curate", "reject", "person/上街区/无此人", "--store", str(imported), ok=False)
    assert (
        unknown.output.strip()
        == "Error: person/上街区/无此人: no such entity in the store (see its page, or `kg query` for its IRI)"
    )
    assert "Traceback" not in refused.output + unknown.output
    assert len(kg(runner, "curate", "list", "--store", str(imported)).stdout.splitlines()) == 1


def test_judgements_export_with_the_issues(runner, imported, tmp_path):
    kg(runner, "curate", "reject", JUNK, "--store", str(imported))
    out = tmp_path / "all.nq"
    kg(runner, "export", "--format", "nquads", "-o", str(out), "--store", str(imported))
    text = out.read_text(encoding="utf-8")
    assert f"<{CURATION_GRAPH}>" in text and "ontology#Reject>" in text
    assert "curatedBy" in text


def test_refresh_finishes_an_interrupted_judgement(runner, imported, tmp_path):
    db = open_store(imported)
    try:  # the judgement recorded, the issues not yet written again: what a crash leaves
        from kg.curate import entity
        from kg.graph.curation import Judgement

        junk = entity(db, JUNK)
        from datetime import datetime, timezone

        db.replace_graph(
            CURATION_GRAPH, to_triples([Judgement(1, "reject", junk, "analyst", datetime.now(timezone.utc))])
        )
    finally:
        db.close()
    assert {"l": "上街"} in rows(runner, imported, ORGS)
    kg(runner, "curate", "refresh", "--store", str(imported))
    assert {"l": "上街"} not in rows(runner, imported, ORGS)
