"""The reader TUI, driven with Textual's Pilot as a person would drive it."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import math
import os
import re
import subprocess
import sys

import pytest
from conftest import DIAGRAM, SEED, hard_wrapped, open_pane, settle, with_people
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("textual")

from textual import events  # noqa: E402

from reader.load import document_from_bytes, load  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.layout import GAP, LABEL, PROSE, Spans, cells, clean, layout, wrap_line  # noqa: E402
from reader.tui.screens.help import HelpScreen  # noqa: E402
from reader.tui.screens.main import MainScreen  # noqa: E402
from reader.tui.widgets.reading import GUTTER, kept  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def sync(test):
    """Run an async Pilot test without an asyncio plugin for pytest."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


def seed_app(**kwargs) -> ReaderApp:
    return ReaderApp([load(str(SEED))], analyzer=with_people, **kwargs)


@contextlib.asynccontextmanager
async def opened(size=(120, 40)):
    """The seed open in the reader, its analysis done."""
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot, app.screen


def shown_lines(view) -> list[str]:
    """The reading view's lines as on screen, without the gutter or trailing spaces."""
    return [view.render_line(y).text[GUTTER:].rstrip() for y in range(view.size.height)]


def shown(screen: MainScreen) -> str:
    """The reading view as plain text, as on screen."""
    view = screen.reading
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


@sync
async def test_open_shows_text_then_analysis():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert "The UN focuses on the experience" in shown(screen)
        await settle(pilot)
        analysis = screen.session.documents[0].analysis
        outline = screen.query_one("#outline OptionList")
        assert outline.option_count == len(analysis.sections) > 0
        assert not screen.session.analysing
        assert screen.query_one("#documents").display is False  # one document: no list


@sync
async def test_paging_keys_move_like_less():
    async with opened((80, 24)) as (pilot, screen):
        view = screen.reading
        await pilot.press("space")
        page = view.scroll_y
        assert page >= view.size.height - 2
        await pilot.press("b")
        assert view.scroll_y == 0
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0


@sync
async def test_paging_takes_effect_at_once_so_a_quit_right_after_keeps_the_place():
    async with opened((80, 24)) as (pilot, screen):
        view = screen.reading
        screen.action_bottom()  # as the key does, with no refresh before the next key
        assert view.scroll_y == view.max_scroll_y > 0
        screen.remember()  # what q does
        assert screen.state.position == view.top_offset > 0
        screen.action_top()
        screen.action_page_down()
        page = view.scroll_y
        assert page == view.scrollable_content_region.height
        view.decorate(screen.state.analysis)  # a relayout, as when the analysis arrives
        assert view.scroll_y == page
        await pilot.press("down", "down", "up")  # the arrows of the focused view move it the same way
        assert view.scroll_y == page + 1
        await pilot.press("u", "d", "d")  # half pages, and f, as in less
        assert view.scroll_y == page + 1 + view.scrollable_content_region.height // 2
        await pilot.press("g", "f")
        assert view.scroll_y == page


@sync
async def test_brackets_step_through_summary_sentences():
    async with opened((120, 40)) as (pilot, screen):
        analysis, summary = screen.session.documents[0].analysis, screen.state.summary
        spans = [(analysis.sentences[i].start, analysis.sentences[i].end) for i in summary.selected]
        assert len(spans) >= 2
        await pilot.press("right_square_bracket")
        assert screen.current == spans[0]
        await pilot.press("right_square_bracket")
        assert screen.current == spans[1]
        view = screen.reading
        assert view.top_offset <= spans[1][0] <= view.bottom_offset
        await pilot.press("left_square_bracket")
        assert screen.current == spans[0]


@sync
async def test_participant_highlights_and_steps_through_mentions():
    async with opened((160, 50)) as (pilot, screen):
        people = await open_pane(pilot, "participants")
        place = next(i for i in range(people.option_count) if people.get_option_at_index(i).id == "p2")
        people.highlighted = place
        await pilot.press("enter")
        mentions = [(m.start, m.end) for m in screen.participant.mentions]
        assert screen.participant.id == "p2" and len(mentions) == 6
        assert [(a, b) for a, b, _ in screen.reading._selected.items] == mentions
        assert screen.current == mentions[0]
        await pilot.press("m")
        assert screen.current == mentions[1]
        await pilot.press("enter")  # choosing it again steps on too
        assert screen.current == mentions[2]
        await pilot.press("M")
        assert screen.current == mentions[1]


@sync
async def test_clicking_a_name_in_the_text_chooses_its_participant():
    from reader.tui.widgets.reading import GUTTER

    async with opened((120, 40)) as (pilot, screen):
        view = screen.reading
        place = next(p for p in screen.session.documents[0].analysis.participants if p.id == "p2")
        first, second = place.mentions[:2]
        view.go_to(first.start)
        await pilot.pause()
        line = view.line_of(first.start)
        x = GUTTER + cells(view.text[view._layout.starts[line] : first.start]) + 2
        await pilot.click("#reading", offset=(x, line - round(view.scroll_y)))
        assert screen.participant is place
        assert screen.current == (first.start, first.end)
        assert len(view._selected) == len(place.mentions)
        await pilot.press("m")
        assert screen.current == (second.start, second.end)


@sync
async def test_quote_is_set_apart_and_chosen():
    async with opened((160, 50)) as (pilot, screen):
        quote = screen.session.documents[0].analysis.quotes[0]
        await open_pane(pilot, "quotes")
        await pilot.press("enter")
        assert screen.current == (quote.start, quote.end)
        assert "— Eldor Aripov, noted" in shown(screen)


@sync
async def test_algorithm_and_length_recompute_the_summary():
    from reader.summarize import ALGORITHMS

    async with opened((120, 40)) as (pilot, screen):
        before = screen.state.summary
        names = list(ALGORITHMS)
        await pilot.press("a")
        await settle(pilot)
        assert screen.state.summary.algorithm == names[(names.index(before.algorithm) + 1) % len(names)]
        count = len(screen.state.summary.selected)
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.state.summary.selected) > count
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(screen.state.summary.selected) < count
        pane = screen.query_one("#summary").options
        assert pane.option_count == len(screen.state.summary.selected)


@sync
async def test_section_scope_summarizes_the_current_section():
    async with opened((120, 40)) as (pilot, screen):
        analysis = screen.session.documents[0].analysis
        topic = next(
            i
            for i, s in enumerate(analysis.sections)
            if analysis.sentences and any(t.section == i for t in analysis.sentences[1:]) and i > 0
        )
        outline = screen.query_one("#outline")
        screen.post_message(outline.Chosen(outline, topic))
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
        summary, scope = screen.state.summary, screen.state.scope
        assert scope == screen.current_section()
        assert summary.selected and all(analysis.sentences[i].section == scope for i in summary.selected)
        last = max(s.section for s in analysis.sentences)
        if last != scope:  # scrolling to another section brings its summary
            await pilot.press("G")
            await pilot.pause(0.6)
            await settle(pilot)
            summary, scope = screen.state.summary, screen.state.scope
            assert scope == last and all(analysis.sentences[i].section == last for i in summary.selected)


@sync
async def test_search_finds_and_steps_through_matches():
    async with opened((120, 40)) as (pilot, screen):
        text = screen.reading.text
        await pilot.press("slash", *"central", "enter")
        starts = [m.start() for m in re.finditer("central", text, re.IGNORECASE)]
        assert [a for a, _, _ in screen.matches.items] == starts
        assert screen.current[0] == starts[0]
        await pilot.press("n", "n")
        assert screen.current[0] == starts[2]
        await pilot.press("N")
        assert screen.current[0] == starts[1]
        assert screen.query_one("#search").display is False
        await pilot.press("escape")
        assert screen.search_query == "" and len(screen.reading._matches) == 0 and screen.current is None


@sync
async def test_next_document_brings_its_text_and_summary(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("A second report\n\nThe committee met on Monday. It agreed on a budget.\n", encoding="utf-8")
    app = ReaderApp([load(str(SEED)), load(str(other))], analyzer=with_people_or_plain)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#documents").display is True
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert screen.session.index == 1
        assert "The committee met on Monday." in shown(screen)
        assert screen.session.documents[1].analysis.document.source == str(other)
        assert screen.query_one("#side").active == "tab-summary"
        await pilot.press("left_curly_bracket")
        assert screen.session.index == 0 and "The UN focuses" in shown(screen)


def with_people_or_plain(document, progress=None):
    return with_people(document, progress) if "Aripov" in document.text else analyze_document(document, progress)


@sync
async def test_help_lists_every_key_and_closes():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from reader.tui.keys import KEYS, help_markdown

        table = help_markdown()
        assert all(k.description in table for k in KEYS)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


def help_screen_text(screen, width: int) -> str:
    """The help screen's tables as text, at the width they are shown at."""
    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO())
    console.print(screen.query_one("#help-keys").content)
    return console.export_text()


