"""Reported speech needs a subject that can say things (issue 10): people, pronouns for people,
bodies and countries speak; servers, messages, fields and documents do not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.model import Analysis
from reader.text.quotes import head_speaks
from reader.text.tokens import words


def reported(name: str, source: str) -> list[tuple[str | None, str]]:
    a: Analysis = analyze(document_from_bytes(name, source.encode()), summary=False)
    return [(q.cue, a.text[q.start : q.end]) for q in a.quotes if q.kind == "reported"]


SPEC = (
    "# Handshake\n\n"
    "The client MUST send a ClientHello. The server MUST answer it. Clients SHOULD retry once. "
    "The server responds with its own ServerHello and its key share. "
    "The Content-Length field indicates the size of the message body in bytes. "
    "This specification notes that the order of the fields is fixed. "
    "The implementation SHOULD send the alert indicated by the descriptions below. "
    "As noted above, the handshake hash covers every message. "
    "The ServerHello indicates the negotiated version of the protocol. "
    "Implementations REQUIRED to support it SHALL say nothing more. "
    "Implementor's note: the order of the key shares matters for every group. "
    "A client MUST NOT offer any group not indicated in its list of supported groups. "
    "We note that several deployed servers ignore this field entirely.\n"
)


def test_protocol_elements_and_documents_do_not_speak():
    found = reported("spec.md", SPEC)
    assert [cue for cue, _ in found] == ["note"]
    assert found[0][1].startswith("several deployed servers")


def test_a_manual_or_guide_explains_without_speaking():
    text = "This manual explains that sed is a stream editor. The guide notes that every command reads a line.\n"
    assert reported("intro.txt", text) == []


NEWS = (
    "The minister said that the talks would resume next week in Geneva. "
    "The delegation stressed that peace needs trust between neighbours. "
    "Argentina reiterates its request to the Secretary-General to renew the mission. "
    "The stimulus package proposed by the Secretary-General will help many of us. "
    "As noted earlier, the harvest was poor in the north. "
    "It has highlighted tensions among countries of the region. "
    "Syria reiterates its thanks to all countries that stood with its people. "
    "It also expresses its appreciation to the donors for their quick help.\n"
)


def test_people_bodies_and_countries_speak():
    cues = [cue for cue, _ in reported("news.txt", NEWS)]
    assert cues == ["said", "stressed", "reiterates", "reiterates", "expresses"]


def test_a_term_that_is_said_to_be_something_is_not_a_quote():
    a = analyze(
        document_from_bytes(
            "spec.txt",
            b'An implementation that satisfies every requirement is said to be "unconditionally compliant"; '
            b"the others are not.\n",
        ),
        summary=False,
    )
    assert all(q.cue != "said" for q in a.quotes)


@pytest.mark.parametrize(
    ("subject", "speaks"),
    [
        ("the minister", True),
        ("We", True),
        ("the Intergovernmental Panel on Climate Change", True),
        ("the majority of Council members", True),
        ("The Content-Length entity-header field", False),
        ("The ServerHello", False),
        ("this specification", False),
        ("As", False),
        ("That", False),
        ("the protocol version", False),
        ("the harvest", None),
    ],
)
def test_head_of_the_subject(subject: str, speaks: bool | None):
    assert head_speaks(subject) is speaks


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(words("speaking_nouns"))), st.sampled_from(sorted(words("technical_nouns"))))
def test_speaking_nouns_speak_and_technical_nouns_do_not(person: str, thing: str):
    text = f"The {person} noted that the river was rising fast. The {thing} indicates that the river was rising fast.\n"
    cues = [cue for cue, _ in reported("mixed.txt", text)]
    assert cues == ["noted"]
