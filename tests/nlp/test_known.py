"""The index of names already known; names invented for the tests."""

from kg.nlp.known import NameIndex
from kg.nlp.persons import PersonFinder


def test_longer_names_first_then_by_position():
    idx = NameIndex(["王海", "王海峰", "李红"])
    assert idx.starting_at("王海峰说", 0) == ["王海峰", "王海"]
    assert idx.occurrences("李红和王海峰，王海") == [(3, "王海峰"), (0, "李红"), (3, "王海"), (7, "王海")]


def test_an_overlay_learns_without_touching_its_base():
    base = NameIndex(["王海"])
    doc = NameIndex(base=base)
    doc.update(["赵强"])
    assert "王海" in doc and "赵强" in doc and "赵强" not in base
    assert doc.with_first("王") == {"王海"} and doc.with_first("赵") == {"赵强"}


def test_many_known_names_still_find_the_right_one(finder_lex):
    # 20,000 invented names in the index: the one in the text is found bare
    known = NameIndex(f"{s}{g}" for s in "王李张刘陈杨黄赵周吴" for g in map(chr, range(0x4E00, 0x4E00 + 2000)))
    known.update(["钱明远"])
    res = PersonFinder(finder_lex, known).find("会上，钱明远通报了情况。")
    assert [n.name for n in res.names] == ["钱明远"]