def _reader_classes_with_bindings() -> set[type]:
    """Every class in reader.tui that declares key bindings of its own."""
    import importlib
    import inspect
    import pkgutil

    from textual.dom import DOMNode

    import reader.tui

    found = set()
    for module in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        for _, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__.startswith("reader.tui") and cls.__dict__.get("BINDINGS"):
                found.add(cls)
    return found


def test_help_is_made_from_every_binding_so_it_cannot_go_stale():
    from reader.tui.keys import key_display
    from reader.tui.screens.help import bound_classes, help_markdown, own_bindings

    listed = {cls for _, classes in bound_classes() for cls in classes}
    bound = _reader_classes_with_bindings()
    assert bound <= listed, f"not in the help: {bound - listed}"
    assert ReaderApp in bound and MainScreen in bound
    table = help_markdown()
    rows = set(table.splitlines())
    for cls in bound:
        for binding in own_bindings(cls):
            text = binding.tooltip or binding.description
            key = "`0` … `9`" if binding.key.isdigit() else f"`{key_display(binding.key)}`"  # one row for the digits
            assert text and f"| {key} | {text} |" in rows, (cls, binding.key)
    assert "| `W` | A file read only in part" in table  # the key that was missing once
    assert key_display("question_mark,f1") == "? / F1" and key_display("right_square_bracket") == "]"


@sync
async def test_help_screen_shows_the_keys_of_the_app_and_the_summary_view():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        source = help_screen_text(app.screen, 118)
        assert "│ W " in source and "Open the text at this sentence" in source and "│ ctrl+c " in source


@sync
async def test_help_key_column_is_as_wide_as_its_longest_key():
    """The keys never wrap ("PgUp" cut to "PgU" / "p"): the column takes its longest key, the actions wrap."""
    for size in ((200, 60), (80, 24)):
        app = seed_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            shown = help_screen_text(app.screen, app.screen.query_one("#help-keys").content_size.width)
            rows = [line.split("│") for line in shown.splitlines() if line.count("│") == 3]
            keys = [row[1].strip() for row in rows]
            assert len(keys) > 20 and "b / PgUp" in keys and "space / PgDn / f" in keys
            from reader.tui.screens.help import help_groups

            # The keys never wrap: each row's keys are shown whole, in one cell of one line.
            expected = {" … ".join(k) for _, rows in help_groups() for k, _ in rows}
            assert expected <= set(keys), expected - set(keys)


@sync
async def test_q_quits():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@sync
async def test_palette_runs_an_action():
    async with opened((120, 40)) as (pilot, screen):
        app = pilot.app
        await pilot.press("ctrl+p")
        await pilot.press(*"bottom of the")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.reading.scroll_y == app.screen.reading.max_scroll_y > 0


@sync
async def test_a_participant_chosen_in_the_palette_is_shown_in_its_pane():
    async with opened((120, 40)) as (pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.press(*"Participant: Uzbekistan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.participant is not None and screen.participant.name == "Uzbekistan"
        assert screen.query_one("#side").active == "tab-participants"
        options = screen.query_one("#participants").options
        assert options.get_option_at_index(options.highlighted).id == screen.participant.id
        await pilot.press("plus")  # a summary key brings the Summary tab back to the front
        await pilot.pause()
        assert screen.query_one("#side").active == "tab-summary"


@sync
async def test_narrow_terminal_hides_panes_behind_a_key():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert not screen.query_one("#side").display or screen.has_class("-hide-side")
        assert screen.has_class("-hide-side") and screen.has_class("-hide-left")
        await pilot.press("p")
        assert not screen.has_class("-hide-side")
        assert screen.query_one("#side").region.width > 0
    wide = seed_app()
    async with wide.run_test(size=(200, 60)):
        assert not wide.screen.has_class("-hide-side") and not wide.screen.has_class("-hide-left")


@sync
async def test_document_text_is_never_markup_or_escape_codes():
    raw = b"Title [bold]x[/bold]\n\nA line with \x1b[31mred\x1b[0m and a bell\x07. [link=http://x]y[/link]\n"
    app = ReaderApp([document_from_bytes("tricky.txt", raw)], analyzer=analyze_document)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen_text = shown(app.screen)
        assert "[bold]x[/bold]" in screen_text
        assert "␛[31mred␛[0m" in screen_text and "␇" in screen_text
        assert "[link=http://x]y[/link]" in screen_text
        for y in range(5):
            assert all("\x1b" not in seg.text for seg in app.screen.reading.render_line(y))


def test_piped_output_is_plain_summary():
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "reader", str(SEED)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    analysis = analyze_document(load(str(SEED)))
    first = " ".join(analysis.sentence_text(analysis.summary.selected[0] if analysis.summary else 0).split())
    assert first in " ".join(done.stdout.split())


# The line layout behind the reading view


@given(st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=300), st.integers(1, 60))
def test_wrapped_lines_cover_the_line_and_fit(line, width):
    line = clean(line)  # the view wraps cleaned text
    spans = wrap_line(line, width)
    assert spans[0][0] == 0 and spans[-1][1] == len(line)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    for a, b in spans:
        piece = line[a:b]
        assert cells(piece.rstrip()) <= width or len(piece) == 1


@given(st.text(max_size=400))
def test_clean_keeps_offsets_and_drops_controls(text):
    shown_text = clean(text)
    assert len(shown_text) == len(text)
    assert shown_text.count("\n") == text.count("\n")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", shown_text)


@given(st.text(alphabet="ab .|-\n", max_size=300), st.integers(2, 30), st.data())
def test_every_offset_is_found_on_its_line(text, width, data):
    """Reflowed or not, the lines show every character once, in order, and each
    character's line is found by its offset."""
    lines = layout(text, width)
    shown_lines = [(a, b) for a, b, k in zip(lines.starts, lines.ends, lines.kinds) if k not in (GAP, LABEL)]
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(shown_lines, shown_lines[1:]))
    ink = "".join(text[a:b] for a, b in shown_lines)
    assert "".join(ink.split()) == "".join(text.split())
    if text.strip():
        offset = data.draw(st.sampled_from([i for i, c in enumerate(text) if not c.isspace()]))
        line = lines.line_of(offset)
        assert lines.starts[line] <= offset < lines.ends[line]
    for a, b, k in zip(lines.starts, lines.ends, lines.kinds):
        if k == PROSE:  # reflowed lines fit the width once their spaces are squeezed
            piece = text[a:b].replace("\n", " ")
            assert sum(y - x for x, y in kept(piece.rstrip())) <= width or " " not in piece.strip()


def test_spans_find_overlaps_and_neighbours():
    spans = Spans([(10, 20, "a"), (30, 40, "b"), (15, 35, "overlaps a: dropped"), (50, 50, "empty")])
    assert [v for _, _, v in spans.items] == ["a", "b"]
    assert [v for _, _, v in spans.overlapping(19, 31)] == ["a", "b"]
    assert spans.overlapping(20, 30) == []
    assert spans.after(10) == 1 and spans.after(30) is None
    assert spans.before(30) == 0 and spans.before(10) is None


@sync
async def test_keys_work_while_the_analysis_runs_and_progress_shows():
    import threading

    release = threading.Event()

    def slow(document, progress=None):
        progress("structure")
        release.wait(30)
        return with_people(document, progress)

    app = ReaderApp([load(str(SEED))], analyzer=slow)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        status = screen.query_one("#status")
        for _ in range(100):  # the analysis starts after the first paint
            await pilot.pause(0.05)
            if "analysing: structure" in status.plain:
                break
        assert "analysing: structure" in status.plain
        await pilot.press("G")
        assert screen.reading.scroll_y == screen.reading.max_scroll_y > 0
        await pilot.press("question_mark", "escape")
        assert isinstance(app.screen, MainScreen)
        release.set()
        await settle(pilot)
        assert screen.state.analysis is not None and "analysing" not in status.plain


@sync
async def test_outline_choice_scrolls_to_the_section():
    async with opened((80, 24)) as (pilot, screen):
        analysis = screen.session.documents[0].analysis
        last = len(analysis.sections) - 1
        outline = screen.query_one("#outline")
        screen.post_message(outline.Chosen(outline, last))
        await pilot.pause()
        view = screen.reading
        assert view.top_offset <= analysis.sections[last].start <= view.bottom_offset
        assert view.scroll_y > 0


