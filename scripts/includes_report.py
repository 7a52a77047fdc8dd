"""Before/after figures for included files, shared by check_latex.py, check_rst.py and check_markup.py.

For each file whose source has include directives, the document is read twice: as the loader reads it
(the files it includes read in) and from its bytes alone (no file behind it: the directives left as
before). Printed: the files and directives, what the notes say could not be read, by reason, and the
words and headings shown before and after.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.load import document_from_bytes
from reader.model import Document

DIRECTIVES = {
    "latex": re.compile(r"(?m)^[^%\n]*?\\(?:input|include|subfile|(?:sub)?import)\b(?!\w)"),
    "rst": re.compile(r"(?m)^[ \t]*\.\.[ \t]+(?:literal)?include::"),
    "asciidoc": re.compile(r"(?m)^include::"),
    "org": re.compile(r"(?im)^[ \t]*#\+include:"),
}
REASONS = (
    "not found",
    "loop",
    "deeper than",
    "size limit",
    "URL",
    "not a text file",
    "not a regular file",
    "system file",
    "included files",
    "cannot be read",
)


@dataclass
class Includes:
    files: int = 0
    directives: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    words: list[int] = field(default_factory=lambda: [0, 0])  # before, after
    headings: list[int] = field(default_factory=lambda: [0, 0])
    grown: list[tuple[int, str]] = field(default_factory=list)

    def add(self, path: Path, source: str, doc: Document, fmt: str) -> Document:
        """Count one file; the document as it reads alone (the same one when it includes nothing)."""
        found = len(DIRECTIVES[fmt].findall(source))
        if not found:
            return doc
        before = document_from_bytes(str(path), path.read_bytes(), fmt)
        self.files += 1
        self.directives += found
        for note in doc.notes:
            reason = next((r for r in REASONS if r in note), None)
            if reason is not None:
                self.reasons[reason] += 1
        words = (len(before.text.split()), len(doc.text.split()))
        self.words[0] += words[0]
        self.words[1] += words[1]
        self.headings[0] += sum(1 for b in before.blocks if b.kind == "heading")
        self.headings[1] += sum(1 for b in doc.blocks if b.kind == "heading")
        self.grown.append((words[1] - words[0], path.name))
        return before

    def report(self, show: int = 3) -> None:
        if not self.files:
            print("include directives: none in these files")
            return
        reasons = ", ".join(f"{k} {v}" for k, v in self.reasons.most_common()) or "none"
        print(f"include directives: {self.directives} in {self.files} files; notes on files not read: {reasons}")
        print(
            f"  words shown before {self.words[0]:,} -> after {self.words[1]:,}; "
            f"headings before {self.headings[0]:,} -> after {self.headings[1]:,}"
        )
        for grown, name in sorted(self.grown, reverse=True)[:show]:
            print(f"  +{grown:,} words  {name}")
