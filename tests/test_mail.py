"""E-mail: saved messages and mailboxes read as a mail reader shows them (reader/formats/mail.py)."""

from __future__ import annotations

import base64
import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format
from reader.load import LoadError, document_from_bytes
from reader.model import Analysis

SALE = """\
From ann.lee@example.org Mon May  3 09:12:40 2021
From: Ann Lee <ann.lee@example.org>
To: Garden Club <garden-club@lists.example.org>
Subject: Moving the spring plant sale to the community hall
Date: Mon, 3 May 2021 09:12:40 +0100
Message-ID: <sale-1@example.org>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hi all,

The church hall we booked for the plant sale on 22 May has a leak in the ro=
of, and the vicar told me on Friday that it will not be fixed in time. I ha=
ve asked the community hall on Mill Lane whether it is free that Saturday.

Could everyone who offered seedlings bring them there instead? Tom Reyes sa=
ys the hall has trestle tables, so we only need to bring the price cards.

Thanks,
Ann

From bob.stone@example.net Mon May  3 11:40:02 2021
From: "Stone, Bob" <bob.stone@example.net>
To: Garden Club <garden-club@lists.example.org>
Cc: Ann Lee <ann.lee@example.org>
Subject: Re: Moving the spring plant sale to the community hall
Date: Mon, 3 May 2021 11:40:02 +0100
Message-ID: <sale-2@example.net>
In-Reply-To: <sale-1@example.org>
Content-Type: text/plain; charset=utf-8

On Mon, 3 May 2021 at 09:12, Ann Lee <ann.lee@example.org> wrote:
> The church hall we booked for the plant sale on 22 May has a leak in the
> roof, and the vicar Margaret Hollis told me that it will not be fixed.

That is a shame, but the community hall is better for parking anyway.
I can drive the tomato seedlings over on Friday evening if someone can
open the door for me.

-- 
Bob Stone
Treasurer, Mill Lane Garden Club

"""
CAROL_BODY = (
    "The hall committee confirmed the booking this morning. We have the main room from nine until two, "
    "and the café will sell tea.\n\nI will open the door for Bob on Friday at six.\n\n"
    "> I can drive the tomato seedlings over on Friday evening\n\nCarol\n"
)
CAROL = f"""\
From carol@example.com Tue May  4 08:05:10 2021
From: =?utf-8?q?Carol_D=C3=ADaz?= <carol@example.com>
To: Garden Club <garden-club@lists.example.org>
Subject: Re: Moving the spring plant sale to the community hall
Date: Tue, 4 May 2021 08:05:10 +0100
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed"

--mixed
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{base64.encodebytes(CAROL_BODY.encode()).decode()}
--alt
Content-Type: text/html; charset=utf-8

<p>The hall committee confirmed the booking this morning (HTML copy).</p>
--alt--

--mixed
Content-Type: application/pdf; name="floor-plan.pdf"
Content-Disposition: attachment; filename="floor-plan.pdf"
Content-Transfer-Encoding: base64

{base64.encodebytes(b"%PDF-1.4 not really a plan" * 40).decode()}
--mixed--
"""
THREAD = SALE + CAROL


def read(name: str, data: str | bytes) -> Analysis:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return analyze(document_from_bytes(name, raw))


def blocks(a: Analysis, kind: str) -> list[str]:
    return [a.text[b.start : b.end] for b in a.document.blocks if b.kind == kind]


def summary_text(a: Analysis) -> str:
    assert a.summary is not None
    return " ".join(a.sentence_text(i) for i in a.summary.selected)


@pytest.fixture(scope="module")
def thread() -> Analysis:
    return read("sale.mbox", THREAD)


def test_each_message_is_a_section_titled_by_its_subject(thread: Analysis) -> None:
    assert thread.document.format == "mail"
    titles = [s.title for s in thread.sections if s.kind == "heading"]
    subject = "Moving the spring plant sale to the community hall"
    assert titles == [subject, f"Re: {subject}", f"Re: {subject}"]
    assert thread.document.metadata == {"title": subject, "author": "Ann Lee", "date": "2021-05-03"}
    assert thread.title == subject
    check_contract(thread.to_json())


