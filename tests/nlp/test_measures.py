"""Sentences invented for the tests."""
from kg.nlp.measures import MeasureFinder


def test_initiatives_told_apart_from_metaphors():
    found = [i.name for i in MeasureFinder().initiatives(
        "深入推进“三清一改”和“巾帼建功”行动，既要“锦上添花”又要“雪中送炭”，落实一村一策，学习“两会”精神。")]
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
    assert got == [(12, "个", False, None), (5, "个", False, 0), (1.5, "万平方米", False, None), (300, "户", True, None)]


def test_speech_points_and_slogans_are_not_quantities():
    qs = MeasureFinder().quantities("要把握好三个方面，增强“四个意识”，做到“两个维护”，完成12个项目。")
    assert [(q.value, q.unit) for q in qs] == [(12, "个")]
