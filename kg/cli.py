"""The ``kg`` command line: thin commands over library functions.

Each command parses its options, calls one library function and turns
:class:`~kg.errors.KGError` into a one-line ``click.ClickException``. Commands
that do not extract (query, export, stats, list, remove, viz, serve, curate list)
never import spaCy; a judgement loads it only when issues must be read again.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import KGError

QUERY_TIMEOUT = 60.0
STORE_HELP = "Store folder, or a SPARQL server's URL (default: $KG_STORE, else ./kg-store)."


def store_option(f):
    return click.option("--store", "store", metavar="DIR|URL", default=None, help=STORE_HELP)(f)


def friendly(f):
    """KGError -> one line on stderr and exit 1, never a traceback."""

    @wraps(f)
    def run(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from None

    return run


@contextmanager
def _opened(store: str | None, must_exist: bool = True, reader: bool = False):
    """The store for one command, closed (and its lock released) however the command ends.
    A ``reader`` reads the last committed state while another command writes."""
    from .store.base import open_store, store_location

    db = open_store(store_location(store), must_exist=must_exist, reader=reader)
    if getattr(db, "note", None):
        click.echo(f"note: {db.note}", err=True)
    try:
        yield db
    finally:
        db.close()


@click.group()
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """district-kg: Chinese district bulletins into a knowledge graph."""


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes that extract  [default: all cores]")
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Load with the bulk loader and derive once (an empty embedded store only)  "
    "[default: when the store is empty and the run has 200 files or more]",
)
@click.option("-v", "--verbose", is_flag=True, help="Also say which encoding each file was read with.")
@friendly
def import_cmd(paths: tuple[Path, ...], store: str | None, jobs: int | None, bulk: bool | None, verbose: bool) -> None:
    """Import bulletins: files or folders (.txt .md .docx .pdf .html); re-importing replaces an issue."""
    from tqdm import tqdm

    from .errors import InputError
    from .importer import ImportReport, default_jobs, import_files, nothing_found, summary
    from .ingest.reading import iter_sources, read_source

    files = iter_sources(list(paths))
    if not files:  # refused before any store is opened or made
        click.echo(nothing_found(list(paths)).line(), err=True)
        sys.exit(1)
    if not any(f.exists() for f in files):  # nothing there to read: no store is made for it either
        for f in files:
            try:
                read_source(f)
            except InputError as exc:
                click.echo(ImportReport(f, error=str(exc)).line(), err=True)
        sys.exit(1)
    n = len(files)
    # on a terminal a bar with rate and ETA; in a pipe or a log, only the lines
    with (
        _opened(store, must_exist=False) as db,
        tqdm(
            total=n,
            unit="issue",
            file=sys.stderr,
            disable=n < 2 or not sys.stderr.isatty(),
            dynamic_ncols=True,
            leave=False,
        ) as bar,
    ):

        def report(r) -> None:
            bar.update(1)
            if not r.ok:
                bar.write(r.line(), file=sys.stderr)
                return
            bar.write(r.line() + (f" [{r.encoding}]" if verbose else ""), file=sys.stdout)
            sys.stdout.flush()  # a line in a log means the issue is committed
            if r.warning:
                bar.write(f"warning: {r.warning}", file=sys.stderr)
            if r.encoding.startswith("mixed"):
                bar.write(f"warning: {r.path}: mixed encodings, read line by line ({r.encoding})", file=sys.stderr)

        reports = import_files(files, db, progress=report, jobs=jobs or default_jobs(), bulk=bulk)
    if n > 1:
        click.echo(summary(reports), err=True)
    if any(not r.ok for r in reports):
        sys.exit(1)


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sparql", help="The query text instead of a file.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "turtle", "nt", "jsonld"]),
    default="table",
    show_default=True,
    help="SELECT and ASK: table, csv, tsv, json (SPARQL results JSON); CONSTRUCT and DESCRIBE: turtle, nt, jsonld",
)
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a variable (initBindings): <iri>, 42, 2020-06-16 or text. Repeatable.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=QUERY_TIMEOUT,
    show_default=True,
    help="Seconds a query may run.",
)
@store_option
@friendly
def query(
    file: Path | None, sparql: str | None, fmt: str, binds: tuple[str, ...], timeout: float, store: str | None
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over every imported issue."""
    from .analysis.query import answer, parse_binding, query_to_run
    from .errors import QueryTimeout

    if bool(file) == bool(sparql):
        raise click.UsageError("give a query FILE or --sparql, not both or neither")
    bindings = dict(parse_binding(b) for b in binds)
    with _opened(store, reader=True) as db:
        text = query_to_run(file, bindings, db) if file else sparql
        try:
            out = answer(db, text, bindings, fmt, timeout)
        except QueryTimeout as exc:
            # the engine is still running the query in its thread: leave without closing
            # the store under it (nothing was written; the lock goes with the process)
            click.echo(f"Error: {exc}", err=True)
            sys.stderr.flush()
            os._exit(1)
    click.echo(out, nl=False)


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="The address to listen on (this machine only by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a query may run before the client gets 503.",
)
@store_option
@friendly
def serve(host: str, port: int, timeout: float, store: str | None) -> None:
    """Serve the store: the workbench pages (query, entities, issues, explorer, tenure) and a
    read-only SPARQL 1.1 Protocol endpoint at /sparql."""
    from .store.base import store_location
    from .web.app import serve as run

    with _opened(store, reader=True):
        pass  # a missing or unreadable store is one line here, not a 500 on every request
    click.echo(
        f"serving {store_location(store)}: pages at http://{host}:{port}/query, SPARQL at /sparql (Ctrl-C stops)",
        err=True,
    )
    run(store_location(store), host, port, timeout)


