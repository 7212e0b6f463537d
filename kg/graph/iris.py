"""Deterministic IRIs: from canonical names and source positions only."""

from __future__ import annotations

import re

from rdflib import URIRef

from .vocab import DATA

_UNSAFE = re.compile(r'[\s<>"{}|\\^`%#?]')


def segment(text: str) -> str:
    """An IRI path segment: Chinese stays readable, unsafe ASCII is percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text.strip())


def iri(*parts: object) -> URIRef:
    return URIRef(str(DATA) + "/".join(segment(str(p)) for p in parts))


GRAPHS = f"{DATA}graph/"  # every graph of the store: issues and derived ones
ISSUE_GRAPHS = f"{GRAPHS}issue/"


def graph_iri(issue_key: str) -> URIRef:
    return iri("graph", "issue", *issue_key.split("/"))


def issue_iri(issue_key: str) -> URIRef:
    return iri("issue", *issue_key.split("/"))
