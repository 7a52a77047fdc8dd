"""A trained name tagger: BIO tags over person/organization/place for the capitalised words.

An averaged perceptron (trained by ``scripts/train_names.py`` on openly licensed GUM documents)
reads each word, its shape and neighbours, the word lists, the rule system's own decision for
the word (so it learns when to trust the rules) and how the document uses the word elsewhere.
Decoding is greedy, left to right. Only capitalised words and the links between them are
scored; every other word is outside any name.

The weights ship as ``data/name_model.npz`` (feature names and a weight matrix, no pickle) and
load once, on first use.
"""

from __future__ import annotations

import bisect
import itertools
import math
import struct
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from operator import add
from typing import Any

from reader.text import gazetteer as gz
from reader.text import names
from reader.text.names import LINKS, PLACE_HEADS, Candidate, Token
from reader.text.tokens import is_acronym
from reader.text.tokens import words as wordlist

MODEL_FILE = "name_model.npz"
CLASSES_FILE = "word_classes.npz"
KINDS = ("person", "organization", "place")
TAGS = ("O",) + tuple(f"{p}-{k}" for k in KINDS for p in "BI")
NAME_LINKS = LINKS | {"&", "-"}
ENABLED = True  # the evaluation script turns the model off to score the rules alone
CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter".split()
)
PLACE_WORDS = frozenset({"in", "at", "near", "from", "to", "across", "via", "into", "around", "towards", "through"})
POSSESSIVE = frozenset({"'s", "’s", "s"})
NO_VOTE = (0.0, 0.0, 0.0)


@dataclass
class Sentence:
    """One body sentence: its tokens, the first word's index and the rule system's tags."""

    index: int
    tokens: list[Token]
    first: int
    shouting: bool
    table: bool = False  # a line of figures (a results table)
    rules: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @property
    def starts(self) -> list[int]:
        """Where each token starts (made once)."""
        if len(self._starts) != len(self.tokens):
            self._starts = [t.start for t in self.tokens]
        return self._starts

    @property
    def ruled(self) -> bool:
        """Headlines in capitals and table lines keep the rules' reading: the model saw few."""
        return self.shouting or self.table


@dataclass
class DocumentEvidence:
    """How the document uses each word: written in lower case, capitalised inside a sentence,
    how often capitalised, the kind the rules give it most, and where it stands."""

    lower: set[str]
    inside: set[str] = field(default_factory=set)
    count: Counter[str] = field(default_factory=Counter)
    rule_kind: dict[str, str] = field(default_factory=dict)
    main_kind: str = ""  # the kind the rules give most in the document
    contexts: dict[str, set[str]] = field(default_factory=dict)
    kind_votes: dict[int, Any] = field(default_factory=dict)  # word start -> the model's scores
    speakers: set[str] = field(default_factory=set)  # words a speech verb stands by ('said the Voice')


@lru_cache(maxsize=100_000)
def shape(word: str) -> str:
    """'McDonald' -> 'XxXx', 'U.S.' -> 'X.X.', '1990s' -> 'dx'."""
    out: list[str] = []
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def eligible(toks: list[Token], i: int, first: int = -1) -> bool:
    """A word the tagger decides: capitalised, or a link between capitalised words. A sentence's
    opening 'The' or 'He' before a small word, and 'I' after one, are left out (never names)."""
    t = toks[i]
    if t.text[0].isalpha() and t.capital:
        if i == first and t.key in wordlist("function_words") and not _capital_near(toks, i + 1):
            return False
        return t.text != "I" or i > 0 and _name_word(toks[i - 1])
    return t.key in NAME_LINKS and 0 < i < len(toks) - 1 and toks[i - 1].capital and _capital_near(toks, i + 1)


def scored(s: Sentence, i: int, doc: DocumentEvidence) -> bool:
    """Whether the model decides word ``i``: an eligible word, unless it is a common word the
    document also writes in lower case, on no list, that the rules left out ('Suddenly', 'Besides')."""
    if not eligible(s.tokens, i, s.first):
        return False
    t = s.tokens[i]
    return not (s.rules[i] == "O" and t.text.lower() in doc.lower and not _lists(t.key, t.text))


def _capital_near(toks: list[Token], i: int) -> bool:
    for t in toks[i : i + 2]:
        if t.capital and t.text[0].isalpha():
            return True
        if t.key not in NAME_LINKS:
            return False
    return False


