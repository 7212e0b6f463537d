"""Time judgements on an archive as an analyst makes them (kg curate).

Run: python bench/bench_curate.py STORE

Works on a copy of STORE (the store itself is left as it was). Takes the two most
frequent persons who share a name (namesakes in two districts), then times, each as
one `kg curate` process: `same` (the second's issues are read again and rewritten),
`undo` of it, `reject` of the most frequent organization and its `undo`, then `same`
and `undo` once more. Prints the wall time, the issues written again and the peak
memory of each, and the issue graphs' quads at each step. Issues are read again with
the names the store knows now, as `kg import` of their files would read them today: the
first undo can find more than the first import did (names learnt from later issues);
from then on an undo gives back exactly the quads the judgement found.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.store.base import open_store  # noqa: E402

KG = [sys.executable, "-m", "kg"]
# every person, most often named first (an archive whose districts have their own
# officials has few namesakes, and they need not be among the most frequent)
PAIR = """SELECT ?a ?b WHERE { GRAPH ?g { ?a a foaf:Person } } GROUP BY ?a ORDER BY DESC(COUNT(DISTINCT ?g))"""
ORG = """SELECT ?o WHERE { GRAPH ?g { ?o a org:Organization } } GROUP BY ?o ORDER BY DESC(COUNT(DISTINCT ?g)) LIMIT 1"""
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?issues)) }"


def picks(store: str) -> tuple[str, str, str]:
    from kg.analysis.query import run_query, with_prefixes

    db = open_store(store, must_exist=True, reader=True)
    try:
        frequent = [str(r[0]) for r in db.select(with_prefixes(PAIR.replace("?a ?b", "?a")))]
        by_name: dict[str, list[str]] = {}
        for iri in frequent:
            by_name.setdefault(iri.rsplit("/", 1)[1], []).append(iri)
        a, b = next(v[:2] for v in by_name.values() if len(v) > 1)
        org = str(next(iter(run_query(db, ORG)))[0])
    finally:
        db.close()
    return a, b, org


def fingerprint(store: str) -> int:
    """The number of quads in the issue graphs and a hash of them: equal before and after an undo."""
    from rdflib import Literal

    from kg.analysis.query import run_query
    from kg.graph.iris import ISSUE_GRAPHS

    db = open_store(store, must_exist=True, reader=True)
    try:
        return int(next(iter(run_query(db, QUADS, {"issues": Literal(ISSUE_GRAPHS)})))[0])
    finally:
        db.close()


def timed(args: list[str]) -> tuple[float, str, float]:
    t0 = time.perf_counter()
    run = subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - t0
    if run.returncode:
        raise SystemExit(run.stderr.strip())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return took, run.stderr.strip().splitlines()[-1], peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path(args.store).parent) as tmp:
        store = str(Path(tmp) / "store")
        shutil.copytree(args.store, store, ignore=shutil.ignore_patterns("kg-snapshots"))
        a, b, org = picks(store)
        before = fingerprint(store)
        print(f"same {a} = {b}; reject {org}; issue quads before: {before:,}")
        seen = []
        for label, cmd in [
            ("same", ["curate", "same", a, b]),
            ("undo same", ["curate", "undo", "1"]),
            ("reject org", ["curate", "reject", org]),
            ("undo reject", ["curate", "undo", "2"]),
            ("same again", ["curate", "same", a, b]),
            ("undo again", ["curate", "undo", "3"]),
        ]:
            took, said, peak = timed([*cmd, "--store", store])
            quads = fingerprint(store)
            seen.append(quads)
            print(f"{label:12} {took:7.1f} s   {said:28}  issue quads {quads:,}   peak so far {peak:,.0f} MB")
        exact = seen[1] == seen[3] == seen[5]
        print(
            f"every undo gives back the same quads: {'yes' if exact else 'NO'} ({seen[1]:,}; first import {before:,})"
        )


if __name__ == "__main__":
    main()
