"""Segmentation: title, sections, paragraphs, sentences, with exact offsets."""

from __future__ import annotations

import re
from collections import Counter

from conftest import SEED, corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes, load
from reader.model import Document, Paragraph
from reader.text import topics
from reader.text.structure import UNIT_WORDS, _units, segment


def check_invariants(a) -> None:
    """The contract's invariants, for any analysis."""
    text = a.text
    pos = 0
    for s in a.sections:  # sections tile the text in order
        assert s.start == pos and s.start <= s.end
        pos = s.end
    assert not a.sections or pos == len(text)
    prev = 0
    for p in a.paragraphs:
        assert prev <= p.start < p.end <= len(text)
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        prev = p.end
    prev = 0
    for s in a.sentences:
        assert prev <= s.start < s.end <= len(text)
        p = a.paragraphs[s.paragraph]
        sec = a.sections[s.section]
        assert p.start <= s.start and s.end <= p.end
        assert sec.start <= s.start and s.end <= sec.end
        assert sec.kind in ("heading", "topic")
        prev = s.end
    # Nothing lost: every non-space character of every paragraph is in exactly one sentence.
    covered = bytearray(len(text))
    for s in a.sentences:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    for p in a.paragraphs:
        for i in range(p.start, p.end):
            assert covered[i] or text[i].isspace(), (i, text[p.start : p.end])


def seed():
    return segment(load(str(SEED)))


def test_seed_title_and_sections():
    a = seed()
    assert a.title == "The UN focuses on the experience of Central Asian countries"
    kinds = [s.kind for s in a.sections]
    assert kinds[0] == "heading" and kinds[-1] == "back"
    assert a.text[a.sections[-1].start : a.sections[-1].end].strip() == "Source"
    topics = [s for s in a.sections if s.kind == "topic"]
    assert len(topics) >= 2, "the seed names no sections: reader finds topical ones"
    assert all(s.level == 2 and s.title for s in topics)
    check_invariants(a)


def test_seed_topic_labels_use_the_sections_own_words():
    a = seed()
    for s in a.sections:
        if s.kind == "topic":
            body = a.text[s.start : s.end].lower()
            assert all(word.lower() in body for word in s.title.split(", "))


def test_seed_heading_and_source_line_are_not_sentences():
    a = seed()
    texts = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert a.title not in texts and "Source" not in texts
    assert texts[0].startswith("On 25 September")
    assert texts[-1].startswith("In conclusion, the participants noted")


def test_seed_paragraphs_are_blank_line_blocks():
    a = seed()
    assert len(a.paragraphs) == 19
    assert a.text[a.paragraphs[2].start : a.paragraphs[2].end].startswith("The countries of Central Asia")


def test_markdown_atx_and_setext_nested_by_level():
    text = "# Guide\n\nIntro text here.\n\n## Install\n\nRun it.\n\nUsage\n-----\n\nType words.\n\n### Flags\n\nSome flags.\n"  # noqa: E501
    a = segment(Document("g.md", text, "markdown"))
    assert a.title == "Guide"
    assert [(s.title, s.level, s.kind) for s in a.sections] == [
        ("Guide", 1, "heading"),
        ("Install", 2, "heading"),
        ("Usage", 2, "heading"),
        ("Flags", 3, "heading"),
    ]
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == [
        "Intro text here.",
        "Run it.",
        "Type words.",
        "Some flags.",
    ]
    check_invariants(a)


def test_code_fence_hides_headings():
    text = "# Title\n\nText.\n\n```\n# not a heading\n```\n\nMore.\n"
    a = segment(Document("c.md", text, "markdown"))
    assert [s.title for s in a.sections] == ["Title"]
    check_invariants(a)


def test_wikitext_headings():
    text = " = Robert Boulter = \n \n Robert Boulter is an actor . \n \n = = Career = = \n \n He acted . \n \n = = = 2000 – 2005 = = = \n \n In 2000 he starred . \n"  # noqa: E501
    a = segment(Document("w.txt", text))
    assert [(s.title, s.level) for s in a.sections] == [("Robert Boulter", 1), ("Career", 2), ("2000 – 2005", 3)]
    check_invariants(a)


def test_hard_wrapped_lines_are_one_paragraph_and_long_lines_are_many():
    wrapped = "First line of a paragraph that wraps\nonto a second line and ends here.\n"
    a = segment(Document("w.txt", "Title\n\n" + wrapped))
    assert len(a.paragraphs) == 1
    long_lines = "\n".join(["This is one whole paragraph on a line of its own, " * 3 + "ending here."] * 3)
    b = segment(Document("u.txt", long_lines))
    assert len(b.paragraphs) == 3


def test_line_ending_a_paragraph_without_full_stop_ends_sentence():
    a = segment(Document("x.txt", "Intro.\n\nA list of things\n\nThe next paragraph starts here."))
    texts = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "A list of things" in texts


