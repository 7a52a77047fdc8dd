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
        if _LICENCE.search(text) or _PERMITTED.search(text) or _ADDRESS.fullmatch(text) or is_release_line(text):
            out.append(0.0)
        else:
            out.append(oldest - found[i] + max(0.0, score) / top)
    return out
