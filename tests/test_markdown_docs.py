"""Markdown documentation as a reader opens it: a README's contents list and licence are matter,
GitHub alerts read as labels, reference links and entities never show as source."""

from __future__ import annotations

from test_formats import analysed, assert_contract, block_texts, section_outline, sentence_texts

README = """\
# widget

Widget builds small tools from a configuration file. It keeps each tool in one registry.

## Table of Contents

* [Installation](#installation)
* [Usage](#usage)
* [License](#license)

## Installation

Install it with the package manager of your system, then run [the setup script][setup] once.

> [!NOTE]
> The setup script needs a network connection &amp; a shell.

[setup]: https://example.org/setup "Setup"

## Usage

Run the tool with the name of a configuration file. It prints the tools it built.

## License

Permission is hereby granted, free of charge, to any person obtaining a copy of this software.
The software is provided as is, without warranty of any kind.
"""


def test_contents_list_and_licence_are_matter_not_sentences():
    a = analysed("README.md", README)
    kinds = {s.title: s.kind for s in a.sections}
    assert kinds["Table of Contents"] == "front" and kinds["License"] == "back"
    assert kinds["Installation"] == kinds["Usage"] == "heading"
    said = sentence_texts(a)
    assert not any("Permission is hereby granted" in s or "without warranty" in s for s in said)
    assert "It prints the tools it built." in said
    assert a.summary.selected and not any("warranty" in a.sentence_text(i) for i in a.summary.selected)
    assert ("Installation", 2) in section_outline(a)
    assert_contract(a)


def test_github_alert_is_a_label_and_reference_links_stay_out_of_the_text():
    a = analysed("README.md", README)
    assert "Note: The setup script needs a network connection & a shell." in block_texts(a, "block_quote")
    assert "[!NOTE]" not in a.text and "&amp;" not in a.text
    assert "[setup]" not in a.text and "https://example.org/setup" not in a.text
    assert "then run the setup script once." in a.text
    assert any(link.url == "https://example.org/setup" for link in a.document.links)
    bold = {a.text[e.start : e.end] for e in a.document.emphasis if e.kind == "bold"}
    assert "Note:" in bold


def test_a_document_that_is_all_licence_keeps_its_sentences():
    a = analysed("LICENSE.md", "# License\n\nPermission is hereby granted, free of charge, to any person.\n")
    assert sentence_texts(a) == ["Permission is hereby granted, free of charge, to any person."]


def test_ordered_list_keeps_the_delimiter_the_author_wrote():
    source = "Steps:\n\n3) Open the file.\n4) Save it.\n\nThen:\n\n1. Build it.\n   1) Run the tests first.\n"
    a = analysed("steps.md", source)
    items = [(a.text[b.start : b.end], b.marker, b.depth) for b in a.document.blocks if b.kind == "list_item"]
    assert items == [
        ("Open the file.", "3)", 1),
        ("Save it.", "4)", 1),
        ("Build it.", "1.", 1),
        ("Run the tests first.", "1)", 2),
    ]
    assert [b["marker"] for b in a.to_json()["blocks"] if b["kind"] == "list_item"] == ["3)", "4)", "1.", "1)"]
