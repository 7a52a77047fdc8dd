"""Summaries beyond news: transcript turns, filler, repeated sentences, the word budget."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.summarize import ALGORITHMS, MISSES, normalised, source_of, summarize
from reader.summarize.news import substance
from reader.summarize.source import Source
from reader.summarize.speakers import display_text, paragraph_labels, speaker_of

MEETING = """Anna: Good morning everyone. We need to decide the budget for the new library today.

Ben: Yeah.

Anna: Okay. The budget for the library covers books, staff and the building repairs. We have two offers \
for the repairs of the library building.

Ben: Right. I think the second offer for the library repairs is cheaper and the building work is faster.

Cara: Mm-hmm.

Ben: Yeah, yeah.

Cara: Yeah, okay.

Anna: Yeah.

Cara: The staff want evening opening hours, so the budget for staff must grow next year.

Ben: Uh yeah.
"""

FILLER = {"yeah", "okay", "right", "mm", "hmm", "uh", "um", "sure", "oh"}


def analysis_of(text: str):
    return analyze(document_from_bytes("t", text.encode()), summary=False, participants=False)


def is_filler(text: str) -> bool:
    words = [w for w in normalised(text).replace("-", " ").split()]
    return len(words) <= 4 or all(w in FILLER for w in words)


def test_recurring_labels_are_speakers_and_a_single_colon_is_not():
    a = analysis_of(MEETING)
    labels = paragraph_labels(a)
    assert {label.strip() for label in labels.values()} == {"Anna:", "Ben:", "Cara:"}
    essay = analysis_of("Note: this is a plain essay.\n\nIt has one colon, in its first line. Nothing else.\n")
    assert paragraph_labels(essay) == {}


def test_rankers_read_turns_without_their_labels():
    a = analysis_of(MEETING)
    texts = source_of(a, list(range(len(a.sentences)))).texts
    assert not any(t.startswith(("Anna:", "Ben:", "Cara:")) for t in texts)
    assert "Yeah." in texts


def test_meeting_summary_has_no_backchannel_and_keeps_speakers():
    a = analysis_of(MEETING)
    labels = paragraph_labels(a)
    summary = summarize(a, sentences=3)
    lines = [display_text(a, i, labels) for i in summary.selected]
    assert not any(is_filler(a.sentence_text(i)) for i in summary.selected), lines
    # a sentence from inside a turn is shown with its speaker
    assert all(line.split(":")[0] in ("Anna", "Ben", "Cara") for line in lines), lines
    assert {speaker_of(a, i, labels) for i in summary.selected} <= {"Anna", "Ben", "Cara"}


def test_substance_is_low_for_backchannel_and_full_for_a_point():
    a = analysis_of(MEETING)
    src = source_of(a, list(range(len(a.sentences))))
    value = dict(zip(src.texts, substance(src)))
    assert value["Yeah."] == 0.0 and value["Mm-hmm."] == 0.0
    assert value["Yeah, okay."] == 0.0
    assert value["We have two offers for the repairs of the library building."] == 1.0


def test_a_repeated_sentence_is_selected_once():
    text = "The river floods the old town every spring. " * 5 + (
        "Engineers built a wall along the river. The wall failed in the spring floods. "
        "The town plans a new wall with the engineers.\n"
    )
    a = analysis_of(text)
    for name in ALGORITHMS:
        chosen = summarize(a, name, sentences=4).selected
        keys = [normalised(a.sentence_text(i)) for i in chosen]
        assert len(keys) == len(set(keys)), (name, keys)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Alpha beta gamma.", "alpha  BETA gamma!", "Delta epsilon.", "Zeta eta theta."]),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(sorted(ALGORITHMS)),
)
def test_no_two_selected_sentences_share_their_normalised_text(sentences, name):
    a = analysis_of("\n\n".join(sentences) + "\n")
    chosen = summarize(a, name, ratio=1.0).selected
    keys = [normalised(a.sentence_text(i)) for i in chosen]
    assert len(keys) == len(set(keys))


def test_word_budget_does_not_reach_down_the_ranking_for_short_filler():
    a = analysis_of(MEETING)
    full = summarize(a, sentences=len(a.sentences))
    budget = 30
    chosen = summarize(a, words=budget).selected
    texts = dict(zip(range(len(a.sentences)), source_of(a, list(range(len(a.sentences)))).texts))
    sizes = [len(texts[i].split()) for i in chosen]
    assert not any(is_filler(texts[i]) for i in chosen)
    assert sum(sizes) <= budget or len(chosen) == 1
    # what is chosen comes from the top of the ranking, at most MISSES misfits skipped, never a 0 score
    rank = {r.sentence: k for k, r in enumerate(full.ranking)}
    assert max(rank[i] for i in chosen) < len(chosen) + MISSES
    assert all(full.ranking[rank[i]].score > 0 for i in chosen)


def test_normalised_ignores_case_spacing_and_punctuation():
    assert normalised("Yes,  we CAN!") == normalised("yes we can.")
    assert normalised("Yes we can.") != normalised("Yes we can't.")
    assert np.isfinite(len(normalised("")))


NEWS = """Storm closes ports along the coast

