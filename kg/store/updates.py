"""The SPARQL UPDATE that replaces or removes one issue, the same for every backend.

One update, so one transaction on any SPARQL 1.1 engine: drop the issue's graph and
the default graph's share of it, insert the new version, add its triples to the
default graph, and re-derive exactly the summaries (tenure, title usages, person
sightings: :mod:`kg.store.derived`) whose keys the old or the new version names. Its
size is the issue's, not the store's.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.term import Node

from . import derived
from .derived import Keys, in_default


def nt(term: Node) -> str:
    return term.n3()


def forget(graph: str, union: URIRef | None = None) -> str:
    """Remove from the default graph the triples that only ``graph`` holds. ``union``:
    the named graph that stands for the default graph on engines without one of their own."""
    apart = f" && ?other != {nt(union)}" if union else ""
    return (
        f"DELETE {{ {in_default('?s ?p ?o', union)} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}{apart}) }} }}"
    )


def merge(graph: str, union: URIRef | None = None) -> str:
    return f"INSERT {{ {in_default('?s ?p ?o', union)} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


def change(
    name: URIRef,
    triples: list[tuple[Node, Node, Node]],
    old_keys: Keys,
    union: URIRef | None = None,
    new: bool = False,
) -> str:
    """The update that makes ``triples`` the graph ``name`` (none: removes it);
    ``old_keys``: the summary keys the stored version names; ``new``: there is no stored
    version, so the summaries only gain this issue's sightings."""
    g = nt(name)
    affected = old_keys | derived.keys_of(triples)
    ops = [forget(g, union), f"DROP SILENT GRAPH {g}"]
    if triples:
        body = "\n".join(f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples)
        ops += [f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}", merge(g, union)]
    ops += derived.refresh(affected, union, issue=name if new and triples else None)
    return " ;\n".join(ops)
