"""Queries run against the store alone.

A shared ``.rq`` file must not read local files or probe services: ``SERVICE``
sends a request from the engine, and ``FROM <file:///…>`` or ``FROM <http://…>``
makes some engines fetch a document. Every store checks each query here before
running it, whatever the path (CLI, library, endpoint, with or without bindings).
"""

from __future__ import annotations

from typing import Callable

from ..errors import QueryError
from .sparqltext import UPDATE_WORDS, form_of, prefixes, tokens


def check(sparql: str, is_graph: Callable[[str], bool]) -> None:
    """Refuse updates, SERVICE and LOAD, and FROM / FROM NAMED of anything but a graph of this store."""
    toks = list(tokens(sparql))
    declared = prefixes(toks)
    first = form_of(toks)
    if first in UPDATE_WORDS:
        raise QueryError(
            f"{first} is an update and queries are read-only; the store changes only through `kg import` and `kg remove`"
        )
    for i, m in enumerate(toks):
        word = (m.group("word") or "").upper()
        if word in ("SERVICE", "LOAD"):
            raise QueryError(f"{word} is refused: queries run against the store alone")
        if word != "FROM":
            continue
        j = i + 1
        if j < len(toks) and (toks[j].group("word") or "").upper() == "NAMED":
            j += 1
        target = toks[j] if j < len(toks) else None
        iri = None
        if target is not None and target.group("iri"):
            iri = target.group("iri")[1:-1]
        elif target is not None and target.group("local") is not None:
            base = declared.get(target.group("pname") or "")
            iri = base + target.group("local") if base else None
        if iri is None or not is_graph(iri):
            shown = target.group() if target is not None else "nothing"
            raise QueryError(f"FROM {shown} is refused: only graphs of this store may be named (see `kg list`)")
