"""The shortcuts taken for speed give the same answers as the plain ways they replace, on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import gazetteer as gz
from reader.text import names, participants, roles, sentences, tagger

WORDS = [
    "the", "of", "and", "said", "Prince", "Vasíli", "Mr.", "Mrs", "U.S.", "General", "Secretary", "Head",
    "Natásha", "Rostóv", "Pierre", "HMS", "Warrior", "USS", "Ms.", "MUST", "SHOULD", "NOT", "Ministry",
    "Defence", "King", "Solomon", "Colonel", "Fitzwilliam's", "John's", "co-op", "A&B", "1805", "x",
]  # fmt: skip
GAPS = [" ", "  ", "\n", ", ", " , ", ". ", "; ", " “", "” ", " (", ") ", "\t", " — "]

text_st = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=80).map(
    lambda pairs: "".join(w + g for w, g in pairs)
)


@settings(max_examples=150, deadline=None)
@given(text_st)
def test_remembered_word_keys_are_the_keys(text: str) -> None:
    first = names.tokenize(text, 0, len(text))
    names._KEYS.clear()
    again = names.tokenize(text, 0, len(text))
    assert first == again
    assert all(t.key == gz.word_key(t.text) and t.capital == t.text[0].isupper() for t in first)
    assert [(t.start, t.end, t.text) for t in first] == [
        (m.start(), m.end(), m.group()) for m in names.TOKEN.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.integers(0, 10), st.integers(0, 10))
def test_words_found_after_their_spaces_are_the_token_patterns_matches(text: str, cut: int, short: int) -> None:
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - short)
    found = [(t.start, t.end, t.text) for t in names.tokenize(text, start, end)]
    assert found == [(m.start(), m.end(), m.group()) for m in names.TOKEN.finditer(text, start, end)]


@settings(max_examples=150, deadline=None)
@given(text_st)
def test_candidates_with_the_sentence_shape_given_are_the_same(text: str) -> None:
    toks = names.tokenize(text, 0, len(text))
    shape = (names.first_word(toks), names.is_shouting(toks), names.is_table(toks))
    plain = names.candidates(text, 0, len(text), 0, set(), toks)
    given_shape = names.candidates(text, 0, len(text), 0, set(), toks, shape)
    assert [(c.start, c.end, c.team, c.shouting) for c in plain] == [
        (c.start, c.end, c.team, c.shouting) for c in given_shape
    ]


@settings(max_examples=300, deadline=None)
@given(text_st, st.integers(0, 40), st.integers(2, 60))
def test_a_title_phrase_read_from_a_short_window_is_the_whole_windows(text: str, cut: int, window: int) -> None:
    start = min(cut, len(text))
    kept = roles.NEAR_WINDOW
    roles.NEAR_WINDOW = window  # small windows, so that phrases reach their edge
    try:
        toks, i = roles._phrase_start(text, start, len(text))
    finally:
        roles.NEAR_WINDOW = kept
    whole = names.tokenize(text, start, len(text))
    assert [(t.start, t.end) for t in toks[i:]] == [(t.start, t.end) for t in whole[roles._walk_back(whole) :]]


@given(st.lists(st.integers(0, 100_000), min_size=1, max_size=30), st.integers(0, 100_000), st.integers(1, 30_000))
def test_a_near_start_is_found_by_bisection_as_by_scanning(starts: list[int], at: int, distance: int) -> None:
    expected = any(abs(at - s) < distance for s in starts)
    assert participants._has_near(sorted(starts), at, distance) == expected


@settings(max_examples=150, deadline=None)
@given(text_st)
def test_the_pre_checks_never_skip_a_match(text: str) -> None:
    if participants._SHIP.search(text):
        assert participants._SHIP_HINT.search(text)
    keywords = sum(1 for _ in zip(range(5), participants._KEYWORD.finditer(text)))
    assert participants.is_specification(text) == (keywords >= participants.SPEC_KEYWORDS)


def test_summed_rows_match_the_plain_sums() -> None:
    model = tagger.model()
    assert model is not None
    rows = [[0, 5, model.zero], [model.zero], [3, 3, 7, 1, model.zero]] * 700
    fast = model._sum_many(rows)
    plain = [model.sum_rows(r) for r in rows]
    assert all(abs(a - b) < 1e-3 for f, p in zip(fast, plain) for a, b in zip(f, p))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 11_954), max_size=40))
def test_rows_summed_a_row_at_a_time_are_the_column_loops_sums_exactly(picked: list[int]) -> None:
    model = tagger.model()
    assert model is not None
    rows = [r % (model.zero + 1) for r in picked] + [model.zero]
    width = len(tagger.TAGS)
    plain = [0.0] * width
    for r in rows:
        for n in range(width):
            plain[n] += model.values[r * width + n]
    assert model.sum_rows(rows) == plain  # the same additions in the same order: equal, not close


@settings(max_examples=150, deadline=None)
@given(text_st)
def test_shouting_and_table_counted_in_one_pass_as_with_lists(text: str) -> None:
    toks = names.tokenize(text, 0, len(text))
    letters = [t.text for t in toks if t.text[0].isalpha()]
    upper = sum(1 for w in letters if w.isupper() and len(w) > 1)
    assert names.is_shouting(toks) == (len(letters) >= 2 and upper >= 0.7 * len(letters))
    figures = sum(1 for t in toks if t.text[0].isdigit())
    assert names.is_table(toks) == (figures >= 3 and figures >= 0.25 * len(toks))


SURNAMES = ["Rostóv", "Rostóva", "Rostóvs", "Darcy", "Webster", "Bolkónski", "Lee", "York"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(SURNAMES), min_size=1, max_size=3), st.sampled_from(["person", "place"])),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(SURNAMES), min_size=1, max_size=3),
    st.integers(0, 7),
)
def test_families_gathered_once_answer_as_a_scan_of_every_group(groups_st, fuller_st, owner: int) -> None:
    def mention(last: str, kind: str) -> names.Candidate:
        text = "Anna " + last
        c = names.Candidate(tokens=names.tokenize(text, 0, len(text)), sentence=0, initial=False, shouting=False)
        c.kind = kind
        return c

    groups = [[mention(last, kind) for last in lasts] for lasts, kind in groups_st]
    fuller = [mention(last, "person") for last in fuller_st]
    owner %= len(groups)
    lasts = {participants._family_stem(c.tokens[-1].key) for c in fuller}
    plain = any(
        n != owner and g[0].kind == "person" and any(participants._family_stem(c.tokens[-1].key) in lasts for c in g)
        for n, g in enumerate(groups)
    )
    families: dict[str, set[int]] = {}
    assert participants._family_named_elsewhere(fuller, groups, owner, families) == plain
    assert participants._family_named_elsewhere(fuller, groups, owner, families) == plain  # filled: same answer


@settings(max_examples=150, deadline=None)
@given(text_st)
def test_a_speaker_found_without_slicing_is_the_one_found_with_the_words_before(text: str) -> None:
    from reader.text.tokens import words as wordlist

    toks = names.tokenize(text, 0, len(text))
    cues, speech = wordlist("cue_verbs"), wordlist("cue_verbs") | wordlist("person_verbs")
    for i in range(len(toks)):
        before = [t.key for t in toks[max(i - 2, 0) : i]]
        after = toks[i + 1].key if i + 1 < len(toks) else ""
        plain = after in speech or bool(before) and (before[-1] in cues or before[-1] == "the" and before[0] in cues)
        assert tagger._speaks(toks, i, speech) == plain


def test_a_comma_at_the_short_windows_edge_is_read_with_the_word_before_it() -> None:
    text = "met the Minister , Head of the Ministry , Secretary General"  # ', ' between capitals joins them
    whole = names.tokenize(text, 0, len(text))
    expected = [(t.start, t.end) for t in whole[roles._walk_back(whole) :]]
    kept = roles.NEAR_WINDOW
    try:
        for window in range(2, len(text)):
            roles.NEAR_WINDOW = window
            toks, i = roles._phrase_start(text, 0, len(text))
            assert [(t.start, t.end) for t in toks[i:]] == expected, window
    finally:
        roles.NEAR_WINDOW = kept


_AFTER_END_PLAIN = re.compile(r"(?<=[a-z][a-z])(?<![.!?])[.!?]+[ \t\n]+[\"'“‘(]?([a-zA-Z])")  # as first written


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abAB.!? \t\n\"'“(x", max_size=50), st.integers(0, 5))
def test_sentence_ends_are_found_as_by_the_plain_pattern(text: str, start: int) -> None:
    def ends(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str]]:
        return [(m.span(), m.group(1)) for m in pattern.finditer(text, start)]

    assert ends(sentences._AFTER_END) == ends(_AFTER_END_PLAIN)


_MARKER_HINT_PLAIN = re.compile(
    r"[.)](?=\s)(?:{})|[•‣⁃◦▪●■]|\n[ \t]*[*–-][ \t]".format("|".join(sentences._VALUE_ENDS))
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a1b2.)(•▪\n \t*–-Ax", max_size=50), st.integers(0, 5))
def test_list_markers_are_found_as_by_the_plain_pattern(text: str, start: int) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text, start)]

    assert found(sentences._MARKER_HINT) == found(_MARKER_HINT_PLAIN)
