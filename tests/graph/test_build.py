"""The graph of an invented issue compared with a golden file by isomorphism."""

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import FOAF, RDF

from kg.graph.build import build_graph
from kg.graph.vocab import DKG
from kg.ingest.parse import parse_file
from kg.nlp.facts import extract

GOLDEN = Path(__file__).resolve().parent / "golden" / "invented-bulletin.ttl"


def test_invented_issue_matches_golden_graph(invented: Path, nlp):
    issue = parse_file(invented)
    graph = build_graph(issue, extract(issue, nlp))
    golden = Graph().parse(GOLDEN)
    if not isomorphic(graph, golden):
        _, only_new, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        raise AssertionError(
            "graph differs from golden file:\n+ "
            + "\n+ ".join(sorted(map(str, only_new)))[:3000]
            + "\n- "
            + "\n- ".join(sorted(map(str, only_golden)))[:3000]
        )


def test_graph_holds_contract_terms(invented: Path, nlp):
    issue = parse_file(invented)
    g = build_graph(issue, extract(issue, nlp))
    names = {str(o) for s in g.subjects(RDF.type, FOAF.Person) for o in g.objects(s, FOAF.name)}
    assert {"欧阳明", "陈立新", "王海", "李红梅", "赵一鸣"} <= names
    titles = {str(o) for o in g.objects(None, DKG.titleAsWritten)}
    assert {"区委书记", "区委副书记", "区长", "区领导", "责任编辑"} <= titles
    # 12月28日 in an issue of 2021-01-08 is the year before
    assert (None, None, Literal("2020-12-28", datatype="http://www.w3.org/2001/XMLSchema#date")) in g


def test_an_undated_event_keeps_its_written_day_in_the_label(tmp_path: Path, nlp):
    page = tmp_path / "page.txt"  # invented: no year anywhere, so 3月26日 cannot be resolved
    page.write_text("示例镇调研\n3月26日，州纪委副书记赵宗明深入示例镇调研。\n", encoding="utf-8")
    [ev] = extract(parse_file(page), nlp).events
    assert ev.date is None and ev.label.startswith("3月26日")


def test_a_title_without_its_organ_holds_the_post_it_implies(sample: Path, nlp):
    """区委副书记、区长耿勇军: 区长 writes no organ, and is a post in the district's 区政府."""
    from rdflib.namespace import ORG, SKOS

    issue = parse_file(sample)
    g = build_graph(issue, extract(issue, nlp))
    (att,) = [a for a in g.subjects(DKG.titleAsWritten, Literal("区长"))]
    post = g.value(att, DKG.post)
    organ = g.value(post, ORG.postIn)
    assert g.value(post, SKOS.prefLabel) == Literal("区长")
    assert "/org/上街区/" in str(organ) and str(organ).endswith("区政府")  # the same node as a written 区政府
    assert g.value(organ, SKOS.prefLabel) is not None
    # implied, not written: no org:Organization of its own unless the text names it
    assert (organ, RDF.type, ORG.Organization) not in g


def test_the_countrys_leaders_are_one_node_across_districts(tmp_path: Path, nlp):
    persons = []
    for district in ("示例区", "样例县"):  # two invented pages of two districts
        p = tmp_path / f"invented-{district}.txt"
        p.write_text(
            f"{district}召开理论学习中心组学习会\n\n发布时间: 2021-07-02\n\n"
            f"7月1日，{district}委理论学习中心组学习习近平总书记重要讲话精神，区委书记王明主持会议。",
            encoding="utf-8",
        )
        issue = parse_file(p)
        g = build_graph(issue, extract(issue, nlp))
        persons.append({str(s) for s in g.subjects(RDF.type, FOAF.Person)})
    leader = "https://w3id.org/district-kg/id/person/全国/习近平"
    assert leader in persons[0] & persons[1]
    assert not any(p.endswith("/王明") for p in persons[0] & persons[1])  # a district's own stay apart
