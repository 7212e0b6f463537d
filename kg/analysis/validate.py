"""SHACL validation of issue graphs against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rdflib import Graph
from rdflib.namespace import RDF, SH

from ..errors import KGError
from ..graph.iris import graph_iri
from ..store.base import QuadStore

# The shapes live beside the ontology in the project, where analysts edit them.
SHAPES = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"  # in the package: installed with it


@dataclass
class Violation:
    graph: str
    focus: str
    message: str


def load_shapes(path: Path = SHAPES) -> Graph:
    if not path.exists():
        raise KGError(f"{path}: the SHACL shapes are missing (run from an installed checkout)")
    return Graph().parse(path, format="turtle")


def validate_graph(graph: Graph, shapes: Graph) -> list[Violation]:
    from pyshacl import validate

    conforms, report, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    if conforms:
        return []
    return sorted(
        (
            Violation(
                str(graph.identifier),
                str(report.value(r, SH.focusNode)),
                str(report.value(r, SH.resultMessage) or "violates a shape"),
            )
            for r in report.subjects(RDF.type, SH.ValidationResult)
        ),
        key=lambda v: (v.focus, v.message),
    )


def validate_store(store: QuadStore, keys: Iterable[str] = ()) -> tuple[int, list[Violation]]:
    """Validate each named graph on its own, one in memory at a time (or only the
    issues ``keys`` name); returns (graphs checked, violations)."""
    shapes = load_shapes()
    names = [graph_iri(k) for k in keys] or store.graph_names()
    checked, violations = 0, []
    for name in names:
        graph = store.graph(name)
        if not len(graph):
            raise KGError(f"{name}: no such graph in the store (see `kg list`)")
        checked += 1
        violations += validate_graph(graph, shapes)
    return checked, violations
