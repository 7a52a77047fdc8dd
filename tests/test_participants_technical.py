"""Participants in technical and reference-heavy text: what a reader of a specification sees listed."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Document


def aliases(text: str, source: str) -> set[str]:
    """Every name and alias the participants of ``text`` are listed under."""
    analysis = analyze(Document(source=source, text=text), summary=False)
    return {a for p in analysis.participants for a in p.aliases}


SPEC = """\
1.  Introduction

   The handshake protocol MUST be used by every client.  A server SHOULD
   send an Alert message when the handshake fails, and it MUST NOT send
   one after closure.  Unknown Alert types MUST be treated as errors: an
   unknown alert is never ignored.
   An alert is sent to the peer, and each alert has a level.  The server
   SHALL compute the Early Secret from the PSK; the early secret is then
   used to derive keys.  Matthew Green reported the first attack on this
   design, and Green later proposed a fix that Eric Rescorla adopted.

   The client sends a ClientHello and the server answers with a
   ServerHello; each record travels as a TLSPlaintext, and the PSKs are
   kept apart.  Every AEAD algorithm MUST be listed by IANA.  Each line
   ends in CRLF.  Content-Length gives the length of the content.  The
   peer MUST verify that the public value Q lies on the curve.

2.  Alerts

   The Early Secret is never sent.  A client receiving an Alert MUST close
   the connection.  This behaviour is REQUIRED of every implementation.

3.  References

   [RFC5246]  Dierks, T. and E. Rescorla, "The Transport Layer Security
              (TLS) Protocol Version 1.2", RFC 5246, August 2008.

   [RFC7230]  Fielding, R., Ed. and J. Reschke, Ed., "Hypertext Transfer
              Protocol (HTTP/1.1): Message Syntax and Routing", RFC 7230,
              June 2014.

   [CHECKOWAY]
              Checkoway, S., Maskiewicz, J., Garman, C., Fried, J.,
              Rescorla, E., and H. Shacham, "A Systematic Analysis of the
              Juniper Dual EC Incident", Proceedings of the 2016 ACM
              Conference on Computer and Communications Security, 2016.

   [KW16]     Krawczyk, H. and H. Wee, "The OPTLS Protocol and TLS 1.3",
              Proceedings of Euro S&P 2016, March 2016.

   [RFC4366]  Blake-Wilson, S., Nystrom, M., Hopwood, D., Mikkelsen, J.,
              and T. Wright, "Transport Layer Security (TLS)
              Extensions", RFC 4366, April 2006.

   The attack was found by Stephen Checkoway and his colleagues.

Rescorla                     Standards Track                    [Page 2]

4.  Contributors

   Tim Wright
   Vodafone
   timothy.wright@vodafone.com

   Kenny Paterson
   Royal Holloway, University of London
   kenny.paterson@rhul.ac.uk
