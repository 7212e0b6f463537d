"""Initiatives (programme names, number slogans) and quantities (25个, 2.97万㎡).

Quoted phrases are initiatives when they look like programmes: a number slogan
(六稳, 三送一强), a named campaign (…活动, …行动, …工程) or a multi-part slogan
(三项工程、一项管理); short quoted words and idioms (锦上添花) are not. Numbers
count as quantities only with a unit, and not as ordinals, years or dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import _json, load_lexicon
from ..numbers import CN_CHARS, parse_number
from .textutil import inside_quotes

QUOTE_RE = re.compile(r"[“\"‘「『]([^“”\"‘’「」『』\n]{2,40})[”\"’」』]")


@dataclass
class InitiativeMention:
    name: str
    start: int
    end: int
    rule: str
    alias: str | None = None  # “冬季清洁”行动 is also called 冬季清洁行动


@dataclass
class QuantityMention:
    value: float
    unit: str
    subject: str
    approximate: bool
    start: int
    end: int
    part_of: int | None = None


@lru_cache(maxsize=1)
def _measures() -> dict:
    return _json("measures.json")


class MeasureFinder:
    def __init__(self) -> None:
        m = _measures()
        self.units = sorted(m["units"], key=len, reverse=True)
        self.blockers = m["unit_blockers"]
        self.not_before = m["not_before"]
        self.approx_before = m["approx_before"]
        self.approx_word_heads = m["approx_word_heads"]
        self.endings = tuple(m["initiative_endings"])
        self.not_init = set(m["not_initiatives"])
        self.numerals = m["numeral_chars"]
        unit_alt = "|".join(re.escape(u) for u in self.units)
        self.qty_re = re.compile(
            rf"(?P<num>\d+(?:\.\d+)?(?:[万亿])?|[{CN_CHARS}]+)(?P<approx>余|多)?\s?(?P<unit>{unit_alt})"
        )
        n = re.escape(self.numerals)
        # 一企一策, 三送一强, 四高四争先: numeral, word, numeral, word, ending the phrase
        self.slogan_re = re.compile(
            rf"[{n}][\u4e00-\u9fff]{{1,2}}[{n}][\u4e00-\u9fff]{{1,2}}(?=[，。、；”]|$|活动|行动|工程)"
        )
        # 城市环境综合整治提升行动: a campaign named right after a pause or a quoted slogan
        self.campaign_re = re.compile(r"(?<=[，。；：、”])([\u4e00-\u9fff]{2,12}行动)")
        # 十四五, 十五五: the five-year plans
        self.plan_re = re.compile(
            r"(?<![一二三四五六七八九十百千万第])十[一二三四五六七八九]五(?=[\u4e00-\u9fff“”，。、]|$)"
        )
        # words before an unquoted campaign that are not part of its name (推进|城市环境综合整治行动)
        self.openers = load_lexicon().verbs | set(m["campaign_openers"])
        self.modals = frozenset(m["campaign_modals"])
        self.not_programme_followers = tuple(m["not_programme_followers"])
        self.sections = tuple(m["section_nouns"])
        self.threshold = tuple(m["threshold_followers"])
        self.head_re = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:%s)" % "|".join(map(re.escape, m["slogan_heads"])))
        self.theme_re = re.compile(
            r"(?:为|的|之)?[\u4e00-\u9fff]{0,2}?(?:%s)" % "|".join(map(re.escape, m["theme_words"]))
        )

    # --- initiatives ----------------------------------------------------
    def is_initiative(self, phrase: str) -> bool:
        p = phrase.strip()
        if p in self.not_init or len(p) < 2:
            return False
        if re.search(r"对|关于|影响|的情况|我|宣布", p):
            return False  # a research topic or a speech quoted, not a slogan
        numerals = sum(1 for c in p if c in self.numerals)
        if numerals and numerals < len(p) and len(p) <= 8 and (numerals >= 2 or p[0] in self.numerals):
            return True  # 六稳, 三送一强, 两纵三横, 两优一先; not 最后一公里
        if p.endswith(self.endings) and len(p) >= 3:
            return True  # 界别活动月, 扫楼敲门行动, 楼长制
        if re.search(r"[、，,]", p) and len(p) >= 6:
            return True  # 三项工程、一项管理; 办实事、解难题、减负担
        parts = re.split(r"[、，,]", p)
        if len(parts) >= 3 and all(1 <= len(x) <= 2 for x in parts):
            return True  # 访、看、听: a method in single words
        return len(p) >= 10  # a programme statement: 综合实力进入全市第一方阵

    def initiatives(self, text: str) -> list[InitiativeMention]:
        out: dict[str, InitiativeMention] = {}
        for m in QUOTE_RE.finditer(text):
            phrase = m.group(1).strip("，,。、；; ")  # “…谁靠，” keeps no closing comma
            # “冬季清洁”行动: a quoted name right before 行动/活动/工程 names a campaign
            tail = next(
                (t for t in ("专项行动", "攻坚战", "行动", "活动", "工程") if text.startswith(t, m.end())), None
            )
            theme = (
                (self.theme_re.match(text, m.end()) or self.head_re.match(text, m.end()))
                and 2 <= len(phrase)
                and not re.search(r"[的了]", phrase)
            )
            if text.startswith(self.not_programme_followers, m.end()):
                continue  # “两委”成员, “…提名城市”称号: a body of people or an honour, not a programme
            if self.is_initiative(phrase) or (tail or theme) and phrase not in self.not_init:
                out.setdefault(
                    phrase, InitiativeMention(phrase, m.start(1), m.end(1), "quoted", phrase + tail if tail else None)
                )
        for m in self.plan_re.finditer(text):
            out.setdefault(m.group(), InitiativeMention(m.group(), m.start(), m.end(), "number_slogan"))
        for m in self.slogan_re.finditer(text):
            if any(i.start <= m.start() < i.end for i in out.values()):
                continue
            phrase = m.group()
            if (
                phrase not in out
                and not inside_quotes(text, m.start())
                and self.is_initiative(phrase)
                and not re.search(r"[项条是要位件名家人次届期年月日]", phrase)
                and not re.search(r"个(?![一二三四五六七八九十])", phrase)
            ):  # 十个一 is a slogan, 三个项目 no
                out[phrase] = InitiativeMention(phrase, m.start(), m.end(), "number_slogan")
        for m in self.campaign_re.finditer(text):
            phrase, start = m.group(1), m.start(1)
            while len(phrase) > 6:
                if phrase[:2] in self.openers:
                    phrase, start = phrase[2:], start + 2  # 推进|城市环境综合整治行动
                elif phrase[0] in self.modals and phrase[1:3] in self.openers:
                    phrase, start = phrase[1:], start + 1  # 要|加快推进…
                else:
                    break
            if re.search(r"[的把以将用了]|实际|切实|各种|系列|相关|有关", phrase) or len(phrase) <= 4:
                continue  # 以开好全会的实际行动, “两重”攻坚行动: a clause or a kind, not a campaign's name
            if phrase not in out and not inside_quotes(text, m.start()):
                out[phrase] = InitiativeMention(phrase, start, m.end(1), "named_campaign")
        return sorted(out.values(), key=lambda i: i.start)

    # --- quantities -----------------------------------------------------
    def quantities(self, text: str) -> list[QuantityMention]:
        out: list[QuantityMention] = []
        total_at: int | None = None
        for m in self.qty_re.finditer(text):
            num, unit = m.group("num"), m.group("unit")
            s, e = m.start(), m.end()
            if s > 0 and (text[s - 1] in self.not_before or text[s - 1].isdigit() or text[s - 1] == "."):
                continue
            if e < len(text) and text[e] in self.blockers.get(unit, ""):
                continue
            if (
                text.startswith(("以下", "以内"), e)
                or inside_quotes(text, s)
                or text.startswith("以上", e)
                and text.startswith(self.threshold, e + 2)
            ):
                continue  # 5亿元以上项目: a threshold, not an amount
            if text.startswith(self.sections, e) or s > 0 and text[s - 1] == "几":
                continue  # 3个板块, 几十辆: parts of a plan, a vague count
            if unit == "期" and not text.startswith("分", s - 1):
                continue  # 三期建设项目 names a phase; 分两期开发 counts them
            if num in ("万", "亿"):
                continue  # 万亩良田, 万人大会: a magnitude alone names a kind, not an amount
            if num in ("一", "两") and unit not in ("万元", "亿元", "期", "段"):
                continue  # 一个, 两个: wording, not a measurement
            if re.fullmatch(r"[一二三四五六七八九十]", num) and text.startswith(("是", "要"), e):
                continue
            n = parse_number(num)
            if n is None or n.value <= 0:
                continue
            value, shown_unit = n.value, unit
            if num.endswith(("万", "亿")) and not unit.startswith(("万", "亿")):
                # 75.56亿元: keep the written unit (亿元), not a rescaled number
                value, shown_unit = float(num[:-1]) if num[:-1].replace(".", "").isdigit() else value, num[-1] + unit
            subject = self._subject(text, s, e)
            # 约200人, 逾100人: the amount, approximately; 签约1105户 is an exact count
            qualified = (
                s > 0 and text[s - 1] in self.approx_before and (s < 2 or text[s - 2] not in self.approx_word_heads)
            )
            if qualified and subject.endswith(text[s - 1]):
                subject = subject[:-1]  # the qualifier is no part of what is counted
            approximate = n.approximate or bool(m.group("approx")) or qualified
            q = QuantityMention(value, shown_unit, subject, approximate, s, e)
            if total_at is not None and not re.search(r"[。；\n]", text[out[total_at].end : s]):
                q.part_of = total_at
            else:
                total_at = None
            out.append(q)
            if re.match(r"[，,]?其中", text[e:]):
                total_at = len(out) - 1  # 27个，其中在谈9个: the breakdown of a total
        return out

    @staticmethod
    def _subject(text: str, s: int, e: int) -> str:
        after = re.match(r"[\u4e00-\u9fff]{2,10}", text[e:])
        stop = re.compile(r"[，。；、：\n]")
        if after and not after.group().startswith(("参加", "出席", "的", "以上")):
            m = stop.search(text, e)
            return text[e : m.start() if m else len(text)][:12]
        a = s
        while a > 0 and not stop.match(text[a - 1]) and s - a < 12:
            a -= 1
        return (text[a:s] or text[e : e + 8]).removeprefix("其中")
