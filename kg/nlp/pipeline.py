"""The extraction pipeline: a blank ``zh`` spaCy with our rule components."""

from __future__ import annotations

from typing import Iterable

import spacy
from spacy.language import Language

from ..ingest.reading import MAX_CHARS
from . import components  # noqa: F401  (registers the components)

PIPES = ("dkg_sentences", "dkg_name_tagger", "dkg_persons", "dkg_organizations", "dkg_events", "dkg_measures")


def build_pipeline(known_names: Iterable[str] = ()) -> Language:
    """Offline and deterministic: the char segmenter needs no model or download."""
    nlp = spacy.blank("zh")  # default segmenter: characters
    # spaCy's 1,000,000-character guard protects parsers' memory; ours is linear, and
    # kg.ingest.reading bounds a document at MAX_CHARS already
    nlp.max_length = MAX_CHARS + 1
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    nlp.get_pipe("dkg_persons").add_known(known_names)
    return nlp
