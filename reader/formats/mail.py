"""E-mail: a saved message (``.eml``) or a mailbox (``.mbox``, a Pipermail monthly archive) as a mail reader shows it.

Each message is a section titled by its Subject, with a short From / To / Date block under it (as
written, not prose); the body is decoded by the standard library's ``email`` package (charsets,
quoted-printable, base64), text/plain preferred over text/html, attachments named in a line. Quoted
replies are block quotes (shown, never read as the thread's own sentences), the attribution line
("On Mon, 3 May 2021, Ann Lee wrote:") and the signature are kept as written, outside the prose.
A mailbox is split at its ``From`` separator lines one message at a time, so only one message is
parsed at once; the messages are shown in date order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reader.formats import FormatError
from reader.model import Analysis, Document, Mention, Participant

if TYPE_CHECKING:  # the email package is imported only when a message is read, not when text is sniffed
    from email.message import Message

    from reader.formats.build import Builder

# An mbox separator: "From sender date" at a line start, with a time in it (mboxo/mboxrd, Pipermail).
_SEPARATOR = re.compile(rb"^From [^\n]{1,300}?\d{1,2}:\d\d(?::\d\d)?[^\n]*\n", re.M)
_HEADER_LINE = re.compile(r"[!-9;-~]+:")
MAIL_FIELDS = frozenset(
    "from to cc subject date message-id received return-path mime-version content-type delivered-to "
    "in-reply-to references sender reply-to x-mailer user-agent dkim-signature".split()
)
NAMING_FIELDS = frozenset({"from", "subject", "date", "message-id", "received", "mime-version"})
STRONG_FIELDS = 3  # known fields that make a header block even when the body follows without a blank line
MAX_SHOWN_RECIPIENTS = 4
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv|vs|wg|tr)\s*(?:\[\d+\])?\s*:\s*|\[[^\]\n]{1,40}\]\s*)+", re.I)
_ATTRIBUTION = re.compile(r"(?:\bwrote|\bwrites|\bschrieb|\ba écrit)\s*:\s*$|^-{2,}\s*Original Message\s*-{2,}$", re.I)
_ORIGINAL = re.compile(r"^-{2,}\s*Original Message\s*-{2,}\s*$", re.I)
_VALEDICTION = re.compile(
    r"^(?:thanks?(?: you| again| in advance)?|many thanks|cheers|best(?: wishes| regards)?"
    r"|(?:kind |warm |best )?regards|sincerely(?: yours)?|yours(?: truly| sincerely)?"
    r"|all the best|take care|ciao|bye|later|hth|--?\s*\w+)[,.!]?$",
    re.I,
)
SIGN_OFF_LINES = 4  # a closing ("Thanks,", then a name and maybe a title): short lines at a body's end
SIGN_OFF_WIDTH = 40
SIGNATURE_LINES = 10
_BULLET = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+\S")


@dataclass
class Person:
    name: str
    address: str

    def shown(self, with_address: bool) -> str:
        if not self.name:
            return self.address
        return f"{self.name} <{self.address}>" if with_address and self.address else self.name


@dataclass
class Mail:
    """What a mail reader shows of one message, without its raw bytes."""

    subject: str
    senders: list[Person]
    recipients: list[Person]
    date: datetime | None
    date_text: str
    parts: list[tuple[str, Any]] = field(default_factory=list)  # ("text"|"html"|"attachment"|"message", value)
    notes: list[str] = field(default_factory=list)
    message_id: str = ""
    replies_to: list[str] = field(default_factory=list)  # In-Reply-To and References, nearest first


def looks_like(head: str) -> bool:
    """An mbox ``From `` line over a header block, or a header block naming a message, at the top."""
    lines = head.lstrip("\ufeff\r\n").split("\n", 60)
    if lines and lines[0].startswith("From ") and _SEPARATOR.match((lines[0] + "\n").encode("utf-8", "replace")):
        lines = lines[1:]
    names: set[str] = set()
    for line in lines[:-1]:
        line = line.rstrip("\r")
        if not line:
            break
        if line[:1] in " \t" and names:
            continue  # a folded header's next line
        found = _HEADER_LINE.match(line)
        if not found:
            if len(names & MAIL_FIELDS) >= STRONG_FIELDS:
                break  # the body right under the headers, as some writers leave it
            return False
        names.add(found.group()[:-1].lower())
    else:
        return False
    known = names & MAIL_FIELDS
    return len(known) >= 2 and bool(known & NAMING_FIELDS)


def read(source: str, data: bytes, limit: int) -> Document:
    """A message or a mailbox from its bytes (each part decoded by its own charset)."""
    import email

    from reader.formats.build import Builder

    if b"\x00" in data[:65536]:
        raise FormatError("is a binary file (it has NUL bytes), not a mail message")
    if not data.strip():
        return Document(source, "", "mail", notes=("empty document",))
    mails: list[Mail] = []
    notes: list[str] = []
    for chunk in split_mbox(data):
        try:
            # The compat32 policy: the newer header classes parse each Content-Type ten times slower.
            mails.append(_mail(email.message_from_bytes(chunk)))
        except Exception as exc:  # noqa: BLE001 - a broken message is a note, never the whole mailbox lost
            notes.append(f"a message could not be read ({type(exc).__name__})")
    if not mails:
        raise FormatError("has no mail message to read")
    if all(m.date is not None for m in mails):
        mails.sort(key=_when)
    tree = threaded(mails)
    builder = Builder()
    for mail, depth in tree:
        try:
            _add_mail(builder, mail, 1 + depth)
        except Exception as exc:  # noqa: BLE001 - the messages before and after it are still read
            notes.append(f"a message could not be shown whole ({type(exc).__name__})")
        notes.extend(mail.notes)
    return builder.document(source, "mail", _metadata([m for m, _ in tree]), "utf-8", tuple(dict.fromkeys(notes)))


MAX_DEPTH = 5  # replies nested at most this deep under a thread's first message (heading levels 1-6)


def threaded(mails: list[Mail]) -> list[tuple[Mail, int]]:
    """The messages as a mail reader's thread view shows them, each with its depth in the reply tree.

    A reply (In-Reply-To, else the nearest message its References name) goes right under the message it
    answers, after that message's earlier replies; replies to one message keep the order given (date
    order). A message whose parent is not in the mailbox is at depth 0, in the thread of the last message
    with the same subject (without ``Re:`` and list tags), else a thread of its own; threads keep the
    order of their first messages (a monthly archive interleaves them). Depth is capped at MAX_DEPTH.
    """
    parents = _parents(mails)
    children: dict[int, list[int]] = {}
    for k, parent in enumerate(parents):
        if parent is not None:
            children.setdefault(parent, []).append(k)
    out: list[tuple[Mail, int]] = []
    for root in _roots_by_thread(mails, parents):
        stack = [(root, 0)]
        while stack:
            k, depth = stack.pop()
            out.append((mails[k], min(depth, MAX_DEPTH)))
            stack.extend((child, depth + 1) for child in reversed(children.get(k, [])))
    return out


def _parents(mails: list[Mail]) -> list[int | None]:
    """Each message's parent in the list (the first id it replies to that a message here has), no cycles."""
    where: dict[str, int] = {}
    for k, mail in enumerate(mails):
        if mail.message_id:
            where.setdefault(mail.message_id, k)
    parents = [next((where[i] for i in mail.replies_to if where.get(i, k) != k), None) for k, mail in enumerate(mails)]
    for k in range(len(parents)):  # ids that answer each other in a ring: the ring is cut at k
        seen = {k}
        at = parents[k]
        while at is not None and at not in seen:
            seen.add(at)
            at = parents[at]
        if at is not None:
            parents[k] = None
    return parents


