"""Whether a store's derived summaries (:mod:`kg.store.derived`) are of today's kinds,
asked without rdflib: every command that opens a store asks, and reading commands
otherwise never import rdflib (60 ms).

A store derived before title usages and person sightings (written before 2026-11-28)
has holdings and no usage. Two ASKs that stop at their first match, so every command
can afford them (one ASK with FILTER NOT EXISTS visits every holding).
"""

from __future__ import annotations

from typing import Callable

from ..graph.prefixes import DATA, DKG

TENURE_GRAPH = f"{DATA}graph/derived/tenure"  # the summaries' named graph (kg.store.derived)
HAS_HOLDINGS = f"ASK {{ GRAPH <{TENURE_GRAPH}> {{ ?h a <{DKG}PostHolding> }} }}"
HAS_USAGES = f"ASK {{ GRAPH <{TENURE_GRAPH}> {{ ?u a <{DKG}TitleUsage> }} }}"


def stale(ask: Callable[[str], object]) -> bool:
    """Whether the summaries predate title usages and person sightings; ``ask`` runs an ASK."""
    return bool(ask(HAS_HOLDINGS)) and not bool(ask(HAS_USAGES))
