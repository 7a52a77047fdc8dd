"""SRT and WebVTT subtitles: cue numbers and timings leave the text; ``<v Name>`` voices become turns.

Consecutive cues join into one block while the voice stays the same and the words run on, so a
sentence split across cues is one sentence; each block keeps the time of its first cue.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from reader.formats import FormatError
from reader.formats.build import Builder, inline
from reader.model import Document

TIMING = re.compile(r"(?P<start>(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[^\n]*")
_SRT_START = re.compile(r"\A\s*\d+\s*\n\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{3}\s*-->")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>\n]{1,40}>")
JOIN_CHARS = 400  # a block of unvoiced cues ends at a sentence end past this length
# "Ann: words" or "- ANN: words" opening a cue: the speaker, as SRT files without <v> voices write it.
_LABEL = re.compile(r"\A(?:-\s*)?(?P<label>[A-Z][\w.'’-]*(?:[ ][A-Z0-9][\w.'’-]*){0,3}):(?:\s+|\Z)")
LABELLED_SHARE = 0.5  # of the cues, opening with a repeated label, for the labels to be speakers


@dataclass
class Cue:
    time: str
    voice: str | None
    words: str


def looks_like(text: str) -> bool:
    """Whether a file's opening (``text``) is subtitles: a plain text that merely starts with the
    word WEBVTT is not, so the header must be followed by a cue timing."""
    webvtt = re.match(r"WEBVTT(?:[ \t][^\n]*)?(?:\r?\n|\Z)", text) is not None and TIMING.search(text) is not None
    return webvtt or bool(_SRT_START.match(text))


def parse(document: Document) -> Document:
    cues = _labelled_voices(_cues(document.text))
    if not cues:
        raise FormatError("no subtitle cues (timings like 00:00:01,000 --> 00:00:02,000) found")
    builder = Builder()
    group: list[Cue] = []
    size = 0  # of the group's words: summed as it grows, so thousands of unpunctuated cues stay linear
    for cue in cues + [Cue("", "\0", "")]:
        if group and _ends_group(group, size, cue):
            _add(builder, group)
            group, size = [], 0
        group.append(cue)
        size += len(cue.words) + 1
    return builder.document(document.source, "subtitles", {}, document.encoding, document.notes)


def _cues(text: str) -> list[Cue]:
    out = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = chunk.strip("\n").split("\n")
        at = next((i for i, line in enumerate(lines) if TIMING.search(line)), None)
        if at is None:
            continue  # the WEBVTT header, NOTE and STYLE blocks
        timing = TIMING.search(lines[at])
        raw = "\n".join(lines[at + 1 :])
        voice = _VOICE.search(raw)
        words = inline(html.unescape(_TAG.sub(" ", raw)))
        if words and timing:
            out.append(Cue(timing.group("start").replace(",", "."), voice.group(1).strip() if voice else None, words))
    return out


def _labelled_voices(cues: list[Cue]) -> list[Cue]:
    """Cues that open with ``Name:`` labels become voiced when most cues do and the names repeat;
    an unlabelled cue between them goes on with the last speaker's turn."""
    from reader.formats.transcript import NOT_SPEAKERS

    found = [_LABEL.match(c.words) if c.voice is None else None for c in cues]
    names = Counter(m.group("label") for m in found if m and m.group("label").lower() not in NOT_SPEAKERS)
    repeated = sum(n for n in names.values() if n >= 2)
    if repeated < 3 or repeated < LABELLED_SHARE * len(cues):
        return cues
    out: list[Cue] = []
    voice = None
    for cue, m in zip(cues, found):
        words = cue.words
        if m and names.get(m.group("label"), 0) >= 2:
            voice, words = m.group("label"), words[m.end() :]
        if words:
            out.append(Cue(cue.time, cue.voice or voice, words))
    return out


def _ends_group(group: list[Cue], size: int, cue: Cue) -> bool:
    if cue.voice != group[0].voice:
        return True
    return group[0].voice is None and size >= JOIN_CHARS and group[-1].words[-1:] in '.!?♪"”'


def _add(builder: Builder, group: list[Cue]) -> None:
    words = " ".join(c.words for c in group)
    voice = group[0].voice
    if voice:
        builder.add("turn", f"{voice}: {words}", speaker=voice, time=group[0].time)
    else:
        builder.add("paragraph", words, time=group[0].time)
