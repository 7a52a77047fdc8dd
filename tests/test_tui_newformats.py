"""Info manuals, mail, notebooks and OpenDocument text in the TUI: what a reader must see of each."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from conftest import settle
from test_tui import line_starting, shown_lines, styles_of, sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.widgets.panes import OutlinePane  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

MANUAL = """This is pots.info, produced by makeinfo version 7.0 from pots.texi.

\x1f
File: pots.info,  Node: Top,  Next: Sowing,  Up: (dir)

Pots and Seeds
**************

This manual tells how to grow herbs on a window sill.

* Menu:

* Sowing::
* Watering::            How often, and how much.

\x1f
File: pots.info,  Node: Sowing,  Next: Watering,  Prev: Top,  Up: Top

1 Sowing
********

Sow the seeds thinly on damp compost and press them in lightly.

‘-d’
‘--deep’
     Cover the seeds with a finger's depth of compost.

\x1f
File: pots.info,  Node: Watering,  Prev: Sowing,  Up: Top

2 Watering
**********

Water from below, standing the pot in a saucer for ten minutes.
"""


def visible(screen, selector: str) -> bool:
    return screen.query_one(selector).region.width > 0


def app_of(name: str, data: bytes) -> ReaderApp:
    return ReaderApp([document_from_bytes(name, data)], analyzer=analyze_document)


@sync
async def test_an_info_tables_term_is_a_line_over_its_indented_text_and_a_menu_keeps_its_bullets():
    async with app_of("pots.info", MANUAL.encode()).run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        term = lines.index("‘-d’, ‘--deep’")  # no bullet: the term is a tag, as info shows it
        assert lines[term + 1] == "    Cover the seeds with a finger's depth of compost."
        assert "• Sowing" in lines and "• Watering — How often, and how much." in lines  # a short entry is no tag


@sync
async def test_enter_follows_an_info_menu_entry_to_its_node_and_backspace_comes_back():
    async with app_of("pots.info", MANUAL.encode()).run_test(size=(80, 12)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("g", "enter")
        assert view.top_offset > 0 and "1 Sowing" in shown_lines(view)  # the node, a third down the view
        await pilot.press("backspace")
        assert view.top_offset == 0


MBOX = """From ann@example.org Mon May  3 09:12:00 2021
From: Ann Lee <ann@example.org>
To: Garden Club <garden@example.org>
Subject: Seed swap
Date: Mon, 03 May 2021 09:12:00 +0000

The seed swap is on Saturday at the village hall from ten until noon.

From bob@example.org Mon May  3 11:40:00 2021
From: Bob Stone <bob@example.org>
To: Garden Club <garden@example.org>
Subject: Re: Seed swap
Date: Mon, 03 May 2021 11:40:00 +0000

Ann Lee wrote:
> The seed swap is on Saturday at the village hall.

