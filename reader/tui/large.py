"""Documents read only in part (over READER_MAX_MB): the panes say what the analysis covers.

The loader reads the leading part of an over-limit file and puts a note on the document;
the toast at start goes away, so the outline, summary, participants and quotes panes carry
the note under their own line for as long as the document is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text

from reader.model import Document

PART_NOTE_START = "only the first "


def part_note(document: Document) -> str | None:
    """The loader's note when only the leading part of the file was read, else None."""
    for note in getattr(document, "notes", ()):
        if note.startswith(PART_NOTE_START):
            return f"analysis of the leading part: {note}"
    return None


def note_panes(panes: Iterable[Any], document: Document) -> None:
    """Add the part note under each pane's note line (once; a pane's own note may be reset any time)."""
    note = part_note(document)
    if note is None:
        return
    for pane in panes:
        static = pane.query_one(".note")
        current = static.content
        plain = current if isinstance(current, str) else getattr(current, "plain", str(current))
        if note in plain:
            continue
        shown = current if isinstance(current, Text) else Text(plain)
        pane.set_note(Text.assemble(shown, "\n", (note, "italic")))
