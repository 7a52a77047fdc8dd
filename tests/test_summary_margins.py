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


def test_meeting_parts_are_the_summarize_queries_with_the_turns_they_name(tmp_path):
    import json

    from scripts.evaluate_meetings import segments

    turns = [
        {"speaker": "Project Manager", "content": "Okay {vocalsound} let us start with the budget ."},
        {"speaker": "Marketing", "content": "The budget is twelve euros for each remote ."},
        {"speaker": "Industrial Designer", "content": "Rubber buttons cost more than plastic ones ."},
        {"speaker": "Project Manager", "content": "Then we choose plastic buttons ."},
    ]
    meeting = {
        "meeting_transcripts": turns,
        "general_query_list": [{"query": "Summarize the whole meeting.", "answer": "They set a budget."}],
        "specific_query_list": [
            {
                "query": "Summarize the discussion about buttons.",
                "answer": "Plastic.",
                "relevant_text_span": [["2", "3"]],
            },
            {"query": "What did Marketing say?", "answer": "Twelve euros.", "relevant_text_span": [["1", "1"]]},
            {"query": "summarise the budget", "answer": "Twelve.", "relevant_text_span": [["1", "1"], ["0", "0"]]},
        ],
    }
    path = tmp_path / "TS0000a.json"
    path.write_text(json.dumps(meeting), encoding="utf-8")
    parts = list(segments([path]))
    assert [reference for _, reference in parts] == ["Plastic.", "Twelve."]
    buttons, budget = (analysis.text for analysis, _ in parts)
    assert buttons.startswith("Industrial Designer: Rubber buttons") and "Then we choose plastic" in buttons
    assert "budget is twelve" not in buttons
    # spans in turn order, tags removed, no space before the full stop
    assert budget.startswith("Project Manager: Okay let us start with the budget.\n\nMarketing: The budget")
