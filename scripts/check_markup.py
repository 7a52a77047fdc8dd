"""Read AsciiDoc and Org files the way `reader` does and report what went wrong.

    python scripts/check_markup.py PATH... [--as asciidoc|org] [--half a-m|n-z]
    python scripts/check_markup.py --sniff PATH...
    python scripts/check_markup.py --hostile

PATH is a file or a folder (searched for .adoc, .asciidoc, .org and, with ``--as``, .txt and files
without a suffix). ``--half a-m`` keeps the files whose name starts with a to m, after a project prefix (``git-``,
``org-``, ``ob-``: ``git-log.txt`` goes by l; ``n-z``: the rest):
develop on one half, look at the other once, at the end. Prints the files read, failures, files
whose shown prose (code and tables aside) still holds markup (underline lines, block delimiters,
``[source``, ``::`` list syntax, ``link:``, ``<<``, ``#+``, ``:PROPERTIES:``, ``[[``), headings and code blocks found
against those counted in the source, and the median and slowest time per file.

``--hostile`` times both readers on generated hostile text (unclosed marks, macros, nested
delimiters, drawers, deep lists) at two sizes, four times apart: a linear reader grows about 4x.

``--sniff`` reads every file of the folders given (the corpora's plain texts) and prints how many
the content sniffer takes for AsciiDoc or Org: each is a false sniff.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Document

SUFFIXES = {".adoc": "asciidoc", ".asciidoc": "asciidoc", ".org": "org"}
LEFT = {
    "asciidoc": re.compile(
        r"^(?:[=\-~^+]{4,}|\.{4,}|_{4,}|\*{4,}|\|===|\[source[,\]]|\[(?:NOTE|TIP|WARNING|CAUTION|IMPORTANT|verse|quote)\]"
        r"|ifn?def::|include::|:[\w-]+:(?: |$))"
        r"|^\S[^\n]*?::$|\blink:\S+\[|<<[\w:.#-]+(?:,[^>]*)?>>|\[\[[\w:.-]+\]\]",
        re.M,
    ),
    "org": re.compile(
        r"^[ \t]*#\+|^[ \t]*:(?:PROPERTIES|END|LOGBOOK):[ \t]*$|\[\[[^\]\n]+\](?:\[[^\]\n]*\])?\]|^\*+ |"
        r"^[ \t]*(?-i:CLOSED|SCHEDULED|DEADLINE):",
        re.M | re.I,
    ),
}
HEADINGS = {
    "asciidoc": re.compile(r"^={1,6}[ \t]+\S|^[^\s\[./:|*-][^\n]*\n(?:={3,}|-{3,}|~{3,}|\^{3,}|\+{3,})[ \t]*$", re.M),
    "org": re.compile(r"^\*+[ \t]+\S", re.M),
}
CODE = {
    "asciidoc": re.compile(r"^(-{4,}|\.{4,})[ \t]*\n.*?^\1[ \t]*$", re.M | re.S),
    "org": re.compile(r"^[ \t]*#\+BEGIN_(?:SRC|EXAMPLE)\b", re.M | re.I),
}


def files(paths: list[str], as_format: str | None, half: str | None) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in candidates:
            fmt = SUFFIXES.get(p.suffix.lower()) or (as_format if p.suffix.lower() in (".txt", "") else None)
            if fmt is not None:
                found.append((p, fmt))
    if half is not None:
        found = [(p, f) for p, f in found if (split_key(p.name) <= "m") == (half == "a-m")]
    return sorted(set(found), key=lambda pf: (pf[0].name, str(pf[0])))


PREFIXES = ("git-", "git", "ob-doc-", "ob-", "ox-", "org-")  # a project's own prefix says nothing of the page


def split_key(name: str) -> str:
    """The letter a file's half goes by, after a project prefix: ``git-log.txt`` goes by l, ``ob-doc-R.org`` by r."""
    lower = name.lower()
    for prefix in PREFIXES:
        if lower.startswith(prefix) and len(lower) > len(prefix) + 4:
            return lower[len(prefix)]
    return lower[:1]


