"""Extraction alone (parse, nlp, facts; no store), per document, in one warm process.

Run: python bench/bench_extract.py [FOLDER ...] [--repeat 3]
Without a folder it reads the sample in data/. Prints the median and the 90th
percentile of the time per document, characters per second, and what the
pipeline costs to build (spaCy's import, the lexicons, the components).
Figures are reported in notes, never asserted in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "data"])
    ap.add_argument("--repeat", type=int, default=3, help="runs per document; the fastest counts")
    args = ap.parse_args()
    t0 = time.perf_counter()
    import spacy  # noqa: F401  (what a cold `kg import` pays first)

    t_spacy = time.perf_counter() - t0
    from kg.ingest.parse import parse_file
    from kg.lexicon import load_lexicon
    from kg.nlp.facts import extract
    from kg.nlp.pipeline import build_pipeline

    t1 = time.perf_counter()
    load_lexicon()
    nlp = build_pipeline()
    t_build = time.perf_counter() - t1
    files = sorted(p for f in args.folders for p in (f.rglob("*.txt") if f.is_dir() else [f]))
    if not files:
        print("no .txt files", file=sys.stderr)
        return 2
    per_doc, chars = [], 0
    for path in files:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            issue = parse_file(path)
            extract(issue, nlp)
            best = min(best, time.perf_counter() - start)
        per_doc.append(best)
        chars += len(issue.text)
    per_doc.sort()
    p90 = per_doc[int(0.9 * (len(per_doc) - 1))]
    print(f"import spacy                 {t_spacy * 1000:7.0f} ms")
    print(f"lexicons + pipeline          {t_build * 1000:7.0f} ms")
    print(f"documents                    {len(files):7d}  ({chars} characters)")
    print(f"per document, median         {statistics.median(per_doc) * 1000:7.1f} ms")
    print(f"per document, 90th pct       {p90 * 1000:7.1f} ms")
    print(f"characters per second        {chars / sum(per_doc):7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
