"""Decide what each name candidate is: person, organization, place, or not a participant.

First each candidate on its own evidence (gazetteers, head words, titles, first names),
then the document as a whole: once "Vladimir Voronkov" is a person, "Voronkov" is one
too, and a headline in capitals is read through the names the body has typed.
"""

from __future__ import annotations

import re
from functools import cache

from reader.text import gazetteer as gz
from reader.text.names import PLACE_HEADS, Candidate, Token
from reader.text.names import initial as _is_initial
from reader.text.tokens import is_acronym as _is_acronym
from reader.text.tokens import words as wordlist

PLACE_CONTEXT = frozenset(
    {"in", "at", "near", "from", "across", "outside", "throughout", "towards", "toward", "via", "into"}
)
# Title words that describe rather than name a person's office ("former Yugoslavia").
WEAK_TITLES = frozenset(
    {
        "new",
        "former",
        "first",
        "senior",
        "junior",
        "acting",
        "special",
        "regional",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "trade",
        "economy",
        "opposition",
        "executive",
        "assistant",
        "vice",
        "deputy",
        "chief",
        "head",
        "crown",
        "leader",
        "private",
        "officer",
        "general",
        "major",
        "count",
        "justice",
        "manager",
        "coach",
    }
)
# Words before a team in sports news: a city here is its club ("against Liverpool").
TEAM_CONTEXT = frozenset(
    {
        "against",
        "v",
        "vs",
        "beat",
        "beating",
        "host",
        "hosts",
        "visit",
        "visiting",
        "draw",
        "drew",
        "champions",
        "club",
        "side",
    }
)
# Suffixes after which a company's first word names it alone: "Newmont Mining Corp" -> "Newmont".
COMPANY_SUFFIXES = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "plc",
        "llc",
        "ag",
        "sa",
        "nv",
        "gmbh",
        "group",
        "holdings",
        "spa",
        "ab",
        "asa",
        "oy",
        "bank",
    }
)
TEAM, SURE, WEAK = 3, 2, 1
# Words that open a place's name: "Lake Merritt", "Mt. Talau", "Cape Cod".
PLACE_PREFIXES = frozenset(
    {"lake", "mount", "mt", "cape", "isle", "fort", "ft", "port", "gulf", "bay", "loch", "river"}
)
# Endings of English common nouns and adjectives, seldom of a surname ("Sustainable Development").
COMMON_SUFFIX = re.compile(r"(?:tion|sion|ment|ity|ness|ship|ism|ance|ence|able|ible|ive|ical|ary|ogy|ing)s?$")


def classify(cands: list[Candidate], lower: set[str] | frozenset[str] = frozenset()) -> list[Candidate]:
    """The candidates that name participants, each with ``kind`` set.

    ``lower`` holds the words the document also writes in lower case: a sentence's first
    word among them ("Suddenly", "Beside") is not part of a name.
    """
    for c in cands:
        _drop_opening_word(c, lower)
    cands = [c for c in cands if c.tokens and not _pronoun(c)]
    verdicts = [_local(c) for c in cands]
    evidence = _person_evidence(cands)
    _use_document_evidence(cands, verdicts, lower, evidence)
    _determined_things(cands, verdicts, evidence)
    _mostly_places(cands, verdicts, evidence)
    _products(cands, verdicts)
    _compass_regions(cands, verdicts)
    _prefer_surnames(cands, verdicts)
    _follow_teams(cands, verdicts)
    known = _known(cands, verdicts)
    sure = _known(cands, verdicts, strongest=SURE)
    out = []
    for c, (kind, strength) in zip(cands, verdicts):
        if c.shouting:
            out.extend(_read_shouting(c, sure))
            continue
        if kind == "drop":
            continue
        if strength < SURE:
            kind = _from_document(c, known) or kind or _from_context(c)
        if kind:
            c.kind = kind
            out.append(c)
    _characters_are_people(out)
    return out


