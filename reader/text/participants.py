"""Named participants of a document: people, organizations and places, offline.

Candidates come from ``reader.text.names`` (capitalised runs cut at titles and
links), kinds from ``reader.text.kinds`` (gazetteers, head words, document-level
consistency). Here mentions are grouped into participants: "N. Gherman" joins
"Natalya Gherman", "UNODC" joins "UN Office on Drugs and Crime", "Long Name (LN)"
defines an acronym. Roles come from ``reader.text.roles``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from reader.collector import paused
from reader.model import Analysis, Mention, Participant, ParticipantKind
from reader.text import gazetteer as gz
from reader.text import kinds, names, technical
from reader.text.names import Candidate, Token
from reader.text.tokens import is_acronym, is_initial
from reader.text.tokens import words as wordlist

if TYPE_CHECKING:
    from reader.text.tagger import Sentence

HONORIFICS = frozenset({"mr", "mrs", "miss", "ms", "lady", "sir", "lord"})
# The same titles in the languages novels borrow them from: 'Madame Lebrun' is a Mrs., 'Herr Klein' a Mr.
FOREIGN_TITLES = {
    "madame": "mrs",
    "mme": "mrs",
    "frau": "mrs",
    "señora": "mrs",
    "senora": "mrs",
    "signora": "mrs",
    "monsieur": "mr",
    "herr": "mr",
    "señor": "mr",
    "senor": "mr",
    "signor": "mr",
    "mademoiselle": "miss",
    "mlle": "miss",
    "fräulein": "miss",
    "fraulein": "miss",
    "señorita": "miss",
    "senorita": "miss",
    "signorina": "miss",
}
# a rank beside a family's other titles names one of them: Admiral Croft is not Mrs Croft, nor
# Admiral Crawford his nephew Mr. Crawford
RANKS = frozenset({"admiral", "captain", "colonel", "general", "major", "lieutenant", "commodore", "commander"})
LINK_WORDS = frozenset({"of", "for", "on", "and", "&", "the", "in", "de", "du", "la", "le"})


@paused()
def find(analysis: Analysis) -> list[Participant]:
    """Participants in order of first mention, ids p1, p2, ..."""
    cands = mentions(analysis)
    groups = _group(cands)
    from reader.text import roles

    people = []
    singles = {c.key for group in groups for c in group if len(c.tokens) == 1}
    for n, group in enumerate(groups, 1):
        p = _participant(f"p{n}", group, analysis.text)
        title = _family_title(group)
        if title:
            p.name = f"{title} {p.name}"
        if p.kind == "person" and not _family(group, singles):
            p.role = roles.role_of(analysis, group)
        people.append(p)
    return people


def _family(group: list[Candidate], singles: set[str]) -> bool:
    """'the Rostóvs' beside 'Rostóv': a family, many people, and no one role."""
    return all(len(c.tokens) == 1 and c.key.endswith("s") and c.key[:-1] in singles for c in group)


def mentions(analysis: Analysis) -> list[Candidate]:
    """Every typed name mention in the body sentences, in text order."""
    from reader.text import tagger

    text = analysis.text
    sentences, raw, lower = _raw_candidates(analysis)
    contacts = technical.contacts(text, raw)
    manual = technical.is_software_text(analysis.document)
    terms = defined_terms(text)
    rules = _classified(text, list(raw), lower, terms)
    typed = [
        c
        for c in tagger.apply(sentences, rules, lower)
        if not _case_party(text, c)
        and not _common_head(text, c)
        and not _requirement(c)
        and c.key not in terms
        and not kinds.people_of(c)
        and not _reference_noise(text, c)
        and not _part_or_interjection(text, c)
        and not _clipped(text, c)
        and not (text[c.end : c.end + 2].strip(" ")[:1] in _QUOTE_MARKS and _quoted_title(text, c))
        and c.key not in NAMED_THINGS
    ]
    typed = _without_storms(text, typed)
    typed = _without_adjectives(text, typed)
    typed = technical.without_enumerators_and_defined_terms(text, typed)
    typed = _split_described(_without_opening_words(sentences, typed, lower), raw, lower)
    if manual:
        typed = technical.without_instructions(text, typed, lower)
    spec = manual or is_specification(text)
    typed = technical.without_products(_without_spec_terms(text, _cut_at_column_gaps(text, typed), spec), manual)
    if spec:
        typed = technical.without_titled_acronyms(text, typed)
    if manual:
        typed = technical.without_software_terms(analysis.document, typed)
    typed = technical.with_contacts(typed, contacts)
    typed = technical.with_nicknames(text, typed, quoted=manual)
    typed = _without_ships(text, _without_declaration_mark(typed))
    _mark_affiliations(text, typed)
    _mark_definitions(typed, text)
    technical.mark_nicknames(text, typed)
    tables = {s.index for s in sentences if s.table}  # 'Willem II Tilburg 2': a team in a results table
    return _with_inner_places(typed, [c for c in raw if c.sentence not in tables])


OPEN_QUOTES = frozenset("“‘«„")


def opens_quote(toks: list[Token], i: int) -> bool:
    """Word ``i`` opens a quotation ('he said: “Come here”'): it is capitalised because its sentence starts."""
    if i == 0:
        return False
    mark = toks[i - 1].text
    if mark in OPEN_QUOTES:
        return True
    # a straight quote opens when a space, a colon or a comma comes before it, not a word
    return mark in ('"', "'") and (i == 1 or toks[i - 2].end < toks[i - 1].start or toks[i - 2].text in ":,;—")


def _opening(s: Sentence, i: int) -> bool:
    return i == s.first or opens_quote(s.tokens, i)


def _without_opening_words(sentences: list[Sentence], cands: list[Candidate], lower: set[str]) -> list[Candidate]:
    """Drop "I’ll", regnal numbers alone ('III'), and one-word names seen mostly where a sentence or a
    quotation starts that the document also writes in lower case ('“Come, dear princess”'): they are
    capitalised by position, not as names. Common nouns the text capitalises after 'the' ('the Whale')
    and people of a place the text names ('Nantucketer') are no persons either."""
    by_index = {s.index: s for s in sentences}
    opening, inside, small = _word_counts(sentences)
    things = _capitalised_nouns(cands, small, opening + inside)
    things -= {c.key for c in cands if c.key in things and _speaks(c, by_index.get(c.sentence))}  # 'said the Voice'
    things |= _people_of_places(cands, inside) | _role_compounds(cands, small)
    return [
        c
        for c in cands
        if not _pronoun(c)
        and not REGNAL.fullmatch(c.tokens[0].text if len(c.tokens) == 1 else "")
        and not (c.kind == "person" and c.key in things)
        and not (
            inside[c.key] * OPENING_RATIO < opening[c.key]
            and c.tokens[0].text.lower() in lower
            and _position(c, by_index.get(c.sentence))
        )
    ]


def _split_described(cands: list[Candidate], raw: list[Candidate], lower: set[str]) -> list[Candidate]:
    """'in the Parsee Ahab saw': a word the text puts alone after 'the' ('the Parsee') and a name it
    uses alone ('Ahab') read as one run are two people, not one named 'Parsee Ahab'. Words of a
    people ('the French Revolution'), common words ('the Great Catherine') and the text's places
    ('the Dnieper') keep the run whole."""
    alone = Counter(c.key for c in cands if len(c.tokens) == 1 and c.kind == "person")
    other = {c.key for c in cands if len(c.tokens) == 1 and c.kind != "person"}
    described = Counter(
        c.key
        for c in raw
        if len(c.tokens) == 1
        and c.before == "the"
        and c.key not in other
        and c.tokens[0].text.lower() not in lower
        and not gz.is_demonym(c.tokens[0].text)
    )
    out: list[Candidate] = []
    for c in cands:
        keys = [t.key for t in c.tokens]
        if c.kind == "person" and len(keys) == 2 and c.before == "the" and described[keys[0]] >= 2 <= alone[keys[1]]:
            out.extend(_person_piece(c, i) for i in (0, 1))
        else:
            out.append(c)
    return out


def _person_piece(c: Candidate, i: int) -> Candidate:
    piece = _piece(c, i, i + 1)
    piece.kind = "person"
    return piece


def _speaks(c: Candidate, s: Sentence | None) -> bool:
    """'said the Voice', 'the Voice said': the text lets the name speak."""
    if s is None:
        return False
    i = bisect.bisect_left(s.starts, c.start)
    j = i + len(c.tokens)
    cues = wordlist("cue_verbs")
    return (
        j < len(s.tokens) and s.tokens[j].key in cues or any(s.tokens[k].key in cues for k in range(max(0, i - 2), i))
    )


REGNAL = re.compile(r"[IVX]{2,5}")
ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _capitalised_nouns(cands: list[Candidate], small: Counter[str], capital: Counter[str]) -> set[str]:
    """One-word 'persons' the text also writes in lower case often (a third as often as with a capital)
    and puts after an article or 'this' at least a third of the time: 'the Whale', 'the Leviathan' are a
    common noun with a capital ('the Santorum cocktail', once 'santorum', is not)."""
    seen: Counter[str] = Counter()
    determined: Counter[str] = Counter()
    for c in cands:
        if len(c.tokens) == 1 and c.kind == "person" and small[c.key] * 3 >= capital[c.key]:
            seen[c.key] += 1
            determined[c.key] += c.before in ARTICLES and _head(c.after)
    return {k for k, n in seen.items() if determined[k] * 3 >= n}


def _role_compounds(cands: list[Candidate], small: Counter[str]) -> set[str]:
    """'the Lakeman', 'a Lakeman': a -man word built on a common word the text writes in lower case
    ('lake'), put after an article at least half the time, names a kind of man, even when he speaks
    (as 'the Captain' does); 'Newman' or 'Goodman' without an article stay names."""
    seen: Counter[str] = Counter()
    determined: Counter[str] = Counter()
    for c in cands:
        key = c.key
        if len(c.tokens) == 1 and c.kind == "person" and key.endswith("man") and small[key[:-3]] >= 3:
            seen[key] += 1
            determined[key] += c.before in ARTICLES
    return {k for k, n in seen.items() if determined[k] * 2 >= n}


def _head(after: str) -> bool:
    """The name ends its noun phrase: 'the Whale is', 'the Whale,' but not 'the Santorum cocktail'."""
    return not after[:1].isalpha() or after in wordlist("function_words") or after in VERB_AFTER


VERB_AFTER = frozenset({"is", "was", "has", "had", "be", "been", "were", "are", "will", "would", "could", "may"})


def _people_of_places(cands: list[Candidate], capitalised: Counter[str]) -> set[str]:
    """'Nantucketer', 'Londoner' where the text names 'Nantucket', 'London': one of a place's people,
    not a person's name. The place is a typed place or a long word the text capitalises inside
    sentences ('Parker' beside 'Park' stays: a short stem is too often a word of its own)."""
    places = {c.key for c in cands if c.kind == "place" and len(c.tokens) == 1}
    out = set()
    for c in cands:
        if len(c.tokens) != 1 or not c.key.endswith(("er", "ers")):
            continue
        stem = c.key[: -3 if c.key.endswith("s") else -2]
        if stem in places or len(stem) >= 5 and capitalised[stem] >= 2:
            out.add(c.key)
    return out


# A name is also capitalised inside sentences: verse lines and quotations start with capitals, so a
# common word seen there once or twice ('Come to calm the torment') is still an opening word.
OPENING_RATIO = 4


def _word_counts(sentences: list[Sentence]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How often each capitalised word opens a sentence or quotation, how often it stands elsewhere,
    and how often each word is written in lower case."""
    opening: list[str] = []
    inside: list[str] = []
    small: list[str] = []
    marks = OPEN_QUOTES | {'"', "'"}
    for s in sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.capital:
                if t.text.islower():
                    small.append(t.key)
            elif i == s.first or i and toks[i - 1].text in marks and opens_quote(toks, i):
                opening.append(t.key)
            else:
                inside.append(t.key)
    return Counter(opening), Counter(inside), Counter(small)  # counted at once: a long book has a million words


