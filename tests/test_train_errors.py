"""The cross-validation's error breakdown (``scripts/train_names.py --errors``): each gold name
missed, of the wrong span or kind, and each spurious name, by who produced it and by its class."""

from __future__ import annotations

from scripts import evaluate_participants as ev
from scripts import train_names as tn


def gum_doc(words: list[str], mentions: list[tuple[int, int, str]]) -> ev.GumDoc:
    """One sentence of proper nouns where capitalised, heads at each mention's last word."""
    doc = ev.GumDoc("GUM_news_small", "news")
    for w in words:
        upos = "PROPN" if w[0].isupper() else "PUNCT" if not w[0].isalnum() else "NOUN"
        doc.tokens.append((w, upos, "NNP" if upos == "PROPN" else "NN", -1, True))
    for a, b, _ in mentions:  # every word of a mention points to its last word
        for k in range(a, b - 1):
            form, upos, xpos, _, space = doc.tokens[k]
            doc.tokens[k] = (form, upos, xpos, b - 1, space)
    doc.sentences = [(0, len(words))]
    doc.mentions = mentions
    return doc


WORDS = "Ada Lovelace met ( IBM ) staff in Lake Merritt near Oakland 's pier".split()
GOLD = [(0, 2, "person"), (4, 5, "organization"), (8, 10, "place"), (11, 12, "place")]


def test_outcomes_and_sources():
    doc = gum_doc(WORDS, GOLD)
    rules = {(0, 2, "person"), (4, 5, "person"), (8, 9, "person")}
    pred = {(0, 2, "person"), (4, 5, "place"), (8, 9, "person"), (6, 7, "place")}
    counts = tn.error_counts(doc, pred, rules)
    kinds = {(o, s): n for (o, s, c), n in counts.items() if c in ("person", "organization", "place")}
    assert kinds == {
        ("wrong kind", "rules span, model kind"): 1,  # IBM: the rules' span, the model's wrong kind
        ("span shorter", "rules"): 1,  # Lake Merritt cut to Lake
        ("missed", "none"): 1,  # Oakland: nothing overlaps it, the rules had nothing either
        ("spurious", "model"): 1,  # staff
    }


def test_classes_of_a_name():
    doc = gum_doc(WORDS, GOLD)
    assert tn.name_classes(doc, 0, 2, "person") == ["person", "multi word", "sentence start"]
    assert "in brackets" in tn.name_classes(doc, 4, 5, "organization")
    assert "all caps" in tn.name_classes(doc, 4, 5, "organization")
    assert tn.name_classes(doc, 11, 12, "place") == ["place", "single word", "possessive"]


def test_a_miss_the_rules_alone_found():
    doc = gum_doc(WORDS, GOLD)
    counts = tn.error_counts(doc, {(0, 2, "person")}, {(0, 2, "person"), (11, 12, "place")})
    assert counts[("missed", "none (rules alone right)", "place")] == 1


def test_without_turns_named_rules_off_for_the_run(monkeypatch):
    import pytest

    from reader.text import kinds, participants, tagger

    monkeypatch.setattr(kinds, "LOCAL_RULES", kinds.LOCAL_RULES)
    monkeypatch.setattr(kinds, "_products", kinds._products)
    monkeypatch.setattr(participants, "_clipped", participants._clipped)
    monkeypatch.setattr(tagger, "_first_names_are_people", tagger._first_names_are_people)
    tn.without(["_place_prefix", "_products", "_clipped", "_first_names_are_people"])
    assert "_place_prefix" not in [rule.__name__ for rule in kinds.LOCAL_RULES]
    assert "_road" in [rule.__name__ for rule in kinds.LOCAL_RULES]
    assert participants._clipped("Lake Merritt", None) is False
    assert tagger._first_names_are_people([]) is None
    with pytest.raises(SystemExit):
        tn.without(["_no_such_rule"])


def test_a_place_inside_a_name_found_right_is_nested():
    words = "He played for the Boston Red Sox .".split()
    doc = gum_doc(words, [(4, 7, "organization"), (4, 5, "place")])
    counts = tn.error_counts(doc, {(4, 7, "organization")}, {(4, 7, "organization")})
    assert counts[("nested", "rules", "place")] == 1
    counts = tn.error_counts(doc, {(4, 6, "organization")}, set())
    assert counts[("span longer", "model", "place")] == 1  # Boston Red: wrong for both
