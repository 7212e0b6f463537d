"""What the store holds: issues, counts, and removing one issue."""

from __future__ import annotations

from ..errors import KGError
from ..graph.iris import ISSUE_GRAPHS, graph_iri
from ..store.base import QuadStore
from .query import with_prefixes

ISSUES = f"""
SELECT ?g ?key ?file ?date (COUNT(*) AS ?triples) WHERE {{
  GRAPH ?g {{ ?i dkg:issueKey ?key ; dkg:sourceFile ?file . OPTIONAL {{ ?i schema:datePublished ?date }} ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{ISSUE_GRAPHS}"))  # not a server's stand-in for the default graph
}} GROUP BY ?g ?key ?file ?date ORDER BY ?key
"""
# keys and files only: removing one issue must not count every quad of the store
KEYS = (
    "SELECT DISTINCT ?key ?file WHERE { GRAPH ?g { ?i dkg:issueKey ?key ; dkg:sourceFile ?file } "
    f'FILTER(STRSTARTS(STR(?g), "{ISSUE_GRAPHS}")) }}'
)
COUNTS = {
    # issues by their keys: counting each issue's quads (as `kg list` does) reads the whole store
    "issues": (
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?i dkg:issueKey ?key } "
        f'FILTER(STRSTARTS(STR(?g), "{ISSUE_GRAPHS}")) }}'
    ),
    "persons": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a foaf:Person } }",
    "organizations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a org:Organization } }",
    "events": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a ?c } VALUES ?c { dkg:Meeting dkg:StudyVisit dkg:Activity } }",
    "attestations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a dkg:PostAttestation } }",
    "statements": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a dkg:Statement } }",
    "initiatives": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a dkg:Initiative } }",
    "projects": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a dkg:Project } }",
    "quantities": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a schema:QuantitativeValue } }",
    "post holdings": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a dkg:PostHolding } }",
}


def list_issues(store: QuadStore) -> list[dict]:
    return [
        {
            "graph": str(r[0]),
            "key": str(r[1]),
            "file": str(r[2]),
            "date": str(r[3]) if r[3] else None,
            "triples": int(r[4]),
        }
        for r in store.select(with_prefixes(ISSUES))
    ]


def store_stats(store: QuadStore) -> dict[str, int]:
    counts = {name: int(store.select(with_prefixes(q))[0][0]) for name, q in COUNTS.items()}  # type: ignore[arg-type]
    return {"issues": counts.pop("issues"), "quads": len(store), **counts}


def remove_issue(store: QuadStore, issue: str) -> str:
    """Remove by key (上街信息/2020/46, page/district-02) or by source file name."""
    for key, file in sorted((str(k), str(f)) for k, f in store.select(with_prefixes(KEYS))):
        if issue in (key, file):
            store.remove_graph(graph_iri(key))
            return key
    raise KGError(f"{issue}: no such issue in the store (see `kg list`)")
