"""What the workbench shows of one entity: plain data read from the store.

Each function answers one page (a person, any other entity, an issue's text with its
facts) as dataclasses of strings, so pages, tests and the JSON API share them. The
entity's IRI is always bound with ``initBindings``, never pasted into the query.
Every fact carries its evidence: the issue key, the sentence and, where the graph
has it, the offsets of the phrase, which the issue view highlights.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from ..errors import KGError
from ..graph.iris import graph_iri, issue_iri
from ..graph.vocab import DATA
from ..store.base import QuadStore
from .query import run_native, run_query

KINDS = ("person", "org", "post", "event", "initiative", "project", "issue", "role", "pair")


def kind_of(iri: str) -> str:
    """person, org, event, … from the deterministic IRI's first path segment ("" if not ours)."""
    if not iri.startswith(str(DATA)):
        return ""
    head, _, rest = iri[len(str(DATA)) :].partition("/")
    if head == "issue":
        # an undated event is named under its issue; other nodes there are the
        # issue's own parts (articles, sentences, facts) or the issue itself
        return "event" if "/event/" in f"/{rest}" else "issue"
    return head if head in KINDS else ""


def rows(store: QuadStore, sparql: str, **bind: object) -> list[dict[str, str]]:
    """A SELECT's rows as {variable: text}; unbound cells are left out."""
    bindings = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bind.items()}
    table = getattr(store, "table", None)
    if table is not None:  # the embedded store's rows, read from its own TSV: no rdflib term per cell
        answer = run_native(table, sparql, bindings)
        names = answer.variables
        return [{n: t.value for n, t in zip(names, row) if t is not None} for row in answer.rows]
    result = run_query(store, sparql, bindings)
    names = [str(v) for v in result.vars]
    return [{n: str(t) for n, t in zip(names, row) if t is not None} for row in result]


@dataclass
class Evidence:
    issue: str  # the key kg remove and the issue view take
    sentence: str
    begin: int | None = None  # the phrase's offsets in the issue's text, when stored
    end: int | None = None


@dataclass
class Line:
    """One row of a page section: what, when, the entity it links to, and where it was read."""

    text: str
    date: str = ""
    link: str = ""  # an entity IRI
    extra: str = ""
    evidence: Evidence | None = None
    fact: str = ""  # the fact node's IRI: what "reject this fact" names


@dataclass
class Span:
    """A post held from first to last dated sighting (a tenure bar)."""

    label: str
    link: str
    first: str
    last: str
    left: float = 0.0  # percent of the person's own first-to-last range, for the bar
    width: float = 100.0


@dataclass
class EntityPage:
    iri: str
    kind: str
    label: str
    names: list[str] = field(default_factory=list)
    sections: dict[str, list[Line]] = field(default_factory=dict)
    tenure: list[Span] = field(default_factory=list)
    judgements: list[Judged] = field(default_factory=list)  # the analysts' decisions about it
    namesakes: list[str] = field(default_factory=list)  # same name, other node: candidates for "same"
    seen: tuple[str, str] | None = None  # a person's first and last day seen (derived at import)


@dataclass
class Judged:
    """An active judgement that names the entity (kg curate), as its page lists it."""

    number: int
    verdict: str
    other: str = ""  # the other entity's IRI, or the label
    by: str = ""
    when: str = ""


# The evidence chain every fact shares: sentence → text → issue, and the phrase if any.
# The phrase's offsets are read from its IRI (…/text/BEGIN-END), which the graph
# builder makes from them: Oxigraph joins a one-pattern OPTIONAL row by row but a
# longer one by scanning every phrase of the store (190 ms against 2 ms at 500 issues).
EVIDENCE = """?x prov:wasDerivedFrom ?s . ?s nif:anchorOf ?sentence ; nif:referenceContext ?ctx .
  ?ctx dcterms:source ?doc . ?doc dkg:issueKey ?issue . OPTIONAL { ?x dkg:phrase ?ph }"""
_OFFSETS = re.compile(r"/text/(\d+)-(\d+)$")


def offsets(phrase: str) -> tuple[int, int] | None:
    """(begin, end) of a phrase IRI made by the graph builder."""
    m = _OFFSETS.search(phrase)
    return (int(m[1]), int(m[2])) if m else None


LABEL = """SELECT ?label WHERE {
  { ?it foaf:name ?label } UNION { ?it skos:prefLabel ?label } UNION { ?it schema:name ?label }
  UNION { ?it dkg:issueKey ?label } } LIMIT 1"""
