"""From annotated Docs to plain facts with evidence in the user's own text."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import MONTH_DAY, DateResolver
from ..lexicon import load_lexicon
from ..types import (
    Event,
    Evidence,
    Facts,
    Initiative,
    Issue,
    Organization,
    Participation,
    Person,
    Quantity,
    Statement,
    TitleAttestation,
)
from .events import ITEM_MARKS, SAME_DAY

CONFIDENCE = {  # how far each rule is trusted; tuned on the user's sample, not on dev texts
    "title_before_name": 0.95,
    "chained_title": 0.9,
    "plural_title": 0.85,
    "name_list": 0.85,
    "name_before_title": 0.8,
    "bare_list": 0.75,
    "trailing_group_label": 0.8,
    "known_name": 0.85,
    "byline": 0.7,
    "tagged_name": 0.6,
    "masthead": 1.0,
    "org_suffix": 0.75,
    "event_meeting": 0.85,
    "event_studyvisit": 0.75,
    "event_activity": 0.7,
    "role_chair": 0.9,
    "role_leader": 0.8,
    "role_attendee": 0.8,
    "role_speaker": 0.75,
    "statement": 0.8,
    "quoted": 0.8,
    "number_slogan": 0.75,
    "named_campaign": 0.65,
    "number_unit": 0.8,
    "reporting_unit": 0.95,
    "distribution": 0.9,
}


class _Article:
    """Offsets of one article's Doc mapped back to the original file."""

    def __init__(self, issue: Issue, doc: Doc, base: int, dates: DateResolver) -> None:
        self.issue, self.doc, self.base, self.dates = issue, doc, base, dates

    def evidence(self, span: Span, rule: str) -> Evidence:
        sent = span.sent if self.doc.has_annotation("SENT_START") else span
        if span.end > sent.end:  # a demand that enumerates (一要…二要…) runs over its sentences
            sent = self.doc[sent.start : span.end]
        s_a, s_b = self.issue.original_span(self.base + sent.start_char, self.base + sent.end_char)
        a, b = self.issue.original_span(self.base + span.start_char, self.base + span.end_char)
        return Evidence(self.issue.text[s_a:s_b].strip(), s_a, s_b, a, b, rule, CONFIDENCE.get(rule, 0.5))


def issue_places(text: str) -> tuple[str, ...]:
    """The districts and counties of the gazetteer that an issue names in full anywhere."""
    names = load_lexicon().places.names
    found = set()
    for m in re.finditer(r"[区县市旗]", text):
        found |= {text[m.end() - n : m.end()] for n in range(3, 7) if text[m.end() - n : m.end()] in names}
    return tuple(sorted(found))


def extract(issue: Issue, nlp: Language) -> Facts:
    """Run the pipeline over each article of ``issue`` and collect its facts."""
    facts = Facts()
    places = issue_places(issue.clean)
    docs = []
    for a in issue.articles:
        doc = nlp.make_doc(issue.clean[a.start : a.end])
        doc.user_data["places"] = places  # the issue's own districts, for short forms (美丽上街)
        docs.append(doc)
    dates = DateResolver(issue.clean, issue.date, issue.text_year)
    for art, doc in zip(issue.articles, nlp.pipe(docs)):
        _collect(_Article(issue, doc, art.start, dates), art.index, facts)
    _headline_orgs(issue, places, facts)
    _tail(issue, facts)
    return facts


def _headline_orgs(issue: Issue, places: tuple[str, ...], facts: Facts) -> None:
    """A page's headline is read apart from its body; the units it names are the page's too."""
    from .organizations import org_finder

    if issue.kind != "page" or not issue.title:
        return
    pos = issue.clean.find(issue.title)
    if pos < 0:
        return
    s_a, s_b = issue.original_span(pos, pos + len(issue.title))
    for o in org_finder().find(issue.title, places):
        a, b = issue.original_span(pos + o.start, pos + o.end)
        ev = Evidence(issue.text[s_a:s_b], s_a, s_b, a, b, "headline", CONFIDENCE["org_suffix"])
        facts.organizations.append(Organization(o.name, o.kind, ev))


