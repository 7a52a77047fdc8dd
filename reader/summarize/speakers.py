"""Speaker labels of transcript turns (``Name: what they said``), found from the document's own evidence.

A paragraph that opens with a short capitalised label and a colon is a turn when
the same label opens other paragraphs too: one "Note: ..." in an essay is not a
speaker, a label that recurs is. The rankers read the turn without its label
(a speaker's name is not what the turn is about, and shared by all their turns
it would look central); the summary shows the label beside what the speaker said.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.model import Analysis

_LABEL = re.compile(r"[A-Z][^:\n.!?]{0,60}(?:\.[^:\n.!?]{1,60})?:[ \t]+(?=\S)")
MIN_REPEATS = 2  # a label must open at least this many paragraphs
MAX_WORDS = 8


def label_at(text: str, start: int) -> str | None:
    m = _LABEL.match(text, start)
    if not m or len(m.group().split()) > MAX_WORDS:
        return None
    return m.group()


def paragraph_labels(analysis: Analysis) -> dict[int, str]:
    """Paragraph index -> its speaker label (with colon and space), for labels that recur."""
    if any(block.kind == "turn" for block in analysis.document.blocks):
        return _declared_labels(analysis)
    from reader.text import plays

    play = plays.paragraph_labels(analysis) if not analysis.document.blocks else {}
    if play:
        return play  # 'HAMLET.' on the line before the speech
    text = analysis.text
    found: dict[int, str] = {}
    for index, paragraph in enumerate(analysis.paragraphs):
        label = label_at(text, paragraph.start)
        if label:
            found[index] = label
    counts = Counter(label.strip() for label in found.values())
    return {k: v for k, v in found.items() if counts[v.strip()] >= MIN_REPEATS}


def _declared_labels(analysis: Analysis) -> dict[int, str]:
    """Labels from the transcript format's turn blocks, which already hold each paragraph's speaker."""
    turns = [block for block in analysis.document.blocks if block.kind == "turn" and block.speaker]
    found: dict[int, str] = {}
    at = 0
    for index, paragraph in enumerate(analysis.paragraphs):
        while at < len(turns) and turns[at].end <= paragraph.start:
            at += 1
        if at < len(turns) and turns[at].start <= paragraph.start:
            found[index] = f"{turns[at].speaker}: "
    return found


def strip_labels(analysis: Analysis, indexes: list[int], labels: dict[int, str]) -> list[str]:
    """The texts of the sentences ``indexes``, a turn's opening sentence without its speaker label."""
    text = analysis.text
    out = []
    for i in indexes:
        s = analysis.sentences[i]
        label = labels.get(s.paragraph)
        start = s.start
        if label and text.startswith(label, start):
            start += len(label)
        out.append(text[start : s.end])
    return out


def speaker_of(analysis: Analysis, index: int, labels: dict[int, str]) -> str | None:
    """The speaker label (without colon) of the turn that holds sentence ``index``, if it is a turn."""
    label = labels.get(analysis.sentences[index].paragraph)
    return label.strip().rstrip(":").strip() if label else None


def display_text(analysis: Analysis, index: int, labels: dict[int, str]) -> str:
    """Sentence ``index`` as a summary line: inside a turn, with its speaker's label in front."""
    s = analysis.sentences[index]
    text = analysis.text[s.start : s.end]
    label = labels.get(s.paragraph)
    if label and not analysis.text.startswith(label, s.start):
        return label + text
    return text
