"""Search and go-to for the reader, without Textual.

Search is smart-case (lower case finds any case, a capital asks for that case),
accent-insensitive ("Natasha" finds "Natásha") and literal, or a regular
expression when the query starts with ``re:``. Matching runs on a folded copy
of the text with the same length, so every match's offsets are the document's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_MATCHES = 100_000
REGEX_PREFIX = "re:"


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """``char`` without its accents when that leaves one character, else itself."""
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """``text`` with accents removed, character for character (same length, same offsets)."""
    if text.isascii():
        return text
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
    return text.translate(table)


@dataclass(frozen=True)
class Query:
    pattern: re.Pattern[str]
    text: str  # as typed


def parse(query: str) -> Query:
    """The pattern for ``query``; raises ValueError for a bad regular expression."""
    regex = query.startswith(REGEX_PREFIX)
    body = query[len(REGEX_PREFIX) :] if regex else query
    flags = 0 if any(c.isupper() for c in body) else re.IGNORECASE
    source = fold(body)  # regular expression syntax is ASCII: folding leaves it alone
    try:
        return Query(re.compile(source if regex else _literal(source), flags), query)
    except re.error as exc:
        raise ValueError(f"bad regular expression: {exc}") from None


def _literal(query: str) -> str:
    """A pattern for ``query`` as the reader shows it: reflowed text joins hard-wrapped lines, so a
    space matches any run of white space and a hyphen also one at a line end ("request-\nheader")."""
    if not query.strip():
        return re.escape(query)
    pattern = r"\s+".join(re.escape(w) for w in query.split())
    pattern = (r"\s+" if query[0].isspace() else "") + pattern + (r"\s+" if query[-1].isspace() else "")
    return pattern.replace(r"\-", r"-[ \t]*\n?[ \t]*")


def find(query: Query, folded: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Spans of the non-empty matches of ``query`` in ``folded`` (a ``fold``-ed text)."""
    found = []
    for m in query.pattern.finditer(folded):
        if m.end() > m.start():
            found.append((m.start(), m.end()))
            if len(found) >= limit:
                break
    return found


def go_to_target(answer: str, text: str, sections: list[tuple[int, str]]) -> int | None:
    """The text offset a go-to answer names: ``50%``, a section number (``4.2``, ``4.``,
    ``IV``, ``chapter 3``) or a line number; None when it names nothing.

    A bare number is a section's when a section title starts with it, else a line."""
    answer = " ".join(answer.split()).lower()
    if answer.endswith("%"):
        try:
            share = float(answer[:-1])
        except ValueError:
            return None
        return _line_start(text, round(min(100.0, max(0.0, share)) / 100 * text.count("\n")))
    if answer.startswith("line ") and answer[5:].isdigit():
        return _line_start(text, int(answer[5:]) - 1)
    wanted = answer.rstrip(".")
    for offset, title in sections:
        words = [w.rstrip(".:") for w in title.lower().split()[:2]]
        if wanted and (words[:1] == [wanted] or " ".join(words) == wanted or words[1:] == [wanted]):
            return offset
    if answer.isdigit():
        return _line_start(text, int(answer) - 1)
    return None


def _line_start(text: str, line: int) -> int:
    """Offset of line number ``line`` (from 0), or of the last line."""
    offset = 0
    for _ in range(max(0, line)):
        nxt = text.find("\n", offset)
        if nxt < 0:
            break
        offset = nxt + 1
    return offset
