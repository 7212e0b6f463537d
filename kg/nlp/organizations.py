"""Organizations found by their name endings (局, 委, 街道, 社区, 公司…).

Each ending proposes a right edge; the name extends left over Chinese
characters until punctuation, a verb or preposition from the stop list, or the
end of another territorial unit (中兴街道|中兴社区). Generic groups (各街道,
相关部门, 我区) are not organizations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..lexicon import Lexicon, load_lexicon
from .textutil import after_date, ends_with_any, inside_quotes, is_cjk, made_of, trim_start

ORG_MAX = 24
_ORGAN_OF_LEVEL = re.compile(r"[省市县区旗]{1,2}[委纪政人党]")  # 省委, 市纪委, 区政府, 省市委
TERRITORIAL = {
    "街道",
    "镇",
    "乡",
    "社区",
    "村",
    "区",
    "县",
    "市",
    "旗",
    "省",
    "盟",
    "州",
    "自治区",
    "自治县",
    "街道办事处",
}


def _longest(words: Iterable[str]) -> list[str]:
    return sorted(words, key=lambda w: (-len(w), w))


@lru_cache(maxsize=1)
def org_finder() -> "OrgFinder":
    """The finder for the loaded lexicon: its gazetteer patterns are compiled once per process."""
    return OrgFinder(load_lexicon())


@dataclass
class OrgMention:
    name: str
    kind: str
    start: int
    end: int


class OrgFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.suffix_re = re.compile("|".join(re.escape(s) for s in lex.org_suffixes))
        self.bare_re = re.compile("|".join(map(re.escape, lex.places.bare)))
        self.place_openers = (
            "美丽",
            "现代化",
            "大美",
            "魅力",
            "幸福",
            "建设",
            "到",
            "赴",
            "来到",
            "在",
            "走进",
            "感受",
        )
        self.county_re = re.compile("|".join(map(re.escape, _longest(lex.places.county_short))))
        ev = lex.events
        # what may follow a place named alone: 到吴江调研, 感受长子变化
        self.after_place = (
            set(ev["visit_verbs"])
            | set(ev["meeting_verbs"])
            | {"变化", "特色", "发展", "人民", "经济", "大地", "城乡", "全域"}
        )

    def valid(self, name: str, suffix: str) -> bool:
        lex = self.lex
        # the gazetteer's own name: 上街区 and 二七区 are districts, though 街区 is a block
        # and 七 ends no other name; 老城区 and 广州 still meet the rules below
        gazetteer = suffix in TERRITORIAL and name in lex.places.names
        core = name[: -len(suffix)]
        if name in lex.generic_orgs or name.startswith(lex.generic_org_prefixes):
            return False
        # a character that never stands in a name (向, 对, 同) may open a word of one (向阳, 对外, 同心)
        words = lex.stop_char_words
        if any(c in lex.org_bad_chars and name[i : i + 2] not in words for i, c in enumerate(name)):
            return False
        if name.endswith(lex.not_org_endings):
            return False
        if name.count("（") != name.count("）"):
            return False  # 村（社区: a bracket opened and not closed is a class of units (村（社区）), not a name
        if (
            len(name) >= 3
            and name[0] in "省市县区乡镇"
            and name[1] in "市县区乡镇村"
            and name[1:3] not in lex.level_words
        ):
            return False  # 省市委, 县乡两级: the units of two levels, not one; but 区|市场监管局, 区|乡村振兴局
        if not gazetteer and any(w in name[-(len(suffix) + 3) :] for w in lex.not_org_substrings):
            return False
        if core in lex.generic_orgs:
            return False
        if suffix in lex.places_need_name:
            if suffix == "区" and core.endswith(lex.zone_cores):
                return False  # 工业区, 高新区: a zone, not an organization
            return 2 <= len(core) <= 5 and (gazetteer or core[-1] not in "一二三四五六七八九十两几多内外省市县区乡镇")
        if suffix in lex.need_territory and not (
            any(ch in "省市县区旗乡镇村街" for ch in core[:4]) or core.startswith(("中国", "全国", "中央", "国家"))
        ):
            return False  # 运输中心, 垃圾中转站: a facility, unless a place owns it
        return len(core) >= 1 or len(suffix) >= 2 and lex.org_suffix_kind[suffix] in ("党委", "人大政协")

    def extend_left(self, text: str, start: int, suffix: str) -> int:
        lex = self.lex
        a = start
        while a > 0 and start + len(suffix) - a < ORG_MAX:
            ch = text[a - 1]
            if not (is_cjk(ch) or ch in "（）"):
                break
            stop = lex.stop_before(text, a)
            end = start + len(suffix)
            if any(text[a - k : end] in lex.places.names for k in range(1, min(a, 5) + 1)):
                a -= 1  # 开封|市: a gazetteer name reads on, though 开封 is also a verb
                continue
            if (
                stop
                and not (stop in lex.name_interior and made_of(text[a:start], lex.name_interior))
                or after_date(text, a)
                or text[a - 2 : a] in lex.verbs
            ):
                break  # 地处|义宁镇, 发挥|人民政协: a predicate ends the name; but 政务服务|管理|中心
            if (text[a - 2 : a] == "代表" or text[a - 2 : a] in lex.verbs_in_names) and self.organ_of_place_at(text, a):
                break  # 代表|张家口市委, 学习|省委, 协助|市纪委; but 区人大常委会代表资格审查委员会, 开发区管委会
            if (
                ch in lex.conjunctions
                and text[a - 1 : a + 1] not in lex.stop_char_words
                and (
                    ch != "和"
                    or ends_with_any(text, a - 1, lex.org_suffixes)
                    or text[a - 2 : a - 1] == "会"
                    or lex.name_ends_at(text, a - 1)
                )
            ):
                break  # 区委和|区政府, 全会和|省纪委: two names, not one
            prev = self._org_ending_at(text, a)
            if (
                prev
                and suffix not in lex.sub_unit_suffixes
                and (prev in TERRITORIAL and start - a >= 2 or text[a] in "区市县旗镇乡省")
            ):
                break  # 中兴街道|中兴社区, 区委|区政府: two organizations side by side
            a -= 1
        return trim_start(text, a, start, lex.conjunctions)  # 改造和|浙江大学

    def organ_of_place_at(self, text: str, pos: int) -> bool:
        """The party or government organ of a place opens at ``pos`` (省委, 市纪委, 区政府,
        省市委, 张家口市委): what a verb takes as its object, never the middle of a name."""
        return bool(_ORGAN_OF_LEVEL.match(text, pos)) or self.place_at(text, pos)

    def place_at(self, text: str, pos: int) -> bool:
        """A province, city or county of the gazetteer is written from ``pos`` on."""
        names = self.lex.places.names
        return any(text[pos : pos + n] in names for n in range(2, 7))

    def _org_ending_at(self, text: str, pos: int) -> str | None:
        """The suffix of a whole organization (not a bare 区 or 市 prefix) ending at ``pos``."""
        prev = ends_with_any(text, pos, self.lex.org_suffixes)
        if not prev or pos - len(prev) < 1:
            return None
        if pos < len(text) and text[pos] in self.lex.suffix_blockers.get(prev, ""):
            return None  # 湖州|市: an ending followed by its blocker ends nothing
        start = self.extend_left(text, pos - len(prev), prev)
        return prev if self.valid(text[start:pos], prev) else None

    def _bare_places(self, text: str) -> list[OrgMention]:
        """考察上海, 赴衡阳: a province or city of the gazetteer named without 省/市."""
        out = []
        for m in self.bare_re.finditer(text):
            a, b = m.span()
            before_ok = (
                a == 0
                or not is_cjk(text[a - 1])
                or ends_with_any(text, a, self.lex.left_stops)
                or text[a - 1] in "和与及、"
                or ends_with_any(text, a, ("考察", "来自", "前往", "赶赴", "走进"))
            )
            nxt = text[b : b + 1]
            after_ok = (
                not nxt
                or not is_cjk(nxt)
                or text.startswith(
                    ("的", "等", "和", "与", "及", "重要", "调研", "考察", "学习", "参观", "开展", "召开", "举行"), b
                )
            )
            if before_ok and after_ok and not inside_quotes(text, a):
                out.append(OrgMention(m.group(), "行政区", a, b))
        return out

    def _short_places(self, text: str, found: list[OrgMention], places: Iterable[str] = ()) -> list[OrgMention]:
        """美丽上街, 感受长子变化, 到吴江调研: a district or county of this text (or of
        ``places``, the issue's own) named without its 区/县/市, standing as a word of its own.
        A county of the gazetteer that the issue never names in full needs a clearer
        setting: 现代化临沭, 在开州证明."""
        out = []
        own = {
            o.name[:-1]
            for o in found
            if o.name[-1:] in "区县市旗"
            and o.kind == "行政区"
            and 2 <= len(o.name) - 1 <= 4
            and o.name[0] not in "区县市旗省"
        }
        own |= {p[:-1] for p in places if p[-1:] in "区县市旗" and 2 <= len(p) - 1 <= 4}
        cores = own | {m.group() for m in self.county_re.finditer(text)}
        for core in sorted(cores, key=len, reverse=True):
            for m in re.finditer(re.escape(core), text):
                a, b = m.span()
                nxt = text[b : b + 1]
                if nxt and nxt in "区县市旗镇乡街道路村人大委政":
                    continue  # 吴江区, 上街道路: part of a longer name
                if any(o.start <= a < o.end for o in found) or inside_quotes(text, a):
                    continue
                after = (
                    not nxt
                    or not is_cjk(nxt)
                    or text.startswith(("的", "等", "和", "与", "及"), b)
                    or text[b : b + 2] in self.lex.verbs
                    or text[b : b + 2] in self.after_place
                )
                if core in own:
                    before = (
                        a == 0
                        or not is_cjk(text[a - 1])
                        or ends_with_any(text, a, self.lex.left_stops)
                        or text[a - 2 : a] in self.lex.verbs
                        or text[a - 1] in "到赴在和与及、化丽"
                    )
                else:
                    before = bool(ends_with_any(text, a, self.place_openers))
                    after = after and (is_cjk(nxt) or text[a - 1] in "化丽美")
                if before and after:
                    out.append(OrgMention(core, "行政区", a, b))
        return out

    def find(self, text: str, places: Iterable[str] = ()) -> list[OrgMention]:
        """Organizations in ``text``; ``places``: the districts and counties the whole issue names."""
        found: list[OrgMention] = []
        pos = 0
        while True:
            m = self.suffix_re.search(text, pos)
            if not m:
                break
            pos = m.start() + 1
            suffix, end = m.group(), m.end()
            if ends_with_any(text, end, self.lex.org_suffixes) != suffix:
                continue  # a longer ending (社区 over 区) reads this spot
            blockers = self.lex.suffix_blockers.get(suffix, "")
            if end < len(text) and text[end] in blockers:
                continue
            if inside_quotes(text, m.start()):
                continue  # “中心办有宝” names a campaign, not a unit
            start = self.extend_left(text, m.start(), suffix)
            name = text[start:end]
            # drop a leading generic word: 各街道办事处 stays out, 我区住建局 -> 区住建局
            for p in ("我", "本", "全"):
                if name.startswith(p) and len(name) > 3 and name[1] in "区县市镇":
                    start, name = start + 1, name[1:]
            if ends_with_any(text, start, self.lex.generic_org_prefixes) not in (None, "我", "本", "全"):
                continue  # 相关|局委, 各|街道: a class of units, not one
            if self.valid(name, suffix):
                found.append(OrgMention(name, self.lex.org_suffix_kind[suffix], start, end))
        found += self._bare_places(text)
        found += [
            OrgMention(m.group(), "党委", m.start(), m.end())
            for m in re.finditer("|".join(self.lex.national_organs), text)
        ]
        found += self._short_places(text, found, places)
        # keep the widest reading of each stretch of text
        found.sort(key=lambda o: (o.start, -(o.end - o.start)))
        out: list[OrgMention] = []
        for o in found:
            if any(p.start <= o.start and o.end <= p.end and (p.start, p.end) != (o.start, o.end) for p in found):
                continue
            if out and (out[-1].start, out[-1].end) == (o.start, o.end):
                continue
            out.append(o)
        return out
