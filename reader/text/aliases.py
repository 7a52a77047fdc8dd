"""A titled surname joining the one full name it is another name of.

Novels name a character both ways: 'Edna Pontellier' and 'Mrs. Pontellier', 'Ralph Denham' and
'Mr. Denham'. ``reader.text.participants`` keeps titled surnames apart when a family has several
(Mr. and Mrs. Pontellier are two people); here each titled group joins the full name of its
surname whose bearer can carry that title, when exactly one can: the full name is written with
that title ('Mr. Frank Churchill'), or, written bare, its first name is a man's for 'Mr.' and a
woman's for 'Mrs.' or 'Miss'. When a Mrs. and a Miss of the family could both be the one woman
('Mrs. Hilbery' and 'Miss Hilbery' beside 'Katharine Hilbery'), neither joins her.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.text import gazetteer as gz
from reader.text.names import Candidate

# The titles that tell a man from a woman and are used with the surname alone.
GENDER_OF_TITLE = {"mr": "m", "mrs": "f", "miss": "f", "ms": "f"}
# A man the text calls by his first name alone this often is no 'Mr.' of his family's name.
MEN_BY_FIRST_NAME = 2
# ... unless both names are a character's (a 'Mr.' this often, the man's own names this often) and no
# sentence holds both: a father and his son meet in sentences ('George and Mr. Emerson'), one man does not.
ACTIVE_MR = 10
NAMED_MAN = 5


@dataclass
class _Full:
    """A group that holds a full name ('Edna Pontellier'): its surname, first name, how often the
    full name is written and how often with a title before it, and those titles."""

    index: int
    surname: str
    first: str
    count: int = 0
    titled: int = 0
    titles: set[str] = field(default_factory=set)
    alone: int = 0  # the first name written alone

    def gender(self) -> str | None:
        """The first name's, else the one the titles written with the full name tell ('Mrs. Kit Markham')."""
        told = {GENDER_OF_TITLE[t] for t in self.titles}
        return gz.genders().get(self.first) or (told.pop() if len(told) == 1 else None)

    def can_be(self, title: str) -> bool:
        """The bearer may be the 'Mr.' (or Mrs., Miss) of this surname: a man for Mr., a woman for
        Mrs. or Miss; not one the text mostly names with title and first name, 'Mr. John Knightley',
        which is how it tells him from 'Mr. Knightley', his brother."""
        if self.titled >= 2 and 2 * self.titled >= self.count:
            return False
        if GENDER_OF_TITLE[title] == "m" and self.alone >= MEN_BY_FIRST_NAME:
            return False  # 'George', 'Freddy': the narrator's name for a son; 'Mr. Emerson' is his father
        return GENDER_OF_TITLE[title] == self.gender()

    def unsure(self, title: str, family: set[str]) -> bool:
        """A woman named in full in a family with both a Mrs. and a Miss: either may be her (a mother,
        a daughter). A man named in full in a family with a Mrs. or a Miss: the Mr. may be his father
        ('Mrs. Denham kept the house and Mr. Denham had long been dead'); a man's title does not tell
        the generations apart as Mrs. and Miss do."""
        if GENDER_OF_TITLE[title] == "m":
            return bool(family & {"mrs", "miss", "ms"})
        return bool(family & ({"mrs", "miss", "ms"} - {title}))