def _roots_by_thread(mails: list[Mail], parents: list[int | None]) -> list[int]:
    """The messages without a parent, grouped thread by thread (by subject), each thread where it starts."""
    by_subject: dict[str, int] = {}
    threads: list[list[int]] = []
    for k, mail in enumerate(mails):
        if parents[k] is not None:
            continue
        subject = _REPLY_PREFIX.sub("", mail.subject).strip().casefold()
        known = by_subject.get(subject) if subject else None
        if known is None:
            known = len(threads)
            threads.append([])
        threads[known].append(k)
        if subject:
            by_subject[subject] = known
    return [k for thread in threads for k in thread]


_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


def _ids(value: str) -> list[str]:
    return _MESSAGE_ID.findall(value)


def _when(mail: Mail) -> float:
    try:
        return mail.date.timestamp() if mail.date else 0.0
    except (OverflowError, OSError, ValueError):  # a year the platform's clock cannot hold
        return 0.0


def split_mbox(data: bytes) -> Iterator[bytes]:
    """Each message's bytes: the whole input for one message, else the pieces between ``From`` lines."""
    start = data[:8].lstrip(b"\r\n")
    if not start.startswith(b"From "):
        yield data
        return
    bounds = [m for m in _SEPARATOR.finditer(data) if _after_blank(data, m.start())]
    for m, after in zip(bounds, [*bounds[1:], None]):
        chunk = data[m.end() : after.start() if after else len(data)]
        if chunk.strip():
            yield chunk