By Jane Miller, Staff Reporter

HALIFAX, August 15, 2008

A powerful storm closed every port along the eastern coast on Friday, stranding hundreds of ships and passengers.

The storm brought winds of over 120 kilometres an hour and heavy rain to the coast, officials said.

Port officials said the ports would reopen once the winds dropped, probably on Sunday.

Ships waiting outside the ports were told to stay at sea until the storm passed.

— CBC.ca, August 15, 2008
"""


def test_bylines_datelines_and_source_lines_are_never_summary_sentences():
    a = analysis_of(NEWS)
    lines = ("By Jane", "HALIFAX", "— CBC", "Storm closes")
    summary = summarize(a, sentences=4)
    assert not any(a.sentence_text(i).startswith(lines) for i in summary.selected)
    assert a.sentence_text(summary.ranking[0].sentence).startswith("A powerful storm")


WIKINEWS = """Parents charged after a river ferry sinks near the harbour

Friday, May 8, 2009

File photo of the harbour ferry. Image: Port Authority.

A river ferry carrying forty passengers sank near the harbour on Thursday, and the ferry owners were charged.

Police said the ferry carried twice the passengers it was licensed for when it sank near the harbour.

The harbour ferry owners said the ferry had passed an inspection in March.

Divers searched the river for the ferry and two missing passengers until late on Thursday.

Sources: Harbour Times, May 8, 2009.
"""


def test_a_wikinews_headline_date_credit_and_sources_are_never_summary_sentences():
    a = analysis_of(WIKINEWS)
    matter = ("Parents charged", "Friday, May 8", "File photo", "Sources:")
    for length in (1, 3, 5):
        summary = summarize(a, sentences=length)
        assert not any(a.sentence_text(i).startswith(matter) for i in summary.selected)


def test_headings_that_declare_a_summary():
    from reader.summarize.declared import strength

    for title in (
        "Abstract",
        "1. Introduction",
        "Executive Summary",
        "Summary and Conclusions",
        "TL;DR",
        "IV. CONCLUSION",
    ):
        assert strength(title) > 0, title
    for title in ("Methods", "3.2 Results", "Introduction to Cells and Their Parts", "Summary of Changes", ""):
        assert strength(title) == 0, title
    assert strength("Abstract") > strength("Introduction")  # an introduction opens with background


REPORT = """# The harbour report

## Methods

The harbour authority counted ships, cranes and containers at every berth of the harbour each week.
Ships waiting for a berth were counted at anchor outside the harbour, and cranes were timed at every berth.
Containers moved by the cranes of each berth were counted from the harbour's own ledgers every week.
Weekly counts of ships, cranes and containers were then compared across the berths of the harbour.

## {title}