NAMESAKES = """SELECT DISTINCT ?p WHERE { ?it foaf:name ?n . ?p foaf:name ?n . FILTER(?p != ?it)
  FILTER NOT EXISTS { ?it dkg:notSameAs ?p } } ORDER BY ?p"""
JUDGED = """SELECT ?n ?v ?o ?l ?by ?when WHERE { { ?j dkg:judged ?it } UNION { ?j dkg:other ?it } UNION { ?j dkg:concerns ?it }
  ?j dkg:judgementNumber ?n ; dkg:verdict ?v ; prov:wasAttributedTo/foaf:name ?by ; prov:generatedAtTime ?when .
  FILTER NOT EXISTS { ?j prov:invalidatedAtTime ?undone }
  OPTIONAL { ?j dkg:other ?o FILTER(?o != ?it) } OPTIONAL { ?j dkg:judged ?o FILTER(?o != ?it) } OPTIONAL { ?j dkg:labelText ?l } }
  ORDER BY ?n"""
NAMES = "SELECT DISTINCT ?n WHERE { { ?it foaf:name ?n } UNION { ?it skos:altLabel ?n } } ORDER BY ?n"

PERSON = {
    "titles": f"""SELECT ?x ?text ?date ?link ?issue ?sentence ?ph WHERE {{
  ?x dkg:person ?it ; dkg:titleAsWritten ?text . {EVIDENCE}
  OPTIONAL {{ ?x dkg:post ?link }} OPTIONAL {{ ?x dkg:observedOn ?date }} }} ORDER BY ?date ?text""",
    "events": f"""SELECT ?x ?text ?date ?link ?extra ?issue ?sentence ?ph WHERE {{
  ?x dkg:agent ?it ; dkg:event ?link ; dkg:role ?r . ?link schema:name ?text .
  {EVIDENCE} OPTIONAL {{ ?link schema:startDate ?date }} BIND(STRAFTER(STR(?r), "#") AS ?extra) }} ORDER BY ?date ?text""",
    "co-attendees": """SELECT ?text ?link (STR(COUNT(DISTINCT ?ev)) AS ?extra) WHERE {
  ?pair dkg:between ?it , ?link ; dkg:sharedEvent ?ev . FILTER(?link != ?it) ?link foaf:name ?text .
} GROUP BY ?text ?link ORDER BY DESC(COUNT(DISTINCT ?ev)) ?text LIMIT 15""",
    "statements": f"""SELECT ?x ?text ?date ?link ?extra ?issue ?sentence ?ph WHERE {{
  ?x schema:creator ?it ; schema:text ?text ; dkg:speechAct ?extra . {EVIDENCE}
  OPTIONAL {{ ?x schema:recordedAt ?link OPTIONAL {{ ?link schema:startDate ?date }} }} }} ORDER BY ?date ?issue""",
}
SEEN = "SELECT ?first ?last WHERE { ?it dkg:firstSeen ?first ; dkg:lastSeen ?last }"
TENURE = """SELECT ?label ?link ?first ?last WHERE {
  ?h org:member ?it ; dkg:post ?link ; dkg:firstSeen ?first ; dkg:lastSeen ?last . ?link skos:prefLabel ?label .
} ORDER BY ?first ?label"""

