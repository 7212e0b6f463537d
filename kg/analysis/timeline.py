"""Who held which post when, as bars on one time axis (the workbench's tenure view).

A bar runs from a holding's first dated sighting to its last: the true tenure began on
or before the first and ended on or after the last, which the page says. Bars are laid
out here, as fractions of the axis, so the page needs no script to draw them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal

from ..store.base import QuadStore
from .entities import rows

# the filter matches the label or the IRI, which holds the district: the district's own
# organs are labelled short (区委), so "上街区" picks one district's
HOLDINGS = """SELECT ?org ?orgLabel ?post ?postLabel ?person ?name ?first ?last WHERE {
  ?org skos:prefLabel ?orgLabel . FILTER(?orgQ = "" || CONTAINS(?orgLabel, ?orgQ) || CONTAINS(STR(?org), ?orgQ))
  ?post org:postIn ?org ; skos:prefLabel ?postLabel .
  ?h dkg:post ?post ; org:member ?person ; dkg:firstSeen ?first ; dkg:lastSeen ?last .
  ?person foaf:name ?name .
} ORDER BY ?orgLabel ?postLabel ?first LIMIT 2000"""


@dataclass
class Bar:
    person: str
    name: str
    first: str
    last: str
    left: float  # percent of the axis
    width: float


@dataclass
class Row:
    post: str
    post_label: str
    org_label: str
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    start: str
    end: str
    rows: list[Row]
    ticks: list[tuple[str, float]]  # (year, percent)


def tenure_bars(store: QuadStore, org: str = "") -> Chart:
    """The holdings of every post (of organizations whose label contains ``org``)."""
    found = rows(store, HOLDINGS, orgQ=Literal(org.strip()))
    if not found:
        return Chart("", "", [], [])
    lo = min(date.fromisoformat(r["first"][:10]) for r in found)
    hi = max(date.fromisoformat(r["last"][:10]) for r in found)
    span = max((hi - lo).days, 1)
    at = lambda d: 100.0 * (date.fromisoformat(d[:10]) - lo).days / span  # noqa: E731
    by_post: dict[str, Row] = {}
    for r in found:
        district = r["org"].split("/org/", 1)[-1].split("/", 1)[0]
        org_label = r["orgLabel"] if r["orgLabel"].startswith(district) else f"{district} {r['orgLabel']}"
        row = by_post.setdefault(r["post"], Row(r["post"], r["postLabel"], org_label))
        left = at(r["first"])
        # a single sighting is a day: give it a visible sliver
        row.bars.append(Bar(r["person"], r["name"], r["first"], r["last"], left, max(at(r["last"]) - left, 0.6)))
    ticks = [(str(y), at(f"{y}-01-01")) for y in range(lo.year + 1, hi.year + 1)]
    return Chart(lo.isoformat(), hi.isoformat(), list(by_post.values()), ticks)