def _characters_are_people(cands: list[Candidate]) -> None:
    """A one-word name the document mostly gives a person ("Mary" of "Mary Musgrove", "Dallas"
    who speaks) is that person everywhere in it, unless it names a country or region."""
    firsts = {c.tokens[0].key for c in cands if c.kind == "person" and len(c.tokens) > 1}
    votes: dict[str, list[int]] = {}
    for c in cands:
        if len(c.tokens) == 1 and not c.shouting:
            votes.setdefault(c.key, [0, 0])[c.kind != "person"] += 1
    for c in cands:
        if c.kind == "person" or len(c.tokens) != 1 or c.shouting or c.key in gz.countries() or c.key in gz.regions():
            continue
        person, other = votes[c.key]
        first = c.key in firsts and c.key in gz.first_names() and person > 0
        if person > other or first and person * 3 >= other:
            c.kind = "person"


Verdict = tuple[str | None, int]


# Media named alone are the thing, not a broadcaster: 'watching TV', 'on the Radio' (but 'Sky TV').
MEDIA = frozenset({"tv", "television", "radio"})


# Adjectives of government that, alone, qualify a common noun: 'with Federal help', 'National parks'.
LONE_ADJECTIVES = frozenset({"federal", "national", "international", "imperial", "municipal", "provincial", "regional"})


def _not_a_name(c: Candidate, keys: list[str]) -> Verdict | None:
    if keys and all(k in MEDIA for k in keys) or keys and all(k in LONE_ADJECTIVES for k in keys):
        return "drop", SURE
    if not _org_head(keys) and (any(k in wordlist("not_names") for k in keys) or people_of(c)):
        return "drop", SURE
    if len(keys) > 1 and len(keys[-1]) == 1:  # "Group C"
        return "drop", SURE
    return None


DEITIES = frozenset({"god", "allah", "yahweh", "jehovah", "devil", "satan"})


def _deity(c: Candidate, keys: list[str]) -> Verdict | None:
    return ("person", SURE) if c.key in DEITIES else None  # 'believe in God': GUM counts God a person


def people_of(c: Candidate) -> bool:
    """'Ugandans', 'Costa Ricans', 'New Zealanders': the people of a country, a group and no one."""
    if gz.is_demonym(c.tokens[-1].text):
        return True
    key = c.key
    if len(c.tokens) == 1 and _group_noun(key):
        return True  # 'Rustaceans', 'Parisians': the followers of a thing or people of a town
    if len(c.tokens) < 2 or not key.endswith("s"):
        return False
    return any(key.endswith(end) and key[: -len(end)] in gz.countries() for end in ("ns", "ers", "s"))


# Endings of a plural noun for a group of people: 'Rustaceans', 'Victorians', 'Brooklynites'.
GROUP_ENDINGS = ("aceans", "ians", "eans", "ites")


def _group_noun(key: str) -> bool:
    if len(key) < 7 or not key.endswith(GROUP_ENDINGS):
        return False
    single = key[:-1]
    return not (single in gz.first_names() or single in gz.surnames() or key in gz.surnames() or key in gz.places())


def _known_organization(c: Candidate, keys: list[str]) -> Verdict | None:
    return ("organization", SURE) if c.key in wordlist("organizations") else None


def _acronym_not_place(c: Candidate, keys: list[str]) -> Verdict | None:
    if len(keys) == 1 and _is_acronym(c.tokens[0].text) and not _spelled_place(c.key):
        return "organization", WEAK
    return None


def _region_or_team(c: Candidate, keys: list[str]) -> Verdict | None:
    if c.key not in gz.regions() or _person_titled(c):
        return None
    if c.team and c.key not in gz.countries():
        return "organization", TEAM  # "NEW JERSEY 10 4 2" in a league table
    return "place", SURE


def _city_or_team(c: Candidate, keys: list[str]) -> Verdict | None:
    if c.key not in gz.cities() and c.key not in gz.towns():
        return None
    if c.team or c.before in TEAM_CONTEXT:
        return "organization", TEAM
    if _person_titled(c):
        return None
    return "place", SURE if c.key in gz.cities() else WEAK


def _organization_words(c: Candidate, keys: list[str]) -> Verdict | None:
    if len(keys) > 1 and _club(c) or any(k in wordlist("org_words") for k in keys):
        return "organization", SURE
    return None


# Plural words that end a place's own name, not a team's: "Niagara Falls", "Washington Heights".
PLACE_PLURALS = frozenset(
    {"falls", "heights", "springs", "hills", "woods", "fields", "lakes", "highlands", "plains", "rapids", "sands"}
)


