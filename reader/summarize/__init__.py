"""Extractive summaries: every sumy algorithm, offline, every body sentence scored.

``summarize(analysis)`` ranks the body sentences (never headings or front/back
matter: they are not sentences) and selects the top ones at the length asked for.
Heavy imports (numpy, sumy, nltk) happen inside the rankers, not here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reader.model import Analysis, Ranked, Summary


@dataclass(frozen=True)
class Algorithm:
    name: str
    description: str
    module: str  # reader.summarize.<module>
    function: str

    def rank(self, source) -> list[float]:
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


def list_algorithms() -> list[tuple[str, str]]:
    """(name, description) of every algorithm, the default first."""
    return [(a.name, a.description) for a in ALGORITHMS.values()]


def default_count(n: int) -> int:
    """A few sentences for an article, more (slowly) for a book."""
    if n <= 15:
        return min(n, 3)
    if n <= 100:
        return 5
    return min(40, round(5 + 2.5 * math.log2(n / 100)))


def source_of(analysis: Analysis, indexes: list[int], title: str | None = None):
    from reader.summarize.source import Source

    text = analysis.text
    sentences = [analysis.sentences[i] for i in indexes]
    return Source(
        texts=[text[s.start : s.end] for s in sentences],
        paragraphs=[s.paragraph for s in sentences],
        title=analysis.title if title is None else title,
        seed=len(text),
    )


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
    scores = ALGORITHMS[name].rank(source_of(analysis, indexes, title)) if indexes else []
    order = sorted(range(len(indexes)), key=lambda k: (-scores[k], k))
    ranking = [Ranked(sentence=indexes[k], score=scores[k]) for k in order]
    chosen = _select(analysis, ranking, sentences, ratio, words)
    return Summary(algorithm=name, ranking=ranking, selected=sorted(chosen))


def _select(analysis: Analysis, ranking: list[Ranked], sentences, ratio, words) -> list[int]:
    n = len(ranking)
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
        return _within_words(analysis, ranking, words)
    return [r.sentence for r in ranking[: default_count(n)]]


def _within_words(analysis: Analysis, ranking: list[Ranked], budget: int) -> list[int]:
    """The best-ranked sentences that fit together within ``budget`` words (the top one if none fits)."""
    chosen, used = [], 0
    for r in ranking:
        size = len(analysis.sentence_text(r.sentence).split())
        if used + size <= budget:
            chosen.append(r.sentence)
            used += size
    return chosen or [r.sentence for r in ranking[:1]]
