"""Quotes and reported speech on the seed, small texts and any text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import load
from reader.model import Document


@pytest.fixture(scope="module")
def seed():
    return analyze(load(str(SEED)), summary=False)


def speaker_of(analysis, cue_phrase):
    """The speaker's name of the quote whose sentence contains cue_phrase (None for no speaker)."""
    pos = analysis.text.index(cue_phrase)
    names = {p.id: p.name for p in analysis.participants}
    for q in analysis.quotes:
        s = next(s for s in analysis.sentences if s.start <= q.start < s.end)
        if s.start <= pos < s.end:
            return names.get(q.speaker), q
    raise AssertionError(f"no quote in the sentence of {cue_phrase!r}")


@pytest.mark.parametrize(
    "phrase, speaker, cue",
    [
        ("Eldor Aripov noted that", "Eldor Aripov", "noted"),
        ("According to the director of the ISMI", "Eldor Aripov", "according to"),
        ("Vladimir Voronkov stressed that", "Vladimir Voronkov", "stressed"),
        ("the head of the UN Counter-Terrorism Office stated that", "Vladimir Voronkov", "stated"),
        ("N. Gherman stated", "Natalya Gherman", "stated"),
        ("She noted that", "Ashita Mittal", "noted"),
        ("According to her", "Ashita Mittal", "according to"),
        ("A. Mittal stressed the need", "Ashita Mittal", "stressed"),
        ("The representative of the UN Office on Drugs and Crime", "Ashita Mittal", "emphasized"),
        ("The dialogue participants stated that", None, "stated"),
        ("the participants noted that", None, "noted"),
    ],
)
def test_seed_reported_speech(seed, phrase, speaker, cue):
    name, quote = speaker_of(seed, phrase)
    assert name == speaker
    assert quote.cue == cue and quote.kind == "reported"


def test_seed_gherman_stressed_after_a_long_apposition(seed):
    pos = seed.text.index("stressed that the states of the region")
    quote = next(q for q in seed.quotes if q.start > pos and q.start < pos + 30)
    names = {p.id: p.name for p in seed.participants}
    assert names[quote.speaker] == "Natalya Gherman"


def test_seed_quoted_title_is_not_speech(seed):
    title = seed.text.index("“Experience")
    assert not any(q.start <= title < q.end and q.kind == "direct" for q in seed.quotes)


def test_direct_quote_with_pronoun_speaker():
    text = "Anna Pavlovna Scherer met Prince Vasili.\n\n“Well, Prince, so Genoa is now a family estate,” she said."
    analysis = analyze(Document(source="x", text=text), summary=False)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 1
    names = {p.id: p.name for p in analysis.participants}
    assert text[direct[0].start : direct[0].end].startswith("“Well")
    assert direct[0].cue == "said" and names.get(direct[0].speaker) == "Anna Pavlovna Scherer"


def test_markdown_block_quote_is_direct():
    text = "The minister spoke at length.\n\n> We will not give up.\n\nThen he left."
    analysis = analyze(Document(source="x.md", text=text, format="markdown"), summary=False)
    assert any(q.kind == "direct" and "We will not give up" in text[q.start : q.end] for q in analysis.quotes)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "He",
                "said",
                "that",
                "“Yes,”",
                "she",
                "noted",
                "Ivan Petrov",
                "the",
                "participants",
                "According",
                "to",
                "her,",
                ".",
                "\n\n",
                '"no"',
                "'s",
            ]
        ),
        max_size=50,
    )
)
def test_quotes_are_spans_with_known_speakers(words):
    analysis = analyze(Document(source="x", text=" ".join(words)), summary=False)
    ids = {p.id for p in analysis.participants}
    starts = [q.start for q in analysis.quotes]
    assert starts == sorted(starts)
    for q in analysis.quotes:
        assert 0 <= q.start < q.end <= len(analysis.text)
        assert q.kind in ("direct", "reported")
        assert q.speaker is None or q.speaker in ids


