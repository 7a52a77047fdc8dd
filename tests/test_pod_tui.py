"""A POD page in the reading view: =item terms as man draws definitions (several terms one under
another over their text), bullets kept, code as written, no POD commands."""

from __future__ import annotations

import asyncio

import pytest
from conftest import settle
from test_tui import shown_lines

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

PAGE = """\
=head1 NAME

Lamp::Switch - turn lamps on and off

=head1 METHODS

=over

=item on

=item on DELAY

Turns the lamp on, after DELAY seconds when given.

    $lamp->on(5);

=item off

Turns it off.

=back

=over

=item * a bullet after the terms

=back

=cut
"""


def test_terms_stand_over_their_text_and_bullets_keep_their_marks():
    async def run() -> list[str]:
        doc = document_from_bytes("Switch.pm", PAGE.encode())
        app = ReaderApp([doc], analyzer=analyze_document)
        async with app.run_test(size=(90, 40)) as pilot:
            await settle(pilot)
            return shown_lines(pilot.app.screen.reading)

    lines = asyncio.run(run())
    first = lines.index("on")
    assert lines[first + 1] == "on DELAY"  # a second term right under the first, not indented as text
    assert lines[first + 2].startswith("    ") and "Turns the lamp on" in lines[first + 2]
    assert "$lamp->on(5);" in [line.strip() for line in lines]
    assert lines[lines.index("off") + 1].strip() == "Turns it off."
    assert "• a bullet after the terms" in [line.strip() for line in lines]
    assert not any(line.lstrip().startswith(("=item", "=over", "=head", "=cut")) for line in lines)


def test_status_line_gives_the_name_line_without_repeating_the_title():
    async def run() -> str:
        doc = document_from_bytes("Switch.pm", PAGE.encode())
        app = ReaderApp([doc], analyzer=analyze_document)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            return str(pilot.app.screen.query_one("StatusLine").plain)

    status = asyncio.run(run())
    assert "Lamp::Switch — turn lamps on and off" in status, status
    assert "Lamp::Switch — Lamp::Switch" not in status
