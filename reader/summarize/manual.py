"""Summaries of manuals: say what the thing is, not how to call it.

A manual's summary opens with what the software is: the first paragraph under the title, as
a README or a reference page writes it, even when it names the module in code ("can be imported
via `require('node:http')`"). The text of an option or a definition (``-a, --all`` and its
paragraph, a ``<dd>``) ranks below the page's description prose. A sentence that is mostly code, a signature, a command
line, a list of parameters ('etype: the type ... der: the encoded string') or the manual's
licence terms is no summary sentence. Used only for documents ``reader.text.technical.is_manual`` calls manuals.
"""

from __future__ import annotations

import bisect
import math
import re

from reader.model import Analysis, Block

# Code-shaped words: 'asn1_get_octet_der', 'free()', '{string|Buffer}', '--keep', '$HOME', 'a::b', 'x=1'
_CODE_TOKEN = re.compile(r"[_(){}\[\]|*<>=$\\]|::|->|^--?\w|\w/\w|\w\.\w+\(")
# 'etype:', 'der_len:': a parameter's label inside a sentence
_LABEL = re.compile(r"(?:^|\s)[a-z][\w.]*:(?=\s)")
LABELS = 2  # parameter labels that make a sentence a list of parameters
# A command's synopsis ('Usage: asn1Decoding [OPTION] ...') and the manual's licence terms
_USAGE = re.compile(r"\s*(?:usage|synopsis)\s*:", re.IGNORECASE)
_LICENCE = re.compile(
    r"permission is granted|licen[cs]e,? version|(?:general public|documentation) licen[cs]e|modified version"
    r"|invariant sections|without (?:any )?warranty|all rights reserved|copyright (?:\(c\)|©)|(?:\(c\)|©) *\d{4}",
    re.IGNORECASE,
)
# a licence's capitalised terms ('this License', 'the Document', 'the Modified Version')
_LICENCE_TERMS = re.compile(r"\b(?:this License|the Document|the Modified Version|the Program)\b")
# 'encoding {string} The string encoding ...', 'Returns: {Promise} Fulfills ...': a parameter's line
_PARAMETER = re.compile(r"\s*(?:[\w.]+:?\s+)?\{[^}\s]+\}")
# 'int asn1_read_value (asn1_node root, ...': a C declaration
_SIGNATURE = re.compile(
    r"\s*(?:(?:const|unsigned|signed|static|extern|struct|enum|void|int|char|long|short|double|float|size_t|bool)"
    r"[\s*]+)+\w+\s*\("
)
# 'This manual is for GNU ed (version 1.19, 11 January 2023).': the edition, saying nothing of what it is
_EDITION = re.compile(r"\s*This (?:is|(?:manual|file|document|edition) is for)\b", re.IGNORECASE)
_VERSION = re.compile(r"\b(?:version|edition|release)\b|\d+\.\d+", re.IGNORECASE)
_FINAL = re.compile(r"[.!?][\"'”’)]*\s*$")
OPENING = 2.0  # the declared weight of the opening paragraph's first sentence: an Abstract's twice
DESCRIPTION = 0.25  # the opening paragraph's code share at most: its module's name in code costs it nothing
DEFINITION = 0.45  # an option's or a definition's text counts as this much code at least: below prose


