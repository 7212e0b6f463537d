"""Import a generated archive in one `kg import` call and measure how it scales.

Run: python bench/bench_archive.py FOLDER [--store PATH] [--jobs N] [--queries]

FOLDER holds issues made by bench/generate_issues.py. The import runs in a child
process; each issue's line is timestamped as it arrives, so the report gives
issues per second, the per-issue time of the first and the last tenth (their
ratio says whether cost grows with the store), the child's peak memory and the
store's size on disk. With ``--queries`` every query of queries/ is then timed
on the full store (a cold `kg query` process each, so start-up is included).
Figures are reported in notes, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]


def du(path: Path) -> int:
    """Bytes on disk, each file once: the readers' snapshots hard-link the store's files."""
    seen: dict[tuple[int, int], int] = {}
    for f in path.rglob("*"):
        if f.is_file():
            st = f.stat()
            seen[(st.st_dev, st.st_ino)] = st.st_size
    return sum(seen.values())


def import_folder(folder: Path, store: str, jobs: int | None, bulk: bool | None = None) -> list[float]:
    """Seconds at which each issue's line arrived, from the start of the process."""
    cmd = KG + ["import", str(folder), "--store", str(store)] + (["--jobs", str(jobs)] if jobs else [])
    if bulk is not None:
        cmd.append("--bulk" if bulk else "--no-bulk")
    start = time.perf_counter()
    stamps = []
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT, env={**os.environ, "TERM": "dumb"}
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("error"):
                print(line.rstrip(), file=sys.stderr)
            if ": " in line and ("triples" in line or line.startswith("error")):
                stamps.append(time.perf_counter() - start)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kg import exited {proc.returncode}")
    return stamps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--store", help="a folder or a SPARQL server's URL (default: a fresh temporary folder)")
    ap.add_argument("--jobs", type=int)
    ap.add_argument(
        "--bulk",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="pass --bulk or --no-bulk to kg import (default: its own choice)",
    )
    ap.add_argument("--queries", action="store_true", help="time every library query afterwards")
    args = ap.parse_args()
    tmp = None
    if args.store is None:
        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        args.store = str(tmp / "store")
    try:
        stamps = import_folder(args.folder, args.store, args.jobs, args.bulk)
        n = len(stamps)
        gaps = [b - a for a, b in zip([0.0] + stamps, stamps)]
        tenth = max(1, n // 10)
        # the first issue carries spaCy's start-up: the first tenth is timed from the second line
        first = statistics.mean(gaps[1 : tenth + 1]) if n > 1 else gaps[0]
        last = statistics.mean(gaps[-tenth:])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"issues                       {n}")
        print(f"wall time                    {stamps[-1]:.1f} s")
        print(f"issues per second            {n / stamps[-1]:.2f}")
        print(f"per issue, first tenth       {first * 1000:.0f} ms")
        print(f"per issue, last tenth        {last * 1000:.0f} ms   (ratio {last / first:.2f})")
        print(f"peak memory (import)         {peak:.0f} MB")
        if not str(args.store).startswith("http"):
            print(f"store on disk                {du(Path(args.store)) / 2**20:.0f} MB")
        if args.queries:  # every library query, bound and unbound (bench/bench_queries.py)
            subprocess.run([sys.executable, str(ROOT / "bench" / "bench_queries.py"), str(args.store)], cwd=ROOT)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