def join_titled(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """Groups of a titled surname merged into the one full name they name (groups in first-mention order)."""
    from reader.text import participants as pt

    fulls, firsts = _full_names(groups)
    titles = {n: pt.honorific_key(pt._family_title(g).lower().rstrip(".")) for n, g in enumerate(groups)}
    family: dict[str, set[str]] = {}
    for n, title in titles.items():
        family.setdefault(groups[n][0].key, set()).add(title)
    claims: dict[int, list[int]] = {}
    sentences = _sentences_by_first_word(groups)
    for n, g in enumerate(groups):
        title = titles[n]
        if g[0].kind != "person" or title not in GENDER_OF_TITLE or g[0].key in firsts or _named_in_full(g):
            continue  # 'Miss Katharine' is no surname; 'Mr. Knightley' who is 'George Knightley' has his name
        fits = [f for f in fulls.get(g[0].key, []) if f.index != n and f.can_be(title)]
        if len(fits) == 1 and not fits[0].unsure(title, family[g[0].key]):
            claims.setdefault(fits[0].index, []).append(n)
        elif (man := _one_man(n, g, title, fulls.get(g[0].key, []), sentences)) is not None:
            claims.setdefault(man.index, []).append(n)
    merged = {n: target for target, titled in claims.items() if len(titled) == 1 for n in titled}
    if not merged:
        return groups
    return _lone_surnames(_merged(groups, merged), {groups[n][0].key for n in merged})


def _sentences_by_first_word(groups: list[list[Candidate]]) -> dict[str, set[int]]:
    """First word of a person's name -> the sentences it is written in ('Ralph', 'Ralph Denham')."""
    out: dict[str, set[int]] = {}
    for g in groups:
        if g[0].kind == "person":
            for c in g:
                out.setdefault(c.tokens[0].key, set()).add(c.sentence)
    return out


def _one_man(
    n: int, group: list[Candidate], title: str, fulls: list[_Full], sentences: dict[str, set[int]]
) -> _Full | None:
    """'Mr. Denham' is 'Ralph Denham', the one man named in full with that surname, though a Mrs. Denham
    exists or Ralph is called by his first name, when both are used often and never in one sentence."""
    if title != "mr" or len(group) < ACTIVE_MR:
        return None
    men = [f for f in fulls if f.index != n and f.gender() == "m" and not (f.titled >= 2 and 2 * f.titled >= f.count)]
    if len(men) != 1 or men[0].count + men[0].alone < NAMED_MAN:
        return None
    own = {c.sentence for c in group}
    return None if own & sentences.get(men[0].first, set()) else men[0]


def _named_in_full(group: list[Candidate]) -> bool:
    return any(len(c.tokens) > 1 and not _surname_first(c) for c in group)


def _lone_surnames(groups: list[list[Candidate]], joined: set[str]) -> list[list[Candidate]]:
    """'Olenska' left alone beside 'Madame Olenska' (a title made the name a family's) joins
    'Ellen Olenska' once her titled form has: she is the only person of that surname left."""
    from reader.text import participants as pt

    holders: dict[str, set[int]] = {}
    for n, g in enumerate(groups):
        if g[0].kind == "person":
            for c in g:
                holders.setdefault(c.tokens[-1].key, set()).add(n)
    merged = {}
    for n, g in enumerate(groups):
        if g[0].kind != "person" or g[0].key not in joined or any(len(c.tokens) != 1 or pt._honorific(c) for c in g):
            continue  # 'Countess Olenska' is hers too; 'Mr. Olenski' would not be
        others = holders.get(g[0].key, set()) - {n}
        if len(others) == 1 and len(groups[target := next(iter(others))]) > 1:
            merged[n] = target
    return _merged(groups, merged) if merged else groups


def _merged(groups: list[list[Candidate]], merged: dict[int, int]) -> list[list[Candidate]]:
    for n, target in merged.items():
        groups[target].extend(groups[n])
        groups[target].sort(key=lambda c: c.start)
    kept = [g for n, g in enumerate(groups) if n not in merged]
    return sorted(kept, key=lambda g: g[0].start)


def _full_names(groups: list[list[Candidate]]) -> tuple[dict[str, list[_Full]], set[str]]:
    """Surname -> the person groups holding a 'First Surname' name with it; and the first names."""
    from reader.text import participants as pt

    out: dict[str, list[_Full]] = {}
    firsts: set[str] = set()
    alone = Counter(c.key for g in groups if g[0].kind == "person" for c in g if len(c.tokens) == 1 and not c.titles)
    for n, g in enumerate(groups):
        if g[0].kind != "person":
            continue
        full = [c for c in g if len(c.tokens) >= 2 and not pt._of_name(c.tokens) and not _surname_first(c)]
        firsts.update(c.tokens[0].key for c in full)
        for surname in {pt._surname_key(c) for c in full}:  # 'Lydia Bennet' and 'Lydia Wickham': both
            named = [c for c in full if pt._surname_key(c) == surname]
            titles = [pt.honorific_key(c.titles[-1].key) for c in named if c.titles]
            said = {t for t in titles if t in GENDER_OF_TITLE}
            first = named[0].tokens[0].key
            item = _Full(n, surname, first, len(named), len(titles), said, alone[first])
            out.setdefault(surname, []).append(item)
    return out, firsts


def _surname_first(c: Candidate) -> bool:
    """'van der Luyden': the particles open the surname, no first name comes before it."""
    from reader.text import names

    return c.tokens[0].key in names.PARTICLES