Waiting times of ships fell by a third at the two berths of the harbour that got new cranes.
The authority recommends new cranes for the remaining berths next year.
"""


def test_a_declared_summary_ranks_first_and_an_ordinary_section_does_not():
    def top(title: str) -> str:
        text = REPORT.format(title=title)
        a = analyze(document_from_bytes("r.md", text.encode()), summary=False, participants=False)
        return a.sentence_text(summarize(a, sentences=1).ranking[0].sentence)

    assert top("Summary").startswith("Waiting times of ships fell")
    assert top("Notes").startswith(("The harbour authority", "Ships waiting", "Containers", "Weekly"))


def test_a_paragraph_labelled_abstract_is_the_documents_own_summary():
    body = REPORT.split("## {title}")[0].replace("## Methods\n\n", "")
    text = (
        body
        + "Abstract: Waiting times of ships fell by a third at the two berths of the harbour that got new cranes.\n"
    )
    a = analysis_of(text)
    first = a.sentence_text(summarize(a, sentences=1).ranking[0].sentence)
    assert "Waiting times of ships fell" in first
    without = analysis_of(text.replace("Abstract: ", ""))
    assert "Waiting times of ships fell" not in without.sentence_text(
        summarize(without, sentences=1).ranking[0].sentence
    )


def test_one_section_summary_ignores_the_documents_own_summary():
    text = REPORT.format(title="Summary")
    a = analyze(document_from_bytes("r.md", text.encode()), summary=False, participants=False)
    methods = next(k for k, s in enumerate(a.sections) if s.title == "Methods")
    chosen = summarize(a, sentences=2, section=methods).selected
    assert all(a.sentences[i].section == methods for i in chosen)


PRESENTATION = (
    "Dana: "
    + " ".join(
        f"The {part} of the new remote control could be made of {stuff}, which changes the price, the weight "
        f"and the battery life of the remote control for the customers we expect in the market."
        for part in ("case", "button", "screen", "cover")
        for stuff in ("rubber", "plastic")
    )
    + "\n\nEli: Mm-hmm.\n\n"
    "Eli: The marketing survey says customers want a remote control with a fancy look, few buttons and a low price. "
    "Young customers also pay more for a remote control that is easy to find, so a bright colour helps sales.\n\n"
    "Fay: Yeah.\n\n"
    "Fay: The budget allows twelve euros and fifty cents for each remote control, so the price of the case matters. "
    "A wooden case costs more than plastic, and a screen would take half of the budget for the whole product.\n\n"
    "Dana: Okay.\n\n"
    "Dana: The battery life of the remote control also depends on the chip we choose for the screen.\n"
)


def test_a_long_presentation_does_not_fill_a_meeting_summary():
    a = analysis_of(PRESENTATION)
    labels = paragraph_labels(a)
    chosen = summarize(a, sentences=6).selected
    speakers = [speaker_of(a, i, labels) for i in chosen]
    assert None not in speakers
    assert len(set(speakers)) >= 2, [a.sentence_text(i) for i in chosen]


def test_the_lead_counts_more_where_the_opening_states_the_gist():
    from reader.summarize.news import centrality, lead_evidence

    gist = [
        "The city council voted to close the old harbour bridge for repairs next spring.",
        "The harbour bridge repairs will cost the council four million pounds.",
        "Drivers will use the ring road while the harbour bridge is closed for repairs.",
    ]
    rest = [
        "A shop owner on the quay fears that trade will suffer.",
        "The council leader promised to publish every invoice.",
        "A ferry company expects more passengers across the harbour.",
        "Local drivers complained about longer journeys to work.",
        "An engineer found rust in the bridge last winter.",
        "The mayor called the repairs overdue and necessary.",
    ]
    chatter = ["Hello and welcome, everyone.", "It is lovely to see so many faces tonight.", "Please sit down."]

    def evidence(texts: list[str]) -> float:
        from reader.summarize.news import _scaled

        return lead_evidence(_scaled(centrality(Source(texts=texts, paragraphs=list(range(len(texts)))))))

    assert evidence(gist + rest) > 0
    assert evidence(chatter + rest) == 0


def _definition_of(texts: list[str], title: str = "") -> list[float]:
    from reader.summarize.news import definition

    source = Source(texts=texts, paragraphs=list(range(len(texts))), title=title)
    return list(definition(source, np.ones(len(texts))))


def test_a_definitional_opening_about_the_title_ranks_first(monkeypatch):
    texts = [
        "Merida is the capital of the state of Yucatan in Mexico, with old markets.",
        "The old town has many churches, markets and squares.",
        "Buses leave for the beaches and the ruins every hour from the market.",
        "Markets sell food, hammocks and hats, and buses stop by the markets all day.",
        "The ruins near the town draw visitors all year, and buses to the ruins are cheap.",
    ]
    weights = _definition_of(texts, title="Merida")
    assert weights[0] > 0 and weights[1:] == [0.0] * 4
    # only the opening sentence may define: the same sentence later is part of the body
    assert _definition_of(texts[1:2] + texts[:1], title="Merida") == [0.0, 0.0]
    # without a title, the subject must be a name the document keeps using
    assert _definition_of(texts)[0] == 0.0
    recurring = texts + ["A new airport serves Merida.", "The festival of Merida is in May.", "Many live in Merida."]
    assert _definition_of(recurring)[0] > 0
    # a story's opening is no definition of anything the document is about
    story = ["It was late when Tom came home.", "The kitchen was dark.", "He sat down and waited."]
    assert _definition_of(story, title="A night") == [0.0, 0.0, 0.0]
    # sentence-initial capitals are no evidence of a name ("Ships were counted ...")
    ships = ["Ships were counted at anchor.", "We counted ships.", "They saw ships.", "Ships left.", "Old ships sank."]
    assert _definition_of(ships) == [0.0] * 5
    a = analysis_of("Merida\n\n" + "\n\n".join(texts) + "\n")

    def top() -> str:
        return a.sentence_text(summarize(a, sentences=3).ranking[0].sentence)

    assert top().startswith("Merida is the capital"), top()
    monkeypatch.setattr("reader.summarize.news.DEFINES", 0.0)
    assert not top().startswith("Merida is the capital")


def test_a_pictures_caption_with_its_credit_is_never_a_summary_sentence():
    text = (
        "Students protest against school fees\n\n"
        "Thousands of students marched through the capital on Monday to protest against higher school fees.\n\n"
        "President Lee meets students protesting school fees Image: Ministry of Education.\n\n"
        "The students said the school fees had doubled in two years and that many families could not pay.\n\n"
        "The ministry said school fees would be reviewed next year.\n"
    )
    a = analysis_of(text)
    chosen = [a.sentence_text(i) for i in summarize(a, sentences=3).selected]
    assert chosen and not any("Image:" in t for t in chosen), chosen


def test_in_turns_a_dense_sentence_counts_more_and_prose_is_left_as_it_is():
    from reader.summarize.news import density_prior

    texts = [
        "Budget repairs library staff hours.",
        "Well, I mean, it is, you know, the thing that we had with it.",
        "The library budget covers repairs and staff.",
    ]
    turns = Source(texts=texts, paragraphs=[0, 1, 2], turn_share=1.0, speakers=["A:", "B:", "A:"])
    prior = density_prior(turns)
    assert prior[0] > prior[2] > prior[1]
    prose = Source(texts=texts, paragraphs=[0, 1, 2])
    assert list(density_prior(prose)) == [1.0, 1.0, 1.0]


def test_an_opening_that_announces_the_document_ranks_first():
    from reader.summarize.news import announcement

    texts = [
        "October is a busy month for stage magic in the city.",
        "Wikinews spoke with William Evans, a magician, about the state of stage magic today.",
        "How long have you performed magic?",
        "Over fifty years, on stages and in clubs all over the country, and I still love stage magic.",
        "What is the hardest trick?",
        "The hardest trick is the one the audience has seen a hundred times on television.",
    ]
    source = Source(texts=texts, paragraphs=list(range(len(texts))))
    assert [k for k, w in enumerate(announcement(source, np.ones(len(texts)))) if w] == [1]
    a = analysis_of("\n\n".join(texts) + "\n")
    assert a.sentence_text(summarize(a, sentences=3).ranking[0].sentence).startswith("Wikinews spoke with")
    # a chapter that refers back to itself, or a speaker who discusses a matter, announces nothing
    later = ["Earlier in this chapter, we discussed a company.", "I came to discuss with you some matter."]
    assert not announcement(Source(texts=later, paragraphs=[0, 1]), np.ones(2)).any()
    speech = ["Thank you all for coming.", "Today I want to talk about the future of our schools."]
    assert list(announcement(Source(texts=speech, paragraphs=[0, 1]), np.ones(2)) > 0) == [False, True]


def test_the_mix_is_linear_in_named_features():
    """relevance = gates x (features @ weights): the hand mix written as weights, so a fitted mix can replace it."""
    from reader.summarize.news import FEATURES, features, gates, hand_weights, relevance

    texts = [
        "Harbour Bridge",
        "The council voted to close the harbour bridge for repairs next spring.",
        "Drivers will use the ring road while the bridge is closed.",
        "\u201cIt is overdue,\u201d said the mayor of the town.",
        "An engineer found rust in the bridge last winter.",
    ]
    source = Source(texts=texts, paragraphs=[0, 1, 1, 2, 2], title="Harbour bridge to close")
    table = features(source)
    column = {name: k for k, name in enumerate(FEATURES)}
    assert table.shape == (len(texts), len(FEATURES))
    # the headline is no prose: its gate is 0, and the first readable sentence is the one after it
    assert gates(source)[0] == 0 and list(table[:, column["first"]]) == [0, 1, 0, 0, 0]
    assert list(table[:, column["opens"]]) == [1, 1, 0, 1, 0]
    assert list(table[:, column["quote"]]) == [0, 0, 0, 1, 0]
    assert table[1, column["title"]] > table[2, column["title"]]
    np.testing.assert_allclose(relevance(source), gates(source) * (table @ hand_weights()))


def test_a_label_ending_in_a_colon_and_a_title_page_in_capitals_are_no_sentences():
    from reader.summarize.news import readability

    texts = [
        "How to Make Vegan Cupcakes Two Methods:",
        "The Chemical Wedding A ROMANCE IN EIGHT DAYS by JOHANN VALENTIN ANDREAE, SMALL BEER PRESS, MASS.",
        "Vegan cupcakes need no eggs: a mashed banana or apple sauce binds the batter instead.",
        "The NHS, the BBC and the UN each published a report on the cost of food this year.",
    ]
    scores = readability(Source(texts=texts, paragraphs=[0, 1, 2, 3]))
    assert list(scores[:2]) == [0.0, 0.0]
    # a colon inside a sentence, and a few acronyms, are ordinary prose
    assert list(scores[2:]) == [1.0, 1.0]


FERRY = """# The harbour ferry

