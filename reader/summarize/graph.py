"""LexRank, TextRank and Reduction on a sparse sentence graph.

Same similarity definitions, thresholds and stopping rules as sumy 0.13, so the
rankings agree with sumy's where sumy finishes; only the pairs of sentences that
share a content word are ever computed.
"""

from __future__ import annotations

import numpy as np

from reader.summarize.bag import Bag
from reader.summarize.source import Source

LEXRANK_THRESHOLD = 0.1
# sumy stops LexRank's power iteration when the step is below 0.1 (about three
# rounds, far from converged); we match it by default.
LEXRANK_EPSILON = 0.1
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
_ZERO_DIVISION_PREVENTION = 1e-7
# LexRank's cosine needs every pair of sentences that share a term; past this
# many pairs (Pride and Prejudice needs 37 per entry, War and Peace 124) the
# commonest terms stop counting (see _rarer_terms)
PAIRS_PER_ENTRY = 40
PAIR_FLOOR = 3_000_000


def lexrank_edges(source: Source, threshold: float = LEXRANK_THRESHOLD) -> tuple[np.ndarray, np.ndarray]:
    """Sentence pairs (i <= j) whose idf-modified cosine is above ``threshold``."""
    bag = source.bag
    n = bag.n
    df = bag.document_frequency()
    with np.errstate(divide="ignore"):
        idf = np.log(n / (1.0 + df))
    tf = bag.count / bag.row_max(bag.count)[bag.sent]
    values = tf * idf[bag.term]
    norm = np.sqrt(bag.row_sum(values**2))
    keep = _rarer_terms(df, max(PAIR_FLOOR, PAIRS_PER_ENTRY * len(bag.term)))[bag.term]
    pairing = bag.subset(keep)
    rows, cols = [], []
    for i, j, s in pairing.pairs(values[keep]):
        denominator = norm[i] * norm[j]
        with np.errstate(divide="ignore", invalid="ignore"):
            cos = np.where(denominator > 0, s / denominator, 0.0)
        keep = cos > threshold
        rows.append(i[keep])
        cols.append(j[keep])
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def _rarer_terms(df: np.ndarray, budget: float) -> np.ndarray:
    """True for the terms whose sentence pairs are counted: all of them, unless that exceeds ``budget`` pairs.

    Then the most common terms (the lowest idf) are left out of the dot products,
    commonest first, until the pairs fit: a text of a small vocabulary would
    otherwise pair nearly every sentence with every other (n² time).
    """
    pairs = df * (df + 1) / 2
    if pairs.sum() <= budget:
        return np.ones(len(df), dtype=bool)
    order = np.argsort(df, kind="stable")  # rarest first
    fits = np.cumsum(pairs[order]) <= budget
    keep = np.zeros(len(df), dtype=bool)
    keep[order[fits]] = True
    return keep


def lexrank(source: Source, epsilon: float = LEXRANK_EPSILON) -> np.ndarray:
    n = len(source)
    if n == 0:
        return np.zeros(0)
    i, j = lexrank_edges(source)
    off = i != j
    degree = np.bincount(i, minlength=n) + np.bincount(j[off], minlength=n)
    degree = np.where(degree == 0, 1, degree).astype(float)
    self_loop = np.zeros(n)
    self_loop[i[~off]] = 1.0
    io, jo = i[off], j[off]
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        q = p / degree
        nxt = self_loop * q + np.bincount(jo, q[io], minlength=n) + np.bincount(io, q[jo], minlength=n)
        size = np.linalg.norm(nxt)
        if size == 0:  # no sentence has a word: nothing to rank
            return np.zeros(n)
        nxt /= size
        step = float(np.linalg.norm(nxt - p))
        p = nxt
    return p


def textrank(source: Source, damping: float = TEXTRANK_DAMPING, epsilon: float = TEXTRANK_EPSILON) -> np.ndarray:
    """sumy's TextRank: PageRank over word-overlap weights, by (term, length) groups (no edge list kept)."""
    n = len(source)
    if n == 0:
        return np.zeros(0)
    bag = source.bag
    weights = bag.grouped(zero_norm=1.0)
    ones = np.ones(n)
    scale = 1.0 / (weights.apply(bag.count, ones) + _ZERO_DIVISION_PREVENTION)
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        nxt = (1.0 - damping) / n * p.sum() + damping * weights.apply(bag.count, p * scale)
        step = float(np.linalg.norm(nxt - p))
        p = nxt
    return p


def reduction(source: Source) -> np.ndarray:
    """Each sentence's summed overlap weight with every other sentence."""
    return overlap_centrality(source.bag, source.bag.count)


def overlap_centrality(bag: Bag, values: np.ndarray) -> np.ndarray:
    """Σ_{j≠i} W_ij with entry values ``values`` (Reduction's score when they are the counts)."""
    weights = bag.grouped(zero_norm=0.0)
    ones = np.ones(bag.n)
    return weights.apply(values, ones) - weights.diagonal(values)