def code_shares(analysis: Analysis, indexes: list[int]) -> list[float]:
    """For each sentence: the share of it that is code (inline code, code-shaped words), 0..1."""
    from reader.text.technical import code_spans

    spans = _disjoint(sorted(code_spans(analysis.document)))
    starts = [a for a, _ in spans]
    out = []
    for i in indexes:
        s = analysis.sentences[i]
        text = analysis.text[s.start : s.end]
        tokens = text.split()
        if not tokens:
            out.append(0.0)
            continue
        marked = _covered(spans, starts, s.start, s.end)
        shaped = sum(len(t) for t in tokens if _CODE_TOKEN.search(t))
        share = max(marked, shaped) / max(1, sum(len(t) for t in tokens))
        if _not_prose(text):
            share = 1.0  # a list of parameters, a synopsis or licence terms: no summary sentence
        out.append(min(1.0, share))
    _licence_paragraphs(analysis, indexes, out)
    _definitions_below(analysis, indexes, out)
    opening = _opening(analysis, indexes, out)
    for k, i in enumerate(indexes):
        if opening is not None and analysis.sentences[i].paragraph == opening:
            out[k] = min(out[k], DESCRIPTION)
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined, so a sentence finds its own by bisection."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> int:
    """Characters of [start, end) inside the disjoint sorted ``spans``: only the spans near it are read."""
    k = max(0, bisect.bisect_right(starts, start) - 1)
    covered = 0
    while k < len(spans) and spans[k][0] < end:
        a, b = spans[k]
        covered += max(0, min(b, end) - max(a, start))
        k += 1
    return covered


def _licence_paragraphs(analysis: Analysis, indexes: list[int], shares: list[float]) -> None:
    """A licence notice's every sentence is no prose ('The text of the license can be found in ...' after
    'Permission is granted to copy ...'), so it is never the manual's opening."""
    notices = set()
    for i in indexes:
        s = analysis.sentences[i]
        if _LICENCE.search(analysis.text[s.start : s.end]):
            notices.add(s.paragraph)
    for k, i in enumerate(indexes):
        if analysis.sentences[i].paragraph in notices:
            shares[k] = 1.0


def _definitions_below(analysis: Analysis, indexes: list[int], shares: list[float]) -> None:
    """Raise to DEFINITION the share of each sentence in a list item with no number or bullet: a manual
    page's option (``-a, --all`` over its text), a definition list's term or text."""
    items = [b for b in analysis.document.blocks if b.kind == "list_item" and b.marker is None]
    if not items:
        return
    starts = [b.start for b in items]
    for k, i in enumerate(indexes):
        s = analysis.sentences[i]
        if _inside(items, starts, s.start, s.end):
            shares[k] = max(shares[k], DEFINITION)


def _inside(blocks: list[Block], starts: list[int], start: int, end: int) -> bool:
    at = bisect.bisect_right(starts, start) - 1
    return at >= 0 and blocks[at].start <= start and end <= blocks[at].end


def _not_prose(text: str) -> bool:
    return bool(
        len(_LABEL.findall(text)) >= LABELS
        or _USAGE.match(text)
        or _SIGNATURE.match(text)
        or _PARAMETER.match(text)
        or _LICENCE.search(text)
        or _LICENCE_TERMS.search(text)
        or _edition_only(text)
    )


def _edition_only(text: str) -> bool:
    """A line naming the manual and its version only: no clause (', which is', ', and documents') after it."""
    if not _EDITION.match(text) or not _VERSION.search(text):
        return False
    bare = re.sub(r"\([^()]*\)", "", text)
    return "," not in bare and " and " not in bare and len(bare.split()) <= 12


def opening_weights(analysis: Analysis, indexes: list[int], code: list[float]) -> list[float]:
    """The manual's opening paragraph (its first paragraph of prose sentences) declares what it is:
    weight OPENING falling with the sentence's place there, 0 elsewhere."""
    out = [0.0] * len(indexes)
    opening = _opening(analysis, indexes, code)
    place = 0
    for k, i in enumerate(indexes):
        if analysis.sentences[i].paragraph == opening:
            out[k] = OPENING / math.sqrt(1.0 + place)
            place += 1
        elif place:
            break
    return out


def _opening(analysis: Analysis, indexes: list[int], code: list[float]) -> int | None:
    """The paragraph of the manual's first prose sentence (half code at most, five words, a full stop)."""
    for k, i in enumerate(indexes):
        s = analysis.sentences[i]
        text = analysis.text[s.start : s.end]
        if code[k] < 0.5 and len(text.split()) >= 5 and _FINAL.search(text):
            return s.paragraph
    return None
