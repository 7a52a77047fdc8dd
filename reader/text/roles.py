"""Roles of people: what the document says a person is.

Two shapes carry a role in news text: an apposition after the name ("Eldor Aripov,
director of the Institute ...") and a title phrase before it ("UN Deputy Secretary
General, Head of the UN Counter-Terrorism Office Vladimir Voronkov").
"""

from __future__ import annotations

import re

from reader.model import Analysis
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


def after(text: str, start: int, end: int) -> str | None:
    """', director of the Institute ... (ISMI).' right after the name."""
    m = re.match(r"\s*,\s*([^,;.]+(?:\([^)]*\))?)\s*(?:[,;.]|$)", text[start:end])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or words[0].lower() in ("who", "which", "that", "whose", "but", "and", "as"):
        return None
    if len(words) > MAX_WORDS or any(q in phrase for q in '"“”«»'):
        return None
    toks = tokenize(phrase, 0, len(phrase))
    # A noun phrase: it opens with a determiner, a capital or the role word itself
    # ("the squadron commander", "UNODC Regional Representative", "director of ...")
    # and the role word comes early; "thereby inviting ..." is a clause, not a role.
    opener = toks[0]
    if not (opener.capital or opener.key in DETERMINERS or _has_role_word([opener])):
        return None
    if toks[-1].key in LINKS or not _has_role_word(toks[:5]):
        return None
    return phrase


def before(text: str, start: int, end: int) -> str | None:
    """The title phrase just before the name: capitalised words, links and commas between them."""
    toks = tokenize(text, start, end)
    i = len(toks)
    while i > 0 and _in_title_phrase(toks, i - 1):
        i -= 1
    phrase = _last_conjunct(toks[i:])
    while phrase and not phrase[0].text[0].isupper():
        phrase = phrase[1:]
    while phrase and not phrase[-1].text[0].isalnum():
        phrase = phrase[:-1]
    # A title stands right against the name; "Prince Vasíli to Anna" ends in a link.
    if not phrase or phrase[-1].key in LINKS or not _has_role_word(phrase):
        return None
    return text[phrase[0].start : phrase[-1].end]


def _last_conjunct(phrase: list[Token]) -> list[Token]:
    """The part of a title phrase that belongs to the name: after an 'and' that opens another
    title ('Colonel Fitzwilliam's and Mr. Darcy': Darcy's role is not 'Colonel Fitzwilliam's and Mr.')."""
    for k in range(len(phrase) - 2, -1, -1):
        if phrase[k].key == "and" and phrase[k + 1].key in wordlist("titles"):
            return phrase[k + 1 :]
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
