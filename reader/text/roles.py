"""Roles of people: what the document says a person is.

Two shapes carry a role in news text: an apposition after the name ("Eldor Aripov,
director of the Institute ...") and a title phrase before it ("UN Deputy Secretary
General, Head of the UN Counter-Terrorism Office Vladimir Voronkov").
"""

from __future__ import annotations

import re

from reader.model import Analysis
from reader.text import gazetteer as gz
from reader.text.names import Candidate, Token, tokenize
from reader.text.tokens import words as wordlist

LINKS = frozenset({"of", "for", "on", "and", "the", "at", "in", "to", "’s", "'s", "&"})
# Role nouns that the title list leaves out.
ROLE_NOUNS = frozenset(
    {
        "adviser",
        "advisor",
        "coordinator",
        "member",
        "editor",
        "correspondent",
        "researcher",
        "expert",
        "owner",
        "partner",
        "official",
        "moderator",
        "organizer",
        "organiser",
        "host",
        "author",
        "lawyer",
        "candidate",
        "winner",
        "champion",
        "player",
        "student",
        "teacher",
    }
)
MAX_WORDS = 25
REACH = 400  # characters around a name that a role phrase may take
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "then", "now", "also"})


def role_of(analysis: Analysis, group: list[Candidate]) -> str | None:
    """The first role the document gives any mention of the person, or None."""
    for c in sorted(group, key=lambda c: c.start):
        s = analysis.sentences[c.sentence]
        # A role sits within a few words of the name: bounded windows keep long sentences linear.
        role = after(analysis.text, c.end, min(s.end, c.end + REACH)) or before(
            analysis.text, max(s.start, c.start - REACH), c.start
        )
        if role:
            return role
    return None


_APPOSITION = re.compile(r"\s*,\s*([^,;.]+(?:\([^)]*\))?)\s*(?:[,;.]|$)")


def after(text: str, start: int, end: int) -> str | None:
    """', director of the Institute ... (ISMI).' right after the name."""
    m = _APPOSITION.match(text[start:end])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or words[0].lower() in ("who", "which", "that", "whose", "but", "and", "as", "i", "we", "you", "it"):
        return None
    if len(words) > MAX_WORDS or any(q in phrase for q in '"“”«»'):
        return None
    toks = tokenize(phrase, 0, len(phrase))
    toks = _before_relative(toks)
    if not toks or _clause(toks) or _a_person(toks):
        return None
    phrase = phrase[: toks[-1].end]
    # A noun phrase: it opens with a determiner, a capital or the role word itself
    # ("the squadron commander", "UNODC Regional Representative", "director of ...")
    # and the role word comes early; "thereby inviting ..." is a clause, not a role.
    opener = toks[0]
    if not (opener.capital or opener.key in DETERMINERS or _has_role_word([opener])):
        return None
    if toks[-1].key in LINKS or not _has_role_word(toks[:5]):
        return None
    return phrase


# Words that may stand between the words of a role's noun phrase.
PREPOSITIONS = frozenset(
    "of for on and the at in to under with from by between within among against over near across "
    "after before during into via per about".split()
)
RELATIVES = frozenset({"who", "whom", "which", "whose", "that", "where", "when", "while"})


def _before_relative(toks: list[Token]) -> list[Token]:
    """'an officer in the Semënov regiment with whom Borís was to travel': the part before 'with whom'."""
    for k, t in enumerate(toks):
        if t.key in RELATIVES:
            k -= 1 if k and toks[k - 1].key in PREPOSITIONS else 0
            return toks[:k]
    return toks


def _clause(toks: list[Token]) -> bool:
    """A verb in the phrase: a lower-case word before an article ('Prince Vasíli read a
    congratulation') or a word in -ed before a preposition ('the countess followed on the arm')."""
    for t, nxt in zip(toks, toks[1:]):
        if t.text[0].isupper() or t.key in PREPOSITIONS or t.key in DETERMINERS:
            continue
        if (
            nxt.key in ("a", "an", "the", "his", "her", "their", "its")
            or t.key.endswith("ed")
            and nxt.key in PREPOSITIONS
        ):
            return True
    return any(_verb_after_noun(a, b) for a, b in zip(toks, toks[1:]))


def _verb_after_noun(a: Token, b: Token) -> bool:
    """'face expressed': a word in -ed after a common noun is a verb ('a newly appointed', 'the
    retired' are not: an adverb or an article stands before them)."""
    if not (b.key.endswith("ed") and b.text.islower() and a.text.isalpha() and a.text.islower()):
        return False
    return (
        a.key not in PREPOSITIONS and a.key not in DETERMINERS and not a.key.endswith("ly") and a.key not in _MODIFIERS
    )


