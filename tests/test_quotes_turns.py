"""Who speaks in novels (issue 10): 'said she' by gender, the person spoken to, alternating turns."""

from __future__ import annotations

from reader.analysis import analyze
from reader.model import Document


def direct_speakers(text: str) -> list[tuple[str, str | None]]:
    a = analyze(Document("novel.txt", text), summary=False)
    names = {p.id: p.name for p in a.participants}
    return [(a.text[q.start : q.end], names.get(q.speaker)) for q in a.quotes if q.kind == "direct"]


def test_a_turn_with_said_she_never_takes_the_man_named_two_turns_later():
    text = (
        "Mr. Winterbourne sat in the garden of the hotel with his coffee. He had come from Geneva.\n\n"
        '"Are you going to Italy?" Winterbourne inquired.\n\n'
        '"Yes, sir," she replied.\n\n'
        '"And you?"\n\n'
        '"Are you going over the Simplon?" Winterbourne pursued.\n'
    )
    speakers = dict(direct_speakers(text))
    assert speakers['"Are you going to Italy?"'].endswith("Winterbourne")
    assert not (speakers['"Yes, sir,"'] or "").endswith("Winterbourne")