I will bring runner beans and three kinds of tomato.
"""


@sync
async def test_a_messages_byline_is_dimmed_under_its_subject_and_a_quoted_reply_is_barred():
    async with app_of("swap.mbox", MBOX.encode()).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        lines = shown_lines(view)
        assert lines[0] == "Seed swap" and lines[2].startswith("From: Ann Lee <ann@example.org> · To: Garden Club")
        byline = line_starting(view, "From: Bob Stone")
        assert all(s.dim for s in styles_of(byline, "From:")) and all(s.dim for s in styles_of(byline, "11:40"))
        assert "│ The seed swap is on Saturday at the village hall." in lines
        prose = line_starting(view, "I will bring")
        assert not any(s.dim for s in styles_of(prose, "runner beans"))


def notebook() -> bytes:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# Birds\n\nWe count the birds at the feeder."},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 1,
            "source": "total = 12 + 30\nprint('total', total)",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "total 42\n"}],
        },
    ]
    meta = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": meta, "cells": cells}).encode()


@sync
async def test_a_notebooks_output_is_dimmed_under_its_code_which_is_not():
    async with app_of("birds.ipynb", notebook()).run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        lines = shown_lines(view)
        code = lines.index("total = 12 + 30")
        assert lines[code + 1 : code + 4] == ["print('total', total)", "", "total 42"]
        assert all(s.dim for s in styles_of(line_starting(view, "total 42"), "total 42"))
        assert not any(s.dim for s in styles_of(line_starting(view, "print("), "total"))


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def odt() -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF} office:version="1.3">'
        '<office:body><office:text><text:h text:outline-level="1">Bike night</text:h>'
        "<text:p>The library opens its back room for bike repairs every Thursday.</text:p>"
        '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-header-rows><table:table-row><table:table-cell><text:p>Job</text:p></table:table-cell>"
        "<table:table-cell><text:p>Minutes</text:p></table:table-cell></table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell><text:p>Puncture</text:p></table:table-cell>"
        "<table:table-cell><text:p>20</text:p></table:table-cell></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return data.getvalue()


@sync
async def test_an_odt_reads_with_its_heading_and_its_table_aligned_under_a_rule():
    async with app_of("bikes.odt", odt()).run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        assert lines[0] == "Bike night"
        table = lines.index("Job      │ Minutes")
        assert lines[table + 1 : table + 3] == ["─────────┼────────", "Puncture │ 20"]
        assert not any("<text:" in line or "office:" in line for line in lines)


@sync
async def test_every_word_of_a_long_outline_shows_when_the_outline_scrolls():
    # Titles of many lengths, so some fit the pane's width with its scrollbar hidden and wrap once more beside it.
    words = "Selecting lines by numbers and matching text in ranges of addresses".split()
    titles = [f"{n} {' '.join(words[: 2 + n % 9])}" for n in range(1, 41)]
    page = "\n\n".join(f"## {title}\n\nSome words about {title.lower()}." for title in titles)
    async with app_of("long.md", page.encode()).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        options = pilot.app.screen.query_one(OutlinePane).options
        assert options.show_vertical_scrollbar
        shown = []
        for start in range(0, options.virtual_size.height, options.size.height):
            options.scroll_to(y=start, animate=False, immediate=True)
            await pilot.pause()
            shown += [options.render_line(y).text for y in range(options.size.height)]
        listed = " ".join(" ".join(shown).split())
        for title in titles:
            assert title in listed


@sync
async def test_enter_after_a_search_follows_the_menu_entry_found_not_the_first_link_on_screen():
    longer = MANUAL + "".join(f"\nKeep pot {n} damp, never wet.\n" for n in range(30))
    async with app_of("pots.info", longer.encode()).run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("/", *"Watering", "enter")
        assert "/Watering: 1 of" in pilot.app.screen.query_one("StatusLine").plain
        await pilot.press("enter")  # the menu's first entry, Sowing, is on screen too
        assert view.text[view.top_offset :].startswith("2 Watering")


@sync
async def test_the_outline_comes_back_on_a_wider_terminal_after_the_side_panes_were_asked_for_narrow():
    async with app_of("swap.mbox", MBOX.encode()).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("P")  # the Participants tab, at 80 columns: the outline gives way
        await pilot.pause()
        assert visible(screen, "#side") and not visible(screen, "#left")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert visible(screen, "#side") and visible(screen, "#left")
        await pilot.resize_terminal(80, 24)  # the pane asked for stays; the other gives way again
        await pilot.pause()
        assert visible(screen, "#side") and not visible(screen, "#left")


@sync
async def test_a_threads_replies_are_told_apart_by_their_sender_in_the_outline_and_the_summary_view():
    from rich.console import Console

    from reader.tui.screens.summaries import summary_parts

    async with app_of("swap.mbox", MBOX.encode()).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        outline = screen.query_one(OutlinePane).options
        console = Console(width=60, color_system=None)
        prompts = []
        for i in range(outline.option_count):
            lines = console.render_lines(outline.get_option_at_index(i).prompt)
            prompts.append(" ".join("".join(seg.text for seg in line).strip() for line in lines).strip())
        assert prompts == ["Seed swap — Ann Lee", "Re: Seed swap — Bob Stone"]
        analysis = screen.analysis
        parts = summary_parts(analysis, [(i, None) for i in range(len(analysis.sections))])
        assert [title for title, _, _ in parts] == prompts


PAPER = r"""\documentclass{article}
\begin{document}
\section{Kettles}
We timed twelve kettles on the same stove and wrote down how long each one took to boil.
\begin{figure}
\caption{Boiling times of the twelve kettles, lid on and lid off.}
\end{figure}
The lid saved a minute in every case, and the copper kettles were the fastest of all.
\end{document}
"""


@sync
async def test_a_papers_caption_is_set_apart_from_its_prose():
    async with app_of("kettles.tex", PAPER.encode()).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        caption = line_starting(view, "Figure 1: Boiling times")
        assert all(s.dim and s.italic for s in styles_of(caption, "Boiling times"))
        prose = line_starting(view, "We timed twelve kettles")
        assert not any(s.dim for s in styles_of(prose, "twelve kettles"))