The harbour ferry runs every hour from the north pier to the island.[^1] It carries cars, bikes and
people, and the crossing takes twenty minutes in calm weather.

In winter the ferry keeps to the same timetable, though storms stop it a few days a year.

The town council pays for the ferry and sets its fares each spring after a public meeting.

[^1]: The harbour ferry was first run by the Harbour Board in 1921, and the town council took the ferry
over in 1974, after a long dispute about the ferry's fares, the pier and the timetable.
"""


def test_a_footnote_is_no_summary_sentence():
    analysis = analyze(document_from_bytes("ferry.md", FERRY.encode()))
    note = next(b for b in analysis.document.blocks if b.marker == "[1]")
    picked = [analysis.sentences[i] for i in summarize(analysis, sentences=4).selected]
    assert picked and all(not note.start <= s.start < note.end for s in picked)  # the note's words are the text's
    assert len(summarize(analysis).ranking) == len(analysis.sentences)  # still ranked, at the bottom


BIOGRAPHY = """Mara Lindqvist

Mara Lindqvist (born 1931) is a Swedish botanist who mapped the mosses of the northern bogs. \
She taught at Uppsala for thirty years and wrote the standard field guide to Nordic mosses. \
Her maps of the bog mosses are still used by conservation officers.

Lindqvist grew up on a farm near Umea, where her father kept bees and grew potatoes on a small field.

