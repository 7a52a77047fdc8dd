"""Front and back matter in documents that declare their headings (PDF manuals, EPUB, HTML, Markdown).

A licence (the GNU FDL appendix, "Copying Conditions"), and the indexes at the end, are back
matter; so is a section titled "Contents" (a README's list of links to its sections), and the
stretch before the first heading when it holds a copyright line, a licence grant or a table of
contents (a manual's title page and its verso), or when it is only a title page's lines (title,
group, author, address: a few short lines, none ending a sentence). Neither holds
sentences: they are never summary sentences, as in plain text.
"""

from __future__ import annotations

import re

from reader.model import Paragraph, Section

_NUMBER = re.compile(r"^(?:appendix\s+)?(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+", re.I)
_BACK_TITLE = re.compile(
    r"(?:the )?(?:(?:gnu )?(?:free documentation|(?:lesser |library |affero )?general public) licen[cs]e\b.*"
    r"|copying(?: information| conditions| permissions)?|licen[cs]es?|licensing|licen[cs]e and copyright"
    r"|(?:(?:concept|function|data|variable|type|program|general|subject|keyword|command|option|class|method"
    r"|macro|symbol)s?(?: and \w+)? )?index(?:es)?|indices)",
    re.I,
)
_CONTENTS_TITLE = re.compile(r"(?:table of )?contents|toc", re.I)
_FRONT_SIGN = re.compile(
    r"\bcopyright\b|©|permission is granted to copy|all rights reserved|^(?:table of )?contents$|(?:\. ){3,}\S*\d+$",
    re.I,
)


def mark(text: str, sections: list[Section], paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Set the kind of front and back sections in place; the paragraphs left in the body."""
    kinds = [s.kind for s in sections]
    _mark_back(sections)
    _mark_front(text, sections, paragraphs)
    matter = [(s.start, s.end) for s in sections if s.kind in ("front", "back")]
    body = [p for p in paragraphs if not any(a <= p.start < b for a, b in matter)]
    if matter and not body:  # nothing would be left to read: it is all body after all
        for section, kind in zip(sections, kinds):
            section.kind = kind
        return paragraphs
    return body


def _mark_back(sections: list[Section]) -> None:
    level = 0  # the level of the back section being inside, 0 outside one
    for section in sections:
        if level and section.kind == "heading" and section.level > level:
            section.kind = "back"  # a licence's own sub-sections
            continue
        level = 0
        title = _NUMBER.sub("", section.title).strip(" .:")
        if section.kind == "heading" and _CONTENTS_TITLE.fullmatch(title):
            section.kind = "front"  # a README's contents list, a book's contents page
        elif section.kind == "heading" and _BACK_TITLE.fullmatch(title):
            section.kind = "back"
            level = section.level


def _mark_front(text: str, sections: list[Section], paragraphs: list[Paragraph]) -> None:
    count = next((i for i, s in enumerate(sections) if s.kind != "topic"), 0)
    if not count:
        return
    end = sections[count - 1].end
    lines = [" ".join(text[p.start : p.end].split()) for p in paragraphs if p.start < end]
    if any(_FRONT_SIGN.search(line) for line in lines) or _title_page(lines):
        sections[:count] = [Section("Front matter", 1, "front", 0, end)]


TITLE_PAGE_WORDS = 8  # a title page's line (title, group, author and address) is no longer than this
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")


def _title_page(lines: list[str]) -> bool:
    """Two or more short lines without a sentence's end: a title page's title, author and address."""
    short = [line for line in lines if len(line.split()) <= TITLE_PAGE_WORDS and not _SENTENCE_END.search(line)]
    return len(lines) >= 2 and len(short) == len(lines)
