"""An interactive network page (pyvis data, vis-network inlined: works offline)."""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

import networkx as nx

from ..errors import ExportError
from .network import NODE_TYPES

STYLE = {  # colour and shape per node type; the legend is drawn from this table
    "Person": ("#e4572e", "dot", "人物 person"),
    "Organization": ("#17bebb", "square", "机构 organization"),
    "Event": ("#ffc914", "diamond", "事件 event"),
    "Initiative": ("#76b041", "triangle", "工作/口号 initiative"),
    "Project": ("#8e6bbf", "star", "项目 project"),
}


def _vis_assets() -> tuple[str, str]:
    """vis-network as shipped inside the pyvis package: no CDN, no network."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def select(
    net: nx.MultiDiGraph, types: tuple[str, ...] = NODE_TYPES, ego: str | None = None, depth: int = 1
) -> nx.MultiDiGraph:
    """Filter before drawing: node types, and optionally the neighbourhood of one node by label."""
    sub = net.subgraph([n for n, d in net.nodes(data=True) if d["type"] in types]).copy()
    if ego:
        centres = [n for n, d in sub.nodes(data=True) if d["label"] == ego]
        if not centres:
            raise ExportError(f"no node labelled {ego!r} in the graph")
        keep: set[str] = set()
        for c in centres:
            keep |= set(nx.ego_graph(sub.to_undirected(as_view=True), c, radius=depth))
        sub = sub.subgraph(keep).copy()
    if sub.number_of_nodes() > PAGE_MAX:
        raise ExportError(
            f"{sub.number_of_nodes()} nodes are more than one page can draw ({PAGE_MAX}); "
            "draw a neighbourhood instead (--ego NAME --depth 1)"
        )
    return sub


SPRING_MAX = 499  # networkx's spring layout turns to scipy (not installed) from 500 nodes
PAGE_MAX = 3000  # past this a static page is neither readable nor light (layout memory is quadratic)


def layout(g: nx.Graph) -> dict:
    """Positions computed with numpy alone, deterministic for a graph."""
    if not g.number_of_nodes():
        return {}
    if g.number_of_nodes() <= SPRING_MAX:
        return nx.spring_layout(g, seed=7)
    return nx.forceatlas2_layout(g, seed=7, max_iter=60)


def render(net: nx.MultiDiGraph, title: str = "district-kg") -> str:
    """The page as one HTML string, with positions computed here and physics off."""
    from pyvis.network import Network

    pos = layout(nx.Graph(net))
    scale = 120 * max(1.0, net.number_of_nodes() ** 0.5)
    vn = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n, d in net.nodes(data=True):
        colour, shape, kind = STYLE[d["type"]]
        x, y = pos.get(n, (0.0, 0.0))
        tip = f"{d['label']}\n类型 type: {kind}" + (
            f"\n出处 source: {d['sentence'][:160]}" if d.get("sentence") else ""
        )
        label = d["label"] if len(d["label"]) <= 16 else d["label"][:15] + "…"  # full text in the tooltip
        vn.add_node(
            n, label=label, title=tip, color=colour, shape=shape, x=float(x) * scale, y=float(y) * scale, physics=False
        )
    for a, b, d in net.edges(data=True):
        vn.add_edge(a, b, title=d.get("label", ""), label=d.get("label", ""), arrows="to")
    vn.toggle_physics(False)
    nodes, edges, _, _, _, options = vn.get_network_data()
    js, css = _vis_assets()
    legend = "".join(
        f'<li><span class="sw" style="background:{c}"></span>{html.escape(k)}</li>' for c, _, k in STYLE.values()
    )
    data = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{css}
html,body{{margin:0;height:100%;font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif}}
#net{{position:absolute;inset:0}}
#legend{{position:absolute;top:12px;left:12px;background:#fffe;border:1px solid #ccc;padding:8px 12px;border-radius:6px;z-index:2}}
#legend ul{{list-style:none;margin:4px 0 0;padding:0}} .sw{{display:inline-block;width:12px;height:12px;margin-right:6px;border-radius:2px}}
</style></head><body>
<div id="legend"><strong>{html.escape(title)}</strong> · {net.number_of_nodes()} nodes, {net.number_of_edges()} edges<ul>{legend}</ul></div>
<div id="net"></div>
<script>{js}</script>
<script>
const data = {data};
data.nodes.forEach(n => {{
  const t = document.createElement("div");
  t.style.whiteSpace = "pre-wrap"; t.style.maxWidth = "360px"; t.textContent = n.title; n.title = t;
}});
const options = {options};
options.physics = {{enabled: false}};
options.interaction = {{hover: true, tooltipDelay: 120}};
new vis.Network(document.getElementById("net"), {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, options);
</script></body></html>
"""


def write_page(net: nx.MultiDiGraph, target: Path, title: str = "district-kg") -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(net, title), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from None