def source_counts(text: str, fmt: str) -> tuple[int, int]:
    """Headings and code blocks in the source; AsciiDoc's by a line scan that skips listings' contents."""
    if fmt != "asciidoc":
        return len(HEADINGS[fmt].findall(text)), len(CODE[fmt].findall(text))
    lines = text.split("\n")
    headings = code = 0
    inside = ""
    for n, line in enumerate(lines):
        line = line.rstrip()
        prev = lines[n - 1].rstrip() if n else ""
        underline = any(c.isalnum() for c in prev) and len(set(line)) == 1 and abs(len(line) - len(prev)) <= 2
        underline = underline and prev[0] not in " \t["
        if inside:
            inside = "" if line == inside else inside
            continue
        if len(line) >= 4 and set(line) in ({"-"}, {"."}) and not underline:
            inside, code = line, code + 1
        elif ONE_LINE.match(line) or (underline and line[0] in "=-~^+" and len(line) >= 2):
            headings += 1
    return headings, code


ONE_LINE = re.compile(r"(?:={1,6}|#{1,6})[ \t]+\S")


def prose_text(doc: Document) -> str:
    """The shown prose: code blocks, tables and inline code (``=#+TITLE:=`` shows its syntax on purpose) blanked."""
    chars = list(doc.text)
    for e in doc.emphasis:
        if e.kind == "code":
            chars[e.start : e.end] = " " * (e.end - e.start)
    text = "".join(chars)
    return "\n\n".join(text[b.start : b.end] for b in doc.blocks if b.kind not in ("preformatted", "table"))


def check(paths: list[tuple[Path, str]], verbose: bool) -> None:
    from includes_report import DIRECTIVES, Includes  # type: ignore[import-not-found]

    from reader.analysis import analyze
    from reader.load import LoadError, document_from_bytes, read_path

    times: list[float] = []
    failures: list[str] = []
    left: list[str] = []
    heading_pairs: list[tuple[int, int]] = []
    code_pairs: list[tuple[int, int]] = []
    included = Includes()
    for path, fmt in paths:
        data = path.read_bytes()
        began = time.perf_counter()
        try:
            doc = document_from_bytes(path.name, data, fmt)
            analyze(doc)
        except (LoadError, Exception) as exc:  # the check reports every failure, whatever its kind
            failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        times.append(time.perf_counter() - began)
        prose = prose_text(doc)
        shown = LEFT[fmt].findall(prose)
        if shown:
            left.append(f"{path.name}: {len(shown)} ({', '.join(sorted({s.strip()[:20] for s in shown})[:5])})")
        source = data.decode("utf-8", errors="replace")
        headings, code = source_counts(source, fmt)
        found_h = sum(1 for b in doc.blocks if b.kind == "heading")
        found_c = sum(1 for b in doc.blocks if b.kind == "preformatted")
        heading_pairs.append((found_h, headings))
        code_pairs.append((found_c, code))
        if verbose and (found_h != headings or shown):
            print(f"  {path.name}: headings {found_h}/{headings}, code {found_c}/{code}")
        if DIRECTIVES[fmt].search(source):  # read again as the loader reads it: the included files in
            merged = read_path(path, as_format=fmt)
            included.add(path, source, merged, fmt)
            shown = LEFT[fmt].findall(prose_text(merged))
            if shown:
                marks = ", ".join(sorted({s.strip()[:20] for s in shown})[:5])
                left.append(f"{path.name} with its includes: {len(shown)} ({marks})")
    report(len(paths), times, failures, left, heading_pairs, code_pairs)
    included.report()


