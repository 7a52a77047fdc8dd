"""Where a document summarizes itself: its Abstract, Summary, Introduction, Conclusion...

A paper, a report or an RFC says what it is about under a heading that declares
it ("Abstract", "Executive Summary", "1. Introduction", "Conclusions"), or in a
paragraph that opens with such a label ("Abstract: In this article we ...").
The opening sentences there are the document's own summary: this is the
document's evidence, by section title, not a guess about its genre.
"""

from __future__ import annotations

import math
import re

from reader.model import Analysis, Section

# A summary proper says what the document says. A framing section (an Introduction,
# an Overview, a Conclusion) says it too, after some background: a paper's
# Introduction opens with the field, not with its finding. Tuned on the GUM dev half.
SUMMARY = 1.0
FRAMING = 0.75
DECLARING = {
    "abstract": SUMMARY,
    "summary": SUMMARY,
    "executive summary": SUMMARY,
    "synopsis": SUMMARY,
    "tl;dr": SUMMARY,
    "tldr": SUMMARY,
    "in brief": SUMMARY,
    "in summary": SUMMARY,
    "key points": SUMMARY,
    "key findings": SUMMARY,
    "overview": FRAMING,
    "introduction": FRAMING,
    "conclusion": FRAMING,
    "conclusions": FRAMING,
    "concluding remarks": FRAMING,
}
# A manual page says what its command does under NAME and DESCRIPTION; its SYNOPSIS is a usage line.
MANUAL = {"name": SUMMARY, "description": SUMMARY, "synopsis": 0.0}
# "1.", "1.2.", "A.", "IV.", "Chapter 3:" before the title
_NUMBERING = re.compile(r"^(?:(?:section|chapter|part)\s+)?(?:[0-9]+(?:\.[0-9]+)*|[a-z]|[ivxlc]+)[.:)]?\s+", re.I)
_JOINERS = re.compile(r"\s+(?:and|&)\s+")
_SPACES = re.compile(r"\s+")
# a paragraph that opens with its own label: "Abstract: ...", "TL;DR - ..."
_LABEL = re.compile(r"([A-Za-z][A-Za-z;]*(?: [A-Za-z]+)?)\s*(?::|\.|\s[-–—])\s+(?=\S)")


def strength(title: str, declaring: dict[str, float] = DECLARING) -> float:
    """How much a heading declares a summary: "Abstract" 1, "1. Introduction" less, "Methods" 0."""
    text = _SPACES.sub(" ", title.strip()).casefold()
    text = _NUMBERING.sub("", text, count=1).strip(" .:-–—")
    if not text or len(text.split()) > 5:
        return 0.0
    parts = [declaring.get(part, 0.0) for part in _JOINERS.split(text)]
    return max(parts) if all(parts) else 0.0


def declares_summary(title: str, declaring: dict[str, float] = DECLARING) -> bool:
    return strength(title, declaring) > 0


def declared_regions(sections: list[Section], declaring: dict[str, float] = DECLARING) -> list[int]:
    """For each section: the index of the declaring heading it is (or is nested in), -1 for none."""
    out: list[int] = []
    region = -1  # the declaring heading we are inside
    for k, section in enumerate(sections):
        if region >= 0 and (section.kind != "heading" or section.level <= sections[region].level):
            region = -1
        if region < 0 and section.kind == "heading" and declares_summary(section.title, declaring):
            region = k
        out.append(region)
    return out


def declared_weights(analysis: Analysis, indexes: list[int]) -> list[float]:
    """For each of the sentences ``indexes``: how much it is the document's own summary (0 for most).

    The strength of its declaring section (or labelled paragraph), falling with its
    place there: 1/sqrt(1 + place). Places count from the section's opening,
    subsections included, so an Introduction that opens in "1.1 Purpose" opens there.
    """
    declaring = DECLARING | MANUAL if analysis.document.format in ("man", "pod") else DECLARING
    region_of = declared_regions(analysis.sections, declaring)
    labelled = _labelled_paragraphs(analysis)
    out: list[float] = []
    counts: dict[tuple[str, int], int] = {}
    for i in indexes:
        sentence = analysis.sentences[i]
        region = region_of[sentence.section] if 0 <= sentence.section < len(region_of) else -1
        if region >= 0:
            key, weight = ("section", region), strength(analysis.sections[region].title, declaring)
        elif sentence.paragraph in labelled:
            key, weight = ("paragraph", sentence.paragraph), labelled[sentence.paragraph]
        else:
            out.append(0.0)
            continue
        place = counts.get(key, 0)
        counts[key] = place + 1
        out.append(weight / math.sqrt(1.0 + place))
    return out


def _labelled_paragraphs(analysis: Analysis) -> dict[int, float]:
    """Paragraphs that open with a declaring label ("Abstract: ..."), with its strength."""
    out: dict[int, float] = {}
    text = analysis.text
    for k, paragraph in enumerate(analysis.paragraphs):
        m = _LABEL.match(text, paragraph.start, paragraph.end)
        if m:
            weight = DECLARING.get(m.group(1).casefold(), 0.0)
            if weight:
                out[k] = weight
    return out