def test_pride_and_prejudice_structure():
    a = segment(load(str(corpus_file("gutenberg/pg1342-pride-and-prejudice.txt"))))
    assert a.title == "Pride and Prejudice"
    chapters = [s for s in a.sections if s.title.startswith("Chapter")]
    assert len(chapters) == 61 and chapters[0].title == "Chapter 1"
    assert a.sections[0].kind == "front" and a.sections[-1].kind == "back"
    back = a.text[a.sections[-1].start : a.sections[-1].end]
    assert "END OF THIS PROJECT GUTENBERG" in back
    assert all("Gutenberg" not in a.sentence_text(i) for i in range(len(a.sentences)))
    check_invariants(a)


def test_war_and_peace_contents_is_not_a_run_of_empty_sections():
    a = segment(load(str(corpus_file("gutenberg/pg2600-war-and-peace.txt"))))
    assert a.title == "War and Peace"
    contents = [s for s in a.sections if s.title == "Contents"]
    assert len(contents) == 1 and contents[0].kind == "front"
    books = [s for s in a.sections if s.title.startswith("BOOK ")]
    chapters = [s for s in a.sections if s.title.startswith("CHAPTER ")]
    assert len(books) == 15 and books[0].title == "BOOK ONE: 1805"
    assert len(chapters) > 300 and chapters[0].level == books[0].level + 1
    counts = [0] * len(a.sections)
    for s in a.sentences:
        counts[s.section] += 1
    assert sum(1 for s, c in zip(a.sections, counts) if s.title.startswith("CHAPTER") and c == 0) == 0
    check_invariants(a)


def test_rfc_numbered_sections_and_page_furniture():
    a = segment(load(str(corpus_file("rfc/rfc2616.txt"))))
    assert a.title == "Hypertext Transfer Protocol -- HTTP/1.1"
    titles = {s.title: s for s in a.sections}
    assert titles["14.9.3 Modifications of the Basic Expiration Mechanism"].level == 3
    assert titles["1 Introduction"].level == 1 and titles["1.1 Purpose"].level == 2
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert not any("[Page " in s or "\f" in s for s in sentences)
    assert not any(s.startswith("RFC 2616") and "June 1999" in s for s in sentences)
    check_invariants(a)


def test_empty_document():
    a = segment(document_from_bytes("e.txt", b""))
    assert a.sentences == [] and a.paragraphs == [] and a.title == "e"


_piece = st.sampled_from(list("abcXYZ .,!?\"“”'’-\t#=") + ["Mr.", "U.S.", "3.5", "\n", "CHAPTER I", "\f"])
_para = st.lists(_piece, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_para, max_size=8), st.sampled_from(["text", "markdown"]))
def test_invariants_hold_on_generated_text(paragraphs, fmt):
    text = "\n\n".join(paragraphs)
    check_invariants(segment(Document("g.txt", text, fmt)))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_invariants_hold_on_any_text(text):
    check_invariants(segment(Document("g.txt", text.replace("\r", "\n"))))


def test_invariants_hold_on_real_documents():
    for rel in ["rfc/rfc8446.txt", "gutenberg/pg2701-moby-dick.txt", "sumy-testdata/articles/svd_converges.txt"]:
        check_invariants(segment(load(str(corpus_file(rel)))))


def test_no_topic_boundary_before_a_paragraph_that_leans_back():
    a = seed()
    starts = {a.text[s.start : s.start + 20] for s in a.sections if s.kind == "topic"}
    assert not any(t.startswith(("She ", "According to")) for t in starts)
    she = a.text.index("She noted that this forum")
    mittal = a.text.index("Ashita Mittal, UNODC Regional")

    def section_of(pos):
        return next(i for i, s in enumerate(a.sections) if s.start <= pos < s.end)

    assert section_of(she) == section_of(mittal)


def test_a_wrapped_line_opening_with_a_number_stays_in_its_paragraph():
    text = (
        "Bridge works\n\n"
        "Maria Lopez said the work would start in spring in district\n"
        "1. Residents asked about noise and traffic during the work in\n"
        "district 2. The council met on Tuesday.\n\n"
        "The steps are\n1. Open the box\n2. Take the cable\n"
    )
    a = segment(Document("notes.txt", text))
    paragraphs = [text[p.start : p.end] for p in a.paragraphs]
    assert paragraphs[0].startswith("Maria Lopez") and paragraphs[0].endswith("on Tuesday.")
    assert paragraphs[1:] == ["The steps are", "1. Open the box", "2. Take the cable"]
    assert "Residents asked about noise and traffic during the work in\ndistrict 2." in [
        a.sentence_text(i) for i in range(len(a.sentences))
    ]
    check_invariants(a)


