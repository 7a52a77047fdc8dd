"""Helpers shared across ``reader.text``: word shapes and the word lists, reached by name.

The lists live in ``reader/text/data/<name>.txt`` (one entry a line, ``#`` comments);
``words`` takes only the names below, so a misspelt list name is a type error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reader.text import gazetteer as gz

WordList = Literal[
    "cue_verbs",
    "function_words",
    "interjections",
    "kind_nouns",
    "makers",
    "manual_verbs",
    "not_names",
    "org_words",
    "organizations",
    "person_verbs",
    "speaking_nouns",
    "speech_verbs",
    "software_names",
    "software_sections",
    "technical_nouns",
    "titles",
]


if TYPE_CHECKING:

    def words(name: WordList) -> frozenset[str]:
        """The entries of one list, compared as ``gazetteer.word_key`` forms (cached)."""

else:
    words = gz.words  # the cached loader itself: a wrapper costs 0.1 s per million words looked up


def is_acronym(word: str) -> bool:
    """'UN', 'U.S.', 'AT&T': two or more capitals and nothing else."""
    letters = word.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_initial(text: str) -> bool:
    """'N.', 'Sh.': a capital, at most two letters, and a dot."""
    return len(text) <= 3 and text.endswith(".") and text[0].isupper()
