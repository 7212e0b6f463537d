"""The store as a networkx graph: persons, organizations, events, initiatives, projects."""

from __future__ import annotations

import networkx as nx

from ..store.base import QuadStore

NODE_TYPES = ("Person", "Organization", "Event", "Initiative", "Project")

NODES = """
SELECT ?n ?type ?label (SAMPLE(?s) AS ?sentence) WHERE {
  GRAPH ?g {
    { ?n a foaf:Person ; foaf:name ?label . BIND("Person" AS ?type)
      OPTIONAL { ?x dkg:person|dkg:agent ?n ; prov:wasDerivedFrom/nif:anchorOf ?s } }
    UNION { ?n a org:Organization ; skos:prefLabel ?label . BIND("Organization" AS ?type) }
    UNION { ?n a ?c ; schema:name ?label . VALUES ?c { dkg:Meeting dkg:StudyVisit dkg:Activity } BIND("Event" AS ?type)
      OPTIONAL { ?n prov:wasDerivedFrom/nif:anchorOf ?s } }
    UNION { ?n a dkg:Initiative ; skos:prefLabel ?label . BIND("Initiative" AS ?type)
      OPTIONAL { ?n prov:wasDerivedFrom/nif:anchorOf ?s } }
    UNION { ?n a dkg:Project ; schema:name ?label . BIND("Project" AS ?type)
      OPTIONAL { ?n dkg:progress/prov:wasDerivedFrom/nif:anchorOf ?s } }
  }
} GROUP BY ?n ?type ?label
"""

ROLE_EDGES = """SELECT DISTINCT ?a ?b ?r WHERE { GRAPH ?g { ?x dkg:event ?b ; dkg:agent ?a ; dkg:role ?r } }"""
ROLE_LABELS = {"Chair": "主持", "Leader": "带队", "Attendee": "参加", "Speaker": "讲话"}

EDGES = """
SELECT DISTINCT ?a ?b ?label WHERE {
  GRAPH ?g {
    { ?att dkg:person ?a ; dkg:post ?post ; dkg:titleAsWritten ?label . ?post org:postIn ?b }
    UNION { ?e schema:subjectOf ?art . ?art schema:sourceOrganization ?a . BIND(?e AS ?b) BIND("报送" AS ?label) }
    UNION { ?a dkg:partOfInitiative ?b . BIND("属于" AS ?label) }
    UNION { ?b prov:wasDerivedFrom/nif:anchorOf ?s ; a ?c . VALUES ?c { dkg:Meeting dkg:StudyVisit dkg:Activity }
            ?a a org:Organization ; skos:prefLabel ?l . FILTER(CONTAINS(?s, ?l)) BIND("出现于" AS ?label) }
  }
}
"""


def build_network(store: QuadStore) -> nx.MultiDiGraph:
    """A node per person, organization, event, initiative and project; edges for
    roles at events, posts in organizations, reporting units and projects."""
    from .query import run_query

    net = nx.MultiDiGraph()
    for row in run_query(store, NODES):
        node = str(row[0])
        if node in net:  # a node may carry labels from several issues: keep the first
            continue
        net.add_node(node, type=str(row[1]), label=str(row[2]), sentence=str(row[3] or ""))
    # role labels (主持, 参加…) live in the ontology, not in the store
    for row in run_query(store, ROLE_EDGES):
        a, b = str(row[0]), str(row[1])
        if a in net and b in net:
            net.add_edge(a, b, label=ROLE_LABELS.get(str(row[2]).rsplit("#", 1)[-1], "参加"))
    for row in run_query(store, EDGES):
        a, b = str(row[0]), str(row[1])
        if a in net and b in net:
            net.add_edge(a, b, label=str(row[2]))
    return net