RFC_LIKE = """\
Abstract

   This document specifies a protocol for exchanging greetings.

Status of This Memo

   This is an Internet Standards Track document.

Copyright Notice

   Copyright (c) 2018 IETF Trust and the persons identified as the
   document authors.  All rights reserved.

   This document is subject to BCP 78 and the IETF Trust's Legal
   Provisions Relating to IETF Documents.

1.  Introduction

   Greetings are exchanged between peers.

7.4.  (EC)DHE Shared Secret Calculation

   The shared secret is computed from the key shares.

8.  0-RTT and Anti-Replay

   Early data can be replayed by an attacker.

10.1.1 100 Continue

   The client should continue with its request.

Appendix A.  State Machine

   This appendix gives the state machines.

A.1.  Client

   The client moves from START to WAIT_SH.

E.1.2.  Client Authentication

   A client that sends authentication data proves its identity.

Contributors

   Martin Abadi
"""


def test_rfc_headings_appendices_and_boilerplate():
    a = segment(Document("rfc.txt", RFC_LIKE))
    levels = {s.title: s.level for s in a.sections if s.kind == "heading"}
    assert levels["7.4.  (EC)DHE Shared Secret Calculation"] == 2
    assert levels["8.  0-RTT and Anti-Replay"] == 1
    assert levels["10.1.1 100 Continue"] == 3
    assert levels["Appendix A.  State Machine"] == 1 and levels["A.1.  Client"] == 2
    assert levels["E.1.2.  Client Authentication"] == 3
    assert "Abstract" in levels and "Contributors" in levels
    front = [s.title for s in a.sections if s.kind == "front"]
    assert front == ["Status of This Memo", "Copyright Notice"]
    sentences = " ".join(a.sentence_text(i) for i in range(len(a.sentences)))
    assert "BCP 78" not in sentences and "IETF Trust" not in sentences
    assert "specifies a protocol" in sentences
    check_invariants(a)


RFC_HEADER = """\


Network Working Group                                      R. Fielding
Request for Comments: 2616                                   UC Irvine
Obsoletes: 2068                                              J. Gettys
Category: Standards Track                                   Compaq/W3C
                                                             June 1999


                Hypertext Transfer Protocol -- HTTP/1.1

Abstract

   The Hypertext Transfer Protocol (HTTP) is an application-level protocol.

1 Introduction

   HTTP has been in use by the World-Wide Web since 1990.
"""


def test_rfc_header_block_is_front_matter():
    a = segment(Document("rfc.txt", RFC_HEADER))
    assert a.title == "Hypertext Transfer Protocol -- HTTP/1.1"
    assert [(s.title, s.kind) for s in a.sections] == [
        ("RFC 2616", "front"),
        ("Abstract", "heading"),
        ("1 Introduction", "heading"),
    ]
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert not any("Fielding" in s or "Category" in s or "HTTP/1.1" in s for s in sentences)
    assert sentences[0].startswith("The Hypertext Transfer Protocol")
    check_invariants(a)
    # Without the header's own lines ("Request for Comments:", "Category:"), a first block stays text.
    plain = segment(Document("memo.txt", "Working notes                              R. Fielding\n\nWe met today.\n"))
    assert not any(s.kind == "front" for s in plain.sections)


WRAPPED_RFC_HEADINGS = """\
1.  Introduction

   Greetings are exchanged between peers.

19.6.1.1.  Changes to Simplify Multi-homed Web Servers and Conserve IP
           Addresses

   The requirements that clients and servers support the Host header.

19.6.1.2.  Changes to Simplify Multi-
           homed Servers

   Servers may be multi-homed.

3.3.  Numbers
   The basic numeric data type is an unsigned byte.

4.  Lists

   1. First item of a list
      that goes on.
"""


def test_rfc_wrapped_heading_joins_only_its_own_second_line():
    a = segment(Document("rfc.txt", WRAPPED_RFC_HEADINGS))
    titles = [" ".join(s.title.split()) for s in a.sections if s.kind == "heading"]
    assert titles == [
        "1. Introduction",
        "19.6.1.1. Changes to Simplify Multi-homed Web Servers and Conserve IP Addresses",
        "19.6.1.2. Changes to Simplify Multi-homed Servers",  # a line-end hyphen joins without a space
        "3.3. Numbers",  # the indented line under it is the section's text, not its title
        "4. Lists",
    ]
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "The basic numeric data type is an unsigned byte." in sentences
    check_invariants(a)


