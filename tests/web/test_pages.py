"""The workbench's pages and JSON API through an HTTP client: entity pages with their
evidence, the issue view with facts at their offsets, content negotiation, the
explorer's data, the tenure view, and document text kept as text (the user's sample
and invented bulletins, one of them carrying script payloads)."""

from __future__ import annotations

import html
import re
import urllib.parse

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF
from starlette.testclient import TestClient

from kg.cli import cli
from kg.web.app import create_app, page_path, prefers_rdf

SONG = "https://w3id.org/district-kg/id/person/上街区/宋洁"
GENG = "https://w3id.org/district-kg/id/person/上街区/耿勇军"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import INVENTED, SAMPLE

    store = tmp_path_factory.mktemp("web") / "store"
    files = [SAMPLE, INVENTED, INVENTED.with_name("invented-payloads.txt")]
    r = CliRunner().invoke(cli, ["import", *map(str, files), "--store", str(store)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return TestClient(create_app(str(store), timeout=20))


def links(page: str, cls: str) -> list[str]:
    return [urllib.parse.unquote(html.unescape(m)) for m in re.findall(rf'<a class="{cls}"[^>]* href="([^"]+)"', page)]


def test_person_page_shows_titles_events_posts_and_statements_with_evidence(site):
    r = site.get(page_path(GENG))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    for heading in ("Posts", "Titles", "Events", "Co-attendees", "Statements"):
        assert f"<h2>{heading}" in page
    assert "区长" in page and "高品质城市建设工作推进会" in page and "宋洁" in page
    assert "一要抓好城市道路综合改造工程" in page  # his enumerated demand, whole
    # first seen at the 10 June meeting, last in the issue of the 16th (derived at import)
    assert re.search(r'class="seen">Seen from <time>2020-06-10</time> to <time>2020-06-16</time>', page)
    evidence = links(page, "evidence")
    assert evidence and all(e.startswith("/issue/上街信息/2020/46#at-") for e in evidence)


def test_an_evidence_link_opens_the_issue_with_that_fact_highlighted(site):
    page = site.get(page_path(GENG)).text
    target = links(page, "evidence")[0]
    path, _, anchor = target.partition("#")
    begin, end = map(int, anchor.removeprefix("at-").split("-"))
    issue = site.get(path)
    assert issue.status_code == 200
    marked = re.findall(r'<a class="fact fact-(\w+)" data-begin="(\d+)" data-end="(\d+)" href="([^"]+)"', issue.text)
    covering = [m for m in marked if int(m[1]) < end and int(m[2]) > begin]
    assert covering, "the evidence's offsets land on a highlighted fact"
    # the highlighted characters are the very characters of the fact
    text = html.unescape(re.search(r'<pre class="issue-text">(.*?)</pre>', issue.text, re.S).group(1))
    plain = re.sub(r"<[^>]+>", "", text)
    assert plain[begin:end] in ("区委副书记", "区长", "耿勇军", "区领导") or len(plain[begin:end]) == end - begin


def test_the_issue_view_marks_every_kind_of_fact_and_links_each_to_its_entity(site):
    page = site.get("/issue/" + urllib.parse.quote("上街信息/2020/46")).text
    kinds = set(re.findall(r'<a class="fact fact-(\w+)"', page))
    assert {"person", "title", "event", "statement", "initiative", "quantity"} <= kinds
    hrefs = set(re.findall(r'<a class="fact fact-person"[^>]* href="([^"]+)"', page))
    assert html.escape(page_path(SONG), quote=True) in hrefs or page_path(SONG) in {html.unescape(h) for h in hrefs}
    # nothing of the text is lost between the marks
    body = html.unescape(re.sub(r"<[^>]+>", "", re.search(r'<pre class="issue-text">(.*?)</pre>', page, re.S).group(1)))
    assert "25个老旧小区改造" in body and body.count("宋洁") >= 1


def test_entity_pages_negotiate_rdf_for_rdf_clients(site):
    r = site.get(page_path(SONG), headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert {str(o) for o in g.objects(URIRef(SONG), FOAF.name)} == {"宋洁"}
    nt = site.get(page_path(SONG), headers={"Accept": "application/n-triples;q=0.9, text/html;q=0.5"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert site.get(page_path(SONG), headers={"Accept": browser}).headers["content-type"].startswith("text/html")
    assert prefers_rdf(browser) is None and prefers_rdf("application/ld+json") == "application/ld+json"


def test_other_entities_have_pages_and_unknown_ones_a_404(site):
    event = "https://w3id.org/district-kg/id/event/上街区/2020-06-10/高品质城市建设工作推进会"
    page = site.get(page_path(event)).text
    assert "<h2>Participants" in page and "宋洁" in page and "Chair" in page
    post = "https://w3id.org/district-kg/id/post/上街区/上街区政府/区长"
    assert "耿勇军" in site.get(page_path(post)).text
    initiative = "https://w3id.org/district-kg/id/initiative/上街区/三项工程、一项管理"
    assert "<h2>Mentions" in site.get(page_path(initiative)).text
    missing = site.get(page_path("https://w3id.org/district-kg/id/person/上街区/无此人"))
    assert missing.status_code == 404 and "nothing about" in missing.text
    # the issue's own IRI leads to its text
    issue = site.get(page_path("https://w3id.org/district-kg/id/issue/上街信息/2020/46"), follow_redirects=False)
    assert issue.status_code == 303 and issue.headers["location"].startswith("/issue/")


def test_document_text_is_text_everywhere(site):
    page = site.get("/issue/" + urllib.parse.quote("示例信息/2021/9")).text
    assert "<script>window.kgPwned" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;window.kgPwned=1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page and "javascript:window.kgPwned=3" in page
    # the only scripts are our own files
    assert set(re.findall(r"<script[^>]*src=\"([^\"]+)\"", page)) <= {"/static/issue.js"}
    events = site.get("/api/search", params={"q": "安全工作"}).json()
    assert events and all("<" not in n["label"] or "script" in n["label"] for n in events)


def test_library_queries_run_by_name_with_parameters_as_fields(site):
    r = site.get("/api/library/person-titles", params={"name": "耿勇军"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    titles = {b["title"]["value"] for b in r.json()["results"]["bindings"]}
    assert {"区长", "区委副书记"} <= titles
    csv = site.get("/api/library/person-titles", params={"name": "耿勇军", "format": "csv"})
    assert csv.text.startswith("name,district,title,")
    assert site.get("/api/library/no-such-query").status_code == 404
    assert site.get("/api/library/career").status_code == 400  # a required parameter left empty
    assert "no variable ?nobody" in site.get("/api/library/chairs", params={"nobody": "x"}).text


def test_the_query_page_lists_the_library_and_loads_only_local_scripts(site):
    page = site.get("/query").text
    assert 'data-name="post-holders"' in page and 'id="sparql"' in page
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", page)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    for s in scripts:
        assert site.get(s).status_code == 200
    assert "http://" not in " ".join(scripts) and "https://" not in " ".join(scripts)


def test_search_and_neighbourhoods_feed_the_explorer(site):
    hits = site.get("/api/search", params={"q": "宋"}).json()
    assert hits[0]["label"] == "宋洁" and hits[0]["kind"] == "person"
    around = site.get("/api/neighbours", params={"id": SONG}).json()
    kinds = {n["kind"] for n in around["nodes"]}
    assert {"person", "event", "post"} <= kinds
    chair = [e for e in around["edges"] if e["rel"] == "chair"]
    assert chair and chair[0]["source"] == SONG and chair[0]["evidence"] and chair[0]["issue"] == "上街信息/2020/46"
    people = site.get("/api/neighbours", params={"id": SONG, "view": "people"}).json()
    assert {n["kind"] for n in people["nodes"]} == {"person"} and all(e["rel"] == "met" for e in people["edges"])
    later = site.get("/api/neighbours", params={"id": SONG, "since": "2021-01-01"}).json()
    assert not [e for e in later["edges"] if e["rel"] == "chair"]
    assert site.get("/api/neighbours", params={"id": "http://example.org/x"}).status_code == 400


def test_tenure_view_draws_a_bar_per_holding(site):
    page = site.get("/tenure").text
    bars = re.findall(r'<a class="bar" href="([^"]+)"[^>]*title="([^"]+)"', page)
    assert len(bars) >= 4 and any("宋洁" in t for _, t in bars)
    only = site.get("/tenure", params={"org": "示例区"}).text
    assert "欧阳明" in only and "宋洁" not in only


def test_a_library_construct_comes_as_n_triples(site):
    r = site.get("/api/library/person-network", params={"name": "宋洁"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-triples")
    g = Graph().parse(data=r.text, format="nt")
    assert len(g) > 0
