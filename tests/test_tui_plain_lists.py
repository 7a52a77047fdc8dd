"""Lists and code in plain text (a change log, a NEWS file, an RFC) drawn as written, not run into prose."""

from __future__ import annotations

import pytest
from conftest import settle
from test_tui import shown_lines, sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.layout import GAP, LISTED, PRE, PROSE, layout, units  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

CHANGELOG = """\
kettle (2.6.1) unstable; urgency=medium

  * Restore the lid dependency for the spring release.
    This caused some regressions too late in the cycle. To keep upgrade paths
    the same, we drop the old alternative rather than requiring both of them.
  * Point the build scripts to the spring branch

 -- Ann Smith <ann@example.org>  Thu, 25 May 2023 16:11:37 +0200

kettle (2.6.0) unstable; urgency=medium

  [ Bob Stone ]
  * More support for steel kettles
    - Have values in the config trees refer to them in all components
    - Add the steel component in the documentation
  * Further work on the licence file and the source code comments
    to address licensing questions:
    - Address statements of public domain
    This unfortunately creates a bit of churn, but updating the file alone
    would not have solved the bug.

 -- Bob Stone <bob@example.org>  Mon, 01 May 2023 10:00:00 +0200
"""


def kinds_of(text: str) -> list[tuple[int, str]]:
    return [(u.kind, text[u.start : u.end].split("\n")[0].strip()) for u in units(text)]


def test_a_change_logs_items_are_units_of_their_own_and_run_on_over_their_indented_lines():
    found = [(kind, first) for kind, first in kinds_of(CHANGELOG) if kind == LISTED]
    assert [first for _, first in found] == [
        "* Restore the lid dependency for the spring release.",
        "* Point the build scripts to the spring branch",
        "* More support for steel kettles",
        "- Have values in the config trees refer to them in all components",
        "- Add the steel component in the documentation",
        "* Further work on the licence file and the source code comments",
        "- Address statements of public domain",
        "This unfortunately creates a bit of churn, but updating the file alone",  # the outer item's own text
    ]


def test_a_paragraph_opening_with_an_initial_or_a_number_at_a_line_start_stays_prose():
    prose = (
        "M. de Beausset, the man so fond of travel, having fasted since morning,\n"
        "came up to the Emperor and ventured respectfully to suggest lunch to His\n"
        "Majesty, who said nothing at all about it to anyone there in the tent.\n"
    )
    drawn = layout(prose, 40)
    assert len(drawn) > 3 and not any(drawn.leads.values())  # no line hangs: the paragraph reads as written
    book = "\n".join(
        [
            "He came back to the town where he had lived for many years, in the year",
            "1848. He found it much changed since the days of his youth and sadness.",
        ]
        * 4
    )
    assert {kind for kind, _ in kinds_of(book + "\n")} == {PROSE, GAP}


def test_code_indented_by_hand_at_three_depths_is_kept_as_written():
    rfc = (
        "              case server_hello: /* and HelloRetryRequest */\n"
        "                   ProtocolVersion selected_version;\n"
        "          };\n"
        "      } SupportedVersions;\n"
    )
    assert [kind for kind, _ in kinds_of(rfc)] == [PRE] * 4 + [GAP]


