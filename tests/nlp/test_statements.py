"""Statements: who said it (他/她 resolved), and demands that enumerate kept whole
(the user's sample and an invented bulletin)."""

from pathlib import Path

from kg.ingest.parse import parse_file
from kg.nlp.facts import extract

DATA = Path(__file__).resolve().parent.parent / "data"


def said(path: Path, nlp) -> list[tuple[str, str, str]]:
    issue = parse_file(path)
    return [(s.speaker, s.speech_act, s.text) for e in extract(issue, nlp).events for s in e.statements]


def test_he_is_the_one_last_named_in_the_paragraph(nlp):
    found = said(DATA / "invented-statements.txt", nlp)
    by = {text[:8]: (speaker, act) for speaker, act, text in found}
    assert by["要坚持规划引领，"] == ("赵一鸣", "建议")  # 赵一鸣介绍了…。他建议: not the chair
    assert by["各街道要倒排工期"] == ("赵一鸣", "要求")  # 他还要求: a word between 他 and the verb
    assert by["要把群众满意作为"] == ("欧阳明", "强调")  # 欧阳明指出…。他强调: the same speaker


def test_a_demand_that_enumerates_stays_whole(sample, nlp):
    issue = parse_file(sample)
    (demand,) = [
        s for e in extract(issue, nlp).events for s in e.statements if s.speaker == "耿勇军" and s.speech_act == "要求"
    ]
    assert demand.text.startswith("一要抓好城市道路综合改造工程")
    assert "。二要抓好老旧小区综合改造工程" in demand.text and "。四要改进城市精细化管理" in demand.text
    assert demand.text.endswith("以“亮化”增颜值")
    assert demand.evidence.sentence.startswith("耿勇军要求，一要") and demand.evidence.sentence.endswith("增颜值。")
    assert issue.text[demand.evidence.sent_start : demand.evidence.sent_end].strip() == demand.evidence.sentence