@lru_cache(maxsize=100_000)
def _lists(key: str, text: str) -> tuple[str, ...]:
    """The word lists a word is in."""
    out = []
    checks = (
        ("first", gz.first_names),
        ("country", gz.countries),
        ("region", gz.regions),
        ("city", gz.cities),
        ("town", gz.towns),
        ("place", gz.places),
    )
    for name, members in checks:
        if key in members():
            out.append(name)
    for listed in ("org_words", "titles", "function_words", "not_names", "cue_verbs", "kind_nouns", "person_verbs"):
        if key in wordlist(listed):
            out.append(listed)
    if key in PLACE_HEADS:
        out.append("place_head")
    if gz.is_demonym(text):
        out.append("demonym")
    if is_acronym(text):
        out.append("acronym")
    if key in CALENDAR:
        out.append("calendar")
    return tuple(out)


def _around(toks: list[Token], i: int, step: int) -> tuple[str, str]:
    j = i + step
    if 0 <= j < len(toks):
        return toks[j].key, shape(toks[j].text)
    return ("<s>" if j < 0 else "</s>"), "-"


def static_features(s: Sentence, i: int, doc: DocumentEvidence) -> list[str]:
    """Every feature of word ``i`` that does not depend on the tags chosen before it."""
    return word_features(s.tokens[i], i == s.first, s.shouting, doc) + context_features(s, i, doc)


def word_features(t: Token, initial: bool, shouting: bool, doc: DocumentEvidence) -> list[str]:
    """What the word itself says, and how the document uses it (the same wherever it stands)."""
    key, sh = t.key, shape(t.text)
    lists = _lists(key, t.text)
    where = "init" if initial else "mid"
    out = ["b", "w=" + t.text, "k=" + key, "s=" + sh, "p3=" + key[:3], "x3=" + key[-3:], "x2=" + key[-2:], where]
    out.append(f"{where}|known={bool(lists)}|lower={t.text.lower() in doc.lower}")
    if initial:
        out += ["init|k=" + key] + ["init|g=" + g for g in lists]
    if shouting:
        out.append("shout")
    out += ["g=" + g for g in lists]
    out += surname_features(key)
    out += class_features(t.text)
    return out + _document_features(t, initial, doc)


def surname_features(key: str) -> list[str]:
    """'Chiang', 'Yamazaki': a surname somewhere in the world, and whether several locales list it.
    Kept apart from ``_lists`` so that a model trained before the surnames reads words as before."""
    n = gz.surnames().get(key, 0)
    if not n:
        return []
    out = ["g=surname", "g=surname|" + ("many" if n > 1 else "one")]
    if key not in gz.first_names() and key not in gz.places() and key not in gz.towns():
        out.append("g=surname_only")
    return out


def class_features(text: str) -> list[str]:
    """The word's distributional classes at each granularity ('c1=17'): a word seen rarely in
    training shares a class with the words that stand where it stands."""
    ids = word_classes().get(text, ())[:-1]
    return [f"c{n}={c}" for n, c in enumerate(ids)]


def context_features(s: Sentence, i: int, doc: DocumentEvidence) -> list[str]:
    """The neighbours of word ``i`` and the rules' tags around it."""
    toks = s.tokens
    t = toks[i]
    sh = shape(t.text)
    (p1, ps1), (n1, ns1) = _around(toks, i, -1), _around(toks, i, 1)
    p2, n2 = _around(toks, i, -2)[0], _around(toks, i, 2)[0]
    rule = s.rules[i] if s.rules else "O"
    rule_prev = s.rules[i - 1] if s.rules and i > 0 else "<s>"
    rule_next = s.rules[i + 1] if s.rules and i + 1 < len(toks) else "</s>"
    where = "init" if i == s.first else "mid"
    known = f"{where}|known={bool(_lists(t.key, t.text))}|lower={t.text.lower() in doc.lower}"
    out = [
        "k-1=" + p1,
        "k+1=" + n1,
        "k-2=" + p2,
        "k+2=" + n2,
        "s-1=" + ps1,
        "s+1=" + ns1,
        "k-1|s=" + p1 + "|" + sh,
        "s|k+1=" + sh + "|" + n1,
        "r=" + rule,
        "r-1=" + rule_prev,
        "r+1=" + rule_next,
        "r|r-1=" + rule + "|" + rule_prev,
        "r|s=" + rule + "|" + sh,
        where + "|r=" + rule,
        known + "|r=" + rule,
    ]
    if i > 0:
        out += ["g-1=" + g for g in _lists(p1, toks[i - 1].text) if g in ("titles", "first", "org_words")]
        out += _full_name(toks, i)
    if i + 1 < len(toks):
        out += ["g+1=" + g for g in _lists(n1, toks[i + 1].text) if g not in ("town", "function_words")]
        if n1 in gz.surnames() and _name_word(toks[i + 1]):
            out.append("g+1=surname")
    return out


def _full_name(toks: list[Token], i: int) -> list[str]:
    """A given name then a surname ('Ann Chiang'), and a surname after a capitalised word."""
    t, before = toks[i], toks[i - 1]
    if t.key not in gz.surnames() or not _name_word(before):
        return []
    return ["first+surname" if before.key in gz.first_names() else "name+surname"]


