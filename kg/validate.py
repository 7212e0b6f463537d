"""SHACL validation of issue graphs against ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

from .errors import KGError
from .store import OxigraphStore

# The shapes live beside the ontology in the project, where analysts edit them.
SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"


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
    return sorted((Violation(str(graph.identifier), str(report.value(r, SH.focusNode)),
                             str(report.value(r, SH.resultMessage) or "violates a shape"))
                   for r in report.subjects(RDF.type, SH.ValidationResult)),
                  key=lambda v: (v.focus, v.message))


def validate_store(store: OxigraphStore) -> tuple[int, list[Violation]]:
    """Validate each named graph on its own (small graphs validate fast); returns (graphs, violations)."""
    shapes = load_shapes()
    graphs = [g for g in store.to_dataset().graphs() if len(g)]
    return len(graphs), [v for g in graphs for v in validate_graph(g, shapes)]
