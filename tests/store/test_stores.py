"""Every store keeps its derived parts (default graph, tenure) exact under any history.

Each test runs against the embedded store and against an Oxigraph server.

Issues are the user's sample and our invented bulletin, re-dated to make more
issues (invented variants): tenure spans then run over several sightings.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal

from kg.analysis.query import read_query_file, run_query
from kg.graph.build import build_graph
from kg.graph.iris import graph_iri
from kg.ingest.parse import parse_file
from kg.nlp.facts import extract
from kg.store.base import open_store

QUERIES = Path(__file__).resolve().parents[2] / "queries"
TENURE = read_query_file(QUERIES / "tenure.rq")
PERSON_TITLES = read_query_file(QUERIES / "person-titles.rq")
NEW_FACES = read_query_file(QUERIES / "new-faces.rq")


def _variant(source: Path, tmp: Path, number: int, year: int) -> Path:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"第\s*\d+\s*期", f"第 {number} 期", text, count=1)
    text = re.sub(r"\d{4}\s*年", f"{year} 年", text, count=1)
    out = tmp / f"{source.stem}-{number}.txt"
    out.write_text(text, encoding="utf-8")
    return out


def _five(tmp: Path) -> list[Path]:
    """The sample and the invented bulletin, and three re-dated variants of them."""
    from tests.conftest import INVENTED, SAMPLE

    return [
        SAMPLE,
        INVENTED,
        _variant(SAMPLE, tmp, 47, 2021),
        _variant(INVENTED, tmp, 9, 2019),
        _variant(SAMPLE, tmp, 48, 2022),
    ]


@pytest.fixture(scope="module")
def issues(nlp, tmp_path_factory):
    paths = _five(tmp_path_factory.mktemp("variants"))
    out = []
    for p in paths:
        issue = parse_file(p)
        out.append((graph_iri(issue.key), build_graph(issue, extract(issue, nlp))))
    return out


EVERYTHING = "SELECT ?s ?p ?o ?g WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"


def _n3(term) -> str:
    if term is None:
        return ""  # the default graph
    if isinstance(term, Literal) and str(term.datatype) == "http://www.w3.org/2001/XMLSchema#string":
        term = Literal(str(term))  # one engine writes xsd:string, the other leaves it implied
    return term.n3()


def _everything(store) -> set:
    """Every quad, the derived default graph included."""
    return {tuple(map(_n3, row)) for row in store.query(EVERYTHING)}


def test_any_history_ends_in_the_same_store(issues, new_store):
    a = new_store("a")
    for name, graph in issues:  # all in order, one replaced, one removed
        a.replace_graph(name, graph)
    a.replace_graph(issues[1][0], issues[1][1])
    a.remove_graph(issues[2][0])
    b = new_store("b")
    for name, graph in reversed([i for k, i in enumerate(issues) if k != 2]):
        b.replace_graph(name, graph)
    assert _everything(a) == _everything(b)
    spans = {tuple(map(str, r))[:4] for r in run_query(a, TENURE)}
    assert ("宋洁", "区委书记", "2020-06-10", "2022-06-10") in spans  # 2021 removed: the span still runs 2020 to 2022
    # title usages and person sightings follow the same history
    titles = [tuple(map(str, r)) for r in run_query(a, PERSON_TITLES, {"name": Literal("宋洁")})]
    assert [t[:6] for t in titles] == [("宋洁", "上街区", "区委书记", "2020-06-10", "2022-06-10", "2")]
    assert titles[0][6].startswith("2020-06-10 上街信息/2020/46: 6月10日，区委书记宋洁主持召开")
    new = {
        tuple(map(str, r))
        for r in run_query(a, NEW_FACES, {"from": Literal(date(2020, 1, 1)), "to": Literal(date(2020, 12, 31))})
    }
    assert ("宋洁", "2020-06-10", "区委书记") in new
    assert not [n for n in new if n[0] == "欧阳明"]  # 示例区's secretary was first seen in 2019


def test_every_listing_form_answers_as_its_indexed_form(issues, new_store):
    """queries/listings/ (sub-SELECTs joined by hashing) gives the rows of the indexed
    form in its order on every backend: Python orders them on the embedded store, the
    server's engine on a server."""
    from kg.analysis.query import LISTINGS, answer, describe, parse_binding

    store = new_store("s")
    for name, graph in issues:
        store.replace_graph(name, graph)
    for listing in sorted(LISTINGS.glob("*.rq")):
        text = (QUERIES / listing.name).read_text(encoding="utf-8")
        example = describe(listing.stem, text).example.split()
        bound = dict(parse_binding(a) for i, a in enumerate(example) if i and example[i - 1] == "--bind")
        indexed = answer(store, text, bound, "csv", None)
        assert indexed.count("\n") > 1, listing.stem
        assert answer(store, listing.read_text(encoding="utf-8"), bound, "csv", None) == indexed, listing.stem


