from kg.ingest.textclean import clean


def test_page_break_inside_a_name_is_repaired_and_offsets_kept():
    # invented: a list of leaders broken by a page break inside the last name
    raw = "示例信息\n\n会上，各镇办、区住建局等单位负责同志畅谈了收获和感悟。区领导李新军、张向奥、王文权、房\n\n玉雯就做好工作提出了意见。"
    ct = clean(raw)
    assert "房玉雯" in ct.text
    i = ct.text.index("玉雯")
    assert raw[ct.offsets[i]] == "玉"  # the map points at the user's character
    assert len(ct.offsets) == len(ct.text) + 1


def test_headlines_and_tail_lines_stay_separate():
    raw = (
        "**这是一条很长的标题没有句号结尾但它是标题不应该和下一行合并在一起的吧**\n\n△6月1日，开会。\n\n本期送：区领导"
    )
    ct = clean(raw)
    assert "\n\n△" in ct.text and "\n\n本期送" in ct.text


def test_width_and_punctuation_normalised_one_to_one():
    raw = "招商项目２７个,其中在谈(9个)。时间15:18，金额1,000元"
    ct = clean(raw)
    assert ct.text == "招商项目27个，其中在谈（9个）。时间15:18，金额1,000元"
    assert len(ct.text) == len(raw)


def test_lines_wrapped_at_a_pdfs_width_are_joined():
    from kg.ingest.textclean import clean

    items = [
        "●4月2日，旗委副书记、旗长王海主持召开中央生态环境保护督察期间协调保障工作领导小组第二次会议。",
        "●4月7日，旗委副书记、旗长王海主持召开示例旗人民政府第十次常务会议，研究部署春季防火工作。",
        "●4月9日，旗委常委、副旗长白洋调度旗级领导包联重大项目相关事宜，要求加快项目建设进度。",
    ]
    wrapped = (
        "示例旗政府大事记\n" + "\n".join(item[k : k + 20] for item in items for k in range(0, len(item), 20)) + "\n"
    )
    out = clean(wrapped).text
    assert out == "示例旗政府大事记\n" + "\n".join(items) + "\n"  # every item whole again, and still apart


def test_a_spaced_out_byline_label_is_closed():
    from kg.ingest.textclean import clean

    assert clean("圆满完成各项议程。（记 者：吴阳 张志彬）\n").text == "圆满完成各项议程。（记者：吴阳 张志彬）\n"
