"""Block quotes, code inside list items and outline titles, drawn as glow and frogmouth draw them."""

from __future__ import annotations

import pytest
from conftest import settle
from hypothesis import given
from hypothesis import strategies as st
from test_tui import line_starting, shown_lines, styles_of, sync, until

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.layout import cells  # noqa: E402
from reader.tui.widgets.panes import OutlinePane  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def app_of(name: str, text: str) -> ReaderApp:
    return ReaderApp([document_from_bytes(name, text.encode("utf-8"))], analyzer=analyze_document)


QUOTES = """# Kettles

Some prose before the quotes.

> A kettle boils faster with the lid on.
>
> > And faster still when it is half full.

> [!NOTE]
> Descale it every month.

<blockquote><p>Tea is a habit.</p><blockquote><p>A good one.</p></blockquote></blockquote>
"""

REPLY = """From: Cara Moss <cara@example.org>
To: Garden Club <garden@example.org>
Subject: Re: Seed swap
Date: Mon, 03 May 2021 11:00:00 +0000

On Mon, 3 May 2021, Bob Stone wrote:
> Great, I will bring tomato seeds from last year.
>
> > The seed swap is on Saturday at ten in the church hall.

Is there a table for seedlings as well?
"""


@sync
async def test_block_quotes_have_one_bar_for_each_level_and_italic_text_in_its_own_colour():
    async with app_of("kettles.md", QUOTES).run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        lines = shown_lines(view)
        assert "│ A kettle boils faster with the lid on." in lines
        assert "│ │ And faster still when it is half full." in lines
        assert "│ Note: Descale it every month." in lines  # an alert is a quote too, its label kept
        assert "│ Tea is a habit." in lines and "│ │ A good one." in lines  # HTML inside Markdown the same way
        quoted = line_starting(view, "│ │ And faster")
        text = styles_of(quoted, "faster still")
        assert text and all(s.italic and not s.dim for s in text)  # set apart, never dimmed out of reading
        bars = [seg.style for seg in quoted if seg.text.startswith("│")]
        assert bars and all(s.color is not None and not s.dim for s in bars)  # the accent colour, as frogmouth
        prose = line_starting(view, "Some prose")
        assert not any(s.italic for s in styles_of(prose, "prose before"))


@sync
async def test_a_mail_reply_quoted_two_deep_shows_two_bars_and_no_quote_marks():
    async with app_of("reply.eml", REPLY).run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        assert "│ Great, I will bring tomato seeds from last year." in lines
        assert "│ │ The seed swap is on Saturday at ten in the church hall." in lines
        assert not any(">" in line for line in lines if line.startswith("│"))


CODE_IN_ITEMS = """# Building

1. Run:

   ```sh
   cargo build --release
   ```

2. Then install it:

   ```
   cargo install --path .
   ```

   and check that it works.

- A bullet with code:

  ```python
  print("hello")
  ```

```
cargo clean
```
"""


@sync
async def test_code_inside_a_list_item_is_drawn_under_the_items_text_and_code_after_the_list_is_not():
    async with app_of("build.md", CODE_IN_ITEMS).run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        assert "1. Run:" in lines
        assert "   cargo build --release" in lines  # under "Run:", three cells in as "1. " is wide
        assert "   cargo install --path ." in lines
        assert "   and check that it works." in lines
        assert '  print("hello")' in lines  # under a bullet's text, two cells in
        assert "cargo clean" in lines  # the list has ended: at the margin


@given(st.text(alphabet="ab 漢,", min_size=0, max_size=40), st.integers(2, 30))
def test_a_cut_ends_after_a_whole_word_with_an_ellipsis(text, limit):
    from reader.tui.widgets.panes import at_a_word

    cut = at_a_word(text, limit)
    if cells(text) <= limit:
        assert cut == text
        return
    assert cells(cut) <= limit and cut.endswith("…")
    kept = cut[:-1]
    assert text.startswith(kept)
    breaks = [i for i, c in enumerate(text) if c == " " and cells(text[:i]) < limit and text[:i].rstrip(" ,;:")]
    if breaks:  # a word ended in reach: cut after a word, never inside one
        assert kept and text[len(kept)] in " ,;:"


LONG_TITLES = """# Guide

## 19.6.1.1 Changes to Simplify Multi-homed Web Servers and Conserve IP Addresses

Text.

## Overriding dependencies with patch sections in workspaces of several packages at once

Text.
"""


@sync
async def test_a_long_outline_title_wraps_at_80_columns_and_no_word_is_cut():
    async with app_of("guide.md", LONG_TITLES).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        options = pilot.app.screen.query_one(OutlinePane).options
        await pilot.pause()
        shown = " ".join(" ".join(options.render_line(y).text for y in range(options.size.height)).split())
        assert "19.6.1.1 Changes to Simplify Multi-homed Web Servers and Conserve IP Addresses" in shown
        assert "Overriding dependencies with patch sections in workspaces of several packages at once" in shown
        assert "…" not in shown


@sync
async def test_the_help_pages_with_the_readers_keys():
    from reader.tui.screens.help import HelpScreen

    async with app_of("kettles.md", QUOTES).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        scroll = pilot.app.screen.query_one("#help")
        await pilot.press("space")
        assert scroll.scroll_y > 0
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("b", "g")
        assert scroll.scroll_y == 0
        await pilot.press("j")
        assert scroll.scroll_y == 1
        await pilot.press("q")
        assert not isinstance(pilot.app.screen, HelpScreen)


