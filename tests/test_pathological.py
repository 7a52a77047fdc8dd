"""Hostile and unusual texts: every family at 64 KB through the whole analysis within a
generous bound (a quadratic step takes minutes there), and random mixtures of the families
keep the segmentation's invariants. scripts/bench_pathological.py measures the same
families at 64 KB-1 MB against prose; these tests only guard against a blow-up.
"""

from __future__ import annotations

import json
import random
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.model import Analysis, Document
from reader.text.structure import segment

SIZE = 64 * 1024
BOUND_SECONDS = 30  # today each family takes under 2 s here; a quadratic step takes minutes
WORDS = "the of and river market council winter letter garden engine village doctor answer morning".split()
SPEAKERS = ["Project Manager", "Marketing", "Grad C", "Anna"]
MARKS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff"


def _sentence(rng: random.Random, vocabulary: list[str] = WORDS) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 14))).capitalize() + "."


def _cue(rng: random.Random) -> str:
    n = rng.randint(1, 5000)
    return f"{n}\n00:00:{n % 60:02d},000 --> 00:00:{n % 60:02d},900\n{_sentence(rng)}\n\n"


def _json(rng: random.Random) -> str:
    return json.dumps({"id": rng.randint(1, 999), "tags": [rng.choice(WORDS)] * 2}, separators=(",", ":")) + ","


# Each family: one random unit of it, repeated to the size wanted.
FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "dots": lambda r: "." * r.randint(1, 500),
    "equals-lines": lambda r: "= " * r.randint(1, 1000) + "\n",
    "hash-markers": lambda r: "# " * r.randint(1, 400) + "\n",
    "unclosed-quotes": lambda r: f'"{r.choice(WORDS)} {r.choice(WORDS)} ',
    "minified-json": _json,
    "small-vocabulary": lambda r: _sentence(r, ["cat", "sat", "mat", "the", "on"]) + " ",
    "heading-lines": lambda r: r.choice(["## Heading {n}\n\n", "SECTION {n} OVERVIEW\n\n", "{n}.1. Title\n\n"]).format(
        n=r.randint(1, 999)
    ),
    "csv-rows": lambda r: f'{r.randint(1, 10**6)},{r.choice(WORDS)},{r.random():.3f},"{r.choice(WORDS)}"\n',
    "zero-width-bidi": lambda r: "".join(c + (r.choice(MARKS) if r.random() < 0.3 else "") for c in _sentence(r)),
    "long-line": lambda r: _sentence(r) + " ",
    "repeated-chars": lambda r: r.choice("a!?.,-'*_=#") * r.randint(50, 3000) + " ",
    "unbalanced": lambda r: r.choice(["(", "[", "{", "<b>", "<i ", "**", "_", "`", "\u201c"]) + r.choice(WORDS) + " ",
    "one-word-paragraphs": lambda r: r.choice(WORDS) + "\n\n",
    "srt": _cue,
    "transcript": lambda r: f"{r.choice(SPEAKERS)}: {r.choice(['Yeah', 'Okay', 'So the remote'])} {r.choice(WORDS)}\n",
}


def family_text(name: str, size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(FAMILIES[name](rng))
        total += len(parts[-1])
    return "".join(parts)[:size]


@contextmanager
def bounded(seconds: int) -> Iterator[None]:
    """Fail instead of running for minutes (a guard against blow-ups, not a speed figure)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"over {seconds} s: a super-linear step?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_invariants(a: Analysis) -> None:
    """Sections tile the text; paragraphs and sentences are ordered, trimmed and inside them;
    every non-space character of a paragraph is in exactly one sentence."""
    text = a.text
    pos = 0
    for s in a.sections:
        assert s.start == pos <= s.end
        pos = s.end
    assert pos == len(text) or not a.sections
    prev = 0
    for p in a.paragraphs:
        assert prev <= p.start < p.end <= len(text)
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        prev = p.end
    covered = bytearray(len(text))
    prev = 0
    for s in a.sentences:
        p = a.paragraphs[s.paragraph]
        assert prev <= s.start < s.end and p.start <= s.start and s.end <= p.end
        assert a.sections[s.section].start <= s.start and s.end <= a.sections[s.section].end
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        prev = s.end
    for p in a.paragraphs:
        for i in range(p.start, p.end):
            assert covered[i] or text[i].isspace(), f"lost {text[i]!r} at {i}"


@pytest.mark.parametrize("name", list(FAMILIES))
def test_family_at_64kb_within_bound(name: str) -> None:
    text = family_text(name, SIZE)
    with bounded(BOUND_SECONDS):
        a = analyze(Document(source=f"{name}.txt", text=text))
    check_invariants(a)
    assert a.summary is not None and a.found_people


def test_many_one_word_paragraphs_stay_paragraphs() -> None:
    """Thousands of one-word paragraphs: pooled for topics (linear), each still its own paragraph
    and sentence (the first word may be taken as the title)."""
    text = family_text("one-word-paragraphs", SIZE)
    a = segment(Document(source="words.txt", text=text))
    check_invariants(a)
    words = len(text.split())
    assert words - 1 <= len(a.paragraphs) == len(a.sentences) <= words


def test_line_of_dots_is_linear_in_lines_module() -> None:
    """The dot-leader rule once backtracked cubically on a line of dots."""
    a = segment(Document(source="dots.txt", text="." * 20000 + "\n\nChapter 1 ........ 7\n"))
    check_invariants(a)


def test_line_of_wiki_markers_is_no_heading() -> None:
    text = "= " * 3000 + "\n\n = Real Title = \n\nBody text here.\n"
    a = segment(Document(source="w.txt", text=text))
    check_invariants(a)
    assert [s.title for s in a.sections if s.kind == "heading"] == ["Real Title"]


mixtures = st.lists(
    st.tuples(st.sampled_from(sorted(FAMILIES)), st.integers(1, 1500), st.integers(0, 10**6)), min_size=1, max_size=6
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixtures, st.sampled_from(["", "\n", "\n\n", " "]))
def test_mixtures_keep_invariants(parts: list[tuple[str, int, int]], glue: str) -> None:
    text = glue.join(family_text(name, size, seed) for name, size, seed in parts)
    check_invariants(segment(Document(source="mix.txt", text=text)))


def test_inline_numbered_list_splits_at_every_marker() -> None:
    from reader.text.sentences import split

    text = " ".join(f"{i}) item number {i}" for i in range(1, 100)) + " 100) is no marker (three digits)"
    with bounded(BOUND_SECONDS):
        spans = split(text)
    assert len(spans) == 99 and text[spans[-1][0] : spans[-1][1]].startswith("99) item number 99 100)")


@pytest.mark.parametrize("run", ["a", "!", ".", "?", "ab. "])
def test_long_runs_of_one_character_stay_linear(run: str) -> None:
    """A run of letters once made the lower-case-start evidence regex backtrack over the run."""
    text = run * (300_000 // len(run))
    with bounded(BOUND_SECONDS):
        a = segment(Document(source="run.txt", text=text))
    check_invariants(a)
