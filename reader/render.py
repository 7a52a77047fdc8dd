"""Text renderers for the CLI: plain lines for pipes, rich Text for terminals.

Document text is data: it only ever reaches Rich as ``Text`` (never markup), and
control characters are replaced by visible stand-ins before any output.
"""

from __future__ import annotations

import json
import re

from reader.model import Analysis, Section

# Control characters would reach the terminal as escape sequences: show each as its
# Unicode "control picture" (ESC -> ␛), one character for one, so offsets hold.
# Newlines and tabs stay; bidi overrides, which could reorder what is shown, become ⍰.
CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
CONTROL_PICTURES[0x7F] = 0x2421  # DEL -> ␡
CONTROL_PICTURES.update({c: 0xFFFD for c in range(0x80, 0xA0)})  # C1 controls
CONTROL_PICTURES.update({c: 0x2370 for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)})
# A file name that is not valid UTF-8 reaches us as lone surrogates (surrogateescape): show U+FFFD.
CONTROL_PICTURES.update({c: 0xFFFD for c in range(0xD800, 0xE000)})
# Paths and message lines stay on one line: a newline or tab in a file name is shown too.
LINE_PICTURES = {**CONTROL_PICTURES, 0x09: 0x2409, 0x0A: 0x2424}


def _char_class(codes: list[int]) -> str:
    return "[" + "".join(re.escape(chr(c)) for c in codes if not 0xD800 <= c < 0xE000) + "\ud800-\udfff]"


_ANY_CONTROL = re.compile(_char_class(sorted(CONTROL_PICTURES)))
# JSON escapes only what is below 0x20; a JSON viewer in a terminal needs the rest of the table escaped.
_JSON_UNSAFE = re.compile(_char_class([c for c in sorted(CONTROL_PICTURES) if c >= 0x7F]))


def clean(s: str, table: dict[int, int] = CONTROL_PICTURES) -> str:
    """Make document text safe for a terminal: ESC and other controls become visible symbols."""
    # Most text has none: one regex scan is ten times faster than translating a book.
    if _ANY_CONTROL.search(s) or (0x09 in table and "\t" in s):
        return s.translate(table)
    return s


def display(s: str) -> str:
    """A path or message line made safe for a terminal: every control shown, newlines too."""
    return s.translate(LINE_PICTURES)


def one_line(s: str) -> str:
    """A span's text on one line (hard-wrapped sentences joined, compounds broken at a line-end hyphen
    rejoined, _italic_ marks dropped), made safe."""
    from reader.text.lines import display_text, join_compounds

    return clean(" ".join(join_compounds(display_text(s)).split()))


def section_counts(analysis: Analysis) -> list[int]:
    counts = [0] * len(analysis.sections)
    for s in analysis.sentences:
        counts[s.section] += 1
    return counts


def section_label(section: Section) -> str:
    if section.kind == "topic":
        return f"~ {section.title}"
    if section.kind in ("front", "back"):
        return f"[{section.title}]"
    return section.title


def outline_lines(analysis: Analysis) -> list[tuple[int, Section, str]]:
    """(level, section, text) for each section: indented label and sentence count."""
    rows = []
    for section, count in zip(analysis.sections, section_counts(analysis)):
        noun = "sentence" if count == 1 else "sentences"
        label = one_line(section_label(section)) or "(untitled)"
        rows.append((section.level, section, f"{'  ' * (section.level - 1)}{label} ({count} {noun})"))
    return rows


def stats_line(analysis: Analysis) -> str:
    return (
        f"{len(analysis.sections)} sections, {len(analysis.paragraphs)} paragraphs, "
        f"{len(analysis.sentences)} sentences, {len(analysis.text.split())} words"
    )


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\ufffd" if 0xD800 <= code < 0xE000 else f"\\u{code:04x}"


def json_line(data: object) -> str:
    """One JSON object on one line: C1 controls and bidi overrides escaped, broken file names as U+FFFD."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(data, ensure_ascii=False)) + "\n"