def _document_features(t: Token, initial: bool, doc: DocumentEvidence) -> list[str]:
    out = []
    low = t.text.lower() in doc.lower
    inside = t.key in doc.inside
    if low:
        out.append("d:lower")
    if inside:
        out.append("d:inside")
    if initial:
        out.append(f"d:init|lower={low}|inside={inside}")
    n = doc.count[t.key]
    out.append("d:n=" + ("1" if n <= 1 else "2" if n <= 3 else "4" if n <= 9 else "10"))
    kind = doc.rule_kind.get(t.key)
    if kind:
        out.append("d:rule=" + kind)
    out.append("d:main=" + doc.main_kind)
    out += ["d:ctx=" + c for c in sorted(doc.contexts.get(t.key, ()))]
    return out


def moving_features(prev: str, prev2: str, key: str, sh: str) -> list[str]:
    """Features that depend on the tags chosen for the two words before."""
    return ["t-1=" + prev, "t-2|t-1=" + prev2 + "|" + prev, "t-1|s=" + prev + "|" + sh, "t-1|k=" + prev + "|" + key]


def prepare(sentences: list[Sentence], rule_cands: list[Candidate], lower: set[str]) -> DocumentEvidence:
    """Fill each sentence's rule tags and gather the document's evidence."""
    doc = DocumentEvidence(lower=lower)
    kinds: dict[str, Counter[str]] = {}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in rule_cands:
        if c.kind:
            by_sentence.setdefault(c.sentence, []).append(c)
            kinds.setdefault(c.key, Counter())[c.kind] += 1
    speech = wordlist("cue_verbs") | wordlist("person_verbs")
    for s in sentences:
        s.rules = _rule_tags(s, by_sentence.get(s.index, []))
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.capital and t.text[0].isalpha():
                doc.count[t.key] += 1
                if i != s.first:
                    doc.inside.add(t.key)
                _context(toks, i, doc.contexts.setdefault(t.key, set()), speech)
                if _speaks(toks, i, speech):
                    doc.speakers.add(t.key)
    doc.rule_kind = {k: c.most_common(1)[0][0] for k, c in kinds.items()}
    total = sum(kinds.values(), Counter())
    doc.main_kind = total.most_common(1)[0][0] if total else ""
    return doc


def _rule_tags(s: Sentence, cands: list[Candidate]) -> list[str]:
    tags = ["O"] * len(s.tokens)
    if not cands:
        return tags
    by_start = {c.start: c for c in cands}
    end, kind = -1, ""
    for i, t in enumerate(s.tokens):
        c = by_start.get(t.start)
        if c is not None and c.kind:
            end, kind = c.end, c.kind
            tags[i] = "B-" + kind
        elif t.end <= end:
            tags[i] = "I-" + kind
    return tags


def _context(toks: list[Token], i: int, seen: set[str], speech: frozenset[str]) -> None:
    """Where a capitalised word stands, anywhere in the document: after 'in', before 'said', ..."""
    before = toks[i - 1].key if i > 0 else ""
    after = toks[i + 1].key if i + 1 < len(toks) else ""
    if before in PLACE_WORDS:
        seen.add("place")
    if after in speech or before in wordlist("cue_verbs"):
        seen.add("speaks")
    if before == "the":
        seen.add("the")
    if after in POSSESSIVE:
        seen.add("owns")
    if i > 0 and before in wordlist("titles") and toks[i - 1].capital:
        seen.add("titled")


def _speaks(toks: list[Token], i: int, speech: frozenset[str]) -> bool:
    """'Jane said', 'said Jane', 'said the Voice'."""
    after = toks[i + 1].key if i + 1 < len(toks) else ""
    if after in speech:
        return True
    if i == 0:
        return False
    cues = wordlist("cue_verbs")  # the word before, or the one before 'the' (read for each capitalised word)
    before = toks[i - 1].key
    return before in cues or before == "the" and toks[max(i - 2, 0)].key in cues


