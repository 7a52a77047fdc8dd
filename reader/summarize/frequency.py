"""LSA, SumBasic and KL-Sum over the sparse bag of content stems.

LSA: sumy keeps every singular dimension (``REDUCTION_RATIO = 1``), so its rank
of a sentence, sqrt(Σ σ²·v²), is exactly the length of that sentence's column
in the smoothed term matrix; we compute that length directly, no SVD.
SumBasic and KL-Sum are greedy: the first ``GREEDY_STEPS`` picks follow sumy's
rule; later sentences are ranked by the same criterion at that point, which
keeps books linear while the top of the ranking (the summary) is unchanged.
"""

from __future__ import annotations

import numpy as np

from reader.summarize.bag import Bag
from reader.summarize.source import Source

LSA_SMOOTH = 0.4
GREEDY_STEPS = 200


def lsa(source: Source) -> np.ndarray:
    bag = _with_stop_word_stems(source)
    vocabulary = np.unique(source.bag.term).size
    top = bag.row_max(bag.count)
    with np.errstate(divide="ignore", invalid="ignore"):
        frequency = bag.count / top[bag.sent]
    cell = LSA_SMOOTH + (1.0 - LSA_SMOOTH) * frequency
    # absent words count LSA_SMOOTH each in a sentence that has any word at all
    squares = LSA_SMOOTH**2 * vocabulary + bag.row_sum(cell**2 - LSA_SMOOTH**2)
    return np.where(top > 0, np.sqrt(np.maximum(squares, 0.0)), 0.0)


def _with_stop_word_stems(source: Source) -> Bag:
    """sumy's LSA also counts a stop word whose stem is a content stem ("doing" -> "do")."""
    from reader.summarize.words import to_words

    terms = source.terms
    known = set(np.unique(source.bag.term).tolist())
    hit: dict[str, int] = {}
    rows = []
    for text, row in zip(source.texts, source.rows):
        extra = []
        for word in to_words(text):
            lower = word.lower()
            if lower in terms.stop:
                if lower not in hit:
                    hit[lower] = terms.ids.get(terms.stem(lower), -1)
                if hit[lower] in known:
                    extra.append(hit[lower])
        rows.append(row + extra if extra else row)
    return Bag.from_rows(rows, len(terms.ids))


def by_greedy_order(picked: list[int], rest_key: np.ndarray, n: int) -> np.ndarray:
    """Scores in (0, 1]: picks first in pick order, then the rest by ``rest_key`` (higher first)."""
    order = list(picked)
    chosen = np.zeros(n, dtype=bool)
    chosen[picked] = True
    rest = np.flatnonzero(~chosen)
    order.extend(rest[np.argsort(-rest_key[rest], kind="stable")])
    scores = np.empty(n)
    scores[np.asarray(order, dtype=np.int64)] = 1.0 - np.arange(n) / max(n, 1)
    return scores


def sumbasic(source: Source, steps: int = GREEDY_STEPS) -> np.ndarray:
    bag = source.bag
    n = bag.n
    lengths = bag.lengths.astype(float)
    total = lengths.sum()
    p = bag.document_frequency() * 0.0
    np.add.at(p, bag.term, bag.count)
    p = p / total if total else p
    available = np.ones(n, dtype=bool)
    picked: list[int] = []
    average = np.zeros(n)
    for _ in range(min(steps, n)):
        with np.errstate(divide="ignore", invalid="ignore"):
            average = np.where(lengths > 0, bag.row_sum(bag.count * p[bag.term]) / lengths, 0.0)
        left = np.flatnonzero(available)
        best = int(left[np.argmax(average[left])])
        picked.append(best)
        available[best] = False
        mine = bag.sent == best
        # sumy squares a word's probability once per occurrence in the chosen sentence
        p[bag.term[mine]] = p[bag.term[mine]] ** (2.0 ** np.minimum(bag.count[mine], 64))  # beyond 2^64 it is 0 anyway
    return by_greedy_order(picked, average, n)


def kl(source: Source, steps: int = GREEDY_STEPS) -> np.ndarray:
    """Greedy KL-Sum: add the sentence that makes the summary's word distribution closest to the document's."""
    bag = source.bag
    n = bag.n
    lengths = bag.lengths.astype(float)
    q = np.zeros(bag.n_terms)
    np.add.at(q, bag.term, bag.count)
    q = q / q.sum() if q.sum() else q
    q_log_q = np.where(q > 0, q * np.log(np.where(q > 0, q, 1.0)), 0.0)
    qt, qlt = q[bag.term], q_log_q[bag.term]
    summary = np.zeros(bag.n_terms)  # word counts of the summary so far
    available = np.ones(n, dtype=bool)
    picked: list[int] = []
    divergence = np.zeros(n)
    for _ in range(min(steps, n)):
        divergence = _kl_if_added(bag, summary, q, q_log_q, qt, qlt, lengths)
        left = np.flatnonzero(available)  # a wordless sentence is inf: picked last, never twice
        best = int(left[np.argmin(divergence[left])])
        picked.append(best)
        available[best] = False
        mine = bag.sent == best
        np.add.at(summary, bag.term[mine], bag.count[mine])
    return by_greedy_order(picked, -divergence, n)


def _kl_if_added(
    bag: Bag,
    summary: np.ndarray,
    q: np.ndarray,
    q_log_q: np.ndarray,
    qt: np.ndarray,
    qlt: np.ndarray,
    lengths: np.ndarray,
) -> np.ndarray:
    """KL(document || summary + s) for every sentence s, over the words of summary ∪ s."""
    in_summary = summary > 0
    safe = np.where(in_summary, summary, 1.0)
    a = q_log_q[in_summary].sum()
    b = (q[in_summary] * np.log(safe[in_summary])).sum()
    mass = q[in_summary].sum()
    counted = summary[bag.term]
    inside = counted > 0
    d1 = np.where(inside, 0.0, qlt)
    d2 = qt * np.log(counted + bag.count) - np.where(inside, qt * np.log(np.where(inside, counted, 1.0)), 0.0)
    d3 = np.where(inside, 0.0, qt)
    size = summary.sum() + lengths
    with np.errstate(divide="ignore", invalid="ignore"):
        out = a + bag.row_sum(d1) - b - bag.row_sum(d2) + np.log(size) * (mass + bag.row_sum(d3))
    return np.where(size > 0, out, np.inf)
