"""A second SPARQL engine: Virtuoso (Debian's `virtuoso-opensource`) against the embedded store.

Run: python bench/bench_engine.py FOLDER [--count 200]

Starts a private Virtuoso 7 (its own database in a temporary folder, ports 1112 and
8891), lets the SPARQL user update, and imports the first --count issues of FOLDER
into it with `kg import --store URL` (``KG_SPARQL_QUERY``/``UPDATE`` name its /sparql
endpoint; ``KG_SPARQL_DEFAULT_GRAPH`` gives it a named graph for kg's union graph,
since Virtuoso's default graph is a view of every graph). The same issues go into an
embedded store. It prints both import times, every library query's time on both,
and whether the two stores hold the same quads (literals compared by value where
the engines normalise datatypes differently).

Install first: apt-get install virtuoso-opensource (Debian 12: 7.2.5).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_queries import bindings_for, values  # noqa: E402
from kg.analysis.query import library  # noqa: E402

KG = [sys.executable, "-m", "kg"]
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
UNION = "https://w3id.org/district-kg/id/graph/union"


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen, str]:
    text = INI.read_text()
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = text.replace("ServerPort               = 1111", "ServerPort               = 1112")
    text = text.replace("ServerPort                  = 8890", "ServerPort                  = 8891")
    (folder / "virtuoso.ini").write_text(text)
    proc = subprocess.Popen(
        ["virtuoso-t", "-f", "-c", str(folder / "virtuoso.ini")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = "http://127.0.0.1:8891/sparql"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}?query=" + urllib.parse.quote("ASK {}"), timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.terminate()
        raise SystemExit("virtuoso did not start")
    subprocess.run(
        ["isql-vt", "1112", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'], check=True, capture_output=True
    )
    return proc, url


def timed(argv: list[str], env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env)
    return time.perf_counter() - t0, out


def unordered(text: str) -> list[str]:
    """Lines, and the items of concatenated lists, in a fixed order: SPARQL leaves the
    order of GROUP_CONCAT's items (and of unsorted rows) to the engine."""
    return sorted("|".join(sorted(re.split(r" \| |, ", line))) for line in text.splitlines())


def normalised(path: Path) -> set[tuple]:
    from rdflib import Dataset, Literal

    ds = Dataset()
    ds.parse(path, format="nquads")
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; Virtuoso keeps it
    return {
        (s, p, Literal(o.toPython()) if isinstance(o, Literal) and o.datatype else o, g) for s, p, o, g in ds.quads()
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--count", type=int, default=200)
    args = ap.parse_args()
    if not shutil.which("virtuoso-t"):
        raise SystemExit("virtuoso-t is missing: apt-get install virtuoso-opensource")
    work = Path(tempfile.mkdtemp(prefix="kg-virtuoso-"))
    issues = work / "issues"
    issues.mkdir()
    for f in sorted(args.folder.iterdir())[: args.count]:
        shutil.copy(f, issues / f.name)
    proc, url = start_virtuoso(work)
    env = os.environ | {"KG_SPARQL_QUERY": url, "KG_SPARQL_UPDATE": url, "KG_SPARQL_DEFAULT_GRAPH": UNION}
    try:
        embedded = str(work / "embedded")
        stores = {"embedded": (embedded, None), "virtuoso": ("http://127.0.0.1:8891", env)}
        for name, (store, e) in stores.items():
            took, out = timed([*KG, "import", str(issues), "--store", store, "--no-bulk", "--jobs", "2"], e)
            if out.returncode:
                raise SystemExit(f"import into {name} failed: {out.stderr.strip()[-2000:]}")
            print(f"import {name:9} {took:6.1f} s  {args.count / took:5.1f} issues/s  {out.stdout.splitlines()[-1]}")
        picked = values(embedded)
        for q in library():
            binds = bindings_for(q, picked)
            fmt = "nt" if q.name == "person-network" else "csv"
            line = f"query {q.name:22}"
            answers = []
            for name, (store, e) in stores.items():
                took, out = timed([*KG, "query", q.name, *binds, "--store", store, "--format", fmt], e)
                answers.append(unordered(out.stdout) if out.returncode == 0 else out.stderr.strip()[-80:])
                line += f"  {name} {took:5.2f} s"
            same = answers[0] == answers[1]
            if same or isinstance(answers[0], str) or isinstance(answers[1], str):
                print(line + ("  same answer" if same else f"  DIFFERS: {str(answers[1])[:100]}"))
                continue
            a, b = set(answers[0]), set(answers[1])
            print(line + f"  DIFFERS in {len(a - b)} of {len(a)} lines")
            for text in sorted(a - b)[:1] + sorted(b - a)[:1]:
                print(f"      {'embedded' if text in a else 'virtuoso'}: {text[:160]}")
        for name, (store, e) in stores.items():
            took, out = timed(
                [*KG, "export", "--format", "nquads", "--output", str(work / f"{name}.nq"), "--store", store], e
            )
            print(f"export {name:9} {took:6.1f} s  {(out.stdout or out.stderr).strip()[-100:]}")
        a, b = normalised(work / "embedded.nq"), normalised(work / "virtuoso.nq")
        print(f"quads: embedded {len(a)}, virtuoso {len(b)}, only embedded {len(a - b)}, only virtuoso {len(b - a)}")
        for q in sorted(map(str, a - b))[:3] + sorted(map(str, b - a))[:3]:
            print("  ", q[:200])
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