def _after_blank(data: bytes, at: int) -> bool:
    """A separator opens the input or follows a blank line (a body's "From here on" does not)."""
    if data[max(0, at - 2) : at] == b"\n\n" or data[max(0, at - 3) : at] == b"\n\r\n":
        return True
    return at < 8 and not data[:at].strip()  # only blank lines before it (not a copy of a long prefix)


def _raw_header(msg: Message, name: str) -> str:
    """A header's value with encoded words decoded and comments kept ("bbb@ddd.com (John X. Doe)")."""
    import email.errors
    import email.header

    for key, value in msg.raw_items():
        if key.lower() == name:
            raw = re.sub(r"\r?\n[ \t]+", " ", _unescaped(str(value)))
            try:
                return str(email.header.make_header(email.header.decode_header(raw)))
            except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
                return raw
    return ""


def _unescaped(value: str) -> str:
    """A header written in 8-bit bytes (not encoded words): UTF-8, else a Western charset by detection."""
    if not _ESCAPED.search(value):
        return value
    from reader.load import decode

    return decode(value.encode("utf-8", "surrogateescape"))[0]


_ESCAPED = re.compile("[\udc80-\udcff]")


def _people(msg: Message, *names: str) -> list[Person]:
    import email.utils

    found = []
    for name in names:
        raw = _raw_header(msg, name)
        raw = re.sub(r"\b([\w.+-]+) at ([\w-]+(?:\.[\w-]+)+)\b", r"\1@\2", raw)  # Pipermail hides the @
        for shown, address in email.utils.getaddresses([raw]) if raw else []:
            shown = _first_last(" ".join(shown.split()).strip("'\" "))
            if shown or "@" in address:
                found.append(Person(shown if "@" not in shown else "", address))
    return found