def report(
    total: int,
    times: list[float],
    failures: list[str],
    left: list[str],
    headings: list[tuple[int, int]],
    code: list[tuple[int, int]],
) -> None:
    print(f"files read: {len(times)} of {total}")
    print(f"failures: {len(failures)}")
    for line in failures[:20]:
        print("  " + line)
    print(f"files whose shown text holds markup: {len(left)}")
    for line in left[:20]:
        print("  " + line)
    same = sum(1 for a, b in headings if a == b)
    print(
        f"headings found / in the source: {sum(a for a, _ in headings)} / {sum(b for _, b in headings)}"
        f" ({same} of {len(headings)} files equal)"
    )
    print(
        f"code blocks found / delimited in the source: {sum(a for a, _ in code)} / {sum(b for _, b in code)}"
        " (found also counts indented literals and verse)"
    )
    if times:
        print(f"time per file (read and analyze): median {statistics.median(times):.3f} s, max {max(times):.3f} s")


def sniff(paths: list[str]) -> None:
    from reader.formats import detect_format

    counts: dict[str, int] = {}
    false: list[str] = []
    total = 0
    for raw in paths:
        root = Path(raw)
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if not path.is_file() or path.suffix.lower() not in (".txt", ".text", ""):
                continue
            total += 1
            fmt = detect_format(path.name, path.read_bytes()[:65536])
            counts[fmt] = counts.get(fmt, 0) + 1
            if fmt in ("asciidoc", "org"):
                false.append(f"{path}: {fmt}")
    print(f"files: {total}; detected: {dict(sorted(counts.items()))}")
    print(f"sniffed as AsciiDoc or Org: {len(false)}")
    for line in false[:20]:
        print("  " + line)


HOSTILE = {
    "stars": "*a " * 100000,
    "underscores": "_a " * 100000,
    "backticks": "`a " * 100000,
    "apostrophes": "'a " * 100000,
    "xrefs": "<<a " * 80000,
    "anchors": "[[a " * 80000,
    "braces": "{a " * 100000,
    "macros": "link:a " * 50000,
    "footnotes": "footnote:[a " * 30000,
    "org footnotes": "[fn::a " * 40000,
    "urls": "https://a[ " * 30000,
    "curved quotes": '"`a ' * 80000,
    "title of spaces": "== a" + " " * 300000 + "b",
    "delimiters": "\n".join(["----", "x"] * 50000),
    "list lines": "\n".join(["* a", "** b", ". c", "a:: b"] * 30000),
    "continuations": "\n".join(["* a", "+"] * 60000),
    "nested delimiters": "\n".join("=" * (4 + k % 50) for k in range(20000)),
    "drawers": "\n".join([":LOGBOOK:", "x"] * 60000),
    "property drawers": "\n".join(["* h", ":PROPERTIES:"] * 50000),
    "begin lines": "\n".join(["#+begin_quote"] * 50000 + ["#+end_quote"] * 10),
    "indented items": "\n".join(" " * (k % 40) + "- a :: b" for k in range(60000)),
}


def hostile() -> None:
    from reader.formats import asciidoc, org
    from reader.model import Document

    for name, source in HOSTILE.items():
        cells = []
        for part in (4, 1):
            text = source[: len(source) // part]
            times = []
            for reader in (asciidoc, org):
                began = time.perf_counter()
                reader.parse(Document("hostile", text))
                times.append(time.perf_counter() - began)
            cells.append(f"{len(text) // 1000:5} KB: AsciiDoc {times[0]:5.2f} s, Org {times[1]:5.2f} s")
        print(f"{name:18} {' | '.join(cells)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--as", dest="as_format", choices=("asciidoc", "org"))
    parser.add_argument("--half", choices=("a-m", "n-z"))
    parser.add_argument("--sniff", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return 0
    if args.sniff:
        sniff(args.paths)
        return 0
    found = files(args.paths, args.as_format, args.half)
    if not found:
        print("no AsciiDoc or Org files found", file=sys.stderr)
        return 1
    check(found, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
