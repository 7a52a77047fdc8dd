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
