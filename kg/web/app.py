"""`kg serve`: the analyst's workbench over the store (Starlette), on 127.0.0.1 by default.

Routes:

- ``/sparql``: the SPARQL 1.1 Protocol endpoint (:mod:`kg.web.endpoint`), read-only;
- ``/query``: the query page (editor, the library with its parameters as fields, results
  as a table, a graph or a timeline); the URL holds the query, so a link reproduces it;
- ``/id/…``: a page for every entity at its own IRI path, HTML for a browser and
  Turtle, N-Triples or JSON-LD for an RDF client (content negotiation);
- ``/issue/KEY``: an issue's text with every extracted fact highlighted;
- ``/explore``: the graph explorer, which loads neighbourhoods on demand;
- ``/tenure``: who held which post when, as bars;
- ``/api/…``: the JSON the pages draw from (library runs, search, neighbourhoods);
- ``POST /curate``: corrections made on entity pages ("same", "not the same", "reject
  this fact", a preferred label, undo), the same functions as ``kg curate``. Only when
  the server listens on a loopback address, only from 127.0.0.1, and only with the
  token of the page the form came from (an HMAC of its path under a secret made at
  start-up), so another site cannot make a visitor's browser write to the store.

Pages are Jinja2 templates with autoescaping, so document text is always text; the
only scripts are the package's own files and vis-network from the pyvis package.
Every handler opens the store read-only for its request, so imports made while the
server runs are seen at the next request.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import urllib.parse
from typing import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import KGError, ProtocolError
from ..graph.vocab import DATA
from ..store.base import QuadStore, open_store
from ..store.sparqltext import query_form
from .assets import STATIC, issue_path, page_path, templates, vis_network_dir
from .endpoint import FORMAT_TYPES, GRAPH_TYPES, accepted, answer_query, query_text, serialise

MAX_BODY = 1_000_000  # a query, not a document
RDF_TYPES = {"text/turtle", "application/n-triples", "application/ld+json"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}


def prefers_rdf(accept: str) -> str | None:
    """The RDF media type an Accept header prefers over HTML, or None for a page."""
    media = next((m for m in accepted(accept) if m in RDF_TYPES or m in HTML_TYPES), None)
    return media if media in RDF_TYPES else None


def is_loopback(host: str | None) -> bool:
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


class PageTokens:
    """One token per page path, unguessable without the server's secret: a form carries
    the token of the page it was drawn on, which another origin cannot read."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def __call__(self, path: str) -> str:
        return hmac.new(self._secret, path.encode("utf-8"), hashlib.sha256).hexdigest()

    def check(self, path: str, token: str) -> bool:
        return hmac.compare_digest(self(path), token)


