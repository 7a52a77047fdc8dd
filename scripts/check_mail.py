"""Read saved messages and mailboxes as `reader` does and count what a mail reader would not show.

    python scripts/check_mail.py PATH...      (files or folders: .eml, .mbox, .mbx, .txt, .txt.gz)
    python scripts/check_mail.py --ewt [--half development|report]
    python scripts/check_mail.py --synthetic 8      (an mbox of about 8 MB written to a temporary folder)

Prints the messages read, the failures by reason, the header and MIME syntax left in the text
(header lines, encoded words, boundaries, quoted-printable soft breaks, base64 lines) and the
time per MB of input (load and format, no analysis).

``--ewt`` writes each e-mail document of UD English EWT (../shared/corpora, dev split; its documents
alternate into a development half and a report half, as scripts/evaluate_sentences.py splits them)
as the body of a message, reads it as mail and scores the sentence ends of the body's prose against
the treebank's, beside the same paragraphs split as plain text; it counts the gold sentences the
mail reader sets apart as a closing or signature (kept as written, not prose).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from reader.load import LoadError, read_path

LEFT_OVERS = {
    "header line": re.compile(
        r"^(?:Content-Type|Content-Transfer-Encoding|MIME-Version|Received|DKIM-Signature|Message-ID):", re.M | re.I
    ),
    "encoded word": re.compile(r"=\?[\w-]+\?[QB]\?", re.I),
    "boundary": re.compile(r"^--[\w'()+,./:=?-]{8,}(?:--)?$", re.M),
    "soft break": re.compile(r"=20$|=\n|=3D", re.M),
    "base64 line": re.compile(r"^[A-Za-z0-9+/]{60,76}$", re.M),
}


def files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return found


EWT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
HEADER = (
    "From: Ann Lee <ann@example.org>\nTo: Bob Stone <bob@example.org>\nSubject: A message\n"
    "Date: Mon, 3 May 2021 09:00:00 +0000\n\n"
)


def ewt(half: str) -> int:
    """Boundary F1 on EWT's e-mail documents read as mail bodies, beside the plain-text splitter."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from evaluate_sentences import ewt_documents

    from reader.load import document_from_bytes
    from reader.text import sentences
    from reader.text.structure import segment

    if not EWT.exists():
        print("EWT: corpus absent, skipped")
        return 0
    docs = ewt_documents(EWT)
    docs = docs[0::2] if half == "development" else docs[1::2]
    mail_counts, plain_counts = [0, 0, 0], [0, 0, 0]
    matter = total = 0
    for doc_id, text, spans, gold in docs:
        if not doc_id.startswith("email"):
            continue
        analysis = segment(document_from_bytes("x.eml", (HEADER + text + "\n").encode("utf-8")))
        ends = {s.end for s in analysis.sentences}
        lower = sentences.casual(text)
        pos = 0
        for a, z in spans:
            at = analysis.text.find(text[a:z], pos)
            inner = {e for e in gold if a < e <= z}
            total += len(inner)
            if at < 0 or not any(at <= s.start < at + z - a for s in analysis.sentences):
                matter += len(inner)  # a closing, a signature, or text laid out as written
                continue
            pos = at + z - a
            found = {e - at + a for e in ends if at < e <= at + z - a}
            plain = {b for _, b in sentences.split(text, a, z, lower)}
            for counts, got in ((mail_counts, found), (plain_counts, plain)):
                counts[0] += len(got & inner)
                counts[1] += len(got)
                counts[2] += len(inner)
    for label, (true, found_n, gold_n) in (("as mail", mail_counts), ("as plain text", plain_counts)):
        f1 = 2 * true / max(1, found_n + gold_n)
        print(
            f"EWT e-mail, {half} half, {label}: boundary F1 {f1:.3f} (P {true / max(1, found_n):.3f}, "
            f"R {true / max(1, gold_n):.3f}) over {gold_n} gold sentences in prose"
        )
    print(f"gold sentences set apart as closings, signatures or laid-out text: {matter} of {total}")
    return 0


TEMPLATE = """\
From member{n}@example.org Mon May  3 09:{m:02d}:00 2021
From: Member {n} <member{n}@example.org>
To: Allotment List <allotments@lists.example.org>
Subject: Re: Water butts for the east plots
Date: Mon, 3 May 2021 09:{m:02d}:00 +0100
Message-ID: <butts-{n}@example.org>
In-Reply-To: <butts-{p}@example.org>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

On Monday, Member {p} wrote:
> Should we order two more water butts before the dry spell?

I think two is right. The east plots ran dry last July and the hose does n=
ot reach past the shed, so a butt at each end would save a lot of carrying.

--=20
Member {n}

"""


def synthetic(megabytes: float) -> int:
    """Read an mbox of about ``megabytes`` MB made of one long thread; print time per MB and peak memory."""
    import resource
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "thread.mbox"
        with path.open("w", encoding="utf-8") as out:
            n = size = 0
            while size < megabytes * 2**20:
                n += 1
                size += out.write(TEMPLATE.format(n=n, m=n % 60, p=n - 1))
        began = time.perf_counter()
        doc = read_path(path)
        seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = sum(1 for b in doc.blocks if b.kind == "heading")
    print(
        f"synthetic mbox: {n} messages, {size / 2**20:.2f} MB: {count} sections, {seconds:.2f} s "
        f"({seconds / (size / 2**20):.2f} s per MB), peak {peak:.0f} MB"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--ewt", action="store_true", help="sentence ends of EWT's e-mail bodies read as mail")
    parser.add_argument("--half", choices=("development", "report"), default="development")
    parser.add_argument("--synthetic", type=float, metavar="MB", help="read a generated mbox of about MB megabytes")
    args = parser.parse_args(argv)
    if args.ewt:
        return ewt(args.half)
    if args.synthetic:
        return synthetic(args.synthetic)
    if not args.paths:
        parser.error("give PATH..., --ewt or --synthetic MB")
    failures: Counter[str] = Counter()
    left: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    messages = size = 0
    seconds = 0.0
    for path in files(args.paths):
        size += path.stat().st_size
        began = time.perf_counter()
        try:
            doc = read_path(path)
        except LoadError as exc:
            failures[exc.reason] += 1
            print(f"{path}: {exc.reason}")
            continue
        finally:
            seconds += time.perf_counter() - began
        formats[doc.format] += 1
        if doc.format != "mail":
            print(f"{path}: read as {doc.format}, not mail")
            continue
        messages += sum(1 for b in doc.blocks if b.kind == "heading" and b.level == 1)
        for what, pattern in LEFT_OVERS.items():
            hits = len(pattern.findall(doc.text))
            left[what] += hits
            if hits:
                print(f"{path}: {hits} {what}(s) left in the text")
    mb = size / 2**20
    print(f"files: {sum(formats.values()) + sum(failures.values())}, formats: {dict(formats)}")
    print(f"messages read (level-1 sections): {messages}")
    print(f"failures: {dict(failures) or 'none'}")
    print("syntax left in text: " + ", ".join(f"{k} {v}" for k, v in left.items()))
    if mb:
        print(f"input {mb:.2f} MB in {seconds:.2f} s: {seconds / mb:.2f} s per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
