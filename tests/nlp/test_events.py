"""Sentences invented for the tests."""

from kg.nlp.events import EventFinder
from kg.nlp.persons import PersonFinder


def events(lex, text):
    names = PersonFinder(lex).find(text).names
    return EventFinder(lex).find(text, names)


def roles(ev):
    return {(r.person, r.role) for r in ev.roles}


def test_meeting_with_chair_attendees_and_speaker(finder_lex):
    text = (
        "3月2日，区委书记欧阳明主持召开安全生产工作推进会。区领导王海、李红梅参加会议。"
        "欧阳明指出，要压实责任。区长陈立新讲话。"
    )
    [ev] = events(finder_lex, text)
    assert ev.kind == "Meeting" and ev.label == "安全生产工作推进会" and ev.date_text == "3月2日"
    got = roles(ev)
    assert {("欧阳明", "Chair"), ("王海", "Attendee"), ("李红梅", "Attendee"), ("陈立新", "Speaker")} <= got
    assert ("欧阳明", "Speaker") not in got  # the chair is not also a participant
    assert ev.statements[0].speaker == "欧阳明" and ev.statements[0].text == "要压实责任"


def test_two_events_stay_apart_and_before_meeting_is_undated(finder_lex):
    text = "5月6日，区委书记欧阳明主持召开城市管理工作会。会前，区长陈立新带领相关部门负责同志赴东湖街道观摩学习。"
    evs = events(finder_lex, text)
    assert [e.kind for e in evs] == ["Meeting", "StudyVisit"]
    assert evs[1].before_main and evs[1].date_text == "会前"  # undated, the words kept
    assert ("陈立新", "Leader") in roles(evs[1])


def test_meetings_only_referred_to_are_not_events(finder_lex):
    assert events(finder_lex, "会议传达学习了全市安全生产工作会议精神。") == []


def test_a_meeting_followed_by_video_before_the_item(finder_lex):
    text = "3日 在全市安全生产视频调度会议后，示例区立即召开全区安全生产工作部署会。区长陈立新出席并讲话。"
    evs = events(finder_lex, text)
    assert [(e.kind, e.label) for e in evs] == [
        ("Meeting", "全市安全生产视频调度会议"),
        ("Meeting", "全区安全生产工作部署会"),
    ]
    assert evs[0].date_text == "3日" and evs[1].roles and not evs[0].roles


def test_attendees_of_a_visit_with_titles_and_commas(finder_lex):
    text = (
        "近日，区委书记张国强带队赴东湖街道考察学习，区委常委、常务副区长李明，区委常委、宣传部部长王芳等参加考察。"
        "县政协副主席陈红、赵刚陪同调研。他强调，要学以致用。"
    )
    [ev] = events(finder_lex, text)  # 陪同调研 joins the visit, it is not a new one
    got = roles(ev)
    assert {
        ("张国强", "Leader"),
        ("李明", "Attendee"),
        ("王芳", "Attendee"),
        ("陈红", "Attendee"),
        ("赵刚", "Attendee"),
    } <= got
    assert ev.date_text == "近日"
    assert [(s.speaker, s.text) for s in ev.statements] == [("张国强", "要学以致用")]  # 他: the leader


def test_a_meeting_named_after_studied_speeches_is_still_an_event(finder_lex):
    [ev] = events(finder_lex, "6日 示例区召开学习贯彻全会精神研讨交流会。区委书记欧阳明主持并讲话。")
    assert ev.label == "学习贯彻全会精神研讨交流会"
    assert ("欧阳明", "Chair") in roles(ev)


def test_speakers_named_one_clause_before_the_verb(finder_lex):
    text = "7月2日，区政协召开常委会议。王海、李红梅、张三丰等常委紧扣主题，从不同角度提出了意见建议。"
    [ev] = events(finder_lex, text)
    assert {("王海", "Speaker"), ("李红梅", "Speaker"), ("张三丰", "Speaker")} <= roles(ev)


def test_any_meeting_convened_and_organs_are_not_names(finder_lex):
    [ev] = events(
        finder_lex, "1月3日，镇党委书记何志远主持召开镇党委理论学习中心组学习会，镇党委副书记、镇长罗晓东参加。"
    )
    assert ev.label == "镇党委理论学习中心组学习会"
    assert roles(ev) == {("何志远", "Chair"), ("罗晓东", "Attendee")}