def _position(c: Candidate, s: Sentence | None) -> bool:
    """A one-word name at a sentence's or a quotation's start."""
    if len(c.tokens) != 1 or s is None:
        return False
    i = bisect.bisect_left(s.starts, c.start)
    return i < len(s.tokens) and _opening(s, i)


_PRONOUN = re.compile(r"I['’](?:ll|m|ve|d|s)")


def _pronoun(c: Candidate) -> bool:
    """'I’ll', 'I'm': the pronoun with a contraction, whichever apostrophe."""
    return len(c.tokens) == 1 and _PRONOUN.fullmatch(c.tokens[0].text) is not None


# Nested mentions are off: GUM marks 'California' inside 'University of California' (test half
# 0.635 -> 0.639 with them), but CoNLL and most name annotation mark no nesting, and scored as
# flat spans they cost CoNLL docs 58-115 0.793 -> 0.773; a reader's list gains little from them.
NESTED = False


def _with_inner_places(cands: list[Candidate], raw: list[Candidate], nested: bool = NESTED) -> list[Candidate]:
    """The names, and the known places named inside capitalised runs that name no participant:
    'Vietnam' in 'the Vietnam War'. With ``nested``, also the places inside a name ('California'
    in 'University of California'), mentions that lie inside another one."""
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        if nested and len(c.tokens) > 1 and c.kind in ("organization", "place") and not c.shouting:
            out.extend(inner_places(c))
    taken = sorted((c.start, c.end) for c in cands)
    starts = [a for a, _ in taken]
    for c in raw:
        if _loose_run(c) and not _overlaps(taken, starts, c):
            # 'Dear Mary', 'Now Mary': a given name in a loose run is no place, whatever the lists say
            out.extend(p for p in inner_places(c) if not _given_name(p.key))
    return sorted(out, key=lambda c: c.start) if len(out) > len(cands) else out