def test_rfc_corpus_every_numbered_heading_and_appendix():
    for name in ("rfc/rfc8446.txt", "rfc/rfc2616.txt"):
        a = segment(load(str(corpus_file(name))))
        titles = {" ".join(s.title.split()) for s in a.sections if s.kind == "heading"}
        for want in (
            "7.4. (EC)DHE Shared Secret Calculation",
            "8. 0-RTT and Anti-Replay",
            "Appendix A. State Machine",
            "E.1.2. Client Authentication",
            "D.3. 0-RTT Backward Compatibility",
        ):
            assert name.endswith("2616.txt") or want in titles, want
        if name.endswith("2616.txt"):
            assert {"10.1.1 100 Continue", "3.2.2 http URL", "19.6.3 Changes from RFC 2068"} <= titles
        assert any(s.kind == "front" and s.title.startswith("Copyright Notice") for s in a.sections)
        number = name[len("rfc/rfc") : -len(".txt")]
        assert (a.sections[0].title, a.sections[0].kind) == (f"RFC {number}", "front"), "the header block"
        assert a.sections[1].kind != "topic"


def _book(chapters: int) -> str:
    contents = "\n\n".join(f"CHAPTER {n}. The Title {n}." for n in range(1, chapters + 1))
    body = "\n\n".join(
        f"CHAPTER {n}. The Title {n}.\n\nThe whale swam on through the grey sea that day, and the men "
        f"watched it. It was day {n} of the long chase."
        for n in range(1, 4)
    )
    long_title = "CHAPTER 4. Stubb and Flask kill a Right Whale; and Then Have a Talk\nover Him."
    rest = "\n\n".join(
        f"CHAPTER {n}. The Title {n}.\n\nThe crew rested and mended the sails on day {n}, while the "
        "mates kept watch over the water."
        for n in range(5, chapters + 1)
    )
    return (
        f"CONTENTS\n\nETYMOLOGY.\n\nEXTRACTS (Supplied by a Sub-Sub-Librarian).\n\n{contents}\n\nEpilogue\n\n"
        "This text is a combination of two etexts, and the proofreaders are indebted to the library\n"
        "that kept the older version.\n\n"
        "ETYMOLOGY.\n\nWHALE. Swedish and Danish hval.\n\nEXTRACTS.\n\nAnd God created great whales.\n\n"
        f"{body}\n\n{long_title}\n\nThey killed the whale and talked.\n\n"
        "HARPOONEERS AND SAILORS.\n\nThe watch sang in chorus.\n\n"
        f"{rest}\n\nEpilogue\n\nThe drama's done.\n"
    )


def test_book_chapters_at_one_level_with_front_parts():
    a = segment(Document("book.txt", _book(12)))
    chapters = [s for s in a.sections if s.title.startswith("CHAPTER")]
    assert [s.title.split(".")[0] for s in chapters] == [f"CHAPTER {n}" for n in range(1, 13)]
    assert {s.level for s in chapters} == {1}
    assert chapters[3].title.endswith("Then Have a Talk over Him.")
    front = [s.title for s in a.sections if s.kind == "front"]
    assert front == ["Contents", "Note", "ETYMOLOGY.", "EXTRACTS."]  # the transcriber's note is front matter
    assert sum(s.title == "ETYMOLOGY." for s in a.sections) == 1
    assert [s.title for s in a.sections if s.title == "Epilogue"] == ["Epilogue"]
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "And God created great whales." not in sentences
    assert "The watch sang in chorus." in sentences  # a scene's title in capitals stays text
    check_invariants(a)


def test_moby_dick_chapters_and_front_material():
    a = segment(load(str(corpus_file("gutenberg/pg2701-moby-dick.txt"))))
    chapters = [s for s in a.sections if s.title.startswith("CHAPTER")]
    assert len(chapters) == 135 and {s.level for s in chapters} == {1}
    assert sum(s.title == "ETYMOLOGY." for s in a.sections) == 1
    assert {"ETYMOLOGY.", "EXTRACTS."} <= {s.title for s in a.sections if s.kind == "front"}


def test_wikitext_articles_have_no_contents_between_them():
    text = (
        " = Robert Boulter = \n \n Robert Boulter is an English actor . \n \n = = Filmography = = \n \n"
        " = = = Film = = = \n \n = = = Television = = = \n \n = = = Theatre = = = \n \n = Du Fu = \n \n"
        " Du Fu was a Chinese poet . \n \n = = Life = = \n \n He was born in 712 . \n"
    )
    a = segment(Document("wiki.txt", text))
    assert [s.title for s in a.sections if s.kind == "front"] == []
    assert "Du Fu" in [s.title for s in a.sections if s.kind == "heading"]
    check_invariants(a)


def test_transcript_turns_are_sentences_each():
    text = (
        "Project Manager: Okay so we need to decide on the remote control\n"
        "Marketing: Yeah\n"
        "Industrial Designer: I think the buttons should be bigger because people lose them\n"
        "Grad C: mm-hmm\n"
        "Project Manager: Right. Let's move on to the budget\n"
        "and the timeline for the next meeting\n"
    )
    a = segment(Document("meeting.txt", text))
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert sentences[:4] == [
        "Project Manager: Okay so we need to decide on the remote control",
        "Marketing: Yeah",
        "Industrial Designer: I think the buttons should be bigger because people lose them",
        "Grad C: mm-hmm",
    ]
    assert sentences[4] == "Project Manager: Right."
    assert sentences[5].startswith("Let's move on") and sentences[5].endswith("next meeting")
    check_invariants(a)