def _team_name(c: Candidate, keys: list[str]) -> Verdict | None:
    """'Pittsburgh Pirates', 'New York Mets': a city or state and a plural nickname name a club."""
    n = next((n for n in (3, 2, 1) if n < len(keys) and _city_or_region(" ".join(keys[:n]))), 0)
    if not n or len(keys) - n > 2:
        return None
    last = keys[-1]
    if not last.endswith("s") or last.endswith("ss") or last in PLACE_PLURALS or last in PLACE_HEADS:
        return None
    if any(_is_initial(t) or _is_acronym(t.text) or gz.is_demonym(t.text) for t in c.tokens[n:]):
        return None
    return "organization", SURE


def _city_or_region(key: str) -> bool:
    return key in gz.cities() or key in gz.regions()


def _place_prefix(c: Candidate, keys: list[str]) -> Verdict | None:
    return ("place", SURE) if keys[0] in PLACE_PREFIXES and len(keys) > 1 else None  # "Lake Merritt", "Mt. Talau"


def _person_name_shape(c: Candidate, keys: list[str]) -> Verdict | None:
    return ("person", SURE) if _person_shaped(c) else None


def _place_head(c: Candidate, keys: list[str]) -> Verdict | None:
    if keys[0] in PLACE_HEADS and len(keys) > 2 or keys[-1] in PLACE_HEADS and len(keys) > 1:
        return "place", SURE
    return None


def _titled_person(c: Candidate, keys: list[str]) -> Verdict | None:
    return ("person", SURE) if _person_titled(c) else None


def _name_words(c: Candidate, keys: list[str]) -> Verdict | None:
    if 1 < len(keys) < 5 and all(_name_word(t.text) for t in c.tokens) and not _has_common_word(c):
        return "person", WEAK
    return None


# What a candidate is on its own: the first rule that answers decides.
def _country_half(c: Candidate, keys: list[str]) -> Verdict | None:
    """'Saint Kitts' of 'Saint Kitts and Nevis', 'Saint Vincent' of 'Saint Vincent and the Grenadines':
    one side of a country named with 'and' is a place, whatever its first word looks like."""
    if (
        c.after == "and"
        and c.key in _country_halves()[0]
        or c.before in ("and", "the")
        and c.key in _country_halves()[1]
    ):
        return "place", SURE
    return None


@cache
def _country_halves() -> tuple[frozenset[str], frozenset[str]]:
    pairs = [name.split(" and ", 1) for name in gz.countries() if " and " in name]
    firsts = frozenset(a for a, _ in pairs)
    seconds = frozenset(b.removeprefix("the ") for _, b in pairs)
    return firsts, seconds


# British motorways and A roads ('M1', 'A1M', 'A1237'), US interstates ('I-80'): places in GUM.
ROAD_CODE = re.compile(r"(?:[AM][1-9]\d{0,3}M?|I-[1-9]\d{0,2})")
ROAD_CONTEXT = frozenset({"the", "on", "via", "take", "off", "along", "onto", "join", "and"})
NOT_ROADS = frozenset({"paper", "papers", "size", "sheet", "sheets", "format", "envelope"})  # 'the A4 paper'


def _road(c: Candidate, keys: list[str]) -> Verdict | None:
    """'take the M1 northbound', 'the A59 and the M62': a road number after 'the' is a place."""
    if (
        len(keys) == 1
        and ROAD_CODE.fullmatch(c.tokens[0].text)
        and c.before in ROAD_CONTEXT
        and c.after not in NOT_ROADS
    ):
        return "place", SURE
    return None


COMPASS = frozenset({"north", "south", "east", "west", "midwest", "northeast", "northwest", "southeast", "southwest"})


LOCAL_RULES = (
    _road,
    _deity,
    _not_a_name,
    _country_half,
    _known_organization,
    _acronym_not_place,
    _region_or_team,
    _city_or_team,
    _organization_words,
    _team_name,
    _place_prefix,
    _person_name_shape,
    _place_head,
    _titled_person,
    _name_words,
)


def _local(c: Candidate) -> Verdict:
    """What the candidate is on its own: (kind or 'drop' or None, strength)."""
    keys = [t.key for t in c.tokens]
    for rule in LOCAL_RULES:
        verdict = rule(c, keys)
        if verdict is not None:
            return verdict
    return None, 0


