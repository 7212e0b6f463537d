"""A SELECT's answer as plain rows: read from the engine's own TSV, ordered in Python.

Two costs of a long listing on the embedded engine are not the query's:

- **Decoding.** A pyoxigraph term per cell, then a Python string per term, cost
  more than having Oxigraph write the whole answer as SPARQL TSV and splitting it
  (0.33 s against 0.45 s for 19,700 rows of six cells at 5,000 issues). The cells
  are N-Triples terms; :func:`read_tsv` turns each distinct cell text into a
  :class:`Term` once.
- **ORDER BY.** Oxigraph decodes both terms of every comparison from its
  dictionary: 0.2–0.4 s on 15,000 rows, as much as the joins. A plain final
  ``ORDER BY ?a DESC(?b) …`` (after the query's last brace, each key a projected
  variable, optionally followed by LIMIT and OFFSET) is taken off the query and
  applied to the rows (:func:`split_order`, :func:`sort_rows`). Anything else (an
  expression as key, an ORDER BY in a sub-query only, a key the query does not
  project) stays with the engine.

The order is SPARQL's (§15.1): unbound, then blank nodes, then IRIs, then
literals; numbers by value, dates and date-times by their lexical form (which for
one timezone-free form is their order), other literals by their text. Ties keep
the engine's order, as a stable sort does; SPARQL leaves them undefined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from ..errors import QueryError
from ..graph.prefixes import XSD
from .sparqltext import tokens

_NUMERIC = {
    XSD + t
    for t in (
        "integer decimal float double int long short byte nonNegativeInteger positiveInteger "
        "negativeInteger nonPositiveInteger unsignedInt unsignedLong unsignedShort unsignedByte"
    ).split()
}
_TEMPORAL = {XSD + "date", XSD + "dateTime", XSD + "gYear", XSD + "gYearMonth"}


class Term(NamedTuple):
    """One cell, in the shape of SPARQL results JSON: ``kind`` is ``uri``, ``bnode``,
    ``literal`` or ``triple``; a simple string has neither datatype nor language.
    Also a bound value (``kg query --bind``), written into a query by :meth:`n3`."""

    kind: str
    value: str
    datatype: str = ""
    language: str = ""

    def n3(self) -> str:
        """The term as SPARQL writes it (as rdflib's ``Node.n3()`` does)."""
        if self.kind == "uri":
            if _NOT_IN_IRI.search(self.value):
                raise QueryError(f'<{self.value}> is not an IRI: it holds a space or one of <>"{{}}|^`\\')
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        if self.kind == "triple":
            return self.value
        text = '"' + self.value.translate(_QUOTED) + '"'
        if self.language:
            return f"{text}@{self.language}"
        return f"{text}^^<{self.datatype}>" if self.datatype else text


_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')  # SPARQL's IRIREF excludes these
_QUOTED = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@dataclass
class Table:
    """A SELECT's answer: variable names and rows of terms (None when unbound). ``terms``:
    each distinct term of the rows once, when the reader knows them (read_tsv does: it
    makes one Term per distinct cell), so that work per term is not done per cell."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]
    terms: list[Term | None] = field(default_factory=list)


def distinct_terms(table: Table) -> list[Term | None]:
    """Each distinct term of ``table`` once (by identity)."""
    if table.terms or not table.rows:
        return table.terms
    return list({id(t): t for row in table.rows for t in row}.values())


# --- reading the engine's TSV ---------------------------------------------------------
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if m[1] or m[2] else _ESCAPED.get(m[3], m[3]), text)


def read_term(cell: str) -> Term | None:
    """One TSV cell (an N-Triples term, or Turtle's bare number or boolean) as a Term."""
    if not cell:
        return None
    head = cell[0]
    if head == '"':
        end = cell.rfind('"')  # a language tag or a datatype IRI holds no quote
        value = cell[1:end]
        if "\\" in value:
            value = _unescape(value)
        rest = cell[end + 1 :]
        if not rest:
            return Term("literal", value)
        if rest[0] == "@":
            return Term("literal", value, language=rest[1:])
        return Term("literal", value, datatype=_unescape(rest[3:-1]))
    if cell.startswith("<<"):
        return Term("triple", cell)
    if head == "<":
        iri = cell[1:-1]
        return Term("uri", _unescape(iri) if "\\" in iri else iri)
    if cell.startswith("_:"):
        return Term("bnode", cell[2:])
    if cell in ("true", "false"):
        return Term("literal", cell, datatype=XSD + "boolean")
    if "e" in cell or "E" in cell:
        return Term("literal", cell, datatype=XSD + "double")
    return Term("literal", cell, datatype=XSD + ("decimal" if "." in cell else "integer"))


class _Cells(dict):
    """Each distinct cell text's Term, read on first sight (a column repeats its values):
    a cell seen before costs the dict's own lookup, no Python call."""

    def __missing__(self, cell: str) -> Term | None:
        got = self[cell] = read_term(cell)
        return got


def read_tsv(data: str) -> Table:
    """SPARQL 1.1 TSV results (a header line, then one line per row) as a Table."""
    lines = (data[:-1] if data.endswith("\n") else data).split("\n")
    variables = [v[1:] for v in lines[0].split("\t")] if lines[0] else []
    if not variables:  # SELECT with nothing projected: rows without cells
        return Table([], [() for _ in lines[1:]])
    cells = _Cells()
    term = cells.__getitem__
    rows = [tuple(map(term, line.split("\t"))) for line in lines[1:]]
    return Table(variables, rows, list(cells.values()))


# --- ORDER BY -------------------------------------------------------------------------
_KEY = r"(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+)"
_TAIL = re.compile(
    rf"^\s*ORDER\s+BY\s+(?P<keys>(?:{_KEY}\s*)+)"
    r"(?:(?:LIMIT\s+(?P<limit>\d+)\s*)|(?:OFFSET\s+(?P<offset>\d+)\s*))*$",
    re.IGNORECASE,
)
_ONE_KEY = re.compile(r"(?:(?P<dir>ASC|DESC)\s*\(\s*)?[?$](?P<var>\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Order:
    """A query without its final ORDER BY (and LIMIT, OFFSET), and what they said."""

    body: str
    keys: tuple[tuple[str, bool], ...]  # (variable, descending)
    limit: int | None = None
    offset: int = 0


def split_order(sparql: str) -> Order | None:
    """The query's final ORDER BY taken off, when it has the plain form; else None.

    A key must be projected for the rows to be sorted after projection: a key the
    projection does not name is refused here, and one named only inside an expression
    (``(COUNT(?x) AS ?n)``) is caught by the caller, which then lets the engine order."""
    toks = list(tokens(sparql))
    closing = [m for m in toks if m.group("brace") == "}"]
    select = next((m for m in toks if (m.group("word") or "").upper() == "SELECT"), None)
    if not closing or select is None:
        return None
    after = [m for m in toks if m.start() >= closing[-1].end()]
    starts = [
        a
        for a, b in zip(after, after[1:])
        if (a.group("word") or "").upper() == "ORDER" and (b.group("word") or "").upper() == "BY"
    ]
    if not starts:
        return None
    at = starts[-1].start()
    m = _TAIL.match(re.sub(r"#[^\n]*", "", sparql[at:]))  # no string follows: # opens a comment
    if not m:
        return None
    keys = tuple((k["var"], (k["dir"] or "").upper() == "DESC") for k in _ONE_KEY.finditer(m["keys"]))
    projection = sparql[select.end() : _where_start(sparql, toks, select.end())]
    if not re.fullmatch(r"\s*(?:DISTINCT|REDUCED)?\s*\*\s*", projection, re.IGNORECASE):
        projected = set(re.findall(r"[?$](\w+)", projection))
        if any(var not in projected for var, _ in keys):
            return None  # sorting after projection would miss the key
    limit = int(m["limit"]) if m["limit"] is not None else None
    return Order(sparql[:at], keys, limit, int(m["offset"] or 0))


def _where_start(sparql: str, toks: list[re.Match], after: int) -> int:
    for m in toks:
        if m.start() >= after and (m.group("brace") == "{" or (m.group("word") or "").upper() in ("WHERE", "FROM")):
            return m.start()
    return len(sparql)


def term_key(term: Term | None) -> tuple:
    """A sort key in SPARQL's order."""
    if term is None:
        return (0,)
    kind, value, datatype, language = term
    if kind == "literal":
        if not datatype:
            return (3, 2, value, language)
        if datatype in _NUMERIC:
            try:
                return (3, 0, float(value), value)
            except ValueError:
                pass  # an ill-typed number sorts with the strings
        if datatype in _TEMPORAL:
            return (3, 1, value)
        return (3, 2, value, language, datatype)
    return (2 if kind == "uri" else 1 if kind == "bnode" else 4, value)


def _ranks(terms: list[Term | None]) -> tuple[dict[int, int], int]:
    """Each term's rank in SPARQL's order (by identity: read_tsv makes one Term per
    distinct cell, and hashing a Term hashes its four strings), equal keys sharing a
    rank; and how many ranks there are. One order serves every column."""
    keyed = sorted((term_key(term), id(term)) for term in terms)
    ranks: dict[int, int] = {}
    rank, previous = -1, None
    for key, ident in keyed:
        if key != previous:
            rank, previous = rank + 1, key
        ranks[ident] = rank
    return ranks, rank + 1


def sort_rows(table: Table, order: Order) -> list[tuple]:
    """The table's rows in ``order``'s order, then cut by its OFFSET and LIMIT. Its
    distinct terms are ranked once; each key column weighs the ranks by its place (the
    first most), counting a descending one down, and a row's key is their sum: one
    integer per row, summed by C functions alone."""
    end = None if order.limit is None else order.offset + order.limit
    at = {v: i for i, v in enumerate(table.variables)}
    keys = [(at[var], descending) for var, descending in order.keys if var in at]
    if not keys or not table.rows:
        return table.rows[order.offset : end]
    ranks, size = _ranks(distinct_terms(table))
    weighed = []
    for place, (_, descending) in enumerate(keys):
        weight = size ** (len(keys) - 1 - place)
        weighed.append({i: (size - 1 - r if descending else r) * weight for i, r in ranks.items()})
    cells = itemgetter(*(i for i, _ in keys)) if len(keys) > 1 else lambda row, i=keys[0][0]: (row[i],)

    def key(row: tuple) -> int:
        return sum(map(dict.__getitem__, weighed, map(id, cells(row))))

    return sorted(table.rows, key=key)[order.offset : end]
