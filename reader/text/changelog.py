"""Change logs and release notes in plain text: each entry or release a section, as a reader scans them.

Four layouts, each found by the document's own evidence, never by its file name:

- a Debian changelog: ``gzip (1.12-1) unstable; urgency=medium`` heads each entry (the first line
  of the file is one), its `` -- Name <mail>  date`` trailer is furniture, not a sentence;
- a GNU ChangeLog: ``2022-04-07  Jim Meyering  <jim@example.org>`` heads each entry (the first line
  is one, or three lines are), titled by its date and author;
- an Emacs outline NEWS (``-*- outline -*-``, or release lines starred): ``* Noteworthy changes in
  release 9.1`` over ``** Bug fixes``, a star a level;
- release lines at the left margin, two or more: ``Version 4.3 (19 Jan 2020)``, ``Changes in 2.40:``,
  ``What's new in tool 2.46.0:``, ``version 1.34 - Ann Lee, 2021-02-13``.

Only lines still unclassified (plain text) become headings, so Markdown and underlined titles stay
what the heading rules made them.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from reader.text.lines import BLANK, FRONT, FURNITURE, HEADING, TEXT, Line

if TYPE_CHECKING:
    from reader.model import Analysis

_DEBIAN = re.compile(r"[a-z0-9][a-z0-9.+~-]* \([^()\s]+\)(?: [a-z0-9/.+-]+)+; *urgency=\w+")
_TRAILER = re.compile(r" -- \S[^<\n]*<[^<>\s]+>  ?\S")
_GNU = re.compile(
    r"(?:\d{4}-\d\d-\d\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} [ \d]\d [\d:]{8} (?:[A-Z]{3,4} )?\d{4})"
    r"[ \t]+(?:(\S[^<\n]*?)[ \t]*<[^<>\s]+>|([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}))[ \t]*$"
)
_COMMIT = re.compile(r"commit [0-9a-f]{7,40}\b")
_COMMIT_FIELD = re.compile(r"(?:Author|Date|Merge|Commit|AuthorDate|CommitDate):")
_OUTLINE = re.compile(r"(\*{1,4}) +(\S[^\n]*)")
_DEP5 = re.compile(r"Format: *\S*copyright-format", re.I)
_FIELD = re.compile(r"([A-Za-z][\w-]*):(?:[ \t]|$)")
_MODE = re.compile(r"-\*-.*?-\*-")
_MODE_OUTLINE = re.compile(r"-\*-\s*(?:mode:\s*)?outline\s*-\*-", re.I)
_RELEASE = re.compile(
    r"(?:(?:noteworthy\s+)?changes\b|version\b|release\b|what'?s\s+new\b|new\s+in\b|news\s+(?:for|in)\b)"
    r"[^\n]{0,50}?\d+\.\d+[^\n]{0,40}"
    r"|v?\d+\.\d+(?:\.\d+)*(?:[-+~][\w.]+)?(?:[ \t]*(?::|-|–|\()[^\n]{0,60})?",  # "3.0.9", "1.20.7: 2012-10-26"
    re.I,
)
RELEASES = 2  # release lines a document needs before they count as its headings
GNU_ENTRIES = 3  # GNU entry lines that make a ChangeLog when its first line is none
MAX_TITLE = 80
SENTENCE_WORDS = 8


def looks_like(text: str) -> bool:
    """A change log by its first line (a Debian, GNU or git entry, a release line) and a second entry
    below it: so "perf: faster decoding" lines under "v1.5.4 (Feb 2023)" are no speakers' turns."""
    head = text.lstrip("\n")[:65536]
    first = head.split("\n", 1)[0]
    if _DEBIAN.match(first) or _GNU.match(first) or _COMMIT.match(first):
        return True
    if not _RELEASE.fullmatch(first.rstrip()) or _sentence(first):
        return False
    return sum(1 for line in head.split("\n") if _RELEASE.fullmatch(line.rstrip()) and not _sentence(line)) >= RELEASES


def mark_entries(text: str, lines: list[Line], name: str = "ChangeLog") -> tuple[str, bool]:
    """Headings for a change log's entries or a NEWS file's releases; trailers as furniture. Returns the
    title when no line of the file gives one ("gzip: Debian changelog", else ``name``, the file's),
    else "", and whether the text is a change log (its entry lines are sentences of their own)."""
    first = next((line for line in lines if line.kind != BLANK), None)
    if first is None:
        return "", False
    opening = text[first.start : first.end]
    if _DEBIAN.match(opening):
        _mark_debian(text, lines)
        return f"{opening.split(' ', 1)[0]}: Debian changelog", True
    if _DEP5.match(opening):
        return _mark_copyright(text, lines, name), False
    if opening.startswith("Metadata-Version:"):
        return _mark_metadata(text, lines, name), False
    if _GNU.match(opening) or _count(text, lines, _GNU) >= GNU_ENTRIES:
        _mark_gnu(text, lines)
    elif _COMMIT.match(opening):
        _mark_commits(text, lines)
    elif _MODE_OUTLINE.search(opening):
        _mark_outline(text, lines)
    elif _titled_releases(text, lines) >= RELEASES:
        pass  # GLib's NEWS: underlined release titles are the sections; its "* Bugs fixed:" items stay text
    elif _starred_releases(text, lines) >= RELEASES:
        _mark_outline(text, lines)
    elif _count(text, lines, _RELEASE, MAX_TITLE) >= RELEASES:
        _mark_releases(text, lines)
    else:
        return "", False
    return ("" if _title_line(text, first) else name), True


