"""What the workbench's pages are made from, shared by `kg serve` and the file `kg viz`
writes: the templates (autoescaped), the package's own static files, vis-network as
the pyvis package ships it, and the paths pages link to. No web framework here, so
writing the offline file does not load the server."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import KGError
from ..graph.vocab import DATA

STATIC = Path(__file__).resolve().parent / "static"


def page_path(iri: str) -> str:
    """The workbench path of an entity IRI (``/id/person/上街区/耿勇军``), '' for others."""
    base = str(DATA)
    if not iri.startswith(base):
        return ""
    return "/id/" + urllib.parse.quote(iri[len(base) :], safe="/")


def issue_path(key: str, begin: int | None = None, end: int | None = None) -> str:
    at = f"#at-{begin}-{end}" if begin is not None and end is not None else ""
    return "/issue/" + urllib.parse.quote(key, safe="/") + at


def vis_network_dir() -> Path:
    """vis-network as pyvis ships it (a declared dependency): no CDN, no copy of our own."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KGError("the pyvis package is missing: reinstall district-kg")
    found = sorted(Path(spec.submodule_search_locations[0], "templates", "lib").glob("vis-9*"))
    if not found:
        raise KGError("pyvis does not ship vis-network here: reinstall district-kg")
    return found[-1]


def templates() -> Environment:
    env = Environment(loader=PackageLoader("kg.web", "templates"), autoescape=select_autoescape(default=True))
    env.filters["page"] = page_path
    env.globals["issue_path"] = issue_path
    return env
