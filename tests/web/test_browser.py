"""The workbench as a person uses it: Debian's headless Chromium, driven by Playwright
for Python through ``executable_path`` (no browser download), against a live
``kg serve`` of the user's sample and two invented bulletins.

Every test fails if the page asks for anything outside 127.0.0.1 or logs a
JavaScript error. Screenshots are kept in ``test-output/screenshots/`` (or
``$KG_SCREENSHOTS``). Without /usr/bin/chromium the tests are skipped, except where
``KG_REQUIRE_BROWSER=1`` (as in .ci/run, which installs chromium and fonts-noto-cjk).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import INVENTED, ROOT, SAMPLE

from .conftest import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("KG_SCREENSHOTS", ROOT / "test-output" / "screenshots"))
# as the machine's notes advise: no background traffic to Google's hosts from the browser
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"KG_REQUIRE_BROWSER=1 but there is no chromium at {CHROMIUM}")
    pytest.skip("no Debian chromium here (apt install chromium fonts-noto-cjk)", allow_module_level=True)
if os.environ.get("KG_REQUIRE_BROWSER") == "1":
    import playwright.sync_api as playwright_api
else:
    playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "store"
    files = [SAMPLE, INVENTED, INVENTED.with_name("invented-payloads.txt")]
    subprocess.run([sys.executable, "-m", "kg", "import", *map(str, files), "--store", str(store)], check=True)
    return store


@pytest.fixture(scope="module")
def server(store):
    with running_server(store) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server, request):
    """A page that records what it asks for and every JavaScript error."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if _local(r.url) else outside.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.base = server
    pg.allowed = []  # console messages a test expects (a 400 it provoked)
    yield pg
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=False)
    context.close()
    assert not outside, f"requests outside 127.0.0.1: {outside}"
    errors = [e for e in errors if not any(a in e for a in pg.allowed)]
    assert not errors, f"JavaScript errors: {errors}"


def _local(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in ("data", "blob", "about", "file") or parts.hostname == "127.0.0.1"


def person(name: str) -> str:
    return "/id/" + urllib.parse.quote(f"person/上街区/{name}")


def test_run_a_library_query_and_see_its_rows(page):
    page.goto(page.base + "/query")
    page.click('a.lib[data-name="person-titles"]')
    page.fill("#p-name", "耿勇军")
    page.click("#run")
    page.wait_for_selector("table.results tbody tr")
    cells = page.locator("table.results tbody td").all_inner_texts()
    assert "区长" in cells and "区委副书记" in cells
    assert "rows in" in page.inner_text("#status")
    # the address now reproduces the answer
    assert "name=person-titles" in page.url and "p.name=" in page.url
    again = page.context.new_page()
    again.goto(page.url)
    again.wait_for_selector("table.results tbody tr")
    assert again.locator("table.results tbody tr").count() == page.locator("table.results tbody tr").count()
    again.close()
    # sort by a column, then the graph view
    page.click('th[data-var="title"]')
    assert page.locator('th[data-var="title"].up').count() == 1
    page.click('.views button[data-view="graph"]')
    page.wait_for_selector("#result-graph canvas")


def test_own_sparql_errors_are_shown_in_a_sentence(page):
    page.allowed.append("status of 400")  # the browser logs the refused request itself
    page.goto(page.base + "/query?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"}))
    page.wait_for_selector("#error:not([hidden])")
    assert "SPARQL" in page.inner_text("#error")


def test_person_page_evidence_leads_to_the_fact_highlighted_in_its_issue(page):
    page.goto(page.base + person("耿勇军"))
    assert page.inner_text("h1").startswith("耿勇军")
    page.locator("section.section-titles a.evidence").first.click()
    page.wait_for_url("**/issue/**#at-*")
    focus = page.locator(".issue-text .focus")
    focus.first.wait_for()
    assert "".join(focus.all_inner_texts()) in ("区委副书记", "区长", "区领导")
    assert page.locator(".issue-text a.fact").count() > 30