class Model:
    """Feature weights: one row of per-tag weights for each known feature.

    Rows are read from a flat tuple of floats; a short document is scored in plain Python, a
    long one in one numpy call (numpy is imported only then: cold start stays light)."""

    def __init__(self, features: list[str], values: tuple[float, ...]) -> None:
        self.index = {f: n for n, f in enumerate(features)}
        self.values = values + (0.0,) * len(TAGS)  # a last row of zeros
        self.zero = len(features)
        self.tags = TAGS
        self._moving: dict[tuple[str, str, str, str], list[float]] = {}
        self._matrix: Any = None
        self._rows: list[tuple[float, ...]] = []  # the values cut into rows, on first use

    @property
    def weights(self) -> Any:
        """The weights as a numpy matrix (features + 1 rows, one column per tag)."""
        if self._matrix is None:
            import numpy as np

            self._matrix = np.array(self.values, dtype=np.float32).reshape(-1, len(TAGS))
        return self._matrix

    def rows(self, feats: list[str]) -> list[int]:
        return [r for r in map(self.index.get, feats) if r is not None]  # one look-up a feature

    def sum_rows(self, rows: list[int]) -> list[float]:
        # the same additions in the same order as a loop over columns, a row at a time in C
        table = self._rows or self._row_table()
        out = [0.0] * len(TAGS)
        for r in rows:
            out = list(map(add, out, table[r]))
        return out

    def _row_table(self) -> list[tuple[float, ...]]:
        width, values = len(TAGS), self.values
        self._rows = [values[base : base + width] for base in range(0, len(values), width)]
        return self._rows

    def scores(self, feats: list[str]) -> list[float]:
        return self.sum_rows(self.rows(feats))

    def moving(self, prev: str, prev2: str, key: str, sh: str) -> list[float]:
        """The summed weights of the features that follow the tags before (cached)."""
        ck = (prev, prev2, key, sh)
        row = self._moving.get(ck)
        if row is None:
            row = self._moving[ck] = self.scores(moving_features(prev, prev2, key, sh))
        return row

    def static_scores(self, sentences: list[Sentence], doc: DocumentEvidence) -> dict[int, dict[int, Any]]:
        """Sentence -> word -> scores from the tag-independent features of every scored word.

        A word inside a name the rules found is scored in its first ``RULED_SAMPLE`` places only;
        after that it keeps the rules' tag (a long book names its people thousands of times)."""
        rows: list[list[int]] = []
        places: dict[tuple, list[tuple[int, int]]] = {}  # the same word in the same surroundings: one sum
        cache: dict[tuple[str, bool], list[int]] = {}
        ruled: Counter[str] = Counter()
        out: dict[int, dict[int, Any]] = {}
        for s in sentences:
            if s.ruled:
                continue
            toks = s.tokens
            for i in [i for i, t in enumerate(toks) if t.capital or t.key in NAME_LINKS]:
                if not scored(s, i, doc):
                    continue
                t = toks[i]
                if s.rules[i] != "O":
                    ruled[t.key] += 1
                    if ruled[t.key] > RULED_SAMPLE:
                        out.setdefault(s.index, {})[i] = s.rules[i]
                        continue
                sig = _surroundings(s, i)
                if sig in places:
                    places[sig].append((s.index, i))
                    continue
                places[sig] = [(s.index, i)]
                own = cache.get(sig[:2])
                if own is None:
                    own = cache[sig[:2]] = self.rows(word_features(t, sig[1], False, doc))
                rows.append(own + self.rows(context_features(s, i, doc)) + [self.zero])
        sums = self._sum_many(rows) if len(rows) > NUMPY_FROM else [self.sum_rows(r) for r in rows]
        for where, row in zip(places.values(), sums):
            for n, i in where:
                out.setdefault(n, {})[i] = row
        return out

    def _sum_many(self, rows: list[list[int]]) -> list[list[float]]:
        import numpy as np

        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.intp, count=int(lengths.sum()))
        offsets = np.concatenate(([0], np.cumsum(lengths[:-1])))  # where each word's rows start
        return np.add.reduceat(self.weights[flat], offsets).tolist()


def _surroundings(s: Sentence, i: int) -> tuple:
    """Everything ``context_features`` reads about word ``i``."""
    toks, rules, n = s.tokens, s.rules, len(s.tokens)
    return (
        toks[i].text,
        i == s.first,
        toks[i - 1].text if i > 0 else "",
        toks[i + 1].text if i + 1 < n else "",
        toks[i - 2].key if i > 1 else "",
        toks[i + 2].key if i + 2 < n else "",
        rules[i - 1] if i > 0 else "",
        rules[i],
        rules[i + 1] if i + 1 < n else "",
        i if i < 2 or i + 2 >= n else -1,  # "<s>" and "</s>" stand in for missing neighbours: the position tells
    )


RULED_SAMPLE = 25
NUMPY_FROM = 2000  # scored words from which numpy's start-up pays for itself
_override: list[Any] = []  # a weights file given by a script (``use``)


@cache
def model() -> Model | None:
    """The shipped model (or the file given to ``use``), loaded once; None when absent."""
    path = _override[0] if _override else resources.files("reader.text").joinpath(f"data/{MODEL_FILE}")
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle, zipfile.ZipFile(handle) as archive:
            features = _npy(archive.read("features.npy"), "|u1").decode("utf-8").split("\n")
            raw = _npy(archive.read("weights.npy"), "<f2")
        values = struct.unpack(f"<{len(raw) // 2}e", raw)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, struct.error):
        return None  # damaged weights: the rules work alone
    if len(values) != len(features) * len(TAGS):
        return None
    return Model(features, values)


