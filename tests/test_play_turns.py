"""Plays in plain text: speaker lines ('HAMLET.', 'Macb.', 'ROMEO. [Aside.]') make turns with speakers."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Document
from reader.summarize.speakers import display_text, paragraph_labels
from reader.text import plays

# Public-domain lines (Hamlet, Act I), laid out as Project Gutenberg's newer editions do.
ALONE_ON_A_LINE = """\
ACT I

SCENE I. Elsinore. A platform before the Castle.

 Enter Francisco and Barnardo, two sentinels.

BARNARDO.
Who’s there?

FRANCISCO.
Nay, answer me. Stand and unfold yourself.

BARNARDO.
Long live the King!

FRANCISCO.
Barnardo?

BARNARDO.
He.

FRANCISCO.
You come most carefully upon your hour.

BARNARDO.
’Tis now struck twelve. Get thee to bed, Francisco.

FRANCISCO.
For this relief much thanks. ’Tis bitter cold,
And I am sick at heart.

 Enter Horatio and Marcellus.

HORATIO.
Friends to this ground.

MARCELLUS.
And liegemen to the Dane.

FRANCISCO.
Give you good night.

 [_Exit._]
"""

# Macbeth, Act I scene vii, laid out as older editions do: abbreviated names, no blank lines.
ABBREVIATED = """\
ACT I. SCENE VII.
Macbeth's castle.

  Enter Macbeth.

  Macb. If it were done when 'tis done, then 'twere well
    It were done quickly.

  Enter Lady Macbeth.

  Lady M. He has almost supp'd. Why have you left the chamber?
  Macb. Hath he ask'd for me?
  Lady M. Know you not he has?
  Macb. We will proceed no further in this business.
  Lady M. Was the hope drunk
    Wherein you dress'd yourself?
  Macb. Prithee peace!
  Lady M. What beast was't then
    That made you break this enterprise to me?
  Macb. If we should fail?
  Lady M. We fail?
    But screw your courage to the sticking place,
    And we'll not fail.
"""

# Romeo and Juliet, Act II scene ii: the name and the speech on one line, an aside between them.
ON_ONE_LINE = """\
ROMEO. He jests at scars that never felt a wound.
  But soft! What light through yonder window breaks?

JULIET. Ay me!

ROMEO. [Aside.] She speaks.
  O, speak again, bright angel!

JULIET. O Romeo, Romeo! wherefore art thou Romeo?

ROMEO. [Aside.] Shall I hear more, or shall I speak at this?

JULIET. 'Tis but thy name that is my enemy.

NURSE. [Within.] Madam!

JULIET. I come, anon.

NURSE. [Within.] Madam!

JULIET. By-and-by I come.

