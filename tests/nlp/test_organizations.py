"""Sentences invented for the tests."""
from kg.nlp.organizations import OrgFinder


def orgs(lex, text):
    return [o.name for o in OrgFinder(lex).find(text)]


def test_units_by_suffix_split_side_by_side(finder_lex):
    found = orgs(finder_lex, "书记到东湖街道西山社区检查，区住建局、区财政局负责同志陪同。")
    assert found == ["东湖街道", "西山社区", "区住建局", "区财政局"]


def test_generic_groups_are_not_organizations(finder_lex):
    assert orgs(finder_lex, "各街道办事处、区直各单位、相关部门负责同志参加，全区上下加快城市建设。") == []


def test_party_and_government_side_by_side(finder_lex):
    assert orgs(finder_lex, "，区委区政府高度重视") == ["区委", "区政府"]


def test_provinces_and_cities_without_a_suffix(finder_lex):
    found = orgs(finder_lex, "学习总书记考察上海重要讲话精神，赴杭州学习。上海路改造和浙江大学招生不算。")
    assert found == ["上海", "杭州", "浙江大学"]


def test_posts_and_verbs_do_not_make_organizations(finder_lex):
    found = orgs(finder_lex, "区住建局副局长林志明到街道督导。4月26日，街道举办文艺汇演，文化站承办。")
    assert found == ["区住建局"]  # a bare 文化站 is a kind of unit, not a name
