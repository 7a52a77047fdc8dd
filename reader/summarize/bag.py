"""Sentences as a sparse bag of content stems, and the pairs of sentences that share them.

Everything here is vectorised numpy over the non-zero entries, so the graph
rankers cost about the number of sentence pairs that share a word, not n².
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import numpy as np


@dataclass
class Bag:
    """A sentences × terms count matrix in compressed rows, entries sorted by (sentence, term)."""

    n: int  # sentences
    n_terms: int
    sent: np.ndarray  # sentence of each entry
    term: np.ndarray  # term of each entry
    count: np.ndarray  # occurrences of the term in the sentence (float)
    lengths: np.ndarray  # content words per sentence, repeats counted

    @classmethod
    def from_rows(cls, rows: list[list[int]], n_terms: int) -> Bag:
        n = len(rows)
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
        flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=int(lengths.sum()))
        owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
        keys, counts = np.unique(owner * max(n_terms, 1) + flat, return_counts=True)
        width = max(n_terms, 1)
        return cls(n, n_terms, keys // width, keys % width, counts.astype(float), lengths)

    def subset(self, keep: np.ndarray) -> Bag:
        """The same sentences with only the entries where ``keep`` is true (lengths unchanged)."""
        return Bag(self.n, self.n_terms, self.sent[keep], self.term[keep], self.count[keep], self.lengths)

    def row_sum(self, values: np.ndarray) -> np.ndarray:
        """Per-sentence sum of one value per entry."""
        return np.bincount(self.sent, weights=values, minlength=self.n)

    def row_max(self, values: np.ndarray) -> np.ndarray:
        out = np.zeros(self.n)
        np.maximum.at(out, self.sent, values)
        return out

    def document_frequency(self) -> np.ndarray:
        return np.bincount(self.term, minlength=self.n_terms).astype(float)

    def pair_count(self) -> int:
        """How many (entry, partner) pairs ``pairs(summed=False)`` yields, self pairs included."""
        df = np.bincount(self.term, minlength=self.n_terms)
        return int((df * (df + 1) // 2).sum())

    def grouped(self, zero_norm: float) -> Grouped:
        """The overlap operator of this bag, by (term, sentence length) groups: see ``Grouped``."""
        return Grouped(self, zero_norm)

    def pairs(self, values: np.ndarray, budget: int = 2_000_000, summed: bool = True) -> Iterator[tuple]:
        """``(i, j, s)`` for every sentence pair ``i <= j`` sharing a term, ``s = Σ_t v_it·v_jt``.

        Pairs are made from each term's posting list, a block of rows at a time so
        memory stays at about ``budget`` pairs. With ``summed=False`` a pair comes
        once per shared term (``s`` is that term's product): enough for any score
        that is a plain sum over pairs, and it skips the sort.
        """
        if not len(self.term):
            return
        order = np.argsort(self.term, kind="stable")  # postings: by term, then sentence
        position = np.empty_like(order)
        position[order] = np.arange(len(order))
        ends = np.cumsum(np.bincount(self.term, minlength=self.n_terms))
        partners = ends[self.term] - position  # postings at or after this one
        posting_sent = self.sent[order]
        posting_value = values[order]
        row_starts = np.searchsorted(self.sent, np.arange(self.n + 1))
        done = np.concatenate(([0], np.cumsum(partners)))
        first = 0
        while first < self.n:
            entry_a = row_starts[first]
            # the last row whose pairs still fit the budget (at least one row)
            stop_entry = np.searchsorted(done, done[entry_a] + budget, side="right") - 1
            last = max(first + 1, int(np.searchsorted(row_starts, stop_entry, side="right")) - 1)
            entry_b = row_starts[last]
            if entry_b > entry_a:
                yield self._block(
                    first, entry_a, entry_b, partners, position, posting_sent, posting_value, values, summed
                )
            first = last

    def _block(
        self,
        first: int,
        a: int,
        b: int,
        partners: np.ndarray,
        position: np.ndarray,
        posting_sent: np.ndarray,
        posting_value: np.ndarray,
        values: np.ndarray,
        summed: bool,
    ) -> tuple:
        counts = partners[a:b]
        total = int(counts.sum())
        entry = np.repeat(np.arange(a, b), counts)
        offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        other = position[entry] + offset
        i = self.sent[entry]
        j = posting_sent[other]
        v = values[entry] * posting_value[other]
        if not summed:
            return i, j, v
        keys, inverse = np.unique((i - first) * self.n + j, return_inverse=True)
        sums = np.bincount(inverse.ravel(), weights=v, minlength=len(keys))
        return first + keys // self.n, keys % self.n, sums


# Sentence lengths (content words) are kept exact up to EXACT_LENGTH; longer
# ones share geometric buckets LENGTH_STEP apart in log length (a weight off by
# at most 1.5%), so a term meets at most a few hundred distinct lengths.
EXACT_LENGTH = 64
LENGTH_STEP = 0.03


class Grouped:
    """``W·q`` for W_ij = Σ_t v_it·v_jt / (log L_i + log L_j), the overlap weight of Reduction and TextRank.

    Sentences that share a term and have the same length are alike to every
    other sentence, so the sum runs over (term, length) groups: the cost is
    Σ_t (distinct lengths of t)², never the n² sentence pairs that share a
    common word. ``zero_norm`` is the factor where both logs are 0 (two
    one-word sentences): sumy's Reduction gives 0, its TextRank 1.
    """

    def __init__(self, bag: Bag, zero_norm: float):
        self.bag = bag
        lengths = np.maximum(bag.lengths, 1)
        log_length = np.log(lengths.astype(float))
        top = np.log(EXACT_LENGTH)
        bucket = np.where(
            lengths <= EXACT_LENGTH, lengths, EXACT_LENGTH + np.round((log_length - top) / LENGTH_STEP).astype(np.int64)
        )
        width = int(bucket.max()) + 1 if bag.n else 1
        keys, self.group = np.unique(bag.term * width + bucket[bag.sent], return_inverse=True)
        self.group = self.group.ravel()
        group_term, group_bucket = keys // width, keys % width
        log_of = np.where(
            np.arange(width) <= EXACT_LENGTH,
            np.log(np.maximum(np.arange(width), 1).astype(float)),
            top + (np.arange(width) - EXACT_LENGTH) * LENGTH_STEP,
        )
        self.a, self.b, self.w = _group_pairs(group_term, log_of[group_bucket], zero_norm)
        self.n_groups = len(keys)

    def apply(self, values: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Σ_j W_ij·q_j for every sentence i, the diagonal (j = i) included."""
        bag = self.bag
        per_group = np.bincount(self.group, weights=values * q[bag.sent], minlength=self.n_groups)
        spread = np.bincount(self.a, weights=self.w * per_group[self.b], minlength=self.n_groups)
        return np.bincount(bag.sent, weights=values * spread[self.group], minlength=bag.n)

    def diagonal(self, values: np.ndarray) -> np.ndarray:
        """W_ii, a sentence's overlap with itself (with its bucket's length, as ``apply`` uses)."""
        bag = self.bag
        self_weight = np.zeros(self.n_groups)
        same = self.a == self.b
        self_weight[self.a[same]] = self.w[same]
        return np.bincount(bag.sent, weights=values**2 * self_weight[self.group], minlength=bag.n)


def _group_pairs(
    group_term: np.ndarray, group_log: np.ndarray, zero_norm: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (a, b) pair of groups of the same term, with weight 1 / (log L_a + log L_b)."""
    size = len(group_term)
    if not size:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    starts = np.flatnonzero(np.r_[True, group_term[1:] != group_term[:-1]])
    per_term = np.diff(np.r_[starts, size])
    term_index = np.repeat(np.arange(len(starts)), per_term)
    partners = per_term[term_index]
    a = np.repeat(np.arange(size), partners)
    offset = np.arange(len(a)) - np.repeat(np.cumsum(partners) - partners, partners)
    b = starts[term_index[a]] + offset
    norm = group_log[a] + group_log[b]
    tiny = np.isclose(norm, 0.0)
    w = np.where(tiny, zero_norm, 1.0 / np.where(tiny, 1.0, norm))
    return a, b, w
