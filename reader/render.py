"""Text renderers for the CLI: plain lines for pipes, rich Text for terminals.

Document text is data: it only ever reaches Rich as ``Text`` (never markup), and
control characters are replaced by visible stand-ins before any output.
"""

from __future__ import annotations

import json
import re
import sys

from reader.model import Analysis, Section

# Control characters would reach the terminal as escape sequences: show each as its
# Unicode "control picture" (ESC -> ␛), one character for one, so offsets hold.
# Newlines and tabs stay; bidi overrides, which could reorder what is shown, become ⍰.
CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
CONTROL_PICTURES[0x7F] = 0x2421  # DEL -> ␡
CONTROL_PICTURES.update({c: 0xFFFD for c in range(0x80, 0xA0)})  # C1 controls
CONTROL_PICTURES.update({c: 0x2370 for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)})


_ANY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CONTROL_PICTURES)) + "]")


def clean(s: str, table: dict[int, int] = CONTROL_PICTURES) -> str:
    """Make document text safe for a terminal: ESC and other controls become visible symbols."""
    # Most text has none: one regex scan is ten times faster than translating a book.
    if _ANY_CONTROL.search(s) or (0x09 in table and "\t" in s):
        return s.translate(table)
    return s


def one_line(s: str) -> str:
    """A span's text on one line (hard-wrapped sentences joined, _italic_ marks dropped), made safe."""
    from reader.text.lines import display_text

    return clean(" ".join(display_text(s).split()))


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


def write_json(analysis: Analysis, stream=None) -> None:
    stream = stream or sys.stdout
    stream.write(json.dumps(analysis.to_json(), ensure_ascii=False) + "\n")
