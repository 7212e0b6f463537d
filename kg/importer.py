"""Import files into the store: parse -> nlp -> facts -> graph -> store.

Each file is one transaction. A file that fails is reported and leaves the
store as it was; the other files of the run still land.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph
from rdflib.namespace import FOAF

from .errors import InputError, KGError
from .facts import extract
from .graph import build_graph
from .iris import graph_iri
from .parse import parse_file
from .reading import iter_sources
from .store import QuadStore
from .types import Facts, Issue


@dataclass
class ImportReport:
    path: Path
    issue: Issue | None = None
    facts: Facts | None = None
    triples: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        if not self.ok:
            return f"error: {self.error}"
        i, f = self.issue, self.facts
        assert i is not None and f is not None
        head = f"{i.series} 第{i.number}期" if i.kind == "bulletin" else (i.title or i.path.stem)[:30]
        date = i.date.isoformat() if i.date else "no date"
        return (f"{i.path.name}: {head}, {date}: {len({p.name for p in f.persons})} persons, "
                f"{len({o.name for o in f.organizations})} organizations, {len(f.events)} events, "
                f"{self.triples} triples")


def known_names(store: QuadStore) -> set[str]:
    """Persons already in the store: a cross-issue gazetteer for bare names."""
    q = f"SELECT DISTINCT ?n WHERE {{ ?p a <{FOAF.Person}> ; <{FOAF.name}> ?n }}"
    return {str(r[0]) for r in store.query(q)}


def graph_for(path: Path, nlp) -> tuple[Issue, Facts, Graph]:
    issue = parse_file(path)
    facts = extract(issue, nlp)
    return issue, facts, build_graph(issue, facts)


def import_paths(paths: Iterable[Path], store: QuadStore,
                 progress: Callable[[ImportReport], None] | None = None) -> list[ImportReport]:
    """Import every file under ``paths``; never raises for one bad file."""
    from .nlp.pipeline import build_pipeline  # spaCy is only loaded by commands that extract

    files = iter_sources(list(paths))
    nlp = build_pipeline(known_names(store))
    reports = []
    for path in files:
        report = ImportReport(path)
        try:
            issue, facts, graph = graph_for(path, nlp)
            store.replace_graph(graph_iri(issue.key), graph)
            nlp.get_pipe("dkg_persons").add_known({str(o) for o in graph.objects(None, FOAF.name)})
            report.issue, report.facts, report.triples = issue, facts, len(graph)
        except InputError as exc:
            report.error = str(exc)
        except KGError as exc:
            report.error = f"{path}: {exc}"
        except Exception as exc:  # a bug must not cost the other files of the run
            report.error = f"{path}: internal error while importing ({type(exc).__name__}: {exc})"
        reports.append(report)
        if progress:
            progress(report)
    if not files:
        reports.append(ImportReport(Path(" ".join(str(p) for p in paths)),
                                    error=f"{' '.join(str(p) for p in paths)}: no supported file found (.txt .md .docx .pdf .html .htm)"))
    return reports
