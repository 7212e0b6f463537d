"""The SPARQL UPDATE that replaces or removes one issue, the same for every backend.

One update, so one transaction on any SPARQL 1.1 engine: drop the issue's graph and
the default graph's share of it, insert the new version, add its triples to the
default graph, and re-derive the tenure of exactly the (person, post) pairs that the
old or the new version attests. Its size is the issue's, not the store's.
"""

from __future__ import annotations

from typing import Iterable

from rdflib import URIRef
from rdflib.term import Node

from .tenure import forget_holdings, holdings_of, in_default, refresh_holdings


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
    old_pairs: Iterable[tuple[URIRef, URIRef]],
    union: URIRef | None = None,
) -> str:
    """The update that makes ``triples`` the graph ``name`` (none: removes it);
    ``old_pairs``: the (person, post) pairs the stored version attests."""
    g = nt(name)
    affected = sorted(set(old_pairs) | holdings_of(triples))
    ops = [forget(g, union)]
    if affected:
        ops.append(forget_holdings(affected, union))
    ops.append(f"DROP SILENT GRAPH {g}")
    if triples:
        body = "\n".join(f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples)
        ops += [f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}", merge(g, union)]
    if affected:
        ops.append(refresh_holdings(affected, union))
    return " ;\n".join(ops)