def _collect(ctx: _Article, article: int, facts: Facts) -> None:
    doc, issue = ctx.doc, ctx.issue
    seen_people = {p.name for p in facts.persons}
    for s in doc.spans["persons"]:
        name = s._.attrs["person"]
        if name not in seen_people:
            seen_people.add(name)
            facts.persons.append(Person(name, ctx.evidence(s, s._.attrs["rule"])))
    events_here: dict[int, Event] = {}
    # a brief set apart from the item above it (△同日，…) opens on that item's day
    same_day = doc.text.lstrip(ITEM_MARKS + " \t\n").startswith(SAME_DAY)
    for s in doc.spans["events"]:
        at = s._.attrs
        when = ctx.dates.resolve(at["date_text"], ctx.base + s.start_char)
        if when is None and same_day and at["date_text"] in SAME_DAY and facts.events:
            when = facts.events[-1].date
        label = at["label"]
        md = MONTH_DAY.match(at["date_text"] or "")
        if when is None and md and not label.startswith(md.group()):
            label = md.group() + label  # undated: the day as written opens the label (9月26日区人大常委会会议)
        ev = Event(s.label_, label, when, at["date_text"], at["before_main"], article, ctx.evidence(s, at["rule"]))
        events_here[at["event"]] = ev
        facts.events.append(ev)
    for s in doc.spans["titles"]:
        at = s._.attrs
        ev = ctx.evidence(s, at["rule"])
        # a title seen in an event's sentence was held on the event's day
        observed = next(
            (
                e.date
                for e in events_here.values()
                if e.date and e.evidence.sent_start <= ev.start < e.evidence.sent_end
            ),
            None,
        )
        facts.titles.append(TitleAttestation(at["person"], s.text, at["organ"], at["rank"], observed or issue.date, ev))
    for s in doc.spans["roles"]:
        at = s._.attrs
        ev = events_here.get(at["event"])
        if ev is not None:
            ev.participations.append(Participation(at["person"], s.label_, at["verb"], ctx.evidence(s, at["rule"])))
    for s in doc.spans["statements"]:
        at = s._.attrs
        ev = events_here.get(at["event"])
        if ev is not None:
            ev.statements.append(Statement(at["person"], at["verb"], at["text_said"], ctx.evidence(s, "statement")))
    for s in doc.spans["orgs"]:
        facts.organizations.append(Organization(s.text, s._.attrs["kind"], ctx.evidence(s, "org_suffix")))
    art = issue.articles[article]
    if art.unit:
        a, b = issue.original_span(art.end, art.end + len(art.unit) + 2)
        ev = Evidence(issue.text[a:b], a, b, a, b, "reporting_unit", CONFIDENCE["reporting_unit"])
        facts.organizations.append(Organization(art.unit, _org_kind(art.unit), ev))
    for s in doc.spans["initiatives"]:
        facts.initiatives.append(
            Initiative(s._.attrs["label"], ctx.evidence(s, s._.attrs["rule"]), s._.attrs.get("alias"))
        )
    base = len(facts.quantities)
    for s in doc.spans["quantities"]:
        at = s._.attrs
        part = base + at["part_of"] if at["part_of"] is not None else None
        facts.quantities.append(
            Quantity(at["value"], at["unit"], at["subject"], at["approximate"], part, ctx.evidence(s, "number_unit"))
        )


def _org_kind(name: str) -> str | None:
    lex = load_lexicon()
    return next((lex.org_suffix_kind[s] for s in lex.org_suffixes if name.endswith(s)), None)


def _tail(issue: Issue, facts: Facts) -> None:
    """Editors are persons with the title 责任编辑; distribution recipients may be organizations."""
    from .organizations import org_finder

    known = {p.name for p in facts.persons}
    for name in issue.editors:
        pos = issue.clean.rfind(name)
        if pos < 0:
            continue
        a, b = issue.original_span(pos, pos + len(name))
        line_a = issue.text.rfind("\n", 0, a) + 1
        line_b = issue.text.find("\n", b)
        line_b = len(issue.text) if line_b < 0 else line_b
        ev = Evidence(issue.text[line_a:line_b].strip(), line_a, line_b, a, b, "masthead", 1.0)
        if name not in known:
            facts.persons.append(Person(name, ev))
            known.add(name)
        label = issue.text[line_a:line_b].split("：")[0].split(":")[0].strip()
        facts.titles.append(TitleAttestation(name, label or "责任编辑", None, label or "责任编辑", issue.date, ev))
    finder = org_finder()
    for dist in issue.distribution:
        for r in dist.recipients:
            r = r.strip()
            orgs = finder.find(r)
            if len(orgs) == 1 and orgs[0].name == r:
                pos = issue.clean.rfind(r)
                a, b = issue.original_span(pos, pos + len(r))
                ev = Evidence(r, a, b, a, b, "distribution", CONFIDENCE["distribution"])
                facts.organizations.append(Organization(r, orgs[0].kind, ev))
