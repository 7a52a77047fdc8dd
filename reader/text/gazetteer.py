"""Word lists for the name recognizer, loaded lazily and cached.

Every list is plain text shipped in ``reader/text/data``. Short lists we wrote ourselves
(titles, organization head words, ...) are read through ``key``. The long ones (countries,
regions, cities, towns, first names, surnames) are made by ``scripts/build_gazetteer.py`` from
GeoNames (CC BY 4.0), countryinfo, US Social Security baby names (kept where WIPO's World Gender
Name Dictionary confirms them) and Faker, and are keys already.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The lines of ``data/<name>.txt`` as keys (see ``key``), without comments and blanks."""
    return frozenset(key(line) for line in _data_lines(name))


def key(name: str) -> str:
    """The form names are compared in: lower case, no accents, single spaces, no final dots.

    'U.S.' -> 'u.s', 'Natásha' -> 'natasha'.
    """
    return " ".join(word_key(w) for w in name.split())


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    low = word.lower().rstrip(".")
    if low.isascii():
        return low
    return "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))


def _is_entry(line: str) -> bool:
    line = line.strip()
    return bool(line) and not line.startswith("#")


@cache
def countries() -> frozenset[str]:
    """Countries, continents and world regions."""
    return words("places") | generated("countries")


@cache
def regions() -> frozenset[str]:
    """Countries and their states, provinces and regions: places that seldom name a team."""
    return countries() | generated("regions")


@cache
def cities() -> frozenset[str]:
    """Cities of 100,000 people or more, and the older names news still uses (data/cities.txt)."""
    return words("cities") | generated("big_cities")


@cache
def towns() -> frozenset[str]:
    """Smaller cities (15,000 or more): often surnames too, so weaker evidence."""
    return generated("towns")


@cache
def places() -> frozenset[str]:
    """Regions and big cities: a name here is a place unless its context says otherwise."""
    return regions() | cities()


@cache
def first_names() -> frozenset[str]:
    """Given names as keys (about 44,000: US records and many European languages)."""
    common = words("function_words") | words("titles") | words("org_words") | words("not_names")
    return frozenset(_first_names()) - common


@cache
def surnames() -> dict[str, int]:
    """Surname -> how many of Faker's Latin-script locales list it (about 22,000; a given name may
    be one too); the words general text mostly writes in lower case are left out ('Young')."""
    text = resources.files("reader.text").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    while text.startswith("#"):
        text = text.partition("\n")[2]  # the header lines
    fields = text.split()  # name, count, name, count, ...: twice as fast as line by line
    return dict(zip(fields[0::2], map(int, fields[1::2])))


@cache
def genders() -> dict[str, str]:
    """Given name -> 'm' or 'f', where the name is (mostly) one or the other."""
    return {name: sex for name, sex in _first_names().items() if sex}


@cache
def demonym_stems() -> frozenset[str]:
    """First four letters of every country name, for adjectives such as 'German'."""
    return frozenset(p[:4] for p in countries() if " " not in p and len(p) > 3)


def preload() -> None:
    """Load every list now (benchmarks time documents, not start-up)."""
    places(), towns(), first_names(), demonym_stems(), genders(), surnames()
    for name in (
        "titles",
        "org_words",
        "not_names",
        "demonyms",
        "function_words",
        "cue_verbs",
        "organizations",
        "places",
        "cities",
    ):
        words(name)


_DEMONYM_END = re.compile(r"(?:an|ese|ish)s?$")  # compiled once: asked of every capitalised name


def is_demonym(word: str) -> bool:
    """'German', 'Asian', 'Japanese', and the irregular ones listed in data/demonyms.txt."""
    low = word_key(word)
    if low in words("demonyms"):
        return True
    if low.endswith(("man", "men")) and len(low) > 5 and low[:-3] in words("demonyms"):
        return True  # 'Frenchman', 'Englishmen', 'Manxman'
    if not _DEMONYM_END.search(low) or low in places() or low in towns():
        return False
    # 'Moran' is not Moroccan: the country's first four letters must match.
    return low[:4] in demonym_stems() and low not in first_names()


@cache
def generated(name: str) -> frozenset[str]:
    """A list made by scripts/build_gazetteer.py: its lines are keys already."""
    return frozenset(line.partition("\t")[0] for line in _data_lines(name))


@cache
def _first_names() -> dict[str, str]:
    """Given name -> 'm', 'f' or '' (either), from data/first_names.txt."""
    out = {}
    for line in _data_lines("first_names"):
        name, _, sex = line.partition("\t")
        out[name] = sex
    return out


def _data_lines(name: str) -> list[str]:
    text = resources.files("reader.text").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if _is_entry(line)]
