"""Extractive summaries: every sumy algorithm, offline, every body sentence scored.

``summarize(analysis)`` ranks the body sentences (never headings or front/back
matter: they are not sentences) and selects the top ones at the length asked for.
Heavy imports (numpy, sumy, nltk) happen inside the rankers, not here.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.collector import paused
from reader.model import Analysis, Ranked, Summary

if TYPE_CHECKING:
    from reader.summarize.source import Source


@dataclass(frozen=True)
class Algorithm:
    name: str
    description: str
    module: str  # reader.summarize.<module>
    function: str

    def rank(self, source: Source) -> list[float]:
        from importlib import import_module

        rate: Callable = getattr(import_module(f"reader.summarize.{self.module}"), self.function)
        # a ranker may leave NaN where a sentence has no words at all; rank those last
        return [float(x) if math.isfinite(x) else 0.0 for x in rate(source)]


ALGORITHMS: dict[str, Algorithm] = {
    a.name: a
    for a in (
        Algorithm(
            "reader", "degree centrality + lead position + title overlap, without repeats (news-aware)", "news", "rank"
        ),
        Algorithm(
            "lexrank", "LexRank: idf-cosine graph centrality (sumy's 3-round power iteration)", "graph", "lexrank"
        ),
        Algorithm("textrank", "TextRank: word-overlap graph, PageRank with damping 0.85", "graph", "textrank"),
        Algorithm("lsa", "LSA: sentence weight in the latent topic space", "frequency", "lsa"),
        Algorithm("luhn", "Luhn: clusters of significant words", "sumy_bridge", "luhn"),
        Algorithm(
            "edmundson", "Edmundson: title words + location (cue and key methods off)", "sumy_bridge", "edmundson"
        ),
        Algorithm("kl", "KL-Sum: greedy, keeps the summary's word distribution close to the text's", "frequency", "kl"),
        Algorithm(
            "sumbasic", "SumBasic: greedy on word probability, down-weighting used words", "frequency", "sumbasic"
        ),
        Algorithm("reduction", "Reduction: summed word-overlap with every other sentence", "graph", "reduction"),
        Algorithm("random", "random order (a baseline; repeatable)", "baseline", "random"),
        Algorithm("lead", "the first sentences (a baseline)", "baseline", "lead"),
    )
}
DEFAULT_ALGORITHM = "reader"
FILL_WORDS = 4  # a greeting or a backchannel, not a summary sentence (the first may be, in a tiny text)
MISSES = 20  # sentences that do not fit may be skipped this often; a score of 0 still stops the walk


def default_count(n: int) -> int:
    """A few sentences for an article, more (slowly) for a book."""
    if n <= 15:
        return min(n, 3)
    if n <= 100:
        return 5
    return min(40, round(5 + 2.5 * math.log2(n / 100)))


def source_of(analysis: Analysis, indexes: list[int], title: str | None = None, whole: bool = True) -> Source:
    """What the rankers read of the sentences ``indexes``; ``whole`` when they are the whole document."""
    from reader.summarize.declared import declared_weights
    from reader.summarize.source import Source
    from reader.summarize.speakers import paragraph_labels, strip_labels

    sentences = [analysis.sentences[i] for i in indexes]
    labels = paragraph_labels(analysis)
    in_turns = sum(1 for s in sentences if s.paragraph in labels)
    # inside one section, the document's own summary is elsewhere
    declared = declared_weights(analysis, indexes) if whole else []
    code = _manual_code(analysis, indexes)
    if code and whole:
        from reader.summarize.manual import opening_weights

        opening = opening_weights(analysis, indexes, code)
        declared = [max(a, b) for a, b in zip(declared or opening, opening)]
    return Source(
        texts=strip_labels(analysis, indexes, labels),
        paragraphs=[s.paragraph for s in sentences],
        title=analysis.title if title is None else title,
        seed=len(analysis.text),
        turn_share=in_turns / len(sentences) if sentences else 0.0,
        declared=declared,
        speakers=[labels.get(s.paragraph, "").strip() for s in sentences] if in_turns else [],
        code=code,
        notes=_in_notes(analysis, indexes),
    )


_NOTE_LABEL = re.compile(r"\[\w+\]")  # a note's label as the formats give it: "[1]", "[a]"


def _in_notes(analysis: Analysis, indexes: list[int]) -> frozenset[int]:
    """Places in ``indexes`` of the sentences inside a footnote or endnote (a list item labelled "[1]")."""
    notes = [b for b in analysis.document.blocks if b.kind == "list_item" and _NOTE_LABEL.fullmatch(b.marker or "")]
    if not notes:
        return frozenset()
    starts = [b.start for b in notes]
    found = set()
    for k, i in enumerate(indexes):
        at = analysis.sentences[i].start
        n = bisect.bisect_right(starts, at) - 1
        if n >= 0 and at < notes[n].end:
            found.add(k)
    return frozenset(found)


def _manual_code(analysis: Analysis, indexes: list[int]) -> list[float]:
    """Each sentence's share of code when the document is a manual; empty for any other document."""
    from reader.text.technical import is_manual

    if not indexes or not (analysis.document.format in ("man", "pod") or is_manual(analysis.document)):
        return []  # a manual page is a manual even when it sets little in code (ls(1))
    from reader.summarize.manual import code_shares

    return code_shares(analysis, indexes)


