"""What `kg viz` carries: the explorer's graph narrowed to kinds or one neighbourhood,
at the sizes a district's archive gives (built graphs, no store)."""

import pytest

from kg.analysis.viz import select
from kg.errors import ExportError
from kg.web.offline import page


def _graph(n: int) -> dict:
    """n persons in a ring of meetings: person i chairs event i, person i+1 attends it."""
    people = [[f"p{i}", f"人物{i}", "person", ""] for i in range(n)]
    events = [[f"e{i}", f"会议{i}", "event", "2020-06-10"] for i in range(n)]
    edges = [[f"p{i}", f"e{i}", "chair", 1, "2020-06-10", f"人物{i}主持会议{i}。", "示例/2020/1"] for i in range(n)]
    edges += [[f"p{(i + 1) % n}", f"e{i}", "attendee", 1, "2020-06-10", "", ""] for i in range(n)]
    met = [[f"p{i}", f"p{(i + 1) % n}", "met", 1, "2020-06-10", "", ""] for i in range(n)]
    return {"nodes": people + events, "edges": edges, "met": met}


def test_kinds_and_a_neighbourhood_narrow_the_graph():
    g = _graph(10)
    people, start = select(g, ("Person",))
    assert {n[2] for n in people["nodes"]} == {"person"} and people["edges"] == [] and len(people["met"]) == 10
    assert start == ""
    near, start = select(g, ("Person", "Event"), ego="人物0", depth=1)
    assert start == "p0"
    assert {n[0] for n in near["nodes"]} == {"p0", "e0", "e9", "p1", "p9"}
    with pytest.raises(ExportError, match="no node labelled"):
        select(g, ego="无此人")


def test_a_file_for_thousands_of_nodes_carries_them_all_as_data():
    g = _graph(3000)  # the old page gave up past 3,000 nodes and needed scipy from 500
    html = page(g, start="")
    assert html.count('["p2999","人物2999"') == 1 and "6000 nodes" in html


def test_document_text_in_the_file_cannot_close_its_script():
    g = _graph(2)
    g["edges"][0][5] = "</script><script>alert(1)</script><!--"
    html = page(g)
    data = html.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\\u003c/script>" in data