def _title_line(text: str, first: Line) -> bool:
    """The first line names the file ("GNU tar NEWS  -*- outline -*-"): its title, without Emacs' mode line."""
    if first.kind != TEXT or first.end - first.start > MAX_TITLE or not text[first.start].isalnum():
        return False  # an indented or bulleted first line is an entry's text
    title = _MODE.sub("", text[first.start : first.end]).strip()
    if title:
        _heading(first, 0, title)
    return bool(title)


def _count(text: str, lines: list[Line], pattern: re.Pattern[str], longest: int = 1000) -> int:
    return sum(1 for line in lines if _flush(text, line, longest) and pattern.fullmatch(text, line.start, line.end))


def _flush(text: str, line: Line, longest: int) -> bool:
    """A text line at the left margin, no longer than ``longest``, that is no sentence."""
    return (
        line.kind == TEXT
        and not text[line.start].isspace()
        and line.end - line.start <= longest
        and not _sentence(text[line.start : line.end])
    )


def _heading(line: Line, rank: int, title: str) -> None:
    line.kind, line.level, line.title = HEADING, rank, " ".join(title.split())


def _mark_debian(text: str, lines: list[Line]) -> None:
    for line in lines:
        if line.kind not in (TEXT, HEADING):
            continue
        if _DEBIAN.match(text, line.start, line.end):
            _heading(line, 1, text[line.start : line.end])
        elif _TRAILER.match(text, line.start, line.end):
            line.kind = FURNITURE  # who signed the entry and when: shown, never a sentence


def _mark_gnu(text: str, lines: list[Line]) -> None:
    for line in lines:
        if line.kind in (TEXT, HEADING):
            found = _GNU.match(text, line.start, line.end)
            if found:
                date = text[line.start : found.start(1) if found.group(1) is not None else found.start(2)].strip()
                _heading(line, 1, f"{date} {found.group(1) or found.group(2)}")


def _mark_commits(text: str, lines: list[Line]) -> None:
    """``git log`` output: each commit a section titled by its subject; its Author and Date lines furniture."""
    commit: Line | None = None
    for line in lines:
        if line.kind != TEXT:
            continue
        if _COMMIT.match(text, line.start, line.end):
            commit = line
            _heading(line, 1, text[line.start : line.end])
        elif commit is not None and _COMMIT_FIELD.match(text, line.start, line.end):
            line.kind = FURNITURE
        elif commit is not None:
            commit.title = " ".join(text[line.start : line.end].split())  # the subject names the commit
            commit = None


def _starred_releases(text: str, lines: list[Line]) -> int:
    return sum(
        1
        for line in lines
        if _flush(text, line, MAX_TITLE)
        and text.startswith("* ", line.start)
        and _RELEASE.search(text, line.start, line.end)
    )


def _titled_releases(text: str, lines: list[Line]) -> int:
    """Headings the heading rules found ("Overview of changes in GLib 2.74.1" over a `===` line) that name
    a release, when they are most of the document's headings."""
    titled = [line for line in lines if line.kind == HEADING]
    found = sum(1 for line in titled if _release_line(text, line.start))
    return found if 2 * found >= len(titled) else 0


def _mark_outline(text: str, lines: list[Line]) -> None:
    for line in lines:
        if _flush(text, line, MAX_TITLE):
            found = _OUTLINE.fullmatch(text, line.start, line.end)
            if found:
                _heading(line, len(found.group(1)), found.group(2))


def _mark_releases(text: str, lines: list[Line]) -> None:
    for line in lines:
        if _flush(text, line, MAX_TITLE) and _RELEASE.fullmatch(text, line.start, line.end):
            _heading(line, 1, text[line.start : line.end].rstrip(":"))


def _sentence(raw: str) -> bool:
    """A short sentence that names a release ("Version 2.0 adds a cache for every lookup.") is text."""
    return raw.rstrip().endswith(".") and len(raw.split()) > SENTENCE_WORDS


