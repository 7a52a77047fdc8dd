"""Who speaks where: a transcript's turns (declared as blocks) and a play's speeches (turn quotes
of plain text, under a speaker line such as ``HAMLET.`` or ``Macb. If it were done``).

The reading view sets a play's speaker labels bold and starts each speech on a line of its own,
as it shows a transcript's turns; the summary view and pane say who spoke a sentence.
"""

from __future__ import annotations

from reader.model import Analysis
from reader.tui.decor import turn_speakers
from reader.tui.layout import Spans


def speakers(analysis: Analysis) -> Spans:
    """Spans whose value is the speaker's name: a transcript's turn blocks, else a play's turn quotes."""
    declared = turn_speakers(getattr(analysis.document, "blocks", None))
    if len(declared):
        return declared
    names = {p.id: p.name for p in analysis.participants}
    return Spans((q.start, q.end, names[q.speaker]) for q in analysis.quotes if q.kind == "turn" and q.speaker in names)


def play_labels(analysis: Analysis) -> list[tuple[int, int, int, int]]:
    """The speeches of a play in plain text: (label start, label end, speech start, speech end), the label
    being the speaker's as written (``HAMLET``, ``Lady M``)."""
    if getattr(analysis.document, "blocks", None) or not any(q.kind == "turn" for q in analysis.quotes):
        return []
    from reader.text import plays

    return [(t.label_start, t.label_end, t.start, t.end) for t in plays.turns(analysis)]


def play_breaks(text: str, speeches: list[tuple[int, int, int, int]]) -> dict[int, bool]:
    """Where a play's lines start a unit of their own (``units``'s ``breaks``): each speaker line after a
    blank line, the speech under a label alone on its line right under it, and each line of verse."""
    found: dict[int, bool] = {}
    for label_start, label_end, start, end in speeches:
        found[text.rfind("\n", 0, label_start) + 1] = True
        after = text.find("\n", label_end)
        if 0 <= after < start and not text[label_end:after].strip(" \t."):
            found[after + 1] = False
        found.update((line, False) for line in verse_lines(text, start, end))
    return found


def verse_lines(text: str, start: int, end: int) -> list[int]:
    """The starts of a speech's lines after its first when it is verse (each line opens with a capital),
    so they are shown as written; none when it is prose wrapped at a width."""
    starts = []
    at = text.find("\n", start, end)
    while at >= 0:
        line = at + 1
        first = text[line:end].lstrip(" \t")[:1]
        if not first.isupper():
            return []
        starts.append(line)
        at = text.find("\n", line, end)
    return starts
