"""The SPARQL server backend: two importers at once, and every command through it.

Issues are the user's sample and our invented bulletin, renumbered and re-dated
(invented variants) so that several issues attest the same persons and posts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.importer import import_paths
from kg.store.base import open_store
from tests.conftest import INVENTED, SAMPLE

from .conftest import start_server
from .test_stores import _everything, _variant


def _files(tmp: Path) -> list[Path]:
    return (
        [SAMPLE, INVENTED]
        + [_variant(SAMPLE, tmp, 47 + k, 2021 + k) for k in range(3)]
        + [_variant(INVENTED, tmp, 9 + k, 2019 - k) for k in range(3)]
    )


def test_two_importers_at_once_lose_nothing(tmp_path):
    files = _files(tmp_path)
    proc, url = start_server(tmp_path / "shared")
    try:
        halves = [files[0::2], files[1::2]]  # both halves attest 宋洁's and 欧阳明's posts
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "kg", "import", *map(str, half), "--store", url, "--jobs", "1"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for half in halves
        ]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert run.returncode == 0, err
        together = _everything(open_store(url))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    alone = open_store(tmp_path / "one-by-one")
    try:
        import_paths(files, alone)
        assert together == _everything(alone)  # the same quads as one importer on the embedded store
    finally:
        alone.close()


def test_every_command_works_against_a_server(tmp_path):
    proc, url = start_server(tmp_path / "srv")
    runner = CliRunner()

    def kg(*args):
        r = runner.invoke(cli, [*map(str, args), "--store", url], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        return r.output

    try:
        kg("import", SAMPLE, INVENTED, "--jobs", "1")
        assert "上街信息/2020/46" in kg("list")
        assert "宋洁" in kg("query", Path(__file__).resolve().parents[2] / "queries" / "chairs.rq")
        assert "耿勇军" in kg("query", "--sparql", "SELECT ?n WHERE { ?p foaf:name ?n }", "--bind", "n=耿勇军")
        assert "2 graph(s) conform" in kg("validate", "上街信息/2020/46", "示例信息/2021/3")
        out = tmp_path / "all.nq"
        kg("export", "--format", "nquads", "--output", out)
        assert "上街信息" in out.read_text(encoding="utf-8")
        kg("remove", "示例信息/2021/3")
        assert "示例信息" not in kg("list")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_an_unreachable_server_is_one_line(tmp_path):
    r = CliRunner().invoke(cli, ["list", "--store", "http://127.0.0.1:9"])
    assert r.exit_code == 1 and "cannot reach the SPARQL server" in r.output and "Traceback" not in r.output
