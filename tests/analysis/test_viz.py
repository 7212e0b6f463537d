"""The network page at the sizes a district's archive gives (built graphs, no store)."""

import time

import networkx as nx

from kg.analysis.viz import SPRING_MAX, layout, render


def _net(n: int) -> nx.MultiDiGraph:
    net = nx.MultiDiGraph()
    for i in range(n):
        net.add_node(f"p{i}", label=f"人物{i}", type="Person")
    for i in range(n):
        net.add_edge(f"p{i}", f"p{(i * 7 + 1) % n}", label="同场")
    return net


def test_a_page_of_more_nodes_than_the_spring_layout_takes_without_scipy():
    net = _net(SPRING_MAX + 300)
    t0 = time.perf_counter()
    page = render(net)
    assert "人物798" in page and page.count('"id"') >= net.number_of_nodes()
    assert time.perf_counter() - t0 < 120  # a hang, not a timing target


def test_layouts_are_deterministic_on_both_sides_of_the_threshold():
    for n in (50, SPRING_MAX + 1):
        g = nx.Graph(_net(n))
        a, b = layout(g), layout(g)
        assert all((a[k] == b[k]).all() for k in a) and len(a) == n


def test_a_selection_too_large_for_a_page_says_what_to_draw_instead():
    import pytest

    from kg.analysis.viz import PAGE_MAX, select
    from kg.errors import ExportError

    with pytest.raises(ExportError, match="--ego NAME --depth 1"):
        select(_net(PAGE_MAX + 1), ("Person",))
    assert select(_net(PAGE_MAX + 1), ("Person",), ego="人物0").number_of_nodes() == 3
