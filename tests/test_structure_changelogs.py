"""Change logs and NEWS files in plain text: each entry or release a section (reader/text/changelog.py)."""

from __future__ import annotations

from test_structure import check_invariants

from reader.analysis import analyze
from reader.formats import sniff
from reader.load import document_from_bytes
from reader.model import Analysis

DEBIAN = """\
kettle (2.1-1) unstable; urgency=medium

  * New upstream release.
  * Boil water faster by warming the element before the lid closes.
    This takes a second line to explain properly.

 -- Rosa Tanner <rosa@example.org>  Mon, 04 Mar 2024 10:00:00 +0100

kettle (2.0-3) unstable; urgency=low

  * Stop the whistle from sounding twice when the water boils over.

 -- Rosa Tanner <rosa@example.org>  Fri, 02 Feb 2024 09:30:00 +0100
"""

GNU = """\
2024-03-04  Rosa Tanner  <rosa@example.org>

\tkettle: warm the element before the lid closes
\t* element.c (warm): New function.
\t* lid.c (close): Call it.

2024-02-02  Omar Bell  <omar@example.net>

\twhistle: sound once
\t* whistle.c (sound): Return early when already sounding.
"""

OUTLINE_NEWS = """\
Kettle NEWS                                  -*- outline -*-

* Noteworthy changes in release 2.1 (2024-03-04) [stable]

** Improvements

  The element is warmed before the lid closes, so water boils sooner
  than it did before, and the kettle uses less power on each boil
  because it no longer heats an empty chamber first.

** Bug fixes

  The whistle no longer sounds twice when the water boils over, and
  it stays quiet when the kettle is lifted from its base before the
  water has come to the boil.

* Noteworthy changes in release 2.0 (2024-01-10) [stable]

** New features

  A timer switches the kettle off after ten minutes, so a kettle
  left on by mistake does not boil dry while nobody is in the room
  to hear the whistle.
"""

RELEASE_NEWS = """\
Kettle NEWS
  History of the changes users can see.

\f
Version 2.1 (4 Mar 2024)

* The element is warmed before the lid closes, so the water boils sooner
  than it did in every earlier release of the kettle.

\f
Version 2.0 (10 Jan 2024)

* A timer switches the kettle off after ten minutes of boiling.
"""


def read(name: str, text: str) -> Analysis:
    a = analyze(document_from_bytes(name, text.encode()))
    check_invariants(a)
    return a


def headings(a: Analysis) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in a.sections if s.kind == "heading"]


def sentences(a: Analysis) -> list[str]:
    return [a.sentence_text(i) for i in range(len(a.sentences))]


def test_a_debian_changelog_has_an_entry_a_section_and_its_trailers_are_no_sentences():
    a = read("changelog.Debian", DEBIAN)
    assert a.title == "kettle: Debian changelog"
    assert [t for _, t in headings(a)] == [
        "kettle (2.1-1) unstable; urgency=medium",
        "kettle (2.0-3) unstable; urgency=low",
    ]
    assert not any("Rosa Tanner" in s for s in sentences(a)), sentences(a)
    assert any("Stop the whistle" in s for s in sentences(a))


def test_a_gnu_changelog_has_an_entry_a_section_titled_by_date_and_author():
    a = read("ChangeLog", GNU)
    assert a.title == "ChangeLog"
    assert [t for _, t in headings(a)] == ["2024-03-04 Rosa Tanner", "2024-02-02 Omar Bell"]
    assert not any("@" in s for s in sentences(a))


def test_an_outline_news_file_nests_its_starred_headings_and_drops_the_mode_line():
    a = read("NEWS", OUTLINE_NEWS)
    assert a.title == "Kettle NEWS"
    found = [(level, title) for level, title in headings(a) if title != "Kettle NEWS"]
    releases = [level for level, title in found if title.startswith("Noteworthy")]
    parts = [level for level, title in found if not title.startswith("Noteworthy")]
    assert len(releases) == 2 and len(parts) == 3
    assert max(releases) < min(parts)


def test_release_lines_after_form_feeds_are_headings_not_running_headers():
    a = read("NEWS", RELEASE_NEWS)
    assert a.title == "Kettle NEWS"
    titles = [t for _, t in headings(a)]
    assert "Version 2.1 (4 Mar 2024)" in titles and "Version 2.0 (10 Jan 2024)" in titles


def test_a_running_header_repeated_after_each_form_feed_is_still_furniture():
    page = "The kettle manual goes on with a long paragraph of text about boiling water safely.\n\n"
    text = "".join(f"{page}\f\nKettle Manual                      March 2024\n\n" for _ in range(3)) + page
    a = read("manual.txt", text)
    assert not any("March 2024" in s for s in sentences(a))
    assert not any("March 2024" in t for _, t in headings(a))


def test_prose_naming_releases_is_not_a_release_heading():
    text = (
        "The kettle has changed a great deal over the years and its makers keep notes.\n\n"
        "Version 2.0 of the kettle added a timer that many owners had asked for since the start.\n\n"
        "Release 1.0 was sold in a single colour and without any timer at all, as owners recall.\n"
    )
    assert headings(read("notes.txt", text)) == []


def test_a_wrapped_line_opening_with_a_number_sign_does_not_make_markdown():
    text = "Comments in the map file are introduced with a\n# sign and run to the end of the line.\n"
    assert sniff(text.encode()) is None
    assert sniff(b"# Kettle\n\nA kettle that boils water.\n") == "markdown"


