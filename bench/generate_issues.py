"""Generate a district archive for benchmarks: many issues made from real ones.

Run: python bench/generate_issues.py OUT --count 5000 [--templates FILE_OR_DIR ...] [--seed 7]

Each generated issue is a template issue (by default the user's sample in data/
and our invented bulletin) with its masthead renumbered and redated, its district
swapped for one of ``--districts`` from the gazetteer, and every person the
pipeline finds in it replaced by a name from a pool of ``--names`` (3,000).
The pool is shared out among the districts, as officials belong to one district;
``--movers`` (2 %) of the persons named come from another district's share (an
official who moved, a visitor). Names are drawn with a Zipf-like skew, so officials
recur across issues the way a district's leaders do, and the store learns thousands
of names. ``--shared-pool`` draws every district's persons from the whole pool, as
the generator did before 2026-11-28 (one name in every district: namesakes and bound
queries then meet twelve persons per name).

Output is deterministic for a seed. Texts fetched from the web may serve as
templates for a measurement run (``--templates ../shared/eval/dev``); the
generated files go wherever OUT is and must never be committed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_TEMPLATES = [ROOT / "data", ROOT / "tests" / "data" / "invented-bulletin.txt"]
# common given-name characters; none is a word of office, place or time
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红玲芬燕春菊兰凤洁梅琳云莲雪荣"
    "爱香月瑞凡佳嘉琼勤珍莉桂晶妍秋珊锦青倩婷颖露瑶怡丹蓉君琴蕊薇岚馨韵悦昭冰爽宁欣"
    "育滢柔竹凝晓欢枫芸菲亚宜舒思立志建国庆海波斌辉鹏飞宏亮鑫晨阳光新兴德福林森"
)
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)


def name_pool(size: int, rng: random.Random) -> list[str]:
    from kg.lexicon import load_lexicon

    surnames = [s for s in COMMON_SURNAMES if s in load_lexicon().surnames_single]
    pool: list[str] = []
    seen: set[str] = set()
    while len(pool) < size:
        name = rng.choice(surnames) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in seen:
            seen.add(name)
            pool.append(name)
    return pool


def districts(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(full, short) names of districts from the gazetteer: 上街区, 上街."""
    from kg.lexicon import load_lexicon

    places = sorted(
        (full, short)
        for short, full in load_lexicon().places.county_short.items()
        if full.endswith("区") and len(full) == 3
    )
    return rng.sample(places, count)


class Template:
    def __init__(self, path: Path, nlp) -> None:
        from kg.ingest.parse import parse_file
        from kg.nlp.facts import extract

        issue = parse_file(path)
        if issue.kind != "bulletin" or not issue.district:
            raise SystemExit(f"{path}: a template must be a bulletin with a masthead")
        self.text = path.read_text(encoding="utf-8")
        self.district = issue.district
        self.short = issue.district[:-1]
        self.series = issue.series or ""
        self.number = str(issue.number)
        self.date = issue.date
        # longest first: 耿勇军 is replaced before a 耿勇 could be
        self.names = sorted({p.name for p in extract(issue, nlp).persons}, key=len, reverse=True)

    def render(self, number: int, day: date, district: tuple[str, str], names: dict[str, str]) -> str:
        full, short = district
        text = re.sub(rf"第\s*{self.number}\s*期", f"第 {number} 期", self.text, count=1)
        text = re.sub(
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", f"{day.year} 年 {day.month} 月 {day.day} 日", text, count=1
        )
        text = re.sub(r"(?<![\d年])(\d{1,2})月(\d{1,2})日", lambda m: self._moved(m, day), text)
        if names:
            # a name split by a page break (房\n\n玉雯) is the same person: replaced whole
            spelled = {name: r"\s*".join(map(re.escape, name)) for name in self.names}
            found = re.compile("|".join(f"(?P<n{i}>{spelled[n]})" for i, n in enumerate(self.names)))
            text = found.sub(lambda m: names[self.names[int(m.lastgroup[1:])]], text)
        return text.replace(self.district, full).replace(self.short, short)

    def _moved(self, m: re.Match, day: date) -> str:
        """A day of the body moved with the issue: as many days before the new issue
        as it was before the template's, so every issue reports events of its own."""
        try:
            then = date(self.date.year, int(m.group(1)), int(m.group(2)))
        except (TypeError, ValueError):
            return m.group()
        if then > self.date:
            then = then.replace(year=then.year - 1)  # 12月28日 in a January issue
        new = day - (self.date - then)
        return f"{new.month}月{new.day}日"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--templates", nargs="*", type=Path, default=DEFAULT_TEMPLATES)
    ap.add_argument("--names", type=int, default=3000, help="size of the pool of recurring names")
    ap.add_argument("--districts", type=int, default=12)
    ap.add_argument("--movers", type=float, default=0.02, help="share of persons drawn from another district")
    ap.add_argument("--shared-pool", action="store_true", help="one pool for all districts (the old generator)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from kg.ingest.reading import iter_sources
    from kg.nlp.pipeline import build_pipeline

    rng = random.Random(args.seed)
    nlp = build_pipeline()
    templates = []
    for path in iter_sources(args.templates):
        try:
            templates.append(Template(path, nlp))
        except SystemExit as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if not templates:
        raise SystemExit("no template with a masthead")
    pool = name_pool(args.names, rng)
    places = districts(args.districts, rng)
    shares = [pool] * len(places) if args.shared_pool else [pool[k :: len(places)] for k in range(len(places))]
    weights = [[1 / (rank + 1) ** 0.8 for rank in range(len(share))] for share in shares]

    def draw(k: int, n: int) -> list[str]:
        """n distinct names for an issue of district k (two persons of one issue never share a name)."""
        got: list[str] = []
        while len(got) < n:
            home = k if args.shared_pool or rng.random() >= args.movers else rng.randrange(len(places))
            name = rng.choices(shares[home], weights[home])[0]
            if name not in got:
                got.append(name)
        return got

    args.out.mkdir(parents=True, exist_ok=True)
    per_district = -(-args.count // len(places))
    width = len(str(args.count))
    for i in range(args.count):
        d = places[i % len(places)]
        k = i % len(places)
        seq = i // len(places)  # the district's own running number: series/year/number stays unique
        year, number = 2015 + seq // 100, seq % 100 + 1
        day = date(year, 1, 3) + timedelta(days=int(number * 3.6))  # 100 issues a year, a few days apart
        t = templates[rng.randrange(len(templates))]
        names = dict(zip(t.names, draw(k, len(t.names))))
        (args.out / f"issue-{i:0{width}d}.txt").write_text(t.render(number, day, d, names), encoding="utf-8")
    print(
        f"{args.count} issues from {len(templates)} templates, {len(places)} districts "
        f"(up to {per_district} issues each), {len(pool)} names -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