def _first_last(name: str) -> str:
    """ "Stone, Bob" is Bob Stone; a name with more commas ("Lee, Ann, Dr") is left as written."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(1 <= len(part.split()) <= 2 and part[:1].isupper() for part in parts):
        return f"{parts[1]} {parts[0]}"
    return name


def _mail(msg: Message) -> Mail:
    import email.utils

    date_text = " ".join(_raw_header(msg, "date").split())
    try:
        date = email.utils.parsedate_to_datetime(date_text) if date_text else None
    except (TypeError, ValueError, IndexError, OverflowError):
        date = None
    subject = " ".join(_raw_header(msg, "subject").split())
    mail = Mail(subject, _people(msg, "from"), _people(msg, "to", "cc"), date, date_text)
    mail.message_id = next(iter(_ids(_raw_header(msg, "message-id"))), "")
    references = _ids(_raw_header(msg, "references"))
    mail.replies_to = _ids(_raw_header(msg, "in-reply-to")) + references[::-1]
    if msg.defects:
        mail.notes.append(f"malformed MIME read as best it could ({type(msg.defects[0]).__name__})")
    _walk(msg, mail)
    return mail


def _walk(part: Message, mail: Mail) -> None:
    from email.message import Message

    ctype = part.get_content_type()
    if ctype in ("message/rfc822", "message/global"):  # a forwarded message: a section of its own
        inner = part.get_payload()
        for message in inner if isinstance(inner, list) else [inner]:
            if isinstance(message, Message):
                mail.parts.append(("message", _mail(message)))
    elif part.is_multipart():
        subparts = _subparts(part)
        if ctype == "multipart/alternative" and subparts:
            subparts = [_best_alternative(subparts)]
        for sub in subparts:
            _walk(sub, mail)
    elif part.get_content_maintype() == "multipart":
        _unsplit(part, mail)
    elif _is_attachment(part):
        mail.parts.append(("attachment", _attachment_line(part)))
    else:
        _add_text("html" if ctype == "text/html" else "text", _content(part, mail), mail)


# A part's opening boundary line right over its header (RFC 2046: a boundary is 1-70 characters).
_EMBEDDED_PART = re.compile(r"^--([^\n]{1,70}?)[ \t]*\n(?=Content-[A-Za-z-]+:)", re.M)


def _add_text(kind: str, text: str, mail: Mail) -> None:
    """A text part, unless it holds MIME parts the parser left inside it (a boundary it did not know,
    boundary lines inside a part's text, a text/html part declaring a boundary): those are read as parts."""
    import email

    found = list(_EMBEDDED_PART.finditer(text))
    if not found:
        mail.parts.append((kind, text))
        return
    if text[: found[0].start()].strip():
        mail.parts.append((kind, text[: found[0].start()]))
    closing = re.compile("|".join(rf"^--{re.escape(b)}--[ \t]*$" for b in {m.group(1) for m in found}), re.M)
    for at, match in enumerate(found):
        end = found[at + 1].start() if at + 1 < len(found) else len(text)
        piece = closing.sub("", text[match.end() : end])
        _walk(email.message_from_string(piece), mail)


_BOUNDARY_LINE = re.compile(r"^--([^\s]{4,}?)(?:--)?[ \t]*$", re.M)


def _unsplit(part: Message, mail: Mail) -> None:
    """A multipart the parser could not split (no boundary declared, or another one): its parts are
    found by the boundary lines the text repeats, else it is read as text."""
    import email

    raw = str(part.get_payload())
    counts: dict[str, int] = {}
    for found in _BOUNDARY_LINE.finditer(raw):
        counts[found.group(1)] = counts.get(found.group(1), 0) + 1
    boundary = max(counts, key=lambda b: counts[b], default="")
    if not raw.strip():
        return  # a multipart whose parts were read already (found inside a text part): nothing is lost
    mail.notes.append("malformed MIME: a multipart part without its boundary, read by detection")
    if not boundary or counts[boundary] < 2:
        if raw.strip():
            mail.parts.append(("text", raw))
        return
    pieces = re.split(rf"^--{re.escape(boundary)}(?:--)?[ \t]*$", raw, flags=re.M)
    for number, piece in enumerate(pieces):
        if number == 0 or not piece.strip():
            continue  # the preamble ("This is a MIME-encapsulated message") is for old mail readers
        _walk(email.message_from_string(piece.lstrip("\n")), mail)


def _subparts(part: Message) -> list[Message]:
    from email.message import Message

    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _best_alternative(parts: list[Message]) -> Message:
    for wanted in ("text/plain", "text/html"):
        for sub in parts:
            if sub.get_content_type() == wanted and not _is_attachment(sub):
                return sub
    return next((p for p in parts if p.is_multipart()), parts[0])


def _is_attachment(part: Message) -> bool:
    """Named, not shown: files, and the machine-readable parts of a bounce (its status, the headers returned)."""
    if part.get_content_disposition() == "attachment":
        return True
    return part.get_content_maintype() != "text" or part.get_content_type() == "text/rfc822-headers"


def _attachment_line(part: Message) -> str:
    name = part.get_filename() or part.get("content-description") or "unnamed"
    payload = part.get_payload(decode=True)
    size = len(payload) if isinstance(payload, bytes) else len(str(part))
    return f"📎 attachment: {' '.join(str(name).split())} ({part.get_content_type()}, {_size(size)})"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 2**20:.1f} MB"


