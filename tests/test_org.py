"""Org-mode read into blocks: each construct on a small text written here, and properties over random ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats import detect_format
from reader.formats.org import parse
from reader.model import Document


def read(source: str) -> Document:
    return parse(Document("notes.org", source))


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


GARDEN = """\
#+TITLE: The Allotment Year
#+AUTHOR: Ann Lee
#+STARTUP: overview
#+TODO: TODO WAIT | DONE

* Spring
  :PROPERTIES:
  :CUSTOM_ID: spring
  :END:
Sow *broad beans* in /late/ February; keep =seed.txt= and ~rake~ handy.
See [[https://example.org/sowing][the sowing chart]] and [[#summer][the summer list]].[fn:1]

** TODO [#A] Call Ann about the shed :work:phone:
   SCHEDULED: <2024-03-01 Fri>
   :LOGBOOK:
   - State "TODO" from "" [2024-02-01 Thu 10:00]
   :END:
** DONE Order seeds
   CLOSED: [2024-02-02 Fri 09:00]

* Summer
  :PROPERTIES:
  :CUSTOM_ID: summer
  :END:
- Water at dusk
  - Twice in a heatwave
- [X] Net the berries
- [ ] Pick the peas
1. First the beans
2. Then the peas
- Mulch :: straw or grass cuttings
  keeps the soil damp

#+BEGIN_SRC python
def water(bed):
    return bed.litres * 2
#+END_SRC

#+begin_example
rows  beds
#+end_example

: a fixed-width line
: another

#+BEGIN_QUOTE
A garden is a grand teacher.
#+END_QUOTE

#+BEGIN_NOTE
Frost can come late.
#+END_NOTE

| Crop  | Rows |
|-------+------|
| Beans | 4    |
| Peas  | 2    |

# a comment for me only
-----

[fn:1] Sow after the last frost.
"""


def test_a_page_of_every_common_construct() -> None:
    doc = read(GARDEN)
    assert doc.metadata["title"] == "The Allotment Year"
    assert doc.metadata["author"] == "Ann Lee"
    assert shown(doc, "heading") == ["Spring", "TODO Call Ann about the shed", "DONE Order seeds", "Summer"]
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2, 2, 1]
    paragraph = shown(doc, "paragraph")[0]
    assert paragraph == (
        "Sow broad beans in late February; keep seed.txt and rake handy. See the sowing chart and the summer list.[1]"
    )
    marks = {(doc.text[e.start : e.end], e.kind) for e in doc.emphasis}
    assert {("broad beans", "bold"), ("late", "italic"), ("seed.txt", "code"), ("rake", "code")} <= marks
    links = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert links["the sowing chart"] == "https://example.org/sowing"
    assert links["the summer list"] == "#summer"
    assert links["[1]"] == "#fn.1"
    assert doc.anchors["summer"] == next(b.start for b in doc.blocks if doc.text[b.start : b.end] == "Summer")
    items = [(b.depth, b.marker, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        (1, "\u2022", "Water at dusk"),
        (2, "\u2022", "Twice in a heatwave"),
        (1, "\u2611", "Net the berries"),
        (1, "\u2610", "Pick the peas"),
        (1, "1.", "First the beans"),
        (1, "2.", "Then the peas"),
        (1, None, "Mulch"),
        (1, None, "straw or grass cuttings keeps the soil damp"),
        (1, "[1]", "Sow after the last frost."),
    ]
    code = [(b.language, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "preformatted"]
    assert code == [
        ("python", "def water(bed):\n    return bed.litres * 2"),
        (None, "rows  beds"),
        (None, "a fixed-width line\nanother"),
    ]
    assert shown(doc, "block_quote") == ["A garden is a grand teacher.", "Note: Frost can come late."]
    table = next(b for b in doc.blocks if b.kind == "table")
    assert doc.text[table.start : table.end] == "Crop | Rows\nBeans | 4\nPeas | 2"
    assert table.header == 1
    for gone in (
        "#+",
        ":PROPERTIES:",
        ":END:",
        "SCHEDULED",
        "CLOSED",
        "LOGBOOK",
        "[#A]",
        ":work:",
        "a comment",
        "[[",
        "-----",
    ):
        assert gone not in doc.text


def test_keywords_from_the_todo_setting_stay_and_others_are_words() -> None:
    doc = read("#+TODO: TODO WAIT | DONE\n* WAIT Parts on order\n* NEXT is just a word here\n")
    assert shown(doc, "heading") == ["WAIT Parts on order", "NEXT is just a word here"]


def test_the_title_is_the_first_heading_without_a_title_setting() -> None:
    doc = read("Some words first.\n\n* The real subject\nMore words.\n")
    assert doc.metadata["title"] == "The real subject"


def test_the_mode_line_is_no_text() -> None:
    doc = read("Allotment notes   -*- mode: org; coding: utf-8 -*-\n\n* Beans\nTall ones.\n")
    assert shown(doc)[0] == "Allotment notes"
    assert detect_format("NOTES", b"Allotment notes   -*- mode: org -*-\n\n* Beans\nTall ones.\n") == "org"


def test_inline_footnotes_and_plain_links() -> None:
    doc = read("Compost heats up[fn::Up to 60 degrees.] fast, see https://example.org/compost.\n")
    assert shown(doc) == ["Compost heats up[1] fast, see https://example.org/compost.", "Up to 60 degrees."]
    assert [k.url for k in doc.links] == ["#fn.1", "https://example.org/compost"]


def test_markup_characters_in_ordinary_prose_stay() -> None:
    text = "Rates of 3*4 and a/b or snake_case_name and x=1 stay; 2 * 3 = 6 too.\n"
    doc = read(text)
    assert shown(doc) == [text.strip()]
    assert not doc.emphasis


def test_sniffing() -> None:
    assert detect_format("plan.org", b"just words") == "org"
    org = b"#+TITLE: Plan\n#+AUTHOR: Me\n\n* One\nA.\n* Two\nB.\n"
    assert detect_format("plan.txt", org) == "org"
    assert detect_format("plan.txt", b"* One\nA line.\n* Two\nAnother.\n") == "text"


PIECES = [
    "#+TITLE: T\n", "* Heading\n", "** TODO [#B] Sub :tag:\n", "Words and more words.\n", "*b* /i/ =v= ~c~ +s+ _u_\n",
    "- item\n", "  - deeper\n", "1. one\n", "- [ ] box\n", "- term :: text\n", "#+BEGIN_SRC sh\necho\n#+END_SRC\n",
    "#+begin_quote\nq\n#+end_quote\n", ": fixed\n", "| a | b |\n|---+---|\n| c | d |\n", ":PROPERTIES:\n:X: y\n:END:\n",
    "SCHEDULED: <2024-01-01>\n", "[[https://e.org][e]] [[x]]\n", "[fn:1] note\n", "see[fn:1]\n", "# comment\n", "\n",
    "#+BEGIN_SRC\nunclosed\n", "*unclosed /and =signs\n", "<<target>>\n", "@@html:<b>@@\n", "-----\n", ":LOGBOOK:\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_spans_are_exact_and_no_syntax_survives(pieces: list[str]) -> None:
    doc = read("".join(pieces))
    text = doc.text
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text) and text[b.start : b.end].rstrip() == text[b.start : b.end]
    for e in doc.emphasis:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end].strip()
    for k in doc.links:
        assert 0 <= k.start < k.end <= len(text)
    for b in doc.blocks:
        block = text[b.start : b.end]
        if b.kind in ("preformatted", "table") or "unclosed" in block:
            continue
        for syntax in (":PROPERTIES:", ":END:", "SCHEDULED:", "[[", "[#B]", ":tag:", "<<target>>", "@@html"):
            assert syntax not in block
        assert not block.startswith(("#+", "* ", "# "))