@cache
def word_classes() -> dict[str, tuple[int, ...]]:
    """Word -> its class id at each granularity and, last, how often general text writes it in
    lower case, of 255 (``scripts/build_word_classes.py``); loaded once; empty when the file is
    absent or damaged (the class features are then left out)."""
    return read_word_classes(resources.files("reader.text").joinpath(f"data/{CLASSES_FILE}"))


def read_word_classes(path: Any) -> dict[str, tuple[int, ...]]:
    """The word classes in ``path`` (see ``word_classes``); empty when it is absent or damaged."""
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle, zipfile.ZipFile(handle) as archive:
            words = _npy(archive.read("words.npy"), "|u1").decode("utf-8").split("\n")
            raw = _npy(archive.read("classes.npy"), "<u2")
            lower = _npy(archive.read("lower.npy"), "|u1")
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return {}
    ids = struct.unpack(f"<{len(raw) // 2}H", raw)
    width = len(ids) // max(len(words), 1)
    if width == 0 or width * len(words) != len(ids) or len(lower) != len(words):
        return {}
    return {w: ids[n * width : (n + 1) * width] + (lower[n],) for n, w in enumerate(words)}


def lower_share(text: str) -> float:
    """How often general text writes the word in lower case (0 to 1; 0 for a word it does not know)."""
    ids = word_classes().get(text)
    return ids[-1] / 255 if ids else 0.0


def _npy(data: bytes, descr: str) -> bytes:
    """The raw values of a .npy file holding one array of type ``descr`` (read without numpy)."""
    if not data.startswith(b"\x93NUMPY"):
        raise ValueError("not a .npy array")
    size = 2 if data[6] == 1 else 4
    length = int.from_bytes(data[8 : 8 + size], "little")
    header = data[8 + size : 8 + size + length].decode("latin-1")
    if f"'descr': '{descr}'" not in header or "'fortran_order': False" not in header:
        raise ValueError(f"unexpected array header: {header.strip()}")
    return data[8 + size + length :]


def use(path: Any) -> None:
    """Tag with the weights in ``path`` (a training or evaluation run) instead of the shipped ones;
    ``None`` goes back to the shipped ones."""
    _override[:] = [] if path is None else [path]
    model.cache_clear()


def tag(s: Sentence, doc: DocumentEvidence, m: Model, static: dict[int, Any] | None = None) -> list[str]:
    """Greedy BIO tags for one sentence; each scored word's scores go to ``doc.kind_votes``.
    ``static`` holds the words' tag-independent scores when ``Model.static_scores`` made them
    (or a tag to take as it is); words without any are outside names."""
    if static is None:
        toks = s.tokens
        static = {i: m.scores(static_features(s, i, doc)) for i in range(len(toks)) if scored(s, i, doc)}
    out = ["O"] * len(s.tokens)
    for i, base in static.items():
        if isinstance(base, str):
            out[i] = base
            continue
        prev = out[i - 1] if i > 0 else "<s>"
        prev2 = out[i - 2] if i > 1 else "<s>"
        t = s.tokens[i]
        scores = [a + b for a, b in zip(base, m.moving(prev, prev2, t.key, shape(t.text)))]
        out[i] = valid(m.tags[scores.index(max(scores))], prev)
        doc.kind_votes[t.start] = scores
    return out


VOTE_SOFTNESS = 8.0  # score units per factor e between tags: softer votes leave the rules' kind more often


def _kind_weights(scores: Any) -> tuple[float, float, float]:
    """How much a word looks like part of a person's, an organization's and a place's name."""
    top = max(scores)
    p = [math.exp((float(x) - top) / VOTE_SOFTNESS) for x in scores]
    total = sum(p)
    return (p[1] + p[2]) / total, (p[3] + p[4]) / total, (p[5] + p[6]) / total


def valid(tag: str, prev: str) -> str:
    """'I-place' after 'O' or another kind opens a name: 'B-place'."""
    if tag.startswith("I-") and prev[2:] != tag[2:]:
        return "B-" + tag[2:]
    return tag


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first word, last word + 1, kind) of every name."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, t in enumerate(tags + ["O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == kind):
            out.append((start, i, kind))
            start = -1
        if t.startswith("B-"):
            start, kind = i, t[2:]
    return out


def read_sentences(text: str, bounds: list[tuple[int, int]]) -> list[Sentence]:
    """The tokens of every sentence, as the rules see them."""
    out = []
    for n, (a, b) in enumerate(bounds):
        toks = names.tokenize(text, a, b)
        out.append(Sentence(n, toks, names.first_word(toks), names.is_shouting(toks), names.is_table(toks)))
    return out