def test_a_wrapped_outline_title_hangs_under_its_first_line():
    from types import SimpleNamespace

    from rich.console import Console

    from reader.tui.widgets.panes import section_prompt

    console = Console(width=22, color_system=None)
    title = "Asian countries, Counter-Terrorism Office, international"
    for level, kind, lead in ((2, "topic", "  ≈ "), (3, "heading", "    "), (1, "heading", "")):
        section = SimpleNamespace(level=level, kind=kind, title=title)
        lines = ["".join(seg.text for seg in line).rstrip() for line in console.render_lines(section_prompt(section))]
        assert len(lines) >= 3 and lines[0] == lead + "Asian countries,", lines
        assert all(line.startswith(" " * len(lead)) and line[len(lead)] != " " for line in lines[1:]), lines
        assert " ".join(line.strip() for line in lines).replace("≈ ", "") == title
    # A numbered title hangs after its number, so the numbers stand in a column (RFC 8446's outline).
    section = SimpleNamespace(level=2, kind="heading", title="2.2. Resumption and Pre-Shared Key (PSK)")
    lines = ["".join(seg.text for seg in line).rstrip() for line in console.render_lines(section_prompt(section))]
    assert lines == ["  2.2. Resumption and", "       Pre-Shared Key", "       (PSK)"], lines
    section = SimpleNamespace(level=1, kind="heading", title="A green and yellow parrot")  # "A" is no number
    lines = ["".join(seg.text for seg in line).rstrip() for line in console.render_lines(section_prompt(section))]
    assert lines[1] == "parrot", lines


def numbered_book() -> str:
    """Two books of three chapters each, titled by number only, as War and Peace is."""
    parts = []
    for book in ("ONE", "TWO"):
        parts.append(f"BOOK {book}")
        for chapter in ("I", "II", "III"):
            parts.append(f"CHAPTER {chapter}")
            parts.append(f"Rain fell on the town of book {book.lower()} in its {chapter} part. Nobody went out.")
    return "\n\n".join(parts) + "\n"


@sync
async def test_chapters_titled_by_a_number_show_their_first_words_and_their_book():
    from rich.console import Console

    from reader.tui.commands import ReaderCommands, section_paths
    from reader.tui.widgets.panes import numbered_only

    assert all(map(numbered_only, ["CHAPTER XIV", "IV.", "Letter 4", "Chapter the First", "12", "Stave One"]))
    assert not any(map(numbered_only, ["CHAPTER 1. Loomings.", "BOOK ONE: 1805", "Mix", "The Return", "Introduction"]))
    async with app_for(numbered_book()).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        outline = screen.query_one("#outline OptionList")
        console = Console(width=24, color_system=None)
        prompts = []
        for i in range(outline.option_count):
            lines = console.render_lines(outline.get_option_at_index(i).prompt)
            prompts.append("".join(seg.text for seg in lines[0]).rstrip())
            assert len(lines) == 1  # one line a chapter, however long its opening: cut at the pane's edge
        assert prompts[2] == "  CHAPTER II  Rain fell…", prompts
        assert not any("BOOK" in p and "Rain" in p for p in prompts)  # a book's title says what it is
        paths = section_paths(screen.analysis)
        assert "BOOK TWO › CHAPTER I" in paths and "BOOK ONE › CHAPTER I" in paths
        provider = ReaderCommands(screen)
        about = {title: help_text for title, help_text, _ in provider._commands()}
        assert about["Go to section: BOOK TWO › CHAPTER III"].startswith("Rain fell on the town of book two")


@sync
async def test_the_summary_view_sets_each_book_over_its_chapters():
    async with app_for(numbered_book()).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("v")
        assert await until(pilot, lambda: screen.state.section_summaries is not None and not screen.summaries.busy)
        await pilot.pause()
        lines = [line.strip() for line in shown_view(screen.summary_view).splitlines() if line.strip()]
        heads = [line for line in lines if line.startswith(("BOOK", "CHAPTER"))]
        chapters = ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
        assert heads == ["BOOK ONE", *chapters, "BOOK TWO", *chapters], lines


@sync
async def test_summary_pane_lists_rank_and_score_of_each_sentence():
    async with opened((120, 40)) as (pilot, screen):
        summary = screen.state.summary
        options = screen.query_one("#summary").options
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == [str(i) for i in summary.selected]
        rank = {r.sentence: n + 1 for n, r in enumerate(summary.ranking)}
        first = options.get_option_at_index(0).prompt.plain
        assert first.startswith(f"#{rank[summary.selected[0]]} ")


def _pane_labels(screen) -> dict[int, str]:
    """Each listed sentence's label ("#3 0.82" or "#3") in the summary pane, by sentence."""
    options = screen.query_one("#summary").options
    prompts = [options.get_option_at_index(i) for i in range(options.option_count)]
    text = {int(p.id): screen.analysis.sentence_text(int(p.id)) for p in prompts}
    return {int(p.id): p.prompt.plain.split(text[int(p.id)].split()[0])[0].strip() for p in prompts}


@sync
async def test_summary_pane_score_says_something_or_the_rank_stands_alone():
    from reader.summarize import ALGORITHMS

    async with opened((120, 40)) as (pilot, screen):
        summary = screen.state.summary
        n = len(summary.ranking)
        by_rank = all(r.score == 0 or abs(r.score - (1 - k / n)) < 1e-9 for k, r in enumerate(summary.ranking))
        assert summary.algorithm == "reader" and by_rank  # the greedy ranker: the score repeats the rank
        rank = {r.sentence: k + 1 for k, r in enumerate(summary.ranking)}
        assert _pane_labels(screen) == {i: f"#{rank[i]}" for i in summary.selected}
        names = list(ALGORITHMS)
        await pilot.press(*["a"] * (names.index("lexrank") - names.index("reader")))
        assert await until(pilot, lambda: screen.state.summary.algorithm == "lexrank" and not screen.summaries.busy)
        await pilot.pause()
        summary = screen.state.summary
        score = {r.sentence: r.score for r in summary.ranking}
        labels = _pane_labels(screen)
        assert all(re.fullmatch(r"#\d+ [\d.e+-]+", label) for label in labels.values()), labels
        for a in summary.selected:  # the score as shown is the score, and scores apart by more than 1e-5 read apart
            assert math.isclose(float(labels[a].split()[1]), score[a], rel_tol=0.05)
            for b in summary.selected:
                if abs(score[a] - score[b]) > 1e-5 * max(abs(score[a]), abs(score[b])):
                    assert labels[a].split()[1] != labels[b].split()[1], (labels[a], labels[b])


@sync
async def test_theme_toggles_dark_and_light_and_escape_closes_search():
    async with opened((120, 40)) as (pilot, screen):
        app = pilot.app
        assert app.current_theme.dark
        dark_line = app.screen.reading.render_line(2)
        await pilot.press("t")
        assert not app.current_theme.dark
        light_line = app.screen.reading.render_line(2)
        assert light_line.text == dark_line.text and list(light_line) != list(dark_line)
        await pilot.press("slash", "x")
        assert app.screen.query_one("#search").display
        await pilot.press("escape")
        assert not app.screen.query_one("#search").display and app.screen.search_query == ""


@sync
async def test_search_for_markup_characters_is_literal():
    async with opened((120, 40)) as (pilot, screen):
        await pilot.press("slash", *"[bold", "enter")
        assert screen.search_query == "[bold" and len(screen.matches) == 0
        await pilot.press("slash", "ctrl+u", *"(ISMI)", "enter")
        assert len(screen.matches) == screen.reading.text.count("(ISMI)") > 0
        await pilot.pause(0.1)
        assert pilot.app.is_running


