"""Export the store as RDF or as a GEXF network for Gephi."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExportError
from ..graph.vocab import PREFIXES
from ..store.base import QuadStore

FORMATS = ("turtle", "trig", "nquads", "jsonld", "gexf")


def export(store: QuadStore, fmt: str, target: Path) -> int:
    """Write the store to ``target``; returns how many quads (or nodes) were written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt in ("nquads", "trig"):
            store.dump(fmt, target)
            return len(store)
        if fmt == "gexf":
            import networkx as nx

            from .network import build_network

            net = build_network(store)
            nx.write_gexf(net, target)
            return net.number_of_nodes()
        from rdflib import Graph

        ds = store.to_dataset()
        if fmt == "turtle":  # Turtle has no graphs: the union of all issues
            g = Graph()
            for p, ns in PREFIXES.items():
                g.bind(p, ns)
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
            g.serialize(target, format="turtle")
        else:
            ds.serialize(target, format="json-ld")
        return len(store)
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from None
