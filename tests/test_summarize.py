"""Summaries: our fast rankers against sumy's own, selection lengths, and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import SEED, corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes, load
from reader.summarize import ALGORITHMS, default_count, frequency, graph, source_of, summarize, sumy_bridge
from reader.summarize.source import Source
from reader.summarize.words import to_words

BBC = "bbc-news-summary/BBC News Summary/News Articles"


def analysis_of(path) -> object:
    return analyze(load(str(path)), summary=False, participants=False)


def source(path, limit: int | None = None) -> Source:
    a = analysis_of(path)
    indexes = list(range(len(a.sentences) if limit is None else min(limit, len(a.sentences))))
    return source_of(a, indexes)


def top(scores, k=10) -> set[int]:
    return set(np.argsort(-np.asarray(scores), kind="stable")[:k].tolist())


def same_top(ours, theirs, k=10) -> bool:
    """The same top-k set, allowing any order among sentences tied (to 1e-9) at the k-th score."""
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    if len(ours) <= k:
        return True
    a, b = top(ours, k), top(theirs, k)
    cut_a, cut_b = np.sort(ours)[::-1][k - 1], np.sort(theirs)[::-1][k - 1]
    return all(theirs[i] >= cut_b - 1e-9 for i in a) and all(ours[i] >= cut_a - 1e-9 for i in b)


def rank_correlation(a, b) -> float:
    ra = np.argsort(np.argsort(-np.asarray(a), kind="stable"))
    rb = np.argsort(np.argsort(-np.asarray(b), kind="stable"))
    return float(np.corrcoef(ra, rb)[0, 1])


FAST = {
    "lexrank": graph.lexrank,
    "textrank": graph.textrank,
    "reduction": graph.reduction,
    "lsa": frequency.lsa,
    "sumbasic": frequency.sumbasic,
}


@pytest.mark.parametrize("name", sorted(FAST))
def test_fast_rankers_agree_with_sumy_on_the_seed(name):
    s = source(SEED)
    ours, theirs = FAST[name](s), sumy_bridge.reference(s, name)
    assert same_top(ours, theirs)
    assert np.allclose(ours, theirs) or name in ("sumbasic", "lsa")


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_fast_rankers_agree_with_sumy_on_bbc(name):
    folder = corpus_file(f"{BBC}/business")
    for path in sorted(folder.glob("*.txt"))[:5]:
        s = source(path)
        assert same_top(FAST[name](s), sumy_bridge.reference(s, name)), path.name


def test_lexrank_matches_sumy_on_100kb_of_a_novel():
    text = corpus_file("gutenberg/pg1342-pride-and-prejudice.txt").read_bytes()[:100_000]
    a = analyze(document_from_bytes("pp", text), summary=False, participants=False)
    s = source_of(a, list(range(len(a.sentences))))
    assert len(s) > 500
    for name in ("lexrank", "textrank"):
        ours, theirs = FAST[name](s), sumy_bridge.reference(s, name)
        assert rank_correlation(ours, theirs) > 0.999
        assert same_top(ours, theirs)


def test_words_follow_the_treebank_tokenizer_and_sumys_filter():
    assert to_words("Mr. Smith's dog can't run--fast, U.S. said 42 times.") == [
        "Smith",
        "dog",
        "ca",
        "n't",
        "run",
        "fast",
        "said",
        "times",
    ]
    assert to_words("“I don’t know,” said Darcy.") == ["I", "don", "t", "know", "said", "Darcy"]


def test_every_body_sentence_is_ranked_once_by_every_algorithm():
    a = analysis_of(SEED)
    for name in ALGORITHMS:
        summary = summarize(a, name)
        assert sorted(r.sentence for r in summary.ranking) == list(range(len(a.sentences))), name
        scores = [r.score for r in summary.ranking]
        assert scores == sorted(scores, reverse=True), name
        assert summary.selected == sorted(summary.selected)
        assert set(summary.selected) == {r.sentence for r in summary.ranking[: len(summary.selected)]}


def test_lengths():
    a = analysis_of(SEED)
    n = len(a.sentences)
    assert len(summarize(a, sentences=2).selected) == 2
    assert len(summarize(a, ratio=0.5).selected) == round(n / 2)
    chosen = summarize(a, words=60).selected
    assert chosen and sum(len(a.sentence_text(i).split()) for i in chosen) <= 60
    assert len(summarize(a, words=1).selected) == 1
    assert len(summarize(a).selected) == default_count(n)
    assert default_count(30) < default_count(7000) <= 40
    with pytest.raises(ValueError):
        summarize(a, "nope")


def test_section_summaries_stay_inside_their_section():
    a = analysis_of(SEED)
    used = {s.section for s in a.sentences}
    assert len(used) > 1
    for index in used:
        summary = summarize(a, section=index, sentences=2)
        assert summary.ranking and all(a.sentences[r.sentence].section == index for r in summary.ranking)


def test_random_is_repeatable():
    a = analysis_of(SEED)
    assert summarize(a, "random").ranking == summarize(a, "random").ranking


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="ab cdé.\n'-", min_size=0, max_size=40), min_size=0, max_size=12))
def test_any_text_gets_a_valid_ranking(paragraphs):
    doc = document_from_bytes("x.txt", "\n\n".join(paragraphs).encode())
    a = analyze(doc, summary=False, participants=False)
    for name in ("reader", "lexrank", "textrank", "lsa", "kl", "sumbasic", "luhn"):
        summary = summarize(a, name)
        assert sorted(r.sentence for r in summary.ranking) == list(range(len(a.sentences)))
        assert all(np.isfinite(r.score) for r in summary.ranking)


def cli(*args, env=None, stdin=None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "reader", "summarize", *args],
        capture_output=True,
        text=True,
        env=environment,
        input=stdin,
    )


def test_plain_output_is_one_sentence_a_line():
    out = cli(str(SEED), "-n", "3")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert len(lines) == 3
    a = analysis_of(SEED)
    texts = [" ".join(a.sentence_text(i).split()) for i in summarize(a, sentences=3).selected]
    assert lines == texts


def test_several_documents_get_title_lines_and_a_bad_file_is_skipped(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    out = cli(str(SEED), str(tmp_path / "b.txt"), str(SEED), "-n", "1")
    assert out.returncode == 1
    assert out.stderr.startswith("reader: ") and "Traceback" not in out.stderr
    assert [line for line in out.stdout.splitlines() if line.startswith("# ")] == [
        "# The UN focuses on the experience of Central Asian countries"
    ] * 2


def test_json_carries_the_contract_summary_with_spans():
    out = cli("-", "--format", "json", "--ratio", "20%", stdin=SEED.read_text(encoding="utf-8"))
    data = json.loads(out.stdout)
    summary = data["summary"]
    text = SEED.read_text(encoding="utf-8")
    assert {"algorithm", "ranking", "selected"} <= set(summary)
    for item in summary["sentences"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert [x["sentence"] for x in summary["sentences"]] == summary["selected"]


def test_jobs_keep_path_order(tmp_path):
    for k in range(3):
        (tmp_path / f"{k}.txt").write_text(f"Title {k}\n\nFirst sentence {k} here. Second one {k} there.\n")
    out = cli(str(tmp_path), "--jobs", "2", "-n", "1")
    assert [line for line in out.stdout.splitlines() if line.startswith("# ")] == [
        "# Title 0",
        "# Title 1",
        "# Title 2",
    ]


def test_unknown_algorithm_and_bad_ratio_are_usage_errors():
    assert cli(str(SEED), "--algorithm", "nope").returncode == 2
    assert cli(str(SEED), "--ratio", "150%").returncode == 2
    listing = cli("--list-algorithms").stdout
    assert all(name in listing for name in ALGORITHMS)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), max_size=8), min_size=1, max_size=30), st.integers(1, 50))
def test_sentence_pairs_equal_the_dense_product(rows, budget):
    from reader.summarize.bag import Bag

    bag = Bag.from_rows(rows, 13)
    dense = np.zeros((len(rows), 13))
    for i, row in enumerate(rows):
        for t in row:
            dense[i, t] += 1
    expected = np.triu(dense @ dense.T)
    for summed in (True, False):
        got = np.zeros_like(expected)
        pieces = 0
        for i, j, s in bag.pairs(bag.count, budget=budget, summed=summed):
            np.add.at(got, (i, j), s)
            pieces += len(i)
        assert np.allclose(got, expected)
        if not summed:
            assert pieces == bag.pair_count()


def test_rank_order_markdown_and_section_json():
    a = analysis_of(SEED)
    summary = summarize(a, sentences=3)
    by_rank = [r.sentence for r in summary.ranking[:3]]
    out = cli(str(SEED), "-n", "3", "--order", "rank", "--format", "markdown").stdout.splitlines()
    assert out[0] == f"# {a.title}"
    assert [line for line in out if line.startswith("- ")] == [
        "- " + " ".join(a.sentence_text(i).split()) for i in by_rank
    ]
    data = json.loads(cli(str(SEED), "--sections", "--format", "json", "-n", "1").stdout)
    assert "summary" not in data and len(data["sections"]) >= 2
    for part in data["sections"]:
        assert len(part["summary"]["selected"]) == 1


def test_reference_summaries_split_into_article_sentences():
    from scripts import evaluate_summaries as ev

    article = corpus_file(f"{BBC}/business/001.txt").read_text(encoding="utf-8")
    summary = corpus_file("bbc-news-summary/BBC News Summary/Summaries/business/001.txt").read_text(encoding="utf-8")
    pieces = ev.reference_sentences(summary)
    assert len(pieces) == 8 and all(p in article for p in pieces)
    assert ev.matches(pieces, pieces) == len(pieces)
    assert ev.matches(["An unrelated sentence about cats."], pieces) == 0


def test_readability_marks_tables_and_run_ons_not_prose():
    from reader.summarize import news

    prose = "The committee met on Monday and agreed to publish its report next week."
    table = '"100" ; Section 10.1.1 | "101" ; Section 10.1.2 | "200" ; 10.2.1 | "201" ; 10.2.2'
    run_on = " ".join(["word"] * 120)
    scores = news.readability(Source([prose, table, run_on], [0, 1, 2]))
    assert scores[0] == 1.0 and scores[1] < 0.8 and scores[2] == pytest.approx(news.LONG / 120)


def test_reader_prefers_prose_on_an_rfc():
    a = analysis_of(corpus_file("rfc/rfc2616.txt"))
    for i in summarize(a, sentences=5).selected:
        tokens = a.sentence_text(i).split()
        assert len(tokens) <= 2 * 60 and sum(t[:1].isalpha() for t in tokens) > len(tokens) / 2


def test_length_prior_favours_long_turns_only_where_lengths_vary():
    from reader.summarize.news import length_prior

    even = Source(
        texts=[f"The council approved the new budget for road repairs in district {k}." for k in range(8)],
        paragraphs=list(range(8)),
    )
    assert np.allclose(length_prior(even), 1.0)
    talk = ["Yeah.", "Okay.", "Mm-hmm, right."] * 4 + [
        "So the remote control needs a bigger battery, rubber buttons and a cheaper plastic case for the market.",
        "Right, the design team should check whether the speech recognition chip fits inside the budget we set.",
    ]
    prior = length_prior(Source(texts=talk, paragraphs=list(range(len(talk)))))
    assert prior[-1] > 1.5 * prior[0]
    assert prior[-2] > 1.5 * prior[1]


def test_in_turns_a_sentence_counts_as_long_as_its_turn():
    from reader.summarize.news import length_prior

    turn = [
        "So the battery.",
        "It needs to last a full year of daily use in a living room.",
        "The rubber buttons and the cheaper plastic case also change the price for the market.",
    ]
    short = ["Yeah.", "Okay.", "Mm-hmm, right.", "Sure."] * 3
    texts = short + turn
    paragraphs = list(range(len(short))) + [len(short)] * len(turn)
    prose = length_prior(Source(texts=texts, paragraphs=paragraphs))
    talk = length_prior(Source(texts=texts, paragraphs=paragraphs, turn_share=1.0))
    first = len(short)  # "So the battery.": short alone, part of a long explanation in its turn
    assert talk[first] > 2 * prose[first]
    assert np.isclose(talk[first], talk[first + 2])  # one turn, one length
    assert np.allclose(talk[:first], prose[:first] * talk[0] / prose[0])  # one-sentence turns keep their order


def test_in_turns_the_opening_weighs_more():
    from reader.summarize.news import relevance

    texts = [
        "Today we decide the design of the remote control and its price.",
        "The remote control needs a design that people like and a fair price.",
        "I think the price of the remote control matters more than its design.",
        "The design team can show the remote control next week with a price.",
    ]
    paragraphs = list(range(len(texts)))
    prose = relevance(Source(texts=texts, paragraphs=paragraphs))
    talk = relevance(Source(texts=texts, paragraphs=paragraphs, turn_share=1.0))
    assert talk[0] / talk[-1] > prose[0] / prose[-1]


@pytest.mark.parametrize(
    ("name", "abstract", "introduction"),
    [
        ("rfc2616", "The Hypertext Transfer Protocol (HTTP) is an application-level protocol", None),
        ("rfc8446", "This document specifies version 1.3", "The primary goal of TLS is to provide a secure channel"),
    ],
)
def test_an_rfc_summary_opens_with_its_abstract_and_introduction(name, abstract, introduction):
    a = analysis_of(corpus_file(f"rfc/{name}.txt"))
    ranked = [" ".join(a.sentence_text(r.sentence).split()) for r in summarize(a).ranking[:5]]
    assert ranked[0].startswith(abstract)
    if introduction:
        assert any(t.startswith(introduction) for t in ranked)