NEWS = """\
Olympic swimmer wins third gold medal

By Jane Smith and Tom Brown

August 15, 2008

The swimmer won her third gold medal of the games on Friday. She beat the world record by a second.

Her coach said the result was the reward of four years of training.

— CBC.ca, August 15, 2008
"""


def test_news_headline_byline_dateline_and_closing_source_are_matter():
    a = segment(Document("news.txt", NEWS))
    assert a.title == "Olympic swimmer wins third gold medal"
    sentences = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert sentences[0].startswith("The swimmer won")
    assert not any("CBC.ca" in s or "Jane Smith" in s or s == "August 15, 2008" for s in sentences)
    assert a.sections[-1].kind == "back" and a.text[a.sections[-1].start :].startswith("— CBC.ca")
    assert [s.title for s in a.sections if s.kind == "front"] == ["By Jane Smith and Tom Brown", "August 15, 2008"]
    check_invariants(a)


def test_gutenberg_italics_are_shown_without_underscores():
    from reader.render import one_line
    from reader.text.lines import display_text

    assert display_text("“And God created great whales.” —_Genesis_.") == "“And God created great whales.” —Genesis."
    assert display_text("the _Pequod_ and\n_the white\nwhale_ sailed") == "the Pequod and\nthe white\nwhale sailed"
    for kept in ("my_var_name", "__init__", "a _ b", "_unclosed text", "snake_case_"):
        assert display_text(kept) == kept
    assert one_line("The _Pequod_\nsailed.") == "The Pequod sailed."


def test_a_compound_broken_at_a_line_end_hyphen_is_joined_for_display():
    from reader.render import one_line

    rfc = "does not include an Expect request-\n   header field, or a max-\n   stale or If-\nRange value."
    assert one_line(rfc) == "does not include an Expect request-header field, or a max-stale or If-Range value."
    assert one_line("see you to-\nmorrow") == "see you to-morrow"  # hard-wrapped Gutenberg
    # A dash standing apart, a double-hyphen dash and a number range keep their space.
    assert one_line("well -\nthen, a--\nb, 1-\n2") == "well - then, a-- b, 1- 2"
    a = segment(Document("r.txt", "The Expect request-\nheader field is sent by the client.\n"))
    assert a.sentence_text(0) == "The Expect request-\nheader field is sent by the client."  # spans stay exact


@given(st.text(alphabet="ab- \n\t", max_size=200))
def test_joining_compounds_only_drops_white_space(text):
    from reader.text.lines import join_compounds

    joined = join_compounds(text)
    assert "".join(joined.split()) == "".join(text.split())
    assert re.search(r"[ab]-[ \t]*\n[ \t]*[ab]", joined) is None  # no compound left broken


def test_topic_labels_are_noun_phrases_not_filler():
    turns = []
    for i in range(12):
        turns.append(
            f"Anna: Hmm hmm, that's that's what I want, see https://example.com/remote{i} for the remote control."
        )
        turns.append("Ben: Yeah okay, I think the remote control buttons need a bigger battery and rubber buttons.")
    a = segment(Document("talk.txt", "\n\n".join(turns)))
    labels = [s.title.lower() for s in a.sections if s.kind == "topic"]
    assert labels and all(label != "untitled" for label in labels)
    for label in labels:
        words = set(label.replace(",", " ").split())
        assert not words & {"hmm", "that's", "https", "want", "yeah", "okay", "think"}, label
    assert any("remote control" in label or "buttons" in label for label in labels)


def test_speaker_labels_of_a_transcript_are_not_topic_words():
    # Short turns: each speaker's label is more frequent than any word of what is said.
    harbour = "harbour wall stone storm quay tide boats pier".split()
    budget = "budget library roof books March invoice shelves council".split()
    turns = []
    for words in (harbour, budget):
        for i in range(40):
            speaker = ("Project Manager", "Grad B", "Marketing")[i % 3]
            turns.append(f"{speaker}: Right, the {words[i % 8]} and the {words[(i + 3) % 8]} then.")
    for gap in ("\n", "\n\n"):  # one turn a line, or turns set apart by blank lines (read as turn blocks)
        a = analyze(document_from_bytes("meeting.txt", (gap.join(turns) + "\n").encode()), summary=False)
        labels = [s.title.lower() for s in a.sections if s.kind == "topic"]
        assert labels and not any(w in label for label in labels for w in ("grad", "project", "manager", "marketing"))
    # A few labelled lines in prose ("Note: ...") are not a transcript: their words still count.
    prose = "Note: the harbour wall is old.\n\n" + "\n\n".join(f"The harbour wall {i} is long." for i in range(5))
    assert topics.speaker_words(prose, 0, len(prose)) == frozenset()


