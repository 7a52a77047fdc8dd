"""Transcript speakers as participants and their turns as quotes of kind ``turn``.

A speaker label is the participant's name as written ("Project Manager", "Grad C", "Ann Lee");
where it reads as a role, the role is kept too ("Grad C" -> role "Grad"). The label at the head
of each turn is a mention, and the turn's words are a quote attributed to that speaker.
"""

from __future__ import annotations

import re

from reader.model import Analysis, Block, Mention, Participant, Quote
from reader.text.blocks import turn_words

ROLE_WORDS = frozenset(
    "manager designer marketing interface industrial project user expert grad phd professor postdoc student "
    "speaker interviewer interviewee host moderator chair chairman chairperson chairwoman president secretary "
    "member reporter anchor judge witness attorney counsel caller guest panelist panellist teacher doctor nurse "
    "officer agent narrator presenter participant respondent audience delegate minister representative".split()
)
_ID_TAIL = re.compile(r"\s+(?:[A-Z]|\d{1,3})$")  # "Grad C", "Speaker 2"


def role_of(label: str) -> str | None:
    """The role a speaker label names, or None for a personal name."""
    words = _ID_TAIL.sub("", label).lower().split()
    if words and any(w.strip(".") in ROLE_WORDS for w in words):
        return _ID_TAIL.sub("", label)
    return None


def add_turns(analysis: Analysis) -> None:
    """Speakers join the participants; every turn becomes a quote of kind ``turn``."""
    text = analysis.text
    turns = [b for b in analysis.document.blocks if b.kind == "turn" and b.speaker]
    if not turns:
        return
    people = list(analysis.participants)
    by_name = {p.name: p for p in people}
    used = {p.id for p in people}
    quotes = []
    for block in turns:
        label = block.speaker or ""
        person = by_name.get(label) or _new_speaker(label, used, people, by_name)
        at = text.find(label, block.start, block.end)
        if at >= 0:
            person.mentions.append(Mention(at, at + len(label)))
        analysis.speakers[label] = person.id
        quote = _turn_quote(text, block, person.id)
        if quote is not None:
            quotes.append(quote)
    for person in people:
        unique = {(m.start, m.end): m for m in person.mentions}
        person.mentions = [unique[k] for k in sorted(unique)]
    analysis.participants = people
    analysis.quotes = quotes


def _new_speaker(label: str, used: set[str], people: list[Participant], by_name: dict[str, Participant]) -> Participant:
    number = len(used) + 1
    while f"p{number}" in used:
        number += 1
    used.add(f"p{number}")
    person = Participant(f"p{number}", label, "person", role_of(label), [label], [])
    people.append(person)
    by_name[label] = person
    return person


def _turn_quote(text: str, block: Block, speaker: str) -> Quote | None:
    start, end = turn_words(text, block), block.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, "turn", speaker) if start < end else None
