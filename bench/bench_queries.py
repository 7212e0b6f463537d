"""Time every library query on a store, bound and unbound, as an analyst runs them.

Run: python bench/bench_queries.py STORE [--repeat 3]

Each query's parameters are bound to values taken from the store itself (its most
frequent person and that person's most frequent partner, its most common post and
organization, a month around its median event date), so the figures hold for any
archive, generated or real. Each query runs as one `kg query` process (start-up
included, median of --repeat) and, for optional parameters, once more unbound: the
whole-store listing. Prints one line per run: seconds, rows, what was bound.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.analysis.query import library, run_query  # noqa: E402
from kg.store.base import open_store  # noqa: E402

KG = [sys.executable, "-m", "kg"]

PICK = {
    "name": "SELECT ?v WHERE { ?x dkg:agent/foaf:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1",
    "post": "SELECT ?v WHERE { ?h dkg:post/skos:prefLabel ?v } GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1",
    "org": "SELECT ?v WHERE { ?post org:postIn/skos:prefLabel ?v } GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1",
    "unit": "SELECT ?v WHERE { ?a schema:sourceOrganization/skos:prefLabel ?v } GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1",
    "day": "SELECT ?v WHERE { ?e schema:startDate ?v } ORDER BY ?v",
    "key": "SELECT ?v WHERE { ?i dkg:issueKey ?v } LIMIT 1",
}
PARTNER = """SELECT ?v WHERE { ?p foaf:name ?name . ?pair dkg:between ?p , ?q ; dkg:sharedEvent ?e .
  FILTER(?q != ?p) ?q foaf:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(?e)) LIMIT 1"""


def values(store_path: str) -> dict[str, str]:
    from rdflib import Literal

    store = open_store(store_path, must_exist=True, reader=True)
    try:
        got: dict[str, str] = {}
        for name, q in PICK.items():
            found = [str(r[0]) for r in run_query(store, q)]
            got[name] = found[len(found) // 2] if name == "day" else found[0]
        got["partner"] = str(next(iter(run_query(store, PARTNER, {"name": Literal(got["name"])})))[0])
    finally:
        store.close()
    middle = date.fromisoformat(got["day"])
    got["from"], got["to"] = str(middle - timedelta(days=15)), str(middle + timedelta(days=15))
    return got


def bindings_for(query, picked: dict[str, str]) -> list[str]:
    source = {"name": "name", "speaker": "name", "a": "name", "b": "partner", "post": "post", "org": "org"}
    source |= {"unit": "unit", "day": "day", "from": "from", "to": "to", "key": "key"}
    out = []
    for p in query.parameters:
        if p.name in source:
            out += ["--bind", f"{p.name}={picked[source[p.name]]}"]
    return out


def run(store: str, name: str, binds: list[str], repeat: int) -> tuple[float, int, str]:
    fmt = "turtle" if name == "person-network" else "csv"
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run(
            [*KG, "query", name, *binds, "--store", store, "--format", fmt], capture_output=True, text=True, cwd=ROOT
        )
        times.append(time.perf_counter() - t0)
    if out.returncode:
        return statistics.median(times), -1, out.stderr.strip().splitlines()[-1][:70]
    return statistics.median(times), max(0, len(out.stdout.splitlines()) - 1), ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    picked = values(args.store)
    print("bound to:", ", ".join(f"{k}={v}" for k, v in picked.items()))
    t0 = time.perf_counter()
    subprocess.run([*KG, "--version"], capture_output=True)
    print(f"{'(kg start-up alone)':24} {time.perf_counter() - t0:6.2f} s")
    for q in library():
        binds = bindings_for(q, picked)
        took, rows, err = run(args.store, q.name, binds, args.repeat)
        shown = " ".join(b for b in binds if b != "--bind")
        print(f"{q.name:24} {took:6.2f} s  {rows if rows >= 0 else err:>6} rows  {shown}")
        if any(not p.required for p in q.parameters):
            took, rows, err = run(args.store, q.name, [], args.repeat)
            print(f"{q.name + ' (unbound)':24} {took:6.2f} s  {rows if rows >= 0 else err:>6} rows  whole store")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
