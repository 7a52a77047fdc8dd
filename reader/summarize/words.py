"""Words of a sentence, the way sumy sees them, without NLTK's slow tokenizer.

sumy keeps the tokens of NLTK's Treebank tokenizer that look like words
(a letter first, then letters, ``'`` or ``-``). This module gets the same list
with one regular expression per sentence: clitics such as ``'s`` are split off
and dropped, ``n't`` is kept, tokens with a digit or an inner period
(``Mr.``, ``U.S.``) are dropped, as the Treebank tokenizer and sumy's filter do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# A run of word characters, dots, apostrophes and single hyphens.
_CHUNK = re.compile(r"(?<![\w.'/])(?<!(?<!-)-)[\w.'/](?:[\w.'/]|-(?!-))*")
_ELLIPSIS = re.compile(r"\.{2,}")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")
_CLITIC = re.compile(r"(?i)(?:'s|'m|'d|'ll|'re|'ve)$")
_END_DOT = re.compile(r"\.[\s\"'”’)\]}»]*$")


def to_words(text: str) -> list[str]:
    """The words sumy would take from one sentence, in order, case kept."""
    out: list[str] = []
    if ".." in text:
        text = _ELLIPSIS.sub(" ", text)  # an ellipsis is a token of its own
    chunks = list(_CHUNK.finditer(text))
    last = len(chunks) - 1
    for i, m in enumerate(chunks):
        token = m.group()
        if token.endswith(".") and i == last and _END_DOT.match(text, m.end() - 1):
            token = token[:-1]  # the sentence's own full stop
        token = token.strip("'")
        if not token:
            continue
        out.extend(_split_clitic(token))
    return [w for w in out if _WORD.fullmatch(w)]


_SPLIT_WORDS = {"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3, "gimme": 3, "lemme": 3}


def _split_clitic(token: str) -> list[str]:
    lower = token.lower()
    cut = _SPLIT_WORDS.get(lower)
    if cut:
        return [token[:cut], token[cut:]]
    if lower.endswith("n't") and len(token) > 3:
        return [token[:-3], token[-3:]]
    m = _CLITIC.search(token)
    if m and m.start() > 0:
        return [token[: m.start()]]
    return [token]


class Tokenizer:
    """The object sumy's ``Sentence`` wants: ``.to_words(text)``."""

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(to_words(text))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words (shipped inside sumy, read without importing it)."""
    from importlib.resources import files

    data = files("sumy").joinpath("data/stopwords/english.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in data.splitlines() if w.strip())


@lru_cache(maxsize=1)
def _snowball() -> Callable[[str], str]:
    # The Snowball project's own English (Porter2) stemmer: the algorithm sumy gets from
    # nltk, without the 0.25-0.4 s that importing nltk costs every cold start. The two
    # differ on about 1 word in 800 (the newer Snowball keeps "organization" apart from "organ").
    import snowballstemmer

    return snowballstemmer.stemmer("english").stemWord


class Stemmer:
    """sumy's English stemming, with a cache: books repeat their words."""

    def __init__(self) -> None:
        self._stem = _snowball()
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stem(word)
        return stem


class Terms:
    """Content stems of many sentences as term ids, fast: chunks and words repeat, so cache them."""

    def __init__(self) -> None:
        self.stop = stop_words()
        self.stem = Stemmer()
        self.ids: dict[str, int] = {}
        self._by_word: dict[str, int] = {}  # word -> term id, -1 for a stop word
        self._by_chunk: dict[str, tuple[int, ...]] = {}

    def of(self, text: str) -> list[int]:
        """Term ids of one sentence's content words (lower-cased, stop words out, stemmed)."""
        if ".." in text:
            text = _ELLIPSIS.sub(" ", text)
        chunks = _CHUNK.findall(text)
        if not chunks:
            return []
        out: list[int] = []
        by_chunk = self._by_chunk
        for chunk in chunks[:-1]:
            ids = by_chunk.get(chunk)
            if ids is None:
                ids = by_chunk[chunk] = self._chunk_ids(chunk, at_end=False)
            out.extend(ids)
        last = chunks[-1]
        at_end = last.endswith(".") and text.rstrip(_TRAILING).endswith(last)
        out.extend(self._chunk_ids(last, at_end))
        return out

    def _chunk_ids(self, chunk: str, at_end: bool) -> tuple[int, ...]:
        token = chunk[:-1] if at_end else chunk
        token = token.strip("'")
        if not token:
            return ()
        ids = []
        for word in _split_clitic(token):
            if not _WORD.fullmatch(word):
                continue
            tid = self._by_word.get(word)
            if tid is None:
                tid = self._by_word[word] = self._word_id(word)
            if tid >= 0:
                ids.append(tid)
        return tuple(ids)

    def _word_id(self, word: str) -> int:
        lower = word.lower()
        if lower in self.stop:
            return -1
        return self.ids.setdefault(self.stem(lower), len(self.ids))


_TRAILING = " \t\n\"'”’)]}»"
