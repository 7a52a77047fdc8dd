"""Who speaks in novels (issue 10): a cue whose subject is a noun ('said the chaplain', 'his mother said',
'cried the girl') names its speaker from the document's own evidence."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Document


def speakers(text: str) -> list[str | None]:
    a = analyze(Document("novel.txt", text), summary=False)
    names = {p.id: p.name for p in a.participants}
    return [names.get(q.speaker) for q in a.quotes if q.kind == "direct"]


def test_a_role_noun_names_the_one_person_the_text_gives_it():
    text = (
        "Lucy and Miss Bartlett waited at the door of the church. Mr. Eager, the English chaplain, came up "
        "the steps. Lucy looked at the pictures.\n\n"
        '"We shall be a party of four," said the chaplain.\n'
    )
    assert speakers(text) == ["Mr. Eager"]


def test_a_title_noun_names_the_one_person_who_bears_the_title():
    text = (
        "Colonel Fussell arrived in the evening. Henry and Margaret were on the lawn when he came.\n\n"
        'Margaret looked at the dog. The Colonel said: "I have brought the horses."\n'
    )
    (found,) = speakers(text)
    assert found is not None and found.endswith("Fussell")


def test_a_role_noun_the_text_gives_to_nobody_names_nobody():
    text = (
        "Lucy and Miss Bartlett waited at the door of the church. Mr. Eager came up the steps.\n\n"
        '"We shall be a party of four," said the chaplain.\n'
    )
    assert speakers(text) == [None]


def test_a_kin_noun_names_the_relative_of_the_holders_family():
    text = (
        "Mrs. Miller sat on the terrace of the hotel with Daisy Miller. Miss Miller was upstairs. Randolph Miller "
        "ran along the gravel.\n\n"
        '"I want some candy," said Randolph. Mrs. Costello walked past them and sat down by the lake.\n\n'
        '"You have had enough," said his mother.\n'
    )
    assert speakers(text) == ["Randolph Miller", "Mrs. Miller"]


def test_a_name_before_a_kin_noun_holds_the_relation_and_does_not_speak():
    text = (
        "Mrs. Miller and Daisy Miller sat on the terrace of the hotel. Miss Miller was upstairs.\n\n"
        '"There is the courier," answered Daisy\'s mamma.\n'
    )
    assert speakers(text) == ["Mrs. Miller"]


@pytest.mark.parametrize("noun", ["the girl", "the young lady", "she"])
def test_a_woman_who_calls_another_by_name_is_the_last_other_woman_named(noun):
    text = (
        "Lucy sat by the window. Mr. Beebe read the paper. Miss Bartlett came in with the letters.\n\n"
        f'"Good night, Miss Bartlett," said {noun}.\n'
    )
    assert speakers(text) == ["Lucy"]


def test_a_title_several_people_bear_names_the_one_last_given_it():
    text = (
        "Doctor Kemp lived on the hill above the town. Every morning he walked to the pier.\n\n"
        "CHAPTER II\n\n"
        "Doctor Cuss came into the bar of the inn at noon. Mrs. Hall and Mr. Hall were at the counter.\n\n"
        '"Is he in?" said the doctor.\n'
    )
    (found,) = speakers(text)
    assert found is not None and found.endswith("Cuss")


def test_his_father_is_the_mr_of_the_sons_family():
    text = (
        "Mr. Emerson and George Emerson took the rooms with a view. Mr. Beebe was pleased. George went out, "
        "and George came back.\n\n"
        '"I have found the violets," said George.\n\n'
        '"Then give them to Mr. Beebe," cried his father.\n'
    )
    assert speakers(text) == ["George", "Mr. Emerson"]
