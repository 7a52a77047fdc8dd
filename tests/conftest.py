"""Shared fixtures. Corpus-backed tests skip cleanly when ../shared is absent."""

from __future__ import annotations

import re
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


# Helpers shared by the TUI tests (test_tui.py, test_snapshots.py). They are plain functions,
# not fixtures, because Textual takes them as callbacks (an analyzer, a run_before hook).
# Textual is imported inside them, so the core tests never load it.


def with_people(document, progress=None):
    """The real analysis, with participants and quotes found by plain string search,
    so the flows are tested whatever the participant finder does today."""
    from reader.model import Mention, Participant, Quote
    from reader.tui.work import analyze_document

    analysis = analyze_document(document, progress)
    text = document.text
    names = [
        ("p1", "Eldor Aripov", "person"),
        ("p2", "Uzbekistan", "place"),
        ("p3", "UN Counter-Terrorism Office", "organization"),
    ]
    analysis.participants = [
        Participant(pid, name, kind, mentions=[Mention(m.start(), m.end()) for m in re.finditer(re.escape(name), text)])
        for pid, name, kind in names
    ]
    cue = text.index("noted that")
    end = text.index(".", cue) + 1
    analysis.quotes = [Quote(cue + len("noted "), end, "reported", "p1", "noted")]
    analysis.found_people = True
    return analysis


async def settle(pilot, timeout: float = 60.0) -> None:
    """Wait until the background analysis and summaries have arrived."""
    from reader.tui.screens.main import MainScreen

    screen = pilot.app.screen
    for _ in range(int(timeout / 0.05)):
        await pilot.pause(0.05)
        idle = isinstance(screen, MainScreen) and not screen.summaries.busy  # section summaries share this queue
        if idle and not screen.session.analysing:
            break
    await pilot.pause()


async def open_pane(pilot, name: str):
    """Show a side pane's tab and focus its list, as tab and clicks would."""
    screen = pilot.app.screen
    screen.query_one("#side").active = f"tab-{name}"
    await pilot.pause()
    options = screen.query_one(f"#{name}").options
    options.focus()
    return options


PROSE_WORDS = "the whale ship sailed far across grey water while sailors sang old songs of home".split()


def hard_wrapped(paragraphs: int = 6, width: int = 66) -> str:
    """Paragraphs of prose wrapped at ``width`` columns, as Project Gutenberg writes them."""
    import textwrap

    out = []
    for p in range(paragraphs):
        words = [PROSE_WORDS[(p * 7 + i * 3) % len(PROSE_WORDS)] for i in range(90)]
        body = f"Paragraph {p} begins here. " + " ".join(words) + f" and ends paragraph {p}."
        out.append("\n".join(textwrap.wrap(body, width)))
    return "\n\n".join(out) + "\n"


DIAGRAM = """\
       Client                                           Server

Key  ^ ClientHello
Exch | + key_share*
     v + pre_shared_key*       -------->
                                                  ServerHello  ^ Key
                                         {EncryptedExtensions}  ^  Server
"""


def check_document_spans(doc) -> None:
    """A format's spans lie in its text: blocks in order without overlap, emphasis on trimmed text,
    links over some text, anchors inside."""
    n = len(doc.text)
    for span in [*doc.blocks, *doc.emphasis, *doc.links]:
        assert 0 <= span.start < span.end <= n
    assert all(a.end <= b.start for a, b in zip(doc.blocks, doc.blocks[1:]))
    for e in doc.emphasis:
        piece = doc.text[e.start : e.end]
        assert piece == piece.strip() and piece, (e, piece)
    for link in doc.links:
        assert doc.text[link.start : link.end].strip()
    assert all(0 <= offset <= n for offset in doc.anchors.values())
