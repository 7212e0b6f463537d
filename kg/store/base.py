"""What every store does, and which one a ``--store`` names.

A directory is the embedded Oxigraph store (:mod:`kg.store.oxigraph`); an
``http(s)://`` URL is a SPARQL 1.1 server (:mod:`kg.store.remote`) that a team
shares. Both take the same per-issue update (:mod:`kg.store.updates`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Protocol

if TYPE_CHECKING:  # opening the embedded store to read needs no rdflib (60 ms to import)
    from rdflib import Dataset, Graph, URIRef
    from rdflib.query import Result
    from rdflib.term import Node

    from .bindings import Value

DEFAULT_STORE = "kg-store"


@dataclass(frozen=True)
class Replaced:
    """What replacing one issue's graph did: ``new``, ``replaced`` or ``unchanged``, and
    the source file the stored version came from (a different file is worth a word)."""

    status: str
    previous_source: str | None = None


class QuadStore(Protocol):
    """What the rest of the code may ask of a store."""

    def replace_graph(self, name: URIRef, graph: Iterable[tuple[Node, Node, Node]]) -> Replaced: ...
    def remove_graph(self, name: URIRef) -> bool: ...
    def graph_names(self) -> list[URIRef]: ...
    def graph(self, name: URIRef) -> Graph: ...
    def query(self, sparql: str, bindings: Mapping[str, Value] | None = None) -> Result: ...
    def select(self, sparql: str, bindings: Mapping[str, Value] | None = None) -> list[list[Node | None]]: ...
    def checkpoint(self) -> None: ...
    def compact(self) -> None: ...
    def to_dataset(self) -> Dataset: ...
    def quads(self) -> Iterator: ...
    def dump(self, fmt: str, target: Path) -> None: ...
    def __len__(self) -> int: ...
    def close(self) -> None: ...


def store_location(option: str | os.PathLike | None) -> str:
    """``--store`` if given, else ``$KG_STORE``, else ``./kg-store``."""
    return str(option or os.environ.get("KG_STORE") or DEFAULT_STORE)


def is_remote(location: str | os.PathLike) -> bool:
    return str(location).startswith(("http://", "https://"))


def open_store(location: str | os.PathLike, must_exist: bool = False, reader: bool = False) -> QuadStore:
    """Open or create the store; with ``must_exist`` (read and remove commands) never
    create one; a ``reader`` never waits for a writer (it reads the last committed state)."""
    if is_remote(location):
        from .remote import RemoteStore

        return RemoteStore(str(location))
    from .oxigraph import OxigraphStore

    return OxigraphStore(Path(location), must_exist=must_exist, reader=reader)
