"""The extraction pipeline: a blank ``zh`` spaCy with our rule components."""

from __future__ import annotations

from typing import Iterable

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the components)

PIPES = ("dkg_sentences", "dkg_name_tagger", "dkg_persons", "dkg_organizations", "dkg_events", "dkg_measures")


def build_pipeline(known_names: Iterable[str] = ()) -> Language:
    """Offline and deterministic: the char segmenter needs no model or download."""
    nlp = spacy.blank("zh")  # default segmenter: characters
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    nlp.get_pipe("dkg_persons").add_known(known_names)
    return nlp
