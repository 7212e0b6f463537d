"""Bake-off of statistical taggers for person names and organizations.

Each tagger runs alone over documents with gold annotations (NAME.txt beside
NAME.gold.json, see ../shared/eval/GUIDELINES.md); its person tags and its
organization and place tags are compared with the gold persons and
organizations. Reports micro P/R/F1, characters per second (warm) and the time
to load the tagger. The taggers are optional: install them to compare them,
e.g. ``pip install jieba thulac``; the project itself does not need them.

    python bench/bakeoff_taggers.py ../shared/eval/dev
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path


def norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def jieba_tagger():
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
    pseg.lcut("预热")

    def tag(text: str):
        for w in pseg.cut(text):
            kind = {"nr": "person", "nrfg": "person", "nrt": "person", "nt": "org", "ns": "org"}.get(w.flag)
            if kind:
                yield kind, w.word

    return tag


def thulac_tagger():
    import thulac

    t = thulac.thulac()

    def tag(text: str):
        for word, flag in t.cut(text):
            kind = {"np": "person", "ni": "org", "ns": "org"}.get(flag)
            if kind:
                yield kind, word

    return tag


def rules_tagger():
    """The project's own rule components, for comparison."""
    from kg.lexicon import load_lexicon
    from kg.nlp.organizations import OrgFinder
    from kg.nlp.persons import PersonFinder

    lex = load_lexicon()
    orgs = OrgFinder(lex)

    def tag(text: str):
        for n in PersonFinder(lex).find(text).names:
            yield "person", n.name
        for o in orgs.find(text):
            yield "org", o.name

    return tag


TAGGERS = {"rules (kg)": rules_tagger, "jieba.posseg": jieba_tagger, "thulac": thulac_tagger}


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", type=Path)
    ap.add_argument("--only", nargs="*", default=list(TAGGERS))
    args = ap.parse_args()
    docs = sorted(p for p in args.docs.glob("*.txt") if p.with_suffix(".gold.json").exists())
    texts = {p: p.read_text(encoding="utf-8") for p in docs}
    golds = {p: json.loads(p.with_suffix(".gold.json").read_text(encoding="utf-8")) for p in docs}
    chars = sum(len(t) for t in texts.values())
    print(f"{len(docs)} documents, {chars} characters\n")
    print(f"{'tagger':14} {'load s':>7} {'chars/s':>9}   persons P/R/F1      organizations P/R/F1")
    for name in args.only:
        try:
            t0 = time.perf_counter()
            tag = TAGGERS[name]()
            load = time.perf_counter() - t0
        except ImportError as exc:
            print(f"{name:14} not installed ({exc.name})")
            continue
        counts = {"person": [0, 0, 0], "org": [0, 0, 0]}
        t0 = time.perf_counter()
        for p in docs:
            found: dict[str, set[str]] = {"person": set(), "org": set()}
            for kind, word in tag(texts[p]):
                found[kind].add(norm(word))
            gold = {
                "person": {norm(x["name"]) for x in golds[p]["persons"]},
                "org": {norm(o) for o in golds[p]["organizations"]},
            }
            for kind in counts:
                counts[kind][0] += len(found[kind] & gold[kind])
                counts[kind][1] += len(found[kind])
                counts[kind][2] += len(gold[kind])
        rate = chars / (time.perf_counter() - t0)
        cells = ["{:.2f}/{:.2f}/{:.2f}".format(*prf(*counts[k])) for k in ("person", "org")]
        print(f"{name:14} {load:7.2f} {rate:9.0f}   {cells[0]:18}  {cells[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
