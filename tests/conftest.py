from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "shangjie-xinxi-2020-46.txt"
INVENTED = Path(__file__).resolve().parent / "data" / "invented-bulletin.txt"


@pytest.fixture
def sample() -> Path:
    return SAMPLE


@pytest.fixture
def invented() -> Path:
    return INVENTED


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def finder_lex():
    from kg.lexicon import load_lexicon

    return load_lexicon()
