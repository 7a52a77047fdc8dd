"""Quotation marks around a term (a field, a header, a value) in technical text are not speech."""

from __future__ import annotations

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.model import Analysis


def quoted(name: str, source: str) -> list[tuple[str, str]]:
    a: Analysis = analyze(document_from_bytes(name, source.encode()), summary=False)
    return [(q.kind, a.text[q.start : q.end]) for q in a.quotes]


SPEC = (
    "# Message framing\n\n## Fields\n\n"
    'Each request carries a header block. The field is noted "message". A value is defined as "token". '
    "The parser noted message. The sender MUST set the Content-Type field, as noted in Section 3, to "
    '"text/plain". Implementations noted "Content-Type" above. Section 4 noted "message."\n\n'
    'Comments open with "/*" and close with "*/". The scheme is defined as "PureEdDSA". Dates are '
    'indicated in "GMT".\n'
)


def test_quoted_terms_after_a_cue_verb_are_not_quotes():
    assert quoted("spec.md", SPEC) == []


def test_words_that_are_said_stay_quotes_beside_the_terms():
    story = (
        '"Yes." Ann looked at the ferry. "no!" cried Ben. The clerk noted that the ferry would leave late. '
        'The field is noted "message". "The boat is full," said Ann.\n'
    )
    found = quoted("story.txt", story)
    assert ("direct", '"Yes."') in found and ("direct", '"no!"') in found
    assert ("direct", '"The boat is full,"') in found
    assert ("reported", "the ferry would leave late.") in found
    assert not any("message" in words for _, words in found)


def test_titles_quoted_in_a_reference_list_are_not_speech():
    text = (
        "1.  Introduction\n\n"
        'The chair said "we will meet again in March" and closed the session.\n\n'
        "2.  References\n\n"
        "2.1.  Normative References\n\n"
        '   [BH81]     Brown, W. and M. Hall, "New methods in key\n'
        '              agreement", Journal of Secure Systems, Vol. 4,\n'
        "              pp. 10-24, March 1981.\n\n"
        '   [KL02]     Kline, H., Lopez, M., and R. Marsh, "Keyed Tags for\n'
        "              Message Integrity in the Banking Services Industry: The\n"
        '              Long Curve Signature Method (LCSM)", RFC 9999, May 2002.\n\n'
        '   [PQ05]     Park, S., "Words for Use in Specifications to\n'
        '              Indicate Levels", BCP 99, RFC 9998, June 2005.\n'
    )
    said = [words for _, words in quoted("refs.txt", text)]
    assert any("meet again in March" in s for s in said)
    assert not any("key" in s or "Keyed" in s or "Levels" in s for s in said)


def test_added_with_a_thing_as_its_object_is_no_speech():
    text = (
        "The committee has added the new cipher suites to the table of values.\n\n"
        "The minister added that the talks would go on next week.\n"
    )
    said = [words for _, words in quoted("notes.txt", text)]
    assert any("talks would go on" in s for s in said)
    assert not any("cipher suites" in s for s in said)