Evidence = dict[str, list[int]]


def _person_evidence(cands: list[Candidate]) -> Evidence:
    """Per key, how often the document uses it as a person's name and as a place's.

    A person: "said Elizabeth", "Steven wanted", "Miss Elizabeth"; a place: "in Elizabeth"."""
    speech = wordlist("cue_verbs") | wordlist("person_verbs") | wordlist("speech_verbs")
    out: dict[str, list[int]] = {}
    for c in cands:
        counts = out.setdefault(c.key, [0, 0, 0, 0, 0])
        if c.before == "the" and c.before2 in speech:
            counts[3] += 1  # "said the Voice", "cried the Invisible Man": fiction names a character so
        if c.before in wordlist("kind_nouns") or c.before == "in" and c.before2 in WORK_VERBS:
            counts[2] += 1  # "the shuttle Atlantis", "starred in Daylight Robbery"
        elif c.after in wordlist("kind_nouns"):
            counts[4] += 1  # "the Eegimaa language", but also "the Luther book"
        if c.after in speech or c.before in wordlist("cue_verbs") or _person_titled(c) or _cited(c):
            counts[0] += 1
        if _addressed(c):
            counts[0] += 2  # 'Hi Kat!', "I'm Miyuki", 'Miyuki, you're late': only a person is greeted so
        if _in_place(c) or _before_its_state(c) or _visited(c):
            counts[1] += 1
    return out


GREETINGS = frozenset({"hi", "hey", "hello", "bye", "goodbye", "thanks", "dear", "congratulations"})
SELF = frozenset({"'m", "’m", "i'm", "i’m", "am", "me"})  # "I'm Miyuki", 'call me Ash'


CLOSING = frozenset({"”", '"', "’", "'"})
FAMILY = frozenset({"dad", "mom", "mum", "mother", "father", "grandma", "grandpa", "sir", "madam", "guys", "man"})


def _addressed(c: Candidate) -> bool:
    """A name the speaker greets, calls by, or gives as their own; not a place ending a list
    ('in Moscow, Petersburg.”')."""
    if len(c.tokens) > 2 or _any_place(c.key) or c.key in wordlist("titles"):
        return False
    if c.before in GREETINGS or c.before in SELF and c.before2 in ("i", "call", "called", "name", ""):
        return True
    if c.before == "," and c.before2 == "you" and c.after in ("!", ","):
        return True  # 'Thank you, Rugal,'
    if c.before == "," and c.after in (",", "!", "?", ".") and c.after2 in CLOSING:
        return True  # '“It’s okay, Gram,” Renata said'
    word = c.tokens[0].key
    plain = word.endswith("ly") or word in wordlist("interjections") or word in FAMILY
    return c.after == "," and c.after2 == "you" and not plain  # 'Miyuki, you're late'; not 'Finally, you'


VISITS = frozenset({"visit", "visiting", "visited", "explore", "exploring", "explored", "reach", "reached"})


def _visited(c: Candidate) -> bool:
    """'visit Isfahan', 'north of Naqsh-e Jahan': where one goes; not 'visit Grandma' nor a given name."""
    if c.key in gz.first_names() or c.after in POSSESSIVE:
        return False
    return c.before in VISITS or c.before == "of" and c.before2 in COMPASS


def _before_its_state(c: Candidate) -> bool:
    """'Eau Gallie, Fla.', 'Coron, Palawan': a name followed by its state or country is a place."""
    if c.before == "(":  # '(Juventus, Italy)': a club and its country in a sports list
        return False
    return c.after == "," and c.after2 in gz.regions() and c.after2 not in gz.first_names()


# Verbs before "in" and a work: "starred in Daylight Robbery", "appeared in Gilmore Girls".
WORK_VERBS = frozenset({"starred", "appeared", "featured", "cast", "starring", "appearing", "appears", "stars"})


SPEAKS = 3  # "said the Voice" this often makes "Voice" a character


def _cited(c: Candidate) -> bool:
    """'(Williams, 2010)', 'Biggs et al.', 'Brieber 2014': an author in a citation."""
    after = c.after2 if c.after == "," else c.after
    year = after.isdigit() and len(after) == 4 and after[:2] in ("18", "19", "20")
    return c.after == "et" or year and c.before in ("(", ";", "&", "and", "example", "see", "")


