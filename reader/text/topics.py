"""Topical sections for documents that name none: TextTiling-style boundaries between
paragraphs (lexical cohesion and depth scores, Hearst 1997) and short labels from
each section's own words. Our own stop-word list: nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter

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
# Spoken filler, web debris, verbs of talk and number words: never a topic's name ("Hmm hmm", "https",
# "want", "five hundred").
NOT_LABELS = frozenset(
    """yeah yes yep okay ok hmm mm mmm mhm uh um erm er ah oh huh wow hey right sure just like
    gonna wanna gotta kinda sorta really actually basically anyway maybe thing things stuff lot lots
    kind sort bit want wants wanted think thinks thought know knows knew mean means meant going
    go goes went come comes came look looks looked see sees saw seen need needs needed tell told
    get gets getting put take took use used try tried guess let's http https www com org html
    laughter laughs applause mm-hmm uh-huh uh-hum hmm-hmm um-hmm something anything everything nothing
    somebody anybody everybody someone anyone everyone
    zero one three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    second third fourth fifth sixth seventh eighth ninth tenth percent cent""".split()
)
_CONTRACTION = re.compile(r"['’](?:s|t|m|re|ll|ve|d)$")
_WORD_PATTERN = r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]"
_WORD = re.compile(_WORD_PATTERN)
# Each word with the space right before it when a letter ends right before that space ("Burkina Faso";
# not "Faso, Mali" nor "2015 budget"): one C-level scan instead of a match object a word.
_SPACED_WORD = re.compile(rf"((?<=[^\W\d_]) )?({_WORD_PATTERN})")
# Each word, and the one space after it when a word follows that space (a word starts with any
# letter, so one character tells): the next match is then the word right after the space.
_WORD_SPACE = re.compile(rf"({_WORD_PATTERN})( (?=[^\W\d_]))?")

MIN_WORDS_PER_TOPIC = 120
MIN_PARAGRAPHS_PER_TOPIC = 3
WORDS_PER_TOPIC = 250  # at most about one topic per this many words


def content_terms(text: str, start: int, end: int, skip: frozenset[str] = frozenset()) -> list[str]:
    """Content words plus pairs of content words that stand side by side ("central asian");
    none of the words in ``skip`` (a transcript's speaker labels)."""
    terms: list[str] = []
    prev = ""
    for space, word in _SPACED_WORD.findall(text, start, end):
        word = word.lower()
        if len(word) <= 2 or word in STOP_WORDS or word in NOT_LABELS or _contraction(word) or word in skip:
            prev = ""
            continue
        terms.append(word)
        if prev and space:  # side by side: one space, no punctuation or number between
            terms.append(f"{prev} {word}")
        prev = word
    return terms


def _contraction(word: str) -> bool:
    """ "that's", "don't": function words, not topics."""
    return ("'" in word or "’" in word) and _CONTRACTION.search(word) is not None


@lru_cache(maxsize=1 << 16)  # the same words recur on every page: stem each once
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
    return m is not None and m.group().lower() in ANAPHORS


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
    words = list(accumulate(sizes, initial=0))  # words before paragraph i
    edges = [0, n]
    for d, g in sorted(((d, g) for g, d in enumerate(depth, start=1)), reverse=True):
        if d <= 0 or d < cutoff or len(edges) - 1 >= most:
            break
        if not leaning[g] and _fits(g, edges, words):
            insort(edges, g)
    return edges[1:-1]


def _cohesion(bags: list[Counter], gap: int, window: int = 2) -> float:
    left = _merged(bags[max(0, gap - window) : gap])
    right = _merged(bags[gap : gap + window])
    if not left or not right:
        return 0.0
    dot = sum(c * right.get(w, 0) for w, c in left.items())
    norm = math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))
    return dot / norm if norm else 0.0


def _merged(bags: list[Counter]) -> dict[str, int]:
    """The summed counts of a few bags (plain dicts: Counter addition is slow on many tiny bags)."""
    out: dict[str, int] = {}
    for bag in bags:
        for w, c in bag.items():
            out[w] = out.get(w, 0) + c
    return out


def _depths(scores: list[float]) -> list[float]:
    """Depth of each valley: the climb to the peak on its left plus the climb to its right.

    A peak is found by climbing while scores do not fall; the climb from i passes through
    i - 1's climb, so one pass each way does it (linear, even on long monotone runs)."""
    n = len(scores)
    left = list(scores)
    for i in range(1, n):
        if scores[i - 1] >= scores[i]:
            left[i] = left[i - 1]
    right = list(scores)
    for i in range(n - 2, -1, -1):
        if scores[i + 1] >= scores[i]:
            right[i] = right[i + 1]
    return [(left[i] - s) + (right[i] - s) for i, s in enumerate(scores)]


def _fits(gap: int, edges: list[int], words: list[int]) -> bool:
    """Whether cutting at ``gap`` leaves both new parts long enough. ``edges`` (sorted, with 0
    and n) already fit, so only the part that ``gap`` splits needs checking."""
    k = bisect_left(edges, gap)
    if k < len(edges) and edges[k] == gap:
        return False
    a, b = edges[k - 1], edges[k]
    for lo, hi in ((a, gap), (gap, b)):
        if hi - lo < MIN_PARAGRAPHS_PER_TOPIC or words[hi] - words[lo] < MIN_WORDS_PER_TOPIC:
            return False
    return True


