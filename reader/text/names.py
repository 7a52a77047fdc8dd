"""Candidate names: runs of capitalised words in a sentence, cut where a name ends.

A candidate is a span of tokens that could name a person, an organization or a
place. Titles ("President", "Mr."), words that only start a sentence and the heads of
things that are not participants ("Plan", "Strategy") are cut away here; deciding the
kind is left to ``reader.text.kinds``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.text import gazetteer as gz
from reader.text.tokens import is_acronym, is_initial
from reader.text.tokens import words as wordlist

TOKEN = re.compile(
    r"(?=[A-Z])(?:"  # the abbreviation forms all start with a capital: skip them fast for other words
    r"(?:[A-Z][a-z]?\.){2,}(?![a-z])"  # U.S., U.N.
    r"|(?:[A-Z]\.)+[A-Z](?![\w.])"  # U.S, U.K without the last dot
    r"|(?:Mrs|Mr|Ms|Dr|Gen|Sen|Rep|Gov|Col|Capt|Lt|Sgt|Prof|Rev|Maj|Adm|St|Mt|Ft|Jr|Sr|Inc|Corp|Ltd|Bros)\.(?=\s|$)"
    r"|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Kan|Mich|Minn|Mont|Neb|Nev|Okla|Tenn|Wis|Wyo)\.(?=[\s,]|$)"  # US states
    r"|[A-Z][a-z]?\.(?=\s?[A-Z])"  # initials: N. Gherman, Sh.Mirziyoyev, Mr. Smith
    r")"
    r"|\w+(?:[-&]\w+|['’](?![sS]\b)\w+)*"
    r"|['’][sS]\b"
    r"|\S"
)

# Words that may sit inside a name between capitalised words.
LINKS = frozenset(
    {
        "of",
        "for",
        "on",
        "and",
        "&",
        "the",
        "de",
        "du",
        "da",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "di",
        "dos",
    }
)
PARTICLES = LINKS - {"of", "for", "on", "and", "&", "the"}
PLACE_HEADS = frozenset(
    {
        "republic",
        "kingdom",
        "states",
        "state",
        "province",
        "region",
        "islands",
        "island",
        "isle",
        "gulf",
        "bay",
        "sea",
        "strait",
        "straits",
        "cape",
        "lake",
        "mount",
        "river",
        "emirates",
        "commonwealth",
        "principality",
        "city",
        "county",
        "district",
        "territory",
        "territories",
        "peninsula",
        "coast",
        "stadium",
        "ground",
        "oval",
        "arena",
        "airport",
        "square",
        "street",
        "avenue",
        "road",
        "bridge",
        "valley",
        "mountains",
        "hills",
        "desert",
        "ocean",
        "canal",
        "park",
        "beach",
        "canyon",
        "forest",
        "glacier",
        "harbour",
        "harbor",
        "lagoon",
        "reef",
        "shelf",
        "station",
        "tunnel",
        "tube",
        "base",
        "pier",
        "memorial",
        "municipality",
        "prefecture",
        "borough",
        "township",
        # buildings and sites that GUM and travel writing treat as places
        "palace",
        "mosque",
        "minster",
        "cathedral",
        "castle",
        "abbey",
        "temple",
        "tower",
        "gardens",
        "museum",
        "theatre",
        "theater",
        "boulevard",
        "plaza",
        "highway",
        # landforms and waters: "North Slope", "Olduvai Gorge" (not "Marsh", "Ridge", "Peak": surnames)
        "slope",
        "creek",
        "plateau",
        "volcano",
        "swamp",
        "gorge",
        "basin",
        "crater",
        "archipelago",
        "fjord",
    }
)
OPENERS = frozenset("\"'“‘«([-—–*>")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str = ""  # lower case without a final dot: the form looked up in word lists
    capital: bool = False


@dataclass
class Candidate:
    tokens: list[Token]
    sentence: int
    initial: bool  # starts the sentence
    shouting: bool  # the sentence is in capitals (a headline)
    team: bool = False  # followed by a score in a line of figures (a results table)
    titles: list[Token] = field(default_factory=list)  # "President", "Mr." just before
    before: str = ""  # the word before, lower case
    before2: str = ""  # the word before that ("said" in "said the Voice")
    after: str = ""  # the word after, lower case
    after2: str = ""  # the word after that ("2016" in "Mulligan, 2016")
    kind: str | None = None
    defines: Candidate | None = None  # for "LN" in "Long Name (LN)": the long name
    # ``key`` is read about 40 times per candidate: kept with the token list and length it was made from.
    _key: tuple[list[Token], int, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]

    @property
    def key(self) -> str:
        """Spelling-independent identity: 'Sh.Mirziyoyev' and 'Sh. Mirziyoyev' agree."""
        toks, cached = self.tokens, self._key
        if cached is not None and cached[0] is toks and cached[1] == len(toks):
            return cached[2]
        key = " ".join(t.key for t in toks)
        self._key = (toks, len(toks), key)
        return key


# TOKEN after the white space before it: every other character is some token's (``\S`` takes what
# nothing else does), so the spaces' and words' lengths give the offsets without a match object each.
_SPACED_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    # key and capital are set here: a __post_init__ per word costs a second on a long book
    known = _KEYS.get  # a book writes a million words with 20,000 spellings: each key made once
    out = []
    at = start
    for space, w in _SPACED_TOKEN.findall(text, start, end):
        a = at + len(space)
        at = a + len(w)
        key = known(w)
        out.append(Token(a, at, w, _key_of(w) if key is None else key, w[0].isupper()))
    return out


_KEYS: dict[str, str] = {}
_KEYS_MAX = 200_000  # spellings remembered before starting afresh (a process may read many documents)


def _key_of(word: str) -> str:
    if len(_KEYS) >= _KEYS_MAX:
        _KEYS.clear()
    key = _KEYS[word] = gz.word_key(word)
    return key


def is_shouting(tokens: list[Token]) -> bool:
    letters = upper = 0  # one pass, no lists: read for each of a book's 30,000 sentences
    for t in tokens:
        w = t.text
        if w[0].isalpha():
            letters += 1
            if w.isupper() and len(w) > 1:
                upper += 1
    return letters >= 2 and upper >= 0.7 * letters


def candidates(
    text: str,
    start: int,
    end: int,
    sentence: int,
    lower: set | None = None,
    toks: list[Token] | None = None,
    shape: tuple[int, bool, bool] | None = None,
) -> list[Candidate]:
    """Name candidates of one sentence, in order; adds the sentence's lower-case words to ``lower``.
    ``toks`` are the sentence's tokens when the caller has them already, and ``shape`` their
    ``first_word``, ``is_shouting`` and ``is_table`` (a long book has 30,000 sentences)."""
    if toks is None:
        toks = tokenize(text, start, end)
    if lower is not None:
        lower.update([t.text for t in toks if t.text.islower()])
    first, shouting, table = shape or (first_word(toks), is_shouting(toks), is_table(toks))
    out = []
    for run in _runs(toks):
        for part in _split(run):
            out.extend(_trim(part, toks, sentence, first, shouting))
    if table:
        for c in out:
            c.team = c.after[:1].isdigit() or c.after == "("
    return out


def is_table(toks: list[Token]) -> bool:
    figures = len([t for t in toks if t.text[0].isdigit()])
    return figures >= 3 and figures >= 0.25 * len(toks)


def first_word(toks: list[Token]) -> int:
    for i, t in enumerate(toks):
        if t.text not in OPENERS:
            return i
    return 0


def _runs(toks: list[Token]) -> list[list[tuple[int, Token]]]:
    """Maximal runs of capitalised tokens, with link words between them."""
    runs: list[list[tuple[int, Token]]] = []
    cur: list[tuple[int, Token]] = []
    for i, t in enumerate(toks):
        # most words are lower case: ``capital`` first spares them the word list
        if t.capital and _name_capital(t) or cur and t.key in LINKS and _capital_follows(toks, i):
            cur.append((i, t))
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _name_capital(t: Token) -> bool:
    """A capitalised word that may be part of a name: not "Um", "Yeah", "I'm"."""
    return t.capital and t.text[0].isalpha() and t.key.replace("’", "'") not in wordlist("interjections")


def _capital_follows(toks: list[Token], i: int) -> bool:
    for t in toks[i + 1 : i + 3]:
        if _name_capital(t):
            return True
        if t.key not in LINKS:
            return False
    return False


def _split(run: list[tuple[int, Token]]) -> list[list[tuple[int, Token]]]:
    """Cut a run at links that do not belong inside a name, then at name boundaries."""
    parts: list[list[tuple[int, Token]]] = []
    cur: list[tuple[int, Token]] = []
    for i, t in run:
        if t.capital or (t.key in PARTICLES and cur) or _keeps_link(cur, t.key):
            cur.append((i, t))
        else:
            parts.append(cur)
            cur = []
    parts.append(cur)
    out = []
    for part in parts:
        while part and not part[-1][1].capital:
            part = part[:-1]
        if part:
            out.extend(_cut_names(part))
    return out


def _keeps_link(cur: list[tuple[int, Token]], key: str) -> bool:
    """'Bank of England', 'Office on Drugs and Crime' keep their links; 'Syria and Iraq' not."""
    if not cur:
        return False
    heads = [t.key in wordlist("org_words") or t.key in PLACE_HEADS for _, t in cur]
    if key in ("for", "on"):  # "Office on Drugs", not "Cricket Ground on Friday"
        return any(t.key in wordlist("org_words") for _, t in cur)
    if key == "of":
        return any(heads)
    if key == "the":
        return cur[-1][1].key in ("of", "for", "on")
    if key == "&":
        return True
    # "and" only inside the complement of a head: "Office on Drugs and Crime".
    links = [n for n, (_, t) in enumerate(cur) if t.key in ("of", "for", "on")]
    return bool(links) and any(heads[: links[0]])


def _cut_names(part: list[tuple[int, Token]]) -> list[list[tuple[int, Token]]]:
    """Cut where a person's name starts after an organization or place: 'Office Vladimir Voronkov'."""
    out: list[list[tuple[int, Token]]] = []
    cur: list[tuple[int, Token]] = []
    for n, (i, t) in enumerate(part):
        if cur and _name_starts(part, n):
            out.append(cur)
            cur = []
        cur.append((i, t))
    out.append(cur)
    return out


