"""Run SPARQL against the store and format the results."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, TypeVar

from ..errors import QueryError, QueryTimeout
from ..graph.prefixes import NAMESPACES, XSD
from ..store.base import QuadStore
from ..store.bindings import Value
from ..store.results import Table, Term, distinct_terms
from ..store.sparqltext import query_form, tokens

if TYPE_CHECKING:  # a SELECT on the embedded store is answered without rdflib (60 ms to import)
    from rdflib.query import Result
    from rdflib.term import Node

FORMATS = ("table", "csv", "tsv", "json")
T = TypeVar("T")
GRAPH_FORMATS = ("turtle", "nt", "jsonld")


def with_prefixes(sparql: str) -> str:
    declared = {
        line.split()[1].rstrip(":").lower()
        for line in sparql.splitlines()
        if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1
    }
    # all on one line: an error's line number is then one more than in the user's text
    missing = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in NAMESPACES.items() if p not in declared)
    return f"{missing}\n{sparql}" if missing else sparql


def parse_binding(text: str) -> tuple[str, Term]:
    """``name=value``: an IRI in <…>, an integer, a date, or a plain string."""
    if "=" not in text:
        raise QueryError(f"--bind {text!r}: expected name=value")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not name.isidentifier():
        raise QueryError(f"--bind {text!r}: {name!r} is not a variable name")
    if value.startswith("<") and value.endswith(">"):
        term = Term("uri", value[1:-1])
        try:
            term.n3()
        except QueryError as exc:
            raise QueryError(f"--bind {text!r}: {exc}") from None
        return name, term
    if value.lstrip("-").isdigit():
        return name, Term("literal", str(int(value)), XSD + "integer")
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
        return name, Term("literal", value, XSD + "date")
    return name, Term("literal", value)


def run_query(store: QuadStore, sparql: str, bindings: Mapping[str, Value] | None = None) -> Result:
    return _run(store.query, sparql, bindings)


def run_native(solutions: Callable, sparql: str, bindings: Mapping[str, Value] | None = None):
    """A SELECT or ASK through a store's ``solutions`` (the embedded engine's own answer)."""
    return _run(solutions, sparql, bindings)


def _run(
    engine: Callable[[str, Mapping[str, Value] | None], T], sparql: str, bindings: Mapping[str, Value] | None
) -> T:
    check_bindings(sparql, bindings)
    text = with_prefixes(sparql)
    try:
        return engine(text, bindings)
    except QueryError as exc:
        if text == sparql:
            raise
        # positions as the user counts them, without the PREFIX line we added
        raise QueryError(
            re.sub(
                r"\bat (\d+):(\d+)", lambda m: f"at line {int(m.group(1)) - 1}, column {m.group(2)}", str(exc), count=1
            )
        ) from None


def answer(store: QuadStore, sparql: str, bindings: Mapping[str, Value] | None, fmt: str, timeout: float | None) -> str:
    """Run and format a query within ``timeout`` seconds, or raise :class:`QueryTimeout`.

    The embedded engine cannot be interrupted, so the query runs in a daemon thread
    that is abandoned at the limit; the caller must then end the process without
    touching the store (the CLI does)."""
    form = query_form(sparql)
    check_format(form, fmt)  # before running: a wrong format is known from the text
    table = getattr(store, "table", None)  # the embedded store's rows, decoded but not converted
    native = getattr(store, "solutions", None)
    if table is not None and form == "SELECT":
        work = lambda: format_table(_run(table, sparql, bindings), fmt)  # noqa: E731
    elif native is not None and form == "ASK":
        work = lambda: format_solutions(_run(native, sparql, bindings), fmt)  # noqa: E731
    else:
        work = lambda: format_result(run_query(store, sparql, bindings), fmt)  # noqa: E731
    try:
        return within(timeout, work)
    except TimeoutError:
        raise QueryTimeout(
            f"the query ran past {timeout:g} s (--timeout); bind a parameter, add LIMIT, or allow it more time"
        ) from None


def within(timeout: float | None, work: Callable[[], T]) -> T:
    """``work()`` in a daemon thread, its answer or its exception; :class:`TimeoutError`
    when it runs past ``timeout`` seconds. The embedded engine cannot be interrupted,
    so the thread is left to finish on its own."""
    box: dict = {}

    def run() -> None:
        try:
            box["out"] = work()
        except BaseException as exc:  # handed to the caller's thread below
            # without its frames: a result they hold must be dropped on the thread that made it
            box["err"] = exc.with_traceback(None)

    worker = threading.Thread(target=run, daemon=True, name="kg-query")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError
    if "err" in box:
        raise box["err"]
    return box["out"]


def _short(iri: str) -> str:
    """An IRI by its prefix, where it has one (the data's own stay whole: they are links)."""
    for p, ns in NAMESPACES.items():
        if iri.startswith(ns) and p != "id":
            return f"{p}:{iri[len(ns) :]}"
    return iri


def _term_cell(term: Term | None) -> str:
    """A cell of the embedded store's rows as text: a literal's value, an IRI by its prefix."""
    if term is None:
        return ""
    kind, value = term[0], term[1]
    if kind == "literal":
        return value
    if kind == "uri":
        return _short(value)
    if kind == "bnode":
        return f"_:{value}"
    return value


_WIDE = re.compile("[\u2e80-\uffef]")  # CJK and full-width forms take two columns


def _width(s: str) -> int:
    return len(s) + len(_WIDE.findall(s)) if not s.isascii() else len(s)


_FORMULA = frozenset("=+-@\t\r")


def _csv_field(text: str, delimiter: str) -> str:
    """One field as Python's csv module writes it (minimal quoting), after :func:`_csv_cell`;
    written here because the module's writer costs more per row than the join."""
    if text[:1] in _FORMULA:
        text = _csv_cell(text)
    if delimiter in text or '"' in text or "\n" in text:  # the module's rule: its line end, not \r
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_cell(text: str) -> str:
    # a cell opening with = + - @ (or a tab or carriage return) runs as a formula when
    # the file is opened in a spreadsheet; a number stays a number
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def check_format(form: str | None, fmt: str) -> None:
    """Results formats for SELECT and ASK, graph formats for CONSTRUCT and DESCRIBE."""
    if form in ("CONSTRUCT", "DESCRIBE"):
        if fmt not in GRAPH_FORMATS + ("table",):
            raise QueryError(f"a {form} answers as a graph: --format {', '.join(GRAPH_FORMATS)}")
    elif fmt in GRAPH_FORMATS:
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE; a {form} answers as {', '.join(FORMATS)}")


def format_result(result: Result, fmt: str) -> str:
    """Text for the terminal or a file. SELECT: ``table``, ``csv``, ``tsv``, ``json``
    (W3C SPARQL 1.1 Query Results JSON); CONSTRUCT and DESCRIBE: ``turtle`` (also
    for ``table``), ``nt``, ``jsonld``; ASK: true or false, or results JSON."""
    check_format(result.type, fmt)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        for p, ns in NAMESPACES.items():
            g.bind(p, ns)
        return g.serialize(format={"nt": "nt", "jsonld": "json-ld"}.get(fmt, "turtle"))
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    from rdflib import BNode, URIRef  # here: a SELECT answered natively never imports rdflib

    def cell(term: Node | None) -> str:  # as _term_cell writes the embedded store's cells
        if term is None:
            return ""
        if isinstance(term, URIRef):
            return _short(str(term))
        if isinstance(term, BNode):
            return f"_:{term}"
        return str(term)

    names = [str(v) for v in result.vars]
    return _render(names, [[cell(row[i]) for i in range(len(names))] for row in result], fmt)


def format_solutions(answer, fmt: str) -> str:
    """:func:`format_result` for an ASK's answer as Oxigraph gives it."""
    import pyoxigraph as ox

    if fmt == "json":
        return answer.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    return ("true" if bool(answer) else "false") + "\n"


def format_table(table: Table, fmt: str) -> str:
    """:func:`format_result` for the embedded store's rows (``OxigraphStore.table``):
    the same text, without an rdflib term per cell."""
    if fmt == "json":
        return results_json(table) + "\n"
    terms = distinct_terms(table)
    if fmt in ("csv", "tsv"):  # each distinct term's field written once (found by identity)
        delimiter = "," if fmt == "csv" else "\t"
        field = {id(t): _csv_field(_term_cell(t), delimiter) for t in terms}.__getitem__
        return _delimited(table.variables, (map(field, map(id, row)) for row in table.rows), delimiter)
    cell = {id(t): _term_cell(t) for t in terms}.__getitem__
    return _render(table.variables, [list(map(cell, map(id, row))) for row in table.rows], fmt)


def results_json(table: Table) -> str:
    """W3C SPARQL 1.1 Query Results JSON, compact, as Oxigraph writes it."""

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    # each distinct term's object written once (found by identity), each row joined
    # from them: a third of json.dumps on the rows
    keys = [text(n) + ":" for n in table.variables]
    written = {id(t): text(_json_term(t)) for t in distinct_terms(table) if t is not None}
    rows = ",".join(
        ["{" + ",".join([k + written[id(t)] for k, t in zip(keys, row) if t is not None]) + "}" for row in table.rows]
    )
    return f'{{"head":{text({"vars": table.variables})},"results":{{"bindings":[{rows}]}}}}'


def _json_term(term: Term) -> dict:
    out = {"type": term.kind, "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = term.datatype
    return out


class _Fields(dict):
    """Each distinct cell text as a CSV or TSV field, written on first sight: a text seen
    before costs the dict's own lookup, no Python call."""

    def __init__(self, delimiter: str) -> None:
        super().__init__()
        self.delimiter = delimiter

    def __missing__(self, text: str) -> str:
        got = self[text] = _csv_field(text, self.delimiter)
        return got


def _delimited(names: list[str], rows: Iterable[Iterable[str]], delimiter: str) -> str:
    """CSV or TSV text: a header, then rows of fields already written (:func:`_csv_field`)."""
    alone = len(names) == 1
    lines = [delimiter.join(_csv_field(n, delimiter) for n in names)]
    # one empty field alone is written "" (as Python's csv module does), or the line would be blank
    lines += [delimiter.join(r) or ('""' if alone else "") for r in rows]
    return "\n".join(lines) + "\n"


def _render(names: list[str], rows: list[list[str]], fmt: str) -> str:
    """Rows of cell texts as CSV, TSV or an aligned table."""
    if fmt in ("csv", "tsv"):
        delimiter = "," if fmt == "csv" else "\t"
        field = _Fields(delimiter).__getitem__  # a column repeats its values: each is written once
        return _delimited(names, (map(field, r) for r in rows), delimiter)
    measured: dict[str, int] = {}  # a column repeats its values: each is measured once

    def width(s: str) -> int:
        got = measured.get(s)
        if got is None:
            got = measured[s] = _width(s)
        return got

    widths = [max([width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]
    pad = lambda s, w: s + " " * (w - width(s))  # noqa: E731
    lines = ["  ".join(pad(n, w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


LIBRARY = Path(__file__).resolve().parents[1] / "queries"  # installed with the package
LISTINGS = LIBRARY / "listings"


def _resolve(path: Path) -> Path:
    if not path.exists() and (LIBRARY / f"{path.stem}.rq").is_file() and path.suffix in ("", ".rq"):
        return LIBRARY / f"{path.stem}.rq"
    return path


def read_query_file(path: Path) -> str:
    """A query file, or a query of the library by its name (``chairs`` or ``queries/chairs.rq``)."""
    path = _resolve(path)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: {exc.strerror or 'cannot be read'}") from None


def query_to_run(path: Path, bindings: Mapping[str, Value], store: QuadStore | None = None) -> str:
    """:func:`read_query_file`, in the form that suits the bindings.

    ``queries/listings/`` holds forms of library queries written for long answers: each
    pattern a sub-SELECT, which the engine joins by hashing whole predicates rather
    than by one index lookup per row. Hashing reads whole predicates whatever the
    answer, so the indexed form stays the choice for a short one. A listing form is
    run when none of the query's parameters is bound or, when its header has a
    ``Probe:`` (a SELECT with a LIMIT, so that it stops early) and ``Chosen above:``
    (a number), when the probe run on ``store`` with the bindings gives more rows.
    Both forms give the same rows in the same order (tests hold them to it)."""
    path = _resolve(path)
    text = read_query_file(path)
    listing = LISTINGS / path.name
    if path.parent.resolve() != LIBRARY.resolve() or not listing.is_file():
        return text
    long_form = listing.read_text(encoding="utf-8")
    probe = _header_field(long_form, "Probe:")
    if probe is None:
        chosen = not any(p.name in bindings for p in describe(path.stem, text).parameters)
    else:
        above = _header_field(long_form, "Chosen above:") or ""
        if not above.isdigit():
            raise QueryError(f"{listing}: its Probe: needs a 'Chosen above:' line with a number")
        chosen = store is not None and _rows_of(store, probe, bindings) > int(above)
    return long_form if chosen else text


def _header(sparql: str) -> list[str]:
    """The comment lines that open a query file, without their ``#``."""
    lines = []
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return lines


def _header_field(sparql: str, name: str) -> str | None:
    return next((line[len(name) :].strip() for line in _header(sparql) if line.startswith(name)), None)


def _rows_of(store: QuadStore, probe: str, bindings: Mapping[str, Value]) -> int:
    used = {m.group("var")[1:] for m in tokens(probe) if m.group("var")}
    bound = {k: v for k, v in bindings.items() if k in used}
    table = getattr(store, "table", None)  # the embedded store's own rows: no rdflib view to build
    return len(_run(table, probe, bound).rows) if table else len(list(run_query(store, probe, bound)))


# --- the library's headers: question, parameters, example, default view -------------
_PARAM = re.compile(r"\?(\w+) \((required|optional)\)\s*([^;]*)")
_FIELDS = ("Parameters:", "Example:", "View:")


@dataclass(frozen=True)
class Parameter:
    name: str
    required: bool
    about: str


@dataclass(frozen=True)
class LibraryQuery:
    """What a query's header comment says about it."""

    name: str
    question: str
    parameters: tuple[Parameter, ...]
    example: str
    view: str  # table, graph or timeline
    text: str = field(default="", repr=False, compare=False)  # the query itself, header included


def describe(name: str, sparql: str) -> LibraryQuery:
    header = _header(sparql)
    sections: dict[str, list[str]] = {"question": []}
    current = "question"
    for line in header:
        head = next((f for f in _FIELDS if line.startswith(f)), None)
        if head:
            current, line = head[:-1].lower(), line[len(head) :].strip()
        sections.setdefault(current, []).append(line)
    params = " ".join(sections.get("parameters", []))
    return LibraryQuery(
        name=name,
        question=" ".join(sections["question"]).strip(),
        parameters=tuple(Parameter(m[1], m[2] == "required", m[3].strip(" .")) for m in _PARAM.finditer(params)),
        example=(sections.get("example") or [""])[0],
        view=(sections.get("view") or ["table"])[0].split()[0] if sections.get("view") else "table",
        text=sparql,
    )


def library() -> list[LibraryQuery]:
    """Every query of the library, by name."""
    return [describe(p.stem, p.read_text(encoding="utf-8")) for p in sorted(LIBRARY.glob("*.rq"))]


def check_bindings(sparql: str, bindings: Mapping[str, Value] | None) -> None:
    """A bound name the query does not use is a typo; a required parameter left unbound
    would list the whole store where the query meant one entity."""
    used = {m.group("var")[1:] for m in tokens(sparql) if m.group("var")}
    bound = dict(bindings or {})
    for name in bound:
        if name not in used:
            shown = ", ".join(f"?{v}" for v in sorted(used)) or "none"
            raise QueryError(f"--bind {name}: the query has no variable ?{name} (its variables: {shown})")
    for p in describe("", sparql).parameters:
        if p.required and p.name not in bound:
            raise QueryError(f"this query needs --bind {p.name}=… ({p.about or 'see its header'})")