def test_removing_every_issue_leaves_nothing(issues, new_store):
    store = new_store("s")
    for name, graph in issues:
        store.replace_graph(name, graph)
    assert len(store.graph_names()) == len(issues) + 1  # and the derived tenure
    for name, _ in issues:
        assert store.remove_graph(name)
    assert not store.remove_graph(issues[0][0])
    assert _everything(store) == set()


def test_the_number_of_workers_changes_nothing(tmp_path, monkeypatch, new_store):
    from kg import importer
    from tests.conftest import INVENTED, SAMPLE

    files = [SAMPLE, INVENTED, _variant(SAMPLE, tmp_path, 47, 2021), _variant(INVENTED, tmp_path, 9, 2019)]
    monkeypatch.setattr(importer, "FILES_PER_WORKER", 1)  # a pool even for four files
    quads = []
    for jobs in (1, 2):
        store = new_store(f"jobs-{jobs}")
        reports = importer.import_paths(files, store, jobs=jobs)
        assert [r.path for r in reports] == files and all(r.ok for r in reports)
        quads.append(_everything(store))
    assert quads[0] == quads[1]


def test_a_bulk_load_ends_in_the_same_store(tmp_path):
    from kg import importer

    files = _five(tmp_path)
    files.append(files[0])  # the sample twice: the later copy wins, as one by one
    quads = []
    for bulk in (False, True):
        store = open_store(tmp_path / f"bulk-{bulk}")
        try:
            reports = importer.import_paths(files, store, bulk=bulk)
            assert all(r.ok for r in reports) and len(reports) == len(files)
            quads.append(_everything(store))
        finally:
            store.close()
    assert quads[0] == quads[1]


def test_bulk_needs_an_empty_embedded_store(tmp_path):
    from kg import importer
    from kg.errors import KGError
    from tests.conftest import SAMPLE

    store = open_store(tmp_path / "s")
    try:
        importer.import_paths([SAMPLE], store)
        with pytest.raises(KGError, match="empty"):
            importer.import_paths([SAMPLE], store, bulk=True)
    finally:
        store.close()


