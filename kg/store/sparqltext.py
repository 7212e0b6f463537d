"""A light reading of SPARQL text: the tokens that matter, past comments and strings.

Enough to find where the WHERE group opens (:mod:`kg.store.bindings`) and which
datasets and services a query names (:mod:`kg.store.sandbox`), without a parser
whose cost grows with the query's patterns.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

# comments and strings are skipped whole: a brace or a keyword inside them is text
_SKIP = (
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
TOKEN = re.compile(
    rf'(?P<skip>{_SKIP})|(?P<var>[?$]\w+)|(?P<iri><[^<>"{{}}|^`\\\s]*>)|(?P<pname>[A-Za-z_][\w.-]*)?:(?P<local>[\w.-]*)'
    r"|(?P<word>[A-Za-z_]\w*)|(?P<brace>[{}])"
)


def tokens(sparql: str) -> Iterator[re.Match]:
    """Variables, IRIs, prefixed names, words and braces, in order."""
    for m in TOKEN.finditer(sparql):
        if not m.group("skip"):
            yield m


def prefixes(toks: list[re.Match]) -> dict[str, str]:
    """The PREFIX declarations among a query's tokens."""
    out: dict[str, str] = {}
    for i, m in enumerate(toks[:-1]):
        if m.group("word") and m.group("word").upper() == "PREFIX" and i + 2 < len(toks) and toks[i + 2].group("iri"):
            out[(toks[i + 1].group("pname") or "")] = toks[i + 2].group("iri")[1:-1]
    return out


# the first word of every SPARQL 1.1 Update operation, and the four query forms
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def form_of(toks: Iterable[re.Match]) -> str | None:
    """The first query form or update word among tokens."""
    return next((w for m in toks if (w := (m.group("word") or "").upper()) in QUERY_FORMS | UPDATE_WORDS), None)


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (or an update's first word)."""
    return form_of(tokens(sparql))