def apply(sentences: list[Sentence], rule_cands: list[Candidate], lower: set[str]) -> list[Candidate]:
    """The rules' names and the model's, typed, in text order.

    A line in capitals or of figures keeps the rules' reading. Where the model
    and the rules overlap, the rules' span stands; the model adds the names the rules missed,
    and the kind of every name follows the model's leaning over all its mentions."""
    m = model() if ENABLED else None
    if m is None:
        return rule_cands
    doc = prepare(sentences, rule_cands, lower)
    by_span = {(c.start, c.end): c for c in rule_cands}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in rule_cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    out: list[Candidate] = []
    static = m.static_scores(sentences, doc)
    things = _things(sentences) | _unnamed_short_forms(sentences, rule_cands)
    better = None if SPAN_MARGIN is None else lambda c, hit: _clearer_span(c, hit, doc)
    for s in sentences:
        rules = by_sentence.get(s.index, [])
        if s.ruled:
            out.extend(rules)
            continue
        scored = static.get(s.index)
        if not scored:
            out.extend(rules)
            continue
        ids = {id(c) for c in rules}
        typed = {id(c) for c in rules if c.kind}
        found = [_candidate(s, a, b, kind, by_span) for a, b, kind in spans(tag(s, doc, m, scored))]
        kept = [c for c in found if c and (id(c) in typed or _may_keep(s, c, ids, rules) and c.key not in things)]
        out.extend(_merge(rules, kept, better))
    ruled_lines = {s.index for s in sentences if s.ruled}
    out = _common_words_out(out, doc, ruled_lines)
    _one_kind_per_name(out, doc.kind_votes, doc.rule_kind, ruled_lines)
    _first_names_are_people(out)
    _plural_names_are_groups(out)
    return out


def _common_words_out(cands: list[Candidate], doc: DocumentEvidence, ruled_lines: set[int]) -> list[Candidate]:
    """The rules' names the model reads as no name on every word of every mention, when each word
    is one general text mostly writes in lower case ('Early life', 'the Party', 'Can we') and the
    document never lets it speak ('said the Voice'): a rare name the model has not learnt
    ('Calgary', 'B. Lara' in a results table) keeps the rules' reading."""
    sure: dict[str, bool] = {}
    for c in cands:
        if not sure.get(c.key, True):
            continue  # one mention that is a name keeps every mention (a book names its people thousands of times)
        scores = [doc.kind_votes.get(t.start) for t in c.tokens]
        common = all(lower_share(t.text) >= COMMON_SHARE for t in c.tokens)  # never with "of" inside
        silent = not any(t.key in doc.speakers for t in c.tokens)
        nothing = c.sentence not in ruled_lines and all(v is not None and v[0] >= max(v[1:]) for v in scores)
        sure[c.key] = common and silent and nothing
    return [c for c in cands if not sure[c.key]]


COMMON_SHARE = 0.5  # written in lower case at least this often in general text


def _things(sentences: list[Sentence]) -> set[str]:
    """Words the document writes beside a kind noun ('the Eegimaa language', 'the shuttle
    Atlantis'): the rules leave them out as things, and the model does not add them back."""
    nouns = wordlist("kind_nouns")
    out: set[str] = set()
    for s in sentences:
        toks = s.tokens
        for i in [i for i, t in enumerate(toks) if t.key in nouns]:
            out.update(toks[j].key for j in (i - 1, i + 1) if 0 <= j < len(toks) and toks[j].capital)
    return out


def _unnamed_short_forms(sentences: list[Sentence], rule_cands: list[Candidate]) -> set[str]:
    """Short forms the document defines by a capitalised phrase the rules found no name in
    ('Information and Communication Technology (ICT)', 'Compact Fluorescent Light (CFL)'):
    terms of a field, which the model does not add as names (nor their plurals, 'CFLs')."""
    named = {t.start for c in rule_cands if c.kind for t in c.tokens}
    out: set[str] = set()
    for s in sentences:
        toks = s.tokens
        for i in range(1, len(toks) - 2):
            if toks[i].text == "(" and toks[i + 2].text == ")" and _defined_here(toks, i, named):
                out.update((toks[i + 1].key, toks[i + 1].key + "s"))
    return out


def _defined_here(toks: list[Token], i: int, named: set[int]) -> bool:
    """Whether the acronym after the bracket at ``i`` is the initials of an unnamed phrase before it."""
    short = toks[i + 1].text.replace(".", "").upper()
    phrase = _phrase_before(toks, i)
    initials = "".join(t.text[0] for t in phrase).upper()
    return (
        is_acronym(toks[i + 1].text)
        and bool(phrase)
        and initials.endswith(short)
        and not any(t.start in named for t in phrase)
    )


def _phrase_before(toks: list[Token], i: int) -> list[Token]:
    """The capitalised words of the run just before token ``i`` (links inside it skipped)."""
    out: list[Token] = []
    j = i - 1
    while j >= 0 and (_name_word(toks[j]) or toks[j].key in ("and", "of", "for", "&") and out):
        if _name_word(toks[j]):
            out.append(toks[j])
        j -= 1
    return out[::-1]