def test_readers_read_the_last_commit_while_a_writer_holds_the_store(issues, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "s"
    writer = open_store(path)
    try:
        writer.replace_graph(*issues[0])
        writer.checkpoint()  # committed: readers see this
        writer.replace_graph(*issues[1])  # not yet checkpointed: readers do not
        # a checkpoint being written (RocksDB names it <name>.tmp until done) is never read
        (path / "kg-snapshots" / "99999999999999999999.tmp").mkdir()
        run = [sys.executable, "-m", "kg"]
        listed = subprocess.run(run + ["list", "--store", str(path)], capture_output=True, text=True, timeout=60)
        assert listed.returncode == 0, listed.stderr
        assert "上街信息/2020/46" in listed.stdout and "示例信息" not in listed.stdout
        assert "another kg command is writing" in listed.stderr
        removed = subprocess.run(
            run + ["remove", "上街信息/2020/46", "--store", str(path)], capture_output=True, text=True, timeout=60
        )
        assert removed.returncode == 1 and "in use by another kg command" in removed.stderr
    finally:
        writer.close()
    after = subprocess.run([sys.executable, "-m", "kg", "list", "--store", str(path)], capture_output=True, text=True)
    assert "示例信息/2021/3" in after.stdout and "note:" not in after.stderr


def test_a_store_derived_before_title_usages_and_person_sightings_is_derived_again(issues, tmp_path):
    from kg.graph.vocab import DKG
    from kg.store.derived import TENURE_GRAPH

    store = open_store(tmp_path / "s")
    for name, graph in issues:
        store.replace_graph(name, graph)
    current = _everything(store)
    # a store from before: holdings without their first sighting, no usages, no sightings
    T = f"<{TENURE_GRAPH}>"
    store._update(
        f"DELETE {{ GRAPH {T} {{ ?u ?x ?y }} ?u ?x ?y }} WHERE {{ GRAPH {T} {{ ?u a <{DKG.TitleUsage}> ; ?x ?y }} }} ; "
        f"DELETE {{ GRAPH {T} {{ ?p ?x ?y }} ?p ?x ?y }} WHERE {{ GRAPH {T} {{ ?p ?x ?y }} "
        f"FILTER(?x IN (<{DKG.firstSeen}>, <{DKG.lastSeen}>)) FILTER NOT EXISTS {{ GRAPH {T} {{ ?p a ?type }} }} }} ; "
        f"DELETE WHERE {{ GRAPH {T} {{ ?h <{DKG.firstSighting}> ?a }} }} ; "
        f"DELETE WHERE {{ ?h <{DKG.firstSighting}> ?a }}"
    )
    assert _everything(store) != current
    store.close()
    store = open_store(tmp_path / "s")
    try:
        assert _everything(store) == current
    finally:
        store.close()


def test_an_issue_names_the_keys_of_the_summaries_it_touches(issues):
    from kg.graph.vocab import DATA
    from kg.store.derived import keys_of

    keys = keys_of(issues[0][1])
    song = DATA["person/上街区/宋洁"]
    assert (song, Literal("区委书记")) in keys.titles and song in keys.persons
    assert any(p == song and "书记" in str(post) for p, post in keys.pairs)
    attendees_only = {p for p in keys.persons if p not in {t[0] for t in keys.titles}}
    assert attendees_only <= keys.persons  # a person seen only at an event still has a first day
    assert not keys_of([])


def test_a_large_run_ends_by_compacting_the_store_and_a_small_one_does_not(tmp_path, monkeypatch):
    import time

    from kg import importer

    files = _five(tmp_path)
    monkeypatch.setattr(importer, "CHECKPOINT_EVERY", 1)  # a snapshot for readers after each issue
    quads = []
    for limit in (3, 10**9):  # the same two runs, compacted after the second, and never
        monkeypatch.setattr(importer, "COMPACT_AFTER", limit)
        folder = tmp_path / f"s{limit}"
        store = open_store(folder)
        try:
            compactions, compact = [], store.compact
            monkeypatch.setattr(store, "compact", lambda c=compactions, f=compact: (c.append(time.time_ns()), f()))
            assert all(r.ok for r in importer.import_paths(files[:2], store, bulk=False))
            assert compactions == []
            assert all(r.ok for r in importer.import_paths(files[2:], store, bulk=False))
            assert len(compactions) == (1 if limit == 3 else 0)
            quads.append(_everything(store))
        finally:
            store.close()
        snapshots = [int(p.name) for p in (folder / "kg-snapshots").iterdir()]
        if compactions:  # the snapshots made before hold the files compaction merged away: gone
            assert snapshots and min(snapshots) > compactions[0]
        else:
            assert len(snapshots) == 3  # the newest few, as every checkpoint leaves them
    assert quads[0] == quads[1]  # nothing lost


def test_opening_the_store_keeps_only_the_newest_rocksdb_info_logs(tmp_path):
    from kg.store.oxigraph import KEEP_INFO_LOGS

    folder = tmp_path / "s"
    open_store(folder).close()
    made = [folder / f"LOG.old.{1000000000000000 + i}" for i in range(20)]  # older than any real one
    for log in made:
        log.write_text("options\n")
    open_store(folder).close()
    left = sorted(folder.glob("LOG.old.*"))
    assert len(left) == KEEP_INFO_LOGS
    assert not set(made) & set(left[-1:])  # the newest is RocksDB's own, of this open


def test_the_form_of_a_library_query_is_chosen_alike_on_every_backend(issues, new_store):
    """organization-events' probe runs on the store the query will run on: the sample's
    区委 has a few post holdings, so every backend keeps the indexed form."""
    from kg.analysis.query import LISTINGS, _header_field, _rows_of, query_to_run

    store = new_store("s")
    for name, graph in issues:
        store.replace_graph(name, graph)
    probe = _header_field((LISTINGS / "organization-events.rq").read_text(encoding="utf-8"), "Probe:")
    org = {"org": Literal("区委")}
    assert 0 < _rows_of(store, probe, org) <= 1000
    assert query_to_run(Path("organization-events"), org, store) == (QUERIES / "organization-events.rq").read_text(
        encoding="utf-8"
    )
    assert query_to_run(Path("statements"), {}, store) == (LISTINGS / "statements.rq").read_text(encoding="utf-8")
