"""Summaries of manuals open with what the thing is, never with code, signatures or licence text."""

from __future__ import annotations

from reader.analysis import analyze
from reader.model import Block, Document, Emphasis
from reader.summarize.manual import code_shares

FUNCTIONS = "".join(
    f"int asn1_read_{n} (asn1_node root, const char * name, void * ivalue, int * len);\n\n"
    f"root: pointer to a structure name: the name of the element ivalue: the value len: the number of bytes.\n\n"
    f"The function asn1_read_{n}() reads the value of the element {n} of the structure in the tree.\n\n"
    for n in range(12)
)
MANUAL = (
    "Libexample manual\n\n"
    "Permission is granted to copy, distribute and/or modify this document under the terms of the "
    "GNU Free Documentation License, Version 1.3 or any later version.\n\n"
    "1 Introduction\n\n"
    "Libexample is a library that reads and writes structures of the tree encoding. "
    "It reads a structure's definitions from a file and builds a tree of elements from them.\n\n"
    "Usage: example-decode [OPTION] DEFINITIONS ENCODED TYPE decodes the structure in the element tree.\n\n" + FUNCTIONS
)


def summary(doc: Document, n: int = 3) -> list[str]:
    analysis = analyze(doc, participants=False, length={"sentences": n})
    return [analysis.sentence_text(r.sentence) for r in analysis.summary.ranking[:n]]


def test_a_manual_summary_opens_with_what_it_is():
    top = summary(Document(source="manual.txt", text=MANUAL))
    assert top[0].startswith("Libexample is a library")


def test_signatures_parameters_usage_and_licence_are_no_summary_sentences():
    for sentence in summary(Document(source="manual.txt", text=MANUAL), 6):
        assert "asn1_node" not in sentence and "Permission is granted" not in sentence, sentence
        assert not sentence.startswith(("Usage:", "root:", "int ")), sentence


def markdown_reference() -> Document:
    parts = [
        ("heading", "Events"),
        ("paragraph", "Stability: 2 - Stable"),
        ("paragraph", "The `node:events` module lets objects emit named events that cause listeners to be called."),
    ]
    for n in range(10):
        parts += [
            ("heading", f"emitter.on{n}(eventName, listener)"),
            ("list_item", f"listener{n} {{Function}} The callback function run when the event {n} is emitted."),
            ("preformatted", f"emitter.on{n}('event', () => {{\n  console.log('event {n}');\n}});"),
            ("paragraph", f"Adds the listener function to the end of the listeners array for the event named {n}."),
        ]
    text, blocks, emphasis = "", [], []
    for kind, piece in parts:
        start = len(text)
        plain = piece.replace("`", "")
        if "`" in piece:
            a = piece.index("`")
            emphasis.append(Emphasis(start + a, start + piece.index("`", a + 1) - 1, "code"))
        text += plain + "\n\n"
        blocks.append(Block(kind, start, start + len(plain), level=2 if kind == "heading" else None))  # type: ignore[arg-type]
    return Document(source="events.md", text=text, format="markdown", blocks=tuple(blocks), emphasis=tuple(emphasis))


def test_a_reference_page_opens_with_its_module_and_not_its_parameters():
    top = summary(markdown_reference(), 4)
    assert top[0].startswith("The node:events module lets objects emit")
    assert not any(s.startswith("listener") for s in top), top


def test_code_shares_tell_code_from_prose():
    doc = Document(source="m.txt", text=MANUAL)
    analysis = analyze(doc, participants=False, summary=False)
    shares = dict(
        zip(
            (analysis.sentence_text(i) for i in range(len(analysis.sentences))),
            code_shares(analysis, list(range(len(analysis.sentences)))),
        )
    )
    prose = [v for k, v in shares.items() if k.startswith("Libexample is")]
    code = [v for k, v in shares.items() if k.startswith("int asn1_read_")]
    assert prose and max(prose) < 0.25
    assert code and min(code) >= 0.5


def test_news_without_code_is_summarized_as_before():
    text = "Rates rose again on Monday. " * 3 + "The Bank of England said inflation had slowed in May. " * 2
    doc = Document(source="n.txt", text=text)
    analysis = analyze(doc, participants=False)
    from reader.summarize import source_of

    assert source_of(analysis, list(range(len(analysis.sentences)))).code == []