def _merge(
    rules: list[Candidate], found: list[Candidate], better: Callable[[Candidate, list[Candidate]], bool] | None = None
) -> list[Candidate]:
    """The rules' names, and the model's where the rules found nothing (linear after sorting:
    one sentence may hold a megabyte of names). A model's name that overlaps rules' names of
    other bounds replaces them where ``better`` says so."""
    rules = sorted(rules, key=lambda c: c.start)
    starts = [c.start for c in rules]
    reach = list(itertools.accumulate((c.end for c in rules), max))  # furthest end so far
    extra = []
    replaced: set[int] = set()
    for c in found:
        k = bisect.bisect_left(starts, c.end) - 1  # the last rule name starting before c ends
        if k < 0 or reach[k] <= c.start:
            extra.append(c)
            continue
        hit = _overlapping(rules, reach, k, c)
        if better is not None and hit and all(h is not c for h in hit) and better(c, hit):
            replaced.update(id(h) for h in hit)
            extra.append(c)
    kept = [c for c in rules if id(c) not in replaced]
    return sorted(kept + extra, key=lambda c: c.start)


def _overlapping(rules: list[Candidate], reach: list[int], k: int, c: Candidate) -> list[Candidate]:
    """The rules' names up to ``k`` that overlap ``c`` (walking back while any may still reach it)."""
    out = []
    while k >= 0 and reach[k] > c.start:
        if rules[k].end > c.start:
            out.append(rules[k])
        k -= 1
    return out


# Score units the model must clear on every disputed word to change a rules name's bounds; None (the
# default): the rules' span stands. Tried at 0, 5 and 10: the GUM dev CV fell (README, tried and dropped).
SPAN_MARGIN: float | None = None


def _clearer_span(c: Candidate, hit: list[Candidate], doc: DocumentEvidence) -> bool:
    """Whether the model's bounds beat the rules' ('Kennedy Space Center' out of 'Kennedy Space
    Center on STS-1'): on every word one of them takes and the other leaves, the model's own
    scores favour its reading by ``SPAN_MARGIN``; a word the model did not score gives no evidence."""
    if SPAN_MARGIN is None:
        return False
    mine = {t.start for t in c.tokens}
    theirs = {t.start for h in hit for t in h.tokens}
    margins = []
    for start in mine ^ theirs:
        v = doc.kind_votes.get(start)
        if v is not None:
            name = max(v[1:]) - v[0]
            margins.append(name if start in mine else -name)
    return bool(margins) and min(margins) >= SPAN_MARGIN


def _may_keep(s: Sentence, c: Candidate, ids: set[int], rules: list[Candidate]) -> bool:
    """A model's name the rules found, one that may be added whole, or one that overlaps a rules'
    name (its bounds then compete in ``_merge``) and is more than title or common words."""
    if id(c) in ids or _may_add(s, c):
        return True
    if SPAN_MARGIN is None:
        return False
    return any(r.start < c.end and c.start < r.end for r in rules) and not _all_listed(c)


def _all_listed(c: Candidate) -> bool:
    return all(_lists(t.key, t.text) and set(_lists(t.key, t.text)) & NOT_ALONE for t in c.tokens)


def _may_add(s: Sentence, c: Candidate) -> bool:
    """A name the rules did not find is added only whole: not a run of title or common words
    ('Deputy', 'Secretary'), and not a piece cut from a longer capitalised run ('Central' of
    'Central Asian')."""
    if _all_listed(c):
        return False
    toks = s.tokens
    a = bisect.bisect_left(s.starts, c.start)
    b = a + len(c.tokens)
    if names.after_how_to(toks, a):
        return False  # 'How to Save Money': the heading's verb, as the rules read it
    return not (a > 0 and _name_word(toks[a - 1]) or b < len(toks) and _name_word(toks[b]))


NOT_ALONE = frozenset({"titles", "function_words", "not_names", "demonym", "calendar", "kind_nouns", "cue_verbs"})


def _name_word(t: Token) -> bool:
    return t.capital and t.text[0].isalpha()