def _use_document_evidence(
    cands: list[Candidate], verdicts: list[Verdict], lower: set[str] | frozenset[str], evidence: Evidence
) -> None:
    """Lone first names are people ("Steven wanted to be a dentist"), even when a town shares the
    name, if the document uses them as people; a sentence's first word that the document
    otherwise writes in lower case and never capitalises inside a sentence is no name ("Can")."""
    inside = {c.key for c in cands if not c.initial}
    named = {c.key for c in cands if c.before == "the" or c.after in wordlist("cue_verbs")} | _defined_short(
        cands, verdicts
    )
    for n, c in enumerate(cands):
        person, place, thing, speaks, modifies = evidence[c.key]
        if speaks >= SPEAKS and verdicts[n][1] < SURE and place == 0:
            verdicts[n] = ("person", SURE)  # the text's own name for a character it lets speak
            continue
        if (thing >= person and thing or modifies and not person) and not _region(c.key):
            verdicts[n] = ("drop", SURE)  # "the shuttle Atlantis", "the Eegimaa language"
        elif len(c.tokens) > 1 and verdicts[n] == ("person", WEAK) and _common_phrase(c, lower):
            verdicts[n] = ("drop", SURE)  # "Nuclear Weapons", "Promised Land": words the text also writes small
        if len(c.tokens) != 1 or c.shouting:
            continue
        if verdicts[n] == ("organization", WEAK) and c.key not in named and len(c.key) <= 3:
            verdicts[n] = ("drop", SURE)  # "DH projects", "TV", "DNA": an acronym no text calls "the" or quotes
            continue
        kind, strength = verdicts[n]
        common = c.tokens[0].text.lower() in lower
        if c.initial and common and c.key not in inside:
            verdicts[n] = ("drop", SURE)
        elif c.initial and c.key not in inside and c.after in OBJECTS and not _region(c.key) and not _given(c):
            verdicts[n] = ("drop", SURE)  # 'Press the mixture', 'Wash the leaves': an order, not a name
        elif kind is None and c.key in gz.first_names() and (person > place or not common and place == 0):
            verdicts[n] = ("person", SURE if person > place else WEAK)
        elif kind == "place" and c.key in gz.first_names() and c.key not in gz.countries() and person > place:
            verdicts[n] = ("person", SURE)
        elif kind == "place" and strength == WEAK and c.key in gz.first_names() and place == 0:
            verdicts[n] = ("person", WEAK)  # a small town's name that the text never uses as a place
        elif kind is None and not common and _cited(c):
            verdicts[n] = ("person", WEAK)  # "(Mulligan, 2016)", "Biggs et al."
        elif kind is None and not common and person >= 2 and place == 0:
            verdicts[n] = ("person", WEAK)
        elif kind is None and not common and place >= 1 and person == 0 and not c.initial:
            verdicts[n] = ("place", WEAK)  # "in Coron" makes every "Coron" of the document a place


def _defined_short(cands: list[Candidate], verdicts: list[Verdict]) -> set[str]:
    """'Computing Research Association (CRA)': an acronym the text defines by an organization's name
    just before it; not 'Compact Fluorescent Light (CFL)'."""
    out = set()
    for prev, c, (kind, _) in zip(cands, cands[1:], verdicts):
        if kind != "organization":
            continue
        if c.before != "(" or c.after != ")" or len(c.tokens) != 1 or not _is_acronym(c.tokens[0].text):
            continue
        if prev.sentence == c.sentence and len(prev.tokens) > 1 and prev.tokens[0].text[0] == c.tokens[0].text[0]:
            out.add(c.key)
    return out


# Words that open a verb's object: after a sentence's first word they make it an order ('Store the basil').
OBJECTS = frozenset({"the", "a", "an", "your", "my", "our", "their", "its", "this", "these", "those", "it", "them"})


def _given(c: Candidate) -> bool:
    return c.key in gz.first_names()


DETERMINERS = frozenset({"the", "this", "these", "those", "that", "a", "an", "our", "my", "your", "their"})