def test_cli_quotes_plain_and_json():
    run = [sys.executable, "-m", "reader", "quotes", str(SEED)]
    plain = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "Ashita Mittal noted [reported]:" in plain and "\x1b" not in plain
    out = subprocess.run(run + ["--format", "json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert all(set(q) >= {"start", "end", "kind", "speaker", "cue"} for q in data["quotes"])


def test_pronoun_finds_the_person_of_its_gender():
    text = "Maria Lopez met the minister.\n\nIvan Petrov, the minister, listened.\n\nShe said that the talks went well."
    analysis = analyze(Document(source="x", text=text), summary=False)
    names = {p.id: p.name for p in analysis.participants}
    reported = [q for q in analysis.quotes if q.kind == "reported"]
    assert [names.get(q.speaker) for q in reported] == ["Maria Lopez"]
    assert text[reported[0].start : reported[0].end] == "the talks went well."


def test_a_name_inside_the_next_quote_did_not_say_this_one():
    text = "Tom Hill waited.\n\n“My dear Mr. Bennet,” said his lady to him, “have you heard?”"
    analysis = analyze(Document(source="x", text=text), summary=False)
    names = {p.id: p.name for p in analysis.participants}
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert all(names.get(q.speaker) != "Bennet" and names.get(q.speaker) != "Mr. Bennet" for q in direct)


def test_pronoun_does_not_reach_back_across_chapters():
    from reader.analysis import analyze
    from reader.model import Document

    text = (
        "Chapter 1\n\nBy Jane Austen, a story.\n\n"
        + "The weather was fine. " * 12
        + "\n\nChapter 2\n\n“It is late,” she said.\n"
    )
    a = analyze(Document("x.txt", text), summary=False)
    (quote,) = [q for q in a.quotes if q.kind == "direct"]
    assert quote.speaker is None


def direct_speakers(text):
    a = analyze(Document("x.txt", text), summary=False)
    names = {p.id: p.name for p in a.participants}
    return [(a.text[q.start : q.end], names.get(q.speaker)) for q in a.quotes if q.kind == "direct"]


def test_a_quotation_over_a_line_break_is_one_quote():
    text = 'Elizabeth looked up.\n\n"I do not think,\nsir, that you are right," said Elizabeth.\n'
    ((quote, speaker),) = direct_speakers(text)
    assert quote.startswith('"I do not think,\nsir') and quote.endswith('right,"')
    assert speaker == "Elizabeth"


def test_a_speech_over_two_paragraphs_is_quoted_in_both():
    text = (
        'Mr. Darcy rose. "It is a long story, and I will tell it all. It began\nin the spring.\n\n'
        '"Then the summer came," he went on, "and we left."\n'
    )
    quotes = [q for q, _ in direct_speakers(text)]
    assert quotes[0].startswith('"It is a long story') and quotes[0].endswith("spring.")
    assert any(q.startswith('"Then the summer') for q in quotes)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"You are late," said Elizabeth to Jane.', "Elizabeth"),
        ('"You are late," Elizabeth said.', "Elizabeth"),
        ('Jane sat down. Mr. Bennet came in.\n\n"You are late," said he.', "Bennet"),
        ('Mr. Bennet came in. Jane sat down.\n\n"You are late," said she.', "Jane"),
        ('Helen came in and turned to Margaret.\n\n"You are late," said she.', "Helen"),
        ('Helen stood by the fire, smiling at Margaret.\n\n"Sit down," she said.', "Helen"),
        ('Anne looked up. Wentworth came in.\n\n"Sit down," said she.', "Anne"),
        ('Anne looked up. Captain Wentworth came in.\n\n"Sit down," said she.', "Anne"),
        ('Anne looked up.\n\nKatharine smiled.\n\n"You are late."', "Katharine"),
    ],
)
def test_speaker_from_said_x_x_said_and_said_he(text, speaker):
    ((_, found),) = direct_speakers(text)
    assert found is not None and found.endswith(speaker)


