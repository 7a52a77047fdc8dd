"""Participants in software documentation with little code: READMEs, INSTALL and CONTRIBUTING texts,
product names, option descriptions of manual pages, collaborator lists and specifications."""

from __future__ import annotations

from reader.analysis import analyze
from reader.model import Document
from reader.text import technical


def names(text: str, source: str = "notes.txt") -> dict[str, str]:
    """Every name and alias the participants of ``text`` are listed under, with its kind."""
    analysis = analyze(Document(source=source, text=text), summary=False)
    return {a: p.kind for p in analysis.participants for a in p.aliases}


GNU_README = """\
This is GNU Frobnicate, a tool that frobnicates text files.

GNU Frobnicate is free software. The exact terms under which you may use and
redistribute this program are detailed in the GNU General Public License, in
the file COPYING.

See the file INSTALL for compilation and installation instructions, and the
files AUTHORS and THANKS for the people who helped.

See the file NEWS for a description of major changes in this release, and
TODO for ideas on how you could help. Read the README-hacking file before
changing the code.

Frobnicate was written by Karl Berry and is maintained by Jim Meyering, with
help from the Free Software Foundation. Send bug reports to Jim Meyering.
"""

MARKDOWN_README = """\
# Widget

Widget draws widgets in the terminal. It was started by Ada Lovelace in London.

## Installation

Download a release and unpack it.

## Usage

Start it from a shell. Read CONTRIBUTING.md and SECURITY.md first.

## Contributing

Ada Lovelace reviews every change. See Contributing for the rules.

## License

Widget is released under the MIT License; see LICENSE.
"""


def test_a_readme_without_code_is_software_text():
    for text in (GNU_README, MARKDOWN_README):
        document = Document(source="x", text=text)
        assert not technical.is_manual(document)
        assert technical.is_software_text(document)


def test_news_and_fiction_are_no_software_text():
    news = (
        "NEWS in brief. The mayor of Leeds said the TODO list of the council was long. "
        "Installation of the new bridge starts in May, and the licence was granted on Monday.\n\n"
        "Usage of the old bridge fell, said Karl Berry of the council.\n"
    )
    assert not technical.is_software_text(Document(source="n.txt", text=news))


def test_project_files_and_sections_of_a_readme_name_nobody():
    found = names(GNU_README, "README")
    for wrong in ("COPYING", "INSTALL", "AUTHORS", "THANKS", "NEWS", "TODO", "README-hacking", "Public License"):
        assert wrong not in found, (wrong, found)
    assert found.get("Karl Berry") == "person" and found.get("Jim Meyering") == "person", found
    assert found.get("Free Software Foundation") == "organization", found
    found = names(MARKDOWN_README, "README.md")
    for wrong in ("Contributing", "License", "MIT License", "LICENSE", "Installation", "Usage", "CONTRIBUTING"):
        assert wrong not in found, (wrong, found)
    assert found.get("Ada Lovelace") == "person" and found.get("London") == "place", found


def test_the_same_capitals_outside_software_text_are_not_dropped_by_these_rules():
    text = "Karl Berry met the staff of NEWS Corporation in London. Karl Berry said the deal was done."
    found = names(text, "news.txt")
    assert found.get("Karl Berry") == "person" and "London" in found, found


def test_a_makers_product_line_is_no_participant():
    text = (
        "Builds for Apple Silicon and Google Cloud are ready, and the team met on Microsoft Teams. "
        "Edit the file in Visual Studio Code. Apple and Google sent engineers, and Tim Cook of Apple "
        "thanked the Google Foundation. Later Apple Silicon got faster."
    )
    found = names(text, "blog.txt")
    for wrong in ("Apple Silicon", "Google Cloud", "Microsoft Teams", "Visual Studio Code", "Visual Studio"):
        assert wrong not in found, (wrong, found)
    assert found.get("Tim Cook") == "person" and found.get("Google Foundation") == "organization", found


def test_a_known_company_opening_its_product_is_named():
    from reader.text.names import Candidate, tokenize

    text = "The site uses Google Analytics and Apple Silicon, and the Google Foundation pays."
    cands = []
    for name, kind in (
        ("Google Analytics", "person"),
        ("Apple Silicon", "person"),
        ("Google Foundation", "organization"),
    ):
        start = text.index(name)
        cands.append(Candidate(tokenize(text, start, start + len(name)), 0, False, False, kind=kind))
    kept = [(text[c.start : c.end], c.kind) for c in technical.without_products(cands)]
    assert kept == [("Google", "organization"), ("Google Foundation", "organization")], kept


MAN_PAGE = r""".TH TOOL 1 "2024" "tool 1.0" "User Commands"
.SH NAME
tool \- guard a folder
.SH DESCRIPTION
.B tool
watches a folder and answers requests for its files.
.TP
.B \-d
Deny every request from a host that is not listed.
.TP
.B \-p
Print the names of the files that were asked for.
.TP
.B \-s
Show hidden files as well.
.TP
.B \-\-format=json
json: Emit JSON lines, one a request.
.SH AUTHOR
Written by Karl Berry and Jim Meyering.
"""


