"""Time the workbench as an analyst meets it: pages and library queries through a live
`kg serve`, and the explorer's first draw in Debian's headless Chromium.

Run: python bench/bench_web.py STORE [--repeat 5] [--draw-nodes 2000]

Values are taken from the store itself (bench_queries.values: its most frequent
person, post, organization…). Prints, as medians of --repeat warm requests (the first,
cold, one apart):
- a person page (/id/person/…) for the most frequent person and for a typical one;
- an issue view (/issue/KEY);
- every library query through /api/library, bound as bench_queries binds it;
- the explorer: the time from handing it a neighbourhood of --draw-nodes nodes (the
  most frequent person's co-attendees, then theirs, until there are enough) to its
  first draw, in headless Chromium.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_queries import bindings_for, values  # noqa: E402

from kg.analysis.query import library  # noqa: E402
from kg.web.assets import issue_path, page_path  # noqa: E402

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:
        body = r.read()
    return time.perf_counter() - t0, body


def timed(url: str, repeat: int) -> tuple[float, float, int]:
    cold, body = fetch(url)
    warm = [fetch(url)[0] for _ in range(repeat)]
    return cold, statistics.median(warm), len(body)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--draw-nodes", type=int, default=2000)
    args = ap.parse_args()
    picked = values(args.store)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", args.store, "--port", str(port)], stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(200):
            try:
                fetch(base + "/")
                break
            except OSError:
                time.sleep(0.1)
        search = json.loads(fetch(f"{base}/api/search?q={urllib.parse.quote(picked['name'])}")[1])
        top = next(h["id"] for h in search if h["kind"] == "person" and h["label"] == picked["name"])
        partner = json.loads(fetch(f"{base}/api/search?q={urllib.parse.quote(picked['partner'])}")[1])[0]["id"]
        print(f"{'page':34} {'cold':>7} {'warm':>7} {'bytes':>9}")
        for what, url in [
            (f"person page ({picked['name']}, most seen)", base + page_path(top)),
            (f"person page ({picked['partner']})", base + page_path(partner)),
            (f"issue view ({picked['key']})", base + issue_path(picked["key"])),
            ("tenure view (whole store)", base + "/tenure"),
            ("query page", base + "/query"),
        ]:
            cold, warm, size = timed(url, args.repeat)
            print(f"{what:34} {cold * 1000:5.0f}ms {warm * 1000:5.0f}ms {size:9,}")
        print()
        for q in library():
            binds = bindings_for(q, picked)
            params = {binds[i + 1].split("=", 1)[0]: binds[i + 1].split("=", 1)[1] for i in range(0, len(binds), 2)}
            url = f"{base}/api/library/{q.name}?{urllib.parse.urlencode(params)}"
            cold, warm, size = timed(url, max(1, args.repeat // 2))
            found = json.loads(fetch(url)[1]) if q.name != "person-network" else {}
            rows = len(found.get("results", {}).get("bindings", []))
            print(f"query {q.name:28} {cold * 1000:5.0f}ms {warm * 1000:5.0f}ms {rows:7,} rows")
        print()
        seeds = [h["id"] for h in search if h["kind"] == "person" and h["label"] == picked["name"]]
        explorer(base, seeds, args.draw_nodes, args.repeat)
    finally:
        server.terminate()
    return 0


def explorer(base: str, seeds: list[str], want: int, repeat: int) -> None:
    """Gather ≥ ``want`` nodes of real neighbourhoods (persons and what they attended,
    from the most frequent name in every district it occurs in), then time their first
    draw as one neighbourhood."""
    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}
    queue = list(seeds)
    center = None
    while queue and len(nodes) < want:
        iri = queue.pop(0)
        got = json.loads(fetch(f"{base}/api/neighbours?id={urllib.parse.quote(iri)}")[1])
        center = center or got["center"]
        for n in got["nodes"]:
            if n["id"] not in nodes and len(nodes) < want:
                nodes[n["id"]] = n
                if n["kind"] in ("person", "event"):
                    queue.append(n["id"])
        for e in got["edges"]:
            if e["source"] in nodes and e["target"] in nodes:
                edges[f"{e['source']}|{e['target']}|{e['rel']}"] = e
    data = {"center": center, "nodes": list(nodes.values()), "edges": list(edges.values())}
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 950})
            page.goto(base + "/explore")
            page.wait_for_function("window.kgExplorer !== undefined")
            ms = page.evaluate(
                "async (d) => { const t0 = performance.now(); await window.kgExplorer.draw(d, t0);"
                " return performance.now() - t0; }",
                data,
            )
            times.append(ms)
            page.close()
        browser.close()
    print(
        f"explorer first draw: {len(nodes):,} nodes, {len(edges):,} edges: "
        f"median {statistics.median(times):.0f} ms of {repeat} ({', '.join(f'{t:.0f}' for t in times)})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
