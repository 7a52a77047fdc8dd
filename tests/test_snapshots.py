"""SVG snapshots of the reader's main screen on the seed (pytest-textual-snapshot).

Participants, quotes and the summary are fixed here (found by string search, the
first sentences of the paragraphs), so that the pictures change when the screen
changes, not when a finder or a summarizer is tuned. Update with --snapshot-update.
"""

from __future__ import annotations

import pytest
from conftest import SEED, open_pane, settle, with_people

pytest.importorskip("pytest_textual_snapshot")

from reader.load import load  # noqa: E402
from reader.model import Ranked, Summary  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402


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
