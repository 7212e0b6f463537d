"""Run SPARQL against the store and format the results."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from pathlib import Path
from typing import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from ..errors import QueryError, QueryTimeout
from ..graph.vocab import PREFIXES
from ..store.base import QuadStore

FORMATS = ("table", "csv", "tsv", "json")


def with_prefixes(sparql: str) -> str:
    declared = {
        line.split()[1].rstrip(":").lower()
        for line in sparql.splitlines()
        if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1
    }
    # all on one line: an error's line number is then one more than in the user's text
    missing = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared)
    return f"{missing}\n{sparql}" if missing else sparql


def parse_binding(text: str) -> tuple[str, Node]:
    """``name=value``: an IRI in <…>, an integer, a date, or a plain string."""
    if "=" not in text:
        raise QueryError(f"--bind {text!r}: expected name=value")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not name.isidentifier():
        raise QueryError(f"--bind {text!r}: {name!r} is not a variable name")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    if value.lstrip("-").isdigit():
        return name, Literal(int(value))
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
        return name, Literal(value, datatype=XSD.date)
    return name, Literal(value)


def run_query(store: QuadStore, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
    text = with_prefixes(sparql)
    try:
        return store.query(text, bindings)
    except QueryError as exc:
        if text == sparql:
            raise
        # positions as the user counts them, without the PREFIX line we added
        raise QueryError(
            re.sub(
                r"\bat (\d+):(\d+)", lambda m: f"at line {int(m.group(1)) - 1}, column {m.group(2)}", str(exc), count=1
            )
        ) from None


def answer(store: QuadStore, sparql: str, bindings: Mapping[str, Node] | None, fmt: str, timeout: float | None) -> str:
    """Run and format a query within ``timeout`` seconds, or raise :class:`QueryTimeout`.

    The embedded engine cannot be interrupted, so the query runs in a daemon thread
    that is abandoned at the limit; the caller must then end the process without
    touching the store (the CLI does)."""
    box: dict = {}

    def work() -> None:
        try:
            box["out"] = format_result(run_query(store, sparql, bindings), fmt)
        except BaseException as exc:  # handed to the caller's thread below
            box["err"] = exc

    worker = threading.Thread(target=work, daemon=True, name="kg-query")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(
            f"the query ran past {timeout:g} s (--timeout); bind a parameter, add LIMIT, or allow it more time"
        )
    if "err" in box:
        raise box["err"]
    return box["out"]


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for p, ns in PREFIXES.items():
            if text.startswith(str(ns)) and p != "id":
                return f"{p}:{text[len(str(ns)) :]}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _width(s: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in s)


def format_result(result: Result, fmt: str) -> str:
    """Text for the terminal or a file; CONSTRUCT results come out as Turtle."""
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        for p, ns in PREFIXES.items():
            g.bind(p, ns)
        return g.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(n, w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


LIBRARY = Path(__file__).resolve().parents[1] / "queries"  # installed with the package


def read_query_file(path: Path) -> str:
    """A query file, or a query of the library by its name (``chairs`` or ``queries/chairs.rq``)."""
    if not path.exists() and (LIBRARY / f"{path.stem}.rq").is_file() and path.suffix in ("", ".rq"):
        path = LIBRARY / f"{path.stem}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: {exc.strerror or 'cannot be read'}") from None