# "Grad B: ", "Project Manager: " opening a line: a speaker's label, one to four words.
_SPEAKER_LABEL = re.compile(r"^[ \t]*([^\W\d_][\w.'’-]*(?:[ \t][\w.'’-]+){0,3})[ \t]*:[ \t]", re.MULTILINE)
_INKED_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)
_LABEL_SAMPLE = 4096  # characters looked at first: a transcript labels its first lines too


def speaker_words(text: str, start: int, end: int) -> frozenset[str]:
    """The words of the speaker labels when most lines open with one (a transcript): who speaks
    is not what a stretch is about ("Grad, nice, walls", "Project Manager, …" as topic labels)."""
    if len(_SPEAKER_LABEL.findall(text, start, min(end, start + _LABEL_SAMPLE))) < 3:
        return frozenset()
    labels = Counter(_SPEAKER_LABEL.findall(text, start, end))
    lines = len(_INKED_LINE.findall(text, start, end))  # turns are often set apart by blank lines
    if 2 * sum(labels.values()) < lines:
        return frozenset()
    return frozenset(w.lower() for label, n in labels.items() if n >= 2 for w in _WORD.findall(label))


def paragraph_bags(
    text: str, spans: list[tuple[int, int]], skip: frozenset[str] = frozenset()
) -> tuple[list[Counter], list[list[str]]]:
    """Stemmed word counts per paragraph (for cohesion) and its terms (for labels)."""
    terms = [content_terms(text, a, b, skip) for a, b in spans]
    return [Counter(map(_stem, [t for t in ts if " " not in t])) for ts in terms], terms


def frequencies(sections: list[list[str]]) -> Counter:
    """In how many sections each term occurs (computed once for every label)."""
    df: Counter = Counter()
    for terms in sections:
        df.update(set(terms))
    return df


def label(section_terms: list[str], df: Counter, n: int, forms: dict[str, str], size: int = 3) -> str:
    """A short label from a section's own words: its most distinctive terms.

    Terms are words and side-by-side word pairs (from ``content_terms``); a pair that
    recurs beats its single words, so "Central Asian" is shown rather than "Central".
    ``df`` counts the sections each term occurs in, out of ``n`` (see ``frequencies``).
    """
    counts = Counter(section_terms)
    first: dict[str, int] = {}
    for i, t in enumerate(section_terms):
        first.setdefault(t, i)

    def weight(t: str) -> float:
        pair = " " in t
        if pair and counts[t] < 2:
            return 0.0
        return counts[t] * (1.6 if pair else 1.0) * (math.log((1 + n) / max(1, df[t])) + 1.0 / n)

    picked: list[str] = []
    used: set[str] = set()
    for t in sorted(counts, key=lambda t: (-weight(t), first[t])):
        stems = {_stem(w) for w in t.split()}
        if weight(t) <= 0 or stems & used or len(stems) < len(t.split()):
            continue  # "hmm hmm": a repeated word is no name
        if " " not in t and _NOT_A_NAME.fullmatch(forms.get(t, t)):
            continue  # "compared", "particularly": alone, a verb or an adverb names nothing
        picked.append(forms.get(t) or " ".join(forms.get(w, w) for w in t.split()))
        used |= stems
        if len(picked) == size:
            break
    return ", ".join(picked) or "Untitled"


# A lower-case past form or adverb ("compared", "displaced", "particularly"); names and pairs are kept.
_NOT_A_NAME = re.compile(r"[a-z'’-]{4,}(?<!e)ed|[a-z'’-]{2,}(?:ally|ably|ibly|ely|arly|erly|tly|fully)")


def surface_forms(text: str, start: int, end: int) -> dict[str, str]:
    """Lower-case word or pair -> the spelling the document uses most ("Security Council")."""
    seen: Counter = Counter()
    for a, b in _pieces(text, start, end):  # a piece's words at once, not a whole book's
        found = _WORD_SPACE.findall(text, a, b)
        seen.update(map(itemgetter(0), found))
        paired = compress(count(), map(itemgetter(1), found))  # words with a word right after one space
        seen.update([f"{found[i][0]} {found[i + 1][0]}" for i in paired])  # "Security Council"
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for term, times in seen.items():
        low = term.lower()
        if times > best.get(low, 0):
            forms[low], best[low] = term, times
    return forms


PIECE = 1 << 16
_BREAK = re.compile(r"[^\w'’ -]")  # neither in a word nor between a pair's words


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of about PIECE characters, each cut right after a
    character that no word or word pair spans (a line break, punctuation)."""
    pieces = []
    while end - start > PIECE:
        m = _BREAK.search(text, start + PIECE, end)
        if m is None:
            break
        pieces.append((start, m.end()))
        start = m.end()
    pieces.append((start, end))
    return pieces