def _content(part: Message, mail: Mail) -> str:
    """The part's text, decoded by its charset; an unknown or wrong charset by detection, with a note."""
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "us-ascii"
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        from reader.load import decode

        text, used = decode(raw)
        mail.notes.append(f"a part declared {charset} but was not: decoded as {used}")
        return text


def _metadata(mails: list[Mail]) -> dict[str, str]:
    first = mails[0]
    meta = {"title": _REPLY_PREFIX.sub("", first.subject).strip() or first.subject}
    if first.senders:
        meta["author"] = first.senders[0].shown(with_address=False)
    if first.date is not None:
        meta["date"] = first.date.date().isoformat()
    return meta


def _add_mail(builder: Builder, mail: Mail, level: int) -> None:
    builder.add("heading", mail.subject or "(no subject)", level)
    _add_header(builder, mail)
    for kind, value in mail.parts:
        if kind == "message":
            _add_mail(builder, value, min(level + 1, 6))
        elif kind == "attachment":
            builder.add("preformatted", value)
        elif kind == "html":
            _add_html(builder, value)
        else:
            add_body(builder, value, _first_names(mail.senders))


def _add_header(builder: Builder, mail: Mail) -> None:
    """The byline under the subject: From, To and Date; each name (or bare address) a ``mailto:`` link."""
    parts: list[tuple[str, list[Person]]] = []
    if mail.senders:
        parts.append(("From: ", mail.senders))
    if mail.recipients:
        parts.append(("To: ", mail.recipients[:MAX_SHOWN_RECIPIENTS]))
    text, links = "", []
    for label, people in parts:
        text += (" · " if text else "") + label
        for i, person in enumerate(people):
            shown = person.shown(with_address=label == "From: ")
            text += ", " if i else ""
            if person.address:
                links.append((len(text), shown, "mailto:" + person.address))
            text += shown
        if label == "To: " and len(mail.recipients) > MAX_SHOWN_RECIPIENTS:
            text += f" and {len(mail.recipients) - MAX_SHOWN_RECIPIENTS} more"
    when = mail.date.strftime("%a %d %b %Y %H:%M") if mail.date else mail.date_text
    if when:
        text += (" · " if text else "") + when
    for offset, shown, url in links:
        builder.link(offset, shown, url)
    if text:
        builder.add("byline", text)