_MODIFIERS = frozenset({"well", "much", "most", "long", "best", "least", "more", "less", "so", "very", "ill"})


def _a_person(toks: list[Token]) -> bool:
    """'Princess Mary', 'Prince Lopukhín with his nephew': a title and a name name someone else
    ('Prince Vasíli’s daughter' is a role)."""
    if all(t.capital for t in toks) and any(gz.word_key(t.text) in gz.first_names() for t in toks[1:]):
        return True
    titled = len(toks) > 1 and toks[0].key in wordlist("titles") and toks[0].key not in ("president", "head")
    named = titled and toks[1].capital and toks[1].key not in wordlist("titles") and toks[1].key not in LINKS
    return named and not (len(toks) > 2 and toks[2].key in ("’s", "'s"))


def before(text: str, start: int, end: int) -> str | None:
    """The title phrase just before the name: capitalised words, links and commas between them."""
    toks, i = _phrase_start(text, start, end)
    phrase = _from_role_word(_last_conjunct(toks[i:]))
    while phrase and not phrase[0].text[0].isupper():
        phrase = phrase[1:]
    while phrase and not phrase[-1].text[0].isalnum():
        phrase = phrase[:-1]
    # A title stands right against the name; "Prince Vasíli to Anna" ends in a link.
    if not phrase or phrase[-1].key in LINKS or not _has_role_word(phrase):
        return None
    return text[phrase[0].start : phrase[-1].end]


# Most title phrases are short: the words of this many characters before a name are read first.
NEAR_WINDOW = 120
_SPACE = re.compile(r"\s")


def _phrase_start(text: str, start: int, end: int) -> tuple[list[Token], int]:
    """The words of ``text[start:end]`` and where the title phrase at its end starts. A phrase
    that starts two words or more inside the last ``NEAR_WINDOW`` characters is found from those
    alone (no word holds a space, so the words after one are the same, whatever the start):
    a name mentioned thousands of times is looked at thousands of times."""
    space = _SPACE.search(text, end - NEAR_WINDOW, end) if end - start > NEAR_WINDOW else None
    if space is not None:
        toks = tokenize(text, space.end(), end)
        i = _walk_back(toks)
        if i >= 2:
            return toks, i
    toks = tokenize(text, start, end)
    return toks, _walk_back(toks)


def _walk_back(toks: list[Token]) -> int:
    i = len(toks)
    while i > 0 and _in_title_phrase(toks, i - 1):
        i -= 1
    return i


def _last_conjunct(phrase: list[Token]) -> list[Token]:
    """The part of a title phrase that belongs to the name: after an 'and' that opens another
    title ('Colonel Fitzwilliam's and Mr. Darcy': Darcy's role is not 'Colonel Fitzwilliam's and Mr.')."""
    for k in range(len(phrase) - 2, -1, -1):
        if phrase[k].key == "and" and phrase[k + 1].key in wordlist("titles"):
            return phrase[k + 1 :]
    return phrase


def _from_role_word(phrase: list[Token]) -> list[Token]:
    """The phrase after an 'of' with no role word before it: 'in the Islands of King Solomon' gives
    Solomon the role 'King', while 'Secretary of State' stays whole."""
    for k, t in enumerate(phrase):
        if t.key == "of" and not _has_role_word(phrase[:k]):
            return _from_role_word(phrase[k + 1 :])
    return phrase


def _in_title_phrase(toks: list[Token], i: int) -> bool:
    t = toks[i]
    if t.text[0].isupper() or t.key in LINKS:
        return True
    # A comma joins two capitalised stretches: "Secretary General, Head of ...".
    return (
        t.text == ","
        and i > 0
        and toks[i - 1].text[0].isupper()
        and i + 1 < len(toks)
        and toks[i + 1].text[0].isupper()
    )


def _has_role_word(toks: list[Token]) -> bool:
    return any((t.key in wordlist("titles") or t.key in ROLE_NOUNS) and t.key not in _NOT_ROLES for t in toks)


# Title-list words too vague to make a phrase a role on their own.
_NOT_ROLES = frozenset(
    {
        "dear",  # a salutation's word: 'Sónya, dear love' is an endearment, not a role
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "mister",
        "madam",
        "madame",
        "monsieur",
        "herr",
        "frau",
        *("mademoiselle", "mme", "mlle", "fräulein", "fraulein"),
        *("signor", "signora", "signorina", "señor", "señora", "señorita", "senor", "senora", "senorita"),
        "new",
        "former",
        "special",
        "regional",
        "foreign",
        "senior",
        "junior",
        "acting",
        "first",
        "private",
        "count",
        "major",
        "general",
    }
)