@cli.command()
@friendly
def queries() -> None:
    """List the query library: each query's name, question and parameters."""
    from .analysis.query import library

    for q in library():
        params = ", ".join(f"{p.name}{'' if p.required else '?'}" for p in q.parameters)
        click.echo(f"{q.name}{f' [{params}]' if params else ''} ({q.view})")
        click.echo(f"    {q.question}")
        if q.example:
            click.echo(f"    e.g. {q.example}")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "jsonld", "gexf"]),
    default="trig",
    show_default=True,
)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
@store_option
@friendly
def export(fmt: str, output: Path, store: str | None) -> None:
    """Write the store as RDF (named graphs kept in trig/nquads/jsonld) or GEXF for Gephi."""
    from .analysis.export import export as do_export

    with _opened(store, reader=True) as db:
        n = do_export(db, fmt, output)
    click.echo(f"wrote {output} ({n} {'nodes' if fmt == 'gexf' else 'quads'})")


@cli.command()
@click.option(
    "--output", "-o", default="graph.html", show_default=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "--types",
    default="Person,Organization,Event,Initiative,Project",
    show_default=True,
    help="Kinds of node to carry, comma-separated.",
)
@click.option("--ego", help="Carry only the neighbourhood of the node with this label (a name), and open on it.")
@click.option("--depth", default=1, show_default=True, help="Neighbourhood radius for --ego.")
@store_option
@friendly
def viz(output: Path, types: str, ego: str | None, depth: int, store: str | None) -> None:
    """Write the graph explorer as one file that opens offline (search, expand, details)."""
    from .analysis.explore import whole_graph
    from .analysis.viz import TYPES, select
    from .web.offline import write_page

    chosen = tuple(t.strip() for t in types.split(",") if t.strip())
    unknown = [t for t in chosen if t not in TYPES]
    if unknown:
        raise click.BadParameter(f"unknown type {unknown[0]!r}; choose from {', '.join(TYPES)}", param_hint="--types")
    with _opened(store, reader=True) as db:
        graph, start = select(whole_graph(db), chosen, ego, depth)
    write_page(graph, output, title=f"district-kg · {ego}" if ego else "district-kg", start=start)
    click.echo(f"wrote {output} ({len(graph['nodes'])} nodes, {len(graph['edges']) + len(graph['met'])} links)")


@cli.command()
@store_option
@friendly
def stats(store: str | None) -> None:
    """Counts of issues, quads and facts in the store."""
    from .analysis.catalog import store_stats

    with _opened(store, reader=True) as db:
        for name, value in store_stats(db).items():
            click.echo(f"{name:16} {value}")


@cli.command("list")
@store_option
@friendly
def list_cmd(store: str | None) -> None:
    """The imported issues, one line each (the key is what `kg remove` takes)."""
    from .analysis.catalog import list_issues

    with _opened(store, reader=True) as db:
        rows = list_issues(db)
    for r in rows:
        click.echo(f"{r['key']}\t{r['date'] or '-'}\t{r['file']}\t{r['triples']} triples")
    if not rows:
        click.echo("no issues imported", err=True)


@cli.command()
@click.argument("issue")
@store_option
@friendly
def remove(issue: str, store: str | None) -> None:
    """Remove one issue (its key from `kg list`, or its file name) and exactly its facts."""
    from .analysis.catalog import remove_issue

    with _opened(store) as db:  # never create a store just to remove from it
        key = remove_issue(db, issue)
    click.echo(f"removed {key}")