def _add_html(builder: Builder, html: str) -> None:
    from lxml import etree
    from lxml import html as lxml_html

    from reader.formats.htmlbody import walk_body

    parser = lxml_html.HTMLParser(encoding="utf-8")
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", html)
    try:
        root = lxml_html.document_fromstring(cleaned.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return
    walk_body(root, builder)


# --- a plain-text body: paragraphs, quoted replies, the attribution line, the signature


def _first_names(people: list[Person]) -> frozenset[str]:
    return frozenset(p.name.split()[0].casefold() for p in people if p.name)


def add_body(builder: Builder, body: str, signers: frozenset[str] = frozenset()) -> None:
    """A text/plain body's blocks; ``signers`` are the sender's first names, which sign a closing."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    scrubbed = next((i for i, line in enumerate(lines) if _NEXT_PART.match(line.strip())), len(lines))
    lines, scrubbed_part = lines[:scrubbed], lines[scrubbed:]
    signature = _signature_start(lines, signers)
    main, tail = lines[:signature], lines[signature:]
    for kind, chunk in _chunks(main):
        if kind == "quote":
            for para in _paragraphs(chunk):
                for depth, run in itertools.groupby(para, _quote_depth):  # "> > a reply" two deep: two bars
                    builder.add("block_quote", "\n".join(_QUOTE_MARKS.sub("", line) for line in run), depth=depth + 1)
        else:
            _add_plain(builder, chunk)
    for rest in (tail, scrubbed_part):
        if any(line.strip() for line in rest):
            builder.add("preformatted", "\n".join(line.rstrip() for line in rest))


# Pipermail's archive writes each attachment it removed after this line ("An HTML attachment was scrubbed...").
_NEXT_PART = re.compile(r"^-{5,} ?next part ?-{5,}$", re.I)


def _signature_start(lines: list[str], signers: frozenset[str]) -> int:
    """Where the signature starts: the ``-- `` line (RFC 3676), else a closing ("Thanks,\\nAnn")."""
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].rstrip() != "--" or any(_quoted(line) for line in lines[i:]):
            continue
        # "-- " opens a signature; a bare "--" (mailers strip the space) only when a signature's few lines follow
        if lines[i] == "-- " or sum(1 for line in lines[i + 1 :] if line.strip()) <= SIGNATURE_LINES:
            return i
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    closing = [line.strip() for line in lines[start:end]]
    signed = bool(closing) and closing[0].lstrip("-–— ").rstrip(".,!").casefold() in signers
    short = all(len(line) <= SIGN_OFF_WIDTH and not _quoted(line) for line in closing)
    if closing and len(closing) <= SIGN_OFF_LINES and short and (_VALEDICTION.match(closing[0]) or signed):
        return start
    return len(lines)


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


_QUOTE_MARKS = re.compile(r"^(?:\s*>)+ ?")


def _quote_depth(line: str) -> int:
    """How many more ``>`` a line of a quoted reply has (one level is already taken off)."""
    found = _QUOTE_MARKS.match(line)
    return found.group().count(">") if found else 0


def _chunks(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Runs of quoted lines (one ``>`` level taken off) and of the writer's own lines, in order.

    After an Outlook "-----Original Message-----" line everything is the quoted message."""
    run: list[str] = []
    kind = "own"
    for i, line in enumerate(lines):
        if kind == "own" and _ORIGINAL.match(line.strip()):
            yield kind, run
            yield "own", [line]
            yield "quote", lines[i + 1 :]
            return
        here = "quote" if _quoted(line) else ("own" if line.strip() else kind)
        if here != kind:
            yield kind, run
            kind, run = here, []
        run.append(re.sub(r"^\s*> ?", "", line) if here == "quote" else line)
    yield kind, run


def _paragraphs(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line.rstrip())
        elif out[-1]:
            out.append([])
    return [p for p in out if p]


def _add_plain(builder: Builder, lines: list[str]) -> None:
    for para in _paragraphs(lines):
        if _ATTRIBUTION.search(para[-1].strip()):
            if para[:-1]:
                _add_paragraph(builder, para[:-1])
            builder.add("preformatted", para[-1].strip())
        else:
            _add_paragraph(builder, para)


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40}[,:!]?$", re.I
)


