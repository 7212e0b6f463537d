"""What `kg viz` draws: the explorer's graph, narrowed to some kinds or one neighbourhood.

Plain data in, plain data out (:func:`kg.analysis.explore.whole_graph`'s shape); the
file itself is written by :mod:`kg.web.offline`.
"""

from __future__ import annotations

from collections import deque

from ..errors import ExportError

# the command's --types names, and the explorer's kinds each one shows (a post is how a
# person reaches an organization: it comes with organizations)
TYPES = {
    "Person": {"person"},
    "Organization": {"org", "post"},
    "Event": {"event"},
    "Initiative": {"initiative"},
    "Project": {"project"},
}


def select(
    graph: dict, types: tuple[str, ...] = tuple(TYPES), ego: str | None = None, depth: int = 1
) -> tuple[dict, str]:
    """``graph`` with only the kinds of ``types`` and, with ``ego``, only what lies within
    ``depth`` links of a node labelled ``ego``; and the node the explorer opens on."""
    kinds = set().union(*(TYPES[t] for t in types))
    keep = {n[0] for n in graph["nodes"] if n[2] in kinds}
    edges = [e for e in graph["edges"] if e[0] in keep and e[1] in keep]
    met = [e for e in graph["met"] if e[0] in keep and e[1] in keep]
    start = ""
    if ego:
        centres = [n[0] for n in graph["nodes"] if n[1] == ego and n[0] in keep]
        if not centres:
            raise ExportError(f"no node labelled {ego!r} in the graph")
        keep = _within([*edges, *met], centres, depth)
        edges = [e for e in edges if e[0] in keep and e[1] in keep]
        met = [e for e in met if e[0] in keep and e[1] in keep]
        start = centres[0]
    nodes = [n for n in graph["nodes"] if n[0] in keep]
    return {"nodes": nodes, "edges": edges, "met": met}, start


def _within(edges: list[list], centres: list[str], depth: int) -> set[str]:
    near: dict[str, set[str]] = {}
    for e in edges:
        near.setdefault(e[0], set()).add(e[1])
        near.setdefault(e[1], set()).add(e[0])
    seen = set(centres)
    todo = deque((c, 0) for c in centres)
    while todo:
        node, d = todo.popleft()
        if d < depth:
            for n in near.get(node, ()):
                if n not in seen:
                    seen.add(n)
                    todo.append((n, d + 1))
    return seen