def _determined_things(cands: list[Candidate], verdicts: list[Verdict], evidence: Evidence) -> None:
    """'the Sauvignon Blanc', 'these Adidas Terrex shoes': a name taken for a person only by its shape,
    that the document puts after an article or 'these' and never uses as a person, names a thing;
    one it uses as a place ('Eau Gallie, Fla.', 'in Eau Gallie') is a place."""
    determined = {c.key for c in cands if c.before in DETERMINERS}
    for n, c in enumerate(cands):
        person, place = evidence[c.key][:2]
        if verdicts[n] == ("person", WEAK) and place and not person:
            verdicts[n] = ("place", WEAK)  # 'Eau Gallie, Fla.': shaped like a person's name, used as a place
            continue
        if verdicts[n] != ("person", WEAK) or len(c.tokens) < 2 or c.key not in determined:
            continue
        if not evidence[c.key][0] and not any(t.key in gz.first_names() for t in c.tokens):
            verdicts[n] = ("drop", SURE)


PLACE_SHARE = 2  # sure places this many times the sure people make a document about places


def _mostly_places(cands: list[Candidate], verdicts: list[Verdict], evidence: Evidence) -> None:
    """'Chehel Sotoun', 'Transbay Tube' in a travel text: where the names the lists are sure of are
    mostly places, a name taken for a person only by its shape, with no given name and no
    person evidence in the document, is a place too."""
    places = sum(1 for kind, strength in verdicts if kind == "place" and strength >= SURE)
    people = sum(1 for kind, strength in verdicts if kind == "person" and strength >= SURE)
    if places < PLACE_SHARE * max(people, 1):
        return
    alone = {c.key for c in cands if len(c.tokens) == 1}
    used = {c.key for c in cands if _before_a_verb(c) or _after_a_word(c)}  # any mention as a person's
    for n, c in enumerate(cands):
        if verdicts[n] != ("person", WEAK) or evidence[c.key][0] or c.key in used:
            continue
        if c.tokens[-1].key in alone:
            continue  # 'Marymegan Daly' beside 'Daly explained': a surname the text uses alone
        if not any(t.key in gz.first_names() for t in c.tokens):
            verdicts[n] = ("place", WEAK)


def _products(cands: list[Candidate], verdicts: list[Verdict]) -> None:
    """'Mozilla Firefox', 'Google Chrome': a company's name before a word read as a person only by its
    shape names a product, and so does that word alone ('Chrome continues to surge')."""
    products = set()
    for c, verdict in zip(cands, verdicts):
        if verdict == ("person", WEAK) and len(c.tokens) == 2 and c.tokens[0].key in wordlist("organizations"):
            products |= {c.key, c.tokens[1].key}
    for n, c in enumerate(cands):
        if c.key in products and verdicts[n][1] <= WEAK:
            verdicts[n] = ("drop", SURE)


def _compass_regions(cands: list[Candidate], verdicts: list[Verdict]) -> None:
    """'supplies for the West', 'injured in the South': a compass point after 'the' is a region,
    unless the document names a country by it ('the North' beside 'North Korea' is that state)."""
    states = {c.tokens[0].key for c in cands if len(c.tokens) > 1 and c.key in gz.countries()}
    for n, c in enumerate(cands):
        if len(c.tokens) == 1 and c.key in COMPASS and c.before == "the" and c.key not in states:
            verdicts[n] = ("place", SURE)


def _after_a_word(c: Candidate) -> bool:
    """'nominate Moustapha Niasse', 'foreign minister Moustapha Niasse': a verb or a role before it."""
    return c.before.isalpha() and c.before.islower() and c.before not in wordlist("function_words")


def _before_a_verb(c: Candidate) -> bool:
    """'Takuya Takagi scored', 'Buthelezi's party', 'Hu Zhilan (China)', 'Takagi 88' in results: a person's uses."""
    if c.team or c.after[:1].isdigit() or c.after in POSSESSIVE or c.after == "(" and c.after2 in gz.countries():
        return True
    return c.after.isalpha() and c.after.islower() and c.after not in wordlist("function_words")


def _region(key: str) -> bool:
    return key in gz.countries() or key in gz.regions() or key in gz.cities()


def _common_phrase(c: Candidate, lower: set[str] | frozenset[str]) -> bool:
    """No first name, and a word the document also writes in lower case."""
    keys = [t.key for t in c.tokens]
    return not any(k in gz.first_names() for k in keys) and any(t.text.lower() in lower for t in c.tokens)


