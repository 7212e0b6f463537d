"""spaCy components: each matches with a rule module, then sets span groups.

Span attributes live in ``Span._`` extensions registered here, so later
components and :mod:`kg.facts` read plain annotations off the Doc.
"""

from __future__ import annotations

from typing import Iterable

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_lexicon
from .events import EventFinder
from .known import NameIndex
from .measures import MeasureFinder
from .nametagger import NameCandidate, tag_names
from .organizations import org_finder
from .persons import NameMention, PersonFinder

ATTRS_KEY = "dkg_attrs"


def _attrs(span: Span) -> dict:
    """The record behind a span. spaCy keys Span extension values by character
    offsets only, so two records on one stretch of text (a PERSON and a Chair
    role, 区领导 for several names) would overwrite each other; this table is
    keyed by offsets, label and span id instead."""
    return span.doc.user_data.get(ATTRS_KEY, {}).get((span.start, span.end, span.label_, span.id_), {})


if not Span.has_extension("attrs"):
    Span.set_extension("attrs", getter=_attrs)


def _span(doc: Doc, start: int, end: int, span_label: str, **attrs) -> Span | None:
    found = doc.char_span(start, end, alignment_mode="expand")
    if found is None:
        return None
    # One stretch of text may carry several records (区领导 for each listed name):
    # a distinct span id keeps each record's attributes apart.
    key = "|".join(f"{k}={v}" for k, v in sorted(attrs.items()))
    span = Span(doc, found.start, found.end, label=span_label, span_id=key)
    doc.user_data.setdefault(ATTRS_KEY, {})[(span.start, span.end, span.label_, span.id_)] = attrs
    return span


@Language.component("dkg_sentences", assigns=["token.is_sent_start"])
def dkg_sentences(doc: Doc) -> Doc:
    """Sentences end at 。！？ and at line breaks (briefs, 大事记 items)."""
    # one array for the whole doc: setting token.is_sent_start token by token makes
    # spaCy re-check the doc's annotation each time, quadratic in the doc's length
    ends = [t.text in ("。", "！", "？") or "\n" in t.text_with_ws for t in doc]
    # spaCy stores -1 (not a start) as a uint64, as its own Doc.to_array does
    starts = numpy.array([[1 if i == 0 or ends[i - 1] else -1] for i in range(len(doc))], dtype="int64").astype(
        "uint64"
    )
    if len(doc):
        doc.from_array([SENT_START], starts)
    return doc


class PersonComponent:
    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self.known = NameIndex(known_names, base=NameIndex(load_lexicon().known_persons))

    def add_known(self, names: Iterable[str]) -> None:
        """Names learnt with a title in earlier issues: recognized bare here."""
        self.known.update(names)

    def __call__(self, doc: Doc) -> Doc:
        finder = PersonFinder(load_lexicon(), self.known)
        tagged = [NameCandidate(s.text, s.start_char, s.end_char) for s in doc.spans.get("name_candidates", [])]
        res = finder.find(doc.text, tagged)
        persons, titles = [], []
        for n in res.names:
            s = _span(doc, n.start, n.end, "PERSON", person=n.name, rule=n.rule)
            if s is not None:
                persons.append(s)
        for t in res.titles:
            s = _span(doc, t.start, t.end, "TITLE", person=t.person, rank=t.rank, organ=t.organ, rule=t.rule)
            if s is not None:
                titles.append(s)
        doc.spans["persons"] = persons
        doc.spans["titles"] = titles
        return doc


@Language.component("dkg_name_tagger", assigns=["doc.spans"])
def dkg_name_tagger(doc: Doc) -> Doc:
    """Candidates for person names from jieba's statistical tagger (``doc.spans["name_candidates"]``)."""
    doc.spans["name_candidates"] = [
        s for c in tag_names(doc.text) if (s := doc.char_span(c.start, c.end, label="NAME_CANDIDATE")) is not None
    ]
    return doc


@Language.factory("dkg_persons", requires=["doc.spans"], assigns=["doc.spans"], default_config={"known_names": []})
def make_persons(nlp: Language, name: str, known_names: list[str]) -> PersonComponent:
    return PersonComponent(known_names)


@Language.factory("dkg_organizations", assigns=["doc.spans"])
def make_organizations(nlp: Language, name: str):
    finder = org_finder()

    def organizations(doc: Doc) -> Doc:
        doc.spans["orgs"] = [
            s
            for o in finder.find(doc.text, doc.user_data.get("places", ()))
            if (s := _span(doc, o.start, o.end, "ORG", kind=o.kind, rule="org_suffix")) is not None
        ]
        return doc

    return organizations


@Language.factory("dkg_events", requires=["doc.spans"], assigns=["doc.spans"])
def make_events(nlp: Language, name: str):
    finder = EventFinder(load_lexicon())

    def events(doc: Doc) -> Doc:
        names = [
            NameMention(s._.attrs["person"], s.start_char, s.end_char, s._.attrs["rule"])
            for s in doc.spans.get("persons", [])
        ]
        ev_spans, role_spans, said = [], [], []
        for i, ev in enumerate(finder.find(doc.text, names)):
            s = _span(
                doc,
                ev.start,
                ev.end,
                ev.kind,
                label=ev.label,
                date_text=ev.date_text,
                before_main=ev.before_main,
                event=i,
                named=ev.label_named,
                rule=f"event_{ev.kind.lower()}",
            )
            if s is None:
                continue
            ev_spans.append(s)
            for r in ev.roles:
                rs = _span(
                    doc, r.start, r.end, r.role, person=r.person, event=i, verb=r.verb, rule=f"role_{r.role.lower()}"
                )
                if rs is not None:
                    role_spans.append(rs)
            for st in ev.statements:
                ss = _span(
                    doc,
                    st.start,
                    st.end,
                    "STATEMENT",
                    person=st.speaker,
                    event=i,
                    verb=st.verb,
                    text_said=st.text,
                    rule="statement",
                )
                if ss is not None:
                    said.append(ss)
        doc.spans["events"], doc.spans["roles"], doc.spans["statements"] = ev_spans, role_spans, said
        return doc

    return events


@Language.factory("dkg_measures", assigns=["doc.spans"])
def make_measures(nlp: Language, name: str):
    finder = MeasureFinder()

    def measures(doc: Doc) -> Doc:
        doc.spans["initiatives"] = [
            s
            for i in finder.initiatives(doc.text)
            if (s := _span(doc, i.start, i.end, "INITIATIVE", label=i.name, rule=i.rule, alias=i.alias)) is not None
        ]
        quantities = []
        for q in finder.quantities(doc.text):
            s = _span(
                doc,
                q.start,
                q.end,
                "QUANTITY",
                value=q.value,
                unit=q.unit,
                subject=q.subject,
                approximate=q.approximate,
                part_of=q.part_of,
                rule="number_unit",
            )
            if s is not None:
                quantities.append(s)
        doc.spans["quantities"] = quantities
        return doc

    return measures