def test_bodies_are_decoded_and_no_mime_syntax_is_left(thread: Analysis) -> None:
    text = thread.text
    assert "leak in the roof" in text  # quoted-printable soft breaks joined
    assert "the café will sell tea" in text  # base64 in UTF-8
    assert "HTML copy" not in text  # text/plain preferred over its HTML alternative
    for syntax in ("Content-Type", "=?utf-8?", "--mixed", "--alt", "=\n", "Message-ID", "JVBER"):
        assert syntax not in text
    assert "📎 attachment: floor-plan.pdf (application/pdf, " in text


def test_from_and_date_are_a_short_line_not_sentences(thread: Analysis) -> None:
    headers = blocks(thread, "byline")
    assert headers[0] == "From: Ann Lee <ann.lee@example.org> · To: Garden Club · Mon 03 May 2021 09:12"
    assert headers[1].startswith("From: Bob Stone <bob.stone@example.net> · To: Garden Club, Ann Lee · ")
    assert headers[2].startswith("From: Carol Díaz <carol@example.com>")
    sentences = [thread.sentence_text(i) for i in range(len(thread.sentences))]
    assert not any("@" in s or s.startswith(("From:", "Date:")) for s in sentences)


def test_quotes_attribution_and_signatures_are_kept_but_never_summary(thread: Analysis) -> None:
    quoted = blocks(thread, "block_quote")
    assert quoted[0].startswith("The church hall we booked") and "\n" in quoted[0] and ">" not in quoted[0]
    assert quoted[1] == "I can drive the tomato seedlings over on Friday evening"
    shown = blocks(thread, "preformatted")
    assert "On Mon, 3 May 2021 at 09:12, Ann Lee <ann.lee@example.org> wrote:" in shown
    assert "--\nBob Stone\nTreasurer, Mill Lane Garden Club" in shown
    assert "Thanks,\nAnn" in shown and "Carol" in shown  # closings signed by the sender
    sentences = " ".join(thread.sentence_text(i) for i in range(len(thread.sentences)))
    assert "vicar Margaret Hollis" not in sentences and "Treasurer" not in sentences and "wrote:" not in sentences
    assert "the community hall is better for parking" in sentences
    assert "leak in the roof" in summary_text(thread)  # what the thread is about, said by its first message


def test_a_name_for_many_people_is_no_person() -> None:
    raw = "From: Barry <barry@example.org>\nTo: Dingus Lovers <cravindogs@example.com>\n"
    raw += "Subject: Fish\n\nHere is the fish.\n"
    people = {p.name: p.kind for p in analyze(document_from_bytes("fish.eml", raw.encode())).participants}
    assert people == {"Barry": "person", "Dingus Lovers": "organization"}


def test_senders_and_recipients_are_people_names_not_counted_twice(thread: Analysis) -> None:
    people = {p.name: p for p in thread.participants}
    assert people["Ann Lee"].kind == "person" and len(people["Ann Lee"].mentions) == 2  # From, then Cc
    assert people["Carol Díaz"].kind == "person"
    assert people["Bob Stone"].kind == "person" and "Bob" in people["Bob Stone"].aliases  # "the door for Bob"
    assert people["Garden Club"].kind == "organization"  # a mailing list is no person
    assert "Margaret Hollis" not in people  # named only in quoted text
    assert not any("@" in p.name for p in thread.participants)
    for p in thread.participants:
        assert all(thread.text[m.start : m.end] in p.aliases for m in p.mentions)


def test_mbox_messages_in_date_order() -> None:
    a = read("sale.mbox", CAROL + "\n" + SALE)
    headers = blocks(a, "byline")
    assert [h.split(" · ")[0] for h in headers] == [
        "From: Ann Lee <ann.lee@example.org>",
        "From: Bob Stone <bob.stone@example.net>",
        "From: Carol Díaz <carol@example.com>",
    ]
    assert a.document.metadata["title"] == "Moving the spring plant sale to the community hall"


PIPERMAIL = """\
From ann at example.org  Mon May  6 10:02:11 2024
From: ann at example.org (Ann Lee)
Date: Mon, 6 May 2024 10:02:11 +0100
Subject: [Garden] Seed swap in June
Message-ID: <swap-1@example.org>

Shall we hold the seed swap on the first Saturday of June this year?
The library has offered its reading room for the morning.

From tom at example.net  Mon May  6 12:30:00 2024
From: tom at example.net (Tom Reyes)
Date: Mon, 6 May 2024 12:30:00 +0100
Subject: [Garden] Seed swap in June
In-Reply-To: <swap-1@example.org>
Message-ID: <swap-2@example.net>

The first Saturday suits me. I will bring the bean seeds I saved.

"""


