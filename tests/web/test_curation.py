"""Corrections on entity pages: the same judgements as `kg curate`, offered only to
this machine, and only with the token of the page the form was drawn on.

Issues: the user's sample and an invented bulletin (tests/data/invented-transfer.txt)
in which the sample's 耿勇军 appears in another district.
"""

from __future__ import annotations

import html
import re
import urllib.parse

import pytest
from starlette.testclient import TestClient

from kg.cli import cli
from kg.web.app import create_app, page_path

GENG = "https://w3id.org/district-kg/id/person/上街区/耿勇军"
OTHER = "https://w3id.org/district-kg/id/person/示例区/耿勇军"
LOCAL = ("127.0.0.1", 50000)


@pytest.fixture
def store(tmp_path):
    from click.testing import CliRunner

    from tests.conftest import SAMPLE
    from tests.store.test_curation import DATA

    store = tmp_path / "store"
    files = [SAMPLE, DATA / "invented-transfer.txt"]
    r = CliRunner().invoke(cli, ["import", *map(str, files), "--store", str(store)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return store


def fields(page: str, verdict: str, other: str = "") -> dict[str, str]:
    """The hidden fields of the page's form for ``verdict`` (and ``other``), as a browser sends them."""
    for form in re.findall(r"<form method=\"post\" action=\"/curate\".*?</form>", page, re.S):
        values = {n: html.unescape(v) for n, v in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
        if values.get("verdict") == verdict and values.get("other", "") == other:
            return values
    raise AssertionError(f"no {verdict} form on the page")


def test_same_person_from_the_namesakes_list_then_undo(store):
    client = TestClient(create_app(str(store)), client=LOCAL)
    page = client.get(page_path(GENG)).text
    assert "Same name elsewhere" in page and "示例区/耿勇军" in page
    done = client.post("/curate", data=fields(page, "same", OTHER), follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("?done=1")
    merged = client.get(done.headers["location"]).text
    assert "Judgement 1 recorded" in merged and "示例信息/2021/7" in merged  # the other's issue is his now
    gone = client.get(page_path(OTHER), follow_redirects=False)
    assert gone.status_code == 301 and urllib.parse.unquote(gone.headers["location"]) == urllib.parse.unquote(
        page_path(GENG)
    )
    undone = client.post("/curate", data=fields(merged, "undo"), follow_redirects=True)
    assert undone.status_code == 200
    assert client.get(page_path(OTHER)).status_code == 200


def test_reject_a_fact_from_its_row(store):
    client = TestClient(create_app(str(store)), client=LOCAL)
    page = client.get(page_path(GENG)).text
    rows = re.findall(r'name="judged" value="([^"]*/attestation/[^"]*)"', page)
    assert rows, "each fact row carries its own reject form"
    data = fields(page, "reject") | {"judged": html.unescape(rows[0])}
    assert client.post("/curate", data=data, follow_redirects=False).status_code == 303
    after = client.get(page_path(GENG)).text
    assert f'name="judged" value="{rows[0]}"' not in after  # the fact's row is gone
    assert "<td>reject</td>" in after  # and the judgement is listed, to be undone here


def test_corrections_need_this_machine_and_the_page_token(store):
    remote = TestClient(create_app(str(store)), client=("203.0.113.9", 50000))
    assert 'action="/curate"' not in remote.get(page_path(GENG)).text
    local = TestClient(create_app(str(store)), client=LOCAL)
    data = fields(local.get(page_path(GENG)).text, "same", OTHER)
    assert remote.post("/curate", data=data).status_code == 403
    assert local.post("/curate", data=data | {"token": "0" * 64}).status_code == 403  # a forged form
    other_page = data | {"page": page_path(OTHER)}  # a token is good for its own page only
    assert local.post("/curate", data=other_page).status_code == 403
    cross = local.post("/curate", data=data, headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403
    public = TestClient(create_app(str(store), curation=False), client=LOCAL)  # kg serve --host 0.0.0.0
    assert 'action="/curate"' not in public.get(page_path(GENG)).text
    assert public.post("/curate", data=data).status_code == 403
    assert "no judgements" in _listing(store)


def test_a_refused_judgement_says_why_on_a_page(store):
    client = TestClient(create_app(str(store)), client=LOCAL)
    page = client.get(page_path(GENG)).text
    client.post("/curate", data=fields(page, "different", OTHER))
    again = client.post("/curate", data=fields(page, "different", OTHER))
    assert again.status_code == 409 and "says this already" in html.unescape(again.text)


def _listing(store) -> str:
    from click.testing import CliRunner

    r = CliRunner().invoke(cli, ["curate", "list", "--store", str(store)])
    return r.output
