"""Every command driven through click's CliRunner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.store import updates
from kg.store.base import open_store

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def quads(store: Path) -> set[str]:
    db = open_store(store, must_exist=True)
    try:
        return {str(q) for q in db.quads()}
    finally:
        db.close()


def kg(runner, *args, store=None):
    argv = list(map(str, args)) + (["--store", str(store)] if store else [])
    return runner.invoke(cli, argv, catch_exceptions=False)


def rows(output: str) -> list[dict[str, str]]:
    """The rows of a W3C SPARQL results JSON document, as plain strings."""
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(output)["results"]["bindings"]]


def test_import_prints_one_line_per_issue(runner, store, sample):
    r = kg(runner, "import", sample, store=store)
    assert r.exit_code == 0, r.output
    assert re.search(r"上街信息 第46期, 2020-06-16: 12 persons, \d+ organizations, 5 events, \d+ triples", r.output)


def test_reimport_gives_an_identical_quad_set(runner, store, sample):
    kg(runner, "import", sample, store=store)
    first = quads(store)
    kg(runner, "import", sample, store=store)
    assert quads(store) == first and len(first) > 300


def test_failure_mid_import_leaves_the_store_unchanged(runner, store, sample, invented, monkeypatch, tmp_path):
    kg(runner, "import", sample, store=store)
    edited = tmp_path / sample.name  # the same issue, corrected: its re-import must write
    edited.write_text(sample.read_text(encoding="utf-8").replace("区委书记宋洁", "区委书记 宋洁"), encoding="utf-8")
    sample_graph = "graph/issue/上街信息/2020/46>"
    before = {q for q in quads(store) if q.endswith(sample_graph)}
    original, calls = updates.nt, []

    def broken_term(term):  # the 150th term written is garbage: the write fails half-way
        calls.append(term)
        return "?? broken term ??" if len(calls) == 150 else original(term)

    monkeypatch.setattr(updates, "nt", broken_term)
    r = runner.invoke(cli, ["import", str(edited), str(invented), "--store", str(store)])
    assert r.exit_code == 1 and "上街信息" not in r.stdout and "示例信息/2021/3" not in r.stderr
    monkeypatch.undo()
    after = quads(store)
    # the failed file's old version is still whole; the other file of the run landed
    assert {q for q in after if q.endswith(sample_graph)} == before
    assert any(q.endswith("graph/issue/示例信息/2021/3>") for q in after)


def test_bad_files_fail_alone(runner, store, sample, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\xff\xfe")
    prose = tmp_path / "prose.txt"
    prose.write_text("just some english words, nothing else here at all", encoding="utf-8")
    r = runner.invoke(
        cli,
        [
            "import",
            str(empty),
            str(sample),
            str(tmp_path / "missing.txt"),
            str(binary),
            str(prose),
            "--store",
            str(store),
        ],
    )
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4 and "Traceback" not in r.output
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "上街信息 第46期" in r.stdout
    assert "上街信息/2020/46" in kg(runner, "list", store=store).output


def test_export_parses_back_to_the_same_graph(runner, store, sample, tmp_path):
    kg(runner, "import", sample, store=store)
    out = tmp_path / "out.nq"
    assert kg(runner, "export", "--format", "nquads", "--output", out, store=store).exit_code == 0
    ds = Dataset()
    ds.parse(out, format="nquads")
    db = open_store(store, must_exist=True)
    original = db.to_dataset()
    db.close()
    names = {g.identifier for g in ds.graphs()} - {ds.default_graph.identifier}
    assert names == {g.identifier for g in original.graphs()} - {original.default_graph.identifier}
    for name in names:
        assert isomorphic(ds.graph(name), original.graph(name))
    for fmt in ("trig", "turtle", "jsonld", "gexf"):
        target = tmp_path / f"out.{fmt}"
        r = kg(runner, "export", "--format", fmt, "--output", target, store=store)
        assert r.exit_code == 0 and target.stat().st_size > 1000


def test_query_formats_bindings_ask_and_construct(runner, store, sample):
    kg(runner, "import", sample, store=store)
    r = kg(runner, "query", QUERIES / "chairs.rq", "--format", "json", store=store)
    (row,) = rows(r.output)
    assert (row["date"], row["meeting"], row["name"], row["issue"]) == (
        "2020-06-10",
        "高品质城市建设工作推进会",
        "宋洁",
        "上街信息/2020/46",
    )
    assert row["evidence"].startswith("6月10日，区委书记宋洁主持召开")
    r = kg(runner, "query", QUERIES / "person-titles.rq", "--bind", "name=耿勇军", "--format", "csv", store=store)
    assert "耿勇军,上街区,区委副书记" in r.output and "宋洁" not in r.output
    r = kg(runner, "query", "--sparql", "ASK { ?i dkg:issueKey ?key }", "--bind", "key=上街信息/2020/46", store=store)
    assert r.output.strip() == "true"
    r = kg(runner, "query", "--sparql", "ASK { ?i dkg:issueKey ?key }", "--bind", "key=上街信息/2020/47", store=store)
    assert r.output.strip() == "false"
    r = kg(runner, "query", QUERIES / "person-network.rq", "--bind", "name=宋洁", store=store)
    assert r.output.count("performerIn") == 1
    r = kg(runner, "query", QUERIES / "reporting-units.rq", "--format", "tsv", store=store)
    assert r.output.splitlines()[0] == "unit\tdate\tissue\theadline" and "区侨联" in r.output


def test_query_errors_are_one_line(runner, store, sample):
    kg(runner, "import", sample, store=store)
    r = runner.invoke(cli, ["query", "--sparql", "SELEC nothing", "--store", str(store)])
    assert r.exit_code == 1 and r.output.startswith("Error: SPARQL error") and "Traceback" not in r.output
    r = runner.invoke(cli, ["query", "--sparql", "ASK {}", "--bind", "novalue", "--store", str(store)])
    assert r.exit_code == 1 and "expected name=value" in r.output
    r = runner.invoke(cli, ["query", "--sparql", "ASK {}", "--store", str(store / "nope")])
    assert r.exit_code == 1 and "no store here" in r.output


def test_viz_page_works_offline(runner, store, sample, tmp_path):
    kg(runner, "import", sample, store=store)
    page = tmp_path / "graph.html"
    r = kg(runner, "viz", "--output", page, store=store)
    assert r.exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "new vis.Network" in html and "宋洁" in html and 'id="kg-data"' in html
    # nothing is loaded from the network: no src/href/url()/@import to an external address
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", html)
    r = kg(runner, "viz", "--output", tmp_path / "ego.html", "--ego", "宋洁", "--types", "Person,Event", store=store)
    assert r.exit_code == 0 and "nodes" in r.output
    r = runner.invoke(cli, ["viz", "--output", str(tmp_path / "x.html"), "--ego", "无此人", "--store", str(store)])
    assert r.exit_code == 1 and "no node labelled" in r.output


def test_stats_list_remove(runner, store, sample, invented):
    kg(runner, "import", sample, invented, store=store)
    stats = kg(runner, "stats", store=store).output
    assert re.search(r"issues\s+2", stats) and re.search(r"persons\s+\d+", stats)
    listing = kg(runner, "list", store=store).output
    assert "上街信息/2020/46" in listing and "示例信息/2021/3" in listing
    before = quads(store)
    assert kg(runner, "remove", "示例信息/2021/3", store=store).exit_code == 0
    after = quads(store)
    assert after < before and all("示例信息" not in q for q in after)
    assert re.search(r"issues\s+1\n", kg(runner, "stats", store=store).output)  # counted by key, as listed
    r = runner.invoke(cli, ["remove", "nope", "--store", str(store)])
    assert r.exit_code == 1 and "no such issue" in r.output


def test_extract_shows_facts_without_touching_a_store(runner, sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = kg(runner, "extract", sample, "--format", "json")
    data = json.loads(r.output)
    assert {p["name"] for p in data["persons"]} >= {"宋洁", "房玉雯"}
    assert data["events"][0]["evidence"]["sentence"].startswith("6月10日")
    assert not (tmp_path / "kg-store").exists()
    assert "event" in kg(runner, "extract", sample).output


def test_store_option_env_and_default(runner, sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    kg(runner, "import", sample)
    assert (tmp_path / "env-store").is_dir()
    monkeypatch.delenv("KG_STORE")
    kg(runner, "import", sample)
    assert (tmp_path / "kg-store").is_dir()


@pytest.mark.parametrize(
    "command",
    [
        ["query", "--sparql", "ASK {}"],
        ["stats"],
        ["list"],
        ["export", "--format", "nquads", "-o", "x.nq"],
        ["viz", "-o", "x.html"],
        ["validate"],
        ["curate", "list"],
        ["curate", "different", "person/上街区/耿勇军", "person/上街区/宋洁"],  # touches no issue: reads none
    ],
)
def test_commands_that_do_not_extract_do_not_import_spacy(command, store, sample, runner, tmp_path):
    kg(runner, "import", sample, store=store)
    _run_without(command, "spacy", store, tmp_path)


@pytest.mark.parametrize(
    "command",
    [
        ["query", "--sparql", "ASK {}"],
        ["query", "--sparql", "SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n", "--format", "json"],
        ["query", "organization-events", "--bind", "org=区委", "--format", "csv"],
        ["query", "person-titles", "--bind", "name=耿勇军"],
        ["query", "events", "--bind", "from=2020-06-01", "--bind", "to=2020-06-30", "--format", "tsv"],
    ],
)
def test_a_select_on_the_embedded_store_does_not_import_rdflib(command, store, sample, runner, tmp_path):
    # rdflib costs 60 ms to import: a third of a short query's time, a tenth of a listing's
    kg(runner, "import", sample, store=store)
    assert _run_without(command, "rdflib", store, tmp_path).strip()


def _run_without(command: list[str], module: str, store, cwd) -> str:
    """``kg COMMAND`` in a fresh interpreter, which must succeed without importing ``module``."""
    code = (
        "import sys; from kg.cli import cli\n"
        "try:\n    cli(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        f"assert {module!r} not in sys.modules, '{module} was imported'"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *command, "--store", str(store)], cwd=cwd, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_names_learnt_in_one_issue_are_known_in_the_next(runner, store, tmp_path):
    first = tmp_path / "invented-1.txt"  # invented issues
    first.write_text(
        "示例信息\n\n第1期\n\n中共示例区委办公室\n\n2021年3月1日\n\n"
        "**示例区召开推进会** 2月26日，区委书记宋小洁主持召开推进会。",
        encoding="utf-8",
    )
    second = tmp_path / "invented-2.txt"
    second.write_text(
        "示例信息\n\n第2期\n\n中共示例区委办公室\n\n2021年3月8日\n\n"
        "**示例区召开调度会** 3月5日，区里召开项目调度会。宋小洁指出，要加快进度。",
        encoding="utf-8",
    )
    kg(runner, "import", first, store=store)
    kg(runner, "import", second, store=store)
    r = kg(
        runner,
        "query",
        "--sparql",
        "SELECT ?key WHERE { ?s a dkg:Statement ; schema:creator/foaf:name ?n ; prov:wasDerivedFrom ?x . "
        "GRAPH ?g { ?s a dkg:Statement } ?i dkg:issueKey ?key . GRAPH ?g { ?i a schema:PublicationIssue } }",
        "--bind",
        "n=宋小洁",
        "--format",
        "csv",
        store=store,
    )
    assert "示例信息/2021/2" in r.output


def test_tenure_is_derived_and_follows_removals(runner, store, sample, invented):
    kg(runner, "import", sample, invented, store=store)
    found = rows(kg(runner, "query", QUERIES / "tenure.rq", "--format", "json", store=store).output)
    expected = {"name": "宋洁", "post": "区委书记", "firstSeen": "2020-06-10", "lastSeen": "2020-06-10"}
    assert expected | {"firstIssue": "上街信息/2020/46"} in found
    assert any(r["name"] == "欧阳明" for r in found)
    kg(runner, "remove", "示例信息/2021/3", store=store)
    found = rows(kg(runner, "query", QUERIES / "tenure.rq", "--format", "json", store=store).output)
    assert not any(r["name"] == "欧阳明" for r in found)


def test_facts_repeated_across_issues_count_once(runner, store, sample, tmp_path):
    copy = tmp_path / "copy.txt"  # the same meeting reported again in another issue
    copy.write_text(sample.read_text(encoding="utf-8").replace("第 46 期", "第 47 期"), encoding="utf-8")
    kg(runner, "import", sample, copy, store=store)
    found = rows(kg(runner, "query", "co-attendees", "--bind", "name=宋洁", "--format", "json", store=store).output)
    assert found and all(r["events"] == "1" for r in found)  # one meeting, not one per graph holding it
    pairs = rows(kg(runner, "query", "co-attendance", "--format", "json", store=store).output)
    assert len({frozenset((r["a"], r["b"])) for r in pairs}) == len(pairs)  # each pair once, in either order
    assert all(r["events"] == "1" and r["shared"] == "2020-06-10 高品质城市建设工作推进会" for r in pairs)
    out = tmp_path / "all.nq"
    kg(runner, "export", "--format", "nquads", "--output", out, store=store)
    exported = Dataset()
    exported.parse(out, format="nquads")
    assert len(exported.default_graph) == 0  # the derived union graph is not exported
    kg(runner, "remove", "上街信息/2020/47", store=store)
    r = kg(
        runner,
        "query",
        "--sparql",
        'SELECT (COUNT(*) AS ?n) WHERE { ?p foaf:name "宋洁" }',
        "--format",
        "csv",
        store=store,
    )
    assert r.output.splitlines()[1] == "1"  # still there: the other issue names her too


def test_a_query_past_its_time_limit_ends_in_one_line(runner, store, sample):
    import subprocess
    import sys
    import time

    kg(runner, "import", sample, store=store)
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    start = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--sparql", cross, "--timeout", "1", "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "--timeout" in r.stderr, r.stderr
    assert time.perf_counter() - start < 15
    assert kg(runner, "list", store=store).exit_code == 0  # the store opens again at once


def test_a_run_ends_with_what_it_did_and_names_a_second_source(runner, store, sample, invented, tmp_path):
    kg(runner, "import", sample, store=store)
    copy = tmp_path / "same-issue-elsewhere.txt"  # the same issue saved under another name
    copy.write_text(sample.read_text(encoding="utf-8").replace("区委书记宋洁", "区委书记 宋洁"), encoding="utf-8")
    r = kg(runner, "import", sample, invented, copy, store=store)
    assert "3 file(s): 1 new, 1 replaced, 1 unchanged, 0 failed" in r.stderr
    assert "replaces issue 上街信息/2020/46, imported before from shangjie-xinxi-2020-46.txt" in r.stderr


def test_a_full_disk_is_one_line_and_the_other_files_are_reported(runner, store, sample, invented, monkeypatch):
    import pyoxigraph

    def full(self, *args, **kwargs):
        raise OSError("IO error: No space left on device: While appending to file: 000008.log")

    kg(runner, "import", invented, store=store)
    monkeypatch.setattr(pyoxigraph.Store, "update", full)
    monkeypatch.setattr(pyoxigraph.Store, "flush", full)
    r = runner.invoke(cli, ["import", str(sample), "--store", str(store)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    lines = r.stderr.strip().splitlines()
    assert all("No space left on device" in line for line in lines) and lines[0].startswith("error: ")


def test_importing_only_missing_files_makes_no_store(runner, tmp_path):
    target = tmp_path / "store"
    r = runner.invoke(cli, ["import", str(tmp_path / "nope.txt"), "--store", str(target)])
    assert r.exit_code == 1 and "nope.txt: no such file or folder" in r.output and "Traceback" not in r.output
    assert not target.exists()
