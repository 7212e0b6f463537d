from rdflib.namespace import ORG, RDF, SKOS

from kg.graph.build import build_graph
from kg.ingest.parse import parse_file
from kg.nlp.facts import extract
from kg.orgnames import org_key


def test_short_and_full_forms_share_a_key():
    keys = {org_key(n, "上街区") for n in ("区农委", "农委", "上街区农业农村委员会")}
    assert keys == {"上街区农业农村委员会"}
    assert org_key("区住建局", "上街区") == org_key("上街区住房和城乡建设局", "上街区")
    assert org_key("中心路街道", "上街区") == "中心路街道"
    assert org_key("区农委", None) == "区农业农村委员会"


def test_one_node_per_organization_with_labels_as_written(sample, nlp):
    issue = parse_file(sample)
    g = build_graph(issue, extract(issue, nlp))
    labelled = [
        o
        for o in g.subjects(RDF.type, ORG.Organization)
        if {"区农委", "农委"} <= {str(label) for label in g.objects(o, SKOS.prefLabel | SKOS.altLabel)}
    ]
    assert len(labelled) == 1
    assert str(g.value(labelled[0], SKOS.prefLabel)) == "区农委"
