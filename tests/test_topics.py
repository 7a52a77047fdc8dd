"""Topic labels: short names from a stretch's own words, never filler or number words."""

from __future__ import annotations

from reader.text import topics


def _label(text: str) -> str:
    terms = topics.content_terms(text, 0, len(text))
    return topics.label(terms, topics.frequencies([terms]), 1, topics.surface_forms(text, 0, len(text)))


def test_number_words_are_not_topic_labels():
    text = (
        "We need five hundred euros for the remote control. Five hundred is a lot, twenty percent more "
        "than the budget of twenty. The remote control case costs four euros and the battery eleven. "
        "Four million people bought a remote control last year, and the battery lasts twenty hours."
    )
    label = _label(text)
    words = {w.lower() for part in label.split(", ") for w in part.split()}
    assert not words & {"five", "hundred", "twenty", "four", "eleven", "million", "percent"}, label
    assert "remote control" in label.lower() or "battery" in label.lower()


def test_spoken_filler_is_not_a_topic_label():
    text = "Yeah yeah. Okay, hmm hmm. The budget for the new trains is late. Yeah, the trains and the budget."
    label = _label(text).lower()
    assert "yeah" not in label and "hmm" not in label and ("trains" in label or "budget" in label)


def test_a_word_pair_never_spans_punctuation():
    text = "Burkina Faso, Mali and the Niger. " * 3 + "Peace, progress and security. " * 3
    terms = topics.content_terms(text, 0, len(text))
    assert "burkina faso" in terms
    assert "faso mali" not in terms and "peace progress" not in terms
    label = _label(text)
    assert all(part.lower() in text.lower() for part in label.split(", ")), label


def test_a_lone_verb_or_adverb_is_not_a_topic_label():
    text = (
        "Prices compared badly. We compared reserves and compared gold, particularly gold reserves. "
        "Particularly the gold compared well, and reserves of gold were compared particularly often. "
        "The United Nations helped; it helped and helped again."
    )
    label = _label(text)
    parts = {part.lower() for part in label.split(", ")}
    assert not parts & {"compared", "particularly", "helped"}, label
    assert "gold" in parts or "reserves" in parts or "gold reserves" in parts
