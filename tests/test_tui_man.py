"""Manual pages in the TUI: definitions drawn as man draws them, the NAME line shown under the title."""

from __future__ import annotations

import pytest
from conftest import settle
from test_tui import shown_lines, sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.manpage import is_tag, tag_starts  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

# A page as help2man writes them (.TP tags in bold) with one as docbook writes them (a line over .RS).
PAGE = r""".TH FROB "1" "May 2024" "frob 1.0" "User Commands"
.SH NAME
frob \- turn knobs on files
.SH SYNOPSIS
.B frob
[\fI\,OPTION\/\fR]... [\fI\,FILE\/\fR]...
.SH DESCRIPTION
.PP
Turn the knobs of each FILE to the setting given, or to the middle when none is.
.TP
\fB\-a\fR, \fB\-\-all\fR
turn every knob, even the hidden ones
.TP
\fB\-\-speed\fR=\fI\,N\/\fR
turn at N turns a second; the default is one.
.IP
A speed of zero turns nothing.
.TP
\fIa\fR \fB==\fR \fIb\fR
.TQ
\fIa\fR \fB=\fR \fIb\fR
True when the two knobs are at one setting.
.PP
\-q, \-\-quiet
.RS 4
Say nothing while turning.
For example:
.sp
.nf
frob \-q knobs.txt
.fi
.RE
.SH "SEE ALSO"
.BR knob (5)
"""


@sync
async def test_a_definition_is_its_tag_then_its_text_indented_under_it_with_no_bullets():
    doc = document_from_bytes("frob.1", PAGE.encode("utf-8"))
    assert doc.format == "man"
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        assert not any("•" in line for line in lines), lines
        at = lines.index("-a, --all")
        assert lines[at + 1] == "    turn every knob, even the hidden ones"
        at = lines.index("--speed=N")
        assert lines[at + 1].startswith("    turn at N turns")
        assert lines[at + 2] == "" and lines[at + 3] == "    A speed of zero turns nothing."  # more of its text
        at = lines.index("a == b")  # two tags of one text, one under the other
        assert lines[at + 1] == "a = b" and lines[at + 2] == "    True when the two knobs are at one setting."
        at = lines.index("-q, --quiet")
        assert lines[at + 1] == "    Say nothing while turning. For example:"
        assert lines[at + 3] == "    frob -q knobs.txt"  # an example in a definition, indented with it
        assert lines[lines.index("SYNOPSIS") + 2] == "frob [OPTION]... [FILE]..."  # not in one: not indented


@sync
async def test_the_name_line_is_shown_under_the_title():
    doc = document_from_bytes("frob.1", PAGE.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        status = screen.query_one("StatusLine").plain
        assert "frob - turn knobs on files" in status, status


def test_tags_are_short_lines_that_end_no_sentence():
    assert is_tag("-a, --all") and is_tag("<pathspec>...") and is_tag("GIT_DIR")
    assert not is_tag("Say nothing while turning.") and not is_tag("x" * 90)
    text = "-a\n\ndo it\n\n-b\n\nno more\n\nA plain paragraph."
    blocks = [
        {"kind": "list_item", "start": text.index(t), "end": text.index(t) + len(t)}
        for t in ("-a", "do it", "-b", "no more")
    ] + [{"kind": "paragraph", "start": text.index("A plain"), "end": len(text)}]
    # "do it" ends no sentence but follows a tag: it is the tag's text, and "no more" is "-b"'s.
    assert tag_starts(text, blocks) == {0: text.index("do it"), text.index("-b"): text.index("no more")}


NESTED = r""".TH DEMO 1
.SH OPTIONS
.TP
.B \-O level
Optimise the search. Levels:
.RS
.TP
.B 0
Equivalent to level one, the cheapest of the levels this option knows about today.
.RE
.IP
Higher levels are slower.
.TP
.B \-z
Stop at the first zero.
"""


@sync
async def test_a_nested_definition_stands_where_its_parents_text_does():
    doc = document_from_bytes("demo.1", NESTED.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        at = lines.index("-O level")
        assert lines[at + 1] == "    Optimise the search. Levels:"
        assert lines[at + 3] == "    0"  # the nested tag under its parent's text
        assert lines[at + 4].startswith("        Equivalent to level one, the cheapest")
        assert lines[at + 5].startswith("        ") and lines[at + 5].strip()  # wrapped at its own indent
        assert all(len(line) <= 60 for line in lines)
        assert (
            "    Higher levels are slower." in lines and lines[lines.index("-z") + 1] == "    Stop at the first zero."
        )


LONG = r""".TH LONG 1
.SH OPTIONS
.TP
\fB\-\-decorate\fR
Print out the ref names of any commits that are shown. If short is specified, the ref name prefixes
refs/heads/, refs/tags/ and refs/remotes/ will not be printed, and if full is specified they will be.
"""


@sync
async def test_a_definitions_text_wraps_inside_the_view_at_its_indent():
    doc = document_from_bytes("long.1", LONG.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        lines = shown_lines(pilot.app.screen.reading)
        at = lines.index("--decorate")
        body = [line for line in lines[at + 1 :] if line]
        assert all(line.startswith("    ") for line in body), body
        said = "Print out the ref names of any commits that are shown. If short is specified, the ref name"
        said += " prefixes refs/heads/, refs/tags/ and refs/remotes/ will not be printed, and if full is specified"
        assert " ".join(line.strip() for line in body) == said + " they will be.", body  # none cut at the edge


@sync
async def test_no_reflowed_line_is_wider_than_the_view():
    from rich.segment import Segment

    from reader.tui.layout import REFLOWED

    words = " ".join(["reflowed", "words", "of", "every", "length", "in", "a", "list", "item's", "text"] * 6)
    notes = f"# Notes\n\n1. {words}\n   1. {words}\n      - {words}\n3) {words}\n\n> {words}\n\n"
    notes += f"{words}[^1]\n\n[^1]: {words}\n"
    for name, page in (("frob.1", PAGE), ("demo.1", NESTED), ("long.1", LONG), ("notes.md", notes)):
        doc = document_from_bytes(name, page.encode("utf-8"))
        for width in (44, 61, 80):
            async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(width, 30)) as pilot:
                await settle(pilot)
                view = pilot.app.screen.reading
                shape = view._layout
                for start, end, kind in zip(shape.starts, shape.ends, shape.kinds):
                    if kind in REFLOWED:
                        cells = Segment.get_line_length(view._text_segments(start, end, kind))
                        assert cells <= view.size.width, (name, width, doc.text[start:end])
