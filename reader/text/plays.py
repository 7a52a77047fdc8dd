"""Plays in plain text: speaker lines make turns, the persons of the play their speakers.

Project Gutenberg plays name the speaker at a line's start: ``HAMLET.`` alone on a line with the
speech below it, or ``ROMEO. [Aside.] She speaks.`` and ``  Macb. If it were done...`` with the
speech after it. A document is a play when such lines recur (each label at least twice, several
labels, a good share of the lines), so a novel's 'Yes. I think so' at a line's start is none.
Each speech becomes a paragraph of its own (the label, like a heading, is in none; nor is a stage
direction on lines of its own, 'Enter Horatio.' or '[_Exit._]'), a quote of
kind ``turn`` attributed to its speaker, and the speaker a person: 'Macb.' and 'Lady M.' are
'Macbeth' and 'Lady Macbeth' when the text spells them out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.model import Analysis, Mention, Paragraph, Participant, Quote

_CAPS_WORD = r"[A-Z][A-Z'’-]*"
_WORD = r"[A-Z][a-z'’-]{0,12}\.?"
# A label: up to four words in capitals ('LADY MACBETH', 'FIRST WITCH'), or up to two capitalised
# words, the last one perhaps cut short ('Ham.', 'Lady M.', 'First Sold.'); then a dot and either the
# end of the line or the speech (a stage direction in brackets may come first).
SPEAKER_LINE = re.compile(
    rf"^[ \t]{{0,4}}(?P<label>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}|(?:{_WORD}[ ])?[A-Z][a-z'’-]{{0,12}})\."
    r"(?:[ \t]*$|[ \t]+(?=\S))",
    re.M,
)
# First words of lines that look like labels but are headings or stage directions.
NOT_LABELS = frozenset(
    "act scene chapter book part prologue epilogue the contents finis end index note notes volume preface "
    "introduction appendix dramatis persons enter exit exeunt manet manent flourish re-enter alarum alarums "
    "sennet thunder music trumpets a an and but or if so no yes oh o well ay nay what why how then now "
    "here there this that it he she we they i you my mr mrs dr st vol fig".split()
)
NOT_PERSONS = frozenset({"all", "both", "omnes", "several", "others", "some"})
ROMAN = re.compile(r"[IVXLC]+")
MIN_LINES = 8  # speaker lines in a play (a scene of dialogue)
MIN_SHARE = 0.05  # of the non-blank lines
MIN_REPEATS = 2  # a label names a speaker when it opens this many lines


@dataclass(frozen=True)
class Turn:
    """One speech: its label as written (without the dot), where the label is, and the speech."""

    label: str
    label_start: int
    label_end: int
    start: int
    end: int


def labels(text: str) -> frozenset[str]:
    """The speaker labels of a play, or none when the text is no play."""
    return _labels(text)


@lru_cache(maxsize=4)
def _labels(text: str) -> frozenset[str]:
    found = [m.group("label") for m in SPEAKER_LINE.finditer(text) if _may_label(m.group("label"))]
    counts = Counter(found)
    kept = {label: n for label, n in counts.items() if n >= MIN_REPEATS}
    total = sum(kept.values())
    lines = sum(1 for line in text.splitlines() if line.strip())
    if total < MIN_LINES or len(kept) < 2 or total < MIN_SHARE * lines:
        return frozenset()
    return frozenset(kept) | {label for label in counts if label.isupper()}  # in a play, a messenger speaks once


def _may_label(label: str) -> bool:
    first = label.split()[0].lower().rstrip(".")
    return first not in NOT_LABELS and not ROMAN.fullmatch(label.split()[0].rstrip("."))


def split_turns(text: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs cut at speaker lines: each speech a paragraph, the labels in none."""
    known = labels(text)
    if not known:
        return paragraphs
    out: list[Paragraph] = []
    for p in paragraphs:
        out.extend(q for q in _pieces(text, p, known) if not STAGE_DIRECTION.fullmatch(text, q.start, q.end))
    return out


# A stage direction on lines of its own ('Enter Horatio and Marcellus.', '[_Exit._]'): not a speech.
STAGE_DIRECTION = re.compile(
    r"(?:(?:Enter|Exit|Exeunt|Re-enter|Manet|Manent|Flourish|Alarum|Alarums|Sennet|Thunder|Music|Trumpets)\b"
    r"[^\n]*(?:\n[^\n]*)?|\[[^\]]*\]|\([^)]*\))\s*"
)


def _pieces(text: str, p: Paragraph, known: frozenset[str]) -> list[Paragraph]:
    line_start = text.rfind("\n", 0, p.start) + 1  # '^' matches at a line's start, not at the paragraph's
    found = SPEAKER_LINE.finditer(text, line_start, p.end)
    cuts = [m for m in found if m.group("label") in known and m.start("label") >= p.start]
    if not cuts:
        return [p]
    spans = [(p.start, cuts[0].start())] + [(m.end(), n.start()) for m, n in zip(cuts, cuts[1:] + [None]) if n]
    spans.append((cuts[-1].end(), p.end))
    return [Paragraph(a, b) for a, b in (_trim(text, a, b) for a, b in spans) if a < b]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def turns(analysis: Analysis) -> list[Turn]:
    """The speeches of a play: the paragraphs right after a speaker label (the label's line or the line before)."""
    text = analysis.text
    known = labels(text)
    if not known:
        return []
    out = []
    for p in analysis.paragraphs:
        line_start = text.rfind("\n", 0, p.start) + 1
        m = SPEAKER_LINE.match(text, line_start)
        if (m is None or m.end() > p.start or text[m.end() : p.start].strip()) and line_start > 0:
            before = text.rfind("\n", 0, line_start - 1) + 1
            m = SPEAKER_LINE.match(text, before)
            if m is not None and text[m.end() : p.start].strip():
                m = None
        if m is not None and m.end() <= p.start and m.group("label") in known:
            out.append(Turn(m.group("label"), m.start("label"), m.end("label"), p.start, p.end))
    return out


