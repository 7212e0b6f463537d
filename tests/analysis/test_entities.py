"""The workbench's data, without HTTP: entity pages, an issue's text cut at its facts,
neighbourhoods and tenure bars (the user's sample and the invented bulletin)."""

from __future__ import annotations

import pytest

from kg.analysis.entities import entity_page, issue_text, kind_of, offsets
from kg.analysis.explore import neighbours, search
from kg.analysis.timeline import tenure_bars
from kg.cli import cli
from kg.errors import KGError
from kg.store.base import open_store

ID = "https://w3id.org/district-kg/id/"


@pytest.fixture
def db(runner, store, sample, invented):
    r = runner.invoke(cli, ["import", str(sample), str(invented), "--store", str(store)], catch_exceptions=False)
    assert r.exit_code == 0
    s = open_store(str(store), must_exist=True, reader=True)
    yield s
    s.close()


def test_kinds_and_offsets_come_from_the_iri():
    assert kind_of(ID + "person/上街区/宋洁") == "person"
    assert kind_of(ID + "issue/上街信息/2020/46") == "issue"
    assert kind_of(ID + "issue/上街信息/2020/46/event/227") == "event"  # an undated event
    assert kind_of("http://example.org/x") == ""
    assert offsets(ID + "issue/上街信息/2020/46/text/197-202") == (197, 202)
    assert offsets(ID + "issue/上街信息/2020/46/article/1") is None


def test_the_marks_of_an_issue_are_its_text_and_sit_on_the_facts(db, sample):
    view = issue_text(db, "上街信息/2020/46")
    text = "".join(m.text for m in view.marks)
    assert text == sample.read_text(encoding="utf-8")  # nothing lost, nothing repeated
    for m in view.marks:
        assert text[m.begin : m.begin + len(m.text)] == m.text
    persons = {m.text for m in view.marks if m.kind == "person"}
    assert {"宋洁", "耿勇军"} <= persons
    assert all(m.link.startswith(ID) for m in view.marks if m.kind)
    with pytest.raises(KGError, match="no issue"):
        issue_text(db, "无此/2020/1")


def test_a_person_page_reads_every_fact_with_its_evidence(db):
    page = entity_page(db, ID + "person/上街区/耿勇军")
    assert {s.label for s in page.tenure} == {"区长", "区委副书记"}
    assert all(0 <= s.left <= 100 and s.width > 0 for s in page.tenure)
    titles = page.sections["titles"]
    for line in titles:
        ev = line.evidence
        assert ev.issue == "上街信息/2020/46" and ev.begin is not None
        assert line.text in ev.sentence  # the phrase lies inside its sentence
    with pytest.raises(KGError):
        entity_page(db, ID + "person/上街区/无此人")


def test_neighbourhoods_fold_the_fact_nodes_away(db):
    around = neighbours(db, ID + "person/上街区/宋洁")
    rels = {e["rel"] for e in around["edges"]}
    assert {"chair", "holds"} <= rels
    assert all(n["id"].startswith(ID) for n in around["nodes"])
    assert [n.label for n in search(db, "欧阳")] == ["欧阳明"]
    assert search(db, "  ") == []


def test_tenure_bars_lie_on_one_axis(db):
    chart = tenure_bars(db)
    assert chart.start <= chart.end and chart.rows
    assert all(0 <= b.left <= 100 and b.left + b.width <= 101 for r in chart.rows for b in r.bars)
    assert tenure_bars(db, "没有这个机构").rows == []


def test_an_initiatives_mentions_show_each_sentence_with_a_phrase_inside_it(db, sample):
    page = entity_page(db, ID + "initiative/上街区/三项工程、一项管理")
    text = sample.read_text(encoding="utf-8")
    mentions = page.sections["mentions"]
    assert mentions and all(m.evidence.begin is not None for m in mentions)
    for line in mentions:
        ev = line.evidence
        assert text[ev.begin : ev.end] == "三项工程、一项管理" and text[ev.begin : ev.end] in ev.sentence
