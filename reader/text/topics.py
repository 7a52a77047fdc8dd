"""Topical sections for documents that name none: TextTiling-style boundaries between
paragraphs (lexical cohesion and depth scores, Hearst 1997) and short labels from
each section's own words. Our own stop-word list: nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from collections import Counter

STOP_WORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing done down during each either
    else even ever every few for from further get got had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less let like made make many may
    me might more most much must my myself neither no nor not now of off often on once one only or
    other others our ours ourselves out over own per perhaps rather same say said says she should
    since so some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very via was we well were what when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves also already always among another around away back became become becomes
    first two three new way ways part well year years mr mrs ms dr""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")

MIN_WORDS_PER_TOPIC = 120
MIN_PARAGRAPHS_PER_TOPIC = 3
WORDS_PER_TOPIC = 250  # at most about one topic per this many words


def content_words(text: str, start: int, end: int) -> list[str]:
    return [w for w in (m.group().lower() for m in _WORD.finditer(text, start, end)) if _keep(w)]


def content_terms(text: str, start: int, end: int) -> list[str]:
    """Content words plus pairs of content words that stand side by side ("central asian")."""
    terms: list[str] = []
    prev = ""
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower()
        if not _keep(word):
            prev = ""
            continue
        terms.append(word)
        if prev and text[m.start() - 1] == " " and m.start() - len(prev) - 1 >= 0:
            terms.append(f"{prev} {word}")
        prev = word
    return terms


def _keep(word: str) -> bool:
    return len(word) > 2 and word not in STOP_WORDS


def _stem(word: str) -> str:
    # Light stemming: enough to count "countries" with "country" for cohesion.
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + repl
    return word


# A paragraph that opens with one of these leans on the one before ("She noted that ..."),
# so no topic boundary goes in front of it.
ANAPHORS = frozenset(
    """he she they it its his her their them this these those such however moreover
    furthermore meanwhile nevertheless nonetheless also but and so then therefore thus
    still yet besides likewise similarly instead otherwise hence according""".split()
)


def leans_back(text: str, start: int) -> bool:
    m = _WORD.match(text, start)
    return bool(m) and m.group().lower() in ANAPHORS


def boundaries(bags: list[Counter], sizes: list[int], leaning: list[bool] | None = None) -> list[int]:
    """Indexes of the paragraphs that start a new topic (never 0, never a leaning one)."""
    leaning = leaning or [False] * len(bags)
    n = len(bags)
    total = sum(sizes)
    most = min(n // MIN_PARAGRAPHS_PER_TOPIC, total // WORDS_PER_TOPIC)
    if n < 2 * MIN_PARAGRAPHS_PER_TOPIC or most < 2:
        return []
    gaps = [_cohesion(bags, g) for g in range(1, n)]  # gap g sits before paragraph g
    depth = _depths(gaps)
    mean = sum(depth) / len(depth)
    sd = math.sqrt(sum((d - mean) ** 2 for d in depth) / len(depth))
    cutoff = mean - sd / 2
    chosen: list[int] = []
    for d, g in sorted(((d, g) for g, d in enumerate(depth, start=1)), reverse=True):
        if d <= 0 or d < cutoff or len(chosen) + 1 >= most:
            break
        if not leaning[g] and _fits(g, chosen, sizes):
            chosen.append(g)
    return sorted(chosen)


def _cohesion(bags: list[Counter], gap: int, window: int = 2) -> float:
    left = sum((bags[i] for i in range(max(0, gap - window), gap)), Counter())
    right = sum((bags[i] for i in range(gap, min(len(bags), gap + window))), Counter())
    dot = sum(c * right[w] for w, c in left.items())
    norm = math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))
    return dot / norm if norm else 0.0


def _depths(scores: list[float]) -> list[float]:
    depths = []
    for i, s in enumerate(scores):
        left = s
        for j in range(i - 1, -1, -1):
            if scores[j] < left:
                break
            left = scores[j]
        right = s
        for j in range(i + 1, len(scores)):
            if scores[j] < right:
                break
            right = scores[j]
        depths.append((left - s) + (right - s))
    return depths


def _fits(gap: int, chosen: list[int], sizes: list[int]) -> bool:
    edges = sorted([0, len(sizes), gap, *chosen])
    for a, b in zip(edges, edges[1:]):
        if b - a < MIN_PARAGRAPHS_PER_TOPIC or sum(sizes[a:b]) < MIN_WORDS_PER_TOPIC:
            return False
    return True


def paragraph_bags(text: str, spans: list[tuple[int, int]]) -> tuple[list[Counter], list[list[str]]]:
    """Stemmed word counts per paragraph (for cohesion) and its terms (for labels)."""
    terms = [content_terms(text, a, b) for a, b in spans]
    return [Counter(_stem(t) for t in ts if " " not in t) for ts in terms], terms


def label(section_terms: list[str], all_sections: list[list[str]], forms: dict[str, str], size: int = 3) -> str:
    """A short label from a section's own words: its most distinctive terms.

    Terms are words and side-by-side word pairs (from ``content_terms``); a pair that
    recurs beats its single words, so "Central Asian" is shown rather than "Central".
    """
    if not section_terms:
        return "Untitled"
    df: Counter = Counter()
    for terms in all_sections:
        df.update(set(terms))
    n = len(all_sections)
    counts = Counter(section_terms)
    first: dict[str, int] = {}
    for i, t in enumerate(section_terms):
        first.setdefault(t, i)

    def weight(t: str) -> float:
        pair = " " in t
        if pair and counts[t] < 2:
            return 0.0
        return counts[t] * (1.6 if pair else 1.0) * (math.log((1 + n) / df[t]) + 1.0 / n)

    picked: list[str] = []
    used: set[str] = set()
    for t in sorted(counts, key=lambda t: (-weight(t), first[t])):
        stems = {_stem(w) for w in t.split()}
        if weight(t) <= 0 or stems & used:
            continue
        picked.append(forms.get(t) or " ".join(forms.get(w, w) for w in t.split()))
        used |= stems
        if len(picked) == size:
            break
    return ", ".join(picked) or "Untitled"


def surface_forms(text: str, start: int, end: int) -> dict[str, str]:
    """Lower-case word or pair -> the spelling the document uses most ("Security Council")."""
    seen: Counter = Counter()
    prev = None
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        seen[word] += 1
        if prev is not None and prev.end() + 1 == m.start() and text[prev.end()] == " ":
            seen[f"{prev.group()} {word}"] += 1
        prev = m
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for term, count in seen.items():
        low = term.lower()
        if count > best.get(low, 0):
            forms[low], best[low] = term, count
    return forms