def paragraph_labels(analysis: Analysis) -> dict[int, str]:
    """Paragraph index -> 'Speaker: ' for the speeches of a play, as transcripts label their turns."""
    found = turns(analysis)
    if not found:
        return {}
    names = _names(analysis.text, {t.label for t in found})
    starts = {p.start: i for i, p in enumerate(analysis.paragraphs)}
    return {starts[t.start]: f"{names[t.label]}: " for t in found if t.start in starts}


def add_turns(analysis: Analysis) -> None:
    """Speakers join the participants as people; every speech becomes a quote of kind ``turn``."""
    found = turns(analysis)
    if not found:
        return
    names = _names(analysis.text, {t.label for t in found})
    cast = persons(analysis.text, found[0].label_start)
    roles = {}
    for label, name in names.items():
        names[label], roles[label] = _in_cast(name, cast)
    people = list(analysis.participants)
    by_name = {n.lower(): p for p in people for n in (p.name, *p.aliases)}
    used = {p.id for p in people}
    quotes = []
    for t in found:
        name = names[t.label]
        person = None if name.lower() in NOT_PERSONS else by_name.get(name.lower()) or by_name.get(t.label.lower())
        if person is None and name.lower() not in NOT_PERSONS:
            person = _new_person(name, used, people)
            by_name[name.lower()] = person
        if person is not None:
            person.kind = "person"  # 'ROMEO' typed an organization speaks: a person
            person.name = name if person.name.isupper() else person.name  # 'Hamlet', not the list's 'HAMLET'
            person.role = roles[t.label] or person.role
            person.mentions.append(Mention(t.label_start, t.label_end))
            analysis.speakers[t.label] = person.id
        if person is not None:  # 'All.' speak together: a speech, but no one's turn
            quotes.append(Quote(t.start, t.end, "turn", person.id))
    for person in people:
        unique = {(m.start, m.end): m for m in person.mentions}
        person.mentions = [unique[k] for k in sorted(unique)]
        said = analysis.text
        person.aliases = list(dict.fromkeys([*person.aliases, *(said[m.start : m.end] for m in person.mentions)]))
    analysis.participants = people
    analysis.quotes = quotes


def _new_person(name: str, used: set[str], people: list[Participant]) -> Participant:
    number = len(used) + 1
    while f"p{number}" in used:
        number += 1
    used.add(f"p{number}")
    person = Participant(f"p{number}", name, "person")
    people.append(person)
    return person


def _names(text: str, found: set[str]) -> dict[str, str]:
    """Label -> the speaker's name: 'LADY MACBETH' -> 'Lady Macbeth', 'Macb.' -> 'Macbeth' and
    'Lady M.' -> 'Lady Macbeth' where the text spells the name out, else the label as it is."""
    return {label: _spelled_out(text, label) for label in found}


def _spelled_out(text: str, label: str) -> str:
    if label.isupper():
        return " ".join(w.capitalize() for w in label.split())
    words = label.split()
    pattern = r"\b" + r"\s+".join(re.escape(w.rstrip(".")) + r"[a-z]*" for w in words) + r"\b"
    spelled = Counter(" ".join(m.group().split()) for m in re.finditer(pattern, text))
    longer = [(n, form) for form, n in spelled.items() if len(form) > len(label) and form.replace(".", "") != label]
    return max(longer)[1] if longer else label.rstrip(".")


# A line of the persons of the play: 'CLAUDIUS, King of Denmark, Hamlet’s uncle.', '  Duncan, King of Scotland.'
CAST_LINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Za-z'’-]*(?:[ ][A-Z][A-Za-z'’-]*){0,3}),[ \t]+(?P<role>[^\n]{3,80}?)\.?[ \t]*$", re.M
)
MIN_CAST = 3


def persons(text: str, end: int) -> dict[str, tuple[str, str]]:
    """The persons of the play listed before its first speech: lower-case name -> (name, role)."""
    found = list(CAST_LINE.finditer(text, 0, end))
    if len(found) < MIN_CAST:
        return {}
    out = {}
    for m in found:
        name = m.group("name")
        name = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
        out[name.lower()] = (name, m.group("role").strip())
    return out


def _in_cast(name: str, cast: dict[str, tuple[str, str]]) -> tuple[str, str | None]:
    """The speaker's name and role from the persons of the play: 'Hamlet' is 'Prince of Denmark';
    'King', whom no line of the list names, is the one person listed as a king ('Claudius')."""
    if name.lower() in cast:
        return cast[name.lower()][0], cast[name.lower()][1]
    by_role = [entry for entry in cast.values() if entry[1].split()[0].lower() == name.lower()]
    if len(by_role) == 1:
        return by_role[0]
    return name, None