LADY CAPULET. [Within.] Where is my daughter?
"""


def analysed(text: str):
    return analyze(Document("play.txt", text), summary=False)


def turns_said(analysis) -> list[tuple[str, str]]:
    names = {p.id: p.name for p in analysis.participants}
    return [
        (names.get(q.speaker or "", "?"), analysis.text[q.start : q.end]) for q in analysis.quotes if q.kind == "turn"
    ]


def test_a_name_alone_on_a_line_makes_the_speech_below_it_a_turn():
    said = turns_said(analysed(ALONE_ON_A_LINE))
    assert said[0] == ("Barnardo", "Who’s there?")
    assert said[1] == ("Francisco", "Nay, answer me. Stand and unfold yourself.")
    assert ("Francisco", "For this relief much thanks. ’Tis bitter cold,\nAnd I am sick at heart.") in said
    assert ("Marcellus", "And liegemen to the Dane.") in said  # he speaks once, in capitals
    assert len(said) == 11


def test_the_persons_of_the_play_are_people_and_labels_are_their_mentions():
    a = analysed(ALONE_ON_A_LINE)
    people = {p.name: p for p in a.participants}
    for name in ("Barnardo", "Francisco", "Horatio", "Marcellus"):
        assert people[name].kind == "person", name
    barnardo = people["Barnardo"]
    assert "BARNARDO" in {a.text[m.start : m.end] for m in barnardo.mentions}
    for p in a.participants:  # the contract: every alias is a mention's text
        assert set(p.aliases) <= {a.text[m.start : m.end] for m in p.mentions}, p


def test_labels_and_stage_directions_are_in_no_sentence():
    a = analysed(ALONE_ON_A_LINE)
    sentences = [a.text[s.start : s.end] for s in a.sentences]
    assert not any(s.startswith(("BARNARDO", "FRANCISCO", "HORATIO")) for s in sentences), sentences
    assert not any("Enter" in s or "Exit" in s for s in sentences), sentences
    assert "Who’s there?" in sentences


def test_abbreviated_labels_name_the_person_the_text_spells_out():
    said = turns_said(analysed(ABBREVIATED))
    assert said[0] == ("Macbeth", "If it were done when 'tis done, then 'twere well\n    It were done quickly.")
    assert said[1] == ("Lady Macbeth", "He has almost supp'd. Why have you left the chamber?")
    assert said[2] == ("Macbeth", "Hath he ask'd for me?")
    assert (
        "Lady Macbeth",
        "We fail?\n    But screw your courage to the sticking place,\n    And we'll not fail.",
    ) in said
    assert len(said) == 10


def test_a_name_and_its_speech_on_one_line_with_an_aside():
    said = turns_said(analysed(ON_ONE_LINE))
    assert said[0] == (
        "Romeo",
        "He jests at scars that never felt a wound.\n  But soft! What light through yonder window breaks?",
    )
    assert said[2] == ("Romeo", "[Aside.] She speaks.\n  O, speak again, bright angel!")
    assert said[-1] == ("Lady Capulet", "[Within.] Where is my daughter?")


def test_summary_lines_say_who_spoke():
    a = analyze(Document("play.txt", ABBREVIATED), summary=True, length={"sentences": 3})
    labels = paragraph_labels(a)
    assert a.summary is not None
    lines = [display_text(a, i, labels) for i in a.summary.selected]
    assert lines and all(line.startswith(("Macbeth: ", "Lady Macbeth: ")) for line in lines), lines


@pytest.mark.parametrize(
    "text",
    [
        # a novel's lines may start with a name and a full stop; they are no play
        "Marilla. She was always there.\n\nAnne went out.\n\n" * 3 + "The end of the story came.\n" * 200,
        # an outline or a list of chapters
        "ACT I.\n\nSCENE I.\n\nCHAPTER I.\n\nCHAPTER II.\n\nPROLOGUE.\n\nEPILOGUE.\n" * 5,
    ],
)
def test_a_text_that_is_no_play_has_no_speaker_lines(text):
    assert plays.labels(text) == frozenset()
    a = analysed(text)
    assert not [q for q in a.quotes if q.kind == "turn"]


def test_the_persons_of_the_play_give_roles_and_name_the_king():
    cast = (
        "Dramatis Personæ\n\nHAMLET, Prince of Denmark.\nCLAUDIUS, King of Denmark, Hamlet’s uncle.\n"
        "HORATIO, friend.\n\n"
    )
    scene = (
        "KING.\nHow is it that the clouds still hang on you?\n\n"
        "HAMLET.\nNot so, my lord, I am too much in the sun.\n\n"
        "KING.\nTake thy fair hour, Laertes.\n\n"
        "HAMLET.\nA little more than kin, and less than kind.\n\n"
        "HORATIO.\nHail to your lordship!\n\n"
        "HAMLET.\nI am glad to see you well.\n\n"
        "HORATIO.\nThe same, my lord.\n\n"
        "KING.\nBut now, my cousin Hamlet, and my son.\n"
    )
    a = analysed(cast + scene)
    people = {p.name: p for p in a.participants if p.kind == "person"}
    assert people["Hamlet"].role == "Prince of Denmark"
    assert people["Claudius"].role == "King of Denmark, Hamlet’s uncle"
    assert "KING" in people["Claudius"].aliases
    assert turns_said(a)[0] == ("Claudius", "How is it that the clouds still hang on you?")


@pytest.mark.parametrize("text", [ALONE_ON_A_LINE, ABBREVIATED, ON_ONE_LINE])
def test_a_play_meets_the_json_contract(text):
    from test_contract import check_contract

    doc = analyze(Document("play.txt", text), length={"sentences": 3}).to_json()
    check_contract(doc)
    paragraphs = [(p["start"], p["end"]) for p in doc["paragraphs"]]
    for q in doc["quotes"]:  # each speech is a paragraph of its own
        assert q["kind"] == "turn" and (q["start"], q["end"]) in paragraphs


def test_lines_spoken_by_all_are_no_ones_turn():
    text = ON_ONE_LINE + "\nALL. Away, away!\n\nROMEO. Farewell.\n\nALL. Away!\n"
    a = analyze(Document("play.txt", text), length={"sentences": 3})
    from test_contract import check_contract

    check_contract(a.to_json())
    assert "All" not in {p.name for p in a.participants}
    assert ("Romeo", "Farewell.") in turns_said(a)