@sync
async def test_a_failing_analysis_leaves_the_text_readable():
    def broken(document, progress=None):
        progress("structure")
        raise RuntimeError("segmenter [bold]broke[/bold]")

    app = ReaderApp([load(str(SEED))], analyzer=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.session.analysing and screen.state.analysis is None
        assert "failed" in str(screen.query_one("#outline .note").render())
        await pilot.press("G")
        assert screen.reading.scroll_y == screen.reading.max_scroll_y > 0
        assert "The UN focuses" not in shown(screen)


# The reading view: reflow, preformatted lines, attribution, small screens


def app_for(text: str, **kwargs) -> ReaderApp:
    return ReaderApp([document_from_bytes("doc.txt", text.encode("utf-8"))], analyzer=analyze_document, **kwargs)


@sync
async def test_hard_wrapped_paragraphs_reflow_at_the_view_width():
    text = hard_wrapped()
    async with app_for(text).run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        lines = [line[GUTTER:].strip() for line in shown(pilot.app.screen).splitlines()]
        source_width = max(len(line) for line in text.splitlines())
        assert max(len(line) for line in lines) > source_width + 15  # filled past the source's wrap
        # Each paragraph is one block of lines, one blank line between paragraphs.
        blocks = "\n".join(lines).strip().split("\n\n")
        assert all(b.startswith("Paragraph") and b.count("begins here") == 1 and "\n\n" not in b for b in blocks)
        assert len(blocks) >= 3


@sync
async def test_a_compound_broken_at_a_line_end_hyphen_reflows_joined():
    text = (
        "   A client that sends a request with an Expect request-\n"
        "   header field MUST be ready to receive a final status code, and a\n"
        "   cache MAY serve a stale response only when the client sent max-\n"
        "   stale, or when the If-\n"
        "   Range header names the entity that it holds in its cache at the\n"
        "   time of the request, which is the common case for the caches that\n"
        "   sit between the user agent and the origin server on the path.\n"
    ) * 2
    async with app_for(text).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        lines = [line[GUTTER:].strip() for line in shown(screen).splitlines()]
        assert not any(re.search(r"\w- ", line) for line in lines)  # no "request- header" on a line
        page = "".join(line if line.endswith("-") else line + " " for line in lines)  # a break at a hyphen is fine
        assert "Expect request-header field" in page and "max-stale" in page and "If-Range header" in page
        # A click still lands on the text offset under it: the first letter after the join.
        view = screen.reading
        column = view.render_line(0).text.index("header")
        assert view.offset_at(column, 0) == text.index("header")


@sync
async def test_preformatted_lines_are_kept_and_scroll_sideways():
    text = "A short note about the handshake before the figure.\n\n" + DIAGRAM + "\nAfter the figure.\n"
    async with app_for(text).run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen_text = shown(screen)
        assert "Key  ^ ClientHello" in screen_text and "Exch | + key_share*" in screen_text
        starts = [line[GUTTER:].lstrip() for line in screen_text.splitlines()]
        assert not any(line.startswith(("ions}", "^  Server", "Hello")) for line in starts)  # cut, not wrapped
        assert "^  Server" not in screen_text
        await pilot.press("l", "l", "l", "l", "l")
        assert "{EncryptedExtensions}  ^  Server" in shown(screen)
        await pilot.press("h", "h", "h", "h", "h")
        assert "Key  ^ ClientHello" in shown(screen)


def test_page_furniture_and_dot_leaders_are_not_reflowed():
    from reader.tui.layout import FURNITURE, PRE, units

    toc = (
        "Contents\n\n"
        "   1.  Introduction ....................................   4\n"
        "   2.  Protocol ........................................   9\n"
    )
    page = (
        "   The protocol text goes on here.\n\n"
        "Rescorla                     Standards Track                  [Page 5]\n\f\n"
        "RFC 8446                           TLS                       August 2018\n"
    )
    kinds = {unit.kind for unit in units(toc + "\n" + page) if unit.kind in (PRE, FURNITURE)}
    assert kinds == {PRE, FURNITURE}
    lines = layout(toc, 30)
    assert sum(k == PRE for k in lines.kinds) == 2  # each TOC line one screen line, however narrow


def test_short_lines_indented_by_hand_keep_their_indentation():
    from reader.tui.layout import PRE, units

    code = "      struct {\n          T1 f1;\n          T2 f2;\n      } T;"  # RFC 8446 section 3
    verse = "    Kitty, a fair but frozen maid,\n      Kindled a flame I yet deplore,"  # Emma
    flat = "Bring water\nBring a map\nBring a friend"  # a list of short lines: one line each, reflowed
    text = "\n\n".join([hard_wrapped(3), code, verse, flat]) + "\n"
    found = {text[u.start : u.end]: u.kind for u in units(text)}
    assert [found[line] for line in (code + "\n" + verse).split("\n")] == [PRE] * 6
    assert [found[line] for line in flat.split("\n")] == [PROSE] * 3


def test_a_line_of_one_number_does_not_make_its_block_preformatted():
    from reader.tui.layout import PROSE, units

    # Moby-Dick's header: the year wrapped onto a line of its own once made the block "as written",
    # so the long line was cut at the view's edge instead of wrapped.
    text = "Release Date: December 25, 2008 [EBook #2701] Last Updated: December 3,\n2017\n"
    assert {unit.kind for unit in units(text) if unit.end > unit.start} == {PROSE}
    lines = layout(text, 40)
    assert max(end - start for start, end in zip(lines.starts, lines.ends)) <= 40
    assert "December 3,\n2017" in text[lines.starts[0] : lines.ends[-1]]


@sync
async def test_quote_attribution_comes_after_its_paragraph():
    async with opened((100, 40)) as (pilot, screen):
        view = screen.reading
        label = next(iter(view._layout.labels))
        assert view._layout.kinds[label - 1] == PROSE
        after = label + 1
        assert after >= len(view._layout) or view._layout.kinds[after] == GAP  # the paragraph had ended


@sync
async def test_80x24_keeps_a_readable_column_and_the_footer_keys():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("p", "o")
        await pilot.pause()
        assert screen.reading.region.width >= 40
        from textual.widgets._footer import FooterKey

        shown_keys = {k.description for k in screen.query(FooterKey) if k.region.width and k.region.right <= 80}
        assert {"Quit", "Search", "Algo", "Scope", "Summary", "Longer", "Shorter", "Help"} <= shown_keys


@sync
async def test_a_pane_asked_for_on_a_narrow_screen_is_shown():
    # At 80 columns with the side panes up, o used to do nothing: the outline was squeezed out.
    def visible(screen, selector):
        return screen.query_one(selector).region.width > 0

    async with opened((80, 24)) as (pilot, screen):
        await pilot.press("p")
        await pilot.pause()
        assert visible(screen, "#side") and not visible(screen, "#left")
        await pilot.press("o")
        await pilot.pause()
        assert visible(screen, "#left") and not visible(screen, "#side")
        assert screen.reading.region.width >= 40
        await pilot.press("p")
        await pilot.pause()
        assert visible(screen, "#side") and not visible(screen, "#left")
        await pilot.press("p")
        await pilot.pause()
        assert not visible(screen, "#side") and not visible(screen, "#left")
    async with opened((120, 40)) as (pilot, screen):
        await pilot.press("p", "p")  # chosen by hand: both stay asked for
        await pilot.resize_terminal(80, 24)  # and the outline gives way
        await pilot.pause()
        assert visible(screen, "#side") and not visible(screen, "#left")
        await pilot.press("o")
        await pilot.pause()
        assert visible(screen, "#left") and screen.reading.region.width >= 40


# Finding your way


@sync
async def test_keys_typed_in_a_burst_after_slash_fill_the_search():
    from textual import events

    async with opened((120, 40)) as (pilot, screen):
        app = pilot.app
        before = (screen.session.settings.algorithm, screen.session.settings.section_scope, app.theme)
        for key, char in [("slash", "/"), *((c, c) for c in "Aripov"), ("enter", "\r"), ("n", "n")]:
            event = events.Key(key, char)  # all queued before any is handled, as a paste or tmux send-keys
            event.set_sender(app)
            app._driver.send_message(event)
        for _ in range(60):  # however loaded the machine, until the enter has been handled
            await pilot.pause(0.05)
            if screen.search_query and not screen.query_one("#search").display:
                break
        assert screen.search_query == "Aripov"
        assert (screen.session.settings.algorithm, screen.session.settings.section_scope, app.theme) == before
        assert len(screen.matches) == screen.reading.text.count("Aripov") >= 2
        for _ in range(40):  # the n typed right after enter goes to the reader: the second match
            await pilot.pause(0.05)
            if screen.current and screen.current[0] == screen.matches.items[1][0]:
                break
        assert screen.current == screen.matches.items[1][:2]


@sync
async def test_search_is_smart_case_accent_insensitive_and_takes_a_regex():
    text = "Natásha came in. NATASHA was loud. natasha laughed. Natalia stayed.\n"
    async with app_for(text).run_test(size=(100, 20)) as pilot:
        screen = pilot.app.screen
        await settle(pilot)

        async def search(query: str) -> list[str]:
            await pilot.press("slash", "ctrl+u", *query, "enter")
            return [text[a:b] for a, b, _ in screen.matches.items]

        assert await search("natasha") == ["Natásha", "NATASHA", "natasha"]
        assert await search("Natasha") == ["Natásha"]  # a capital asks for that case
        assert await search("re:Nata(sh|l)") == ["Natásh", "Natal"]
        assert "1 of 2" in screen.query_one("#status").plain


@sync
async def test_go_to_a_percentage_a_section_and_a_line():
    text = "".join(f"{n}. Part {n}\n\n" + hard_wrapped(2) + "\n" for n in range(1, 6))
    async with app_for(text).run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        lines = text.count("\n")

        def line_at() -> int:
            return text.count("\n", 0, screen.current[0]) if screen.current else -1

        async def lands(condition) -> bool:
            """The jump is done (the prompt's enter, a burst of keys): wait for it, not for a fixed time."""
            return await until(pilot, condition, timeout=20)

        await pilot.press("colon", *"4.", "enter")
        assert await lands(lambda: screen.current and screen.current[0] == text.index("4. Part 4"))
        await pilot.press("ctrl+g", *"50%", "enter")
        assert await lands(lambda: abs(line_at() - lines // 2) <= 1)
        await pilot.press("colon", *"3", "enter")  # no section 3.: a number of lines... or section 3
        assert await lands(lambda: screen.current and screen.current[0] == text.index("3. Part 3"))
        await pilot.press("colon", *"line 7", "enter")
        assert await lands(lambda: line_at() == 6)
        # As in less: a number typed in the text, then % (or g), goes there at once.
        await pilot.press(*"25%")
        assert await lands(lambda: abs(line_at() - lines // 4) <= 1)
        assert not screen.query_one("#search").display and screen.reading.has_focus
        await pilot.press(*"12g")
        assert await lands(lambda: line_at() == 11)
        for char in "50%j":  # typed in one burst, as a terminal sends them: no key lost or run as a command
            pilot.app.post_message(events.Key(char, char))
        assert await lands(lambda: abs(line_at() - lines // 2) <= 1 and screen.reading.scroll_y > 0)
        assert not screen.query_one("#search").display
        await pilot.press("percent_sign", *"75", "enter")  # % alone asks for the percentage
        assert await lands(lambda: abs(line_at() - 3 * lines // 4) <= 1)
        await pilot.press("j", "q")  # and the keys after it are the reader's again
        assert await lands(lambda: not pilot.app.is_running)


@sync
async def test_bookmarks_are_added_and_jumped_to():
    async with opened((80, 24)) as (pilot, screen):
        await pilot.press("space", "B")
        mark = screen.state.bookmarks[0]
        await pilot.press("g", "apostrophe")
        assert screen.current[0] == mark
        assert screen.reading.top_offset <= mark <= screen.reading.bottom_offset


@sync
async def test_state_is_restored_and_a_corrupt_file_is_ignored(tmp_path):
    from reader.tui.state import Store

    path = tmp_path / "state.json"
    async with seed_app(state=Store(path)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "a")
        await settle(pilot)
        top = pilot.app.screen.reading.top_offset
        algorithm = pilot.app.screen.session.settings.algorithm
        await pilot.press("q")
    assert path.exists()
    async with seed_app(state=Store(path)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.reading.top_offset == top > 0
        assert screen.state.summary.algorithm == algorithm
    path.write_bytes(b"\x00not json{")
    store = Store(path)
    assert store.notes and "corrupt" in store.notes[0]
    async with seed_app(state=store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert pilot.app.screen.reading.top_offset == 0
        assert any("corrupt" in n.message for n in pilot.app._notifications)


@sync
async def test_a_growing_file_is_reloaded_and_F_follows_its_end(tmp_path):
    log = tmp_path / "growing.txt"
    log.write_text(hard_wrapped(3), encoding="utf-8")
    app = ReaderApp([load(str(log))], analyzer=analyze_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("F")
        with log.open("a", encoding="utf-8") as out:
            out.write("\nA new line arrived at the very end of the log.\n")
        for _ in range(60):
            await pilot.pause(0.1)
            if "A new line arrived" in screen.reading.text:
                break
        await pilot.pause(0.3)
        assert "A new line arrived" in shown(screen)


# Summaries under load and the summary view


@sync
async def test_a_held_plus_key_runs_one_summary_at_a_time(monkeypatch):
    import time

    from reader.tui import work

    real = work.summarize_scope

    def slow(*args, **kwargs):
        time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(work, "summarize_scope", slow)
    async with opened((120, 40)) as (pilot, screen):
        work.peak["summary"] = work.live.get("summary", 0)
        for _ in range(30):
            await pilot.press("plus")
        await settle(pilot)
        assert work.peak["summary"] <= 1
        assert len(screen.state.summary.selected) == screen.session.settings.sentences


SLOW_BELOW = 9  # in the test below, shorter summaries spin until they are stopped


def spins_when_short(analysis, algorithm, sentences, section):
    """Runs in the summaries child: a short summary spins in pure Python for a minute (as a slow
    summarizer of a long book would), a long one is computed at once."""
    import time

    from reader.tui.work import _summarize_here

    if sentences is not None and sentences < SLOW_BELOW:
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pass
    return _summarize_here(analysis, algorithm, sentences, section)


async def until(pilot, condition, timeout: float = 60.0) -> bool:
    """Wait on the app's own state, not a fixed sleep: let it run until ``condition()`` holds."""
    import time

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        await pilot.pause(0.02)
    return True


@sync
async def test_a_superseded_summary_is_stopped_and_the_latest_request_is_shown(monkeypatch):
    from reader.tui import process, work

    monkeypatch.setattr(work, "_summarize_here", spins_when_short)
    async with opened((120, 40)) as (pilot, screen):
        assert await until(pilot, lambda: process.workers.summaries.pid is not None)
        child = process.workers.summaries.pid
        work.peak["summary"] = work.live.get("summary", 0)
        while (screen.session.settings.sentences or 0) < SLOW_BELOW:
            await pilot.press("plus")  # each request but the last spins for a minute unless stopped
        wanted = screen.session.settings.sentences
        # Well under the minute a stale request would spin: it was stopped, not waited for.
        assert await until(pilot, lambda: not screen.summaries.busy, timeout=40)
        assert len(screen.state.summary.selected) == wanted
        assert screen.query_one("#summary").options.option_count == wanted
        assert f"{wanted} sent." in screen.query_one("#status").plain
        assert process.workers.summaries.pid == child  # stopped in the child, which was kept
        assert work.peak["summary"] <= 1


@sync
async def test_changing_algorithm_keeps_the_default_length():
    from reader.summarize import default_count

    sentences = [
        f"Report {i} says the harbour board met about topic {i % 9} and agreed on point {i}." for i in range(300)
    ]
    text = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, 300, 5)) + "\n"
    async with app_for(text).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        before = len(screen.state.summary.selected)
        await pilot.press("a")
        await settle(pilot)
        n = len(screen.state.analysis.sentences)
        assert len(screen.state.summary.selected) == before == default_count(n) > 5


@sync
async def test_switching_views_lays_the_new_one_out_before_its_first_frame():
    """v (both ways) shows the other view painted in the first frame, not one blank frame first:
    a hidden view has no size, so it is laid out at the width of the view it replaces."""
    async with opened((100, 30)) as (pilot, screen):
        view, reading, state = screen.summary_view, screen.reading, screen.state
        for _ in range(2):
            screen.action_toggle_summary_view()  # as the key does, with no frame in between
            assert view.display and view.size.width == 0 and view.line_count > 0
            assert view.virtual_size.width == reading.size.width
            assert await until(pilot, lambda: state.section_summaries is not None and view.line_count > 2)
            lines = view.line_count
            screen.action_toggle_summary_view()
            assert reading.display and reading.line_count > lines  # the text, laid out, whatever its size now
            await pilot.pause()


@sync
async def test_summary_view_pages_by_section_and_opens_the_text():
    """Waits on the app's own state after each key (never a fixed sleep), so a busy machine only slows it."""
    async with opened((100, 30)) as (pilot, screen):
        view, state = screen.summary_view, screen.state
        analysis = state.analysis

        def summaries_shown() -> bool:
            return not screen.summaries.busy and state.section_summaries is not None and view.line_count > 2

        await pilot.press("v")
        assert view.display and not screen.reading.display
        assert await until(pilot, summaries_shown)
        titled = [analysis.sections[i].title for i, s in state.section_summaries if s.selected]
        first = next(s for _, s in state.section_summaries if s.selected).selected[0]
        assert await until(pilot, lambda: " ".join(titled[0].split()) in shown_view(view))
        assert " ".join(analysis.sentence_text(first).split())[:40] in " ".join(shown_view(view).split())
        topics = [s.title for s in analysis.sections if s.kind == "topic"]
        assert topics and "≈ " + " ".join(topics[0].split()) in shown_view(view)  # marked as in the outline
        await pilot.press("right_square_bracket", "enter")
        sentence = (analysis.sentences[first].start, analysis.sentences[first].end)
        assert await until(pilot, lambda: screen.reading.display and screen.current == sentence)
        await pilot.press("v")
        assert await until(pilot, lambda: view.display and view.size.height > 0 and view.max_scroll_y > 0)
        await pilot.press("G")
        assert await until(pilot, lambda: view.scroll_y == view.max_scroll_y > 0)
        before = len(state.summary.selected)
        await pilot.press("plus")  # in the summary view: the summary and the section summaries both follow
        wanted = screen.session.settings.sentences
        assert wanted > before
        assert await until(pilot, lambda: summaries_shown() and len(state.summary.selected) == wanted)
        assert all(len(s.selected) == min(wanted, len(s.ranking)) for _, s in state.section_summaries)


@sync
async def test_the_summary_view_follows_a_switch_of_document(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(hard_wrapped(8), encoding="utf-8")
    app = ReaderApp([load(str(SEED)), load(str(other))], analyzer=with_people_or_plain)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("v")
        assert await until(pilot, lambda: screen.state.section_summaries is not None)
        await pilot.press("right_curly_bracket")
        second = screen.session.documents[1]
        assert screen.session.index == 1 and screen.summary_view.display
        # Its own section summaries are asked for and shown, not "Summarizing each section…" for ever.
        assert await until(pilot, lambda: second.section_summaries is not None and not screen.summaries.busy)
        words = " ".join(second.analysis.sentence_text(second.section_summaries[0][1].selected[0]).split())
        assert await until(pilot, lambda: words[:30] in " ".join(shown_view(screen.summary_view).split()))


def shown_view(view) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


@sync
async def test_ctrl_c_quits_at_once_even_from_the_search_prompt():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "x", "ctrl+c")
        await pilot.pause()
    assert not app.is_running and app.return_code == 0


def test_summary_jobs_run_one_at_a_time_and_a_newer_request_stops_the_stale_one():
    from reader.tui.work import SummaryJobs

    started, stops = [], []
    queue = SummaryJobs(started.append, lambda: stops.append(1))
    first = queue.request("summary", 0)
    sections = queue.request("sections", 0)  # the same document, another kind: waits, stops nothing
    assert started == [first] and queue.busy and not stops
    queue.request("summary", 0)
    third = queue.request("summary", 0)  # replaces the waiting second, which never runs
    assert len(stops) == 2  # each newer summary asked the running, stale one to stop
    assert queue.finished(first) is True  # its result is stale: drop it
    assert started == [first, third]  # the summary pane's job goes first
    assert queue.finished(third) is False and started[-1] is sections
    other = queue.request("summary", 1)  # another document: the running job is stale now
    assert len(stops) == 3 and queue.finished(sections) is False  # still the latest sections asked
    assert started[-1] is other and queue.finished(other) is False and not queue.busy


@sync
async def test_declared_blocks_set_the_layout_when_the_format_gives_them():
    """A format's blocks (schema 2): code as written, a heading bold, a paragraph reflowed."""
    from dataclasses import dataclass

    @dataclass
    class Block:
        kind: str
        start: int
        end: int

    heading = "Install"
    paragraph = "Run the\ninstaller and\nthen read the guide."
    code = "pip install reader    # one line, never wrapped or joined with the next\nreader --help"
    text = f"{heading}\n\n{paragraph}\n\n{code}\n"
    blocks = [
        Block("heading", 0, len(heading)),
        {"kind": "paragraph", "start": len(heading) + 2, "end": len(heading) + 2 + len(paragraph)},
        Block("preformatted", text.index(code), text.index(code) + len(code)),
    ]
    from reader.model import Document

    @dataclass(frozen=True)
    class WithBlocks(Document):  # as the formats layer's Document will carry them
        blocks: tuple = ()

    document = WithBlocks("doc.md", text, blocks=tuple(blocks))
    async with ReaderApp([document], analyzer=analyze_document).run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        lines = [line[GUTTER:].rstrip() for line in shown(pilot.app.screen).splitlines()]
        assert "Run the installer and then read the guide." in lines
        code_line = next(line for line in lines if line.startswith("pip install"))
        assert code_line.startswith("pip install reader    # one line, never wrapped or joi")
        assert code_line.endswith("›")  # longer than the view: cut, and marked as cut
        assert "reader --help" in lines
        first = pilot.app.screen.reading.render_line(0)
        assert first.text.strip() == "Install" and any(seg.style and seg.style.bold for seg in first)


def test_state_round_trip_and_hand_edited_values(tmp_path):
    from reader.tui import state
    from reader.tui.session import DocumentState, SummarySettings

    document = document_from_bytes("notes.txt", b"Some notes.\n")
    store = state.Store(tmp_path / "state.json")
    shown = DocumentState(document, position=42, bookmarks=[3, 9])
    store.remember(document, state.entry(shown, SummarySettings("lexrank", 7, True)))
    store.save()
    again, settings = DocumentState(document), SummarySettings()
    state.restore(state.Store(tmp_path / "state.json"), again, settings)
    assert (again.position, again.bookmarks) == (42, [3, 9])
    assert settings == SummarySettings("lexrank", 7, True)
    other = document_from_bytes("notes.txt", b"Other notes.\n")  # same path, new content: not the same
    fresh = DocumentState(other)
    state.restore(state.Store(tmp_path / "state.json"), fresh, SummarySettings())
    assert fresh.position == 0 and fresh.bookmarks == []
    bad = state.Store(tmp_path / "state.json")
    bad.remember(document, {"position": "far", "bookmarks": [-1, True, 5], "sentences": 0, "algorithm": 3})
    edited, settings = DocumentState(document), SummarySettings()
    state.restore(bad, edited, settings)
    assert edited.position == 0 and edited.bookmarks == [5] and settings == SummarySettings()


RICH_MARKDOWN = """\
# Reading guide

Read the [manual](https://example.org/manual) first, then the notes.

Some **strong** words, *slanted* words and `inline code`.

## Install

```python
def greet(name):
    return "hello " + name
```

> A quoted remark that is long enough to wrap onto a second line at a narrow width of forty cells.

- The first item of a list, long enough that it wraps onto a second line at this width.
- A second item.

![A diagram of the parts](parts.png)

[not markup] and \x1b[31m stays text.
"""


def markdown_app(text: str = RICH_MARKDOWN) -> ReaderApp:
    return ReaderApp([document_from_bytes("guide.md", text.encode("utf-8"))], analyzer=analyze_document)


def line_starting(view, words: str):
    """The first screen line whose text (after the gutter) starts with ``words``."""
    for y in range(view.size.height):
        strip = view.render_line(y)
        if strip.text[GUTTER:].startswith(words):
            return strip
    screen = "\n".join(view.render_line(y).text for y in range(view.size.height))
    raise AssertionError(f"no line starts with {words!r}:\n{screen}")


def styles_of(strip, words: str) -> list:
    """The styles of the segments holding ``words`` or a piece of them (a word or more)."""
    return [
        seg.style for seg in strip if words in seg.text or (len(seg.text.strip()) > 1 and seg.text.strip() in words)
    ]


@sync
async def test_a_plain_texts_headings_are_styled_once_the_analysis_finds_them():
    text = "THE HARBOUR\n\nCHAPTER I\n\n" + hard_wrapped(3) + "\nCHAPTER II\n\n" + hard_wrapped(3)
    async with app_for(text).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        named = {s.title.strip() for s in pilot.app.screen.state.analysis.sections if s.kind == "heading"}
        assert "CHAPTER I" in named
        heading = line_starting(view, "CHAPTER I")
        assert all(s.bold for s in styles_of(heading, "CHAPTER I"))
        prose = [view.render_line(y) for y in range(view.size.height)]
        prose = [strip for strip in prose if strip.text[GUTTER:].strip() and strip.text[GUTTER].islower()]
        assert prose and not any(seg.style and seg.style.bold for strip in prose for seg in strip)


@sync
async def test_markdown_blocks_render_by_kind():
    async with markdown_app().run_test(size=(60, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        title = line_starting(view, "Reading guide")
        assert all(s.bold and s.underline for s in styles_of(title, "Reading guide"))
        install = line_starting(view, "Install")
        assert all(s.bold and not s.underline for s in styles_of(install, "Install"))
        link = line_starting(view, "Read the manual")
        assert any(s.link == "https://example.org/manual" and s.underline for s in styles_of(link, "manual"))
        assert not any(s.link for s in styles_of(link, "Read the"))
        marked = line_starting(view, "Some strong words")
        assert all(s.bold for s in styles_of(marked, "strong")) and all(s.italic for s in styles_of(marked, "slanted"))
        assert not any(s.bold or s.italic for s in styles_of(marked, "words"))
        assert styles_of(marked, "inline code")[0].color != styles_of(marked, "words")[0].color
        code = line_starting(view, "def greet(name):")
        assert len({seg.style.color for seg in code if seg.style and seg.text.strip()}) > 1  # highlighted
        assert line_starting(view, "    return").text[GUTTER:].startswith('    return "hello " + name')
        assert line_starting(view, "│ A quoted remark")
        assert line_starting(view, "│ second line")  # the bar runs down the whole quote
        assert line_starting(view, "• The first item")
        assert line_starting(view, "  onto a second line")  # the item's lines hang under its text
        assert line_starting(view, "• A second item.")
        image = line_starting(view, "▣ image: A diagram of the parts")
        assert any(s.italic for s in styles_of(image, "A diagram"))
        assert line_starting(view, "[not markup] and ␛[31m stays text.")


TRANSCRIPT = """\
Weekly meeting

[00:00:05] Ann Lee: Good morning, everyone. Let us start with the budget for the coming year.
[00:00:12] Bob Stone: Thanks. The budget grew by four percent, mostly for travel.
[00:00:20] Ann Lee: And the rest went to the new office, which opens in May.
[00:00:31] Bob Stone: Yes, on the first of May.
"""

HTML_PAGE = """\
<!doctype html><html><head><title>Notes</title></head><body><main>
<h1>Field notes</h1>
<p>See <a href="https://example.org/a">the atlas</a> for the maps we used on the trip.</p>
<pre><code class="language-json">{"days": 3}</code></pre>
<ul><li>Bring water</li><li>Bring a map</li></ul>
<blockquote><p>Never walk alone.</p></blockquote>
<table><tr><th>Day</th><th>Miles</th></tr><tr><td>1</td><td>12</td></tr></table>
</main></body></html>
"""


@sync
async def test_transcript_turns_are_not_set_apart_as_quotes_and_summaries_say_who_spoke():
    doc = document_from_bytes("meeting.txt", TRANSCRIPT.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert any(q.kind == "turn" for q in screen.state.analysis.quotes)
        page = shown(screen)
        assert "— Ann Lee" not in page and "┃" not in page  # the turn names its speaker where it starts
        summary = screen.state.summary
        speakers = {"Ann Lee", "Bob Stone"}
        pane = screen.query_one("#summary").options
        prompts = [str(pane.get_option(str(i)).prompt) for i in summary.selected]
        assert prompts and all(any(f" {name}: " in p for name in speakers) for p in prompts)
        await pilot.press("v")
        assert await until(pilot, lambda: screen.state.section_summaries is not None and not screen.summaries.busy)
        said = [line.strip() for line in shown_view(screen.summary_view).splitlines()]
        assert any(line.startswith(("Ann Lee: ", "Bob Stone: ")) for line in said)


def test_one_label_line_for_two_quotes_of_one_speaker_in_a_paragraph():
    text = "“Yes,” said Ann. “And no,” said Ann again. “Maybe,” said Bob.\n"
    same, other = ("Ann", "person", "said"), ("Bob", "person", "said")
    lines = layout(text, 80, {4: same, 22: same, 50: other})
    assert [lines.labels[i] for i, k in enumerate(lines.kinds) if k == LABEL] == [same, other]


def test_one_label_line_for_a_speaker_whatever_the_cue():
    # War and Peace: "“Secondly,” he continued … “tomorrow you must …”" gave "— Pierre, said" and
    # "— Pierre, continued" under one paragraph.
    text = "“First,” said Pierre. “Secondly,” he continued, “go.” “How?” asked Anatole.\n"
    said, went_on, other = (
        ("Pierre", "person", "said"),
        ("Pierre", "person", "continued"),
        ("Anatole", "person", "asked"),
    )
    lines = layout(text, 80, {8: said, 35: went_on, 68: other})
    assert [lines.labels[i] for i, k in enumerate(lines.kinds) if k == LABEL] == [("Pierre", "person", None), other]
    again = layout(text + "\n“Yes,” said Pierre.\n", 80, {8: said, 85: said})
    assert [again.labels[i] for i, k in enumerate(again.kinds) if k == LABEL] == [said, said]  # two paragraphs


@sync
async def test_prose_is_wrapped_at_a_readable_measure_on_a_wide_terminal():
    from reader.tui.widgets.reading import MEASURE

    async with app_for(hard_wrapped(4, width=70)).run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p", "o")  # the text alone on a 200-column screen
        view = pilot.app.screen.reading
        assert await until(pilot, lambda: view.size.width > MEASURE + 50 and view._layout.width == MEASURE)
        lines = [line.rstrip() for line in shown(pilot.app.screen).splitlines() if line.strip()]
        assert len(lines) > 4 and max(cells(line) for line in lines) <= GUTTER + MEASURE
        assert sum(cells(line) > GUTTER + MEASURE - 15 for line in lines) > 4  # and filled to it


@sync
async def test_transcript_turns_style_speaker_and_time():
    doc = document_from_bytes("meeting.txt", TRANSCRIPT.encode("utf-8"))
    assert doc.format == "transcript"
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        turn = line_starting(view, "[00:00:05] Ann Lee:")
        assert all(s.bold for s in styles_of(turn, "Ann Lee"))
        assert all(s.dim for s in styles_of(turn, "00:00:05"))
        assert not any(s.bold for s in styles_of(turn, "Good morning"))
        assert line_starting(view, "[00:00:12] Bob Stone:")


@sync
async def test_html_page_renders_blocks_and_links():
    doc = document_from_bytes("notes.html", HTML_PAGE.encode("utf-8"))
    assert [b.kind for b in doc.blocks].count("preformatted") == 1  # the extractor drops its class: no language
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        assert all(s.bold and s.underline for s in styles_of(line_starting(view, "Field notes"), "Field notes"))
        link = line_starting(view, "See the atlas")
        assert any(s.link == "https://example.org/a" for s in styles_of(link, "atlas"))
        assert line_starting(view, "• Bring water") and line_starting(view, "• Bring a map")
        assert line_starting(view, "│ Never walk alone.")
        assert line_starting(view, "Day │ Miles") and line_starting(view, "1   │ 12")  # columns aligned
        assert line_starting(view, '{"days": 3}')


def test_code_blocks_keep_their_declared_language():
    from reader.analysis import analyze

    doc = document_from_bytes("guide.md", (RICH_MARKDOWN + "\n```\nplain block\n```\n").encode("utf-8"))
    code = [b for b in doc.blocks if b.kind == "preformatted"]
    assert [b.language for b in code] == ["python", None]
    blocks = analyze(doc).to_json()["blocks"]
    assert [b.get("language") for b in blocks if b["kind"] == "preformatted"] == ["python", None]
    assert sum("language" in b for b in blocks) == 1  # the key only where a language is declared
    marked = [(e.kind, doc.text[e.start : e.end]) for e in doc.emphasis]
    assert marked == [("bold", "strong"), ("italic", "slanted"), ("code", "inline code")]
    assert "emphasis" not in analyze(document_from_bytes("plain.md", b"# Plain\n\nNo marks.\n")).to_json()


LINKED = (
    "# Guide\n\nSee [the notes](#notes-and-more) for details.\n\n"
    + hard_wrapped(8)
    + "\n## Notes and more\n\n"
    + hard_wrapped(8)
)


@sync
async def test_internal_link_jumps_and_backspace_comes_back():
    async with markdown_app(LINKED).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        view = screen.reading
        assert "Notes and more" not in shown(screen)
        await pilot.press("enter")  # the first link on screen
        await pilot.pause()
        assert view.render_line(0).text[GUTTER:].startswith("Notes and more")
        await pilot.press("backspace")
        await pilot.pause()
        assert view.top_offset == 0 and "See the notes for details." in shown(screen)
        link_line = next(y for y in range(view.size.height) if "See the notes" in view.render_line(y).text)
        column = view.render_line(link_line).text.index("notes")
        await pilot.click(view, offset=(column, link_line))
        await pilot.pause()
        assert view.render_line(0).text[GUTTER:].startswith("Notes and more")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert view.top_offset == 0


def test_link_targets_from_ids_and_heading_slugs():
    from reader.tui.navigate import History, Links, slug

    assert slug("Notes and more!") == "notes-and-more"
    doc = document_from_bytes("guide.md", LINKED.encode("utf-8"))
    links = Links(doc)
    notes = doc.text.index("Notes and more")
    assert links.target("#notes-and-more") == notes and links.target("#Notes%20and%20more") == notes
    assert links.target("https://example.org/#notes-and-more") is None and links.target("#missing") is None
    history = History()
    for offset in (5, 5, 9):
        history.push(offset)
    assert [history.back(), history.back(), history.back()] == [9, 5, None]


def test_search_bookmark_and_file_watch_helpers(tmp_path):
    from reader.tui.find import fold
    from reader.tui.places import FileWatch, Search, add_bookmark, next_bookmark

    text = "Natásha met Pierre. Later natasha left."
    search = Search()
    assert search.run("Natasha", fold(text)) is None and len(search.matches) == 1  # a capital asks for that case
    assert search.run("natasha", fold(text)) is None and len(search.matches) == 2
    assert search.first_from(10) == (26, 33) and search.first_from(40) == (0, 7)  # goes round
    assert search.run("re:(", fold(text)) and len(search.matches) == 0
    assert add_bookmark([5], 5) is None and add_bookmark([9], 5) == [5, 9]
    assert next_bookmark([5, 9], 5) == 9 and next_bookmark([5, 9], 9) == 5 and next_bookmark([], 3) is None
    path = tmp_path / "log.txt"
    path.write_text("one\n")
    watch = FileWatch()
    watch.watch(str(path))
    assert not watch.changed(str(path))
    path.write_text("one\ntwo\n")
    assert watch.changed(str(path)) and not watch.changed(str(path))


def test_search_reads_hard_wrapped_text_as_it_is_shown():
    from reader.tui.find import find, fold, parse

    text = "A request-\n   header field may follow the status\nline of the response. Re-read it.\n"
    spans = lambda query: [text[a:b] for a, b in find(parse(query), fold(text))]  # noqa: E731
    assert spans("request-header") == ["request-\n   header"]  # a word broken at a line end
    assert spans("status line") == ["status\nline"]  # a space matches the line break
    assert spans("re-read") == ["Re-read"] and spans("field  may") == ["field may"]
    assert spans("status line ") == ["status\nline "] and spans(" ") != []
    assert spans("re:status line") == []  # a regular expression is taken as written


ITALIC_BOOK = (
    "The whale-ship _Pequod_ sailed from Nantucket on a cold Christmas day, and the crew watched\n"
    "the harbour go by.\n\n"
    "Ahab stood upon the deck of the _Pequod_ and spoke of the white whale that had taken his leg.\n\n"
    "The men listened to him in silence, and Starbuck, the mate, said nothing at all that night.\n"
)


def test_plain_text_italics_are_italic_with_their_marks_dimmed():
    from rich.style import Style
    from rich.text import Text

    from reader.tui.decor import Decor

    decor = Decor(ITALIC_BOOK)
    start = ITALIC_BOOK.index("_Pequod_")
    line = Text(ITALIC_BOOK[:100])
    styles = {"emphasis_italic": Style(italic=True), "emphasis_mark": Style(dim=True), "link": Style()}
    decor.paint(line, 0, 100, styles)
    styled = {(s.start, s.end): s.style for s in line.spans}
    assert styled[(start, start + 1)].dim and styled[(start + 7, start + 8)].dim
    assert styled[(start + 1, start + 7)].italic
    declared = Decor(ITALIC_BOOK, emphasis=[{"start": 4, "end": 9, "kind": "bold"}])
    assert [item[2] for item in declared.emphasis.items] == ["bold"]  # a format's own emphasis wins


@sync
async def test_summary_pane_drops_italic_marks():
    async with app_for(ITALIC_BOOK).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        options = pilot.app.screen.query_one("#summary").options
        shown_text = " ".join(options.get_option_at_index(i).prompt.plain for i in range(options.option_count))
        assert "Pequod" in shown_text and "_" not in shown_text


@sync
async def test_a_key_reaches_each_side_tab_at_once_and_again_returns_to_the_text():
    async with opened((80, 24)) as (pilot, screen):
        side = screen.query_one("#side")
        assert not side.display or not screen.show_side  # 80 columns: the side panes start hidden
        for key, name in (("P", "participants"), ("Q", "quotes"), ("S", "summary")):
            await pilot.press(key)
            await pilot.pause()
            assert screen.show_side and side.active == f"tab-{name}"
            assert screen.focused is screen.query_one(f"#{name}").options, (key, screen.focused)
            assert screen.query_one(f"#{name}").region.width > 0  # on screen, not squeezed out
        await pilot.press("S")
        await pilot.pause()
        assert screen.focused is screen.reading
        await pilot.press("Q", "j")  # in the list, j moves the highlight, not the text
        await pilot.pause()
        assert screen.focused is screen.query_one("#quotes").options
    from reader.tui.keys import help_markdown

    rows = help_markdown().splitlines()
    for key, name in (("P", "Participants"), ("Q", "Quotes"), ("S", "Summary")):
        assert any(row.startswith(f"| `{key}` | {name} pane") for row in rows), key


LICENCE = (
    "This eBook is for the use of anyone anywhere in the United States and most other parts of the world "
    "at no cost and with almost no restrictions whatsoever. You may copy it, give it away or re-use it under "
    "the terms of the Project Gutenberg License included with this eBook or online at www.gutenberg.org.\n\n"
)


def gutenberg_book() -> str:
    """A licence header, a title page and contents (front matter) over six chapters, as Gutenberg's books are."""
    chapters = [
        f"CHAPTER {n}\n\nThe ship sailed on through the grey sea that day, and the crew watched the coast go by. "
        f"It was day {n} of the voyage, and nobody spoke of home while the wind held."
        for n in range(1, 7)
    ]
    contents = "\n".join(f"CHAPTER {n}" for n in range(1, 7))
    return (
        "The Project Gutenberg eBook of The Long Voyage, by A. Writer\n\n"
        + LICENCE * 4
        + "Title: The Long Voyage\n\nAuthor: A. Writer\n\n"
        + "*** START OF THE PROJECT GUTENBERG EBOOK THE LONG VOYAGE ***\n\n\n"
        + "THE LONG VOYAGE\n\nBy A. Writer\n\n\nContents\n\n"
        + contents
        + "\n\n\n"
        + "\n\n".join(chapters)
        + "\n"
    )


@sync
async def test_a_book_opens_past_its_front_matter_and_g_goes_to_the_very_top():
    from reader.tui.screens.main import body_start

    async with app_for(gutenberg_book()).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        analysis = screen.analysis
        assert analysis.sections[0].kind == "front"
        body = body_start(analysis)
        assert body > 0 and screen.analysis.text[body:].startswith("CHAPTER 1\n\nThe ship")
        await pilot.pause()
        assert screen.reading.top_offset == body
        assert "CHAPTER 1" in shown(screen).splitlines()[0]
        await pilot.press("g")
        await pilot.pause()
        assert screen.reading.top_offset == 0 and "Project Gutenberg" in shown(screen)


@sync
async def test_a_reader_who_moved_before_the_analysis_came_stays_there():
    import threading

    gate = threading.Event()

    def held(document, progress=None):
        gate.wait(30)
        return analyze_document(document, progress)

    app = ReaderApp([document_from_bytes("doc.txt", gutenberg_book().encode())], analyzer=held)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert await until(pilot, lambda: screen.reading.line_count > screen.reading.size.height > 0)
        await pilot.pause(0.2)  # the first paint's layout settled, as a person's first key would find it
        await pilot.press("j", "j")
        await pilot.pause(0.2)
        moved_to = screen.reading.top_offset
        assert moved_to > 0
        gate.set()
        await settle(pilot)
        assert screen.analysis is not None and screen.reading.top_offset == moved_to


@sync
async def test_a_notification_never_covers_the_status_line_at_80_columns():
    from textual.widgets._toast import Toast

    async with seed_app().run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("slash", *"zqxj", "enter")
        await pilot.pause(0.3)
        toasts = list(screen.query(Toast))
        assert toasts and "not found" in str(toasts[0].render())
        status = screen.query_one("#status").region
        assert "/zqxj: 0 found" in screen.query_one("#status").plain
        for toast in toasts:
            assert not toast.region.overlaps(status), (toast.region, status)
            assert toast.region.height == 1 and toast.region.bottom <= status.y