def _mark_copyright(text: str, lines: list[Line], name: str) -> str:
    """A Debian machine-readable copyright file: each ``License:`` stanza a section titled by its first
    line, its text (a lone ``.`` line between paragraphs) the prose; the header and ``Files:`` stanzas
    (who holds the copyright of which files) front matter, each titled by its first line. Returns the
    title: the Upstream-Name's copyright."""
    title = name
    opens = True  # the next line opens a stanza
    in_text = False  # inside a License stanza's text (its indented lines)
    for line in lines:
        if line.kind == BLANK:
            opens, in_text = True, False
            continue
        if line.kind != TEXT:
            continue
        raw = text[line.start : line.end]
        field = _FIELD.match(raw)
        key = field.group(1).lower() if field else ""
        if key == "upstream-name" and field:
            title = f"{raw[field.end() :].strip()} copyright"
        if opens and key == "license":
            _heading(line, 1, raw)
            in_text = True
        elif in_text and raw.strip() == ".":
            line.kind = BLANK  # the paragraph break of a field's text
        elif not (in_text and raw[:1].isspace()):
            line.kind, line.title = FRONT, " ".join(raw.split()) if opens else ""
        opens = False
    return title


def _mark_metadata(text: str, lines: list[Line], name: str) -> str:
    """A Python package's metadata (PKG-INFO, METADATA): the header fields up to the first blank line
    are front matter; the description under them is the text. Returns "Name: Summary"."""
    fields: dict[str, str] = {}
    for k, line in enumerate(lines):
        if line.kind == BLANK:
            break
        raw = text[line.start : line.end]
        field = _FIELD.match(raw)
        if field:
            fields.setdefault(field.group(1).lower(), raw[field.end() :].strip())
        line.kind, line.title = FRONT, "Metadata" if k == 0 else ""
    package = fields.get("name") or name
    summary = fields.get("summary", "")
    return f"{package}: {summary}" if summary and summary != "UNKNOWN" else package


# --- which release each sentence belongs to: summaries read the newest first ---

# "Overview of changes in GLib 2.74.6": a release named inside a longer line (never "1.1 Purpose")
_NAMED_RELEASE = re.compile(
    r"\b(?:changes|version|release|what'?s\s+new|new\s+in|news\s+(?:for|in))\b[^\n]{0,50}?\d+\.\d+", re.I
)
_NUMBERS = re.compile(r"\d{4}-\d\d-\d\d|\d+(?:\.\d+)+")


def releases(analysis: Analysis) -> list[int] | None:
    """For a change log, each sentence's release counted from the newest (0, 1, ...; sentences before the
    first release come after the oldest); None for any other document. A release is a heading whose line
    is an entry's or a release's (Debian, GNU, ``commit``, ``Version 2.1``, ``* Changes in 1.3``); the
    newest is the first, unless the versions or dates grow down the file."""
    text = analysis.text
    titled = [s for s in analysis.sections if s.kind == "heading"]
    found = [s for s in titled if _release_line(text, s.heading_start)]
    if len(found) < RELEASES or analysis.document.blocks:
        return None
    level = min(s.level for s in found)
    if 2 * len(found) < sum(1 for s in titled if s.level <= level):
        return None  # a manual's "Changes in 2.0" chapter does not make it a change log
    starts = [s.start for s in found if s.level == level]
    ascending = _ascending(text, starts[0], starts[-1])
    out = []
    for s in analysis.sentences:
        k = bisect.bisect_right(starts, s.start) - 1
        if k < 0:
            out.append(len(starts))
        else:
            out.append(len(starts) - 1 - k if ascending else k)
    return out


def _release_line(text: str, at: int | None) -> bool:
    if at is None:
        return False
    line = text[at : _line_end(text, at)].rstrip()
    if _DEBIAN.match(line) or _GNU.match(line) or _COMMIT.match(line):
        return True
    line = line.lstrip("* ").rstrip(":")
    if len(line) > MAX_TITLE or _sentence(line):
        return False
    return _RELEASE.fullmatch(line) is not None or _NAMED_RELEASE.search(line) is not None


def _ascending(text: str, first: int, last: int) -> bool:
    """Whether the last release's version (or date) is above the first's: the log grows downwards."""
    a = _NUMBERS.search(text, first, _line_end(text, first))
    b = _NUMBERS.search(text, last, _line_end(text, last))
    if a is None or b is None or ("-" in a.group()) != ("-" in b.group()):
        return False
    return _key(b.group()) > _key(a.group())


def _key(found: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.split(r"[.-]", found))


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def is_release_line(raw: str) -> bool:
    """A bare release or version line ('version 1.12', 'v2.0.3 (January 2024)'): no entry of the log."""
    line = raw.strip().lstrip("*# ").rstrip(":")
    return len(line) <= MAX_TITLE and _RELEASE.fullmatch(line) is not None and not _sentence(line)