def _add_paragraph(builder: Builder, para: list[str]) -> None:
    """Prose; lines laid out by hand (indented, columns) as written; a list's lines as items.

    A greeting on its own line ("Hi Bob,") is a paragraph of its own, not the start of the first sentence."""
    if len(para) > 1 and _GREETING.match(para[0].strip()):
        builder.add("paragraph", para[0].strip())
        para = para[1:]
    if all(line[:1] in " \t" for line in para) or any(re.search(r"\S {3,}\S|\t", line.strip()) for line in para):
        builder.add("preformatted", "\n".join(para))
    elif len(para) > 1 and all(_BULLET.match(line) for line in para):
        for line in para:
            found = re.match(r"\s*(\S+)\s+", line)
            marker = found.group(1) if found else "•"
            builder.add("list_item", line.strip()[len(marker) :].strip(), depth=1, marker=_marker(marker))
    else:
        builder.add("paragraph", "\n".join(line.strip() for line in para))


def _marker(raw: str) -> str:
    return "•" if raw in "-*+•" else raw


# --- after the analysis: senders and recipients are people


_LIST_ADDRESS = re.compile(
    r"^(?:[^@]*[-.](?:list|l|users|devel?|announce|discuss|help|bounces|request)|.*\blists?\b.*|no-?reply|[^@]*-owner)@"
    r"|@lists?\.",
    re.I,
)
_GROUP_NAME = re.compile(
    r"\b(?:list|club|team|group|support|society|committee|inc|ltd|llc|gmbh|digest)\b"
    # a name for many people ("Dingus Lovers", "Python Developers", "All Staff")
    r"|\b(?:lovers|fans|friends|members|users|developers|maintainers|staff|volunteers|subscribers|everyone)$",
    re.I,
)


def add_people(analysis: Analysis) -> None:
    """Each named sender and recipient is a person (a mailing list an organization), mentioned where
    the header lines name them. A name the finder saw in the prose gets the header mentions too, and
    a first name alone ("Carol") that only one of them bears is that person; an address alone is no name."""
    found = _header_people(analysis)
    _join_first_names(analysis, found)
    for p in analysis.participants:
        p.mentions.sort(key=lambda m: m.start)
    analysis.participants.sort(key=lambda p: p.mentions[0].start if p.mentions else 0)


def _header_people(analysis: Analysis) -> list[Participant]:
    text = analysis.text
    by_name: dict[str, Participant] = {}
    for p in analysis.participants:
        for alias in {p.name, *p.aliases}:
            by_name.setdefault(alias.casefold(), p)
    taken = [int(p.id[1:]) for p in analysis.participants if p.id[1:].isdigit()]
    next_id = max(taken, default=0) + 1
    found: list[Participant] = []
    for link in analysis.document.links:
        name = text[link.start : link.end].split(" <", 1)[0].strip()
        if not link.url.startswith("mailto:") or not name or "@" in name or not any(c.isalpha() for c in name):
            continue
        group = bool(_LIST_ADDRESS.search(link.url[7:]) or _GROUP_NAME.search(name))
        person = by_name.get(name.casefold())
        if person is None:
            person = Participant(f"p{next_id}", name, "organization" if group else "person", aliases=[name])
            next_id += 1
            analysis.participants.append(person)
            by_name[name.casefold()] = person
        elif name not in person.aliases:
            person.aliases.append(name)
        if person not in found:
            found.append(person)
            person.kind = "organization" if group else "person"
        person.mentions.append(Mention(link.start, link.start + len(name)))
    return found


def _join_first_names(analysis: Analysis, found: list[Participant]) -> None:
    first: dict[str, list[Participant]] = {}
    for p in found:
        if p.kind == "person" and len(p.name.split()) > 1:
            first.setdefault(p.name.split()[0].casefold(), []).append(p)
    merged: dict[str, str] = {}
    for p in analysis.participants:
        owners = first.get(p.name.casefold(), []) if p not in found and len(p.name.split()) == 1 else []
        if len(owners) == 1:
            owner = owners[0]
            owner.mentions.extend(p.mentions)
            owner.aliases.extend(a for a in p.aliases if a not in owner.aliases)
            merged[p.id] = owner.id
    if merged:
        analysis.participants = [p for p in analysis.participants if p.id not in merged]
        for q in analysis.quotes:
            q.speaker = merged.get(q.speaker or "", q.speaker)
