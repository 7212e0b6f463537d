"""Import time and peak memory against a document's length: the growth must be linear.

Run: python bench/bench_size.py [--sizes 1 2 4 8] [--names]

Each document is one issue whose body is the sample's articles repeated, renumbered
so each copy reports events of its own, up to the size in MB (UTF-8). ``--names``
writes instead the worst shape for the name rules: a list of 、-separated names.
Each size is imported by a fresh `kg import` into a fresh store; the report gives
seconds, peak memory, and each size's time over the first size's.
Figures are reported in notes, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "shangjie-xinxi-2020-46.txt"


def document(mb: float, names: bool) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, body = text.partition("**")
    body = "**" + body.split("本期送")[0]
    target = int(mb * 1024 * 1024)
    parts, size, k = [head], len(head.encode()), 0
    rng = random.Random(1)
    while True:
        k += 1
        if names:
            chunk = "、".join(
                rng.choice("王李张刘陈杨赵黄周吴") + rng.choice("海红明强军华平伟芳丽") for _ in range(200)
            )
            chunk = f"区领导{chunk}等参加会议。\n\n"
        else:
            chunk = body.replace("6月10日", f"{1 + k % 12}月{1 + k % 28}日").replace(
                "高品质城市建设工作推进会", f"第{k}次城市建设工作推进会"
            )
        if size + len(chunk.encode()) > target:  # stay within the size: 8 MB is the import's own limit
            return "".join(parts)
        parts.append(chunk)
        size += len(chunk.encode())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="*", type=float, default=[1, 2, 4, 8])
    ap.add_argument("--names", action="store_true")
    args = ap.parse_args()
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            doc = Path(tmp) / f"big-{mb:g}mb.txt"
            doc.write_text(document(mb, args.names), encoding="utf-8")
            store = Path(tmp) / f"store-{mb:g}"
            t0 = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "kg", "import", str(doc), "--store", str(store)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            took = time.perf_counter() - t0
            # ru_maxrss of the children is the largest child so far: sizes run in rising order
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            first = first or took
            status = "ok" if r.returncode == 0 else (r.stderr.strip().splitlines() or ["failed"])[-1][:80]
            print(f"{mb:4g} MB  {took:7.1f} s  x{took / first:5.2f}  peak {peak:6.0f} MB  {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
