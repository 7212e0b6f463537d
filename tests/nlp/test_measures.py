"""Sentences invented for the tests."""

from kg.nlp.measures import MeasureFinder


def test_initiatives_told_apart_from_metaphors():
    found = [
        i.name
        for i in MeasureFinder().initiatives(
            "深入推进“三清一改”和“巾帼建功”行动，既要“锦上添花”又要“雪中送炭”，落实一村一策，学习“两会”精神。"
        )
    ]
    assert found == ["三清一改", "巾帼建功", "一村一策"]  # “巾帼建功”行动 names a campaign


def test_named_campaigns_and_slogans_with_parts():
    f = MeasureFinder()
    assert f.is_initiative("巾帼建功行动") and f.is_initiative("三项工程、一项管理")
    assert not f.is_initiative("两会") and not f.is_initiative("锦上添花")
    [campaign] = [i for i in f.initiatives("开展“冬季清洁”行动。") if i.name == "冬季清洁"]
    assert campaign.alias == "冬季清洁行动"


def test_quantities_with_units_and_breakdowns():
    qs = MeasureFinder().quantities("签约项目12个，其中已开工5个。改造面积1.5万平方米，惠及居民三百余户。第3次会议。")
    got = [(q.value, q.unit, q.approximate, q.part_of) for q in qs]
    assert got == [
        (12, "个", False, None),
        (5, "个", False, 0),
        (1.5, "万平方米", False, None),
        (300, "户", True, None),
    ]


def test_speech_points_and_slogans_are_not_quantities():
    qs = MeasureFinder().quantities("要把握好三个方面，增强“四个意识”，做到“两个维护”，完成12个项目。")
    assert [(q.value, q.unit) for q in qs] == [(12, "个")]


def test_slogans_named_by_their_context():
    found = [
        i.name
        for i in MeasureFinder().initiatives(
            "以“山水名城幸福示例”为主题，保持“严实硬”的作风，通过“访、看、听”方式，围绕“民族文化对治理影响”开展调研，"
            "以双爱好十个一活动为载体，谋划十五五发展，迎接“两节”，推进城市环境综合整治行动，以开好全会的实际行动作答。"
        )
    ]
    assert found == ["山水名城幸福示例", "严实硬", "访、看、听", "双爱好十个一", "十五五", "城市环境综合整治行动"]


def test_quantities_keep_wan_and_drop_sections_and_vague_counts():
    qs = {
        (q.value, q.unit)
        for q in MeasureFinder().quantities(
            "日产90万支电池，分为3个板块，几十辆工程车，提供500人以上的就业岗位，分两期开发，5个亿元以上项目。"
        )
    }
    assert qs == {(90.0, "万支"), (500.0, "人"), (2.0, "期"), (5.0, "个")}  # 5个 projects, not the 亿元 threshold


def test_a_quoted_name_before_a_programme_word_is_a_programme():
    found = [
        i.name
        for i in MeasureFinder().initiatives(
            "深化“放管服”改革，落实“面向京津、背靠内蒙”经济发展战略，开展“两重”攻坚行动，打通“最后一公里”。"
        )
    ]
    assert found == ["放管服", "面向京津、背靠内蒙", "两重"]


def test_a_quoted_speech_is_no_slogan():
    found = [i.name for i in MeasureFinder().initiatives("县长宣布：“我宣布，示例县2019年转型项目集中开工！”")]
    assert found == []


def test_phases_count_only_when_a_project_is_divided_into_them():
    qs = {(q.value, q.unit) for q in MeasureFinder().quantities("园区分两期开发，安置楼三期建设项目开工。")}
    assert qs == {(2.0, "期")}


def test_a_campaign_named_after_a_modal_and_an_adverb_leaves_them_out():
    found = MeasureFinder().initiatives("会议指出，要加快推进城市更新行动，大力推进农村人居环境整治行动，")
    assert [i.name for i in found] == ["城市更新行动", "农村人居环境整治行动"]


def test_a_quoted_body_of_people_is_no_programme():
    found = MeasureFinder().initiatives("各村“两委”成员参加，推动“红色引擎”工程提质增效，“两委”班子换届。")
    assert [i.name for i in found] == ["红色引擎"]


def test_a_qualified_amount_is_kept_and_marked_approximate():
    # 约, 逾, 近, 超 are dropped and the amount kept; 签约 ends a word, and its count is exact
    found = MeasureFinder().quantities("参加人员约200人，总投资逾3.5亿元，目前已签约1105户。")
    assert [(q.value, q.unit, q.approximate) for q in found] == [
        (200, "人", True),
        (3.5, "亿元", True),
        (1105, "户", False),
    ]
    assert found[0].subject == "参加人员"


def test_a_magnitude_alone_is_no_amount():
    found = MeasureFinder().quantities("举行万亩高标准农田建设项目签约仪式，召开万人大会，项目总投资1.8亿元。")
    assert [(q.value, q.unit) for q in found] == [(1.8, "亿元")]


def test_a_quoted_honour_is_no_programme():
    found = MeasureFinder().initiatives("青河县荣获“全国文明城市提名城市”称号，开展“清廉青河”建设。")
    assert [i.name for i in found] == ["清廉青河"]