"""


@pytest.fixture(scope="module")
def spec():
    return analyze(Document(source="spec.txt", text=SPEC), summary=False)


def listed(analysis, kind=None):
    return {p.name: p for p in analysis.participants if kind is None or p.kind == kind}


def test_spec_title_case_terms_are_no_participants(spec):
    found = {a for p in spec.participants for a in p.aliases}
    assert not found & {"Alert", "Unknown Alert", "Early Secret"}, found


def test_spec_keeps_the_people_named_in_it(spec):
    people = listed(spec, "person")
    assert "Matthew Green" in people and "Green" in people["Matthew Green"].aliases, people


def test_references_venues_editors_and_labels_name_nobody(spec):
    found = {a for p in spec.participants for a in p.aliases}
    assert not found & {"Proceedings", "Ed", "Ed.", "CHECKOWAY", "RFC5246", "KW16", "H", "S", "E"}, found


def test_a_running_footer_names_nobody(spec):
    found = {a for p in spec.participants for a in p.aliases}
    assert not any("Standards Track" in a for a in found), found


def test_an_inverted_author_joins_the_full_name(spec):
    rescorla = [p for p in spec.participants if "Eric Rescorla" in p.aliases]
    assert len(rescorla) == 1 and "Rescorla" in rescorla[0].aliases, [p.aliases for p in spec.participants]


def test_an_acronym_is_never_another_name_of_a_person(spec):
    for p in spec.participants:
        if p.kind == "person":
            assert "TLS" not in p.aliases, p


def test_a_name_in_capitals_is_not_the_shown_form(spec):
    names = {p.name for p in spec.participants}
    assert "Stephen Checkoway" in names and "CHECKOWAY" not in names, names


def test_an_affiliation_line_names_an_organization(spec):
    holloway = [p for p in spec.participants if "Royal Holloway" in p.aliases]
    assert holloway and all(p.kind == "organization" for p in holloway), holloway


def test_title_case_words_outside_a_specification_stay_names():
    text = (
        "Early Grant met the press in Denver.  Early said the early results were good, and Grant "
        "thanked the voters.  The results came early in the evening."
    )
    found = aliases(text, "news.txt")
    assert "Early Grant" in found, found


def test_a_ship_is_no_participant_wherever_it_is_named():
    text = (
        "The broadside ironclad HMS Warrior was launched in 1860, the ram Zr.Ms. Buffel in 1868.  "
        "Warrior carried 40 guns, and the designer Isaac Watts inspected her.  "
        "Watts later said that Warrior was the finest ship afloat."
    )
    found = aliases(text, "ships.txt")
    assert not any("Warrior" in a or "Buffel" in a for a in found), found
    assert "Isaac Watts" in found, found


def test_a_cited_declaration_names_its_declarant():
    text = (
        "The network adds value to each transaction.  (Sirbu Decl., ¶ 15.)  The patent gives no other "
        "meaning.  (Sirbu Decl., ¶ 16.)  Marvin Sirbu is a professor of engineering."
    )
    analysis = analyze(Document(source="petition.txt", text=text), summary=False)
    found = {a for p in analysis.participants for a in p.aliases}
    assert not any("Decl" in a for a in found), found
    sirbu = [p for p in analysis.participants if "Marvin Sirbu" in p.aliases]
    assert sirbu and "Sirbu" in sirbu[0].aliases, [p.aliases for p in analysis.participants]


def test_spec_identifiers_and_acronyms_are_terms_but_standards_bodies_stay(spec):
    found = {a for p in spec.participants for a in p.aliases}
    terms = {"ClientHello", "ServerHello", "TLSPlaintext", "PSKs", "AEAD", "CRLF", "Content-Length", "Q"}
    assert not found & terms, found
    assert "IANA" in listed(spec, "organization"), found


def test_identifier_shaped_names_outside_a_specification_stay():
    text = "Ray McCahill met Danny DeVito at LaGuardia.  McCahill said the flight from Denver was late."
    found = aliases(text, "news.txt")
    assert {"Ray McCahill", "Danny DeVito"} <= found, found


REFERENCES = """\
References

   [RFC2104]  Krawczyk, H., Bellare, M., and R. Canetti, "HMAC: Keyed-Hashing
              for Message Authentication", RFC 2104, February 1997.

   [SHS]      Dang, Q., "Secure Hash Standard (SHS)", National Institute of
              Standards and Technology report, 2015.
"""


def test_an_author_initial_after_the_surname_is_no_name():
    found = aliases(REFERENCES, "refs.txt")
    assert "R. Canetti" in found and not found & {"H", "M", "Q"}, found


def test_a_numbered_part_of_the_document_is_no_place():
    text = (
        "The handshake MUST follow the flow shown in Figure 1.  Figure 2 gives the key schedule, "
        "and Table 3 lists every value; Appendix B explains the state machine of Nick Sullivan."
    )
    found = aliases(text, "spec.txt")
    assert not found & {"Figure", "Table", "Appendix"}, found


def test_an_interjection_in_a_transcript_is_no_person():
    text = (
        "Grad B: And then OK said no.\n\nPhD C: Right, OK, I see.  Dan said OK to Jose.\n\n"
        "Grad B: Well, OK, we can go.  Hey, OK, Liz agreed.\n"
    )
    found = aliases(text, "meeting.txt")
    assert "OK" not in found and "Jose" in found, found