def test_a_quoted_gutenberg_start_line_is_not_a_licence_header():
    text = (
        "Notes on cleaning e-texts\n\n"
        "Most files we get carry a banner. Remove it by hand. A line such as "
        "*** START OF THE PROJECT GUTENBERG EBOOK EMMA *** marks where the book begins.\n\n"
        "Then check the chapters. Keep the title page.\n"
    )
    a = segment(Document("notes.txt", text))
    assert not any(s.kind == "front" for s in a.sections)
    assert a.text[a.sentences[0].start :].startswith("Most files we get")


def test_a_gutenberg_book_flattened_to_one_line_keeps_its_sentences():
    text = (
        "The Project Gutenberg eBook of Emma. *** START OF THE PROJECT GUTENBERG EBOOK EMMA *** "
        "Emma Woodhouse, handsome, clever, and rich, seemed to unite some of the best blessings. "
        "She had lived nearly twenty-one years in the world. *** END OF THE PROJECT GUTENBERG EBOOK EMMA ***"
    )
    a = segment(Document("emma.txt", text))
    assert any(a.sentence_text(i).startswith("She had lived") for i in range(len(a.sentences)))


def test_a_real_gutenberg_header_is_still_front_matter():
    text = (
        "The Project Gutenberg eBook of Emma\n\nThis eBook is for the use of anyone anywhere.\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***\n\n"
        "Emma Woodhouse, handsome, clever, and rich, seemed to unite some of the best blessings.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK EMMA ***\n\nLicence text here.\n"
    )
    a = segment(Document("emma.txt", text))
    assert a.sections[0].kind == "front" and a.sections[-1].kind == "back"
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == [
        "Emma Woodhouse, handsome, clever, and rich, seemed to unite some of the best blessings."
    ]


# --- the fast paths of topical segmentation give what a plain word-by-word scan gives ----------

_TOPIC_ALPHABET = st.sampled_from(list("aZé ß\n\t .,;'’-_0123") + ["word", "Word", "don't", "multi-homed", "  "])


def _plain_surface_forms(text: str, start: int, end: int) -> dict[str, str]:
    """Word by word, as the first version did: each word and each pair one space apart."""
    seen: Counter = Counter()
    prev = None
    for m in topics._WORD.finditer(text, start, end):
        seen[m.group()] += 1
        if prev is not None and prev.end() + 1 == m.start() and text[prev.end()] == " ":
            seen[f"{prev.group()} {m.group()}"] += 1
        prev = m
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for term, times in seen.items():
        if times > best.get(term.lower(), 0):
            forms[term.lower()], best[term.lower()] = term, times
    return forms