def test_routine_meetings_are_not_events(finder_lex):
    assert events(finder_lex, "成立工作专班，每周召开一次调度会。") == []


def test_joint_visit_and_the_meeting_it_convened(finder_lex):
    text = "区委书记欧阳明，区委副书记、区长陈立新调研蔬菜产业并召开座谈会。"
    visit, meeting = events(finder_lex, text)
    assert visit.kind == "StudyVisit" and meeting.label == "座谈会"
    assert {(r.person, r.role) for r in visit.roles} == {("欧阳明", "Leader"), ("陈立新", "Leader")}
    assert {(r.person, r.role) for r in meeting.roles} == {("欧阳明", "Chair"), ("陈立新", "Chair")}


def test_the_visit_mentioned_again_is_not_a_second_event(finder_lex):
    text = (
        "3月7日，区委书记冯建国带领调研组深入示例镇调研。在区长陈立的陪同下，调研组一行先后来到两个村。"
        "冯建国在调研时指出，要加快进度。"
    )
    [ev] = events(finder_lex, text)
    assert roles(ev) == {("冯建国", "Leader"), ("陈立", "Attendee")}
    assert ev.statements and ev.statements[0].speaker == "冯建国"  # the leader spoke, and stays the leader


def test_attendees_named_after_the_verb_and_on_the_rostrum(finder_lex):
    text = (
        "6月29日，示例区召开座谈会。区长蔡文杰主持会议。区领导杨光明、刘春燕在主席台就座。"
        "出席会议的还有谢振华、邱丽等同志。"
    )
    [ev] = events(finder_lex, text)
    assert {
        ("蔡文杰", "Chair"),
        ("杨光明", "Attendee"),
        ("刘春燕", "Attendee"),
        ("谢振华", "Attendee"),
        ("邱丽", "Attendee"),
    } <= roles(ev)


def test_meetings_held_by_a_study_group_and_meetings_attended(finder_lex):
    [ev] = events(finder_lex, "8月3日，区委理论学习中心组举行第六次集体学习。区委书记易志强主持。")
    assert ev.label == "第六次集体学习" and ev.roles[0].role == "Chair"
    [ev] = events(finder_lex, "■ 县委副书记潘莉出席全县妇女工作会议并讲话。")
    assert ev.label == "全县妇女工作会议" and ev.roles[0].role == "Attendee"


def test_a_meeting_name_keeps_its_quoted_slogan_and_brackets(finder_lex):
    [ev] = events(finder_lex, "2月8日，示例区召开“讲规矩、守纪律”集中整治动员大会。")
    assert ev.label == "“讲规矩、守纪律”集中整治动员大会"
    [ev] = events(finder_lex, "3月5日，县委书记卢刚主持召开县委常委会（扩大）会议。")
    assert ev.label == "县委常委会（扩大）会议"


def test_a_delegation_and_a_list_parted_by_semicolons(finder_lex):
    text = (
        "4月10日，市人大常委会主任赵建军，副主任钱一、孙二、李三一行到示例区视察。"
        "区委书记周大明；区委副书记、区长吴二平；副区长郑四陪同视察。"
    )
    [ev] = events(finder_lex, text)
    got = roles(ev)
    assert ("赵建军", "Leader") in got and ("钱一", "Attendee") in got and ("李三", "Attendee") in got
    assert {("周大明", "Attendee"), ("吴二平", "Attendee"), ("郑四", "Attendee")} <= got


def test_what_follows_takes_the_day_and_what_was_decided_is_no_event(finder_lex):
    text = (
        "8月30日，县政协副主席刘见带领调研组到示例镇调研。在随后召开的汇报会上，镇长王立汇报了情况。"
        "会议审议通过了召开县政协十届五次会议的决定。"
    )
    evs = events(finder_lex, text)
    assert [(e.label, e.date_text) for e in evs][1] == ("汇报会", "8月30日")
    assert len(evs) == 2


def test_one_happening_one_event_and_the_dash_leads_to_the_point(finder_lex):
    text = "7月26日上午，示例县工业园内礼炮齐鸣——9个项目集中开工奠基。市委书记许宁宣布项目开工。市长侯亮讲话。"
    [ev] = events(finder_lex, text)
    assert ev.label == "9个项目集中开工奠基"
    assert {("许宁", "Speaker"), ("侯亮", "Speaker")} <= roles(ev)