def test_alternating_dialogue_between_two_speakers():
    text = (
        '"Where have you been?" asked Margaret.\n\n'
        '"In the garden," said Helen.\n\n'
        '"All morning?"\n\n'
        '"Since breakfast."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Margaret", "Helen", "Margaret", "Helen"]


def test_a_quote_introduced_by_the_paragraph_before():
    text = (
        "It was a fine evening at the house.\n\n"
        "The visitors took their leave; and Charles, having seen them off, began with--\n\n"
        '"Well, mother, I have done something for you."\n'
    )
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Charles"


@pytest.mark.parametrize(
    "text",
    [
        "The United States has undertaken to reduce emissions by half.",
        "The United Kingdom reiterates its support for the agreement.",
        "Trinidad and Tobago reiterates its call for action.",
        "They reached the Promised Land said to be rich.",
    ],
)
def test_a_capitalised_noun_is_never_a_cue(text):
    a = analyze(Document("x.txt", text), summary=False)
    assert all(q.cue is None or not q.cue[:1].isupper() for q in a.quotes)


@pytest.mark.parametrize(
    "text",
    ['He said "hello there ' * 400, '{"a":"b","c":"d",' * 300, '"\n' * 500, "“" * 1000 + "”" * 3],
)
def test_unbalanced_marks_give_exact_spans(text):
    a = analyze(Document("x.txt", text), summary=False)
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(a.text)
        assert "\n\n" not in a.text[q.start : q.end]


def test_the_title_names_its_holder():
    text = (
        "Admiral Croft walked in with his wife. Admiral Croft sat down by the fire.\n\n"
        "Anne looked at the letters on the table.\n\n"
        '"Phoo! phoo!" cried the Admiral, "what stuff these young fellows talk!"\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers and all(s == "Croft" for s in speakers)


@pytest.mark.parametrize("verb", ["inquired", "echoed", "interposed", "protested", "stammered", "demanded"])
def test_speech_verbs_of_narrated_dialogue_are_cues(verb):
    text = f'Mr. Bennet came in. Jane sat by the window.\n\n"Is it true?" he {verb}.\n'
    ((_, found),) = direct_speakers(text)
    assert found is not None and found.endswith("Bennet")


def test_a_reply_goes_to_the_person_the_narration_named_before_the_speaker():
    text = (
        "Margaret was sitting in the garden when Henry came out of the house.\n\n"
        '"Have you finished your letter?" said Henry.\n\n'
        '"Not quite. A few lines more."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Henry", "Margaret"]


def test_a_cue_with_he_never_names_a_woman_nearby():
    text = 'Lucy turned to Miss Bartlett, who sat by the window. "You would not stop us," he said.\n'
    ((_, found),) = direct_speakers(text)
    assert found is None


def test_said_the_girl_is_the_last_woman_named():
    text = (
        "Lucy came down the stairs. Mr. Beebe was waiting in the hall with his hat.\n\n"
        '"No, Charlotte!" cried the girl. "I am coming with you."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Lucy", "Lucy"]


def test_said_she_in_a_dialogue_is_the_woman_the_narration_just_named():
    text = (
        '"Shall we walk?" said Anne.\n\n'
        '"Gladly," said Captain Wentworth.\n\n'
        'Mrs. Croft rose from her chair. "Here we part company," said she.\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers[-1] is not None and speakers[-1].endswith("Croft")


def test_an_uncued_turn_takes_the_speaker_named_two_turns_later():
    text = (
        "The two men stood in the hall of the station.\n\n"
        '"But you are Paul."\n\n'
        '"I am not."\n\n'
        '"Then why did you say so?" asked Henry.\n\n'
        '"I said nothing of the sort," said Charles.\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Henry", "Charles", "Henry", "Charles"]


def test_said_he_reaches_back_a_few_pages_of_narration():
    filler = "The room was quiet and the fire burned low in the grate. " * 70
    text = f"Mr. Bennet came in and sat down.\n\n{filler}\n\n" + '"You are late," said he.\n'
    assert len(filler) > 3000
    ((_, found),) = direct_speakers(text)
    assert found is not None and found.endswith("Bennet")


def test_an_uncued_opening_turn_is_the_person_the_answer_was_given_to():
    text = (
        "In the study, where Henry was reading, Margaret stopped by the door.\n\n"
        '"Are you busy?"\n\n'
        '"Not at all," said Henry.\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Margaret", "Henry"]


@pytest.mark.parametrize(
    "quote, expected",
    [
        ('Miss Lane sat at the piano. "Where have you been all this time?" said his wife.', "Mrs. Grey"),
        ('His wife looked up. "Where have you been?" cried his lady.', "Mrs. Grey"),
    ],
)
def test_said_his_wife_is_the_spouse_the_text_names(quote, expected):
    text = (
        "Mrs. Grey had waited all evening by the fire.\n\n"
        "Mr. Grey came home late and hung up his coat.\n\n" + quote + "\n"
    )
    assert [s for _, s in direct_speakers(text)] == [expected]


def test_a_cue_of_one_gender_does_not_take_a_turn_of_the_other():
    text = (
        '"Have you heard the news, my dear?" said his lady to him one day.\n\n'
        "Mr. Grey replied that he had not.\n\n"
        '"But it is true," returned she.\n'
    )
    assert "Mr. Grey" not in [s for _, s in direct_speakers(text)]


@pytest.mark.parametrize("greeting", ["So, Miss Talbot, you are back?", "Rose dear, you are back?"])
def test_the_person_addressed_with_a_title_or_dear_answers(greeting):
    text = f'Colonel Hart stood by the window while Rose Talbot waited.\n\n"{greeting}"\n\n"Only since Tuesday."\n'
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers[1] is not None and speakers[1].endswith("Talbot")


def test_a_person_looked_at_beside_the_cue_did_not_speak():
    text = 'Mary Wood and Tom Bell came in.\n\n"Where were you?" she suddenly asked, fixing her eyes upon Tom Bell.\n'
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Mary Wood"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Later Tom Bell came in and sat down by Rose Hart.\n\n"Is it late?" said the young man.\n', "Tom Bell"),
        ('Later Rose Hart came in, and Tom Bell rose.\n\n"Sit down," said this lady.\n', "Rose Hart"),
        ('Later Tom Bell came in, and Rose Hart rose.\n\n"Sit down," said her old father.\n', "Tom Bell"),
        ('Later Rose Hart came in, and Tom Bell rose.\n\n"Sit down," said the landlady.\n', "Rose Hart"),
    ],
)
def test_a_noun_subject_beside_the_cue_gives_the_gender(text, speaker):
    ((_, found),) = direct_speakers(text)
    assert found == speaker


def test_a_speech_continued_in_the_next_paragraph_keeps_its_speaker():
    text = (
        "Helen came in late.\n\n"
        '"Where have you been?" asked Margaret.\n\n'
        '"I went to the garden first, and then down to the river to see the boats.\n\n'
        '"After that I came home along the lane."\n\n'
        '"Alone?"\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers == ["Margaret", "Helen", "Helen", "Margaret"]


def test_an_uncued_quote_outside_an_exchange_is_the_person_the_narration_is_about():
    text = 'Later Tom Bell walked to the gate and looked at the sky.\n\n"Rain again."\n'
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Tom Bell"


def test_a_pronoun_opening_the_narration_beside_a_quote_gives_its_gender():
    text = (
        "Rose Hart and Tom Bell sat by the fire.\n\n"
        '"Is it late?" said Tom Bell.\n\n'
        '"Not yet," said Rose Hart.\n\n'
        '"Then stay," said Tom Bell.\n\n'
        'Tom Bell looked at the clock. She raised her eyebrows. "Only a little while."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers[-1] == "Rose Hart"


def test_the_person_addressed_in_a_quote_did_not_say_it():
    text = (
        "Mrs. Wilcox stood by the gate while Margaret waited in the road.\n\n"
        '"Will you come in?" said Mrs. Wilcox.\n\n'
        '"I cannot stay," said Margaret.\n\n'
        '"Another day, Mrs. Wilcox. Of course."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers[-1] == "Margaret"


def test_an_uncued_quote_after_narration_is_the_person_last_named_there():
    filler = "The rain fell on the roof. " * 12
    text = f"The house was quiet when Tom Bell came home.\n\n{filler}\n\n" + '"Better."\n'

    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Tom Bell"


def test_a_name_without_a_known_gender_takes_the_pronouns_that_follow_it():
    text = (
        "Mr. Giovanelli had gone home early.\n\n"
        "Winterbourne sat in the garden, where he read a letter. Winterbourne looked up when he heard steps. "
        "Winterbourne rose as he saw the gate open, and Daisy Miller came down the path.\n\n"
        '"Good morning," said he.\n'
    )
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Winterbourne"


def test_a_reply_goes_to_the_last_other_speaker_before_a_person_only_named():
    text = (
        "Rose Hart and Tom Bell sat by the fire.\n\n"
        '"Good evening," said Rose Hart.\n\n'
        "Mr. Grey came in with the lamp and went out again.\n\n"
        '"It is late," said Tom Bell.\n\n'
        '"Not very."\n'
    )
    speakers = [s for _, s in direct_speakers(text)]
    assert speakers[-1] == "Rose Hart"


@pytest.mark.parametrize(
    "narration",
    [
        "He put his hat on the desk of Mr. Grey.",
        "He sat down on Mr. Grey's chair.",
        "He had heard a great deal about Mr. Grey.",
    ],
)
def test_a_person_after_of_on_or_about_is_not_the_he_of_the_cue(narration):
    text = f'Tom Bell came in and sat down.\n\n{narration}\n\n"It is cold," said he.\n'
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Tom Bell"


def test_the_voice_of_a_person_speaks():
    text = 'Rose Hart waited in the hall.\n\nThen the voice of Tom Bell was heard: "Come in, all of you."\n'
    ((_, speaker),) = direct_speakers(text)
    assert speaker == "Tom Bell"
