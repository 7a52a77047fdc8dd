"""Perl's POD read as perldoc shows it: small pages written for these tests."""

from __future__ import annotations

import re

from conftest import check_document_spans
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format, pod
from reader.load import document_from_bytes
from reader.model import Document

PAGE = """\
=encoding utf8

=head1 NAME

Kettle::Whistle - tell when the water boils

=head1 SYNOPSIS

  use Kettle::Whistle;
  my $kettle = Kettle::Whistle->new(volume => 3);

  $kettle->wait;

=head1 DESCRIPTION

This module watches a B<kettle> and whistles once the I<water> boils.
It reads C<< $kettle->temperature >> every second; see L<Kettle::Stove>
and L</METHODS>.

=head2 METHODS

=over 4

=item new

Makes a kettle.

=item wait

=item wait TIMEOUT

Waits for the boil.

    $kettle->wait(10);

=back

=head1 AUTHOR

Mira Okafor wrote it.

=cut
"""


def read(text: str, name: str = "page.pod") -> Document:
    doc = document_from_bytes(name, text.encode("utf-8"))
    check_document_spans(doc)
    for block in doc.blocks:
        assert doc.text[block.start : block.end].strip()
    return doc


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def marked(doc: Document, kind: str) -> list[str]:
    return [doc.text[e.start : e.end] for e in doc.emphasis if e.kind == kind]


def test_headings_paragraphs_and_verbatim_code():
    doc = read(PAGE)
    assert doc.format == "pod"
    heads = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("NAME", 1), ("SYNOPSIS", 1), ("DESCRIPTION", 1), ("METHODS", 2), ("AUTHOR", 1)]
    code = shown(doc, "preformatted")
    # two verbatim paragraphs in a row are one example, dedented, the blank line between them kept
    assert code[0] == "use Kettle::Whistle;\nmy $kettle = Kettle::Whistle->new(volume => 3);\n\n$kettle->wait;"
    assert code[1] == "$kettle->wait(10);"
    assert "=head" not in doc.text and "=cut" not in doc.text and "=over" not in doc.text


def test_name_line_gives_title_and_subtitle():
    doc = read(PAGE)
    assert doc.metadata["title"] == "Kettle::Whistle"
    assert doc.metadata["subtitle"] == "Kettle::Whistle - tell when the water boils"
    assert analyze(doc, summary=False, participants=False).title == "Kettle::Whistle"


def test_formatting_codes_become_emphasis_and_links():
    doc = read(PAGE)
    assert "kettle" in marked(doc, "bold") and "water" in marked(doc, "italic")
    assert "$kettle->temperature" in marked(doc, "code")
    links = {doc.text[link.start : link.end]: link.url for link in doc.links}
    assert links["Kettle::Stove"].endswith("/pod/Kettle::Stove")
    assert links['"METHODS"'] == "#methods" and doc.anchors["methods"] < doc.text.index("Makes a kettle")
    assert not re.search(r"[BICLEFSXZ]<", doc.text)


def test_definition_items_are_tags_over_their_text():
    doc = read(PAGE)
    items = [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("new", 1, None),
        ("Makes a kettle.", 1, None),
        ("wait", 1, None),
        ("wait TIMEOUT", 1, None),
        ("Waits for the boil.", 1, None),
    ]
    # each term is bold, so a second term right under the first reads as a second tag
    assert {"new", "wait", "wait TIMEOUT"} <= set(marked(doc, "bold"))
    example = next(b for b in doc.blocks if b.kind == "preformatted" and "wait(10)" in doc.text[b.start : b.end])
    assert example.depth == 1