OTHER = {
    "event": {
        "participants": f"""SELECT ?x ?text ?link ?extra ?issue ?sentence ?ph WHERE {{
  ?x dkg:event ?it ; dkg:agent ?link ; dkg:role ?r . ?link foaf:name ?text .
  {EVIDENCE} BIND(STRAFTER(STR(?r), "#") AS ?extra) }} ORDER BY ?extra ?text""",
        "statements": f"""SELECT ?x ?text ?link ?extra ?issue ?sentence ?ph WHERE {{
  ?x schema:recordedAt ?it ; schema:text ?text ; schema:creator ?link . {EVIDENCE} }} ORDER BY ?issue ?s""",
    },
    "org": {
        "posts": """SELECT ?text ?link WHERE { ?link org:postIn ?it ; skos:prefLabel ?text } ORDER BY ?text""",
        "holders": """SELECT ?text ?link ?extra ?date WHERE { ?post org:postIn ?it ; skos:prefLabel ?extra .
  ?h dkg:post ?post ; org:member ?link ; dkg:firstSeen ?date . ?link foaf:name ?text } ORDER BY ?date ?extra""",
        "reports": """SELECT ?text ?date ?issue WHERE { ?a schema:sourceOrganization ?it ; schema:isPartOf ?i .
  ?i dkg:issueKey ?issue . OPTIONAL { ?a schema:headline ?text } OPTIONAL { ?i schema:datePublished ?date } }
  ORDER BY ?date""",
    },
    "post": {
        "holders": """SELECT ?text ?link ?date ?extra WHERE { ?h dkg:post ?it ; org:member ?link ;
  dkg:firstSeen ?date ; dkg:lastSeen ?extra . ?link foaf:name ?text } ORDER BY ?date""",
    },
    "initiative": {
        "mentions": """SELECT ?text ?issue ?sentence ?s ?ph WHERE { GRAPH ?g { ?it prov:wasDerivedFrom ?s .
  ?s nif:anchorOf ?sentence ; nif:referenceContext ?ctx . ?ctx dcterms:source ?doc . ?doc dkg:issueKey ?issue .
  BIND(?sentence AS ?text) } OPTIONAL { GRAPH ?g { ?it dkg:phrase ?ph } } }
  ORDER BY ?issue""",
        "numbers": f"""SELECT ?x ?text ?date ?link ?extra ?issue ?sentence ?ph WHERE {{
  ?link dkg:partOfInitiative ?it ; schema:name ?text ; dkg:progress ?x .
  ?x schema:value ?v ; schema:unitText ?u . BIND(CONCAT(STR(?v), ?u) AS ?extra) {EVIDENCE}
  OPTIONAL {{ ?x dkg:asOf ?date }} }} ORDER BY ?date""",
    },
    "project": {
        "numbers": f"""SELECT ?x ?text ?date ?extra ?issue ?sentence ?ph WHERE {{
  ?it dkg:progress ?x . ?x schema:value ?v ; schema:unitText ?u ; schema:description ?text .
  BIND(CONCAT(STR(?v), ?u) AS ?extra) {EVIDENCE} OPTIONAL {{ ?x dkg:asOf ?date }} }} ORDER BY ?date""",
    },
}


def _line(r: dict[str, str]) -> Line:
    ev = None
    if "issue" in r:
        at = offsets(r.get("ph", "")) or (None, None)
        sent = offsets(r.get("s", ""))
        if sent and at[0] is not None and not (sent[0] <= at[0] and at[1] <= sent[1]):
            at = (None, None)  # a phrase of another sentence of the same issue
        ev = Evidence(r["issue"], r.get("sentence", ""), *at)
    return Line(r.get("text", ""), r.get("date", ""), r.get("link", ""), r.get("extra", ""), ev, r.get("x", ""))


def _dedupe(lines: list[Line]) -> list[Line]:
    # one fact can be read twice (a phrase and its sentence): show it once, with its
    # phrase's offsets where one of the readings has them
    best: dict[tuple, Line] = {}
    for line in lines:
        key = (line.text, line.date, line.link, line.extra, line.evidence and line.evidence.issue)
        if key not in best or (line.evidence and line.evidence.begin is not None and best[key].evidence.begin is None):
            best[key] = line
    return list(best.values())


def label_of(store: QuadStore, iri: str) -> str:
    found = rows(store, LABEL, it=URIRef(iri))
    return found[0]["label"] if found else ""


def entity_page(store: QuadStore, iri: str) -> EntityPage:
    """Everything a page shows of one entity; :class:`KGError` if the store does not know it."""
    it = URIRef(iri)
    label = label_of(store, iri)
    kind = kind_of(iri)
    if not label:
        raise KGError(f"the store has nothing about <{iri}>")
    page = EntityPage(iri, kind, label, [r["n"] for r in rows(store, NAMES, it=it)])
    sections = PERSON if kind == "person" else OTHER.get(kind, {})
    for name, sparql in sections.items():
        page.sections[name] = _dedupe([_line(r) for r in rows(store, sparql, it=it)])
    if kind == "person":
        page.tenure = [Span(r["label"], r["link"], r["first"], r["last"]) for r in rows(store, TENURE, it=it)]
        _lay_out(page.tenure)
        page.namesakes = [r["p"] for r in rows(store, NAMESAKES, it=it)]
        page.seen = next(((r["first"], r["last"]) for r in rows(store, SEEN, it=it)), None)
    page.judgements = [
        Judged(int(r["n"]), r["v"].rpartition("#")[2].lower(), r.get("o", r.get("l", "")), r["by"], r["when"][:16])
        for r in rows(store, JUDGED, it=it)
    ]
    return page


