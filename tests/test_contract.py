"""The whole analysis against the JSON contract (../shared/design/analysis-json.md)."""

from __future__ import annotations

import json

from conftest import SEED, corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes, load


def check_contract(doc: dict) -> None:
    text = doc["text"]
    n = len(doc["sentences"])
    assert doc["schema"] == 1 and isinstance(doc["title"], str)
    for p in doc["participants"]:
        assert p["kind"] in ("person", "organization", "place") and p["id"].startswith("p")
        mentions = {text[m["start"] : m["end"]] for m in p["mentions"]}
        assert p["mentions"] and set(p["aliases"]) <= mentions, p
    ids = {p["id"] for p in doc["participants"]}
    for q in doc["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert q["kind"] in ("direct", "reported") and (q["speaker"] is None or q["speaker"] in ids)
    summary = doc["summary"]
    ranked = [r["sentence"] for r in summary["ranking"]]
    assert sorted(ranked) == list(range(n)), "every body sentence is scored once"
    scores = [r["score"] for r in summary["ranking"]]
    assert scores == sorted(scores, reverse=True)
    assert summary["selected"] == sorted(set(summary["selected"])) and set(summary["selected"]) <= set(range(n))


def test_seed_analysis_meets_the_contract():
    a = analyze(load(str(SEED)))
    doc = json.loads(json.dumps(a.to_json()))
    check_contract(doc)
    names = {p["name"] for p in doc["participants"]}
    assert {"Natalya Gherman", "Eldor Aripov", "Vladimir Voronkov"} <= names
    assert 3 <= len(doc["summary"]["selected"]) <= 6


def test_news_article_meets_the_contract():
    path = corpus_file("bbc-news-summary/BBC News Summary/News Articles/business/001.txt")
    check_contract(analyze(load(str(path))).to_json())


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Natalya Gherman met Mr. Smith in Paris.",
                "The UN Office on Drugs and Crime (UNODC) said so.",
                "“We will go,” she said.",
                "According to him, prices rose 3.5% in the U.S.",
                "",
                "CHAPTER I",
                "Sh.Mirziyoyev stressed that it mattered.",
                "a b c",
                "!!!",
            ]
        ),
        max_size=12,
    )
)
def test_any_document_meets_the_contract(lines):
    doc = document_from_bytes("g.txt", "\n\n".join(lines).encode())
    check_contract(analyze(doc).to_json())
