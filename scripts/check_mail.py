"""Read saved messages and mailboxes as `reader` does and count what a mail reader would not show.

    python scripts/check_mail.py PATH...      (files or folders: .eml, .mbox, .mbx, .txt, .txt.gz)

Prints the messages read, the failures by reason, the header and MIME syntax left in the text
(header lines, encoded words, boundaries, quoted-printable soft breaks, base64 lines) and the
time per MB of input (load and format, no analysis).
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
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
        messages += sum(1 for b in doc.blocks if b.kind == "heading")
        for what, pattern in LEFT_OVERS.items():
            hits = len(pattern.findall(doc.text))
            left[what] += hits
            if hits:
                print(f"{path}: {hits} {what}(s) left in the text")
    mb = size / 2**20
    print(f"files: {sum(formats.values()) + sum(failures.values())}, formats: {dict(formats)}")
    print(f"messages read (sections): {messages}")
    print(f"failures: {dict(failures) or 'none'}")
    print("syntax left in text: " + ", ".join(f"{k} {v}" for k, v in left.items()))
    if mb:
        print(f"input {mb:.2f} MB in {seconds:.2f} s: {seconds / mb:.2f} s per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