def _plain_content_terms(text: str, start: int, end: int) -> list[str]:
    terms: list[str] = []
    prev, prev_end = "", start
    for m in topics._WORD.finditer(text, start, end):
        word = m.group().lower()
        if len(word) <= 2 or word in topics.STOP_WORDS or word in topics.NOT_LABELS or topics._contraction(word):
            prev = ""
            continue
        terms.append(word)
        if prev and prev_end + 1 == m.start() and text[prev_end] == " " and text[prev_end - 1].isalpha():
            terms.append(f"{prev} {word}")
        prev, prev_end = word, m.end()
    return terms


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOPIC_ALPHABET, max_size=60).map("".join), st.integers(1, 12), st.data())
def test_topic_words_read_in_pieces_match_a_plain_scan(text, piece, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    old = topics.PIECE
    topics.PIECE = piece  # small pieces: every cut is exercised
    try:
        assert topics.surface_forms(text, start, end) == _plain_surface_forms(text, start, end)
    finally:
        topics.PIECE = old
    assert topics.content_terms(text, start, end) == _plain_content_terms(text, start, end)


@given(st.lists(st.integers(0, 30), max_size=40))
def test_topic_units_pool_short_paragraphs_as_a_running_count_does(spaces):
    text = "\n\n".join(" ".join("w" * (k + 1) for k in range(n + 1)) for n in spaces)
    paragraphs, at = [], 0
    for n in spaces:
        length = len(" ".join("w" * (k + 1) for k in range(n + 1)))
        paragraphs.append(Paragraph(at, at + length))
        at += length + 2
    firsts, pooled = [], UNIT_WORDS
    for i, p in enumerate(paragraphs):
        if pooled >= UNIT_WORDS:
            firsts.append(i)
            pooled = 0
        pooled += text.count(" ", p.start, p.end) + 1
    assert _units(text, paragraphs) == firsts


def _headings(text: str) -> list[str]:
    return [s.title for s in segment(Document("t.txt", text)).sections if s.kind == "heading"]


def test_lone_numbered_line_is_text_not_heading():
    assert _headings("A first paragraph of plain text.\n\n2. Second item\n\nA closing paragraph of text.\n") == []
    lone = "Report\n\nThe council met.\n\n1. Residents were told to stay indoors until the storm\n\nRoads shut.\n"
    assert _headings(lone) == ["Report"]
    # Numbered lines with nothing under them are a list, not sections.
    steps = "Before you start.\n\n1. Open the box\n\n2. Take out the parts\n\n3. Read the manual\n\nThen begin.\n"
    assert _headings(steps) == []


def test_numbered_headings_with_evidence_stay():
    # Title case alone is evidence; a sentence-case title needs siblings numbered in sequence.
    assert _headings("Text here.\n\n7. Shared Secret Calculation\n\nMore text.\n") == ["7. Shared Secret Calculation"]
    paper = "Intro text.\n\n1. Related work\n\nSome text.\n\n2. Our method\n\nMore.\n\n2.1 http URL\n\nEnd.\n"
    assert _headings(paper) == ["1. Related work", "2. Our method", "2.1 http URL"]
    assert _headings("Intro text.\n\n1. Related work\n\nSome text.\n") == []


SPEECH_LINES = [
    "I convey the warm greetings of the people and the Government of Burkina Faso to this Assembly today.",
    "Burkina Faso has suffered punitive sanctions, yet the people of Burkina Faso stand firm in their choice.",
    "We have many volunteers in Burkina Faso, fighting on all fronts alongside the",
    "defence and security forces, trained and guided by them in every province of the land.",
    "The people of the Sahel want peace, and they want it now, whatever others may say of it.",
    "Our partners must respect our choices; that is what sovereignty means for Burkina Faso and for us.",
    "That is how the people will achieve genuine social progress in the years that lie ahead. Burkina",
    "Faso will therefore enter into sovereign partnerships with whomever it wishes, as it sees fit.",
    "We have endured this for decades and we will not keep silent about it before this Assembly in these decades",
    "That is why we ask the international community to stand with the people of the Sahel at last.",
    "Africa is not poor; it is made poor by those who plunder its resources and then lecture its people.",
    "We call on every Member State to honour the commitments made in the Charter of the United Nations.",
    "The young people of our continent are its first wealth, and they deserve schools, work and hope.",
    "I thank the President of the General Assembly and wish every delegation fruitful work this session.",
]


def test_a_line_broken_inside_a_sentence_joins_its_paragraph():
    a = segment(Document("speech.txt", "\n".join(SPEECH_LINES) + "\n"))
    sentences = [" ".join(a.sentence_text(i).split()) for i in range(len(a.sentences))]
    assert "Burkina Faso will therefore enter into sovereign partnerships with whomever it wishes, as it sees fit." in (
        sentences
    )
    assert any(
        s.endswith(
            "alongside the defence and security forces, trained and guided by them in every province of the land."
        )
        for s in sentences
    )
    # A capitalised word the text never writes inside a sentence opens a new one ("decades" / "That").
    assert any(s.startswith("That is why we ask") for s in sentences)
    assert not any(s == "Burkina" or s.startswith("defence") for s in sentences)
    check_invariants(a)


def test_long_lines_that_often_lack_a_full_stop_stay_paragraphs():
    lines = [
        f"Item number {n} of a page whose long paragraphs end without any full stop at all here" + " ok" * 5
        for n in range(6)
    ]
    a = segment(Document("page.txt", "\n".join(lines) + "\n"))
    assert len(a.paragraphs) == 6


TITLE_PAGE = (
    "The Project Gutenberg EBook of The Long Voyage, by A. Writer\n\nTitle: The Long Voyage\n\n"
    "*** START OF THIS PROJECT GUTENBERG EBOOK THE LONG VOYAGE ***\n\n\n"
    "An Anonymous Volunteer, and David Widger\n\n\n"
    "THE LONG VOYAGE\n\nBy A. Writer\n\n"
)


def test_a_book_title_page_is_front_matter_without_a_topic_label():
    chapters = "\n\n".join(
        f"CHAPTER {n}\n\nThe ship sailed on through the grey sea that day, and the crew watched the "
        f"coast go by. It was day {n} of the voyage, and nobody spoke of home."
        for n in range(1, 7)
    )
    a = segment(Document("book.txt", TITLE_PAGE + chapters + "\n"))
    assert not [s for s in a.sections if s.kind == "topic"]
    front = [s.title for s in a.sections if s.kind == "front"]
    assert front[:3] == ["Front matter", "An Anonymous Volunteer, and David Widger", "THE LONG VOYAGE"]
    assert not any("Widger" in a.sentence_text(i) for i in range(len(a.sentences)))
    check_invariants(a)


def test_text_before_a_first_chapter_without_front_parts_stays_text():
    chapters = "\n\n".join(
        f"CHAPTER {n}\n\nThe ship sailed on through the grey sea, and the crew watched the coast." for n in range(1, 7)
    )
    a = segment(Document("book.txt", "A short note from the editor on this edition.\n\n" + chapters + "\n"))
    assert a.sentence_text(0) == "A short note from the editor on this edition."


def test_war_and_peace_front_matter_has_no_topic_label():
    a = segment(load(str(corpus_file("gutenberg/pg2600-war-and-peace.txt"))))
    first_chapter = next(i for i, s in enumerate(a.sections) if s.title.startswith("BOOK ONE"))
    assert {s.kind for s in a.sections[:first_chapter]} == {"front"}


LEAD = (
    "On Tuesday, the government announced a public process to suggest designs for a new national flag. "
    "Citizens will vote twice on the flag next year, and the first meetings take place in May."
)


def test_a_dateline_opening_the_lead_line_is_front_matter():
    a = segment(Document("news.txt", f"Country begins process to change its flag\n\nThursday, May 7, 2015 {LEAD}\n"))
    assert [s.title for s in a.sections if s.kind == "front"] == ["Thursday, May 7, 2015"]
    assert a.sentence_text(0).startswith("On Tuesday, the government")
    check_invariants(a)


def test_a_dateline_line_right_over_the_lead_is_front_matter():
    a = segment(Document("news.txt", f"Country begins process to change its flag\n\nSunday, April 12, 2015\n{LEAD}\n"))
    assert [s.title for s in a.sections if s.kind == "front"] == ["Sunday, April 12, 2015"]
    assert a.sentence_text(0).startswith("On Tuesday, the government")
    check_invariants(a)


def test_a_date_that_is_the_subject_of_the_lead_stays_in_it():
    a = segment(Document("news.txt", f"A day to remember\n\nMay 7, 2015 was the day the vote began. {LEAD}\n"))
    assert not [s for s in a.sections if s.kind == "front"]
    assert a.sentence_text(0) == "May 7, 2015 was the day the vote began."


def test_the_stretch_after_a_dateline_gets_a_topic_label():
    body = "\n\n".join(f"{LEAD} Paragraph {n} says more about the flag and the vote." for n in range(4))
    a = segment(Document("news.txt", f"Country begins process to change its flag\n\nThursday, May 7, 2015\n\n{body}\n"))
    topics_ = [s for s in a.sections if s.kind == "topic"]
    assert topics_ and all(s.title.strip() and s.title != "Untitled" for s in topics_)
    assert "flag" in topics_[0].title.lower()


def test_a_dateline_ending_the_headline_is_not_part_of_the_title():
    a = segment(Document("news.txt", f"Country begins process to change its flag Thursday, May 7, 2015\n\n{LEAD}\n"))
    assert a.title == "Country begins process to change its flag"
    assert a.sections[0].title == a.title


def test_an_interview_headline_and_a_date_heading_drop_their_dates():
    turns = "\n\n".join(
        f"Wikinews: Question {n} about the tournament?\n\nTina: Answer {n}, about the team and the game."
        for n in range(4)
    )
    dated = document_from_bytes("i.txt", f"Wikinews interviews Tina Friday, January 3, 2014\n\n{turns}\n".encode())
    assert segment(dated).title == "Wikinews interviews Tina"
    only_date = document_from_bytes("j.txt", f"Friday, January 3, 2014\n\n{LEAD}\n\n{turns}\n".encode())
    b = segment(only_date)
    assert b.title != "Friday, January 3, 2014"
    assert not [s for s in b.sections if s.kind == "heading" and "2014" in s.title]


RFC_TAIL = """\
Network Working Group                                        A. Writer
Request for Comments: 9999                                     Example
Category: Standards Track                                    June 1999

Status of this Memo

   This document specifies a protocol for the Internet community.

1.  Introduction

   The protocol moves data from one host to another host quickly.

2.  Acknowledgements

   The author thanks the working group for its careful review.

3.  Full Copyright Statement

   Copyright (C) The Internet Society (1999).  All Rights Reserved.

Acknowledgement

   Funding for the RFC Editor function is currently provided by the
   Internet Society.
"""


def test_the_rfc_editor_funding_note_is_boilerplate_but_real_acknowledgements_are_not():
    a = segment(Document("rfc.txt", RFC_TAIL))
    sentences = [" ".join(a.sentence_text(i).split()) for i in range(len(a.sentences))]
    assert not any("Funding for the RFC Editor" in s for s in sentences)
    assert "The author thanks the working group for its careful review." in sentences
    assert [s.kind for s in a.sections if s.title == "Acknowledgement"] == ["front"]
    check_invariants(a)
