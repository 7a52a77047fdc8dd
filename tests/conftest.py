"""Shared fixtures. Corpus-backed tests skip cleanly when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "reader" / "seeds"
SEED = SEEDS / "000_49030be50a1044d2.txt"
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"


def corpus_file(relative: str) -> Path:
    """A file under ../shared/corpora, or skip the test when it is not there."""
    path = CORPORA / relative
    if not path.exists():
        pytest.skip(f"corpus not available: {relative}")
    return path


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