def _pronoun(c: Candidate) -> bool:
    """'I', "I'll", a single letter: never a name on their own."""
    word = c.tokens[0].text
    return len(c.tokens) == 1 and (len(word) < 2 or word.split("’")[0].split("'")[0] == "I")


def _drop_opening_word(c: Candidate, lower: set[str] | frozenset[str]) -> None:
    """'Hosts UAE play', 'Suddenly Natásha': a sentence's first word is capitalised anyway;
    when the document also writes it in lower case, or it is nothing we know and the rest
    is a name, it goes."""
    if not c.initial or c.shouting or len(c.tokens) < 2:
        return
    first, rest = c.tokens[0], c.tokens[1:]
    if _starts_place(c) or not rest[0].capital:
        return
    if first.text.lower() in lower and first.key not in gz.first_names() and not _any_place(first.key):
        c.tokens, c.initial = rest, False
        return
    if _known_word(first):
        return
    head = rest[0]
    if head.key in gz.first_names() or _is_acronym(head.text) or head.key in gz.countries():
        c.tokens = rest
        c.initial = False


def _starts_place(c: Candidate) -> bool:
    """'New York', 'San Jose Mercury': the first word belongs to a place name."""
    keys = [t.key for t in c.tokens]
    return any(_any_place(" ".join(keys[:n])) for n in (2, 3) if n <= len(keys))


def _any_place(key: str) -> bool:
    return key in gz.places() or key in gz.towns()


def _known_word(t: Token) -> bool:
    k = t.key
    return (
        k in gz.first_names()
        or k in gz.places()
        or k in wordlist("org_words")
        or _is_acronym(t.text)
        or _is_initial(t)
        or k in PLACE_HEADS
    )


def _spelled_place(key: str) -> bool:
    """'UAE', 'MELBOURNE' in capitals are places; 'UN' is not the town of Un."""
    return key in gz.countries() or len(key) >= 4 and (key in gz.regions() or key in gz.cities())


def _club(c: Candidate) -> bool:
    """'Partizan Belgrade', 'Bayer Leverkusen' in a table or a match: a word and a city."""
    city, first = c.tokens[-1].key, c.tokens[0]
    if _is_initial(first) or first.key in gz.first_names():
        return False
    if not (c.team or c.before in TEAM_CONTEXT or _is_acronym(first.text)):
        return False
    return city in gz.cities() or city in gz.towns()


def _org_head(keys: list[str]) -> bool:
    """'Office of the UN High Commissioner for Human Rights': the head is 'Office', not 'Rights'."""
    return any(k in wordlist("org_words") and nxt in ("of", "for", "on") for k, nxt in zip(keys, keys[1:]))


def _has_common_word(c: Candidate) -> bool:
    """'Ugandan NGOs', 'The Vagina Monologues': not the shape of a person's name."""
    if c.tokens[0].key in gz.places():
        return True  # "Paris Agenda"
    return any(
        gz.is_demonym(t.text) or t.key in wordlist("function_words") or COMMON_SUFFIX.search(t.key) for t in c.tokens
    )


def _name_word(word: str) -> bool:
    """'Ladki', 'McDonald', "O'Neill": a capital and then lower-case letters."""
    return len(word) > 1 and word[0].isupper() and any(ch.islower() for ch in word[1:])


def _person_titled(c: Candidate) -> bool:
    return any(t.key not in WEAK_TITLES for t in c.titles) and len(c.tokens) <= 4


def _person_shaped(c: Candidate) -> bool:
    toks = c.tokens
    if len(toks) < 2 or len(toks) > 4:
        return False
    if _is_initial(toks[0]) and not _is_initial(toks[-1]):
        return True
    last = toks[-1].key
    return toks[0].key in gz.first_names() and not (
        last in gz.places() or last in PLACE_HEADS or last in wordlist("org_words")
    )


def _prefer_surnames(cands: list[Candidate], verdicts: list) -> None:
    """'Brian Lara' makes every lone 'Lara' of the document a person, not the Venezuelan state."""
    surnames = {
        c.tokens[-1].key
        for c, (kind, strength) in zip(cands, verdicts)
        if kind == "person" and strength == SURE and len(c.tokens) > 1
    }
    for n, c in enumerate(cands):
        if len(c.tokens) == 1 and c.key in surnames and c.key not in gz.countries():
            verdicts[n] = ("person", SURE)


