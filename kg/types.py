"""Plain data handed from stage to stage: parse -> nlp -> facts -> graph -> store.

Offsets are Python string indices (end exclusive). ``Span``-like offsets in the
facts point into the *original* file text (``Issue.text``), so evidence shown
to a user is the user's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: its sentence and the characters it rests on."""

    sentence: str
    sent_start: int  # offsets into the original file text
    sent_end: int
    start: int
    end: int
    rule: str
    confidence: float


@dataclass
class Article:
    """One article or △ brief of an issue (a news page is one article)."""

    kind: str  # "article" | "brief"
    headline: str | None
    unit: str | None  # reporting unit written in trailing brackets
    start: int  # offsets into the cleaned text
    end: int
    index: int = 0


@dataclass
class Distribution:
    verb: str  # 送 | 报 | 发 | 抄送 ...
    recipients: list[str]


@dataclass
class Issue:
    """A parsed bulletin issue or news page, before extraction."""

    path: Path
    sha256: str
    text: str  # the file as decoded
    clean: str  # repaired text used for extraction
    offsets: list[int]  # clean index -> original index (len(clean) + 1 entries)
    encoding: str
    key: str  # stable identity: series/year/number, or page/<stem>
    kind: str  # "bulletin" | "page"
    series: str | None = None
    number: int | None = None
    organ: str | None = None
    date: date | None = None
    text_year: int | None = None  # a year the text gives, when the printed date cannot anchor its days
    title: str | None = None
    district: str | None = None
    articles: list[Article] = field(default_factory=list)
    distribution: list[Distribution] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    print_count: int | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the cleaned text back to the file text."""
        last = len(self.offsets) - 1
        start, end = min(start, last), min(end, last)  # a span may run past a byline that closes the file
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Person:
    name: str
    evidence: Evidence


@dataclass
class TitleAttestation:
    person: str
    title: str  # as written
    organ: str | None  # the organization part of the title, if any
    rank: str  # the post part: 书记, 副区长, 区领导 ...
    observed_on: date | None
    evidence: Evidence


@dataclass
class Organization:
    name: str
    kind: str | None
    evidence: Evidence


@dataclass
class Participation:
    person: str
    role: str  # Chair | Leader | Attendee | Speaker
    verb: str
    evidence: Evidence


@dataclass
class Statement:
    speaker: str
    speech_act: str  # 指出 | 要求 | 强调 ...
    text: str
    evidence: Evidence


@dataclass
class Event:
    kind: str  # Meeting | StudyVisit | Activity
    label: str
    date: date | None
    date_as_written: str | None
    before_main: bool  # 会前: happened before the item's meeting
    article: int
    evidence: Evidence
    participations: list[Participation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass
class Initiative:
    name: str
    evidence: Evidence
    alias: str | None = None


@dataclass
class Quantity:
    value: float
    unit: str
    subject: str
    approximate: bool
    part_of: int | None  # index of the total this is a breakdown of (其中)
    evidence: Evidence


@dataclass
class Facts:
    """Everything extracted from one issue."""

    persons: list[Person] = field(default_factory=list)
    titles: list[TitleAttestation] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