def _name_starts(part: list[tuple[int, Token]], n: int) -> bool:
    t, prev = part[n][1], part[n - 1][1]
    if not t.capital or not prev.capital or initial(prev):
        return False
    nxt = part[n + 1][1] if n + 1 < len(part) else None
    if initial(t):
        return prev.key not in gz.first_names()
    if t.key not in gz.first_names() or nxt is None or not nxt.capital:
        return False
    if f"{prev.key} {t.key}" in gz.places():
        return False  # "San Francisco Bay": a place's own words, not a person after a place
    if nxt.key in wordlist("org_words"):
        return False
    if (
        n == 1
        and not is_acronym(prev.text)
        and not any(prev.key in words for words in (gz.first_names(), gz.places(), wordlist("org_words")))
    ):
        return True  # "fellow Queenslander Daniel Herbert": after a lone unknown word
    return (
        prev.key in wordlist("org_words")
        or prev.key in wordlist("titles")
        or prev.key in gz.places()
        or prev.key in gz.towns()
        or is_acronym(prev.text)
    )


def initial(t: Token) -> bool:
    """A token such as 'N.' that abbreviates a first name."""
    return is_initial(t.text)


def _is_title(part: list[tuple[int, Token]], n: int) -> bool:
    t = part[n][1]
    if t.key not in wordlist("titles"):
        return False
    nxt = part[n + 1][1] if n + 1 < len(part) else None
    # "General Assembly", "Imam Mosque", "King Street": a title word before an organization's or
    # a place's head word is part of the name.
    return nxt is None or nxt.key not in wordlist("org_words") and nxt.key not in PLACE_HEADS


