"""Events (meetings, study visits, activities), their dates and who did what.

Works sentence by sentence over one article. A sentence that holds a trigger
(召开…会, 调研, 检查, 慰问, …活动) opens an event; roles are read from the
person mentions before the role verbs (主持, 带领, 参加, 指出…). A sentence
without a trigger adds its roles to the article's current meeting. Speech that
follows 指出/要求/强调 is a statement, never a source of new events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from .persons import NameMention
from .textutil import clause_bounds

RANGE = r"(?:\s*[-—–~至到]\s*\d{1,2}\s*)?"
DATE_RE = re.compile(rf"(?:(\d{{4}})\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}}){RANGE}\s*日|^(\d{{1,2}}){RANGE}日(?=\s)")
SENT_RE = re.compile(r"[^。！？\n]+[。！？]?")
# a meeting's name may quote a slogan that holds 、 (“讲政治、守法纪”集中整治动员大会)
NAME_CHAR = r"(?:“[^”\n]{1,40}”|[^，。；、“\n])"
ITEM_MARKS = "◆●▲■△★☆◇□○•▪◎▶►※❖◉⊙▷➤✦"
SAME_DAY = ("同日", "同天", "当日", "当天")  # an item opening with one took place on the day of the entry above
# How an item of a bulletin or 大事记 opens: a mark, a date (6月10日, 17—22日, 1日),
# a garbled day (422 = 4月22日) or 同日 (the date of the entry above).
LEAD_RE = re.compile(
    rf"[ \t]*(?P<mark>[{ITEM_MARKS}])?[ \t]*(?:(?P<same>{'|'.join(SAME_DAY)})"
    rf"|(?P<date>(?:\d{{4}}\s*年\s*)?\d{{1,2}}\s*月\s*\d{{1,2}}{RANGE}\s*日|\d{{1,2}}{RANGE}日(?![\u4e00-\u9fff]{{0,1}}[期])"
    rf"|\d{{3,4}}(?=[ \t\u3000]+[^\d\s年月日万亿元个%期版号]|$)))?"
)


@dataclass
class RoleMention:
    person: str
    role: str
    verb: str
    start: int
    end: int


@dataclass
class StatementMention:
    speaker: str
    verb: str
    text: str
    start: int
    end: int


@dataclass
class EventMention:
    kind: str
    label: str
    start: int  # the trigger
    end: int
    sent_start: int
    sent_end: int
    date_text: str | None
    date_start: int | None
    before_main: bool
    label_named: bool = False
    roles: list[RoleMention] = field(default_factory=list)
    statements: list[StatementMention] = field(default_factory=list)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class EventFinder:
    def __init__(self, lex: Lexicon) -> None:
        ev = lex.events
        self.lex = lex
        nouns = _alt(ev["meeting_nouns"])
        # 在全市防汛视频调度会议后 / 收听收看了…视频会议后: a meeting the item's people attended
        self.after_re = re.compile(
            rf"(?:在|收听收看了?|收看了?|参加了?)(?P<name>[^，。；、在]{{2,30}}?(?:{nouns}))(?:后|之后|结束后)"
        )
        # the whole name up to its last meeting word: 县委常委会（扩大）会议; 安全生产、防汛工作会议
        self.convene_re = re.compile(
            rf"(?:主持|组织)?(?:召开|举行|举办)(?P<name>(?:{NAME_CHAR}|、){{0,40}}(?:{nouns}))"
        )
        # failing a known meeting noun, after 召开 a name ending in 会 is a meeting (…学习会)
        self.convene_any_re = re.compile(rf"(?:主持|组织)?召开(?P<name>{NAME_CHAR}{{0,40}}?会)(?![议谈见])")
        self.held_re = re.compile(
            rf"(?P<name>{NAME_CHAR}{{2,40}}?(?:{nouns}))(?:(?:于|在)[^，。；]{{1,16}})?"
            rf"(?:隆重|正式|顺利|胜利)?(?:召开|举行|开幕)"
        )
        self.visit_noun_re = re.compile(_alt(ev["visit_nouns"]))
        # …篮球赛在县体育馆正式开赛, …典礼仪式在区内隆重举行: an activity held
        self.held_activity_re = re.compile(
            rf"(?P<name>{NAME_CHAR}{{2,40}}?(?:{_alt(ev['held_nouns'])}))(?:在[^，。；]{{1,12}})?(?:正式|隆重|顺利)?"
            rf"(?:{_alt(ev['held_verbs'])})"
        )
        self.status_re = re.compile(_alt(ev["status_words"]))
        # 市委书记唐文出席全市脱贫攻坚推进会: a meeting the item's official attended
        self.attend_re = re.compile(rf"(?:出席|参加|列席)了?(?P<name>{NAME_CHAR}{{2,40}}?(?:{nouns}))")
        self.watch_re = re.compile(rf"(?:收听收看|收看|观看)了?(?P<name>{NAME_CHAR}{{2,40}}?(?:{nouns}))")
        self.visit_re = re.compile(_alt(ev["visit_verbs"]))
        self.activity_re = re.compile(
            rf"(?:开展|举办|举行)(?P<name>[^，。；]{{2,40}}(?:{_alt(ev['activity_nouns'])}))|{_alt(ev['activity_verbs'])}"
        )
        self.meetverb_re = re.compile(_alt(ev["meeting_verbs"]))
        self.roles = lex.role_verbs()
        # 陈红、赵刚参加视察: a verb of joining before the visit word joins the visit already told
        self.joining = tuple(self.roles["Attendee"]) + tuple(self.roles["Chair"])
        self.role_word_re = re.compile(_alt([w for ws in self.roles.values() for w in ws]))
        self.speech_re = re.compile(rf"(?:{_alt(ev['speech_acts'])})[：:，,]?")
        self.undated = tuple(ev.get("undated_words", []))
        self.before = tuple(ev.get("before_words", []))

    def find(self, text: str, names: list[NameMention]) -> list[EventMention]:
        # who wrote the item (记者 林瑶) did none of what it reports
        names = [n for n in names if n.rule != "byline"]
        events: list[EventMention] = []
        items = self.items(text)
        for a, b, item_date in items:
            self._find_in_item(text, a, b, names, item_date, events, itemised=len(items) > 1)
        return events

    def items(self, text: str) -> list[tuple[int, int, tuple[str, int] | None]]:
        """The items of an article with the date each inherits.

        A bulletin of ◆/●/△ items or a 大事记 of dated lines reports one happening
        per item: each opens anew, a bare day line (1日) dates the items under it,
        同日 and an undated △ take the date of the entry above. Any other text is
        one item whose paragraphs tell one story."""
        paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        leads = [LEAD_RE.match(text, a, b) for a, b in paras]
        opened = sum(1 for m in leads if m and (m.group("mark") or m.group("same") or m.group("date")))
        heads = [
            k
            for k in range(len(paras) - 1)
            if self._headline(text[paras[k][0] : paras[k][1]])
            and paras[k + 1][1] - paras[k + 1][0] >= 20
            and not self._headline(text[paras[k + 1][0] : paras[k + 1][1]])
        ]
        if opened < 2 and len(heads) >= 2:
            # a 简报 of headed items: each headline opens an item, its paragraphs follow
            bounds = [paras[k + 1][0] for k in heads] + [len(text) + 1]
            first = [(0, paras[heads[0]][0], None)] if heads[0] > 0 else []
            return first + [
                (bounds[i], paras[heads[i + 1]][0] if i + 1 < len(heads) else len(text), None)
                for i in range(len(heads))
            ]
        if opened < 2:
            return [(0, len(text), None)]
        out: list[tuple[int, int, tuple[str, int] | None]] = []
        heading: tuple[str, int] | None = None
        last: tuple[str, int] | None = None
        after_heading = False
        for k, ((a, b), m) in enumerate(zip(paras, leads)):
            written = m.group("date") if m else None
            if k in heads and not written:
                after_heading = True  # an item's headline: the paragraph under it opens the item
                continue
            if written and not text[m.end() : b].strip(" \t，,：:"):
                heading = last = (written, m.start("date"))  # a day line (3日) dates the items below
                after_heading = True
                continue
            if m and (m.group("mark") or m.group("same") or written) or after_heading or not out:
                if written:
                    date = (written, m.start("date"))
                elif m and (m.group("same") or m.group("mark") == "△") and last:
                    date = last
                else:
                    date = heading
                out.append((a, b, date))
                last = date or last
            else:
                out[-1] = (out[-1][0], b, out[-1][2])  # a paragraph that goes on with the item
            after_heading = False
        return out

    @staticmethod
    def _headline(line: str) -> bool:
        """A short line with no sentence in it: an item's headline (区委召开常委会会议)."""
        line = line.strip()
        return (
            4 <= len(line) <= 30
            and not re.search(r"[。！？；，]", line)
            and not LEAD_RE.fullmatch(line)
            and not DATE_RE.match(line)
        )

    def _find_in_item(
        self,
        text: str,
        a: int,
        b: int,
        names: list[NameMention],
        item_date: tuple[str, int] | None,
        events: list[EventMention],
        itemised: bool,
    ) -> None:
        meeting: EventMention | None = None
        current: EventMention | None = None
        para_date = item_date
        first = len(events)
        first_sent = next((m.start() for m in SENT_RE.finditer(text, a, b)), a)  # an item may hold no sentence
        for sm in SENT_RE.finditer(text, a, b):
            s0, s1 = sm.span()
            sent = sm.group()
            if (s0 == 0 or text[s0 - 1] == "\n") and s0 != a:
                para_date = None  # a new paragraph of a story is dated by its own words
            lead = LEAD_RE.match(sent)
            dm = DATE_RE.search(sent)
            if lead and lead.group("date") and not dm:
                dm = re.search(re.escape(lead.group("date")), sent)  # 422 我县举行…
            if dm and dm.start() <= 3:
                para_date = (dm.group(), s0 + dm.start())
                if s0 == 0 or text[s0 - 1] == "\n":
                    current = meeting = None
            # 同日 / an undated △ item: the date of the entry above
            inherited = bool(item_date and s0 == first_sent and not (dm and dm.start() <= 3))
            # speech is content, not events: cut the sentence at the first speech verb
            speech = self.speech_re.search(sent)
            scan_end = s0 + (speech.start() if speech else len(sent))
            scan = text[s0:scan_end]
            am = self.after_re.search(scan)
            if am:
                prior = EventMention(
                    "Meeting",
                    am.group("name"),
                    s0 + am.start("name"),
                    s0 + am.end("name"),
                    s0,
                    s1,
                    None,
                    None,
                    False,
                    True,
                )
                if dm and dm.start() <= am.start():
                    prior.date_text, prior.date_start = dm.group(), s0 + dm.start()
                elif para_date:
                    prior.date_text, prior.date_start = para_date
                elif current and current.date_start is not None and current.date_text not in self.undated + self.before:
                    # 在收听收看了…视频会议后，现场通报…: the meeting watched that day, before this one
                    prior.date_text, prior.date_start = current.date_text, current.date_start
                events.append(prior)
                scan = scan[: am.start()] + " " * (am.end() - am.start()) + scan[am.end() :]
            dated = bool(dm and dm.start() <= 3) or inherited
            ev = self._trigger(text, s0, scan, names, dated=dated)
            if (
                ev
                and ev.kind == "Activity"
                and not ev.label_named
                and (meeting or current)
                and not (dm and dm.start() <= 3)
            ):
                ev = None  # 出席活动并为项目开工奠基, X宣布项目开工: part of the happening already reported
            if (
                ev
                and itemised
                and len(events) > first
                and ev.kind == "Activity"
                and not dated
                and not any(s0 <= n.start < ev.start for n in names)
            ):
                ev = None  # 积极开展各种形式的文艺活动: how the item's happening went, not another one
            if ev is None and meeting is None and current is None:
                am2 = self.attend_re.search(scan)
                if am2 and len(am2.group("name")) >= 5 and not self._referred(scan, am2.start(), tail=False):
                    ev = EventMention(
                        "Meeting", am2.group("name"), s0 + am2.start(), s0 + am2.end(), s0, s0, None, None, False, True
                    )
            found = [ev] if ev else []
            if ev and ev.kind == "Meeting" and ev.label_named:
                # X调研…并召开座谈会: the visit and the meeting it held, each with its own roles
                visit = self._trigger(text, s0, text[s0 : ev.start], names, dated=dated)
                if visit and visit.kind == "StudyVisit":
                    found.insert(0, visit)
            for ev in found:
                ev.label = ev.label.lstrip(ITEM_MARKS + " ")
                before = sent.lstrip().startswith(self.before)
                date_text, date_start = None, None
                if dm and s0 + dm.start() < ev.start:
                    date_text, date_start = dm.group(), s0 + dm.start()
                elif para_date and not before and (inherited or not any(w in sent[:6] for w in self.undated)):
                    date_text, date_start = para_date
                elif (
                    current
                    and current.date_start is not None
                    and current.date_text not in self.undated + self.before
                    and re.search(r"随后|随即|会后|接着|紧接着", text[s0 : ev.start])
                ):
                    date_text, date_start = current.date_text, current.date_start  # 在随后召开的汇报会上
                else:  # 近日, 日前, 连日来, 会前: no date, the words kept as written
                    word = next((w for w in self.undated + self.before if w in text[s0 : ev.start]), None)
                    if word:
                        date_text, date_start = word, s0 + text[s0 : ev.start].index(word)
                ev.date_text, ev.date_start, ev.before_main = date_text, date_start, before
                ev.sent_start, ev.sent_end = s0, s1
                events.append(ev)
                current = ev
                if ev.kind == "Meeting" and not before:
                    meeting = ev
            if len(found) == 2:  # the visit takes the sentence's roles, its meeting who convened it
                self._roles(text, s0, s1, names, found[0], skip=(found[1].start, found[1].end))
                self._roles(text, s0, found[1].end, names, found[1])
                continue
            target_for_roles = current if found else meeting or current
            if target_for_roles is None:
                continue
            self._roles(text, s0, s1, names, target_for_roles)
        if itemised and len(events) == first:
            ev = self._item_event(text, first_sent, b, names, item_date)
            if ev:
                events.append(ev)
                for sm in SENT_RE.finditer(text, first_sent, b):
                    self._roles(text, sm.start(), sm.end(), names, ev)

    def _item_event(
        self, text: str, a: int, b: int, names: list[NameMention], item_date: tuple[str, int] | None
    ) -> EventMention | None:
        """An item that names no trigger still reports a happening: its first
        sentence, after the date, is the label (乔朝英对…工作进行动员部署)."""
        s1 = next(SENT_RE.finditer(text, a, b)).end()
        sent = text[a:s1]
        if self.status_re.search(sent) or not any(a <= n.start < s1 for n in names) and item_date is None:
            return None  # 被授予…称号: a change of status, not a happening
        dm = DATE_RE.search(sent)
        lead = LEAD_RE.match(sent)
        start = a + (dm.end() if dm and dm.start() <= 3 else lead.end() if lead else 0)
        while start < s1 and text[start] in "，、：: \t上下午晚间":
            start += 1
        label = text[start:s1].rstrip("。！？ ").lstrip(ITEM_MARKS + " ")
        if len(label) < 4:
            return None
        date_text, date_start = (dm.group(), a + dm.start()) if dm else item_date or (None, None)
        ev = EventMention("Activity", label, start, s1, a, s1, date_text, date_start, False, False)
        actors = [n for n in names if start <= n.start < s1]
        for n in actors[:1]:
            ev.roles.append(RoleMention(n.name, "Attendee", label[:4], n.start, n.end))
        return ev

    def _trigger(self, text: str, s0: int, scan: str, names: list[NameMention], dated: bool) -> EventMention | None:
        # meetings only referred to (传达…会议精神, 即将召开) are not events
        m = self.convene_re.search(scan) or self.convene_any_re.search(scan)
        if m and re.search(r"(?:每[周月天日年季]|定期|经常|每季度)[^，。；]{0,3}$", scan[: m.start()]):
            m = None  # 每周召开一次调度会: a routine, not a happening
        if m and re.search(r"(?:通过了?|决定|关于|筹备|迎接|准备|即将)[^，。；]{0,4}$", scan[: m.start()]):
            m = None  # 审议通过了召开…会议的决定: a meeting decided on, not held
        if m and not self._referred(scan, m.start(), tail=False):
            label = re.sub(r"^(?:了|的|一次|全体)", "", m.group("name"))  # 随后召开的|汇报会
            if re.match(r"第|会议$|全体会议$", label) and not m.group().startswith(("主持", "组织")):
                # 区人大常委会召开第二十二次会议: the body that met names the meeting
                head = re.split(r"[，。；、\s]|\d+日|上午|下午", scan[: m.start()])[-1]
                if head.endswith(self.lex.org_suffixes):
                    label = head + label
            return EventMention("Meeting", label, s0 + m.start(), s0 + m.end(), s0, s0, None, None, False, True)
        m = self.watch_re.search(scan)
        if m and not self._referred(scan, m.start(), tail=False):  # 一起收听收看…电视电话会
            return EventMention(
                "Meeting", m.group("name"), s0 + m.start(), s0 + m.end(), s0, s0, None, None, False, True
            )
        for regex, kind in ((self.held_re, "Meeting"), (self.held_activity_re, "Activity")):
            m = regex.search(scan)
            if m and not self._referred(scan, m.start(), tail=False) and "即将" not in scan[m.end("name") : m.end()]:
                label = re.sub(r"^[\d月日上下午晚，、\s]+", "", m.group("name"))
                label = re.sub(r"^.{0,30}?(?:举办|主办|承办|组织)的", "", label)  # 由…联合举办的…篮球赛
                return EventMention(kind, label, s0 + m.start("name"), s0 + m.end(), s0, s0, None, None, False, True)
        subj = [n for n in names if s0 <= n.start < s0 + len(scan)]
        for regex, kind in (
            (self.visit_re, "StudyVisit"),
            (self.activity_re, "Activity"),
            (self.meetverb_re, "Meeting"),
        ):
            for m in regex.finditer(scan):
                named = bool(m.groupdict().get("name"))
                if not named and scan[: m.start()].endswith(self.joining):
                    return None  # 陈红、赵刚参加视察, 周立群主持签约仪式: roles at the event already reported
                if self._referred(scan, m.start()) and not (named and "传达" not in scan[: m.start()]):
                    continue
                if (
                    kind == "StudyVisit"
                    and self.visit_noun_re.match(scan, m.end())
                    and not scan.startswith("工作", m.end())
                ):
                    continue  # 调研组一行, 调研报告: a team or a report, not a visit
                if (
                    kind == "StudyVisit"
                    and re.search(r"在[^，。；]{0,12}$", scan[: m.start()])
                    and re.match(r"[^，。；]{0,12}?(?:时|中|期间|过程中)", scan[m.end() :])
                ):
                    continue  # X在调研时指出: the visit already reported, not another one
                actors = [n for n in subj if n.end <= s0 + m.start()]
                if actors and "关于" in text[actors[-1].end : s0 + m.start()]:
                    continue  # 听取X关于…视察活动方案的汇报: a plan, not a visit
                if not actors and not named and not dated:
                    continue
                # the label runs from the first actor (or the date after a byline) to the end of the trigger's clause
                ca, _ = clause_bounds(text, s0 + m.start())
                a = actors[0].start if actors else max(ca, s0)
                dates = [d for d in DATE_RE.finditer(text, a, s0 + m.start())]
                if dates:
                    a = dates[-1].end()
                    while a < len(text) and text[a] in "，、 上下午晚":
                        a += 1
                if not actors:
                    dm = DATE_RE.match(text, a)
                    a = dm.end() if dm else a
                    while a < len(text) and text[a] in "，、 上下午":
                        a += 1
                b = s0 + m.end()
                while b < s0 + len(scan) and text[b] not in "，。；！？\n":
                    b += 1
                if "——" in text[a:b] and len(text[text.rindex("——", a, b) + 2 : b]) >= 6:
                    a = text.rindex("——", a, b) + 2  # 礼炮震天——9个项目集中开工: the dash leads to the point
                label = m.group("name") if named and not actors else re.sub(r"[，,]|了", "", text[a:b])
                return EventMention(kind, label, s0 + m.start(), s0 + m.end(), s0, s0, None, None, False, named)
        return None

    @staticmethod
    def _referred(scan: str, pos: int, tail: bool = True) -> bool:
        """The trigger names a speech or meeting studied (传达…精神), not a happening.

        A convened meeting may carry 精神 in its own name (学习贯彻…精神研讨交流会), so
        for those only the words before 召开 count."""
        head = scan[:pos]
        after = re.split(r"[，。；]", scan[pos:], maxsplit=1)[0] if tail else ""
        # 学习中心组 is a body that meets; 学习贯彻, 传达学习 study what others said
        # but one who 传达s or 领学s the 精神 (刘磊传达了…会议精神) is present and speaks
        studied = "精神" in after and not re.search(r"传达|领学|宣讲|解读", after.split("精神")[0])
        return bool(re.search(r"传达|学习(?!中心组|型)|精神", head)) or studied

    def _roles(
        self,
        text: str,
        s0: int,
        s1: int,
        names: list[NameMention],
        ev: EventMention,
        skip: tuple[int, int] | None = None,
    ) -> None:
        """Who did what at ``ev`` in the sentence [s0, s1); verbs inside ``skip`` belong to another event."""
        in_sent = [n for n in names if s0 <= n.start < s1]
        pronoun = text[s0:s1].lstrip()[:1] in ("他", "她")
        if not in_sent and not pronoun:
            return
        if in_sent and not s0 <= ev.start < s1 and self._referred(text[s0:s1], in_sent[0].start - s0 + 1):
            return  # 传达…讲话精神: the names are of a speech studied, not of people present
        taken = {(r.person, r.role) for r in ev.roles}
        for role in ("Chair", "Leader", "Attendee", "Speaker"):
            for verb in self.roles[role]:
                for vm in re.finditer(re.escape(verb), text[s0:s1]):
                    v = s0 + vm.start()
                    if skip and skip[0] <= v < skip[1]:
                        continue
                    if text.startswith("精神", v + len(verb)):
                        continue  # 讲话精神: a speech studied, not given here
                    # the subject: the names of the clause group before the verb
                    a = v
                    # the subject runs back over a list of officials, whose groups a comma or a semicolon may part
                    while (
                        a > s0
                        and text[a - 1] not in "。！？\n"
                        and not (
                            text[a - 1] in "，；"
                            and not self._list_continues(text, a, in_sent)
                            and not self._verbless_clause_before(text, a - 1, s0, in_sent)
                        )
                    ):
                        a -= 1
                    subject = [n for n in in_sent if a <= n.start and n.end <= v]
                    if text.startswith("下", v + len(verb)):
                        at = text.rfind("在", a, v)  # X在Y的陪同下调研: Y escorts, X leads
                        if at >= 0:
                            subject = [n for n in subject if n.start > at]
                    tail = re.match(
                        r"(?:了)?[\u4e00-\u9fff]{0,4}?的(?:领导|同志|人员)?(?:还有|有)",  # 参加座谈的有
                        text[v + len(verb) : s1],
                    )
                    if role == "Attendee" and tail:
                        # 出席会议的还有谢振华、邱丽等同志: who attended is named after the verb
                        b = v + len(verb) + tail.end()
                        e = b
                        while e < s1 and text[e] not in "。；！？\n":
                            e += 1
                        subject = [n for n in in_sent if b <= n.start and n.end <= e]
                    if not subject and a > s0 and re.match(r"(?:从|就|对|围绕|结合|针对|在|通过)", text[a:v]):
                        # X等委员紧扣主题，从不同角度提出了意见: the subject is one clause back
                        b = a - 1
                        while b > s0 and text[b - 1] not in "，。；！？\n":
                            b -= 1
                        subject = [n for n in in_sent if b <= n.start and n.end <= a]
                    said = (
                        _PRONOUN_BEFORE.search(text[max(s0, v - 4) : v]) if role == "Speaker" and not subject else None
                    )
                    if said:
                        # 他强调, 他还要求: the one last named in this paragraph, unless only
                        # listed among those who attended; else the last who spoke, chaired or led
                        para = text.rfind("\n", 0, v) + 1
                        listed = {r.person for r in ev.roles if r.role == "Attendee"}
                        listed -= {r.person for r in ev.roles if r.role != "Attendee"}
                        here = [n for n in names if para <= n.start and n.end <= v and n.name not in listed]
                        leads = sorted(
                            (r for r in ev.roles if r.role in ("Speaker", "Chair", "Leader") and r.end <= v),
                            key=lambda r: r.start,
                        )
                        named = [n for n in names if n.end <= v]
                        speaker = (
                            here[-1].name if here else leads[-1].person if leads else named[-1].name if named else None
                        )
                        if speaker:
                            self._statement(ev, text, speaker, verb, v, max(s0, v - 4) + said.start(), s1)
                        continue
                    if role == "Leader" and verb in ("率",) and not text.startswith("队", v + 1):
                        continue
                    if role == "Chair" and text.startswith("的", v + len(verb)):
                        continue  # X在5月8日召开的推进会上要求: the meeting that was held; X speaks at it
                    heard = text.rfind("听取", a, v) if role == "Speaker" else -1
                    if heard >= 0:  # A听取B关于…的汇报: B reports; A only hears it
                        subject = [n for n in subject if n.start > heard]
                    for n in subject:
                        if (n.name, role) in taken:
                            continue
                        if role in ("Attendee", "Speaker") and any(
                            r.person == n.name and r.role in ("Chair", "Leader") for r in ev.roles
                        ):
                            continue
                        ev.roles.append(RoleMention(n.name, role, verb, n.start, n.end))
                        taken.add((n.name, role))
                    if role == "Speaker" and subject:
                        self._statement(ev, text, subject[-1].name, verb, v, subject[-1].start, s1)
        # a single official who visits or inspects leads it
        if s0 <= ev.start < s1 and not any(r.role in ("Leader", "Chair") for r in ev.roles):
            actors = [n for n in in_sent if n.end <= ev.start and not self._referred(text[s0 : ev.start], n.start - s0)]
            roled = {r.person for r in ev.roles}
            free = [n for n in actors if n.name not in roled]
            if ev.kind == "StudyVisit" and 1 <= len(free) <= 3 and len(free) == len({n.name for n in free}):
                # 蒲彬彬、陈道彬调研: officials who jointly visit all lead; one who 陪同 does not
                for n in free:
                    ev.roles.append(RoleMention(n.name, "Leader", text[ev.start : ev.end], n.start, n.end))
            elif ev.kind == "StudyVisit" and len(free) > 3:
                # a delegation (主任A，副主任B、C、D一行): the first named leads, the others take part
                ev.roles.append(
                    RoleMention(free[0].name, "Leader", text[ev.start : ev.end], free[0].start, free[0].end)
                )
                for n in free[1:]:
                    if n.name != free[0].name and (n.name, "Attendee") not in taken:
                        ev.roles.append(RoleMention(n.name, "Attendee", text[ev.start : ev.end], n.start, n.end))
                        taken.add((n.name, "Attendee"))
            elif ev.kind == "Activity" and len(free) == 1:  # X在Y陪同下慰问: X leads, Y escorts
                ev.roles.append(
                    RoleMention(free[0].name, "Leader", text[ev.start : ev.end], free[0].start, free[0].end)
                )
            elif ev.kind == "Meeting" and not ev.label_named:  # 姚宏刚与周坤一行座谈交流
                for n in actors:
                    if (n.name, "Attendee") not in taken:
                        ev.roles.append(RoleMention(n.name, "Attendee", text[ev.start : ev.end], n.start, n.end))

    def _statement(self, ev: EventMention, text: str, speaker: str, verb: str, v: int, start: int, s1: int) -> None:
        """What follows 指出/要求/强调 to the end of the sentence is what was said."""
        if verb not in self.lex.events["speech_acts"]:
            return
        end = v + len(verb)
        while end < s1 and text[end] in "：:，,":
            end += 1
        s1 = _enumeration_end(text, end, s1)
        content = text[end:s1].rstrip("。")
        if content:
            ev.statements.append(StatementMention(speaker, verb, content, start, s1))

    def _verbless_clause_before(self, text: str, comma: int, s0: int, names: list[NameMention]) -> bool:
        """区委常委A、B，副区长C，10个街道党工委书记，区直部门负责人参加: a clause of titles
        and names with no verb in it belongs to the list that the verb at the end closes."""
        b = comma
        a = b
        while a > s0 and text[a - 1] not in "，；。！？\n":
            a -= 1
        masked = text[a:b]
        for n in names:
            if a <= n.start < b:
                masked = masked.replace(n.name, "　" * len(n.name))  # a name holds no verb
        verbs = self.lex.verbs
        return (
            not any(masked[i : i + 2] in verbs for i in range(len(masked) - 1))
            and not self.role_word_re.search(masked)
            and not self.visit_re.search(masked)
            and not self.activity_re.search(masked)
            and not re.search(r"召开|举行|举办|开展|一行", masked)
        )  # the clause that tells the visit is no list

    def _list_continues(self, text: str, a: int, names: list[NameMention]) -> bool:
        """A comma inside a list of officials (…副主席X、Y，秘书长Z等参加) does not end the subject:
        a name closes the clause before it and the next clause is titles, then a name."""
        if not any(n.end <= a - 1 and a - 1 - n.end <= 1 for n in names):
            return False
        nxt = next((n for n in names if n.start >= a), None)
        if nxt is None or nxt.start - a > 32:
            return False
        gap = text[a : nxt.start]
        return not any(gap[i : i + 2] in self.lex.verbs for i in range(len(gap) - 1)) and "，" not in gap


# 他 or 她 right before a verb, perhaps with 还/也/又/并/同时 between
_PRONOUN_BEFORE = re.compile(r"[他她](?:还|也|又|并|再次|同时|进一步)?$")
_ORDINALS = "一二三四五六七八九十"
_ENUMERATION = re.compile(r"(第)?一(要|是|、)?")


def _enumeration_end(text: str, start: int, s1: int) -> int:
    """Where a demand that enumerates (一要…。二要…。三要…) ends: it runs on through the
    sentences of its paragraph that carry the next ordinal, so it is kept whole."""
    m = _ENUMERATION.match(text, start)
    if not m or not (m.group(1) or m.group(2)):
        return s1
    first, marker = m.group(1) or "", m.group(2) or ""
    for ordinal in _ORDINALS[1:]:
        at = s1
        while at < len(text) and text[at] in " \u3000":
            at += 1
        if not text.startswith(f"{first}{ordinal}{marker}", at):
            break
        stop = at
        while stop < len(text) and text[stop] not in "。！？\n":
            stop += 1
        s1 = stop + 1 if stop < len(text) and text[stop] in "。！？" else stop
    return s1