def test_the_body_that_met_names_an_ordinal_meeting(finder_lex):
    [ev] = events(finder_lex, "9月26日，区第十六届人大常委会召开第二十二次会议，主任张巨明主持会议。")
    assert ev.label == "区第十六届人大常委会第二十二次会议"
    assert ("张巨明", "Chair") in roles(ev)


def test_clauses_of_titles_and_names_with_no_verb_belong_to_the_list(finder_lex):
    text = (
        "区委书记王一波带队开展观摩活动。区委副书记黄东，区委常委李彩、陈永，副区长王勇，"
        "10个街道党工委书记，区直相关部门负责人参加观摩。"
    )
    [ev] = events(finder_lex, text)
    got = roles(ev)
    assert {("黄东", "Attendee"), ("李彩", "Attendee"), ("陈永", "Attendee"), ("王勇", "Attendee")} <= got
    assert ("王一波", "Leader") in got


def test_the_reporter_in_a_byline_does_none_of_what_is_reported(finder_lex):
    [ev] = events(finder_lex, "本报讯（记者 林小瑶）9月26日，区人大常委会召开第二十二次会议，主任张巨明主持会议。")
    assert roles(ev) == {("张巨明", "Chair")}


def test_the_clause_that_tells_the_visit_is_not_part_of_the_escort_list(finder_lex):
    text = "5月13日下午，市妇儿工委成员张萍、杨朝一行到辖区调研儿童友好社区建设，区领导刘正，区民政局局长孟凡伟陪同。"
    [ev] = events(finder_lex, text)
    assert roles(ev) == {
        ("张萍", "Leader"),
        ("杨朝", "Leader"),
        ("刘正", "Attendee"),
        ("孟凡伟", "Attendee"),
    }


def test_who_visits_in_anothers_company_leads(finder_lex):
    [ev] = events(finder_lex, "4月25日 县长乔朝在县住建局局长王明的陪同下深入城东片区调研路网工程。")
    assert roles(ev) == {("乔朝", "Leader"), ("王明", "Attendee")}


def test_who_hears_a_report_does_not_give_it(finder_lex):
    # A听取B关于…的汇报: B reports; A, who hears it, is no speaker
    text = (
        "5月8日，区政协召开主席会议。区政协主席吴晓岚主持。会议听取提案委主任钱立群关于提案办理情况的汇报。\n\n"
        "在随后召开的座谈会上，市委书记唐文涛听取了示例区关于一季度经济运行情况的汇报。"
    )
    first, second = events(finder_lex, text)
    assert ("钱立群", "Speaker") in roles(first) and ("吴晓岚", "Chair") in roles(first)
    assert ("唐文涛", "Speaker") not in roles(second)


def test_who_speaks_at_a_meeting_that_was_held_does_not_chair_it(finder_lex):
    [ev] = events(finder_lex, "县委书记周立新在5月8日召开的项目推进会上要求，各单位要倒排工期。")
    assert roles(ev) == {("周立新", "Speaker")}


def test_who_relays_a_meetings_spirit_is_present_and_speaks(finder_lex):
    text = (
        "9月29日，全县森林防火工作会议召开。县应急管理局局长刘磊传达了省、市森林防火工作会议精神。"
        "会议传达学习了陈立新同志的讲话精神。"
    )
    [ev] = events(finder_lex, text)
    assert ("刘磊", "Speaker") in roles(ev) and not any(p == "陈立新" for p, _ in roles(ev))


def test_who_is_named_after_canjia_de_you_attends(finder_lex):
    text = "5月20日，青河县召开乡村振兴座谈会。参加座谈的有钱江、孙梅及宋立国。"
    [ev] = events(finder_lex, text)
    assert {("钱江", "Attendee"), ("孙梅", "Attendee"), ("宋立国", "Attendee")} <= roles(ev)


def test_one_escorted_leads_and_a_report_of_findings_is_no_second_visit(finder_lex):
    text = (
        "1月12日，县委常委韦丽娟在乡党委书记石磊陪同下，走访慰问了困难党员。\n\n"
        "1月13日，副县长蒋涛到东坡乡督导安全生产工作。乡长叶小川汇报了全乡安全生产检查情况。"
    )
    first, second = events(finder_lex, text)  # 检查情况 is what was found, not a visit
    assert roles(first) == {("韦丽娟", "Leader"), ("石磊", "Attendee")}
    assert roles(second) == {("蒋涛", "Leader"), ("叶小川", "Speaker")}