GIT_LOG = """\
commit 3f2a9c1d0b7e6a5f4c3b2a1908f7e6d5c4b3a291
Author: Rosa Tanner <rosa@example.org>
Date:   Mon Mar 4 10:00:00 2024 +0100

    Warm the element before the lid closes

    The water now boils a little sooner on every kettle we tried.

commit 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b
Author: Omar Bell <omar@example.net>
Date:   Fri Feb 2 09:30:00 2024 +0100

    Sound the whistle only once
"""

VERSIONS = """\
2.1
- Warm the element before the lid closes (Rosa Tanner)
- Stop the whistle from sounding twice

2.0: 10 January 2024
- Add a timer that switches the kettle off after ten minutes
"""


def test_git_log_output_has_a_commit_a_section_titled_by_its_subject():
    a = read("ChangeLog", GIT_LOG)
    assert a.title == "ChangeLog"
    assert [t for _, t in headings(a)] == ["Warm the element before the lid closes", "Sound the whistle only once"]
    assert not any("Author:" in s or "Date:" in s for s in sentences(a))


def test_bare_version_lines_head_their_entries_and_the_file_name_is_the_title():
    a = read("changelog.gz", VERSIONS)
    assert a.title == "changelog"
    assert [t for _, t in headings(a)] == ["2.1", "2.0: 10 January 2024"]


def test_gnu_entries_without_an_address_and_an_indented_first_line():
    text = "   * Older entries are kept elsewhere.\n\n" + GNU.replace("  <rosa@example.org>", "").replace(
        "  <omar@example.net>", ""
    )
    a = read("ChangeLog", text + "2024-01-01  Rosa Tanner\n\n\t* kettle.c: New file.\n")
    assert a.title == "ChangeLog"
    assert "2024-02-02 Omar Bell" in [t for _, t in headings(a)]


LICENCE = """\
                      KETTLE PUBLIC LICENCE
                     Version 2, 4 March 2024
                  https://kettle.example.org/licence

  Everyone may copy and share this licence, but nobody may change it.

                            Preamble

  This licence lets anyone boil water with the kettle's design, and asks
only that the design stays open for the next person who wants to use it.

  1. Definitions.

  "The Design" means the drawings and notes that describe the kettle, in
whatever form they are kept or shared between people.
"""


def test_a_licence_titled_in_centred_lines_is_one_titled_document():
    a = read("KPL-2", LICENCE)
    assert a.title == "KETTLE PUBLIC LICENCE, Version 2, 4 March 2024"
    assert not any("https://" in s or "4 March 2024" in s for s in sentences(a)), sentences(a)
    assert any(s.startswith("This licence lets anyone boil water") for s in sentences(a))


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Kettle Tools
Source: https://kettle.example.org/

Files: *
Copyright: 2020-2024 Rosa Tanner
           2021 Omar Bell
License: KPL-2

Files: debian/*
Copyright: 2024 Ada Quill <ada@example.org>
License: KPL-2

License: KPL-2
 Anyone may boil water with this design and share the drawings with
 anyone else, as long as the drawings stay open.
 .
 The design comes with no promise that the water will ever boil.
"""


def test_a_debian_copyright_file_reads_as_stanzas_not_as_a_transcript():
    a = read("copyright", COPYRIGHT)
    assert a.document.format == "text"
    assert a.title == "Kettle Tools copyright"
    assert [t for _, t in headings(a)] == ["License: KPL-2"]
    front = [s.title for s in a.sections if s.kind == "front"]
    assert "Files: *" in front and "Files: debian/*" in front
    said = sentences(a)
    assert any(s.startswith("Anyone may boil water") for s in said)
    assert any(s.startswith("The design comes with no promise") for s in said)
    assert not any("Rosa Tanner" in s or s.strip() == "." for s in said), said


METADATA = """\
Metadata-Version: 2.1
Name: kettle
Version: 2.1
Summary: Boil water from Python.
Classifier: Programming Language :: Python :: 3
Requires-Dist: requests>=2.0
Description-Content-Type: text/markdown

# Kettle for Python

Kettle lets a program boil water and wait for the whistle, whatever kettle sits on the counter.

## Installation

Install it with pip, then plug the kettle in and call the boil function from any thread you like.
"""


def test_python_package_metadata_is_front_matter_over_its_description():
    a = read("METADATA", METADATA)
    assert a.document.format == "text"
    assert a.title == "kettle: Boil water from Python."
    assert "Installation" in [t for _, t in headings(a)]
    assert not any("Requires-Dist" in s or "Classifier" in s for s in sentences(a)), sentences(a)


def test_labelled_entries_under_release_lines_are_a_change_log_not_a_transcript():
    text = (
        "v2.1 (Mar 2024)\nperf: the element warms before the lid closes (#12, @rosa)\n"
        "bug: the whistle sounds once (#14, @omar)\nbuild: the kettle builds without a timer (#15)\n\n"
        "v2.0 (Jan 2024)\napi: a timer switches the kettle off (#9, @rosa)\nbug: the lid no longer sticks (#10)\n"
        "doc: the manual names every part (#11)\n"
    )
    a = read("CHANGELOG", text)
    assert a.document.format == "text"
    assert a.title == "CHANGELOG"
    assert [t for _, t in headings(a)] == ["v2.1 (Mar 2024)", "v2.0 (Jan 2024)"]