def create_app(store_location: str, timeout: float = 30.0, curation: bool = True) -> Starlette:
    """``curation``: entity pages offer corrections (kg serve turns it off on a public address)."""
    env = templates()
    tokens = PageTokens()

    def html(name: str, status: int = 200, **context: object) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    async def with_store(work: Callable[[QuadStore], object]) -> object:
        def run() -> object:
            store = open_store(store_location, must_exist=True, reader=True)
            try:
                return work(store)
            finally:
                store.close()

        return await run_in_threadpool(run)

    async def sparql(request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        if len(body) > MAX_BODY:
            return PlainTextResponse("the request body is too large for a query\n", status_code=413)
        try:
            params = {k: request.query_params.getlist(k) for k in request.query_params.keys()}
            text = query_text(request.method, request.headers.get("content-type", ""), params, body)
            # ?format=csv: a download link cannot set Accept
            accept = FORMAT_TYPES.get(params.get("format", [""])[0]) or request.headers.get("accept", "*/*")
            found = await run_in_threadpool(answer_query, store_location, text, accept, timeout)
        except ProtocolError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)
        return Response(found.body, media_type=found.media_type, headers={"Vary": "Accept"})

    async def home(request: Request) -> Response:
        if "text/html" in request.headers.get("accept", ""):
            return RedirectResponse("/query")
        return PlainTextResponse(
            "district-kg\n\nSPARQL 1.1 Protocol endpoint: /sparql (GET ?query=…, POST form or "
            "application/sparql-query); results as JSON, XML, CSV or TSV, graphs as Turtle, "
            "N-Triples or JSON-LD, chosen by the Accept header. Read-only.\n"
            "Pages: /query, /explore, /tenure, /id/… (one per entity), /issue/KEY.\n"
        )

    async def query_page(request: Request) -> Response:
        from ..analysis.query import library

        return html("query.html", library=[_library_entry(q) for q in library()])

    async def run_library(request: Request) -> Response:
        from ..analysis.query import LIBRARY, answer, parse_binding, query_to_run
        from ..errors import QueryTimeout

        name = request.path_params["name"]
        path = LIBRARY / f"{name}.rq"
        if "/" in name or not path.is_file():
            return PlainTextResponse(f"no library query named {name!r}\n", status_code=404)
        asked = request.query_params.get("format", "json")
        binds = {k: v for k, v in request.query_params.items() if k != "format" and v.strip()}

        def run(store) -> tuple[str, str]:
            text = query_to_run(path, bindings, store)  # the form that suits the bindings (queries/listings/)
            # a graph: the page shows N-Triples, as for one's own CONSTRUCT
            fmt = "nt" if asked == "json" and query_form(text) in ("CONSTRUCT", "DESCRIBE") else asked
            return answer(store, text, bindings, fmt, timeout), fmt

        try:
            bindings = dict(parse_binding(f"{k}={v}") for k, v in binds.items())
            body, fmt = await with_store(run)
        except QueryTimeout as exc:
            return PlainTextResponse(f"{exc}\n", status_code=503)
        except KGError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        return Response(str(body), media_type=FORMAT_TYPES.get(fmt, "text/plain") + "; charset=utf-8")

    async def entity(request: Request) -> Response:
        from ..analysis.entities import entity_page, kind_of

        iri = str(DATA) + request.path_params["path"]
        rdf = prefers_rdf(request.headers.get("accept", ""))
        if rdf:
            return await _describe(iri, rdf)
        if kind_of(iri) == "issue":
            key = await with_store(lambda s: _issue_key(s, iri))
            if key:
                return RedirectResponse(issue_path(key), status_code=303)
        try:
            page = await with_store(lambda s: entity_page(s, iri))
        except KGError as exc:
            from ..analysis.entities import merged_into

            kept = await with_store(lambda s: merged_into(s, iri))
            if kept:  # judged the same as another: that one is its page now
                return RedirectResponse(page_path(kept), status_code=301)
            return html("message.html", 404, title="Not in the store", message=str(exc))
        here = request.url.path
        can_curate = curation and is_loopback(request.client.host if request.client else None)
        return html(
            "entity.html",
            page=page,
            title=page.label,
            here=here,
            token=tokens(here) if can_curate else "",
            done=request.query_params.get("done", ""),
        )

    async def curate(request: Request) -> Response:
        """A correction from an entity page: checked, made (or undone), then back to the page."""
        from ..curate import make, undo

        if not curation or not is_loopback(request.client.host if request.client else None):
            return PlainTextResponse("corrections are taken from this machine only\n", status_code=403)
        if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return PlainTextResponse("a correction is sent as an HTML form\n", status_code=415)
        body = await request.body()
        if len(body) > MAX_BODY:
            return PlainTextResponse("the request body is too large for a correction\n", status_code=413)
        # the pages' forms are url-encoded: parsed here, without a multipart library
        form = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items()}
        page = str(form.get("page", ""))
        origin = request.headers.get("origin")
        if origin and urllib.parse.urlsplit(origin).netloc != request.headers.get("host"):
            return PlainTextResponse("a correction must come from the workbench's own pages\n", status_code=403)
        if not page.startswith("/id/") or not tokens.check(page, str(form.get("token", ""))):
            return PlainTextResponse("this form has expired: reload the page and try again\n", status_code=403)
        field = lambda name: str(form.get(name, "")).strip() or None  # noqa: E731
        verdict = field("verdict") or ""

        def work() -> object:
            store = open_store(store_location, must_exist=True)
            try:
                if verdict == "undo":
                    return undo(store, int(field("number") or 0))
                return make(
                    store,
                    verdict,
                    field("judged") or "",
                    field("other"),
                    field("label"),
                    field("note") or "",
                    about=field("about"),
                )
            finally:
                store.close()

        try:
            done = await run_in_threadpool(work)
        except (KGError, ValueError) as exc:
            return html("message.html", 409, title="Not recorded", message=str(exc), back=page)
        j = done.judgement
        back = page_path(str(j.judged)) if j.verdict == "same" and not j.undone else page
        return RedirectResponse(f"{back}?done={j.number}", status_code=303)

    async def _describe(iri: str, media: str) -> Response:
        from rdflib import URIRef

        from ..analysis.query import run_query

        def work(store: QuadStore) -> bytes:
            found = run_query(store, "CONSTRUCT { ?it ?p ?o } WHERE { ?it ?p ?o }", {"it": URIRef(iri)})
            if not len(found.graph):
                raise KGError(f"the store has nothing about <{iri}>")
            return serialise(found, GRAPH_TYPES[media])

        try:
            body = await with_store(work)
        except KGError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=404)
        return Response(body, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})

    async def issue(request: Request) -> Response:
        from ..analysis.entities import issue_text

        key = request.path_params["key"]
        try:
            view = await with_store(lambda s: issue_text(s, key))
        except KGError as exc:
            return html("message.html", 404, title="Not in the store", message=str(exc))
        return html("issue.html", view=view, title=key)

    async def explore(request: Request) -> Response:
        return html("explore.html", start=request.query_params.get("start", ""), title="Explorer")

    async def api_search(request: Request) -> Response:
        from dataclasses import asdict

        from ..analysis.explore import search

        q = request.query_params.get("q", "")
        found = await with_store(lambda s: search(s, q))
        return JSONResponse([asdict(n) | {"page": page_path(n.id)} for n in found])

    async def api_neighbours(request: Request) -> Response:
        from ..analysis.explore import neighbours

        p = request.query_params
        iri = p.get("id", "")
        if not iri.startswith(str(DATA)):
            return PlainTextResponse("id must be an entity IRI of this store\n", status_code=400)
        found = await with_store(
            lambda s: neighbours(s, iri, p.get("view") == "people", p.get("since", ""), p.get("until", ""))
        )
        for n in found["nodes"]:
            n["page"] = page_path(n["id"])
        return JSONResponse(found)

    async def tenure(request: Request) -> Response:
        from ..analysis.timeline import tenure_bars

        org = request.query_params.get("org", "")
        chart = await with_store(lambda s: tenure_bars(s, org))
        return html("tenure.html", chart=chart, org=org, title="Tenure")

    return Starlette(
        routes=[
            Route("/", home),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/query", query_page),
            Route("/api/library/{name}", run_library),
            Route("/api/search", api_search),
            Route("/api/neighbours", api_neighbours),
            Route("/id/{path:path}", entity),
            Route("/curate", curate, methods=["POST"]),
            Route("/issue/{key:path}", issue),
            Route("/explore", explore),
            Route("/tenure", tenure),
            Mount("/static/vis", StaticFiles(directory=vis_network_dir()), name="vis"),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ]
    )


def _library_entry(q) -> dict:
    return {
        "name": q.name,
        "question": q.question,
        "view": q.view,
        "params": [{"name": p.name, "required": p.required, "about": p.about} for p in q.parameters],
        "text": q.text,
    }


def _issue_key(store: QuadStore, iri: str) -> str:
    from rdflib import URIRef

    from ..analysis.entities import rows

    found = rows(store, "SELECT ?k WHERE { ?it dkg:issueKey ?k }", it=URIRef(iri))
    return found[0]["k"] if found else ""


def serve(store_location: str, host: str, port: int, timeout: float) -> None:
    import uvicorn

    # on any other address a page is not the analyst's own: no corrections through it
    app = create_app(store_location, timeout, curation=is_loopback(host))
    uvicorn.run(app, host=host, port=port, log_level="warning")
