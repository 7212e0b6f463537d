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


def test_a_predicate_ends_a_name_on_its_left(finder_lex):
    found = orgs(finder_lex, "项目地处义宁镇，充分发挥人民政协作用，被河北省人民政府授予称号。")
    assert "义宁镇" in found and "河北省人民政府" in found
    assert not any(o.startswith(("地处", "充分", "发挥")) for o in found)


def test_zones_facilities_and_classes_of_units_are_not_organizations(finder_lex):
    found = orgs(
        finder_lex,
        "建设高新区和工业聚集区，新建运输中心、垃圾中转站，相关局委和部分区人大代表参加。"
        "县融媒体中心、青石村水库事务中心报道。",
    )
    assert found == ["县融媒体中心", "青石村水库事务中心"]


def test_a_county_named_without_its_suffix_and_national_organs(finder_lex):
    found = orgs(finder_lex, "示例县召开大会。感受示例变化，建设美丽示例。贯彻党中央国务院决策。示例县长出席。")
    assert found.count("示例") == 2 and "党中央" in found and "国务院" in found


def test_the_gazetteer_names_places_without_their_suffix(finder_lex):
    # 临沭 is a county of the gazetteer; 东山再起 is a phrase, not a place
    found = orgs(finder_lex, "建设现代化临沭，东山再起。代表张家口市委讲话。区人大常委会代表资格审查委员会报告。")
    assert "临沭" in found and "东山" not in found
    assert "张家口市委" in found and "区人大常委会代表资格审查委员会" in found


def test_a_county_after_its_city_is_the_same_unit():
    from kg.orgnames import drop_parents

    assert drop_parents("张家口沽源县") == "沽源县" == drop_parents("河北省沽源县")
    assert drop_parents("陇县东南镇") == "陇县东南镇"


def test_the_districts_an_issue_names_in_full():
    from kg.nlp.facts import issue_places

    assert issue_places("中共上街区委办公室印发。郑州市召开会议。") == ("上街区", "郑州市")


def test_units_of_two_levels_are_not_one(finder_lex):
    assert orgs(finder_lex, "认真落实省市委部署，近期全街道开展检查。") == []


def test_a_verb_that_lives_in_names_still_ends_one_before_an_organ(finder_lex):
    # 学习, 协助, 研究 stay out of the predicate list because they live inside names
    # (理论学习中心组, 研究院); before the organ of a place they are the verb taking it
    found = orgs(finder_lex, "会议传达学习省委全会精神，研究县委常委会工作要点，协助市纪委开展监督。")
    assert found == ["省委", "县委常委会", "市纪委"]
    # a verb that makes a unit with a territorial character (开发区, 自治区) keeps the name whole
    assert orgs(finder_lex, "广西壮族自治区党委、省社会科学院发展研究中心派员参加。") == [
        "广西壮族自治区党委",
        "省社会科学院发展研究中心",
    ]


def test_a_school_ending_inside_a_word_is_no_ending(finder_lex):
    # 集中学|习, 大学|生: the ending's last character opens the next word
    assert orgs(finder_lex, "区委理论学习中心组集中学习，资助贫困大学生，看望优秀中学生。") == ["区委"]


def test_a_time_word_ends_a_name_on_its_left(finder_lex):
    assert orgs(finder_lex, "据介绍，今年示例区共安排重点项目48个，去年青河县完成投资。") == ["示例区", "青河县"]


def test_a_city_named_with_zhou_is_one_unit_under_its_province(finder_lex):
    # 湖州|市: 州 followed by 市 or 区 is part of the name, not an ending
    found = orgs(finder_lex, "赴示例省湖州市、江苏省苏州市吴江区考察，北京市通州区参加。")
    assert found == ["示例省", "湖州市", "江苏省", "苏州市", "吴江区", "北京市", "通州区"]


def test_rural_areas_are_no_village(finder_lex):
    assert orgs(finder_lex, "视察全县农村饮水安全工程，走访东坡乡农村。") == ["东坡乡"]


def test_a_bracket_left_open_is_a_class_of_units(finder_lex):
    assert orgs(finder_lex, "2023年度村（社区）党组织书记述职，上河村、新街社区参加。") == [
        "上河村",
        "新街社区",
    ]


def test_the_units_every_district_has_are_found_whole(finder_lex):
    # words that live inside names (服务, 规划, 实践, 退役), 市场 and 乡村 after a level's
    # character, and the endings of bodies every district has (分局, 大队, 党校, 档案馆, 工商联)
    units = (
        "区市场监管局 区行政审批服务局 区政务服务中心 区网格化服务管理中心 区退役军人事务局 区乡村振兴局 "
        "区规划分局 区消防救援大队 区委党校 区档案馆 区工商联"
    ).split()
    for unit in units:
        assert orgs(finder_lex, f"会议要求，{unit}负责同志参加。") == [unit]
    assert orgs(finder_lex, "学习省市委全会精神，县长深入社区走访，书记来到东湖街道指导工作。") == ["东湖街道"]


def test_a_flag_is_no_banner(finder_lex):
    # 旗 ends a banner's name (达拉特旗), not a flag's (授旗, 国旗)
    assert orgs(finder_lex, "为志愿服务队授旗，升国旗，达拉特旗委员会参加。") == ["达拉特旗委员会"]


def test_a_stop_character_that_opens_a_word_of_the_name_stays_in_it(finder_lex):
    # 向, 同, 时 end a name as words of their own (向|区委汇报), not inside 向阳, 同心, 时代
    found = orgs(
        finder_lex, "东城街道向阳社区、市同心社区、区新时代文明实践中心、区后勤服务中心参加，时任区委书记出席。"
    )
    assert found == ["东城街道", "向阳社区", "市同心社区", "区新时代文明实践中心", "区后勤服务中心", "区委"]


def test_a_district_of_the_gazetteer_is_found_after_its_city(finder_lex):
    # 上街区 is a district though 街区 is a block; 开封 is also a verb; 二七区 ends in a numeral
    found = orgs(finder_lex, "郑州市上街区、郑州市二七区、开封市龙亭区参加，打造历史文化街区。")
    assert found == ["郑州市", "上街区", "郑州市", "二七区", "开封市", "龙亭区"]
