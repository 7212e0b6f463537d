"""The explorer as one self-contained file (what `kg viz` writes).

The same explorer as `kg serve`'s /explore: its markup, script and style, with
vis-network from the installed pyvis package, all inlined, and the graph carried in
the file as JSON that ``offline.js`` answers searches and neighbourhoods from. It opens
from disk with no server and no network.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..errors import ExportError
from .assets import STATIC, templates, vis_network_dir


def _inline(text: str) -> str:
    # a script element ends at the first "</script" whatever the JavaScript means by it
    return text.replace("</script", "<\\/script")


def page(graph: dict, title: str = "district-kg", start: str = "") -> str:
    """The file's HTML for ``graph`` (:func:`kg.analysis.explore.whole_graph`'s shape);
    ``start``: the entity the explorer opens on (else it lists the most connected)."""
    vis = vis_network_dir()
    css = (vis / "vis-network.css").read_text(encoding="utf-8") + (STATIC / "kg.css").read_text(encoding="utf-8")
    scripts = [(vis / "vis-network.min.js").read_text(encoding="utf-8")]
    scripts += [(STATIC / name).read_text(encoding="utf-8") for name in ("common.js", "offline.js", "explore.js")]
    # JSON inside a script element: "<" escaped, so no text of a document can close it
    data = json.dumps(graph, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return (
        templates()
        .get_template("explorer_file.html")
        .render(
            title=title,
            css=css.replace("</style", "<\\/style"),
            scripts=[_inline(s) for s in scripts],
            data=data,
            start=start,
            counts=f"{len(graph['nodes'])} nodes, {len(graph['edges']) + len(graph['met'])} links",
            written=date.today().isoformat(),
        )
    )


def write_page(graph: dict, target: Path, title: str = "district-kg", start: str = "") -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(graph, title, start), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from None
