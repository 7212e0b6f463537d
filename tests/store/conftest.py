"""Both backends for the store tests: the embedded store and an Oxigraph server.

The server is the `oxigraph` program the test extras install (the Oxigraph CLI
wheel); each test gets its own, on a free port of 127.0.0.1, with its own folder.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.store.base import open_store


def oxigraph_program() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise RuntimeError("the `oxigraph` server is missing: pip install -e '.[test]'")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [oxigraph_program(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the oxigraph server did not start")


@pytest.fixture(params=["embedded", "server", "server-named-union"])
def new_store(request, tmp_path, monkeypatch):
    """A factory of empty stores of one backend; all are closed (servers stopped) after the test.
    ``server-named-union`` keeps kg's union in a named graph, as on Virtuoso."""
    opened, servers = [], []
    if request.param == "server-named-union":
        monkeypatch.setenv("KG_SPARQL_DEFAULT_GRAPH", "https://w3id.org/district-kg/id/graph/union")

    def make(name: str):
        if request.param == "embedded":
            store = open_store(tmp_path / name)
        else:
            proc, url = start_server(tmp_path / name)
            servers.append(proc)
            store = open_store(url)
        opened.append(store)
        return store

    make.backend = request.param
    yield make
    for store in opened:
        store.close()
    for proc in servers:
        proc.terminate()
        proc.wait(timeout=10)
