"""The graph explorer's data: find entities by name, and one entity's neighbourhood.

The explorer loads neighbourhoods on demand, so a store of thousands of issues stays
usable: each call reads one entity's edges, not the graph. Edges are the relations an
analyst reads (a person *chaired* an event, *holds* a post, a post is *in* an
organization, two persons *met* N times), with the fact nodes between them folded
away; each edge keeps one evidence sentence and its issue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rdflib import Literal, URIRef

from ..store.base import QuadStore
from .entities import kind_of, label_of, rows

SEARCH = """SELECT DISTINCT ?it ?label WHERE {
  { ?it foaf:name ?label } UNION { ?it skos:prefLabel ?label } UNION { ?it schema:name ?label }
  FILTER(CONTAINS(?label, ?q)) } ORDER BY STRLEN(?label) ?label LIMIT 200"""

# one SELECT per relation, each starting from the bound ?it (an index lookup), with the
# direction an analyst reads the edge in: "out" is it → n (a person chairs an event).
# Unbound, each gives the relation over the whole store (kg viz writes it into a file).
NEIGHBOURS: dict[str, list[tuple[str, str]]] = {
    "person": [
        (
            "out",
            """SELECT ?it ?n ?label ?rel ?date ?sentence ?issue WHERE { ?x dkg:agent ?it ; dkg:event ?n ; dkg:role ?r .
  ?n schema:name ?label . ?x prov:wasDerivedFrom ?s . ?s nif:anchorOf ?sentence ; nif:referenceContext ?c .
  ?c dcterms:source ?d . ?d dkg:issueKey ?issue .
  OPTIONAL { ?n schema:startDate ?date } BIND(LCASE(STRAFTER(STR(?r), "#")) AS ?rel) }""",
        ),
        (
            "out",
            """SELECT ?it ?n ?label ?rel ?date WHERE { ?h org:member ?it ; dkg:post ?n ; dkg:firstSeen ?date .
  ?n skos:prefLabel ?label . BIND("holds" AS ?rel) }""",
        ),
    ],
    "people": [
        (
            "out",
            """SELECT ?it ?n ?label (COUNT(DISTINCT ?e) AS ?weight) (MAX(?day) AS ?date) ("met" AS ?rel) WHERE {
  ?pair dkg:between ?it , ?n ; dkg:sharedEvent ?e . FILTER(?n != ?it) ?n foaf:name ?label .
  OPTIONAL { ?e schema:startDate ?day } } GROUP BY ?it ?n ?label""",
        ),
    ],
    "event": [
        (
            "in",
            """SELECT ?it ?n ?label ?rel ?sentence ?issue WHERE { ?x dkg:event ?it ; dkg:agent ?n ; dkg:role ?r .
  ?n foaf:name ?label . ?x prov:wasDerivedFrom ?s . ?s nif:anchorOf ?sentence ; nif:referenceContext ?c .
  ?c dcterms:source ?d . ?d dkg:issueKey ?issue . BIND(LCASE(STRAFTER(STR(?r), "#")) AS ?rel) }""",
        ),
    ],
    "post": [
        (
            "in",
            """SELECT ?it ?n ?label ?rel ?date WHERE { ?h dkg:post ?it ; org:member ?n ; dkg:firstSeen ?date .
  ?n foaf:name ?label . BIND("holds" AS ?rel) }""",
        ),
        (
            "out",
            """SELECT ?it ?n ?label ?rel WHERE { ?it org:postIn ?n . ?n skos:prefLabel ?label . BIND("in" AS ?rel) }""",
        ),
    ],
    "org": [
        (
            "in",
            """SELECT ?it ?n ?label ?rel WHERE { ?n org:postIn ?it ; skos:prefLabel ?label . BIND("in" AS ?rel) }""",
        ),
    ],
    "initiative": [
        (
            "in",
            """SELECT ?it ?n ?label ?rel WHERE { ?n dkg:partOfInitiative ?it ; schema:name ?label . BIND("part of" AS ?rel) }""",
        ),
        (
            "out",
            """SELECT ?it ?n ?label ?rel WHERE { ?it skos:narrower ?n . ?n skos:prefLabel ?label . BIND("narrower" AS ?rel) }""",
        ),
    ],
    "project": [
        (
            "out",
            """SELECT ?it ?n ?label ?rel WHERE { ?it dkg:partOfInitiative ?n . ?n skos:prefLabel ?label .
  BIND("part of" AS ?rel) }""",
        ),
    ],
}


@dataclass
class Node:
    id: str
    label: str
    kind: str
    date: str = ""


@dataclass
class Edge:
    source: str
    target: str
    rel: str
    weight: int = 1
    date: str = ""
    evidence: str = ""
    issue: str = ""


def search(store: QuadStore, text: str, limit: int = 30) -> list[Node]:
    """Entities whose name or label contains ``text``; shortest labels first."""
    text = text.strip()
    if not text:
        return []
    found: dict[str, Node] = {}
    for r in rows(store, SEARCH, q=Literal(text)):
        kind = kind_of(r["it"])
        if kind and kind not in ("issue", "role", "pair") and r["it"] not in found:
            found[r["it"]] = Node(r["it"], r["label"], kind)
        if len(found) >= limit:
            break
    return list(found.values())


def neighbours(
    store: QuadStore, iri: str, people_only: bool = False, since: str = "", until: str = "", limit: int = 3000
) -> dict:
    """``{"center", "nodes", "edges"}`` around one entity, as JSON-ready dicts.

    ``people_only`` gives the person–person view (edges weighted by shared events);
    ``since``/``until`` (ISO dates) drop dated edges outside the range."""
    kind = kind_of(iri)
    center = Node(iri, label_of(store, iri) or iri, kind)
    groups = NEIGHBOURS["people"] if people_only and kind == "person" else NEIGHBOURS.get(kind, [])
    nodes: dict[str, Node] = {iri: center}
    edges: dict[tuple[str, str, str], Edge] = {}
    for direction, sparql in groups:
        for r in rows(store, sparql, it=URIRef(iri)):
            date = r.get("date", "")
            if date and ((since and date < since) or (until and date > until)):
                continue
            n = r["n"]
            if n not in nodes:
                if len(nodes) > limit:
                    continue
                nodes[n] = Node(n, r.get("label", n), kind_of(n) or "other", date)
            rel = r.get("rel", "")
            ends = (iri, n) if direction == "out" else (n, iri)
            key = (*ends, rel)
            if key not in edges:
                edges[key] = Edge(*ends, rel, int(r.get("weight", 1)), date, r.get("sentence", ""), r.get("issue", ""))
    return {
        "center": asdict(center),
        "nodes": [asdict(n) for n in nodes.values()],
        "edges": [asdict(e) for e in edges.values()],
    }


def whole_graph(store: QuadStore) -> dict:
    """Every node and edge the explorer can reach, folded as :func:`neighbours` folds
    them: ``{"nodes": [[id, label, kind, date]], "edges": [[source, target, rel, weight,
    date, evidence, issue]], "met": [...]}`` (``met``: the person–person view), compact
    lists because a district's archive makes tens of thousands of them."""
    nodes: dict[str, list[str]] = {}
    found: dict[str, dict[tuple[str, str, str], list]] = {"edges": {}, "met": {}}
    for kind, groups in NEIGHBOURS.items():
        into = found["met" if kind == "people" else "edges"]
        for direction, sparql in groups:
            for r in rows(store, sparql):
                it, n = r["it"], r["n"]
                if kind_of(it) != ("person" if kind == "people" else kind):
                    continue
                nodes.setdefault(n, [n, r.get("label", n), kind_of(n) or "other", r.get("date", "")])
                ends = (it, n) if direction == "out" else (n, it)
                if kind == "people":  # a pair, met once: each side's query finds it
                    ends = tuple(sorted(ends))
                key = (*ends, r.get("rel", ""))
                if key not in into:
                    into[key] = [
                        *key,
                        int(r.get("weight", 1)),
                        r.get("date", ""),
                        r.get("sentence", ""),
                        r.get("issue", ""),
                    ]
    for edge in [*found["edges"].values(), *found["met"].values()]:
        for end in edge[:2]:  # an entity seen only as the centre of its edges
            if end not in nodes:
                nodes[end] = [end, label_of(store, end) or end, kind_of(end) or "other", ""]
    return {"nodes": list(nodes.values()), "edges": list(found["edges"].values()), "met": list(found["met"].values())}