def test_reject_a_fact_where_it_is_seen_and_undo_it(page):
    page.goto(page.base + person("宋洁"))
    statements = page.locator("section.section-statements table.facts tr")
    before = statements.count()
    first = statements.first.locator("td.what").inner_text()
    statements.first.locator("td.fix button").click()  # ✕: reject this fact
    page.wait_for_url("**?done=*")
    assert "recorded" in page.locator(".curation .done").inner_text()
    assert statements.count() == before - 1
    assert first not in [t.inner_text() for t in statements.locator("td.what").all()]
    SHOTS.mkdir(parents=True, exist_ok=True)  # the corrections panel, with the judgement to undo
    page.locator(".curation").screenshot(path=str(SHOTS / "corrections-panel-after-a-rejection.png"))
    page.locator(".curation table.judgements button", has_text="Undo").click()
    page.wait_for_url("**?done=*")
    assert statements.count() == before and page.locator(".curation table.judgements").count() == 0


def test_explorer_expands_a_node_on_double_click(page):
    iri = "https://w3id.org/district-kg/id/person/上街区/宋洁"
    page.goto(page.base + "/explore?" + urllib.parse.urlencode({"start": iri}))
    page.wait_for_function("document.body.dataset.stable === '1'")  # the first neighbourhood is laid out
    before = page.evaluate("window.kgExplorer.nodes.length")
    target = page.evaluate(
        """() => { const x = window.kgExplorer;
        const ev = x.nodes.get({ filter: (n) => n.kind === 'event' && n.label.includes('推进会') })[0];
        x.network.setOptions({ physics: false });
        const p = x.network.canvasToDOM(x.network.getPosition(ev.id)); return { id: ev.id, x: p.x, y: p.y }; }"""
    )
    box = page.locator("#network").bounding_box()
    page.mouse.dblclick(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_function(f"window.kgExplorer.expanded.has({target['id']!r})")
    page.wait_for_function(f"window.kgExplorer.nodes.length > {before}")
    assert "推进会" in page.inner_text("#details")
    # search, and the type toggles hide a kind
    page.fill("#search", "欧阳")
    page.click("#search-form button")
    page.wait_for_selector("button.hit")
    assert "欧阳明" in page.inner_text("#hits")


def test_no_payload_in_a_document_runs(page):
    page.goto(page.base + "/issue/" + urllib.parse.quote("示例信息/2021/9"))
    text = page.inner_text(".issue-text")
    assert "<script>window.kgPwned=1</script>" in text and 'onerror="window.kgPwned=2"' in text
    page.hover("text=清朗")
    assert page.evaluate("window.kgPwned") is None
    assert page.locator(".issue-text script, .issue-text img, .issue-text b").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "issue-view-payloads-shown-as-text.png"))
    page.goto(page.base + "/explore?q=" + urllib.parse.quote("安全"))
    page.wait_for_selector("button.hit")
    assert page.evaluate("window.kgPwned") is None


def test_tenure_timeline_draws_bars_that_lead_to_persons(page):
    page.goto(page.base + "/tenure?org=" + urllib.parse.quote("上街区"))
    bars = page.locator("a.bar")
    assert bars.count() >= 3
    page.locator("a.bar", has_text="宋洁").first.click()
    page.wait_for_url("**/id/person/**")
    assert page.inner_text("h1").startswith("宋洁")


def test_the_kg_viz_file_explores_with_no_server(page, store, tmp_path):
    out = tmp_path / "graph.html"
    subprocess.run([sys.executable, "-m", "kg", "viz", "-o", str(out), "--store", str(store)], check=True)
    page.goto(out.as_uri())
    hits = page.locator("#hits button.hit")
    hits.first.wait_for()  # it opens on the most connected entities
    page.fill("#search", "宋洁")
    page.press("#search", "Enter")
    page.locator("#hits button.hit", has_text="宋洁").first.click()
    page.wait_for_function("document.body.dataset.drawn > 1")
    assert "宋洁" in page.inner_text("#details h3")
    first = int(page.evaluate("kgExplorer.nodes.length"))
    event = page.evaluate("kgExplorer.nodes.get().find(n => n.kind === 'event').id")
    page.evaluate("id => kgExplorer.network.emit('doubleClick', {nodes: [id]})", event)
    page.wait_for_function(f"kgExplorer.nodes.length > {first}")
    assert page.locator("#details q.sentence").count() > 0  # evidence travels in the file
    page.check("#people")  # the person–person view, from the same file
    page.locator("#hits button.hit", has_text="宋洁").first.click()
    page.wait_for_function("kgExplorer.edges.get().some(e => e.label.startsWith('met'))")
