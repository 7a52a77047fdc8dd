"""LexRank, TextRank and Reduction on a sparse sentence graph.

Same similarity definitions, thresholds and stopping rules as sumy 0.13, so the
rankings agree with sumy's where sumy finishes; only the pairs of sentences that
share a content word are ever computed.
"""

from __future__ import annotations

import numpy as np

from reader.summarize.source import Source

LEXRANK_THRESHOLD = 0.1
# sumy stops LexRank's power iteration when the step is below 0.1 (about three
# rounds, far from converged); we match it by default.
LEXRANK_EPSILON = 0.1
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
_ZERO_DIVISION_PREVENTION = 1e-7


def lexrank_edges(source: Source, threshold: float = LEXRANK_THRESHOLD):
    """Sentence pairs (i <= j) whose idf-modified cosine is above ``threshold``."""
    bag = source.bag
    n = bag.n
    df = bag.document_frequency()
    with np.errstate(divide="ignore"):
        idf = np.log(n / (1.0 + df))
    tf = bag.count / bag.row_max(bag.count)[bag.sent]
    values = tf * idf[bag.term]
    norm = np.sqrt(bag.row_sum(values**2))
    rows, cols = [], []
    for i, j, s in bag.pairs(values):
        denominator = norm[i] * norm[j]
        with np.errstate(divide="ignore", invalid="ignore"):
            cos = np.where(denominator > 0, s / denominator, 0.0)
        keep = cos > threshold
        rows.append(i[keep])
        cols.append(j[keep])
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


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
        step = np.linalg.norm(nxt - p)
        p = nxt
    return p


def _overlap_weights(source: Source):
    """TextRank's edge weights: shared words over log(len1) + log(len2).

    Returns the diagonal (a sentence with itself) and the off-diagonal pairs
    i < j once per shared word: the power iteration only sums weights, so the
    per-word pieces need not be added up first (that would cost a sort). A pair
    of one-word sentences (norm 0) keeps its overlap, as in sumy.
    """
    bag = source.bag
    with np.errstate(divide="ignore"):
        log_length = np.log(bag.lengths.astype(float))
    self_overlap = bag.row_sum(bag.count**2)
    twice = 2 * log_length
    diagonal = np.where(
        np.isclose(twice, 0.0), self_overlap, self_overlap / np.where(np.isclose(twice, 0.0), 1.0, twice)
    )
    diagonal = np.where(self_overlap > 0, diagonal, 0.0)
    size = bag.pair_count() - len(bag.term)  # every entry also pairs with itself
    rows = np.empty(size, dtype=np.int32)
    cols = np.empty(size, dtype=np.int32)
    weights = np.empty(size)
    filled = 0
    for i, j, s in bag.pairs(bag.count, summed=False):
        off = i != j
        i, j, s = i[off], j[off], s[off]
        norm = log_length[i] + log_length[j]
        tiny = np.isclose(norm, 0.0)
        end = filled + len(i)
        rows[filled:end], cols[filled:end] = i, j
        weights[filled:end] = np.where(tiny, s, s / np.where(tiny, 1.0, norm))
        filled = end
    return diagonal, rows, cols, weights


def textrank(source: Source, damping: float = TEXTRANK_DAMPING, epsilon: float = TEXTRANK_EPSILON) -> np.ndarray:
    n = len(source)
    if n == 0:
        return np.zeros(0)
    diagonal, io, jo, wo = _overlap_weights(source)
    row_sum = diagonal + np.bincount(io, wo, minlength=n) + np.bincount(jo, wo, minlength=n)
    scale = 1.0 / (row_sum + _ZERO_DIVISION_PREVENTION)
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        q = p * scale
        nxt = (1.0 - damping) / n * p.sum() + damping * (diagonal * q + _spread(io, jo, wo, q))
        step = np.linalg.norm(nxt - p)
        p = nxt
    return p


def _spread(rows, cols, weights, q, chunk: int = 4_000_000) -> np.ndarray:
    """Σ_i w_ij·q_i over a symmetric edge list kept once, in slices so temporaries stay small."""
    out = np.zeros(len(q))
    for a in range(0, len(rows), chunk):
        i, j, w = rows[a : a + chunk], cols[a : a + chunk], weights[a : a + chunk]
        out += np.bincount(j, w * q[i], minlength=len(q)) + np.bincount(i, w * q[j], minlength=len(q))
    return out


def reduction(source: Source) -> np.ndarray:
    """Each sentence's summed overlap weight with every other sentence (streamed: no edge list kept)."""
    bag = source.bag
    n = bag.n
    with np.errstate(divide="ignore"):
        log_length = np.log(bag.lengths.astype(float))
    total = np.zeros(n)
    # the score is a plain sum over shared words, so pairs need not be summed first
    for i, j, s in bag.pairs(bag.count, summed=False):
        off = i != j
        i, j, s = i[off], j[off], s[off]
        norm = log_length[i] + log_length[j]
        w = np.where(norm == 0.0, 0.0, s / np.where(norm == 0.0, 1.0, norm))
        total += np.bincount(i, w, minlength=n) + np.bincount(j, w, minlength=n)
    return total
