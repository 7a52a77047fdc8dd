"""One flow: Document -> Analysis. Computed once; every view reads the result."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

from reader.model import NON_PROSE, Analysis, Document


def analyze(
    document: Document,
    *,
    summary: bool = True,
    participants: bool = True,
    algorithm: str | None = None,
    length: dict | None = None,
    progress: Callable[[str], None] | None = None,
    structured: Callable[[Analysis], None] | None = None,
) -> Analysis:
    """Segment ``document`` and, when asked, add participants, quotes and a summary.

    ``length`` is passed to the summarizer as keyword arguments
    (``{"sentences": 5}``, ``{"ratio": 0.2}`` or ``{"words": 100}``).
    ``progress(stage)`` is called as each stage starts (structure, participants, summary);
    ``structured(analysis)`` once the structure is known, before the slower stages fill it in.
    """
    from reader.text.structure import segment

    step = progress or (lambda stage: None)
    step("structure")
    analysis = segment(document)
    if structured is not None:
        structured(analysis)
    if participants:
        step("participants")
        _add_participants(analysis)
    if summary:
        step("summary")
        _add_summary(analysis, algorithm, length or {})
    return analysis


# A format's own last word on participants (module, function), imported only for that format: a manual's
# option names and code words name nobody; a message's senders and a paper's authors are people.
PARTICIPANT_HOOKS: dict[str, tuple[str, str]] = {
    "man": ("reader.formats.man", "keep_participants"),
    "info": ("reader.formats.info", "keep_participants"),
    "rst": ("reader.formats.rst", "keep_participants"),
    "pod": ("reader.formats.rst", "keep_participants"),
    "mail": ("reader.formats.mail", "add_people"),
    "latex": ("reader.formats.latex", "add_people"),
}


def _add_participants(analysis: Analysis) -> None:
    from reader.text import participants, quotes

    analysis.participants = participants.find(analysis)
    analysis.quotes = quotes.find(analysis)
    analysis.found_people = True
    blocks = analysis.document.blocks
    if any(b.kind in NON_PROSE for b in blocks):
        _keep_out_of_non_prose(analysis)
    hook = PARTICIPANT_HOOKS.get(analysis.document.format)
    if hook is not None:
        module, name = hook
        getattr(importlib.import_module(module), name)(analysis)
    if any(b.kind == "turn" for b in blocks):
        from reader.text.turns import add_turns

        add_turns(analysis)
    elif not blocks:
        from reader.text import plays

        plays.add_turns(analysis)  # a play's speaker lines: turns, as a transcript's


def _keep_out_of_non_prose(analysis: Analysis) -> None:
    """Code, tables and images hold no mentions and no quotes, whatever the finders saw."""
    spans = [(b.start, b.end) for b in analysis.document.blocks if b.kind in NON_PROSE]

    def outside(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in spans)

    kept = []
    for p in analysis.participants:
        p.mentions = [m for m in p.mentions if outside(m.start, m.end)]
        said = {analysis.text[m.start : m.end] for m in p.mentions}
        p.aliases = [a for a in p.aliases if a in said]
        if p.mentions:
            kept.append(p)
    ids = {p.id for p in kept}
    analysis.participants = kept
    analysis.quotes = [
        replace(q, speaker=q.speaker if q.speaker in ids else None) for q in analysis.quotes if outside(q.start, q.end)
    ]


def _add_summary(analysis: Analysis, algorithm: str | None, length: dict) -> None:
    from reader.summarize import summarize

    analysis.summary = summarize(analysis, algorithm=algorithm, **length)
