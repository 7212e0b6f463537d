import pytest

from kg import lexicon
from kg.errors import LexiconError


def test_lexicon_has_structure():
    lex = lexicon.load_lexicon()
    assert lex.rank_kinds["副书记"] == "party" and lex.rank_kinds["区领导"] == "group"
    assert "区委" in lex.organs and lex.is_surname_start("欧阳明") and lex.surname_length("欧阳明") == 2


def test_broken_lexicon_fails_clearly(monkeypatch):
    monkeypatch.setattr(
        lexicon,
        "_read",
        lambda name: (
            "{not json"
            if name == "titles.json"
            else lexicon._read.__wrapped__(name)
            if hasattr(lexicon._read, "__wrapped__")
            else "# x\n张"
        ),
    )
    lexicon.load_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="titles.json is not valid JSON"):
            lexicon.load_lexicon()
    finally:
        monkeypatch.undo()
        lexicon.load_lexicon.cache_clear()


def test_missing_lexicon_file():
    with pytest.raises(LexiconError, match="cannot be read"):
        lexicon._read("no-such-file.json")
