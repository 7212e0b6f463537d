"""A light reading of SPARQL text: the tokens that matter, past comments and strings.

Enough to find where the WHERE group opens (:mod:`kg.store.bindings`) and which
datasets and services a query names (:mod:`kg.store.sandbox`), without a parser
whose cost grows with the query's patterns.
"""

from __future__ import annotations

import re
from typing import Iterator

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


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (or an update's first word): the first such word."""
    words = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE"}
    words |= {"ADD", "MOVE", "COPY", "WITH"}
    return next((w for m in tokens(sparql) if (w := (m.group("word") or "").upper()) in words), None)