@pytest.mark.parametrize("name", ["2024-May.txt", "archive", "-"])
def test_pipermail_archive_by_content(name: str) -> None:
    a = read(name, PIPERMAIL)
    assert a.document.format == "mail"
    assert [s.title for s in a.sections if s.kind == "heading"] == ["[Garden] Seed swap in June"] * 2
    assert a.document.metadata["title"] == "Seed swap in June"
    assert {"Ann Lee", "Tom Reyes"} <= {p.name for p in a.participants}
    assert "From: Ann Lee <ann@example.org>" in a.text


def test_gzipped_monthly_archive() -> None:
    a = read("2024-May.txt.gz", gzip.compress(PIPERMAIL.encode()))
    assert a.document.format == "mail" and "bean seeds" in a.text


def test_detection_by_suffix_and_content() -> None:
    single = SALE.split("\n", 1)[1]  # a saved message: headers at the top, no mbox line
    assert detect_format("note.eml", b"anything") == "mail"
    assert detect_format("box.mbox", b"") == "mail" and detect_format("box.mbx", b"") == "mail"
    assert detect_format("saved.txt", single.encode()) == "mail"
    assert detect_format("saved", THREAD.encode()) == "mail"
    # A text that only mentions headers, or a transcript, is not mail.
    assert detect_format("notes.txt", b"From: the committee\nWe met on Monday.\n") == "text"
    talk = b"Ann: hello there\nBob: hi Ann\nAnn: shall we start\nBob: yes\n"
    assert detect_format("talk.txt", talk) == "transcript"


def test_an_address_alone_is_no_name() -> None:
    a = read(
        "x.eml",
        "From: someone@example.org\nTo: Ann Lee <ann@example.org>\nSubject: Keys\n\nThe keys are in the shed.\n",
    )
    assert [p.name for p in a.participants] == ["Ann Lee"]
    assert a.document.metadata["author"] == "someone@example.org"


def test_charsets_per_part_and_a_wrong_charset_noted() -> None:
    latin = "From: Zoé <z@example.fr>\nSubject: Café\nContent-Type: text/plain; charset=iso-8859-1\n\nUn café crème.\n"
    a = read("latin.eml", latin.encode("latin-1"))
    assert "Un café crème." in a.text and "Zoé" in a.text
    head = b"From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\n"
    wrong = head + b"Caf\xe9 au lait, s'il vous pla\xeet.\n"
    b = read("wrong.eml", wrong)
    assert "Café au lait" in b.text and any("not" in note for note in b.document.notes)


BROKEN = """\
From: Ann Lee <ann@example.org>
Subject: Minutes
MIME-Version: 1.0
Content-Type: multipart/mixed

This is a multi-part message in MIME format.
--XYZZY-boundary
Content-Type: text/plain; charset=utf-8

The minutes of Tuesday's meeting are below.
--XYZZY-boundary
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

We agreed to buy a new lawn mow=
er for the allotments.
--XYZZY-boundary--
"""


def test_multipart_without_boundary_is_read_by_detection() -> None:
    a = read("broken.eml", BROKEN)
    assert "The minutes of Tuesday's meeting are below." in a.text
    assert "new lawn mower" in a.text and "--XYZZY" not in a.text and "Content-Type" not in a.text
    assert any("malformed MIME" in note for note in a.document.notes)


