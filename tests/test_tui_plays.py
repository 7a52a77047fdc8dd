"""Plays in plain text in the TUI: speaker labels bold, each speech set apart, summaries saying who spoke."""

from __future__ import annotations

import pytest
from conftest import settle
from test_play_turns import ABBREVIATED, ALONE_ON_A_LINE
from test_tui import line_starting, shown_lines, shown_view, styles_of, sync, until

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.layout import GAP, units  # noqa: E402
from reader.tui.turns import verse_lines  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def play_app(text: str) -> ReaderApp:
    return ReaderApp([document_from_bytes("play.txt", text.encode("utf-8"))], analyzer=analyze_document)


@sync
async def test_a_plays_speaker_labels_are_bold_and_each_speech_starts_a_paragraph():
    async with play_app(ABBREVIATED).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        assert await until(pilot, lambda: len(view._speakers) > 0)
        said = line_starting(view, "Lady M. He has almost")
        assert all(s.bold for s in styles_of(said, "Lady M"))
        assert not any(s.bold for s in styles_of(said, "supp'd"))
        # 'Macb. Hath he ask'd for me?' was written on the next line: a line of its own now, not
        # reflowed into Lady Macbeth's speech.
        lines = shown_lines(view)
        assert "Macb. Hath he ask'd for me?" in lines
        assert not any("Macb." in line[1:] for line in lines)
        # Verse keeps its lines.
        assert "Lady M. Was the hope drunk" in lines and "Wherein you dress'd yourself?" in lines


@sync
async def test_a_label_alone_on_its_line_sits_right_over_its_speech():
    async with play_app(ALONE_ON_A_LINE).run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        assert await until(pilot, lambda: len(view._speakers) > 0)
        lines = shown_lines(view)
        at = lines.index("Nay, answer me. Stand and unfold yourself.")
        assert lines[at - 1] == "FRANCISCO." and lines[at - 2] == ""
        assert all(s.bold for s in styles_of(line_starting(view, "FRANCISCO."), "FRANCISCO"))


@sync
async def test_a_plays_summaries_say_who_spoke_in_the_pane_and_the_summary_view():
    async with play_app(ABBREVIATED).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        summary = screen.state.summary
        pane = screen.query_one("#summary").options
        prompts = [str(pane.get_option(str(i)).prompt) for i in summary.selected]
        assert prompts and all(" Macbeth: " in p or " Lady Macbeth: " in p for p in prompts), prompts
        await pilot.press("v")
        assert await until(pilot, lambda: screen.state.section_summaries is not None and not screen.summaries.busy)
        said = [line.strip() for line in shown_view(screen.summary_view).splitlines()]
        assert any(line.startswith(("Macbeth: ", "Lady Macbeth: ")) for line in said), said


def test_verse_keeps_its_lines_and_prose_is_reflowed():
    verse = "HAM. To be, or not to be,\n  That is the question.\n"
    assert verse_lines(verse, 5, len(verse) - 1) == [verse.index("  That")]
    prose = "HAM. I will walk to the castle\nand see the king.\n"
    assert verse_lines(prose, 5, len(prose) - 1) == []


def test_a_break_cuts_a_run_of_lines_and_may_add_a_blank_line():
    line = "One line of prose wrapped at seventy columns, as plain texts are, runs on"
    text = (line + "\n") * 9 + "Two. A speech.\n"
    cut = text.index("Two.")
    plain = [u for u in units(text) if u.kind != GAP]
    assert len(plain) == 1  # one reflowed paragraph
    found = units(text, {cut: True})
    assert [text[u.start : u.end] for u in found if u.kind != GAP] == [text[: cut - 1], "Two. A speech."]
    assert any(u.kind == GAP and u.start == cut - 1 for u in found)
    assert not any(u.kind == GAP and u.end < cut for u in units(text, {cut: False}))
