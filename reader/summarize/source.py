"""What the rankers read: the body sentences of one text, their paragraphs and the title."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reader.summarize.bag import Bag

if TYPE_CHECKING:
    from reader.summarize.words import Terms


@dataclass
class Source:
    texts: list[str]  # one per body sentence, in document order
    paragraphs: list[int]  # paragraph index of each sentence (non-decreasing)
    title: str = ""
    seed: int = 0  # for the random ranker, so a run can be repeated
    turn_share: float = 0.0  # share of the sentences said in speakers' turns (a transcript: near 1)
    # how much each sentence is the document's own summary (its Abstract, Introduction...): 0 for most
    declared: list[float] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # each sentence's speaker in a transcript ("" outside turns)
    code: list[float] = field(default_factory=list)  # in a manual: each sentence's share of code, 0..1 (else empty)
    notes: frozenset[int] = frozenset()  # places of the sentences in a footnote or endnote ("[1] See ...")

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def terms(self) -> Terms:
        from reader.summarize.words import Terms

        return Terms()

    @cached_property
    def rows(self) -> list[list[int]]:
        """Content-stem ids of each sentence, in word order."""
        of = self.terms.of
        return [of(t) for t in self.texts]

    @cached_property
    def bag(self) -> Bag:
        return Bag.from_rows(self.rows, len(self.terms.ids))

    @cached_property
    def title_terms(self) -> set[int]:
        return set(self.terms.of(self.title)) if self.title else set()