@cli.command()
@click.argument("issues", nargs=-1)
@store_option
@friendly
def validate(issues: tuple[str, ...], store: str | None) -> None:
    """Check the store's graphs (or only the ISSUES given by key) against ontology/shapes.ttl."""
    from .analysis.validate import validate_store

    with _opened(store, reader=True) as db:
        n, violations = validate_store(db, issues)
    for v in violations:
        click.echo(f"{v.graph}: {v.focus}: {v.message}")
    if violations:
        raise click.ClickException(f"{len(violations)} violation(s) in {n} graph(s)")
    click.echo(f"{n} graph(s) conform to the shapes")


@cli.group()
def curate() -> None:
    """Record judgements that correct the graph: same, different, reject, prefer, alias.

    Entities are named by their IRI or the path after /id/ (person/上街区/耿勇军), as
    their pages and `kg query` show them. Judgements live in the store's curation graph
    with who and when, apply to every issue imported later, survive re-import and
    removal, and are exported with the rest; `kg curate undo N` takes one back.
    """


def _judged(verdict: str, **fixed):
    """One `kg curate VERDICT` command: record the judgement, re-read its issues."""

    def run(store: str | None, by: str | None, note: str, about: str | None, jobs: int | None, **args) -> None:
        from .curate import make

        with _opened(store) as db:
            done = make(db, verdict, **args, **fixed, note=note, by=by, about=about, jobs=jobs)
        _curated(done)

    return run


def _curated(done) -> None:
    from .curate import describe

    for r in done.failed:
        click.echo(r.line(), err=True)
    click.echo(describe(done.judgement))
    click.echo(f"{len(done.reports)} issue(s) written again", err=True)
    if done.failed:
        sys.exit(1)


def _curate_options(f):
    f = click.option("--by", help="Who decides  [default: $KG_CURATOR, else the login name]")(f)
    f = click.option("--note", default="", help="Why: the evidence, a source.")(f)
    f = click.option("--about", help="The entity whose fact this judges (its page lists the judgement).")(f)
    f = click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes that re-read issues.")(f)
    return friendly(store_option(f))


for _verdict, _args, _help in [
    ("same", ("judged", "other"), "JUDGED and OTHER are one entity; OTHER's facts become JUDGED's."),
    ("different", ("judged", "other"), "JUDGED and OTHER are different entities: never merged or proposed."),
    ("reject", ("judged",), "JUDGED is an extraction error: it and every statement naming it go."),
    ("prefer", ("judged", "label"), "LABEL is JUDGED's preferred label (its only skos:prefLabel)."),
    ("alias", ("judged", "label"), "LABEL is another name of JUDGED (skos:altLabel)."),
]:
    _cmd = _curate_options(_judged(_verdict))
    for _name in reversed(_args):
        _cmd = click.argument(_name)(_cmd)
    curate.command(_verdict, help=_help)(_cmd)


@curate.command("undo")
@click.argument("number", type=int)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes that re-read issues.")
@store_option
@friendly
def curate_undo(number: int, store: str | None, jobs: int | None) -> None:
    """Undo judgement NUMBER (from `kg curate list`); it stays on record, marked undone."""
    from .curate import undo

    with _opened(store) as db:
        done = undo(db, number, jobs=jobs)
    _curated(done)


@curate.command("list")
@click.option("--all", "everything", is_flag=True, help="Undone judgements too.")
@store_option
@friendly
def curate_list(everything: bool, store: str | None) -> None:
    """The judgements, oldest first: number, verdict, what, who and when."""
    from .curate import describe, listing

    with _opened(store, reader=True) as db:
        found = listing(db, everything)
    for j in found:
        click.echo(describe(j))
    if not found:
        click.echo("no judgements recorded", err=True)


@curate.command("refresh")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes that re-read issues.")
@store_option
@friendly
def curate_refresh(store: str | None, jobs: int | None) -> None:
    """Write again every issue a judgement concerns (after an interrupted `kg curate`)."""
    from .curate import refresh

    with _opened(store) as db:
        reports = refresh(db, jobs=jobs)
    for r in reports:
        if not r.ok:
            click.echo(r.line(), err=True)
    click.echo(f"{len(reports)} issue(s) written again", err=True)
    if any(not r.ok for r in reports):
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def extract(file: Path, fmt: str) -> None:
    """Show the facts one file would add, with their evidence; the store is not touched."""
    from .extract_view import facts_json, facts_table
    from .ingest.parse import parse_file
    from .nlp.facts import extract as run_extract
    from .nlp.pipeline import build_pipeline

    issue = parse_file(file)
    facts = run_extract(issue, build_pipeline())
    if fmt == "json":
        click.echo(json.dumps(facts_json(issue, facts), ensure_ascii=False, indent=2))
    else:
        click.echo(facts_table(issue, facts), nl=False)


def main() -> None:  # pragma: no cover - console entry point
    cli()
