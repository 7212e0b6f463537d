"""`kg serve`: the store over HTTP (Starlette), on 127.0.0.1 by default.

Today it serves the SPARQL 1.1 Protocol endpoint at /sparql, so standard clients
(SPARQLWrapper, rdflib's SPARQLStore, YASGUI, Protégé) query a district's graph;
``/`` says where things are. Requests are answered by :mod:`kg.web.endpoint`.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from ..errors import ProtocolError
from .endpoint import answer_query, query_text

MAX_BODY = 1_000_000  # a query, not a document


def create_app(store_location: str, timeout: float = 30.0) -> Starlette:
    async def sparql(request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        if len(body) > MAX_BODY:
            return PlainTextResponse("the request body is too large for a query\n", status_code=413)
        try:
            text = query_text(
                request.method,
                request.headers.get("content-type", ""),
                {k: request.query_params.getlist(k) for k in request.query_params.keys()},
                body,
            )
            found = await run_in_threadpool(
                answer_query, store_location, text, request.headers.get("accept", "*/*"), timeout
            )
        except ProtocolError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)
        return Response(found.body, media_type=found.media_type, headers={"Vary": "Accept"})

    async def home(request: Request) -> Response:
        return PlainTextResponse(
            "district-kg\n\nSPARQL 1.1 Protocol endpoint: /sparql (GET ?query=…, POST form or "
            "application/sparql-query); results as JSON, XML, CSV or TSV, graphs as Turtle, "
            "N-Triples or JSON-LD, chosen by the Accept header. Read-only.\n"
        )

    return Starlette(routes=[Route("/", home), Route("/sparql", sparql, methods=["GET", "POST"])])


def serve(store_location: str, host: str, port: int, timeout: float) -> None:
    import uvicorn

    uvicorn.run(create_app(store_location, timeout), host=host, port=port, log_level="warning")
