"""The summarizers on hostile text: work that grows linearly, not with the square of the sentences.

Each family (a small vocabulary, heading lines, CSV rows, zero-width and bidi
marks) used to take minutes at 1 MB because every pair of sentences sharing a
common word was visited. The checks count the work (pairs of groups, pairs of
sentences) against the size of the text; the one time bound is generous (the
old code took minutes on these inputs, the new one well under a second).
"""

from __future__ import annotations

import random
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.summarize import ALGORITHMS, graph, source_of, summarize
from reader.summarize.bag import Bag

SIZE = 64_000
WORDS = "the cat sat on a mat and dog ran to big red house with blue door".split()


def small_vocabulary(size: int) -> str:
    rng = random.Random(1)
    out, n = [], 0
    while n < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + ". "
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
        n += len(out[-1])
    return "".join(out)[:size]


def heading_lines(size: int) -> str:
    lines = [f"{k}. The {WORDS[k % len(WORDS)]} part of the report" for k in range(1, size // 20)]
    return "\n\n".join(lines)[:size]


def csv_rows(size: int) -> str:
    rng = random.Random(2)
    rows = ["id,name,city,amount"]
    while sum(len(r) + 1 for r in rows) < size:
        rows.append(f"{len(rows)},name{rng.randint(1, 50)},city{rng.randint(1, 20)},{rng.randint(1, 999)}")
    return "\n".join(rows)[:size]


def invisible_marks(size: int) -> str:
    rng = random.Random(3)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    out, n = [], 0
    while n < size:
        chosen = [w[:2] + "\u200b" + w[2:] + ("\u200f" if rng.random() < 0.3 else "") for w in rng.sample(words, 6)]
        out.append("\u202b" + " ".join(chosen).capitalize() + ".\u202c ")
        n += len(out[-1])
    return "".join(out)[:size]


FAMILIES = {
    "small vocabulary": small_vocabulary,
    "heading lines": heading_lines,
    "csv rows": csv_rows,
    "invisible marks": invisible_marks,
}


def dense_overlap(rows: list[list[int]], zero_norm: float) -> np.ndarray:
    """W_ij = Σ_t c_it·c_jt / (log L_i + log L_j), the definition, pair by pair."""
    n = len(rows)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            shared = sum(rows[i].count(t) * rows[j].count(t) for t in set(rows[i]) & set(rows[j]))
            if not shared:
                continue
            norm = np.log(len(rows[i])) + np.log(len(rows[j]))
            w[i, j] = shared * zero_norm if np.isclose(norm, 0.0) else shared / norm
    return w


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 6), min_size=0, max_size=12), min_size=1, max_size=15),
    st.sampled_from([0.0, 1.0]),
)
def test_grouped_overlap_equals_the_pairwise_definition(rows, zero_norm):
    bag = Bag.from_rows(rows, 7)
    grouped = bag.grouped(zero_norm)
    q = np.random.default_rng(len(rows)).random(len(rows))
    dense = dense_overlap(rows, zero_norm)
    assert np.allclose(grouped.apply(bag.count, q), dense @ q)
    assert np.allclose(grouped.diagonal(bag.count), np.diag(dense))


def test_long_sentences_share_length_buckets_within_two_percent():
    rows = [[0] * length for length in (70, 71, 300, 1000, 5000)] + [[0, 1]]
    bag = Bag.from_rows(rows, 2)
    exact = dense_overlap(rows, 0.0) @ np.ones(len(rows))
    assert np.allclose(bag.grouped(0.0).apply(bag.count, np.ones(len(rows))), exact, rtol=0.02)


def test_lexrank_leaves_out_the_commonest_terms_only_past_its_pair_budget():
    df = np.array([1, 5, 100, 3, 1000])
    assert graph._rarer_terms(df, budget=1e9).all()
    kept = graph._rarer_terms(df, budget=6_000)
    assert kept.tolist() == [True, True, True, True, False]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_summarizer_does_linear_work_on_hostile_text(family, monkeypatch):
    visited = [0]
    pairs = Bag.pairs

    def counted(self, *args, **kwargs):
        for block in pairs(self, *args, **kwargs):
            visited[0] += len(block[0])
            yield block

    monkeypatch.setattr(Bag, "pairs", counted)
    monkeypatch.setattr(graph, "PAIR_FLOOR", 10_000)  # small, so the bound is what is tested at 64 KB
    a = analyze(document_from_bytes(family, FAMILIES[family](SIZE).encode()), summary=False, participants=False)
    indexes = list(range(len(a.sentences)))
    bag = source_of(a, indexes).bag
    if len(bag.term):
        # pairs of (term, length) groups: at most a few hundred per entry, however common the words
        assert len(bag.grouped(0.0).a) <= 300 * len(bag.term) + 1000
    start = time.perf_counter()
    for name in ALGORITHMS:
        summary = summarize(a, name)
        assert sorted(r.sentence for r in summary.ranking) == indexes
    # sentence pairs (LexRank's cosines): within its budget, linear in the entries
    assert visited[0] <= 10_000 + graph.PAIRS_PER_ENTRY * len(bag.term)
    # generous: these took minutes before the sentence-pair work was bounded; now about a second
    assert time.perf_counter() - start < 60
