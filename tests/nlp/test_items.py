"""Items of multi-item bulletins and 大事记; every text here is invented."""

from .test_events import events, roles


def test_each_marked_item_is_an_event_of_its_own(finder_lex):
    text = (
        "◆9月3日，我县在政府二楼召开秋粮收购调度会。副县长高明出席。\n\n"
        "◆9月5日，副县长高明带领县水利局工作人员在青石水库开展联合巡查行动。\n\n"
        "◆9月6日，县政协组织部分委员开展“走基层、听民声”联谊活动。县政协副主席鲁平参加。"
    )
    evs = events(finder_lex, text)
    assert [(e.date_text, e.label[-8:]) for e in evs] == [
        ("9月3日", "秋粮收购调度会"),
        ("9月5日", "库开展联合巡查行动"[-8:]),
        ("9月6日", "听民声”联谊活动"),
    ]
    assert roles(evs[0]) == {("高明", "Attendee")} and ("高明", "Leader") in roles(evs[1])
    assert roles(evs[2]) == {("鲁平", "Attendee")}


def test_day_lines_date_the_items_below_and_tong_ri_inherits(finder_lex):
    text = (
        "1日\n\n示例区召开防汛工作部署会。区长周立出席。\n\n3日\n\n"
        "△市委书记钱江到示例区调研。\n\n△区人大常委会开展项目视察。\n\n"
        "425  县长吴强深入城东片区调研路网工程。\n\n同日  县委书记韩冰收听收看全省安全生产电视电话会。"
    )
    evs = events(finder_lex, text)
    assert [e.date_text for e in evs] == ["1日", "3日", "3日", "425", "425"]
    assert evs[4].label == "全省安全生产电视电话会" and ("韩冰", "Attendee") in roles(evs[4])


def test_an_item_without_a_trigger_is_still_a_happening_but_an_award_is_not(finder_lex):
    text = "426  县长吴强对创建园林县城工作进行动员部署。\n\n同日  县财政局局长孟凡被省人民政府授予先进个人荣誉称号。"
    [ev] = events(finder_lex, text)
    assert ev.date_text == "426" and ev.label.endswith("进行动员部署") and ("吴强", "Attendee") in roles(ev)


def test_a_description_later_in_the_item_is_no_second_event(finder_lex):
    text = (
        "4月22日 我县举行第三届中小学艺术节书画展。各校积极开展各种形式的文艺活动。\n\n4月23日 县长吴强深入城东调研。"
    )
    assert [e.label for e in events(finder_lex, text)] == ["第三届中小学艺术节书画展", "吴强深入城东调研"]


def test_headed_items_each_open_an_event(finder_lex):
    text = (
        "3月1日，区委书记王大明主持召开区委常委会会议。区长李二平出席。\n"
        "区领导调研春耕生产\n3月2日，区长李二平深入红星村调研春耕生产情况。副区长赵小三陪同。\n"
        "区政协召开主席会议\n3月3日，区政协主席孙四海主持召开区政协主席会议。"
    )
    evs = events(finder_lex, text)
    assert [e.date_text for e in evs] == ["3月1日", "3月2日", "3月3日"]  # no event from a headline
    assert ("赵小三", "Attendee") in roles(evs[1])


def test_an_empty_item_yields_no_event(finder_lex):
    # a document cut short (or doubled) can leave an article with no text at all
    assert events(finder_lex, "") == []
    assert events(finder_lex, "\n\n。\n") == []


def test_a_tong_ri_brief_takes_the_day_of_the_item_above_it(nlp, tmp_path):
    # a bulletin's △ lines are briefs of their own: 同日 reaches back into the item above
    from kg.ingest.parse import parse_file
    from kg.nlp.facts import extract

    path = tmp_path / "invented-tongri.txt"  # an invented bulletin
    path.write_text(
        "青河工作简报\n\n第12期\n\n中共青河县委办公室    2023年4月18日\n\n"
        "●4月16日，县政协主席孙雅琴率部分县政协委员视察县第一人民医院新院区建设。\n\n"
        "△同日，县人大常委会召开第十次主任会议，县人大常委会主任黄建国主持。\n",
        encoding="utf-8",
    )
    issue = parse_file(path)
    assert [a.kind for a in issue.articles] == ["article", "brief"]
    days = {e.label: e.date for e in extract(issue, nlp).events}
    assert str(days["县人大常委会第十次主任会议"]) == "2023-04-16"
