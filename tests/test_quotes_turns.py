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


def test_the_woman_a_quote_calls_by_name_is_not_the_she_who_says_it():
    text = (
        "Miss Jane Bennet sat by the fire with her work.\n\n"
        "Miss Elizabeth Bennet came in and looked about the room.\n\n"
        '"Good morning, Elizabeth," said she.\n'
    )
    ((_, speaker),) = direct_speakers(text)
    assert speaker is not None and "Jane" in speaker


def test_a_family_named_in_the_plural_does_not_say_a_quote():
    text = (
        "Mr. Emerson had come to the pension with his son. The Emersons took the rooms with a view, "
        "and the Emersons went out at once.\n\n"
        '"What a view it is," she said.\n'
    )
    ((_, speaker),) = direct_speakers(text)
    assert speaker is None or not speaker.endswith("Emersons")
