"""Summaries of change logs: the newest release's entries first, never a licence or an address line.

A reader of NEWS wants what changed last: the default ranking's scores are kept within a release,
and every sentence of a newer release ranks above every sentence of an older one. A licence line
('Copying and distribution of this file ... are permitted') or a bare address (a URL, an e-mail)
scores 0, so it never fills a summary.
"""

from __future__ import annotations

import re

from reader.model import Analysis
from reader.summarize.manual import _LICENCE

_ADDRESS = re.compile(
    r"\W*(?:(?:see|at|visit|from)\s+)?(?:<?https?://\S+|www\.\S+|<?[\w.+-]+@[\w-]+\.[\w.-]+>?)\W*", re.I
)
# '* 2.40 release point.', '*** 8.6.1 TAGGED FOR RELEASE ***', 'Prepare for 6.1 release.': a release, no change
_RELEASE_NOTE = re.compile(r"\b(?:releas\w*|tag(?:ged)?|version|prepar\w*)\b", re.I)
_VERSION = re.compile(r"\d+\.\d+")
RELEASE_NOTE_WORDS = 6
BARE_WORDS = 2
_PERMITTED = re.compile(r"\bare permitted\b|\bfree software\b|\bredistribut", re.I)


def newest_first(analysis: Analysis, indexes: list[int], scores: list[float]) -> list[float]:
    """``scores`` of the sentences ``indexes`` raised by release, the newest highest; unchanged for a text
    that is no change log. Within a release the ranker's order, then the entries it left at 0 (a short
    entry line with no full stop reads as a headline to it) in the log's order."""
    from reader.text.changelog import is_release_line, releases

    found = releases(analysis)
    if found is None or not scores:
        return scores
    top = max(scores) or 1.0
    oldest = max(found) + 1
    out = []
    for i, score in zip(indexes, scores):
        text = analysis.sentence_text(i)
        if _no_change(text) or is_release_line(text):
            out.append(0.0)
        else:
            out.append(oldest - found[i] + max(0.0, score) / top)
    return out


def _no_change(text: str) -> bool:
    """A licence line, a bare address, a label, or a short line that only marks a release."""
    if _LICENCE.search(text) or _PERMITTED.search(text) or _ADDRESS.fullmatch(text):
        return True
    words = len(text.split())
    if words <= BARE_WORDS or text.rstrip().endswith(":"):
        return True  # 'PR 29843', '* library/init.tcl:': a label with nothing said yet
    short = words <= RELEASE_NOTE_WORDS
    return short and _VERSION.search(text) is not None and _RELEASE_NOTE.search(text) is not None