def _loose_run(c: Candidate) -> bool:
    """A run of capitalised words no participant took, not shaped like a person's name."""
    if len(c.tokens) < 2 or c.shouting or c.kind is not None:
        return False
    return not _given_name(c.tokens[0].key)  # 'Maria Bitar' is a person, whoever missed her


def _given_name(key: str) -> bool:
    """A first name that names no country: 'Mary', but not 'Kenya' of 'Kenya Vision 2030'."""
    return key in gz.first_names() and key not in gz.countries()


def _overlaps(taken: list[tuple[int, int]], starts: list[int], c: Candidate) -> bool:
    k = bisect.bisect_left(starts, c.end)
    return any(b > c.start for _, b in taken[max(0, k - 4) : k])


def inner_places(c: Candidate) -> list[Candidate]:
    """The country, region or city names inside a longer name, longest first, left to right; in a
    place's name only the opening one ('Republic of Uzbekistan' is not two places)."""
    toks, out, i = c.tokens, [], 0
    while i < len(toks):
        j = _place_from(toks, i, len(toks) - (i == 0))
        if j:
            out.append(_piece(c, i, j))
        i = j or i + 1
    if c.kind == "place":  # 'New York City' is one city
        out = [p for p in out if p.start == c.start and c.key != p.key + " city"]
    return out


def _place_from(toks: list[Token], i: int, limit: int) -> int:
    """The end of the longest known place starting at token ``i`` (before ``limit``), or 0."""
    for j in range(min(limit, i + 4), i, -1):
        piece = toks[i:j]
        if piece[0].capital and piece[-1].capital and _big_place(" ".join(t.key for t in piece)):
            return j
    return 0


def _big_place(key: str) -> bool:
    return key in gz.regions() or key in gz.cities() or key in gz.places()


def _piece(c: Candidate, i: int, j: int) -> Candidate:
    toks = c.tokens
    return Candidate(
        tokens=toks[i:j],
        sentence=c.sentence,
        initial=c.initial and i == 0,
        shouting=c.shouting,
        before=toks[i - 1].key if i > 0 else c.before,
        after=toks[j].key if j < len(toks) else c.after,
        kind="place",
    )


# Words that open the name of a publication in a reference list ('Proceedings of IEEE Symposium',
# 'In Advances in Cryptology', 'Transactions on Information Theory'), and an editor's 'Ed.'/'Eds.'.
_PUBLICATION = frozenset({"proceedings", "advances", "transactions"})
_EDITOR = frozenset({"ed", "eds"})
_COLUMN_GAP = re.compile(r"[^\s][ \t]{3,}")
_LABEL_END = re.compile(r"[ \w.-]{0,8}\]")


def _reference_noise(text: str, c: Candidate) -> bool:
    """What a reference list puts in capitals that names nobody: a citation label ('[CHECKOWAY]',
    '[RFC8446]', '[Page 2]'), a venue ('Proceedings of ...'), an editor's 'Ed.' and an author's
    initial after the surname ('Krawczyk, H.')."""
    if text[c.start - 1 : c.start] == "[" and _LABEL_END.match(text, c.end):
        return True
    if c.tokens[0].key in _PUBLICATION:
        return True
    if _inverted_initial(text, c):
        return True
    return len(c.tokens) == 1 and c.key.rstrip(".") in _EDITOR and text[c.end : c.end + 1] in (".", ",")


# A part of the document named with its number: 'Figure 1', 'see Table 3', 'Appendix B'.
_PARTS = frozenset({"figure", "fig", "table", "section", "appendix", "chapter", "equation", "eq", "listing"})
_PART_NUMBER = re.compile(r"\.?[ \t]+(?:\d|[A-Z]\b|[IVX]+\b)")
_PART_LABEL = re.compile(r"[A-Z]|[IVX]+|\d[\w.-]*")


def _part_or_interjection(text: str, c: Candidate) -> bool:
    """'Figure 1' names a part of the document, and 'OK' in 'Well, OK, I'll back up' is an
    interjection: neither is a participant."""
    if len(c.tokens) == 2 and c.tokens[0].key in _PARTS and _PART_LABEL.fullmatch(c.tokens[1].text):
        return True  # 'Appendix G', 'Chapter IV': the label is inside the name
    if len(c.tokens) != 1:
        return False
    if c.key.rstrip(".") in _PARTS and _PART_NUMBER.match(text, c.end):
        return True
    return c.key in wordlist("interjections")


# Words spoken clipped, written with an apostrophe before them: "'Kay." (okay), "'Cause", "'Til".
CLIPPED = frozenset({"kay", "cause", "cos", "til", "bout", "em", "nother"})


def _clipped(text: str, c: Candidate) -> bool:
    """ "'Kay." in a transcript is 'okay', no Kay: a clipped word after an apostrophe, none after it."""
    if len(c.tokens) != 1 or c.key not in CLIPPED or text[c.start - 1 : c.start] not in ("'", "’"):
        return False
    return text[c.end : c.end + 1] not in ("'", "’") and not text[c.start - 2 : c.start - 1].isalpha()


# A title written as the whole of a quotation: '" Fuiste Tú "', '“Poquita Ropa”' (a song, a film, a poem).
_QUOTE_MARKS = '"“”'
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
ADDRESS_TITLES = frozenset({"ser", "sir", "dame", "saint", "st", "san", "santa"})


def _quoted_title(text: str, c: Candidate) -> bool:
    """A name inside a quotation of two to six capitalised words and nothing else, that opens with no
    given name or title, names a work ('he sang "Te Quiero"', '" Si Tu No Existieras "'); a person's
    name is seldom put in quotes by itself ('" Ser Brunetto "' is one, a title before it)."""
    if c.kind == "organization":
        return False
    close = c.end + (text[c.end : c.end + 1] == " ")
    if text[close : close + 1] not in _QUOTE_MARKS:
        return False
    line = max(text.rfind("\n", 0, c.start), c.start - 60)
    opening = max(text.rfind(q, line + 1, c.start) for q in _QUOTE_MARKS)
    if opening < 0:
        return False  # checked first: with no quotation mark the slice below would be the whole text before it
    words = text[opening + 1 : close].split()
    if not 2 <= len(words) <= 6 or not all(_TITLE_WORD.fullmatch(w) and w[0].isupper() for w in words):
        return False
    first = gz.word_key(words[0])
    if first in kinds.GREETINGS or first in wordlist("interjections"):
        return False  # '" Hey Roger "': a greeting quoted
    return first not in gz.first_names() and first not in ADDRESS_TITLES and first not in wordlist("titles")