At the university she studied chemistry first, then moved to the study of plants after a summer course \
on the plants of the coast.

The university sent her on long trips to the bogs of the north, where the bogs and the plants of the bogs \
were hardly known to the university.

On those trips to the bogs she collected plants, and the plants she collected on the trips filled the \
university's collection of plants.

In later years she gave lectures on plants and bogs at the university and at schools across the north.

She retired from the university in 1996 and still lives near the bogs she studied.
"""


def test_a_biographys_opening_paragraph_is_among_the_top_three(monkeypatch):
    from reader.summarize import news

    a = analysis_of(BIOGRAPHY)
    opening = [i for i, s in enumerate(a.sentences) if s.paragraph == a.sentences[0].paragraph]
    assert len(opening) == 3
    top3 = summarize(a, sentences=3).selected
    assert top3 == opening, [a.sentence_text(i) for i in top3]
    # the top pick is the same with or without the lead, and the lead is what brings the opening in
    monkeypatch.setattr(news, "LEAD_PICKS", 1)
    without = summarize(a, sentences=3)
    assert without.ranking[0].sentence == summarize(a, sentences=3).ranking[0].sentence
    assert without.selected != opening


def _lead_of(texts: list[str], paragraphs: list[int], title: str, speakers: list[str] | None = None) -> list[int]:
    from reader.summarize.news import lead_paragraph

    source = Source(texts=texts, paragraphs=paragraphs, title=title, speakers=speakers or [])
    return lead_paragraph(source, np.ones(len(texts)))


def test_the_opening_paragraph_is_a_lead_only_in_prose_that_opens_on_its_title():
    body = [f"Sentence {k} of the body talks about ferries, harbours and the weather at sea." for k in range(6)]
    opening = ["The harbour of Visby reopened on Monday.", "Ferries from the mainland now dock again."]
    texts = opening + body
    # two opening sentences in one paragraph, then one sentence a paragraph
    paragraphs = [0, 0, *range(1, 7)]
    assert _lead_of(texts, paragraphs, "Visby harbour reopens") == [0, 1]
    # the opening names nothing of the title (a story's first paragraph)
    assert _lead_of(texts, paragraphs, "Chapter three: the storm") == []
    # a one-sentence opening paragraph (BBC's lead) leaves the ranking as it is
    assert _lead_of(texts, list(range(8)), "Visby harbour reopens") == []
    # a text written as one block has no lead paragraph
    assert _lead_of(texts, [0] * 8, "Visby harbour reopens") == []
    # a meeting opens with a speaker's turn: talk, no lead
    speakers = ["Anna", "Anna", *(["Ben", "Anna"] * 3)]
    assert _lead_of(texts, paragraphs, "Visby harbour reopens", speakers) == []
    # an interview's preamble before the turns is one
    assert _lead_of(texts, paragraphs, "Visby harbour reopens", ["", "", *speakers[2:]]) == [0, 1]
