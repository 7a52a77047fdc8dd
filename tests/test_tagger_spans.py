"""Letting the tagger change a rules name's bounds (``tagger.SPAN_MARGIN``, off by default): the
merge replaces only where asked, the margin reads the model's own scores on the disputed words,
and with an unreachable margin the result is the rules' spans as before."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Document
from reader.text import names, tagger

TEXT = "Columbia left Kennedy Space Center on STS-1 in April."


def candidate(words: list[names.Token], kind: str = "place") -> names.Candidate:
    return names.Candidate(tokens=words, sentence=0, initial=False, shouting=False, kind=kind)


def tokens() -> list[names.Token]:
    return names.tokenize(TEXT, 0, len(TEXT))


def pick(toks: list[names.Token], *words: str) -> list[names.Token]:
    first = next(i for i, t in enumerate(toks) if t.text == words[0])
    assert [t.text for t in toks[first : first + len(words)]] == list(words)
    return toks[first : first + len(words)]


def test_merge_keeps_the_rules_span_unless_asked():
    toks = tokens()
    rules = [candidate(pick(toks, "Kennedy", "Space", "Center", "on", "STS-1"))]
    model = [candidate(pick(toks, "Kennedy", "Space", "Center")), candidate(pick(toks, "April"), "organization")]
    kept = tagger._merge(rules, model)
    assert [c.key for c in kept] == [rules[0].key, "april"]
    replaced = tagger._merge(rules, model, lambda c, hit: hit == rules)
    assert [c.key for c in replaced] == ["kennedy space center", "april"]


def test_merge_replaces_every_rules_name_the_model_name_covers():
    toks = tokens()
    rules = [candidate(pick(toks, "Kennedy")), candidate(pick(toks, "Space", "Center"))]
    model = [candidate(pick(toks, "Kennedy", "Space", "Center"))]
    assert [c.key for c in tagger._merge(rules, model, lambda c, hit: len(hit) == 2)] == ["kennedy space center"]
    assert len(tagger._merge(rules, model, lambda c, hit: False)) == 2


def votes(doc: tagger.DocumentEvidence, toks: list[names.Token], no_name: float, name: float) -> None:
    for t in toks:
        doc.kind_votes[t.start] = [no_name, 0.0, 0.0, 0.0, 0.0, name, name]


@pytest.mark.parametrize("margin, strength, taken", [(5.0, 8.0, True), (5.0, 3.0, False), (None, 50.0, False)])
def test_the_model_must_clear_the_margin_on_every_disputed_word(monkeypatch, margin, strength, taken):
    monkeypatch.setattr(tagger, "SPAN_MARGIN", margin)
    toks = tokens()
    doc = tagger.DocumentEvidence(lower=set())
    inner = pick(toks, "Kennedy", "Space", "Center")
    votes(doc, inner, 0.0, 20.0)
    votes(doc, pick(toks, "STS-1"), strength, 0.0)  # the word the rules take and the model leaves
    rules = [candidate(pick(toks, "Kennedy", "Space", "Center", "on", "STS-1"))]
    assert tagger._clearer_span(candidate(inner), rules, doc) is taken


def test_words_the_model_did_not_score_give_no_evidence(monkeypatch):
    monkeypatch.setattr(tagger, "SPAN_MARGIN", 0.0)
    toks = tokens()
    doc = tagger.DocumentEvidence(lower=set())
    rules = [candidate(pick(toks, "Kennedy", "Space", "Center", "on"))]
    assert not tagger._clearer_span(candidate(pick(toks, "Kennedy", "Space", "Center")), rules, doc)


TEXTS = [
    TEXT + " Columbia landed at Edwards Air Force Base two days later.",
    "President Barack Obama met Prime Minister David Cameron in London. Obama said London was ready.",
    "The University of Michigan Press printed it. Michigan readers bought the book from Ann Arbor shops.",
]


def people(text: str) -> set[tuple[str, str, tuple[int, ...]]]:
    analysis = analyze(Document(source="x", text=text), summary=False)
    return {(p.name, p.kind, tuple(sorted(m.start for m in p.mentions))) for p in analysis.participants}


@pytest.mark.parametrize("text", TEXTS)
def test_an_unreachable_margin_leaves_the_rules_spans(monkeypatch, text):
    before = people(text)
    monkeypatch.setattr(tagger, "SPAN_MARGIN", 1e9)
    assert people(text) == before
