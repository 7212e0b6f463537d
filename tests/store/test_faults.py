"""An import killed at any moment leaves a store equal to a clean import of what it holds.

The issues are the user's sample and our invented bulletin, renumbered (invented variants).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.importer import import_paths
from kg.store.base import open_store
from tests.conftest import INVENTED, SAMPLE

from .test_stores import _everything, _variant


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("issues")
    for k in range(6):
        _variant(SAMPLE, tmp, 50 + k, 2020 + k)
        _variant(INVENTED, tmp, 10 + k, 2015 + k)
    return tmp


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_killed_import_loses_nothing_committed_and_keeps_nothing_half(folder, tmp_path, seed):
    store_path = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "import", str(folder), "--store", str(store_path), "--jobs", "1", "--no-bulk"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    rng = random.Random(seed)
    after, lines = rng.randrange(1, 11), []
    assert proc.stdout is not None
    for line in proc.stdout:  # kill after the k-th issue, somewhere inside the next one
        lines.append(line)
        if len(lines) == after:
            time.sleep(rng.uniform(0, 0.08))
            proc.send_signal(signal.SIGKILL)
            break
    out, _ = proc.communicate()
    reported = {line.split(":")[0] for line in lines + out.splitlines() if "triples" in line}
    if not store_path.exists():
        return  # killed before the store was made: nothing to check
    store = open_store(store_path)
    try:
        numbers = {str(g).rsplit("/", 1)[1] for g in store.graph_names() if "/graph/issue/" in str(g)}
        files = sorted(p for p in folder.glob("*.txt") if p.stem.rsplit("-", 1)[1] in numbers)
        got = _everything(store)
    finally:
        store.close()
    assert {p.name for p in files} >= reported  # every reported issue is there (and perhaps the one in flight)
    assert len(files) <= len(reported) + 1
    clean = open_store(tmp_path / "clean")
    try:
        import_paths(files, clean)
        assert got == _everything(clean)
    finally:
        clean.close()