def _follow_teams(cands: list[Candidate], verdicts: list) -> None:
    """A city that names a team in a results table names it in the report too, not in a dateline."""
    teams = {c.key for c, (kind, strength) in zip(cands, verdicts) if strength == TEAM}
    for n, c in enumerate(cands):
        kind, strength = verdicts[n]
        if kind == "place" and c.key in teams and c.before not in PLACE_CONTEXT and not _dateline(c):
            verdicts[n] = ("organization", SURE)


def _dateline(c: Candidate) -> bool:
    return c.initial and (c.after[:1].isdigit() or c.after == ",")


def _known(cands: list[Candidate], verdicts: list[Verdict], strongest: int = WEAK) -> dict[str, str]:
    """Keys typed with confidence, and the surnames of people with full names; then weaker ones."""
    known: dict[str, str] = {}
    for wanted in (s for s in (TEAM, SURE, WEAK) if s >= strongest):
        for c, (kind, strength) in zip(cands, verdicts):
            if kind in (None, "drop") or c.shouting or strength != wanted:
                continue
            for short in _short_forms(c, kind):
                known.setdefault(short, kind)
            known.setdefault(c.key, kind)
    return known


def _short_forms(c: Candidate, kind: str) -> list[str]:
    """'Voronkov' for 'Vladimir Voronkov'; 'Newmont' for 'Newmont Mining Corp'."""
    keys = [t.key for t in c.tokens]
    if kind == "person" and len(keys) > 1:
        return [keys[-1]]
    if kind == "organization" and _team_name(c, keys):
        return [" ".join(keys[-n:]) for n in (1, 2) if n < len(keys) and not _city_or_region(keys[-n])]  # 'Mets'
    if kind == "organization" and len(keys) > 1 and keys[-1] in COMPANY_SUFFIXES:
        first = keys[0]
        if first in wordlist("org_words") or first in wordlist("function_words") or first in gz.places():
            return []
        return [" ".join(keys[:n]) for n in range(1, len(keys) - 1)] or [first]
    return []


def _from_document(c: Candidate, known: dict[str, str]) -> str | None:
    return known.get(c.key)


def _from_context(c: Candidate) -> str | None:
    if c.initial:
        return None
    if _in_place(c):
        return "place"
    if c.after in wordlist("cue_verbs"):
        return "person"
    return None


def _read_shouting(c: Candidate, known: dict[str, str]) -> list[Candidate]:
    """Names inside a line in capitals: the longest pieces the gazetteer or the body knows."""
    out, i, toks = [], 0, c.tokens
    while i < len(toks):
        for n in range(min(4, len(toks) - i), 0, -1):
            piece = toks[i : i + n]
            key = " ".join(t.key for t in piece)
            kind = known.get(key) or _shouted_place(key, c, i + n)
            if kind and not (
                n == 1 and (key in wordlist("function_words") or len(key) < 3 and key not in gz.countries())
            ):
                out.append(Candidate(tokens=piece, sentence=c.sentence, initial=False, shouting=True, kind=kind))
                i += n
                break
        else:
            i += 1
    return out


def _shouted_place(key: str, c: Candidate, end: int) -> str | None:
    team = c.team and end == len(c.tokens)
    if key in gz.countries():
        return "place"
    if key in gz.regions() or key in gz.cities():
        return "organization" if team else "place"
    return None


POSSESSIVE = frozenset({"s", "'s", "’s"})


# Before a given name these point at a person as often as at a place: 'looked at Renata', 'a letter from Renata'.
PERSON_OR_PLACE = frozenset({"at", "from", "towards", "toward"})


def _in_place(c: Candidate) -> bool:
    """'in Coron', but not 'in Maggie's presence' (nor 'in Maggie s' where the apostrophe was lost),
    nor 'at Renata' when Renata is a given name and no place's."""
    if c.before not in PLACE_CONTEXT or c.after in POSSESSIVE:
        return False
    return not (c.before in PERSON_OR_PLACE and c.key in gz.first_names() and not _any_place(c.key))
