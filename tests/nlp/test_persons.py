"""Sentences invented for the tests."""
from kg.nlp.persons import PersonFinder


def find(lex, text, known=()):
    r = PersonFinder(lex, set(known)).find(text)
    return [n.name for n in r.names], sorted((t.person, t.title) for t in r.titles)


def test_titles_before_names_split_at_dunhao(finder_lex):
    names, titles = find(finder_lex, "区委副书记、区长陈立新主持会议。")
    assert names == ["陈立新"]
    assert titles == [("陈立新", "区委副书记"), ("陈立新", "区长")]


def test_title_after_name_and_compound_surname(finder_lex):
    names, titles = find(finder_lex, "会上，欧阳明书记强调，要抓落实。周市镇党委书记司马光参加。")
    assert "欧阳明" in names and "司马光" in names
    assert ("欧阳明", "书记") in titles and ("司马光", "周市镇党委书记") in titles


def test_group_label_before_and_after_a_list(finder_lex):
    _, titles = find(finder_lex, "区领导王海、李红梅参加。张三丰、刘备等区领导出席。")
    assert ("王海", "区领导") in titles and ("李红梅", "区领导") in titles
    assert ("张三丰", "区领导") in titles and ("刘备", "区领导") in titles


def test_one_holder_title_goes_to_the_first_name_only(finder_lex):
    _, titles = find(finder_lex, "常务副区长王铁、孙立、赵强等参加。")
    assert titles == [("王铁", "常务副区长")]


def test_bare_known_name_and_bylines(finder_lex):
    names, titles = find(finder_lex, "宋小洁指出，要加快进度。（记者 郁文 张平 通讯员 王立）", known={"宋小洁"})
    assert {"宋小洁", "郁文", "张平", "王立"} <= set(names)
    assert ("郁文", "记者") in titles and ("王立", "通讯员") in titles


def test_surname_plus_title_is_the_known_holder(finder_lex):
    r = PersonFinder(finder_lex).find("区长马培文主持会议。会上，马区长听取汇报。")
    mentions = [(n.name, n.rule) for n in r.names]
    assert ("马培文", "surname_title") in mentions


def test_common_words_after_a_title_are_not_names(finder_lex):
    names, _ = find(finder_lex, "区委书记高度重视项目，区长信箱、主任会议和市长热线运行良好。")
    assert names == []


def test_bare_list_closed_by_tongzhi(finder_lex):
    names, _ = find(finder_lex, "会议表彰了王海涛、李红梅同志。")
    assert names == ["王海涛", "李红梅"]
