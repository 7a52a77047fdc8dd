"""Speaker-turn transcripts: ``Label: words`` at line start, the labels repeating through the text.

The text stays as written; each turn is a block from its label to the next turn, with the label
as its speaker. Lines before the first turn (a title, a date) are paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.formats import FormatError
from reader.formats.build import Builder, inline
from reader.model import Block, Document

# A name or role label: up to four capitalised words or letters/digits ("Grad C", "Speaker 2", "Dr. Li"),
# with a time before or after it where the transcript has one ("[00:01:02] Ann:", "Ann (1:02):").
_TIME = r"[\[(]?(?P<{}>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[.,]\d+)?)[\])]?"
LABEL = re.compile(
    r"^(?:" + _TIME.format("before") + r"[ \t]+)?(?P<label>[A-Z][\w.'’-]*(?:[ ][A-Z0-9][\w.'’-]*){0,3})"
    r"(?:[ \t]+" + _TIME.format("after") + r")?[ \t]*:[ \t]+(?=\S)",
    re.M,
)
NOT_SPEAKERS = frozenset(
    "note notes source sources subject date from to cc title re tel email http https warning example "
    "summary abstract keywords question answer step chapter section table figure".split()
)
TURN_SHARE = 0.6  # of the non-blank lines, in a document that is a transcript
# "Ann Lee  0:03" on a line of its own, the words on the lines below (Otter and meeting-app exports).
HEADER = re.compile(
    r"^(?P<label>[A-Z][\w.'’-]*(?:[ ][A-Z0-9][\w.'’-]*){0,3})[ \t]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]*$", re.M
)
HEADER_SHARE = 0.3  # of the non-blank lines (each turn is a header line and at least one line of words)


def labels(text: str) -> list[re.Match[str]]:
    return [m for m in LABEL.finditer(text) if m.group("label").lower() not in NOT_SPEAKERS]


def headers(text: str) -> list[re.Match[str]]:
    return [m for m in HEADER.finditer(text) if m.group("label").lower() not in NOT_SPEAKERS]


def _repeated(found: list[re.Match[str]]) -> bool:
    counts = Counter(m.group("label") for m in found)
    return len(found) >= 3 and sum(n for n in counts.values() if n >= 2) >= 0.8 * len(found)


def _header_turns(text: str, lines: list[str]) -> bool:
    found = headers(text)
    return len(found) >= HEADER_SHARE * len(lines) and _repeated(found)


# Records of fields are no turns: a Debian copyright file ("Format: ...copyright-format/1.0/", "Files: *",
# "License: GPL-3+"), a Python package's metadata (PKG-INFO, METADATA: "Metadata-Version: 2.1", "Name: x").
_COPYRIGHT_FORMAT = re.compile(r"\s*(?:Format(?:-Specification)?:\s*\S*copyright-format|Metadata-Version:)", re.I)


def looks_like(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 3 or _COPYRIGHT_FORMAT.match(text):
        return False
    from reader.text.changelog import looks_like as a_change_log

    if a_change_log(text):
        return False  # "perf: faster decoding" under "v1.5.4 (Feb 2023)": a change log's entries, no turns
    if _header_turns(text, lines):
        return True
    turns = labels(text)
    counts = Counter(m.group("label") for m in turns)
    repeated = sum(n for n in counts.values() if n >= 2)
    # Turns are most lines, or (hard-wrapped turns with blank lines between) most paragraphs.
    paragraphs = len(re.findall(r"(?:^|\n\s*\n)\s*\S", text))
    share = len(turns) >= TURN_SHARE * len(lines) or len(turns) >= TURN_SHARE * paragraphs
    return len(turns) >= 3 and share and repeated >= 0.8 * len(turns)


def parse(document: Document) -> Document:
    text = document.text
    if _header_turns(text, [line for line in text.splitlines() if line.strip()]):
        return _parse_headers(document)
    turns = labels(text)
    if not turns:
        raise FormatError("no speaker turns ('Name: words' at line start) found")
    blocks: list[Block] = []
    _paragraphs(text, 0, turns[0].start(), blocks)
    ends = [m.start() for m in turns[1:]] + [len(text)]
    for m, end in zip(turns, ends):
        para_break = text.find("\n\n", m.end(), end)
        stop = _trim_end(text, m.start(), end if para_break < 0 else para_break)
        time = m.group("before") or m.group("after")
        blocks.append(Block("turn", m.start(), stop, speaker=m.group("label"), time=time))
        if para_break >= 0:
            _paragraphs(text, para_break, end, blocks)
    title = _title(text, turns[0].start())
    meta = {"title": title} if title else {}
    if title and blocks[0].kind == "paragraph" and text[blocks[0].start : blocks[0].end] == title:
        blocks[0] = Block("heading", blocks[0].start, blocks[0].end, 1)
    return Document(document.source, text, "transcript", document.encoding, document.notes, meta, tuple(blocks))


def _parse_headers(document: Document) -> Document:
    """Header-line turns, written out as ``Label: words`` (as subtitles are), each with its time."""
    text = document.text
    found = headers(text)
    builder = Builder()
    for para in re.split(r"\n\s*\n", text[: found[0].start()]):
        builder.add("paragraph", inline(para))
    ends = [m.start() for m in found[1:]] + [len(text)]
    for m, end in zip(found, ends):
        words = inline(text[m.end() : end])
        if words:
            label = m.group("label")
            builder.add("turn", f"{label}: {words}", speaker=label, time=m.group("time"))
    return builder.document(document.source, "transcript", {}, document.encoding, document.notes)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _paragraphs(text: str, start: int, end: int, out: list[Block]) -> None:
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[start:end]):
        out.append(Block("paragraph", start + m.start(), _trim_end(text, start + m.start(), start + m.end())))


def _title(text: str, first_turn: int) -> str:
    head = text[:first_turn].strip().split("\n", 1)[0].strip()
    return head if 0 < len(head) <= 120 else ""
