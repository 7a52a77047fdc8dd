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

    def _block(self, first, a, b, partners, position, posting_sent, posting_value, values, summed):
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
