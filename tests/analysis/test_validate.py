from pathlib import Path

from rdflib import Literal
from rdflib.namespace import FOAF, RDF

from kg.analysis.validate import load_shapes, validate_graph
from kg.cli import cli
from kg.graph.build import build_graph
from kg.graph.vocab import DKG
from kg.ingest.parse import parse_file
from kg.nlp.facts import extract


def test_extracted_graph_conforms(sample: Path, nlp):
    issue = parse_file(sample)
    assert validate_graph(build_graph(issue, extract(issue, nlp)), load_shapes()) == []


def test_broken_facts_are_reported(invented: Path, nlp):
    issue = parse_file(invented)
    g = build_graph(issue, extract(issue, nlp))
    att = next(g.subjects(RDF.type, DKG.PostAttestation))
    g.remove((att, DKG.person, None))
    g.set((att, DKG.confidence, Literal(1.5)))
    messages = {v.message for v in validate_graph(g, load_shapes()) if v.focus == str(att)}
    assert "an attestation has exactly one person" in messages
    assert "confidence is one number in [0, 1]" in messages


def test_a_co_attendance_is_between_two_persons(invented: Path, nlp):
    issue = parse_file(invented)
    g = build_graph(issue, extract(issue, nlp))
    pair = next(g.subjects(DKG.sharedEvent, None))
    g.add((pair, DKG.between, next(p for p in g.subjects(RDF.type, FOAF.Person) if (pair, DKG.between, p) not in g)))
    messages = {v.message for v in validate_graph(g, load_shapes()) if v.focus == str(pair)}
    assert messages == {"a co-attendance is between exactly two persons"}


def test_validate_command(runner, store, sample):
    runner.invoke(cli, ["import", str(sample), "--store", str(store)])
    r = runner.invoke(cli, ["validate", "--store", str(store)])
    assert r.exit_code == 0 and "conform" in r.output


def test_validate_one_issue_by_key(runner, store, sample, invented):
    runner.invoke(cli, ["import", str(sample), str(invented), "--store", str(store)])
    r = runner.invoke(cli, ["validate", "示例信息/2021/3", "--store", str(store)])
    assert r.exit_code == 0 and "1 graph(s) conform" in r.output
    r = runner.invoke(cli, ["validate", "示例信息/2099/1", "--store", str(store)])
    assert r.exit_code == 1 and "no such graph" in r.output
