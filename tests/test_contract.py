"""The whole analysis against the JSON contract (../shared/design/analysis-json.md)."""

from __future__ import annotations

import json

from conftest import SEED, corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes, load

FORMATS = {
    "text",
    "markdown",
    "html",
    "epub",
    "pdf",
    "docx",
    "transcript",
    "subtitles",
    "man",
    "pod",
    "notebook",
    "odt",
    "info",
    "mail",
    "asciidoc",
    "org",
    "latex",
    "rst",
}
BLOCK_KINDS = {
    "paragraph",
    "heading",
    "preformatted",
    "list_item",
    "block_quote",
    "table",
    "turn",
    "image",
    "byline",
    "caption",
}
NON_PROSE = {"preformatted", "table", "image"}


def check_contract(doc: dict) -> None:
    text = doc["text"]
    n = len(doc["sentences"])
    assert doc["schema"] == 2 and isinstance(doc["title"], str)
    assert doc["format"] in FORMATS and isinstance(doc["metadata"], dict)
    assert all(isinstance(v, str) and v for v in doc["metadata"].values())
    check_spans(doc)
    for p in doc["participants"]:
        assert p["kind"] in ("person", "organization", "place") and p["id"].startswith("p")
        mentions = {text[m["start"] : m["end"]] for m in p["mentions"]}
        assert p["mentions"] and set(p["aliases"]) <= mentions, p
    ids = {p["id"] for p in doc["participants"]}
    for q in doc["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert q["kind"] in ("direct", "reported", "turn") and (q["speaker"] is None or q["speaker"] in ids)
        assert q["kind"] != "turn" or q["speaker"] in ids, "a turn always has its speaker"
    check_blocks(doc, ids)
    summary = doc["summary"]
    ranked = [r["sentence"] for r in summary["ranking"]]
    assert sorted(ranked) == list(range(n)), "every body sentence is scored once"
    scores = [r["score"] for r in summary["ranking"]]
    assert scores == sorted(scores, reverse=True)
    assert summary["selected"] == sorted(set(summary["selected"])) and set(summary["selected"]) <= set(range(n))


def check_spans(doc: dict) -> None:
    """Sections, paragraphs and sentences in order without overlap; a sentence inside its paragraph."""
    text = doc["text"]
    for key in ("sections", "paragraphs", "sentences"):
        spans = [(s["start"], s["end"]) for s in doc[key]]
        assert all(0 <= a < b <= len(text) for a, b in spans), key
        assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:])), key
    for s in doc["sentences"]:
        para, section = doc["paragraphs"][s["paragraph"]], doc["sections"][s["section"]]
        assert para["start"] <= s["start"] and s["end"] <= para["end"]
        assert section["start"] <= s["start"] and s["end"] <= section["end"]


def check_blocks(doc: dict, ids: set[str]) -> None:
    """Blocks tile the text in order; code, tables and images hold no sentence, mention or quote."""
    text, blocks = doc["text"], doc["blocks"]
    assert all(b["kind"] in BLOCK_KINDS and 0 <= b["start"] < b["end"] <= len(text) for b in blocks)
    assert all(a["end"] <= b["start"] for a, b in zip(blocks, blocks[1:]))
    assert all(("level" in b) == (b["kind"] == "heading") for b in blocks)
    assert all(b.get("speaker") in ids for b in blocks if b["kind"] == "turn" and "speaker" in b)
    closed = [(b["start"], b["end"]) for b in blocks if b["kind"] in NON_PROSE]
    spans = doc["sentences"] + doc["quotes"] + [m for p in doc["participants"] for m in p["mentions"]]
    for s in spans:
        assert all(s["end"] <= a or s["start"] >= b for a, b in closed), (s, text[s["start"] : s["end"]])
    if doc["format"] == "text":
        assert blocks == [], "plain text declares nothing: its structure is inferred"


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
