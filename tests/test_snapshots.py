"""SVG snapshots of the reader's main screen on the seed (pytest-textual-snapshot).

Participants, quotes and the summary are fixed here (found by string search, the
first sentences of the paragraphs), so that the pictures change when the screen
changes, not when a finder or a summarizer is tuned. Update with --snapshot-update.
"""

from __future__ import annotations

import pytest
from conftest import DIAGRAM, SEED, hard_wrapped, open_pane, settle, with_people

pytest.importorskip("pytest_textual_snapshot")

from reader.load import document_from_bytes, load  # noqa: E402
from reader.model import Ranked, Summary  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def fixed(document, progress=None):
    analysis = with_people(document, progress)
    firsts = sorted({s.paragraph: i for i, s in reversed(list(enumerate(analysis.sentences)))}.values())
    chosen = firsts[::3][:4]
    ranking = [Ranked(i, round(1 - n / len(chosen), 2)) for n, i in enumerate(chosen)]
    analysis.summary = Summary("fixed", ranking, chosen)
    return analysis


def app() -> ReaderApp:
    return ReaderApp([load(str(SEED))], analyzer=fixed)


def test_main_screen_wide(snap_compare):
    assert snap_compare(app(), terminal_size=(120, 40), run_before=settle)


def test_main_screen_narrow(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=settle)


def test_narrow_with_side_panes(snap_compare):
    async def open_panes(pilot):
        await settle(pilot)
        await pilot.press("p")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_panes)


def test_participant_chosen_and_summary_sentence(snap_compare):
    async def choose(pilot):
        await settle(pilot)
        await open_pane(pilot, "participants")
        await pilot.press("enter", "right_square_bracket", "right_square_bracket")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=choose)


def text_app(text: str) -> ReaderApp:
    return ReaderApp([document_from_bytes("doc.txt", text.encode("utf-8"))], analyzer=fixed_plain)


def fixed_plain(document, progress=None):
    """The real analysis with a fixed summary (the first sentence of every third paragraph)."""
    analysis = analyze_document(document, progress)
    firsts = sorted({s.paragraph: i for i, s in reversed(list(enumerate(analysis.sentences)))}.values())
    chosen = firsts[::3][:4]
    analysis.summary = Summary("fixed", [Ranked(i, 1.0) for i in chosen], chosen)
    return analysis


def test_reflowed_prose_and_preformatted_figure(snap_compare):
    text = hard_wrapped(2) + "\n" + DIAGRAM + "\n" + hard_wrapped(1)
    assert snap_compare(text_app(text), terminal_size=(100, 40), run_before=settle)


def test_preformatted_scrolled_sideways(snap_compare):
    async def right(pilot):
        await settle(pilot)
        await pilot.press("l", "l", "l")

    assert snap_compare(text_app("A figure.\n\n" + DIAGRAM), terminal_size=(50, 16), run_before=right)


def test_80x24_with_both_panes_asked_for(snap_compare):
    """Both do not fit beside a 40-cell text: the one asked for last (the outline) is shown."""

    async def both(pilot):
        await settle(pilot)
        await pilot.press("p", "o")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=both)


def test_summary_view(snap_compare):
    async def summary_view(pilot):
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.pause(0.2)

    assert snap_compare(app(), terminal_size=(100, 30), run_before=summary_view)


def test_search_matches_highlighted_with_k_of_n(snap_compare):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("slash", *"central", "enter", "n")

    assert snap_compare(app(), terminal_size=(100, 30), run_before=search)


def format_app(name: str, text: str) -> ReaderApp:
    return ReaderApp([document_from_bytes(name, text.encode("utf-8"))], analyzer=fixed_plain)


def test_markdown_blocks_by_kind(snap_compare):
    from test_tui import RICH_MARKDOWN

    assert snap_compare(format_app("guide.md", RICH_MARKDOWN), terminal_size=(80, 40), run_before=settle)


def test_html_page_blocks(snap_compare):
    from test_tui import HTML_PAGE

    assert snap_compare(format_app("notes.html", HTML_PAGE), terminal_size=(80, 24), run_before=settle)


def test_transcript_turns(snap_compare):
    from test_tui import TRANSCRIPT

    assert snap_compare(format_app("meeting.txt", TRANSCRIPT), terminal_size=(80, 24), run_before=settle)
