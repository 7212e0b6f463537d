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


def test_a_trailing_label_after_deng_covers_titled_and_bare_names(finder_lex):
    _, titles = find(finder_lex, "县委书记王金明，县长施仲文，林达等县领导参加。周一、吴二等常委及委员发言。")
    assert {("王金明", "县领导"), ("施仲文", "县领导"), ("林达", "县领导")} <= set(titles)
    assert ("周一", "常委及委员") in titles and ("吴二", "常委及委员") in titles


def test_byline_ranks_stand_alone_and_photographers_are_persons(finder_lex):
    names, titles = find(finder_lex, "本报讯（记者 林小瑶）示例区召开会议。\n作者：吕文\n张强 摄")
    assert {"林小瑶", "吕文", "张强"} <= set(names)
    assert ("林小瑶", "记者") in titles and ("吕文", "作者") in titles
    assert not any(p == "张强" for p, _ in titles)


def test_names_closed_by_punctuation_may_hold_place_characters(finder_lex):
    names, _ = find(finder_lex, "区长孙殿镇，区人大常委会主任迟本用，副区长钱能、王立出席。")
    assert {"孙殿镇", "迟本用", "钱能", "王立"} <= set(names)


def test_he_joins_two_mentions_not_one_title(finder_lex):
    _, titles = find(finder_lex, "示例镇党委书记杨帆和新河街道党工委书记许文汇报。区长陈立和王志强、刘芳等区领导参加。")
    assert ("许文", "新河街道党工委书记") in titles
    assert ("王志强", "区领导") in titles and ("刘芳", "区领导") in titles


def test_a_verb_closes_a_name_and_a_bracket_inside_a_sentence_is_no_byline(finder_lex):
    names, _ = find(finder_lex, "街道办事处主任郭亮传达了会议精神。调研鲁渝（寿光）蔬菜产业。")
    assert names == ["郭亮"]


def test_names_outside_the_surname_list_and_before_tongzhi(finder_lex):
    names, _ = find(finder_lex, "旗委书记巴特尔，自治区副主席热合曼·吐尔逊出席。会议由王伟同志主持。区长信箱开通。")
    assert names == ["巴特尔", "热合曼·吐尔逊", "王伟"]


def test_list_items_whole_between_separators(finder_lex):
    names, titles = find(finder_lex, "县领导张宏、李广同、占卓夫、樊海放出席仪式。市领导沙向东及鹿斌佐一行观摩。")
    assert names == ["张宏", "李广同", "占卓夫", "樊海放", "沙向东", "鹿斌佐"]
    assert ("鹿斌佐", "市领导") in titles and ("占卓夫", "县领导") in titles


def test_a_name_that_ends_in_a_conjunction_character_and_members_of_a_body(finder_lex):
    names, titles = find(finder_lex, "区老领导何志、甘国和在主席台就座。市妇儿工委成员张萍、杨朝一行调研。")
    assert "甘国和" in names and ("杨朝", "市妇儿工委成员") in titles


def test_a_name_that_closes_the_text(finder_lex):
    # a file cut off right after a name: nothing may be read past its end
    names, titles = find(finder_lex, "区委副书记、区长、开发区管委会主任杜海")
    assert names == ["杜海"] and ("杜海", "区长") in titles


def test_a_title_keeps_the_words_that_live_inside_its_organ(finder_lex):
    _, titles = find(finder_lex, "区行政审批服务局局长唐明、区政务服务中心主任孔青作交流发言。")
    assert titles == [("唐明", "区行政审批服务局局长"), ("孔青", "区政务服务中心主任")]


def test_a_title_keeps_a_place_that_opens_with_a_stop_character(finder_lex):
    _, titles = find(finder_lex, "向阳社区党支部书记王红主持，时任区委书记张三出席。")
    assert titles == [("张三", "区委书记"), ("王红", "向阳社区党支部书记")]


def test_a_list_may_join_its_last_two_names_with_he_or_ji(finder_lex):
    names, titles = find(
        finder_lex,
        "出席会议的还有孔祥云、贾维和欧阳丽华等同志。参加座谈的有钱江、孙梅及宋立国。区领导张三、李四和王五参加。",
    )
    assert names[:6] == ["孔祥云", "贾维", "欧阳丽华", "钱江", "孙梅", "宋立国"]
    assert ("王五", "区领导") in titles