def merged_into(store: QuadStore, iri: str) -> str:
    """The entity a node was judged the same as (kg curate same), or ''."""
    found = rows(store, "SELECT ?a WHERE { ?it owl:sameAs ?a }", it=URIRef(iri))
    return found[0]["a"] if found else ""


def _lay_out(spans: list[Span]) -> None:
    from datetime import date

    if not spans:
        return
    day = lambda s: date.fromisoformat(s[:10]).toordinal()  # noqa: E731
    lo, hi = min(day(s.first) for s in spans), max(day(s.last) for s in spans)
    for s in spans:
        s.left = 100.0 * (day(s.first) - lo) / max(hi - lo, 1)
        s.width = max(100.0 * (day(s.last) - day(s.first)) / max(hi - lo, 1), 1.0)


# --- an issue's text with its facts


@dataclass
class Mark:
    """A run of the issue's text; ``kind`` and ``link`` when a fact covers it."""

    text: str
    begin: int
    kind: str = ""
    link: str = ""
    title: str = ""


@dataclass
class IssueText:
    key: str
    iri: str
    date: str
    marks: list[Mark]
    counts: dict[str, int]


ISSUE_TEXT = """SELECT ?text ?date WHERE { GRAPH ?g { ?ctx dcterms:source ?it ; nif:isString ?text .
  OPTIONAL { ?it schema:datePublished ?date } } }"""
# a fact's kind by its class; what it links to is the entity a reader follows
# one-pattern OPTIONALs over the union graph: each is joined row by row (see EVIDENCE)
PHRASES = """SELECT ?ph ?type ?x ?who ?who2 ?who3 ?n1 ?n2 ?n3 WHERE { GRAPH ?g { ?x dkg:phrase ?ph ; a ?type }
  OPTIONAL { ?x dkg:agent ?who } OPTIONAL { ?x dkg:person ?who2 } OPTIONAL { ?x schema:creator ?who3 }
  OPTIONAL { ?x schema:name ?n1 } OPTIONAL { ?x skos:prefLabel ?n2 } OPTIONAL { ?x schema:description ?n3 } }"""
FACT_KIND = {
    "Participation": "person",
    "PostAttestation": "title",
    "Statement": "statement",
    "Meeting": "event",
    "StudyVisit": "event",
    "Activity": "event",
    "Initiative": "initiative",
    "QuantitativeValue": "quantity",
}


def issue_text(store: QuadStore, key: str) -> IssueText:
    """The issue's text cut at every fact's offsets; each run knows the narrowest fact over it."""
    it, g = issue_iri(key), graph_iri(key)
    found = rows(store, ISSUE_TEXT, it=it, g=g)
    if not found:
        raise KGError(f"no issue {key!r} in the store (kg list shows the keys)")
    text = found[0]["text"]
    facts = []
    for r in rows(store, PHRASES, g=g):
        kind = FACT_KIND.get(r["type"].rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        at = offsets(r["ph"])
        who = r.get("who") or r.get("who2") or r.get("who3")
        # a person's IRI ends in the name (person/DISTRICT/NAME)
        label = urllib.parse.unquote(who.rsplit("/", 1)[-1]) if who else r.get("n1") or r.get("n2") or r.get("n3", "")
        if kind and at and 0 <= at[0] < at[1] <= len(text):
            facts.append((*at, kind, who or r["x"], label))
    facts = sorted(set(facts))
    cuts = sorted({0, len(text), *(b for b, *_ in facts), *(e for _, e, *_ in facts)})
    marks = []
    for a, z in zip(cuts, cuts[1:]):
        over = [f for f in facts if f[0] <= a and z <= f[1]]
        if over:
            b, e, kind, link, label = min(over, key=lambda f: f[1] - f[0])
            marks.append(Mark(text[a:z], a, kind, link, f"{kind}: {label}" if label else kind))
        else:
            marks.append(Mark(text[a:z], a))
    counts: dict[str, int] = {}
    for *_, kind, _link, _label in facts:
        counts[kind] = counts.get(kind, 0) + 1
    return IssueText(key, str(it), found[0].get("date", ""), marks, counts)