# Endings of adjectives of a school, an age, a people or a thing: 'Confucian', 'Georgian', 'Indigenous', 'Baroque'.
ADJECTIVE_END = re.compile(r"(?:ian|ean|ese|ic|ous|ist|esque)$")
_SMALL_WORD_NEXT = re.compile(r"[ \t]+[a-z]{3,}\b")


def _without_adjectives(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Confucian scholars', 'Georgian poets', 'Indigenous art': a one-word name of an adjective's
    ending that the document only ever writes before a lower-case word, and that no list knows as
    a name, qualifies a noun and names no one."""
    seen: dict[str, bool] = {}
    for c in cands:
        if seen.get(c.key, True) is False:
            continue
        if c.key not in seen and not _adjective_word(c.key):
            seen[c.key] = False
            continue
        seen[c.key] = len(c.tokens) == 1 and _SMALL_WORD_NEXT.match(text, c.end) is not None
    drop = {k for k, always in seen.items() if always}
    return [c for c in cands if c.key not in drop] if drop else cands


def _adjective_word(key: str) -> bool:
    if len(key) < 6 or not ADJECTIVE_END.search(key) or key in wordlist("function_words"):
        return False
    return not (key in gz.first_names() or key in gz.surnames() or key in gz.places() or key in gz.countries())


# Things named like people or places: diseases, ages of the earth and faiths ('COVID-19', 'Triassic', 'Islam').
NAMED_THINGS = frozenset(
    "covid covid-19 ebola hiv aids sars mers zika malaria cholera polio mpox cambrian ordovician silurian devonian "
    "carboniferous permian triassic jurassic cretaceous paleocene eocene oligocene miocene pliocene pleistocene "
    "holocene paleozoic mesozoic cenozoic precambrian islam christianity judaism buddhism hinduism".split()
)
PERIOD_EDGES = frozenset({"early", "middle", "late", "upper", "lower"})  # 'Early Permian'
STORM_WORDS = frozenset({"typhoon", "typhoons", "hurricane", "hurricanes", "cyclone", "cyclones", "storm", "storms"})
_STORM_BEFORE = re.compile(r"\b(?:[Tt]yphoon|[Hh]urricane|[Cc]yclone|Storm)s?[ \t]+")  # not "the storm Pierre feared"


def _without_storms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Typhoon Imbudo', 'hurricanes Ivan and ...', 'the cyclone Freddy': a storm's name, in every mention
    of the document, names weather; so does 'Early Permian', an age of the earth."""
    named = any(word in text for word in ("yphoon", "urricane", "yclone", "Storm"))  # a scan costs 0.2 s in a long book
    after_storm = {m.end() for m in _STORM_BEFORE.finditer(text)} if named else set()
    storms = {c.key for c in cands if len(c.tokens) == 1 and c.start in after_storm}
    storms |= {c.tokens[-1].key for c in cands if len(c.tokens) == 2 and c.tokens[0].key in STORM_WORDS}
    out = []
    for c in cands:
        if c.key in storms:
            continue
        if len(c.tokens) == 2:  # keys only for two-word names: this runs over every mention of a long book
            first, last = c.tokens[0].key, c.tokens[1].key
            if first in STORM_WORDS or first in PERIOD_EDGES and last in NAMED_THINGS:
                continue
        out.append(c)
    return out


_SURNAME_COMMA = re.compile(r"[A-Z][\w'-]+,[ \t]*$")


def _inverted_initial(text: str, c: Candidate) -> bool:
    """'Krawczyk, H.' in an author list: 'H' is the author's initial, no name of its own."""
    word = c.tokens[0].text.rstrip(".")
    if len(c.tokens) != 1 or len(word) != 1 or text[c.start + 1 : c.start + 2] != ".":
        return False
    return _SURNAME_COMMA.search(text, max(0, c.start - 40), c.start) is not None


def _cut_at_column_gaps(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A run across a gap of spaces in a line joins two columns ('Rescorla     Standards Track', a
    running footer; 'Gary Adams     Ross Patterson', a list in two columns): cut it there, and keep
    of a person's run the pieces that open with a given name or an initial."""
    out = []
    for c in cands:
        if _COLUMN_GAP.search(text, c.start, c.end) is None:
            out.append(c)
            continue
        cuts = [
            k + 1
            for k in range(len(c.tokens) - 1)
            if _COLUMN_GAP.match(text, c.tokens[k].end - 1, c.tokens[k + 1].start)
        ]
        for i, j in zip([0, *cuts], [*cuts, len(c.tokens)]):
            piece = _piece(c, i, j)
            piece.kind = c.kind
            if c.kind == "person" and _opens_with_given_name(piece):
                out.append(piece)
    return out


def _opens_with_given_name(c: Candidate) -> bool:
    first = c.tokens[0]
    return len(c.tokens) > 1 and (is_initial(first.text) or first.key in gz.first_names())


# A ship's prefix: 'HMS Warrior' names a vessel, and so does 'Warrior' alone in that text.
_SHIP = re.compile(
    r"\b(?:HMS|USS|SMS|HNLMS|RMS|HMAS|HMCS|USNS|HMNZS|[ZH]r\s?\.\s?Ms\.)\s+((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)"
)


# Every ship prefix holds one of these: a scan for them is several times faster than ``_SHIP``'s
# (its leading \b defeats the regex engine's first-character search) and skips it on most texts.
_SHIP_HINT = re.compile(r"HMS|USS|SMS|HNLMS|RMS|HMAS|HMCS|USNS|HMNZS|Ms\.")


def _without_ships(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Ships are vehicles, not participants: a name the text gives after 'HMS', 'USS', 'SMS' ...
    is a ship wherever it stands ('the Warrior 's guns'), and so is the prefixed name itself."""
    if "S " not in text or not _SHIP_HINT.search(text):
        return cands
    ships = {" ".join(gz.word_key(w) for w in m.group(1).split()) for m in _SHIP.finditer(text)}
    if not ships:
        return cands
    return [c for c in cands if c.key not in ships and not _SHIP.match(text, c.start)]


# 'Sirbu Decl., ¶ 15': a declaration cited by its declarant's name.
_DECLARATION = frozenset({"decl"})


def _without_declaration_mark(cands: list[Candidate]) -> list[Candidate]:
    """'Sirbu Decl.' cites Sirbu's declaration: the person is 'Sirbu', 'Decl' no name."""
    out = []
    for c in cands:
        if c.tokens[-1].key.rstrip(".") not in _DECLARATION:
            out.append(c)
        elif len(c.tokens) > 1:
            piece = _piece(c, 0, len(c.tokens) - 1)
            piece.kind = c.kind
            out.append(piece)
    return out


# RFC 2119 keywords in capitals: enough of them mark a specification.
_KEYWORDS = ("MUST", "SHOULD", "SHALL", "REQUIRED", "RECOMMENDED")
_KEYWORD = re.compile(r"\b(?:" + "|".join(_KEYWORDS) + r")\b")
SPEC_KEYWORDS = 5


def is_specification(text: str) -> bool:
    """A text with several RFC 2119 keywords in capitals ('MUST NOT', 'SHOULD')."""
    if not any(word in text for word in _KEYWORDS):  # a fast pre-check: the regex scan is slow on a book
        return False
    return sum(1 for _ in zip(range(SPEC_KEYWORDS), _KEYWORD.finditer(text))) >= SPEC_KEYWORDS


def _without_spec_terms(text: str, cands: list[Candidate], manual: bool = False) -> list[Candidate]:
    """A specification capitalises its defined terms, messages and fields ('Alert', 'Early
    Secret', 'Unknown Alert', 'Content-Length'): there a name whose every word the text also
    writes in lower case names no participant, nor does an identifier ('ClientHello') or a word
    in capitals that no organization's long form or the organization list explains ('AEAD',
    'CRLF', 'GET'; 'IANA' and 'NIST' stay). People keep their names: a given name is not a word
    of the prose. A manual (``technical.is_manual``) is read the same way."""
    if not (manual or is_specification(text)):
        return cands
    lower = set(_PROSE_WORD.findall(text))  # not the parts of addresses: 'cremers@cispa.de'
    long_forms = {_initials(c) for c in cands if c.kind == "organization" and len(c.tokens) > 1}
    return [
        c
        for c in cands
        if not (_spec_term(c, lower) or _identifier(c) and not _named_body(c) or _unexplained_acronym(c, long_forms))
    ]


def _named_body(c: Candidate) -> bool:
    """'OpenJS Foundation', 'GitHub Inc.': an organization whose name holds an identifier-shaped word."""
    return len(c.tokens) > 1 and c.tokens[-1].key in wordlist("org_words")


# A lower-case word of the prose: not part of an e-mail address, a URL or a file name.
_PROSE_WORD = re.compile(r"(?<![\w.@/:-])([a-z]+)(?![\w@/-]|\.\w)")


def _spec_term(c: Candidate, lower: set[str]) -> bool:
    if len(c.tokens) == 1 and len(c.key.rstrip(".")) == 1:
        return True  # a variable: 'public value Q'
    if is_acronym(c.tokens[0].text):
        return False
    words = c.tokens
    if c.initial and len(words) > 1 and words[0].key not in gz.first_names():
        words = words[1:]  # a sentence's first word is capitalised anyway
    return all(part in lower for t in words for part in t.key.split("-"))


# A capital after a small letter inside a word ('ClientHello', 'KeyUpdate'), not where names
# put one ('McCahill', 'MacArthur', 'DeVito', 'LaGuardia', "O'Neil").
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")  # and 'TLSPlaintext', 'ETag', 'PSKs
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z]")


def _identifier(c: Candidate) -> bool:
    """'ClientHello', 'TLSPlaintext': a specification's message and field names; 'PSKs' too."""
    return any(_CAMEL.search(t.text) and not _NAME_PREFIX.match(t.text) for t in c.tokens)


def _unexplained_acronym(c: Candidate, long_forms: set[str]) -> bool:
    """'AEAD', 'CRLF', 'GET' alone: terms of a specification, unless an organization's long
    form in the text has these initials ('NIST') or the organization list has it ('IANA')."""
    if len(c.tokens) != 1 or not is_acronym(c.tokens[0].text):
        return False
    word = c.tokens[0].text.replace(".", "")
    return word not in long_forms and c.key not in wordlist("organizations")


# 'Royal Holloway, University of London' on a line of its own: an affiliation in an address block.
_AFFILIATION = re.compile(r",[ \t]*(?:University|College|Institute|Inc\b|Ltd\b|LLC\b|GmbH\b)")


def _mark_affiliations(text: str, cands: list[Candidate]) -> None:
    """A name opening a line and followed by ', University of ...' or ', Inc.' is an organization."""
    for c in cands:
        line_start = text.rfind("\n", 0, c.start) + 1
        if text[line_start : c.start].strip() == "" and _AFFILIATION.match(text, c.end):
            c.kind = "organization"


def rule_mentions(analysis: Analysis) -> tuple[list[Sentence], list[Candidate], set[str]]:
    """The sentences' tokens, the rules' typed names, and the words the document writes in lower case."""
    sentences, cands, lower = _raw_candidates(analysis)
    return sentences, _classified(analysis.text, cands, lower, defined_terms(analysis.text)), lower


def _raw_candidates(analysis: Analysis) -> tuple[list[Sentence], list[Candidate], set[str]]:
    """The sentences' tokens, every capitalised run cut into name candidates, the lower-case words."""
    from reader.text import tagger

    text = analysis.text
    cands: list[Candidate] = []
    lower: set[str] = set()
    sentences = tagger.read_sentences(text, [(s.start, s.end) for s in analysis.sentences])
    for s in sentences:
        b = analysis.sentences[s.index]
        cands.extend(names.candidates(text, b.start, b.end, s.index, lower, s.tokens, (s.first, s.shouting, s.table)))
    return sentences, cands, lower


def _classified(text: str, cands: list[Candidate], lower: set[str], terms: set[str]) -> list[Candidate]:
    return [c for c in kinds.classify(cands, lower) if not _case_party(text, c) and c.key not in terms]


# 'sea surface salinity (SSS)', 'second language (L2)': an acronym right after lower-case words.
_DEFINITION = re.compile(r"((?:\b[a-z][\w-]*[ \t/]+){1,8})\(\s*([A-Z][A-Z0-9]*[a-z]?)\s*\)")


# The bracketed acronym alone, and the characters the words before it may be made of: the full
# pattern is tried only before such a bracket, not at every lower-case word of the text.
_ACRONYM = re.compile(r"\(\s*[A-Z][A-Z0-9]*[a-z]?\s*\)")
_PHRASE_CHAR = re.compile(r"[\w \t/-]")


def defined_terms(text: str) -> set[str]:
    """Acronyms the text defines as short for a lower-case phrase: terms of a field, not names."""
    out = set()
    for m in _definitions(text):
        acronym = m.group(2)
        if len(acronym) > 1 and _abbreviates(re.split(r"[\s/-]+", m.group(1).strip()), acronym):
            out.add(gz.word_key(acronym))
    return out


def _definitions(text: str) -> list[re.Match[str]]:
    """The matches of ``_DEFINITION.finditer(text)``, found faster: a match holds one bracket,
    and its words lie in the run of word, space and slash characters just before it."""
    out = []
    for bracket in _ACRONYM.finditer(text):
        start = bracket.start()
        while start > 0 and _PHRASE_CHAR.match(text[start - 1]):
            start -= 1
        m = _DEFINITION.search(text, start, bracket.end())
        if m:
            out.append(m)
    return out


def _abbreviates(words: list[str], acronym: str) -> bool:
    """The acronym's capitals are the initials of the last words, in order ('two scale model')."""
    letters = [ch.lower() for ch in acronym if ch.isupper()]
    initials = [w[0] for w in words if w]
    if not initials or initials[-1] != letters[-1]:
        return False
    n = len(initials) - 1
    for letter in reversed(letters[:-1]):
        while n > 0 and initials[n - 1] != letter:
            n -= 1
        if n == 0:
            return False
        n -= 1
    return True


CASE_MARK = re.compile(r"\s+v(?:s)?\.\s+")


# UN house style capitalises these common nouns ('our Organization', 'a major ocean State').
# Wider lists ('Congress', 'this Nation', 'TV') cost GUM dev: there they are names.
_HEADS = frozenset({"state", "organization", "organisation"})
_WORD_BEFORE = re.compile(r"(?<!')\b([a-z]+)\s+$")


def _common_head(text: str, c: Candidate) -> bool:
    """A lone 'State' or 'Organization' after a lower-case word other than 'the' is a common noun."""
    if len(c.tokens) != 1 or c.key not in _HEADS:
        return False
    before = _WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
    return before is not None and before.group(1) not in ("the", "of")


# RFC 2119 keywords in capitals ('TRACE SHOULD NOT') are requirements, not names.
_REQUIREMENTS = frozenset(
    {"must", "should", "shall", "not", "required", "recommended", "optional"}
)  # not MAY: Theresa May


def _requirement(c: Candidate) -> bool:
    """'TRACE SHOULD NOT', 'NOT': a specification's keywords in capitals name nobody."""
    return any(t.key in _REQUIREMENTS and t.text.isupper() and len(t.text) > 2 for t in c.tokens)


def _case_party(text: str, c: Candidate) -> bool:
    """'Green v. United States' names a court case, not a person and a place."""
    return (
        CASE_MARK.match(text, c.end, c.end + 8) is not None
        or CASE_MARK.search(text, max(0, c.start - 8), c.start) is not None
        and text[: c.start].rstrip().endswith((" v.", " vs."))
    )


def _mark_definitions(cands: list[Candidate], text: str) -> None:
    """'Long Name (LN)': LN names the nearest earlier candidate of its sentence with its initial."""
    for n, c in enumerate(cands):
        if not is_acronym(c.tokens[0].text) or len(c.tokens) != 1:
            continue
        if text[c.start - 1 : c.start] != "(" or text[c.end : c.end + 1] != ")":
            continue
        letter = c.tokens[0].text[0]
        for prev in reversed(cands[:n]):
            if prev.sentence != c.sentence:
                break
            if prev.tokens[0].text[0] == letter and len(prev.tokens) > 1 and not _person_without(c, prev):
                c.defines, c.kind = prev, prev.kind
                break


def _person_without(acronym: Candidate, long: Candidate) -> bool:
    """'T. Wright' before '(TLS)': an acronym defines no person whose initials it does not hold."""
    letters = iter(_initials(long))
    return long.kind == "person" and not all(ch in letters for ch in acronym.tokens[0].text if ch.isalpha())


def _group(cands: list[Candidate]) -> list[list[Candidate]]:
    """Mentions of one participant together; groups in order of first mention."""
    groups: list[list[Candidate]] = []
    index = _Index()
    family = _family_names(cands)
    for c in cands:
        title = _honorific(c) if c.key in family else ""
        key = (c.kind or "", c.key + ("|" + title if title else ""))
        target = index.exact.get(key)
        if target is None and not title and c.key not in family:
            target = _alias_target(c, index)
        if target is None:
            target = []
            groups.append(target)
        if key not in index.exact:
            index.add(c, target, key)
        target.append(c)
    from reader.text.aliases import join_titled

    return join_titled(_merge_lone_names(groups, family))


def _honorific(c: Candidate) -> str:
    """'mr', 'mrs', 'miss', 'ms', 'lady', 'sir' or 'lord' before a one-word person name; or a rank ('admiral')."""
    if c.kind != "person" or not _surname_only(c) or not c.titles:
        return ""
    if c.titles[-1].key in FOREIGN_TITLES and c.key in gz.first_names():
        return ""  # 'Monsieur Pierre', 'Mademoiselle Sophie': the first name, as French and German use it
    key = honorific_key(c.titles[-1].key)
    return key if key in HONORIFICS or key in RANKS else ""


def honorific_key(key: str) -> str:
    """'madame' -> 'mrs': a title in English, so Madame and Mrs. Lebrun are one title."""
    return FOREIGN_TITLES.get(key, key)


def _surname_only(c: Candidate) -> bool:
    """'Bennet' or 'van der Luyden': a surname alone, its particles included."""
    return all(t.key in names.PARTICLES for t in c.tokens[:-1])


def _surname_key(c: Candidate) -> str:
    """'Henry van der Luyden' -> 'van der luyden'."""
    keys = [t.key for t in c.tokens]
    n = len(keys) - 1
    while n > 1 and keys[n - 1] in names.PARTICLES:
        n -= 1
    return " ".join(keys[n:])


def _family_names(cands: list[Candidate]) -> set[str]:
    """Surnames whose titled forms are people of their own: given with two honorifics (Mr. and
    Mrs. Bennet are two people, and neither is Elizabeth Bennet), or given with one while the
    full name's bearer goes by the first name alone ('Mr. Emerson' is not 'George', his son)."""
    seen: dict[str, set[str]] = {}
    alone: dict[str, int] = {}
    firsts: dict[str, set[str]] = {}
    for c in cands:
        title = _honorific(c)
        if title:
            seen.setdefault(c.key, set()).add(title)
        elif c.kind == "person" and len(c.tokens) == 1:
            alone[c.key] = alone.get(c.key, 0) + 1
        elif c.kind == "person":
            firsts.setdefault(_surname_key(c), set()).add(c.tokens[0].key)
    return {
        key
        for key, titles in seen.items()
        if len(titles) > 1 or any(alone.get(first, 0) >= 2 for first in firsts.get(key, ()))
    }


def _family_title(group: list[Candidate]) -> str:
    """'Mrs.' for a group of 'Mrs. Hilbery' mentions kept apart from the rest of the family."""
    titled = [
        c.titles[-1] for c in group if c.titles and honorific_key(c.titles[-1].key) in HONORIFICS and _surname_only(c)
    ]
    if len({honorific_key(t.key) for t in titled}) != 1 or 2 * len(titled) < len(group):
        return ""  # 'Charles' with one 'Mrs Charles' among his mentions is not a Mrs
    forms = [t.text for t in titled]
    return max(forms, key=forms.count)  # 'Mr.' over a heading's 'MR'


def _merge_lone_names(groups: list[list[Candidate]], family: set[str]) -> list[list[Candidate]]:
    """'Napoleon' met before 'Napoleon Bonaparte' joins him when no other full name fits."""
    full: dict[str, list[int]] = {}
    for n, g in enumerate(groups):
        if g[0].kind == "person":
            for key in {
                w
                for c in g
                if len(c.tokens) > 1 and not _of_name(c.tokens)
                for w in (c.tokens[0].key, c.tokens[-1].key)
            }:
                full.setdefault(key, []).append(n)
    merged: dict[int, int] = {}
    families: dict[str, set[int]] = {}  # family stem -> the person groups using it, made on first need
    men = _men_by_surname(groups)
    misters = _misters(groups)
    for n, g in enumerate(groups):
        keys = {c.key for c in g}
        if g[0].kind != "person" or len(keys) != 1 or len(g[0].tokens) != 1:
            continue
        if g[0].key in family:
            # 'Denham' untitled beside 'Mrs. Denham' and 'Ralph Denham': the one man of that name.
            # Else the one Mr. of that name: 'Darcy' beside 'Mr. Darcy' and 'Miss Darcy' is him.
            owner = men.get(g[0].key, misters.get(g[0].key))
            if owner is not None and owner != n and not any(c.titles for c in g):
                merged[n] = owner
            continue
        owners = full.get(next(iter(keys)), [])
        if len(owners) == 1 and owners[0] != n and not _rare_fuller_form(g, groups, owners[0], families):
            merged[n] = owners[0]
    for n, target in merged.items():
        groups[target].extend(groups[n])
        groups[target].sort(key=lambda c: c.start)
    kept = [g for n, g in enumerate(groups) if n not in merged]
    return sorted(kept, key=lambda g: g[0].start)  # ids follow first mentions


def _of_name(tokens: list[Token]) -> bool:
    """'Kingdom of God', 'Duke of York': the last word names something else, not this one's family."""
    return any(t.key == "of" for t in tokens[1:-1])


def _rare_fuller_form(
    lone: list[Candidate], groups: list[list[Candidate]], owner: int, families: dict[str, set[int]]
) -> bool:
    """'Tíkhon' (80 times) is not 'Tíkhon Shcherbáty' (twice, another man), nor 'Noah' 'Noah Webster'
    (once, in another chapter than every 'Noah'), nor 'Parsee' (Fedallah)
    'Parsee Ahab' (once): a name used alone far more often than in the one fuller form that opens
    with it, where that form's last word is no family the text names elsewhere. 'Pétya' still joins
    'Pétya Rostóv' beside the Rostóvs, 'Dron' 'Dron Zakhárych' beside 'Michael Zakhárych'."""
    key = lone[0].key
    fuller = [c for c in groups[owner] if len(c.tokens) > 1 and c.tokens[0].key == key]
    if not fuller:
        return False
    starts = sorted(f.start for f in fuller)
    near = sum(_has_near(starts, c.start, NEAR) for c in lone)
    if len(lone) < RARE_FULL_FORM * len(fuller) and (len(fuller) > 1 or near or len(lone) < 2):
        return False
    if 2 * near >= len(lone):
        return False  # 'Simon' in the chapter of 'Simon Chekmár' is him
    return not _family_named_elsewhere(fuller, groups, owner, families)  # 'Noah Webster' once, far from every 'Noah'


def _family_named_elsewhere(
    fuller: list[Candidate], groups: list[list[Candidate]], owner: int, families: dict[str, set[int]]
) -> bool:
    """The last word of a fuller form names another person too: 'Darcy' of 'Georgiana Darcy' beside 'Mr. Darcy'.
    ``families`` is filled once per document: a book asks for many names, each scan walked every mention."""
    if not families:
        for n, g in enumerate(groups):
            if g[0].kind == "person":
                for c in g:
                    families.setdefault(_family_stem(c.tokens[-1].key), set()).add(n)
    lasts = {_family_stem(c.tokens[-1].key) for c in fuller}
    return any(n != owner for stem in lasts for n in families.get(stem, ()))


# Characters within which a lone name is read as the fuller form beside it (a chapter or so).
NEAR = 20_000


def _has_near(starts: list[int], at: int, distance: int) -> bool:
    """Some value of the sorted ``starts`` lies less than ``distance`` from ``at``: only the two
    around it need a look ('Pierre' alone thousands of times, beside hundreds of fuller forms)."""
    i = bisect.bisect_left(starts, at)
    return i < len(starts) and starts[i] - at < distance or i > 0 and at - starts[i - 1] < distance


def _family_stem(key: str) -> str:
    """'rostóva' -> 'rostóv': a wife's or daughter's form of the family name."""
    return key[:-1] if key.endswith("a") and len(key) > 5 else key


def _misters(groups: list[list[Candidate]]) -> dict[str, int]:
    """Surname -> the group of the only 'Mr.' (or Sir, Lord) of that surname."""
    found: dict[str, list[int]] = {}
    for n, g in enumerate(groups):
        title = honorific_key(_family_title(g).lower().rstrip("."))
        if g[0].kind == "person" and title in ("mr", "sir", "lord"):
            found.setdefault(g[0].key, []).append(n)
    return {key: owners[0] for key, owners in found.items() if len(owners) == 1}


def _men_by_surname(groups: list[list[Candidate]]) -> dict[str, int]:
    """Surname -> the group of the only full name with that surname, when its first name is a man's."""
    found: dict[str, dict[int, str]] = {}
    for n, g in enumerate(groups):
        if g[0].kind != "person":
            continue
        for c in g:
            if len(c.tokens) == 2:
                found.setdefault(c.tokens[-1].key, {}).setdefault(n, c.tokens[0].key)
    return {
        key: n
        for key, owners in found.items()
        if len(owners) == 1
        for n, first in owners.items()
        if gz.genders().get(first) == "m"
    }


class _Index:
    """Ways to find the group a new name may belong to without comparing with every group."""

    def __init__(self) -> None:
        self.exact: dict[tuple[str, str], list[Candidate]] = {}
        self.by_word: dict[str, list[tuple[Candidate, list[Candidate]]]] = {}
        self.group_of: dict[int, list[Candidate]] = {}

    def add(self, c: Candidate, group: list[Candidate], key: tuple[str, str]) -> None:
        self.exact[key] = group
        self.group_of[id(c)] = group
        for word in _index_words(c):
            self.by_word.setdefault(word, []).append((c, group))

    def near(self, c: Candidate) -> list[tuple[Candidate, list[Candidate]]]:
        seen, out = set(), []
        for word in _index_words(c):
            for item in self.by_word.get(word, []):
                if id(item[0]) not in seen:
                    seen.add(id(item[0]))
                    out.append(item)
        return out


def _index_words(c: Candidate) -> list[str]:
    """Surname, acronym or initials, first words and last word: what an alias shares."""
    keys = [t.key for t in c.tokens]
    out = ["last:" + keys[-1], "first3:" + " ".join(keys[:3]), "first2:" + " ".join(keys[:2])]
    if c.kind == "organization":
        out.append("acr:" + (c.tokens[0].text.replace(".", "") if len(keys) == 1 else _initials(c)))
    return out


def _alias_target(c: Candidate, index: _Index) -> list[Candidate] | None:
    """The earlier group ``c`` is another name of, if any (latest group first)."""
    if c.defines is not None and id(c.defines) in index.group_of:
        return index.group_of[id(c.defines)]
    for other, group in reversed(index.near(c)):
        if other.kind != c.kind and not (c.kind == "organization" and _is_acronym_of(c, other)):
            continue
        if c.kind == "person" and len(c.tokens) > 1 and len(other.tokens) == 1:
            continue  # "Nicholas Rostóv" is not "Ilyá Rostóv" because both are "Rostóv"
        if _same(c, other):
            return group
    return None


def _same(c: Candidate, other: Candidate) -> bool:
    if c.kind == "person":
        return _same_person(c.tokens, other.tokens) or _same_person(other.tokens, c.tokens)
    if c.kind == "organization":
        return _is_acronym_of(c, other) or _is_acronym_of(other, c) or _prefix(c, other)
    return _place_variant(c, other) or _place_variant(other, c)


def _same_person(short: list[Token], full: list[Token]) -> bool:
    """'Gherman', 'N. Gherman' and 'Natalya Gherman' are one person; 'Igor Gherman' is not.
    'Anna Pávlovna' is 'Anna Pávlovna Schérer'."""
    if 2 <= len(short) < len(full) and [t.key for t in short] == [t.key for t in full[: len(short)]]:
        return True
    if _of_name(full):
        return False  # 'Kingdom of God' is not 'God'
    if len(short) > len(full) or short[-1].key != full[-1].key or len(full) < 2:
        return False
    for a, b in zip(short[:-1], full[:-1]):
        if a.key == b.key:
            continue
        if not (is_initial(a.text) and b.key.startswith(a.key)):
            return False
    return True


def _is_acronym_of(short: Candidate, long: Candidate) -> bool:
    if len(short.tokens) != 1 or len(long.tokens) < 2:
        return False
    word = short.tokens[0].text.replace(".", "")
    if not is_acronym(word):
        return False
    return word == _initials(long)


def _initials(c: Candidate) -> str:
    out = []
    for t in c.tokens:
        if t.key in LINK_WORDS:
            continue
        text = t.text.replace(".", "")
        out.append(text if is_acronym(text) else text[0].upper())
    return "".join(out)


def _prefix(a: Candidate, b: Candidate) -> bool:
    """'UN Regional Center for Preventive Diplomacy' cut short by a typo is still the centre."""
    short, long = sorted((a.key.split(), b.key.split()), key=len)
    return len(short) >= 3 and long[: len(short)] == short


def _place_variant(a: Candidate, b: Candidate) -> bool:
    """'Republic of Uzbekistan' and 'Uzbekistan' (they share the last word)."""
    return a.key.endswith(" of " + b.key) and a.tokens[0].key in names.PLACE_HEADS


def _participant(pid: str, group: list[Candidate], text: str) -> Participant:
    aliases: list[str] = []
    for c in group:
        form = text[c.start : c.end]
        if form not in aliases:
            aliases.append(form)
    return Participant(
        id=pid,
        name=_canonical(group, text),
        kind=_kind(group),
        aliases=aliases,
        mentions=[Mention(c.start, c.end) for c in sorted(group, key=lambda c: c.start)],
    )


def _kind(group: list[Candidate]) -> ParticipantKind:
    kinds_seen = [c.kind or "" for c in group]
    kind = max(set(kinds_seen), key=lambda k: (kinds_seen.count(k), -kinds_seen.index(k)))
    return kind  # type: ignore[return-value]


def _canonical(group: list[Candidate], text: str) -> str:
    """The fullest form, preferring one the text uses more than once; for a person, the form the
    text uses most when the fuller one only adds words that are no given name and is rare beside
    it ('Stubb', not 'Massa Stubb')."""
    counts = Counter(c.key for c in group)
    mixed = group
    if _kind(group) == "person":  # 'Checkoway', not 'CHECKOWAY'; an organization's acronym may be its name
        mixed = [c for c in group if not _in_capitals(c)] or group
        mixed = [c for c in mixed if c.defines is None] or mixed  # 'Bob' of 'Robert "Bob" Smith' is a nickname
    best = max(mixed, key=lambda c: (counts[c.key] > 1, len(c.tokens), c.end - c.start, -c.start))
    if _kind(group) == "person":
        top = max(mixed, key=lambda c: (counts[c.key], len(c.tokens), -c.start))
        if counts[top.key] >= RARE_FULL_FORM * counts[best.key] and not _adds_given_name(best, top):
            best = top
    return re.sub(r"\s+", " ", text[best.start : best.end])


def _in_capitals(c: Candidate) -> bool:
    """'CHECKOWAY', 'ERIC RESCORLA': every word of more than one letter in capitals."""
    return all(t.text.isupper() for t in c.tokens if len(t.text.rstrip(".")) > 1 and t.text[0].isalpha())


# The most used form names a person when a fuller form is this many times rarer.
RARE_FULL_FORM = 10


def _adds_given_name(full: Candidate, short: Candidate) -> bool:
    """'Pétya Rostóv' beside 'Rostóv' or 'Pétya': the fuller form adds a given name or an initial,
    or goes on after the short one (a family name, a patronymic); 'Massa Stubb' only puts a word before."""
    if full.key.startswith(short.key + " "):
        return True
    extra = [t for t in full.tokens if t.key not in short.key.split()]
    return any(t.key in gz.first_names() or is_initial(t.text) for t in extra)