@paused()
def summarize(
    analysis: Analysis,
    algorithm: str | None = None,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    section: int | None = None,
) -> Summary:
    """Rank the body sentences (of one section when ``section`` is given) and select a summary.

    Length: ``sentences`` N, or ``ratio`` of the sentences (0 < ratio <= 1), or at
    most ``words`` words; default ``default_count``. Raises ValueError for an
    unknown algorithm or a bad length.
    """
    name = (algorithm or DEFAULT_ALGORITHM).lower()
    if name not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r} (choose from {', '.join(ALGORITHMS)})")
    indexes = list(range(len(analysis.sentences)))
    title = None
    if section is not None:
        indexes = [i for i in indexes if analysis.sentences[i].section == section]
        heading = analysis.sections[section]
        title = f"{analysis.title} {heading.title}" if heading.kind == "heading" else analysis.title
    source = source_of(analysis, indexes, title, whole=section is None)
    scores = ALGORITHMS[name].rank(source) if indexes else []
    if name == DEFAULT_ALGORITHM and section is None:
        from reader.summarize.logs import newest_first

        scores = newest_first(analysis, indexes, scores)  # a change log: what changed last comes first
    order = sorted(range(len(indexes)), key=lambda k: (-scores[k], k))
    ranking = [Ranked(sentence=indexes[k], score=scores[k]) for k in order]
    sizes = {i: len(text.split()) for i, text in zip(indexes, source.texts)}
    chosen = _select(_distinct(ranking, dict(zip(indexes, source.texts))), sizes, sentences, ratio, words)
    return Summary(algorithm=name, ranking=ranking, selected=sorted(chosen))


_WORDS = re.compile(r"\w+")


def normalised(text: str) -> str:
    """A sentence's words, case-folded: two sentences with the same are the same sentence."""
    return " ".join(_WORDS.findall(text.casefold()))


def _distinct(ranking: list[Ranked], texts: dict[int, str]) -> list[Ranked]:
    """The ranking without repeats: a sentence whose normalised text ranks higher already is left out."""
    seen: set[str] = set()
    out = []
    for r in ranking:
        key = normalised(texts[r.sentence])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _select(
    ranking: list[Ranked], sizes: dict[int, int], sentences: int | None, ratio: float | None, words: int | None
) -> list[int]:
    n = len(ranking)
    # a sentence scored 0 (a caption, a headline, "Yeah.") never pads a summary out to its length
    ranking = ranking[:1] + [r for r in ranking[1:] if r.score > 0]
    if sentences is not None:
        if sentences < 1:
            raise ValueError("sentences must be at least 1")
        return [r.sentence for r in ranking[:sentences]]
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("ratio must be above 0 and at most 1 (or 1%-100%)")
        return [r.sentence for r in ranking[: max(1, round(ratio * n))]] if n else []
    if words is not None:
        if words < 1:
            raise ValueError("words must be at least 1")
        return _within_words(ranking, sizes, words)
    return [r.sentence for r in ranking[: default_count(n)]]


def _within_words(ranking: list[Ranked], sizes: dict[int, int], budget: int) -> list[int]:
    """The best-ranked sentences, in rank order, while they fit within ``budget`` words (the top one if none does).

    A sentence of FILL_WORDS words or fewer never fills the rest of a budget.
    It stops at a sentence scored 0 (no substance: that is how "Yeah." got into
    meeting summaries) and after MISSES sentences that do not fit. Two misses
    left a third of a meeting's budget unused when its top turns are long
    (QMSum dev R1 0.266 -> 0.269 at 20, filler still 0%).
    """
    chosen: list[int] = []
    used = misses = 0
    for r in ranking:
        if chosen and r.score <= 0:
            break  # a sentence scored 0 (no words, no substance) is not worth a place
        size = sizes[r.sentence]
        if chosen and size <= FILL_WORDS:
            continue  # "Good morning everyone.", "Yeah, sure.": fits anywhere, says nothing
        if used + size > budget:
            misses += 1
            if misses > MISSES:
                break
            continue
        used += size
        chosen.append(r.sentence)
    return chosen or [r.sentence for r in ranking[:1]]
