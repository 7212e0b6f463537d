"""Time a cold `kg import` of the sample and a cold `kg query`, each in a new process.

Run: python bench/bench_cli.py [--runs 5]
Prints the median and range in seconds, and the peak memory of the child processes.
Figures are reported in notes, never asserted in tests.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "shangjie-xinxi-2020-46.txt"
KG = [sys.executable, "-m", "kg"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(KG + args, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:28} median {statistics.median(times):.2f} s  (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--issues", type=int, default=50, help="size of the folder import (copies of the sample)")
    args = ap.parse_args()
    imports, queries = [], []
    for _ in range(args.runs):
        tmp = Path(tempfile.mkdtemp())
        try:
            store = str(tmp / "store")
            imports.append(timed(["import", str(SAMPLE), "--store", store]))
            queries.append(timed(["query", str(ROOT / "queries" / "chairs.rq"), "--store", store]))
        finally:
            shutil.rmtree(tmp)
    report("cold kg import (sample)", imports)
    report("cold kg query (chairs.rq)", queries)
    tmp = Path(tempfile.mkdtemp())
    try:
        folder = tmp / "issues"
        folder.mkdir()
        text = SAMPLE.read_text(encoding="utf-8")
        for n in range(1, args.issues + 1):  # distinct issue numbers: distinct graphs
            (folder / f"issue-{n:03}.txt").write_text(text.replace("第 46 期", f"第 {n} 期"), encoding="utf-8")
        seconds = timed(["import", str(folder), "--store", str(tmp / "store")])
        print(
            f"cold kg import of {args.issues} issues  {seconds:.2f} s  ({seconds / args.issues * 1000:.0f} ms per issue)"
        )
        seconds = timed(["query", str(ROOT / "queries" / "co-attendance.rq"), "--store", str(tmp / "store")])
        print(f"co-attendance over {args.issues} issues  {seconds:.2f} s")
    finally:
        shutil.rmtree(tmp)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one command   {peak:.0f} MB")


if __name__ == "__main__":
    main()