def test_bullets_numbers_and_nesting():
    doc = read(
        "=head1 Steps\n\n=over\n\n=item *\n\nFill it.\n\n=item * Heat it.\n\n=over\n\n=item 1.\n\nWait.\n\n"
        "=item 2\n\nPour.\n\n=back\n\n=back\n\nDone.\n"
    )
    items = [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [("Fill it.", 1, "•"), ("Heat it.", 1, "•"), ("Wait.", 2, "1."), ("Pour.", 2, "2.")]
    assert shown(doc, "paragraph") == ["Done."]


def test_a_list_is_of_the_kind_its_first_item_says():
    doc = read("=head1 Years\n\n=over\n\n=item Y2K\n\nA scare.\n\n=item 2038 problem\n\nThe next one.\n\n=back\n")
    items = [(doc.text[b.start : b.end], b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [("Y2K", None), ("A scare.", None), ("2038 problem", None), ("The next one.", None)]


def test_over_without_items_is_an_indented_block():
    doc = read("=head1 Note\n\n=over 4\n\nMind the steam.\n\n=back\n\nAfter.\n")
    quote = next(b for b in doc.blocks if b.kind == "block_quote")
    assert doc.text[quote.start : quote.end] == "Mind the steam." and quote.depth == 1


def test_regions_keep_text_and_drop_other_formats():
    doc = read(
        "=head1 Regions\n\n=begin html\n\n<p>Only for browsers</p>\n\n=end html\n\n=for comment A note to self.\n\n"
        "=for man .B nothing\n\n=for comment\nA longer note,\nover lines.\n\n"
        "=begin text\n\n  Shown as written.\n\n=end text\n\n"
        "=for text Kept too.\n\n=for text\nOn a line of its own.\n\n"
        "=begin :text\n\nRead as B<POD>.\n\n=end :text\n\nLast.\n"
    )
    assert "browsers" not in doc.text and "note to self" not in doc.text and "nothing" not in doc.text
    assert "longer note" not in doc.text
    assert shown(doc, "preformatted") == ["Shown as written.", "Kept too.", "On a line of its own."]
    assert "Read as POD." in shown(doc, "paragraph") and "POD" in marked(doc, "bold")


def test_entities_index_and_zero_codes():
    doc = read(
        "=head1 Codes\n\nE<lt>tagE<gt> costs 5 E<euro>, E<0x201E>quotedE<0x201C>, caf"
        "E<eacute> E<233> E<0351>. X<index entry>Z<>Plain S<no break> E<verbar> E<sol> E<27> E<bogus>.\n"
    )
    text = shown(doc, "paragraph")[0]
    assert text.startswith("<tag> costs 5 €, „quoted“, café é é. Plain no break | /")
    assert "index entry" not in text and "\x1b" not in text
    assert "E<27>" in text and "E<bogus>" in text  # no character (or a control one): shown as written


def test_multi_bracket_codes_and_nesting():
    doc = read("=head1 X\n\nC<< $a <=> $b >> and C<<< x >> y >>> and B<bold I<both>> and C<< I<in> code >>.\n")
    text = shown(doc, "paragraph")[0]
    assert text == "$a <=> $b and x >> y and bold both and in code."
    assert marked(doc, "code") == ["$a <=> $b", "x >> y", "in code"]
    assert "both" in marked(doc, "italic") and "bold both" in marked(doc, "bold")


def test_link_forms():
    doc = read(
        '=head1 Links\n\nL<perlfunc>, L<perlfunc/open>, L<perlsyn/"For Loops">, L<text here|Some::Module>, '
        'L</"Links">, L<ls(1)>, L<https://example.org/a>, L<the site|https://example.org/b>, L</Nowhere>.\n'
    )
    text = shown(doc, "paragraph")[0]
    assert text == (
        'perlfunc, "open" in perlfunc, "For Loops" in perlsyn, text here, "Links", ls(1), '
        'https://example.org/a, the site, "Nowhere".'
    )
    links = {doc.text[link.start : link.end]: link.url for link in doc.links}
    assert links['"Links"'] == "#links" and links["the site"] == "https://example.org/b"
    assert links["https://example.org/a"] == "https://example.org/a"
    assert "ls(1)" not in links and '"Nowhere"' not in links  # a man page, a section the page lacks


def test_only_pod_of_a_module_is_read():
    source = (
        "package Tea::Pot;\nuse strict;\n# pours tea\n\nsub pour { 1 }\n\n=head1 NAME\n\nTea::Pot - pour tea\n\n"
        "=cut\n\nsub brew {\n  return 2;\n}\n\n=head2 brew\n\nBrews it.\n\n=cut\n\n1;\n"
    )
    doc = read(source, "Pot.pm")
    assert doc.format == "pod" and doc.metadata["title"] == "Tea::Pot"
    assert "sub " not in doc.text and "use strict" not in doc.text and "Brews it." in doc.text
    plain = read("package Tea::Cup;\n# a cup\n\n# of tea\nsub fill { 1 }\n1;\n", "Cup.pm")
    assert plain.format == "text" and not plain.blocks


def test_encoding_line_decodes_latin1_bytes():
    data = "=encoding iso-8859-1\n\n=head1 NAME\n\nCaf\xe9 - un caf\xe9 cr\xe8me\n".encode("latin-1")
    doc = document_from_bytes("cafe.pod", data)
    assert doc.metadata["subtitle"] == "Café - un café crème"


def test_sniffed_only_when_unmistakable():
    assert detect_format("page", PAGE.encode()) == "pod"
    assert detect_format("notes.txt", PAGE.encode()) == "pod"
    script = "#!/usr/bin/perl\nuse strict;\n" + "print 1;\n" * 300 + "\n" + PAGE
    assert detect_format("tool", script.encode()) == "pod"
    prose = "Notes\n\nA line about =head1 in POD.\n\n=head1 is a command, and so is =cut.\n"
    markdown = "# Title\n\nText with `=head1` in it.\n\n## More\n"
    lonely = "Some text.\n\n=head1 NAME\n\nAnd nothing more.\n"
    for name, text in (("notes.txt", prose), ("readme", markdown), ("x", lonely)):
        assert detect_format(name, text.encode()) != "pod", name
    assert pod.looks_like(PAGE) and not pod.looks_like(prose)


def test_contract_holds_on_a_pod_page():
    import json

    doc = read(PAGE)
    analysis = analyze(doc)
    check_contract(json.loads(json.dumps(analysis.to_json())))


def test_summary_opens_with_name_or_description_not_synopsis():
    doc = read(PAGE)
    analysis = analyze(doc)
    assert analysis.summary is not None
    first = analysis.sentence_text(analysis.summary.ranking[0].sentence)
    assert "Kettle::Whistle - tell" in first or "watches a kettle" in first
    code = [(b.start, b.end) for b in doc.blocks if b.kind == "preformatted"]
    starts = [analysis.sentences[r.sentence].start for r in analysis.summary.ranking]
    assert not [s for s in starts if any(a <= s < b for a, b in code)]


def test_hostile_input_reads_to_the_end():
    deep = "=head1 X\n\n" + "B<I<" * 10000 + "deep" + ">>" * 10000 + " after.\n"
    doc = read(deep)
    assert shown(doc, "paragraph") == ["deep after."]
    unclosed = read("=head1 X\n\n" + "C<<< " * 5000 + "end\n")
    assert shown(unclosed, "paragraph")[0].endswith("end")
    brackets = read("=head1 X\n\n" + "a > b >> c E<" * 2000 + "\n")
    assert shown(brackets, "paragraph")
    nested = read("=head1 X\n\n" + "=over\n\n=item term\n\ntext\n\n" * 3000)
    depths = [b.depth for b in nested.blocks if b.kind == "list_item"]
    assert len(depths) == 6000 and depths[:4] == [1, 1, 2, 2] and max(depths) == pod.MAX_DEPTH


CODES = st.sampled_from(["B<", "I<", "C<", "L<", "E<", "X<", "S<", "C<< ", " >>", ">", "|", "/", '"', "<"])
WORDS = st.sampled_from(["word", " ", "Foo::Bar", "lt", "gt", "0x41", "sec tion", "=item", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(CODES, WORDS), max_size=40))
def test_spans_stay_valid_on_any_codes(pieces):
    text = "=head1 Title\n\n" + "".join(pieces) + "\n\n=over\n\n=item " + "".join(reversed(pieces)) + "\n"
    doc = read(text)
    assert doc.format == "pod"
    n = len(doc.text)
    for link in doc.links:
        assert 0 <= link.start < link.end <= n and link.url
