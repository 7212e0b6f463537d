"""Facts of one file for people to read: JSON or a table, with evidence."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from .types import Facts, Issue


def _plain(obj):
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def facts_json(issue: Issue, facts: Facts) -> dict:
    return {
        "file": str(issue.path),
        "key": issue.key,
        "kind": issue.kind,
        "series": issue.series,
        "number": issue.number,
        "organ": issue.organ,
        "date": _plain(issue.date),
        "encoding": issue.encoding,
        "articles": [asdict(a) for a in issue.articles],
        "distribution": [asdict(d) for d in issue.distribution],
        "editors": issue.editors,
        **{k: _plain(v) for k, v in asdict(facts).items()},
    }


def facts_table(issue: Issue, facts: Facts) -> str:
    rows: list[tuple[str, str, str, str]] = []
    for p in facts.persons:
        rows.append(("person", p.name, p.evidence.rule, p.evidence.sentence))
    for t in facts.titles:
        rows.append(("title", f"{t.person}: {t.title}", t.evidence.rule, t.evidence.sentence))
    for o in facts.organizations:
        rows.append(("organization", o.name, o.evidence.rule, o.evidence.sentence))
    for e in facts.events:
        when = e.date.isoformat() if e.date else (e.date_as_written or "undated")
        rows.append(("event", f"{e.kind} {when} {e.label}", e.evidence.rule, e.evidence.sentence))
        for p in e.participations:
            rows.append(("  role", f"{p.role} {p.person} ({p.verb})", p.evidence.rule, p.evidence.sentence))
        for s in e.statements:
            rows.append(("  statement", f"{s.speaker} {s.speech_act}", s.evidence.rule, s.text))
    for i in facts.initiatives:
        rows.append(("initiative", i.name, i.evidence.rule, i.evidence.sentence))
    for q in facts.quantities:
        rows.append(("quantity", f"{q.value:g} {q.unit} {q.subject}", q.evidence.rule, q.evidence.sentence))
    head = f"{issue.path.name}: {issue.key} {issue.date or ''}\n"
    return head + "".join(f"{k:13} {v:40} {r:22} {s[:60]}\n" for k, v, r, s in rows)