def _trim(
    part: list[tuple[int, Token]], toks: list[Token], sentence: int, first: int, shouting: bool
) -> list[Candidate]:
    """Take titles and sentence-initial function words off the edges."""
    pieces = [(part, [])] if shouting else _split_titles(part)
    out = []
    for piece, titles in pieces:
        if piece and (piece[0][0] == first and _opens_sentence(piece[0][1]) or piece[0][1].key == "the"):
            piece = piece[1:]  # 'by The New York Times': the article is not part of the name
            while piece and not piece[0][1].capital:
                piece = piece[1:]
        if piece and after_how_to(toks, piece[0][0]):
            piece = piece[1:]
        if not piece:
            continue
        i0, i1 = piece[0][0], piece[-1][0]
        out.append(
            Candidate(
                tokens=[t for _, t in piece],
                sentence=sentence,
                initial=i0 == first,
                shouting=shouting,
                titles=titles or titles_before(toks, i0),
                before=toks[i0 - 1].key if i0 > 0 else "",
                before2=toks[i0 - 2].key if i0 > 1 else "",
                after=toks[i1 + 1].key if i1 + 1 < len(toks) else "",
                after2=toks[i1 + 2].key if i1 + 2 < len(toks) else "",
            )
        )
    return out


# Auxiliaries that open a question ('Did Alaska find', 'Is Iori in there'); not 'Will', 'May', 'Can' (names, a month).
QUESTION_OPENERS = frozenset(
    {"did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "could", "would", "should", "shall", "must"}
)


def after_how_to(toks: list[Token], i: int) -> bool:
    """'How to Grow Basil', 'How to Save the Middle Class': a heading's verb, not a name."""
    return i > 1 and toks[i - 1].key == "to" and toks[i - 2].key == "how"


def _opens_sentence(t: Token) -> bool:
    """A capitalised word that is there because the sentence starts: 'The', 'Said Helen', 'Did Alaska'."""
    return t.key in wordlist("function_words") or t.key in wordlist("cue_verbs") or t.key in QUESTION_OPENERS


def titles_before(toks: list[Token], i: int) -> list[Token]:
    titles: list[Token] = []
    while i > 0 and (toks[i - 1].key in wordlist("titles") and toks[i - 1].capital or toks[i - 1].text == "."):
        i -= 1
        if toks[i].text != ".":
            titles.insert(0, toks[i])
    return titles


def _split_titles(part: list[tuple[int, Token]]) -> list[tuple[list[tuple[int, Token]], list[Token]]]:
    """Cut at titles: 'UN Secretary General Antonio Guterres' gives 'UN' and 'Antonio Guterres'.

    Inside an organization's name a title word stays ("Office of the High Commissioner").
    Each piece carries the titles that stood right before it.
    """
    pieces: list[tuple[list[tuple[int, Token]], list[Token]]] = []
    cur: list[tuple[int, Token]] = []
    titles: list[Token] = []
    for n, (i, t) in enumerate(part):
        in_org = any(u.key in wordlist("org_words") for _, u in cur)
        if _is_title(part, n) and not in_org:
            if cur:
                pieces.append((cur, titles))
                cur, titles = [], []
            titles.append(t)
        else:
            cur.append((i, t))
    if cur:
        pieces.append((cur, titles))
    out = [(_drop_edge_links(p, keep_particles=bool(ts)), ts) for p, ts in pieces]
    return [(p, ts) for p, ts in out if p]


def _drop_edge_links(part: list[tuple[int, Token]], keep_particles: bool = False) -> list[tuple[int, Token]]:
    """Links off both edges; after a title a particle opens the name ('Mr. van der Luyden')."""
    while part and not part[0][1].capital and not (keep_particles and part[0][1].key in PARTICLES):
        part = part[1:]
    while part and not part[-1][1].capital:
        part = part[:-1]
    return part
