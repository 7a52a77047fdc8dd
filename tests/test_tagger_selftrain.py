"""Self-training of the name tagger (``scripts/train_names.py --extra N``): open text is read into
documents, a teacher tags it, and only the sentences the teacher is sure of are kept."""

from __future__ import annotations

import argparse
from importlib import resources

from reader.text import tagger
from scripts import train_names as tn

WIKI = """ = Robert Boulter = \r
 \r
 Robert Boulter is an English film , television and theatre actor . He had a guest @-@ starring role .\r
 \r
 = = Career = = \r
 \r
 In 2004 Boulter landed a role in " Teddy 's Story " ( a play ) , which ran 1 @,@ 000 nights .\r
 = Nero = \r
 Nero was emperor .\r
"""

CONLLU = """# newdoc id = doc-one
# newpar id = doc-one-p1
# text = First sentence here.
1\tFirst\tfirst\tADJ\tJJ\t_\t0\troot\t_\t_

# text = Second one.
1\tSecond\tsecond\tADJ\tJJ\t_\t0\troot\t_\t_

# newpar id = doc-one-p2
# text = A new paragraph.
1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_

# newdoc id = doc-two
# text = Other document.
1\tOther\tother\tADJ\tJJ\t_\t0\troot\t_\t_
"""


def options(**changes: object) -> argparse.Namespace:
    base = {"extra": 100, "extra_min": 2, "extra_named": 1.0, "extra_spread": False, "extra_informative": False}
    return argparse.Namespace(**(base | changes))


def test_wikitext_articles_are_split_at_titles_and_detokenized():
    articles = tn._wiki_articles(WIKI)
    assert [title for title, _ in articles] == ["Robert Boulter", "Nero"]
    text = articles[0][1]
    assert "English film, television and theatre actor." in text
    assert "guest-starring role." in text
    assert "Teddy's Story" in text and "(a play)" in text and "1,000 nights" in text
    assert "\n\nCareer\n\n" in text  # a section heading stands as its own paragraph
    assert "=" not in text


def test_conllu_text_keeps_documents_and_paragraphs():
    docs = tn._conllu_documents(CONLLU)
    assert docs == [
        ("doc-one", "First sentence here. Second one.\n\nA new paragraph."),
        ("doc-two", "Other document."),
    ]


def test_outermost_spans_drop_the_ones_inside():
    spans = [(0, 30, "organization"), (14, 24, "place"), (40, 45, "person"), (40, 52, "person")]
    assert tn._outermost(spans) == [(0, 30, "organization"), (40, 52, "person")]


def teacher_examples(text: str, **changes: object) -> list[tuple[list[str], list[str]]]:
    tagger.ENABLED = False
    try:
        doc = tn.Unlabelled("x", text)
        shipped = resources.files("reader.text").joinpath(f"data/{tagger.MODEL_FILE}")
        kept = tn.pseudo_examples([doc], shipped, options(**changes))
    finally:
        tagger.ENABLED = True
    return [([t.text for t in s.tokens], tags) for s, _, tags in kept]


def test_the_teacher_keeps_recurring_names_and_drops_unsure_sentences():
    text = (
        "Yesterday Anna Petrova met Boris Ivanov in Tashkent. "
        "Later the talks went well, and Anna Petrova wrote to Boris Ivanov again. "
        "The weather was mild and the streets were quiet. "
        "Then they saw Zorblatt at the gate."
    )
    kept = teacher_examples(text)
    tagged = {" ".join(w for w, t in zip(words, tags) if t != "O") for words, tags in kept}
    assert "Anna Petrova Boris Ivanov" in tagged
    for words, tags in kept:
        at = words.index("Anna") if "Anna" in words else -1
        if at >= 0:
            assert tags[at : at + 2] == ["B-person", "I-person"]
    # 'Zorblatt': a capitalised word the teacher names nothing and the text never writes in lower case
    assert not any("Zorblatt" in words for words, _ in kept)


def test_spreading_tags_a_sure_name_the_teacher_missed():
    text = "Anna Petrova spoke. Then Anna Petrova left. Later Anna Petrova came back."
    tagger.ENABLED = False
    try:
        doc = tn.Unlabelled("x", text)
    finally:
        tagger.ENABLED = True
    s = doc.sentences[1]
    spread = tn._spread(s, [], {"Anna Petrova": "person"}, doc.analysis.text)
    assert [doc.analysis.text[a:b] for a, b, _ in spread] == ["Anna Petrova"]
    assert spread[0][2] == "person"
    first = doc.sentences[0]  # a sentence's first word is capitalised by position: never spread to
    assert tn._spread(first, [], {"Anna Petrova": "person"}, doc.analysis.text) == []
