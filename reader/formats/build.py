"""Build extracted text block by block, recording each block's span as it is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from reader.model import Block, BlockKind, Document, Emphasis, EmphasisKind, Format, Link

_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


def inline(text: str) -> str:
    """Inline text as a reader sees it: runs of white space become one space."""
    return _SPACE.sub(" ", text).strip()


_ROMAN: tuple[tuple[int, str], ...] = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as browsers count lettered lists)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def number_label(n: int, how: str) -> str:
    """An ordered list's number in the style ``type`` names: 1, a, A, i, I."""
    if n < 1 and how in "aAiI":
        how = "1"
    label = {"a": _letters, "A": _letters, "i": _roman, "I": _roman}.get(how, str)(n)
    return label.upper() if how in ("A", "I") else label


@dataclass
class Builder:
    """Blocks separated by a blank line; offsets are exact into the finished text."""

    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    pending_ids: list[str] = field(default_factory=list)  # ids met since the last block: they point at the next
    size: int = 0

    def add(self, kind: BlockKind, text: str, level: int | None = None, **extra: Any) -> Block | None:
        text = text.strip("\n").rstrip()
        if not text.strip():
            return None
        if self.parts:
            self._write("\n\n")
        start = self.size
        for ident in self.pending_ids:
            self.anchors.setdefault(ident, start)
        self.pending_ids.clear()
        self._write(text)
        block = Block(kind, start, self.size, level, **extra)
        self.blocks.append(block)
        return block

    def link(self, offset: int, text: str, url: str) -> None:
        """A link whose text starts ``offset`` characters into the block about to be added."""
        start = self.size + (2 if self.parts else 0) + offset
        self.links.append(Link(start, start + len(text), url))

    def emphasize(self, offset: int, length: int, kind: EmphasisKind) -> None:
        """Emphasis starting ``offset`` characters into the block about to be added."""
        start = self.size + (2 if self.parts else 0) + offset
        self.emphasis.append(Emphasis(start, start + length, kind))

    def relevel(self, index: int, level: int) -> None:
        self.blocks[index] = replace(self.blocks[index], level=level)

    def _write(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)

    def text(self) -> str:
        return "".join(self.parts) + ("\n" if self.parts else "")

    def document(
        self, source: str, fmt: Format, metadata: dict[str, str], encoding: str = "utf-8", notes: tuple[str, ...] = ()
    ) -> Document:
        meta = {k: v.strip() for k, v in metadata.items() if v and v.strip()}
        notes = notes if self.blocks else (*notes, "empty document")
        return Document(
            source,
            self.text(),
            fmt,
            encoding,
            notes,
            meta,
            tuple(self.blocks),
            tuple(self.links),
            tuple(self.emphasis),
            dict(self.anchors),
        )
