"""A sweep over real documents nobody tuned to, read as the CLI reads them, with figures per kind of document.

Every document under the folders given (a file of a suffix the reader takes from a folder, or
one named as documentation is: ``README``, ``NEWS.gz``, ``copyright``), or each file given, is loaded and analysed as
``reader analyze`` does it (``reader.load.load`` then ``reader.analysis.analyze``), and counted under
its kind: by its name (``changelog``, ``news``, ``readme``, ``licence`` for ``copyright``/``COPYING``/
``LICENSE`` and ``/usr/share/common-licenses``, ``notes`` for ``FAQ``/``TODO``/``AUTHORS``/``THANKS``),
else by the format the reader found (``html``, ``markdown``, ``pdf``, ``text``...). Per kind it prints:

- files read, and failures by their one-line reason (``reader: PATH: reason``);
- tracebacks: exceptions other than the reader's own errors (must be 0), with the first ones shown;
- CPU seconds per MB read (a gzipped file's MB once uncompressed) to load and analyse (median and max,
  files of 16 KB or more), and the slowest files;
- markup: files whose shown text holds control characters or escapes, or (in a format the reader
  converts) HTML tags or entities, roff escapes or Markdown syntax outside code;
- boilerplate: files whose first summary sentence is a licence or copyright line (in a document that
  is not a licence), a changelog entry's header or trailer, a bare version or date line, or a URL;
- no sections: files whose outline has no heading though the source has two or more (Markdown ``#``
  lines, HTML ``h1``-``h6``, underlined titles, changelog and NEWS version lines).

``--part dev`` keeps files whose first name below the folder given (a package's folder under
``/usr/share/doc``, a file's own name) starts with a-m, ``--part held`` n-z: develop on one, look
at the other once. ``--every N`` keeps every Nth file, ``--show N`` lists N files per finding.

    python scripts/sweep_documents.py [--part dev|held] [--every N] [--show N] PATH...
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.analysis import analyze  # noqa: E402
from reader.formats import FormatError  # noqa: E402
from reader.load import LoadError, _readable_suffix, load  # noqa: E402
from reader.model import Analysis  # noqa: E402

_NAME_KINDS = (
    ("changelog", re.compile(r"^(?:changelog|changes|history)\b", re.I)),
    ("news", re.compile(r"^(?:news|release[-_ ]?notes)\b", re.I)),
    ("licence", re.compile(r"^(?:copyright|copying|licen[cs]e|notice)\b", re.I)),
    ("readme", re.compile(r"^readme\b", re.I)),
    ("notes", re.compile(r"^(?:faq|todo|authors|thanks|credits|bugs|install)\b", re.I)),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")  # a form feed is a page break, shown dimmed
_MARKUP = re.compile(
    r"</?(?:a|b|i|p|br|hr|em|strong|code|pre|div|span|img|table|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|sup|sub|tt"
    r"|font|center|blockquote|section|nav|header|footer|script|style|html|body|head|meta|link)"
    r"(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>|&(?:amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);"  # HTML
    r"|\\f[BIRP]|\\\(\w\w|\\-|^\.[A-Z][A-Za-z]?\s"  # roff
    r"|\*\*\w[^*\n]*\*\*|\]\((?:https?://|#)|^#{1,6} \S",  # Markdown
    re.M,
)
CONVERTED = {"html", "markdown", "epub", "pdf", "docx", "odt", "man", "info", "mail", "notebook"}
_BOILERPLATE = (
    (
        "licence",
        re.compile(
            r"permission is (?:hereby )?granted|licensed under|without (?:any )?warranty|all rights reserved"
            r"|copyright\s*(?:\(c\)|©|\d{4})|\(c\)\s*\d{4}|general public licen[cs]e|SPDX-License"
            r"|you can redistribute it|free software foundation",
            re.I,
        ),
    ),
    ("changelog", re.compile(r"^\s*--\s+\S.*<[^>\s]+@[^>\s]+>|^\S+ \([^)\s]+\) [\w/-]+(?: [\w/-]+)*; urgency=", re.M)),
    ("version", re.compile(r"^\W*(?:version|release|v)?\s*\d+(?:\.\d+)+\S*(?:\s+\(?[\w ,-]{0,30}\)?)?\W*$", re.I)),
    ("date", re.compile(r"^\W*(?:\d{4}-\d\d-\d\d|\w{3}, \d\d? \w{3} \d{4})\b[^.!?]{0,60}$")),
    ("url", re.compile(r"^\W*(?:https?://|www\.)\S+\W*$")),
)
# Headings a source declares: Markdown ATX lines, HTML h1-h6, a title underlined, a version line
_ATX = re.compile(r"^#{1,6}\s+\S", re.M)
_HTML_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_UNDERLINED = re.compile(r"^(\S[^\n]{1,78})\n([=~*^-])\2{2,}[ \t]*$", re.M)
_VERSION_LINE = re.compile(
    r"^(?:\S+ \([^)\s]+\) [\w/-]+(?: [\w/-]+)*; urgency=|\d{4}-\d\d-\d\d\s+\S"  # Debian and GNU changelogs
    r"|\*?\s*(?:noteworthy changes|changes|version|release)\b[^\n]{0,60}\d+\.\d+|v?\d+\.\d+(?:\.\d+)*\b[^\n]{0,40}$)",
    re.M | re.I,
)
_CODE = frozenset({".py", ".pyc", ".pyi", ".so", ".c", ".h", ".js", ".css", ".json", ".png", ".svg", ".gif", ".jpg"})
SMALL = 16384  # bytes: a file below this is not timed (start-up noise, not speed)


@dataclass
class Tally:
    files: int = 0
    failures: Counter = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    speeds: list[float] = field(default_factory=list)
    timed: list[tuple[float, str]] = field(default_factory=list)  # (seconds per MB, path)
    found: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def kind_of(path: Path, fmt: str) -> str:
    if path.parent.name == "common-licenses":
        return "licence"
    name = path.name
    for kind, pattern in _NAME_KINDS:
        if pattern.match(name):
            return kind
    return fmt


def files(paths: list[str], part: str | None, every: int) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        top = Path(name)
        if not top.is_dir():
            found.append(top)
            continue
        for path in sorted(p for p in top.rglob("*") if p.is_file() and not p.is_symlink() and _a_document(p)):
            key = path.relative_to(top).parts[0].lower()
            if part is None or (key[:1] <= "m") == (part == "dev"):
                found.append(path)
    return found[every - 1 :: every]


def _a_document(path: Path) -> bool:
    """A file the reader takes from a folder (by its suffix), or one named as documentation is
    (README, NEWS, copyright, changelog.gz, with no suffix or a .gz): source code and data are left out."""
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    if path.suffix in _CODE:
        return False
    return _readable_suffix(path.name) or "." not in name or kind_of(path, "") != ""


def source_text(path: Path) -> str:
    data = path.read_bytes()[: 4 << 20]
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)[: 4 << 20]
        except (OSError, EOFError):
            return ""
    return data.decode("utf-8", "replace")


def read_size(path: Path) -> int:
    """Bytes of the file as read: a gzipped file's once uncompressed (its compressed size made a log
    look three to four times slower per MB than it is)."""
    with open(path, "rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return path.stat().st_size
    try:
        with gzip.open(path, "rb") as handle:
            return sum(len(block) for block in iter(lambda: handle.read(1 << 20), b""))
    except (OSError, EOFError):
        return path.stat().st_size


def source_headings(path: Path, fmt: str) -> int:
    if fmt in ("pdf", "epub", "docx", "odt", "notebook", "mail", "man", "info"):
        return 0  # declared by the format itself: not counted here
    text = source_text(path)
    if fmt == "html":
        return len(_HTML_HEADING.findall(text))
    if fmt == "markdown":
        return len(_ATX.findall(re.sub(r"(?ms)^```.*?^```", "", text)))
    return len(_UNDERLINED.findall(text)) + len(_VERSION_LINE.findall(text)) + len(_ATX.findall(text))


def shown_markup(a: Analysis) -> str:
    """The first stretch of shown text holding control characters, or markup a converted format left."""
    text = a.text
    found = _CONTROL.search(text)
    if found:
        return repr(text[max(0, found.start() - 20) : found.end() + 20])
    if a.document.format not in CONVERTED:
        return ""
    code = [(b.start, b.end) for b in a.document.blocks if b.kind in ("preformatted", "table")]
    spans = [(s.start, s.end) for s in a.document.emphasis if s.kind == "code"] if a.document.emphasis else []
    for match in _MARKUP.finditer(text):
        at = match.start()
        if not any(start <= at < end for start, end in code + spans):
            return repr(text[max(0, at - 20) : match.end() + 20])
    return ""


def boilerplate(a: Analysis, kind: str) -> str:
    if not a.summary or not a.summary.selected:
        return ""
    first = a.sentence_text(a.summary.selected[0]).strip()
    for name, pattern in _BOILERPLATE:
        if name == "licence" and kind == "licence":
            continue  # a licence's summary is its terms
        if pattern.search(first):
            return f"{name}: {first[:100]}"
    return ""


def check(path: Path, tallies: dict[str, Tally]) -> None:
    started = time.process_time()  # CPU time: the machine is shared, wall time would measure the others
    try:
        document = load(str(path))
        a = analyze(document)
    except (LoadError, FormatError) as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        tally = tallies[kind_of(path, "unread")]
        tally.files += 1
        tally.failures[reason.split(": ")[-1][:80]] += 1
        return
    except Exception:  # noqa: BLE001 - a traceback is what the sweep looks for
        tally = tallies[kind_of(path, "unread")]
        tally.files += 1
        tally.tracebacks.append(f"{path}: {traceback.format_exc(limit=-2).strip().splitlines()[-1]}")
        return
    seconds = time.process_time() - started
    tally = tallies[kind_of(path, document.format)]
    tally.files += 1
    size = read_size(path)
    if size >= SMALL:
        tally.speeds.append(seconds / (size / 1e6))
        tally.timed.append((seconds / (size / 1e6), str(path)))
    markup = shown_markup(a)
    if markup:
        tally.found["markup"].append(f"{path}: {markup}")
    first = boilerplate(a, kind_of(path, document.format))
    if first:
        tally.found["boilerplate"].append(f"{path}: {first}")
    headings = sum(1 for s in a.sections if s.kind == "heading")
    declared = source_headings(path, document.format)
    if headings == 0 and declared >= 2:
        tally.found["no sections"].append(f"{path}: {declared} headings in the source")


def report(tallies: dict[str, Tally], show: int) -> None:
    print("| kind | files | failures | tracebacks | s/MB median | s/MB max | markup | boilerplate | no sections |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in sorted(tallies):
        t = tallies[kind]
        median = f"{statistics.median(t.speeds):.2f}" if t.speeds else "-"
        worst = f"{max(t.speeds):.2f}" if t.speeds else "-"
        counts = [len(t.found[k]) for k in ("markup", "boilerplate", "no sections")]
        print(
            f"| {kind} | {t.files} | {sum(t.failures.values())} | {len(t.tracebacks)} | {median} | {worst} | ", end=""
        )
        print(" | ".join(str(c) for c in counts) + " |")
    for kind in sorted(tallies):
        t = tallies[kind]
        lines = [f"  failure ({n}): {reason}" for reason, n in t.failures.most_common()]
        lines += [f"  traceback: {line}" for line in t.tracebacks[:show]]
        lines += [f"  slowest: {speed:.2f} s/MB {path}" for speed, path in sorted(t.timed, reverse=True)[:show]]
        for finding in ("markup", "boilerplate", "no sections"):
            lines += [f"  {finding}: {line}" for line in t.found[finding][:show]]
        if lines:
            print(f"\n{kind}:")
            print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--part", choices=("dev", "held"))
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    tallies: dict[str, Tally] = defaultdict(Tally)
    for path in files(args.paths, args.part, max(1, args.every)):
        check(path, tallies)
    report(tallies, args.show)


if __name__ == "__main__":
    main()
