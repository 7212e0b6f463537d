"""Person names and the titles written next to them.

A name is a surname from the lexicon plus one or two given characters, accepted
only where the text around it says "person": a title before it (区委书记宋洁),
a title after it (朱建峰区长), a list of such names (耿勇军、李新军等区领导), a
byline (记者 郁万健), or a name already known from this or an earlier issue.
The name's right edge is where a word that follows names begins (主持, 、, 指出…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..lexicon import Lexicon
from .known import NameIndex
from .nametagger import NameCandidate
from .textutil import CLAUSE_PUNCT, ends_with_any, is_cjk, made_of, starts_with_any, trim_start

TITLE_MAX = 30
NAME_BAD = set("的了是在和与及或等为从把被将就都也还又很更最要能会各每该这此对按个年月日号区县市镇乡村")
# Where punctuation or 等 closes the name, only function words are barred: 钱能、孙殿镇，
FUNCTION_CHARS = set("的了是在和与及或等为从把被将就都也还又很更最要会各每该这此对按")
# a name from outside the surname list, closed by punctuation: 巴特尔，/ 热合曼·吐尔逊、
UNLISTED_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{3,4}(?=[，。；、,（(]|等[^\u4e00-\u9fff]|等同志)"
)
PLACE_ENDINGS = set("镇乡村县区市旗省州街路")  # 沙桥镇: a tagged "name" written with a place ending is a place
CLOSERS = set("，。；、！？,;：:（）() \t\n") | {"等"}


@dataclass
class NameMention:
    name: str
    start: int
    end: int
    rule: str


@dataclass
class TitleMention:
    person: str
    title: str
    rank: str
    organ: str | None
    start: int
    end: int
    rule: str
    person_start: int


@dataclass
class PersonResult:
    names: list[NameMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)


class PersonFinder:
    def __init__(self, lex: Lexicon, known: NameIndex | Iterable[str] = ()) -> None:
        self.lex = lex
        # the names this text teaches stay in an overlay: the shared index is the run's
        base = known if isinstance(known, NameIndex) else NameIndex(known, base=NameIndex(lex.known_persons))
        self.known = NameIndex(base=base)
        self.ranks = lex.ranks
        self.rank_re = re.compile(lex.rank_pattern())
        self.followers = lex.name_followers

    # --- name shape -----------------------------------------------------
    def follows_name(self, text: str, i: int, strong: bool = False) -> bool:
        """What starts at ``i`` can follow a name; ``strong``: a pause, a title or a
        follower word, not merely some verb of the dictionary."""
        if i >= len(text) or text[i] in CLAUSE_PUNCT or text[i] in "（）()":
            return True
        if strong:
            return bool(starts_with_any(text, i, self.followers) or starts_with_any(text, i, self.ranks))
        # a predicate follows a name: 郭亮|传达了…, 许宁|宣布…
        return bool(
            starts_with_any(text, i, self.followers)
            or starts_with_any(text, i, self.ranks)
            or text[i : i + 2] in self.lex.verbs
        )

    def valid_name(self, cand: str, closed: bool = False) -> bool:
        """``closed``: punctuation or 等 follows, so any given-name character but a function word may stand."""
        sl = self.lex.surname_length(cand)
        return (
            sl > 0
            and 2 <= len(cand) <= sl + 2
            and all(is_cjk(c) for c in cand)
            and not (FUNCTION_CHARS if closed else NAME_BAD) & set(cand[sl:])
            and cand not in self.lex.rank_kinds
            and cand[:2] not in self.lex.not_names
            and cand[:3] not in self.lex.not_names
            and cand not in self.lex.organs
            and not (
                cand.endswith(self.lex.org_suffixes) and not (closed and len(cand) == sl + 2 and cand[-1] in "镇村")
            )
            and not any(cand.endswith(s) for s in ("领导", "同志", "书记", "主任"))
        )

    def name_at(self, text: str, pos: int, after_title: bool = False) -> str | None:
        """A person name starting at ``pos``, its end fixed by what follows it.

        ``after_title``: a title stands right before, so a name outside the
        surname list (巴特尔, 热合曼·吐尔逊) is taken when punctuation closes it."""
        for k in self.known_at(text, pos):
            return k
        if starts_with_any(text, pos, self.followers):
            return None  # 强调, 要求: verbs that happen to start with a surname
        sl = self.lex.surname_length(text[pos : pos + 2])
        if not sl:
            return self._unlisted_name(text, pos) if after_title else None
        weak = None
        for glen in (1, 2):
            cand = text[pos : pos + sl + glen]
            end = pos + sl + glen
            closed = end >= len(text) or text[end] in CLOSERS
            if len(cand) == sl + glen and self.valid_name(cand, closed) and self.follows_name(text, end):
                if self.follows_name(text, end, strong=True):
                    longer = text[pos : end + 1]
                    if (
                        glen == 1
                        and end < len(text)
                        and text[end] in self.lex.conjunctions
                        and longer not in self.lex.not_names
                        and self.follows_name(text, end + 1, strong=True)
                        and not self.name_at(text, end + 1)
                    ):
                        return longer  # 甘国和|在主席台就座: 和 ends the name, it joins nothing
                    return cand
                weak = weak or cand  # 樊海|放出 is a verb too, but 樊海放|出席 reads better
        return weak

    def _list_item(self, text: str, pos: int) -> str | None:
        """An item of a list of names, whole between its separators: 县领导张宏、李广同、…
        (李广同, not 李广); a surname outside the list (占卓夫) is taken here too."""
        m = re.match(r"[\u4e00-\u9fff]{2,3}(?=[、，,。；;]|等)", text[pos : pos + 5])
        if not m:
            return None
        item = m.group()
        if (
            item in self.lex.rank_kinds
            or item in self.lex.places.names
            or item in self.lex.verbs
            or item[:2] in self.lex.not_names
            or FUNCTION_CHARS & set(item[1:])
            or item.endswith(self.lex.org_suffixes)
            or starts_with_any(text, pos, self.ranks)
        ):
            return None
        return item if self.lex.is_surname_start(item) or len(item) == 3 else None

    def _unlisted_name(self, text: str, pos: int) -> str | None:
        m = UNLISTED_NAME.match(text, pos)
        if not m:
            return None
        cand = m.group()
        if "·" in cand:  # 热合曼·吐尔逊出席: the dot marks a name; what follows it ends it
            dot = cand.index("·")
            for end in range(dot + 3, len(cand) + 1):
                if self.follows_name(text, pos + end):
                    return cand[:end]
            return None
        plain = cand.replace("·", "")
        if any(
            plain[i : i + 2] in self.lex.verbs or plain[i : i + 2] in self.lex.not_names for i in range(len(plain) - 1)
        ):
            return None  # 处理问题: words, not a name
        if (
            cand in self.lex.rank_kinds
            or cand in self.lex.organs
            or cand[:2] in self.lex.not_names
            or NAME_BAD & set(plain)
            or cand.endswith(self.lex.org_suffixes)
            or starts_with_any(text, pos, self.ranks)
            or ends_with_any(cand, len(cand), self.ranks)
        ):
            return None
        return cand

    def known_at(self, text: str, pos: int) -> list[str]:
        return self.known.starting_at(text, pos)

    def name_ending_at(self, text: str, end: int) -> tuple[str, int] | None:
        """A name that ends at ``end`` (朱建峰|区长), with a clear left edge."""
        for length in (3, 2, 4):
            a = end - length
            if a < 0:
                continue
            cand = text[a:end]
            if not self.valid_name(cand) and cand not in self.known:
                continue
            if any(text.endswith(o, 0, end) and len(o) > length for o in self.lex.organs):
                continue  # 区委办公室|主任: the end of an organ, not a name
            left_ok = (
                a == 0
                or cand in self.known
                or text[a - 1] in CLAUSE_PUNCT
                or text[a - 1] in "（）"
                or text[a - 1] in self.lex.conjunctions
                or ends_with_any(text, a, self.lex.left_stops)
                or ends_with_any(text, a, self.lex.org_suffixes)
            )
            if left_ok:
                return cand, a
        return None

    # --- titles ---------------------------------------------------------
    def extend_left(self, text: str, rank_start: int) -> int:
        """Where a title that ends in the rank at ``rank_start`` begins."""
        a, organ_at = rank_start, None
        lex = self.lex
        while a > 0 and rank_start - a < TITLE_MAX:
            ch = text[a - 1]
            if not (is_cjk(ch) or ch in "（）"):
                break
            organ = ends_with_any(text, a, lex.organs)
            if organ:  # 组织部 is an organ even though 组织 is a verb
                a = organ_at = a - len(organ)
                continue
            stop = lex.stop_before(text, a)
            inside = organ_at is not None and stop in lex.name_interior and made_of(text[a:organ_at], lex.name_interior)
            if stop and not inside:
                break  # but 行政审批服务|局局长: a word that lives inside names runs into the organ
            if ch in lex.conjunctions and (
                ch != "和" or ends_with_any(text, a - 1, lex.org_suffixes) or lex.name_ends_at(text, a - 1)
            ):
                break  # 区委和区政府: two organizations, not one; 杨帆和|新河街道党工委书记
            a -= 1
        return trim_start(text, a, rank_start, lex.conjunctions)

    def split_title(self, title: str) -> tuple[str | None, str]:
        for rank in self.ranks:
            if title.endswith(rank):
                organ = title[: -len(rank)] or None
                return organ, rank
        return None, title

    def is_title(self, chunk: str) -> bool:
        """A whole chunk (between punctuation) is a title: 区委副书记, 常务副区长."""
        for m in self.rank_re.finditer(chunk):
            if m.end() == len(chunk):
                return self.extend_left(chunk, m.start()) == 0
        return False

    # --- main -----------------------------------------------------------
    def find(self, text: str, tagged: Iterable[NameCandidate] = ()) -> PersonResult:
        """Names and titles in ``text``; ``tagged``: a statistical tagger's candidates."""
        res = PersonResult()
        taken: dict[int, NameMention] = {}

        def add_name(name: str, start: int, rule: str) -> NameMention:
            if start not in taken:
                taken[start] = NameMention(name, start, start + len(name), rule)
            return taken[start]

        def add_title(person: NameMention, title_start: int, title_end: int, rule: str) -> None:
            title = text[title_start:title_end]
            organ, rank = self.split_title(title)
            res.titles.append(TitleMention(person.name, title, rank, organ, title_start, title_end, rule, person.start))

        for m in self.rank_re.finditer(text):
            rank = m.group()
            rs, re_ = m.span()
            npos = re_
            byline = self.lex.rank_kinds.get(rank) == "byline"
            if byline:
                while npos < len(text) and text[npos] in " \u3000：:":
                    npos += 1
            name = self.name_at(text, npos, after_title=self.lex.rank_kinds.get(rank) not in ("descriptor", "byline"))
            if name and not (rank in ("委员", "常委") and text.startswith("会", re_)):
                person = add_name(name, npos, "byline" if byline else "title_before_name")
                ts = self._byline_start(text, rs) if byline else self.extend_left(text, rs)
                if self.lex.rank_kinds.get(rank) == "group":
                    cm = re.search(r"([\u4e00-\u9fff]{0,4}[市县区省])[及、和]$", text[max(0, ts - 6) : ts])
                    if cm:
                        ts -= len(cm.group())  # 苏州市及区领导: a compound label stays whole
                add_title(person, ts, re_, "title_before_name")
                # chained titles: 区委副书记、区长耿勇军
                cur = ts
                while cur > 0 and text[cur - 1] == "、":
                    b = cur - 1
                    a = b
                    while a > 0 and text[a - 1] not in CLAUSE_PUNCT:
                        a -= 1
                    while a < b and (
                        text[a] in "◆●▲■△★☆◇□○•▪ "
                        or ends_with_any(text, a + 1, ("由",))
                        or starts_with_any(text, a, self.lex.left_stops)
                    ):
                        a += len(starts_with_any(text, a, self.lex.left_stops) or " ")  # 会议由|区委副书记、区长X主持
                    if a < b and self.is_title(text[a:b]) and not self.name_at(text, a):
                        add_title(person, a, b, "chained_title")
                        cur = a
                    else:
                        break
                # a title that can be plural covers the list after the name
                plural = rank in self.lex.plural_ranks or self.lex.rank_kinds.get(rank) in ("group", "byline")
                pos = npos + len(name)
                while pos < len(text):
                    sep = text[pos]
                    if sep in "及和与" and plural:
                        pass  # 市领导沙向东及鹿斌佐: one label, two names
                    elif sep not in "、 " or (sep == " " and not byline):
                        break
                    if byline and sep == " " and self._byline_rank_at(text, pos + 1):
                        break  # 记者 郁文 通讯员 王立: the next label starts its own list
                    nxt = self._list_item(text, pos + 1) if sep == "、" else None
                    nxt = nxt or self.name_at(text, pos + 1)
                    if not nxt or (sep == "、" and pos + 1 < len(text) and self._starts_title(text, pos + 1)):
                        break
                    member = add_name(nxt, pos + 1, "name_list")
                    if plural:
                        add_title(member, ts, re_, "plural_title")
                    pos = member.end
                continue
            before = self.name_ending_at(text, rs)
            if before and self.follows_name(text, re_):
                person = add_name(before[0], before[1], "name_before_title")
                add_title(person, rs, re_, "name_before_title")

        self._bare_lists(text, add_name, res)
        self._bylines(text, add_name)
        self._photographers(text, add_name)
        for m in re.finditer(
            r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}(?=同志)|(?<=[由、和与及])[\u4e00-\u9fff]{2,3}(?=同志)", text
        ):
            if self.valid_name(m.group(), closed=True) and m.start() not in taken:
                add_name(m.group(), m.start(), "bare_list")  # 会议由王伟同志主持
        # names seen with a title (here or in earlier issues) are names everywhere
        self.known.update(n.name for n in taken.values())
        covered = {i for n in taken.values() for i in range(n.start + 1, n.end)}
        for s, k in self.known.occurrences(text):
            if s in taken or s in covered:
                continue
            if self.follows_name(text, s + len(k)) and (
                s == 0 or not (is_cjk(text[s - 1]) and self.name_at(text, s - 1))
            ):
                add_name(k, s, "known_name")
                covered.update(range(s + 1, s + len(k)))
        self._tagged(text, tagged, taken, add_name, add_title)
        self._surname_titles(text, taken, res)
        res.names = sorted(taken.values(), key=lambda n: n.start)
        self._trailing_labels(text, res)
        return res

    def _tagged(
        self, text: str, tagged: Iterable[NameCandidate], taken: dict[int, NameMention], add_name, add_title
    ) -> None:
        """The tagger's name where the text reads like a person's on both sides:
        a pause, a conjunction, a title or a stop word before; a predicate after,
        at every place it is written. Places it mistakes for names (沙桥镇, 鲁渝
        蔬菜) are written with a place ending or used as a modifier somewhere."""
        tagged = list(tagged)
        # where each candidate ends, everywhere it is written, in one pass over the text
        # (a search per candidate made a long article cost candidates × length)
        ends: dict[str, list[int]] = {}  # as re.finditer finds them: not overlapping
        placed: set[str] = set()  # written somewhere with a place ending
        for s, name in sorted(NameIndex(c.name for c in tagged).occurrences(text)):
            e = s + len(name)
            if e < len(text) and text[e] in PLACE_ENDINGS:
                placed.add(name)
            seen = ends.setdefault(name, [])
            if not seen or s >= seen[-1]:
                seen.append(e)
        covered = {i for n in taken.values() for i in range(n.start, n.end)}
        for c in tagged:
            name, a = c.name, c.start
            if (
                not (2 <= len(name) <= 3 and self.valid_name(name, closed=True))
                or a in covered
                or name in self.lex.verbs
            ):
                continue
            if (
                name in placed or name[-1] in "镇乡村" or name in self.lex.places.names
            ):  # 云霄、东山: counties, not persons
                continue
            left = (
                a == 0
                or text[a - 1] in CLAUSE_PUNCT
                or text[a - 1] in self.lex.conjunctions
                or bool(ends_with_any(text, a, self.ranks))
                or bool(ends_with_any(text, a, self.lex.left_stops))
            )
            if left and all(self.follows_name(text, e) for e in ends.get(name, ())):
                person = add_name(name, a, "tagged_name")
                covered.update(range(person.start, person.end))
                rank = ends_with_any(text, a, self.ranks)
                if rank:  # 州纪委副书记|赵宗喜: the title before the tagged name is his
                    add_title(person, self.extend_left(text, a - len(rank)), a, "title_before_name")

    @staticmethod
    def _byline_start(text: str, rank_start: int) -> int:
        """临沭融媒记者 keeps its outlet; 本报讯（记者, 本报记者 do not."""
        a = rank_start
        while a > 0 and is_cjk(text[a - 1]) and text[a - 1] != "讯" and rank_start - a < 8:
            a -= 1
        if text.startswith(("本报", "本台", "本网", "本刊"), a):
            a = rank_start
        return a

    def _byline_rank_at(self, text: str, pos: int) -> bool:
        rank = starts_with_any(text, pos, self.ranks)
        return bool(rank and self.lex.rank_kinds.get(rank) == "byline")

    def _trailing_labels(self, text: str, res: PersonResult) -> None:
        """王金狮，县人大常委会主任施仲达，林达祥等县领导参加: a plural label after 等
        belongs to every name of the list before it, titled or not."""
        ends = self.lex.group_label_ends
        titles_by_end = {t.end: t for t in res.titles}
        starts = {n.start for n in res.names}
        for m in re.finditer(
            r"(?<=[，、,])([\u4e00-\u9fff]{2,3})等(?=[\u4e00-\u9fff]{0,10}?(?:%s))" % "|".join(ends), text
        ):
            if m.start(1) not in starts and self.valid_name(m.group(1), closed=True):
                res.names.append(NameMention(m.group(1), m.start(1), m.end(1), "bare_list"))  # ，林达等县领导
        res.names.sort(key=lambda n: n.start)
        for m in re.finditer(r"等(?=[\u4e00-\u9fff])", text):
            # the longest label that ends in a group word and is followed by a predicate or a pause
            label = None
            for end in range(min(len(text), m.end() + 12), m.end() + 1, -1):
                cand = text[m.end() : end]
                if cand.endswith(ends) and (
                    end >= len(text)
                    or text[end] in CLAUSE_PUNCT
                    or self.follows_name(text, end)
                    or text[end : end + 2] in ("分别", "一同", "一起", "先后", "共同", "紧扣")
                ):
                    label = cand
                    break
            if label is None or not all(is_cjk(c) for c in label):
                continue
            ls = m.end()
            if (
                label in self.lex.rank_kinds
                and self.lex.rank_kinds[label] == "group"
                and any(t.start == ls and t.rule == "trailing_group_label" for t in res.titles)
            ):
                continue  # the bare-list rule has given it already
            members: list[NameMention] = []
            pos = m.start()
            for n in reversed(res.names):
                if n.end > pos:
                    continue
                gap = text[n.end : pos]
                # what lies between two members: separators and the next member's titles only
                while gap and gap[-1] not in "、，, 和及与":
                    t = titles_by_end.get(n.end + len(gap))
                    if t is None or t.start < n.end:
                        break
                    gap = text[n.end : t.start]
                if gap.strip("、，, 和及与"):
                    break
                members.append(n)
                pos = n.start
                while pos > 0 and (t := titles_by_end.get(pos)) is not None:
                    pos = t.start
                    while pos > 0 and text[pos - 1] == "、" and (t2 := titles_by_end.get(pos - 1)) is not None:
                        pos = t2.start
            have = {(t.person, t.title) for t in res.titles}
            organ, rank = self.split_title(label)
            for n in members:
                if (n.name, label) not in have:
                    res.titles.append(
                        TitleMention(n.name, label, rank, organ, ls, ls + len(label), "trailing_group_label", n.start)
                    )

    def _photographers(self, text: str, add_name) -> None:
        """王立摄, （张平 摄）: the one who took the picture is a person, with no title."""
        for m in re.finditer(r"(?:^|(?<=[\s（(]))([\u4e00-\u9fff]{2,4})\s?摄(?:影)?(?=[\s）)]|$)", text, re.M):
            if self.valid_name(m.group(1), closed=True):
                add_name(m.group(1), m.start(1), "byline")

    def _surname_titles(self, text: str, taken: dict[int, NameMention], res: PersonResult) -> None:
        """马区长, 陈书记: the one person with that surname who holds that rank."""
        for m in self.rank_re.finditer(text):
            for sl in (2, 1):
                s = m.start() - sl
                if s < 0 or any(n.start <= s < n.end for n in taken.values()):
                    continue
                surname = text[s : m.start()]
                if (
                    sl == 1
                    and surname not in self.lex.surnames_single
                    or sl == 2
                    and surname not in self.lex.surnames_compound
                ):
                    continue
                if s > 0 and is_cjk(text[s - 1]) and not ends_with_any(text, s, self.lex.left_stops):
                    continue
                holders = {t.person for t in res.titles if t.person.startswith(surname) and t.title.endswith(m.group())}
                if not holders:
                    holders = self.known.with_first(surname)
                    holders = holders if len(holders) == 1 else set()
                if len(holders) == 1 and self.follows_name(text, m.end()):
                    name = holders.pop()
                    taken[s] = NameMention(name, s, m.end(), "surname_title")
                break

    def _starts_title(self, text: str, pos: int) -> bool:
        a = pos
        b = a
        while b < len(text) and text[b] not in CLAUSE_PUNCT:
            b += 1
        chunk = text[a:b]
        m = self.rank_re.search(chunk)
        return bool(
            m
            and self.extend_left(chunk, m.start()) == 0
            and m.start() <= 12
            and not self.valid_name(chunk[: m.start()])
        )

    def _bare_lists(self, text: str, add_name, res: PersonResult) -> None:
        """耿勇军、李新军、邓书安等区领导: names listed with 、 and no title before."""
        for m in re.finditer(
            r"(?<![\u4e00-\u9fff]、)(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?(?:[和及与][\u4e00-\u9fff]{2,4}?)?"
            r"(?=等|[，。；\s]|$|"
            + "|".join(re.escape(f) for f in ("参加", "出席", "陪同", "列席", "就", "分别", "以及", "作", "同志"))
            + ")",
            text,
        ):
            parts = m.group().split("、")
            start = m.start()
            if len(parts[-1]) > 4:  # 孔祥云、贾维和欧阳丽华: the last two joined by 和, 及 or 与
                parts[-1:] = self._last_pair(parts[-1]) or parts[-1:]
            # the regex may have started mid-word (表彰了|王海涛): trim the first item
            # to a name that follows a word boundary
            for cut in range(len(parts[0]) - 1):
                head = parts[0][cut:]
                boundary = (
                    start + cut == 0
                    or not is_cjk(text[start + cut - 1])
                    or bool(ends_with_any(text, start + cut, self.lex.left_stops))
                    or text[start + cut - 1] in self.lex.conjunctions
                )
                if ends_with_any(text, start + cut + 1, self.lex.left_stops):
                    continue  # 的|有钱江: the first character closes a stop word (的有), it opens no name
                if boundary and (self.valid_name(head) or head in self.known):
                    parts[0], start = head, start + cut
                    break
            else:
                continue
            items, pos = [], start
            for part in parts:
                if not self.valid_name(part, closed=True) and part not in self.known or part in self.lex.places.names:
                    break
                items.append((part, pos))
                pos += len(part) + 1
            if len(items) < len(parts) or len(items) < 2:
                continue
            members = [add_name(n, s, "bare_list") for n, s in items]
            end = m.end()
            if text.startswith("等", end):
                g = starts_with_any(text, end + 1, tuple(r for r, k in self.lex.rank_kinds.items() if k == "group"))
                if g:
                    for person in members:
                        organ, rank = self.split_title(g)
                        res.titles.append(
                            TitleMention(
                                person.name,
                                g,
                                rank,
                                organ,
                                end + 1,
                                end + 1 + len(g),
                                "trailing_group_label",
                                person.start,
                            )
                        )

    def _last_pair(self, part: str) -> list[str] | None:
        """``part`` as two names joined by 和, 及 or 与 (贾维和欧阳丽华), when both halves are names."""
        for i in range(2, min(5, len(part) - 2)):
            left, right = part[:i], part[i + 1 :]
            if part[i] in "和及与" and 2 <= len(right) <= 4 and self.valid_name(left, closed=True):
                if self.valid_name(right, closed=True):
                    return [left, right]
        return None

    def _bylines(self, text: str, add_name) -> None:
        """（王慧）, （东湖镇 李小红）: names in closing brackets are the article's writers."""
        for m in re.finditer(r"[（(]([\u4e00-\u9fff ]{2,30})[）)]", text):
            tail = text[m.end() : m.end() + 1]
            if tail and tail not in "\n。 " and text[m.start() - 1 : m.start()] != "讯":
                continue  # 鲁渝（寿光）蔬菜: a bracket inside the sentence is no byline
            pos = m.start(1)
            for part in m.group(1).split(" "):
                if part and self.valid_name(part) and not part.endswith(self.lex.org_suffixes):
                    add_name(part, pos, "byline")
                pos += len(part) + 1
