"""The paired comparison the summary evaluations print: is a margin more than meeting-to-meeting noise?"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.evaluate_meetings import Paired, paired, paired_row


def test_a_margin_in_every_item_has_an_interval_above_zero():
    ours = [0.30, 0.25, 0.41, 0.22, 0.35, 0.28]
    theirs = [x - 0.02 for x in ours]
    p = paired(ours, theirs)
    assert p.mean == pytest.approx(0.02)
    assert (p.wins, p.losses) == (6, 0)
    assert p.low == pytest.approx(0.02) and p.high == pytest.approx(0.02)


def test_a_mean_carried_by_one_item_spans_zero():
    # ahead by 0.3 once, behind by 0.02 nine times: the mean is positive, the margin does not hold
    ours = [0.6] + [0.2] * 9
    theirs = [0.3] + [0.22] * 9
    p = paired(ours, theirs)
    assert p.mean > 0
    assert (p.wins, p.losses) == (1, 9)
    assert p.low < 0 < p.high


def test_ties_count_neither_way_and_no_items_is_no_difference():
    p = paired([0.1, 0.2, 0.3], [0.1, 0.1, 0.4])
    assert (p.wins, p.losses) == (1, 1)
    assert paired([], []) == Paired(0.0, 0, 0, 0.0, 0.0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=30))
def test_the_interval_holds_the_mean_and_is_repeatable(pairs):
    ours, theirs = [a for a, _ in pairs], [b for _, b in pairs]
    p = paired(ours, theirs, resamples=500)
    assert p.low - 1e-9 <= p.mean <= p.high + 1e-9
    assert p == paired(ours, theirs, resamples=500)
    assert p.wins + p.losses <= len(pairs)


def test_a_row_reads_as_a_markdown_table_row():
    row = paired_row("reader - lsa", "rouge1", Paired(0.006, 7, 10, -0.023, 0.039))
    assert row == "| reader - lsa | rouge1 | +0.006 | 7 / 10 | -0.023 .. +0.039 |"
