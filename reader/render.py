"""Text renderers for the CLI: plain lines for pipes, rich Text for terminals.

Document text is data: it only ever reaches Rich as ``Text`` (never markup), and
control characters are replaced by visible stand-ins before any output.
"""

from __future__ import annotations

import json
import re
import sys

from reader.model import Analysis, Section

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(s: str) -> str:
    """Make document text safe for a terminal: ESC and other controls become visible symbols."""
    return _CONTROL.sub(_visible, s)


def _visible(m: re.Match) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␛ for ESC
    return "␡" if code == 0x7F else "\ufffd"


def one_line(s: str) -> str:
    """A span's text on one line (hard-wrapped sentences joined), made safe."""
    return clean(" ".join(s.split()))


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
