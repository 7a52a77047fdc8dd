"""Small helpers the main screen composes, without Textual: the search the reader typed, the
bookmarks of a document, and the watch on the shown file (F follows it as less +F does).

Each owns its state and answers questions; the screen does the drawing and the notes.
"""

from __future__ import annotations

from reader.model import Analysis
from reader.tui import find
from reader.tui import state as state_file
from reader.tui.layout import Spans


class Search:
    """The query typed after ``/`` and its matches in the shown text."""

    def __init__(self) -> None:
        self.query = ""
        self.matches = Spans()

    def run(self, query: str, folded: str) -> str | None:
        """Find ``query`` in the folded text; the reason when it is not a valid query."""
        self.query, self.matches = query, Spans()
        if not query:
            return None
        try:
            pattern = find.parse(query)
        except ValueError as exc:
            return str(exc)
        self.matches = Spans((a, b, None) for a, b in find.find(pattern, folded))
        return None

    def first_from(self, offset: int) -> tuple[int, int] | None:
        """The first match at or after ``offset`` (else the first of all), if any."""
        if not len(self.matches):
            return None
        index = self.matches.after(offset - 1)
        start, end, _ = self.matches.items[index if index is not None else 0]
        return start, end


def go_to_target(answer: str, text: str, analysis: Analysis | None) -> int | None:
    """Where ``:`` with this answer goes: a percentage, a section number or title, a line."""
    sections = (
        [(s.heading_start if s.heading_start is not None else s.start, s.title) for s in analysis.sections]
        if analysis
        else []
    )
    return find.go_to_target(answer, text, sections)


def add_bookmark(marks: list[int], offset: int) -> list[int] | None:
    """The bookmarks with ``offset`` added, or None when it is one already."""
    return None if offset in marks else sorted([*marks, offset])


def next_bookmark(marks: list[int], here: int) -> int | None:
    """The first bookmark after ``here``, going round to the first."""
    later = [b for b in marks if b > here]
    return later[0] if later else (marks[0] if marks else None)


class FileWatch:
    """Notices that the shown file changed on disk; ``following`` keeps its end in view."""

    def __init__(self) -> None:
        self.stamp: tuple[int, float] | None = None
        self.following = False

    def watch(self, source: str) -> None:
        self.stamp = state_file.file_stamp(source)

    def changed(self, source: str) -> bool:
        stamp = state_file.file_stamp(source)
        if stamp is None or stamp == self.stamp:
            return False
        self.stamp = stamp
        return True