def test_an_imperative_opening_an_option_description_names_nobody(tmp_path):
    from reader.load import load

    page = tmp_path / "tool.1"
    page.write_text(MAN_PAGE)
    document = load(str(page))
    assert document.format == "man"
    found = {a: p.kind for p in analyze(document, summary=False).participants for a in p.aliases}
    for wrong in ("Deny", "Print", "Show", "Emit", "Emit JSON", "JSON"):
        assert wrong not in found, (wrong, found)
    assert found.get("Karl Berry") == "person" and found.get("Jim Meyering") == "person", found


def test_an_imperative_opening_a_sentence_or_a_line_is_taken_off_a_name():
    from reader.text.names import Candidate, tokenize

    text = "Mark Hoffman wrote it. Emit JSON lines. Print Smith pages.\n1.05\tAdd META.yml\n"
    cands = []
    for name in ("Mark Hoffman", "Emit JSON", "Print Smith", "Add META"):
        start = text.index(name)
        cands.append(Candidate(tokenize(text, start, start + len(name)), 0, True, False, kind="person"))
    cands[-1].initial = False  # a line opening, after a version number
    kept = [text[c.start : c.end] for c in technical.without_instructions(text, cands, {"mark"})]
    assert kept == ["Mark Hoffman", "JSON", "Smith", "META"], kept


COLLABORATORS = """\
## Collaborators

* TimothyGu - Tiancheng "Timothy" Gu <timothygu99@example.com> (he/him)
* bob - Robert “Bob” Smith <bob@example.com>
* ann - Mary Ann “Annie” Lee <ann@example.com>

Robert Smith reviews releases, and Tiancheng Gu wrote the parser.

## Contributing

Read CONTRIBUTING.md and GOVERNANCE.md first.

## License

MIT
"""


def test_a_quoted_nickname_inside_a_name_is_one_persons_alias():
    analysis = analyze(Document(source="team.md", text=COLLABORATORS), summary=False)
    people = {p.name: p for p in analysis.participants}
    gu = [p for p in analysis.participants if 'Tiancheng "Timothy" Gu' in p.aliases]
    assert len(gu) == 1 and "Tiancheng Gu" in gu[0].aliases and gu[0].kind == "person", people
    smith = [p for p in analysis.participants if "Robert “Bob” Smith" in p.aliases]
    assert len(smith) == 1 and "Robert Smith" in smith[0].aliases, people
    lee = [p for p in analysis.participants if "Mary Ann “Annie” Lee" in p.aliases]
    assert len(lee) == 1 and lee[0].kind == "person", people  # the first names before the nickname too
    assert not {"Timothy", "Bob", "Tiancheng", "Annie"} & {a for p in analysis.participants for a in p.aliases}, people
    quoted = [COLLABORATORS[q.start : q.end] for q in analysis.quotes]
    assert not any("Timothy" in q or "Bob" in q for q in quoted), quoted


SPEC_TITLED = """\
1.  Introduction

   The client MUST send an HTTP request over TLS, and the server SHOULD answer.
   A proxy MUST NOT change the request.  Each message SHALL be logged.  The
   cache is REQUIRED.  An Http client built on the Tls library of Acme Corp
   keeps a Tls session, and the Http server reuses it.  Roy Fielding wrote the
   first draft, and Fielding later joined Adobe.  The Quic transport and the
   Http layer are described by the IETF.
"""


def test_acronyms_in_title_case_in_a_specification_are_terms():
    found = names(SPEC_TITLED, "spec.txt")
    assert not {"Http", "Tls", "Quic"} & set(found), found
    assert found.get("Roy Fielding") == "person" and found.get("IETF") == "organization", found
    assert found.get("Acme Corp") == "organization", found


def test_a_title_case_word_outside_technical_text_stays():
    text = "Tom Hanks met Ross Kemp in Leeds.  Later Ross thanked the ROSS team and Hanks."
    found = names(text, "news.txt")
    assert "Ross Kemp" in found and "Tom Hanks" in found, found


def test_questions_and_answers_are_marked_not_initials():
    faq = (
        "Frequently asked questions\n\n"
        "Q. Why is there no manual here?\nA. Santiago Vila moved it; look here.\n\n"
        "Q. After an upgrade my files are gone.\nA. After an upgrade, look in the backup; after that, ask.\n\n"
        "Q. There is a typo.\nA. Tell Santiago Vila, there is a list for that.\n"
    )
    found = names(faq, "README")
    assert not [n for n in found if n.startswith(("Q.", "A.", "Tell"))], found
    assert found.get("Santiago Vila") == "person", found
    assert technical.enumerators("Q. Why\nA. Yes\n") == {}


def test_a_maker_named_alone_in_software_text_is_an_organization():
    from reader.text.names import Candidate, tokenize

    text = "Builds run on Github and Apple hardware."
    for software, kind in ((True, "organization"), (False, "place")):
        cands = []
        for name in ("Github", "Apple"):
            start = text.index(name)
            cands.append(Candidate(tokenize(text, start, start + len(name)), 0, False, False, kind="place"))
        kinds = [c.kind for c in technical.without_products(cands, software)]
        assert kinds == [kind, kind], (software, kinds)