@pytest.mark.parametrize("cut", [40, 200, len(BROKEN) // 2, len(THREAD) // 3, len(THREAD) - 7])
def test_truncated_messages_never_raise(cut: int) -> None:
    for data in (BROKEN, THREAD):
        try:
            a = read("cut.eml", data[:cut])
        except LoadError as exc:
            assert "mail" in str(exc)
            continue
        check_contract(a.to_json())


def test_forwarded_message_is_a_nested_section() -> None:
    inner = "From: Tom Reyes <tom@example.net>\nSubject: Hall keys\n\nThe keys are with the caretaker.\n"
    outer = (
        "From: Ann Lee <ann@example.org>\nSubject: Fwd: Hall keys\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee below.\n'
        "--b\nContent-Type: message/rfc822\n\n" + inner + "--b--\n"
    )
    a = read("fwd.eml", outer)
    assert [(s.title, s.level) for s in a.sections if s.kind == "heading"] == [("Fwd: Hall keys", 1), ("Hall keys", 2)]
    assert "The keys are with the caretaker." in a.text


def test_an_outlook_reply_quotes_everything_after_original_message() -> None:
    body = (
        "From: Bob Stone <bob@example.net>\nSubject: RE: Rota\n\nI can take the Sunday shift.\n\n"
        "-----Original Message-----\nFrom: Ann Lee\nSent: Monday\n\nWho can take Sunday?\n"
    )
    a = read("rota.eml", body)
    assert blocks(a, "block_quote") == ["From: Ann Lee\nSent: Monday", "Who can take Sunday?"]
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == ["I can take the Sunday shift."]


def test_a_greeting_line_is_not_part_of_the_first_sentence() -> None:
    a = read(
        "hi.eml",
        "From: Ann Lee <ann@example.org>\nSubject: Rota\n\nHi Bob,\nthe rota for June is ready.\nIt is on the board.\n",
    )
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == [
        "Hi Bob,",
        "the rota for June is ready.",
        "It is on the board.",
    ]


def test_an_html_only_message_reads_through_the_html_body_reader() -> None:
    html = (
        "From: Ann Lee <ann@example.org>\nSubject: Agenda\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><h2>Agenda</h2><p>We will plan the <b>autumn</b> show.</p>"
        "<blockquote><p>Can we talk about the show?</p></blockquote></body></html>\n"
    )
    a = read("agenda.eml", html)
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == ["We will plan the autumn show."]
    assert blocks(a, "block_quote") == ["Can we talk about the show?"] and "<p>" not in a.text


def test_a_mailbox_over_the_size_limit_reads_its_leading_messages(tmp_path, monkeypatch) -> None:
    from reader.load import read_path

    path = tmp_path / "big.mbox"
    path.write_text((THREAD + "\n") * 200, encoding="utf-8")
    monkeypatch.setenv("READER_MAX_MB", "0.5")
    doc = read_path(path)
    assert doc.format == "mail" and doc.notes[0].startswith("only the first")
    assert 100 < sum(b.kind == "heading" for b in doc.blocks) < 600


MAIL_LINES = st.sampled_from(
    [
        "From: Ann Lee <ann@example.org>",
        "From tom at example.net  Mon May  6 12:30:00 2024",
        "Subject: =?utf-8?q?Caf=C3=A9?=",
        "Content-Type: multipart/mixed; boundary=b",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: base64",
        "Content-Transfer-Encoding: quoted-printable",
        "--b",
        "--b--",
        "",
        "> quoted words",
        "On Monday, Ann wrote:",
        "-- ",
        "Thanks,",
        "VGhlIGhhbGwgaXMgYm9va2Vk",
        "soft=",
        "Tom Reyes will bring the seeds.",
        "<p>unclosed <b>tag",
        "-----Original Message-----",
        "\tfolded header text",
    ]
)


@given(st.lists(MAIL_LINES, min_size=1, max_size=30))
@settings(max_examples=150, deadline=None)
def test_any_mix_of_mail_syntax_reads_without_a_traceback(lines: list[str]) -> None:
    data = ("From: a@example.org\nSubject: x\n" + "\n".join(lines) + "\n").encode("utf-8")
    try:
        doc = document_from_bytes("x.eml", data)
    except LoadError as exc:
        assert str(exc).startswith("x.eml: ")
        return
    check_contract(analyze(doc).to_json())


SHOW = """\
From ann at example.org  Tue May  7 09:00:00 2024
From: ann at example.org (Ann Lee)
Date: Tue, 7 May 2024 09:00:00 +0100
Subject: [Garden] Judging the autumn show
Message-ID: <show-1@example.org>

Who would like to judge the marrows this year?

"""
SWAP_REPLY = """\
From carol at example.com  Wed May  8 10:00:00 2024
From: carol at example.com (Carol Diaz)
Date: Wed, 8 May 2024 10:00:00 +0100
Subject: [Garden] Re: swap
In-Reply-To: <swap-2@example.net>
Message-ID: <swap-3@example.com>

I can bring envelopes for the seeds.
-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/garden/attachment.html>

"""


def test_a_monthly_archive_shows_thread_by_thread() -> None:
    a = read("2024-May.txt", PIPERMAIL + SHOW + SWAP_REPLY)
    titles = [s.title for s in a.sections if s.kind == "heading"]
    swap = "[Garden] Seed swap in June"
    assert titles == [swap, swap, "[Garden] Re: swap", "[Garden] Judging the autumn show"]
    assert "An HTML attachment was scrubbed...\nURL:" in "\n".join(blocks(a, "preformatted"))
    assert not any("scrubbed" in a.sentence_text(i) for i in range(len(a.sentences)))


def test_crlf_line_ends_and_an_empty_file() -> None:
    a = read("crlf.mbox", THREAD.replace("\n", "\r\n"))
    assert [s.title for s in a.sections if s.kind == "heading"] == [s.title for s in read("x.mbox", THREAD).sections]
    assert "\r" not in a.text and "the café will sell tea" in a.text
    empty = document_from_bytes("empty.eml", b"\n")
    assert empty.format == "mail" and empty.text == "" and empty.notes == ("empty document",)


def test_a_bare_dash_line_before_long_text_is_no_signature() -> None:
    body = "\n".join(f"Point {n} of the plan is agreed by the committee." for n in range(1, 14))
    a = read("plan.eml", f"From: Ann Lee <ann@example.org>\nSubject: Plan\n\nThe plan follows.\n--\n{body}\n")
    said = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "Point 13 of the plan is agreed by the committee." in said and not blocks(a, "preformatted")
    b = read("sig.eml", "From: Ann Lee <ann@example.org>\nSubject: Plan\n\nThe plan follows.\n--\nAnn Lee\nSecretary\n")
    assert blocks(b, "preformatted") == ["--\nAnn Lee\nSecretary"]


def _message(key: str, subject: str, day: int, reply_to: str = "", refs: str = "") -> str:
    headers = [
        f"From {key}@example.org Mon May  {day} 09:00:00 2022",
        f"From: {key.title()} Writer <{key}@example.org>",
        f"Date: Mon, {day} May 2022 09:00:00 +0000",
        f"Subject: {subject}",
        f"Message-ID: <{key}@example.org>",
    ]
    if reply_to:
        headers.append(f"In-Reply-To: <{reply_to}@example.org>")
    if refs:
        headers.append("References: " + " ".join(f"<{r}@example.org>" for r in refs.split()))
    return "\n".join(headers) + f"\n\nThis is what {key} wrote about the pond on day {day} of the month.\n\n"


def test_a_reply_is_a_section_under_the_message_it_answers() -> None:
    box = (
        _message("ann", "Fixing the pond pump", 2)
        + _message("bob", "Re: Fixing the pond pump", 3, reply_to="ann")
        + _message("cat", "Re: Fixing the pond pump", 4, reply_to="ann")
        + _message("dan", "Re: Fixing the pond pump", 5, refs="ann bob")  # References only, nearest last
        + _message("eve", "Re: Fixing the pond pump", 6, reply_to="lost")  # its parent is not in the box
    )
    a = read("pond.mbox", box)
    shown = [
        (s.level, a.text[s.start : s.end].split("This is what ")[1][:3]) for s in a.sections if s.kind == "heading"
    ]
    assert shown == [(1, "ann"), (2, "bob"), (3, "dan"), (2, "cat"), (1, "eve")]


def test_a_long_reply_chain_is_capped_in_depth_and_a_ring_of_ids_does_not_hang() -> None:
    names = [f"m{k}" for k in range(10)]
    box = _message(names[0], "Chain", 1)
    box += "".join(_message(n, "Re: Chain", 2 + k, reply_to=names[k]) for k, n in enumerate(names[1:]))
    levels = [s.level for s in read("chain.mbox", box).sections if s.kind == "heading"]
    assert levels == [1, 2, 3, 4, 5, 6, 6, 6, 6, 6]
    ring = _message("x", "Ring", 1, reply_to="y") + _message("y", "Re: Ring", 2, reply_to="x")
    assert len([s for s in read("ring.mbox", ring).sections if s.kind == "heading"]) == 2
