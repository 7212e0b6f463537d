"""Person-name candidates from a statistical tagger: jieba's part-of-speech HMM.

The rules in :mod:`kg.nlp.persons` find a name by the words around it (a title,
a list, a byline, a verb that follows). Names in other company slip past them;
jieba's tagger reads the characters themselves and tags likely names ``nr``.
Its guesses are only candidates: :class:`~kg.nlp.persons.PersonFinder` keeps
one where the text around it still reads like a person's.

jieba segments with ``kg/lexicons/jieba_names.dict``, the common third of its
own dictionary (see ``scripts/derive_lexicons.py``): the same names, loaded in
about 0.15 s instead of 0.85 s. Deterministic, offline, nothing downloaded.

The backend is chosen by ``KG_NAME_TAGGER``: ``jieba`` (the default), ``thulac``
(if installed: better recall, but 5 s to load and 3,000 characters a second, see
``bench/bakeoff_taggers.py``) or ``none`` (rules alone).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import LexiconError

DICT_NAME = "jieba_names.dict"
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "np"})  # jieba's person tags, and THULAC's
BACKENDS = ("jieba", "thulac", "none")


@dataclass(frozen=True)
class NameCandidate:
    name: str
    start: int
    end: int


def backend() -> str:
    name = os.environ.get("KG_NAME_TAGGER", "jieba").strip().lower() or "jieba"
    if name not in BACKENDS:
        raise LexiconError(f"KG_NAME_TAGGER={name!r}: choose one of {', '.join(BACKENDS)}")
    return name


@lru_cache(maxsize=1)
def _thulac() -> Any:
    try:
        import thulac
    except ImportError:
        raise LexiconError("KG_NAME_TAGGER=thulac, but thulac is not installed (pip install thulac)") from None
    return thulac.thulac()


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    path = resources.files("kg.lexicons").joinpath(DICT_NAME)
    if not path.is_file():
        raise LexiconError(f"lexicon file {DICT_NAME} is missing; run scripts/derive_lexicons.py")
    # posseg builds its default tagger from jieba.dt when first imported: give it the
    # small dictionary first, or it reads all 349,046 words of the full one
    jieba.dt = jieba.Tokenizer(dictionary=str(path))
    from jieba import posseg

    posseg.dt.initialize()
    return posseg.dt


def tag_names(text: str) -> list[NameCandidate]:
    """Every stretch of ``text`` the tagger reads as a person's name, with its offsets."""
    which = backend()
    if which == "none":
        return []
    pairs = ((p.word, p.flag) for p in _jieba().cut(text)) if which == "jieba" else _thulac().cut(text)
    out: list[NameCandidate] = []
    pos = 0
    for word, flag in pairs:
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        if flag in NAME_TAGS:
            out.append(NameCandidate(word, start, pos))
    return out
