from kg.textclean import clean


def test_page_break_inside_a_name_is_repaired_and_offsets_kept():
    # invented: a list of leaders broken by a page break inside the last name
    raw = "示例信息\n\n会上，各镇办、区住建局等单位负责同志畅谈了收获和感悟。区领导李新军、张向奥、王文权、房\n\n玉雯就做好工作提出了意见。"
    ct = clean(raw)
    assert "房玉雯" in ct.text
    i = ct.text.index("玉雯")
    assert raw[ct.offsets[i]] == "玉"  # the map points at the user's character
    assert len(ct.offsets) == len(ct.text) + 1


def test_headlines_and_tail_lines_stay_separate():
    raw = "**这是一条很长的标题没有句号结尾但它是标题不应该和下一行合并在一起的吧**\n\n△6月1日，开会。\n\n本期送：区领导"
    ct = clean(raw)
    assert "\n\n△" in ct.text and "\n\n本期送" in ct.text


def test_width_and_punctuation_normalised_one_to_one():
    raw = "招商项目２７个,其中在谈(9个)。时间15:18，金额1,000元"
    ct = clean(raw)
    assert ct.text == "招商项目27个，其中在谈（9个）。时间15:18，金额1,000元"
    assert len(ct.text) == len(raw)
