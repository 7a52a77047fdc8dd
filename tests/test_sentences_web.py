"""Sentence boundaries of web and e-mail text that no punctuation marks (issue 11)."""

from __future__ import annotations

import pytest

from reader.text.sentences import casual, split


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # An e-mail header's name, time stamp and the body that follows.
        (
            "Kay Mann 04/26/2001 07:17 AM Will you be providing an executed copy?",
            ["Kay Mann", "04/26/2001 07:17 AM", "Will you be providing an executed copy?"],
        ),
        # A stamp read as part of a sentence keeps it.
        (
            "Someone made the following annotations on 04/25/01 12:42 AM We have changed our address.",
            ["Someone made the following annotations on 04/25/01 12:42 AM", "We have changed our address."],
        ),
        # A rule line (a notice banner included) stands alone.
        (
            "Delete the material. ========== Attached please find the draft.",
            ["Delete the material.", "==========", "Attached please find the draft."],
        ),
        (
            "*******NOTICE******* This transmittal is confidential.",
            ["*******NOTICE*******", "This transmittal is confidential."],
        ),
        # A list of links, one after another.
        (
            "They are cool... http://a.example.com/1.html http://a.example.com/2.html",
            ["They are cool... http://a.example.com/1.html", "http://a.example.com/2.html"],
        ),
        # A smiley ends what it follows, and stays with the sentence it closes.
        ("I like the project :-) Posted by darin", ["I like the project :-)", "Posted by darin"]),
        ("The view is great! :P you can see the bay.", ["The view is great! :P", "you can see the bay."]),
        # Header fields running on, one after another.
        (
            "Email: julie@example.net Groups: alt.animals.cat",
            ["Email: julie@example.net", "Groups: alt.animals.cat"],
        ),
        # A closing before the signature, and a greeting opening the message.
        (
            "(See attached file: draft.doc) Regards, Debra Perlingiere",
            ["(See attached file: draft.doc)", "Regards,", "Debra Perlingiere"],
        ),
        (
            "Thank you for your time. Warm regards, Bill Gottlieb",
            ["Thank you for your time.", "Warm regards,", "Bill Gottlieb"],
        ),
        ("Regards, Vangie McGilloway", ["Regards,", "Vangie McGilloway"]),
        # A signature's dashes after a sentence; a dash inside one stays.
        ("He cannot act. -- Posted by Hidden Nook", ["He cannot act.", "--", "Posted by Hidden Nook"]),
        # A sender's address before the body, and a link after a sentence end.
        (
            "BBC News Alert <alerts@news.example.co.uk> The former leader was sentenced.",
            ["BBC News Alert <alerts@news.example.co.uk>", "The former leader was sentenced."],
        ),
        ("Well worth a visit. http://example.com/food", ["Well worth a visit.", "http://example.com/food"]),
        (
            '"Townsend, George" <gt@example.net> 03/27/2001 09:11 AM Puto, what is going on?',
            ['"Townsend, George" <gt@example.net>', "03/27/2001 09:11 AM", "Puto, what is going on?"],
        ),
        ("Hi, Yes storage is available at the station.", ["Hi,", "Yes storage is available at the station."]),
        (
            "Good Morning Debra - I have attached a revised copy.",
            ["Good Morning Debra -", "I have attached a revised copy."],
        ),
    ],
)
def test_web_boundaries_without_punctuation(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Running text that only looks like web text stays one sentence.
        "The proxy sets the origin server's Date: header when it forwards the response.",
        "“Thanks, John,” said she, and left the room.",
        "Thanks, I will send the copy tomorrow.",
        "The arrows UA -------v------- O and -------> show the request chain.",
        "He wrote to me on 04/25/01 12:42 AM and said nothing more.",
        "Dear me, what a day it has been.",
        "Please write me at bob@example.com and let me know.",
        "He waited -- Mary never came -- and went home.",
        # An author block's address before an affiliation, a thanks to the chair.
        "Claire Warwick c.warwick@example.ac.uk Durham University, United Kingdom",
        "Thank you, Madam Speaker.",
    ],
)
def test_prose_that_looks_like_web_text_stays_one_sentence(text):
    assert sentences(text) == [text]


def test_a_label_of_two_words_stays_whole():
    text = "Title: Pride and Prejudice\nPosting Date: August 26, 2008 [EBook #1342]\nRelease Date: June, 1998"
    assert not any(s.startswith("Date") for s in sentences(text))


def test_a_note_written_one_sentence_a_line_splits_at_every_line():
    # Most lines end a sentence, so the lines that do not ("Hi John", "see you there") end one too.
    note = "Hi John\nThe meeting moved to Friday.\nPlease bring the report.\nIt is on the table.\nsee you there\nBob"
    assert sentences(note) == [
        "Hi John",
        "The meeting moved to Friday.",
        "Please bring the report.",
        "It is on the table.",
        "see you there",
        "Bob",
    ]
    # A line ending in a comma goes on.
    listed = "We need these,\nbread and milk.\nThe shop is open.\nIt closes at six.\nCome early"
    assert sentences(listed)[0] == "We need these,\nbread and milk."


def test_hard_wrapped_prose_with_short_sentences_keeps_its_lines_together():
    # Lines near one width end in a full stop by chance; the break after "because" is a wrap.
    prose = (
        "“It seems so to you because. I assure you. I know it well. He came. He\n"
        "went away again. She saw him. They all did. It was late. The lamp was\n"
        "lit. Nobody spoke of it after. It was the end of the evening. Go home.\n"
        "Then they slept."
    )
    assert "He\nwent away again." in sentences(prose)


def test_a_line_broken_before_a_lower_case_word_goes_on_unless_the_writer_starts_so():
    speech = (
        "We thank the volunteers.\nThey fight alongside the\ndefence forces.\nWe salute them.\n"
        "Peace is our aim.\nThank you."
    )
    assert "They fight alongside the\ndefence forces." in sentences(speech)
    chat = "where did you go?\nthe shop was shut.\nwe went home\nit rained all day.\nok bye."
    assert casual(chat)
    got = [chat[a:b] for a, b in split(chat, 0, len(chat), lower_starts=True)]
    assert got == ["where did you go?", "the shop was shut.", "we went home", "it rained all day.", "ok bye."]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A postscript's mark opens its sentence.
        ("Thanks again Nina. PS. Love the new website!", ["Thanks again Nina.", "PS. Love the new website!"]),
        ("Work hard. P.S. I am moving back to Calgary.", ["Work hard.", "P.S. I am moving back to Calgary."]),
        # Three stars alone are a section break; around a banner they are its brackets.
        (
            "He replaced W. Graae. *** Bush also nominated Noel.",
            ["He replaced W. Graae.", "***", "Bush also nominated Noel."],
        ),
        ("*** START OF THE EBOOK ***", ["*** START OF THE EBOOK ***"]),
    ],
)
def test_postscripts_and_section_breaks(text, expected):
    assert sentences(text) == expected


def test_a_thanks_to_a_titled_person_is_no_signature():
    assert sentences("Thank you, Mr. Chair. Thank you, Madam Speaker.") == [
        "Thank you, Mr. Chair.",
        "Thank you, Madam Speaker.",
    ]


@pytest.mark.parametrize("unit", ["=", "*", "://", "http://a ", "a@b.co ", "Thanks, Bob "])
def test_long_runs_of_web_marks_split_as_one_pass_would(unit):
    # A long run is one token (or a run of short ones): each token is judged once, not once per sign.
    text = unit * (20000 // len(unit))
    spans = split(text)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    if " " not in unit:
        assert len(spans) == 1