@sync
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_a_change_log_shows_each_item_on_its_own_line_hanging_under_its_text(size):
    doc = document_from_bytes("changelog", CHANGELOG.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        lines = shown_lines(pilot.app.screen.reading)
        first = next(i for i, line in enumerate(lines) if "* Restore the lid" in line)
        assert lines[first].startswith("  * Restore")
        following = lines[first + 1 : lines.index("  * Point the build scripts to the spring branch")]
        assert following and all(line.startswith("    ") and line[4] != " " for line in following), following
        nested = lines.index("    - Add the steel component in the documentation")
        assert lines[nested - 1].startswith("    - Have values")
        assert "    This unfortunately creates a bit of churn, but updating the file" in " ".join(lines)


def test_an_indented_hard_wrapped_paragraph_is_reflowed_to_the_full_width():
    """A licence's or an RFC's lines indented by six: the indentation of each source line is not counted."""
    import textwrap

    from reader.tui.layout import kept

    words = " ".join(f"word{n % 7} shall mean the Licensor" for n in range(30))
    text = "\n".join("      " + line for line in textwrap.wrap(words, 60)) + "\n"
    drawn = layout(text, 76)
    lines = zip(drawn.starts, drawn.ends)
    shown = ["".join(text[a:b][x:y] for x, y in kept(text[a:b])).replace("\n", " ").strip() for a, b in lines]
    shown = [line for line in shown if line]
    assert " ".join(shown) == " ".join(words.split())
    for line, after in zip(shown, shown[1:]):
        assert len(line) <= 76 < len(line) + 1 + len(after.split()[0]), (line, after)


GNU_CHANGELOG = """\
2022-10-10  Ann Smith  <ann@example.org>

\tkettle: Use steel for the lid instead of tin as the default.
\t+ commit 5df1c247be5223343668f9a56eb5f8290c954b6e
\t* src/lid.c (pick_metal): Change the default
\tmetal.
\t* src/spout.c (pour):\tNew.

2022-10-07  Bob Stone  <bob@example.org>

\tkettle: Whistle when the water boils.
"""


@sync
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_tabs_in_lines_shown_as_written_reach_the_next_tab_stop(size):
    doc = document_from_bytes("ChangeLog", GNU_CHANGELOG.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        lines = shown_lines(pilot.app.screen.reading)
        assert "        kettle: Use steel for the lid instead of tin as the default." in lines
        assert "        * src/lid.c (pick_metal): Change the default" in lines
        assert "        metal." in lines  # the entry's lines as written, one under the other
        assert "        * src/spout.c (pour):   New." in lines  # a tab inside a line: to column 32
        assert "2022-10-07  Bob Stone  <bob@example.org>" in lines


def test_a_highlight_after_a_tab_stays_on_its_word():
    from rich.style import Style
    from rich.text import Text

    from reader.tui.widgets.reading import expand_tabs

    line = Text("(a): New.", end="")  # the tab, a space in the view's text, at 4
    line.stylize(Style(bold=True), 5, 8)  # a search match on "New"
    shown = expand_tabs(line, [4])
    assert shown.plain == "(a):    New."  # to the tab stop at 8
    (span,) = shown.spans
    assert shown.plain[span.start : span.end] == "New"


WIDE_TABBED_LOG = GNU_CHANGELOG.replace("\tmetal.\n", "\tmetal.\n\t* src/pot.c:" + "\t" * 9 + "Wider.\n")


@sync
async def test_a_click_after_a_tab_lands_on_the_character_drawn_there():
    doc = document_from_bytes("ChangeLog", GNU_CHANGELOG.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("g")
        await pilot.pause()
        rows = [view.render_line(y).text for y in range(view.size.height)]
        y = next(y for y, row in enumerate(rows) if "(pour):" in row)
        for word in ("New.", "src/spout.c"):
            x = rows[y].index(word)  # where the word is drawn, after the tabs widened to their stops
            offset = view.offset_at(x, y)
            assert offset is not None and view.text[offset : offset + len(word)] == word, (word, offset)


@sync
async def test_l_scrolls_a_line_with_tabs_to_its_end():
    doc = document_from_bytes("ChangeLog", WIDE_TABBED_LOG.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("g")
        await pilot.pause()
        assert not any("Wider." in line for line in shown_lines(view))  # its tabs take it past the edge
        await pilot.press(*"l" * 20)
        await pilot.pause()
        rows = [view.render_line(y).text for y in range(view.size.height)]
        y, row = next((y, row) for y, row in enumerate(rows) if "Wider." in row)
        offset = view.offset_at(row.index("Wider."), y)  # scrolled: a click still lands on the word
        assert offset is not None and view.text[offset : offset + 6] == "Wider."