MANUAL_PAGE = """# The Kettle Manual

Next: [Introduction](#Introduction), see also [the descaler](#kettle_005fdescaler-use).

## 1 Introduction

A kettle boils water.

## 2.1 kettle_descaler use

Descale it monthly.

## 1999 Was a Good Year

Old kettles.
"""


def test_a_manuals_link_names_its_node_without_the_headings_number():
    from reader.tui.navigate import Links

    doc = document_from_bytes("kettle.md", MANUAL_PAGE.encode("utf-8"))
    links = Links(doc)
    assert links.target("#Introduction") == doc.text.index("1 Introduction")
    assert links.target("#kettle_005fdescaler-use") == doc.text.index("2.1 kettle_descaler use")  # Texinfo's _005f
    assert links.target("#1-introduction") == doc.text.index("1 Introduction")  # the full slug still works
    assert links.target("#Was-a-Good-Year") == doc.text.index("1999 Was a Good Year")
    assert links.target("#Copyright") is None


@sync
async def test_enter_follows_a_manuals_link_to_its_numbered_heading_and_backspace_comes_back():
    longer = MANUAL_PAGE.replace("Old kettles.", "Old kettles.\n\n" + "Kettles of old boiled slowly.\n\n" * 30)
    async with app_of("kettle.md", longer).run_test(size=(80, 12)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("g", "enter")
        assert view.text[view.top_offset :].startswith("1 Introduction")
        await pilot.press("backspace")
        assert view.top_offset == 0


@sync
async def test_after_a_resize_the_outline_has_the_section_being_read_in_view():
    page = "# Parts\n\n" + "".join(
        f"## Part {n}\n\nThe river runs past mill {n} and on to the sea.\n\n" for n in range(80)
    )
    async with app_of("parts.md", page).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"90%")
        await pilot.resize_terminal(200, 60)  # the outline comes with the width, the part being read in it
        options = pilot.app.screen.query_one(OutlinePane).options

        def in_view() -> bool:
            line = options._index_to_line.get(options.highlighted, -1)
            return options.highlighted > 40 and options.scroll_y <= line < options.scroll_y + options.size.height

        assert await until(pilot, in_view, timeout=10)
        options.scroll_home(animate=False, immediate=True)  # scrolled away (as when it was laid out before its size)
        await pilot.resize_terminal(160, 50)
        assert await until(pilot, in_view, timeout=10)


MYST = """# Installation

```{note}
The zip application is currently experimental. We test that pip runs correctly in this form.
```

```{admonition} Before you start
:class: tip
Check your Python version first.
```

```{pip-cli}
$ pip install sampleproject
```
"""


@sync
async def test_a_myst_admonition_is_a_block_quote_under_its_label_not_code_cut_at_the_edge():
    async with app_of("install.md", MYST).run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        assert "│ Note: The zip application is currently experimental." in lines  # wrapped, behind its bar
        assert "│ We test that pip runs correctly in this form." in lines
        assert "│ Before you start: Check your Python version first." in lines  # its own title; options dropped
        assert "$ pip install sampleproject" in lines  # another directive is still code
        assert not any("{note}" in line or ":class:" in line for line in lines)


@sync
async def test_a_long_title_in_the_status_line_ends_with_an_ellipsis_after_a_whole_word():
    title = "The Transport Layer Security Protocol Version Thirteen and Its Many Extensions"
    async with app_of("tls.md", f"# {title}\n\nSome text about the protocol.\n").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = pilot.app.screen.query_one("#status")
        shown = status.render_line(0).text.rstrip()
        assert shown.endswith("…") and title not in shown
        kept = shown[shown.index("The Transport") : -1]
        assert title.startswith(kept) and title[len(kept)] == " "  # whole words only
        assert kept + " " in status.plain  # the line goes on past what the width shows


QUOTED_LIST = """<!doctype html><html><head><title>Quoted list</title></head><body><main><article>
<h1>Quoted list</h1>
<p>Our editor wrote this note about the release and what it changes for every reader of the site.</p>
<blockquote><p>The release brings three changes that readers asked for over the last year.</p>
<ul><li>Faster pages on slow connections for everyone who reads the site on a train or a bus.</li>
<li>Darker text in the reading column.</li></ul>
<pre><code>make install PREFIX=/usr/local</code></pre>
</blockquote>
<p>After the quote the article goes on with plain prose about the next steps of the project.</p>
</article></main></body></html>
"""


@sync
async def test_a_list_and_code_inside_a_quote_keep_the_quote_bar_on_every_line():
    async with app_of("quoted.html", QUOTED_LIST).run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        item = next(i for i, line in enumerate(lines) if "Faster pages" in line)
        assert lines[item].startswith("│ • Faster pages")
        assert lines[item + 1].startswith("│   ")  # the item's wrapped line: bar, then its hang
        assert "│ make install PREFIX=/usr/local" in lines
        assert any(line.startswith("After the quote") for line in lines)  # prose after the quote has no bar
        assert all(cells(line) <= 60 for line in lines)