def _one_kind_per_name(
    cands: list[Candidate], votes: dict[int, Any], rule_kinds: dict[str, str], ruled_lines: set[int]
) -> None:
    """A name is one thing throughout a document: the kind the model leans to over all its
    mentions, unless the rules made it a person's or an organization's name (or a country a
    place) and the model finds that at least half as likely (a full name cut from an office before it: 'Office Vladimir
    Voronkov'). Names in ``ruled_lines`` (headlines, tables) keep the rules' kind."""
    totals: dict[str, list[float]] = {}
    cands = [c for c in cands if c.sentence not in ruled_lines]
    for c in cands:
        total = totals.setdefault(c.key, [0.0, 0.0, 0.0])
        for t in c.tokens:
            scores = votes.get(t.start)
            for n, w in enumerate(NO_VOTE if scores is None else _kind_weights(scores)):
                total[n] += w
    chosen: dict[str, str] = {}
    for key, weights in totals.items():
        best = max(weights)
        ruled = rule_kinds.get(key)
        margin = RULES_MARGIN * (GIVEN_NAME_MARGIN if ruled == "person" and _given_and_family(key) else 1.0)
        if ruled and _protected(key, ruled) and weights[KINDS.index(ruled)] * margin >= best:
            chosen[key] = ruled
        elif best > 0:
            chosen[key] = KINDS[weights.index(best)]
    for c in cands:
        c.kind = chosen.get(c.key, c.kind)
        if c.kind != "place" and " " in c.key and c.key in gz.regions() and not c.shouting:
            c.kind = "place"  # "Hong Kong", "South Korea": a country's or region's name of two words


def _protected(key: str, ruled: str) -> bool:
    """A kind the model must clearly beat: the rules' person or organization, and a country the
    rules read as a place ('Sweden signed', 'England's model': GUM and CoNLL keep these places)."""
    return ruled in PROTECTED or ruled == "place" and key in gz.countries()


GIVEN_NAME_MARGIN = 2.0  # a given name and a surname the rules call a person: the model needs twice the margin


def _given_and_family(key: str) -> bool:
    """'jim courier', 'mark woodforde': two or three words opening with a given name no list knows as a place."""
    words = key.split()
    return 1 < len(words) <= 3 and _lone_first_name(words[0])


def _first_names_are_people(cands: list[Candidate]) -> None:
    """In a document whose names are mostly people's, a given name or a surname alone
    ('Frederick', 'James', 'Gorbachev') that no list knows as a country, region or city is a
    person, whatever 'in Frederick' suggests."""
    people = sum(c.kind == "person" for c in cands)
    if people * 2 <= len(cands):
        return
    for c in cands:
        if c.kind in ("place", "organization") and len(c.tokens) == 1 and _lone_person_name(c):
            c.kind = "person"


def _plural_names_are_groups(cands: list[Candidate]) -> None:
    """'the Rice Owls', 'the Ghostbusters': a plural name after 'the' is a team or a group, not a
    person, wherever the document names it; not a family the document names one of ('the
    Bertrams' of 'Sir Thomas Bertram'), a surname ('the Galois theory' of 'Évariste Galois') nor a
    name it gives a title ('Miss Bates', 'the Bates')."""
    titled = {c.key for c in cands if c.titles}
    groups = {
        c.key
        for c in cands
        if c.kind == "person" and c.before == "the" and _plural(c.tokens[-1].text) and c.key not in titled
    }
    people = {c.tokens[-1].key for c in cands if c.kind == "person" and c.key not in groups}
    groups = {key for key in groups if not {key, key[:-1]} & people}
    for c in cands:
        if c.key in groups:
            c.kind = "organization"


def _plural(word: str) -> bool:
    """'Owls', 'Astros'; not 'Charles' (a given name) nor 'Bass'."""
    shaped = len(word) > 3 and word[-1] == "s" and word[-2] not in "su'’" and word[0].isupper() and word[1:].islower()
    return shaped and gz.word_key(word) not in gz.first_names()


def _lone_person_name(c: Candidate) -> bool:
    """A given name, or a surname written as a name ('Gorbachev'; not 'REUTER' in capitals),
    that no list knows as a country, region or city."""
    key = c.key
    if _lone_first_name(key):
        return True
    surname = key in gz.surnames() and not c.shouting and not c.tokens[0].text.isupper()
    return surname and not (key in gz.regions() or key in gz.cities() or key in gz.places())


@lru_cache(maxsize=20_000)
def _lone_first_name(key: str) -> bool:
    return key in gz.first_names() and not (key in gz.regions() or key in gz.cities() or key in gz.places())


RULES_MARGIN = 2.0  # how much likelier the model's kind must be to overrule the rules'
PROTECTED = ("person", "organization")


def _candidate(s: Sentence, a: int, b: int, kind: str, by_span: dict) -> Candidate | None:
    toks = s.tokens
    while a < b and not toks[a].capital:
        a += 1
    while b > a and not toks[b - 1].capital:
        b -= 1
    if a == b:
        return None
    known = by_span.get((toks[a].start, toks[b - 1].end))
    if known is not None:
        known.kind = kind
        return known
    return Candidate(
        tokens=toks[a:b],
        sentence=s.index,
        initial=a == s.first,
        shouting=s.shouting,
        titles=names.titles_before(toks, a),
        before=toks[a - 1].key if a > 0 else "",
        after=toks[b].key if b < len(toks) else "",
        kind=kind,
    )
