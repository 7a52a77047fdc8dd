"""reStructuredText pages as a reader meets them: read each one and count what is left of RST's syntax.

For the pages given (``.rst``, ``.rest``, ``.rst.txt``; a folder is searched for them), print

- how many were read, and the failures by their one-line reason;
- pages whose shown prose (code and tables aside) still holds RST syntax: adornment lines,
  ``.. `` directive or comment lines, ``::`` at a paragraph's end, inline roles ``:x:`...```,
  inline literal quotes ````` `` `````, reference ends `` `_ ``;
- headings found against the section titles counted in the source by docutils' rule (a line under
  or between adornment lines at least as long as it, outside indented blocks);
- code blocks found against those counted in the source (``code-block``/``code``/``sourcecode``
  directives, ``::`` before an indented block, doctest blocks);
- the median and largest time to read a page (load and parse).

Names decide the split used while developing: ``--split dev`` takes file names starting a-m,
``--split held`` n-z, ``all`` both.

    python scripts/check_rst.py [--split dev|held|all] [--show N] PATH ...
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from includes_report import Includes  # type: ignore[import-not-found]  # noqa: E402

from reader.load import LoadError, load  # noqa: E402

_SYNTAX = {
    "adornment line": re.compile(r"^([=\-~^\"'`#*+_.:])\1{3,}$", re.M),
    ".. directive": re.compile(r"^\.\. ", re.M),
    ":: at end": re.compile(r"::$"),
    ":role:`": re.compile(r":[\w.+-]+:`"),
    "``": re.compile(r"``"),
    "`_": re.compile(r"`__?(?!\w)"),
}
_PROSE = ("paragraph", "heading", "list_item", "block_quote")
_ADORN = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_CODE_DIRECTIVE = re.compile(r"^\s*\.\. +(?:code-block|code|sourcecode|parsed-literal)::", re.M)


def pages(paths: list[str], split: str) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        found.extend(f for f in files if f.is_file() and f.name.lower().endswith((".rst", ".rest", ".rst.txt")))
    return [f for f in found if split == "all" or (f.name[:1].lower() <= "m") == (split == "dev")]


def _adornment(line: str) -> bool:
    line = line.rstrip()
    return len(line) >= 2 and line[0] in _ADORN and line.count(line[0]) == len(line)


def count_titles(source: str) -> int:
    """Section titles by docutils' rule, counted apart from the reader's own code."""
    lines = source.expandtabs(8).split("\n")
    count, i = 0, 0
    while i + 1 < len(lines):
        line, under = lines[i], lines[i + 1]
        before_blank = i == 0 or not lines[i - 1].strip()
        if _adornment(line) and i + 2 < len(lines) and lines[i + 2].rstrip() == line.rstrip() and lines[i + 1].strip():
            count, i = count + 1, i + 3
            continue
        text = line.strip()
        plain = text and line[:1] != " " and not _adornment(line) and not text.startswith(".. ")
        if plain and before_blank and _adornment(under) and len(under.rstrip()) >= min(len(text), 4):
            count, i = count + 1, i + 2
            continue
        i += 1
    return count


def count_code(source: str) -> int:
    """Code blocks by the source's markup: code directives, ``::`` before an indented block, doctests."""
    lines = source.expandtabs(8).split("\n")
    count = len(_CODE_DIRECTIVE.findall(source))
    literal = -1  # the indent of the line opening the literal block we are in (-1: none)
    for i, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped and indent <= literal:
            literal = -1
        if literal >= 0:
            continue  # a ">>>" inside a literal block is part of that block
        if stripped.endswith("::") and not stripped.startswith(".."):
            nxt = next((other for other in lines[i + 1 :] if other.strip()), "")
            count += len(nxt) - len(nxt.lstrip()) > indent
            literal = indent
        elif _CODE_DIRECTIVE.match(line):
            literal = indent
        elif stripped.startswith(">>>") and (i == 0 or not lines[i - 1].strip()):
            count += 1
    return count


def syntax_left(doc: object) -> Counter[str]:
    text = list(doc.text)  # type: ignore[attr-defined]
    for span in doc.emphasis:  # type: ignore[attr-defined]
        if span.kind == "code":  # a literal may show RST syntax on purpose: ``:func:`x```
            text[span.start : span.end] = " " * (span.end - span.start)
    found: Counter[str] = Counter()
    for block in doc.blocks:  # type: ignore[attr-defined]
        if block.kind not in _PROSE:
            continue
        piece = "".join(text[block.start : block.end])
        for name, pattern in _SYNTAX.items():
            found[name] += len(pattern.findall(piece))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--show", type=int, default=3, help="examples shown for each kind of syntax left")
    parser.add_argument("--big", type=float, metavar="MB", help="also time one page of MB made of the pages, repeated")
    args = parser.parse_args(argv)
    files = pages(args.paths, args.split)
    if args.big:
        time_big(files, args.big)
    failures: Counter[str] = Counter()
    left_files: dict[str, list[str]] = {}
    times: list[float] = []
    empty = 0
    heads = [0, 0, 0]  # found, counted, pages where they differ
    code = [0, 0, 0]
    included = Includes()
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        try:
            doc = load(str(path))
        except LoadError as exc:
            failures[str(exc).split(": ", 2)[-1]] += 1
            continue
        except Exception as exc:  # a bug in the reader: counted by its kind, never stopping the run
            failures[f"{type(exc).__name__}: {exc}"[:100]] += 1
            continue
        times.append(time.perf_counter() - started)
        if not doc.text.strip():
            empty += 1
            continue
        if doc.format != "rst":
            failures[f"read as {doc.format}"] += 1
        for name, n in syntax_left(doc).items():
            if n:
                left_files.setdefault(name, []).append(f"{path} ({n})")
        alone = included.add(path, source, doc, "rst")  # the source's own counts: without included files
        tally(heads, sum(1 for b in alone.blocks if b.kind == "heading"), count_titles(source))
        tally(code, sum(1 for b in alone.blocks if b.kind == "preformatted"), count_code(source))
    _report(len(files), failures, left_files, heads, code, times, args.show)
    included.report(args.show)
    print(f"empty pages (nothing but build directives or comments): {empty}")
    return 0


def time_big(files: list[Path], megabytes: float) -> None:
    """Read one long page made of the pages given (repeated to size): wall and CPU time, best of 3."""
    from reader.load import document_from_bytes

    pieces = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    size = int(megabytes * 1_000_000)
    text, total = [], 0
    while pieces and total < size:
        for piece in pieces:
            text.append(piece)
            total += len(piece) + 2
            if total >= size:
                break
    data = "\n\n".join(text).encode("utf-8")
    best = (float("inf"), float("inf"))
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        doc = document_from_bytes("big.rst", data)
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    print(f"one page of {len(data) / 1e6:.1f} MB ({len(doc.blocks)} blocks): {best[0]:.2f} s wall, {best[1]:.2f} s CPU")


def tally(into: list[int], found: int, counted: int) -> None:
    into[0] += found
    into[1] += counted
    into[2] += found != counted


def _report(
    total: int,
    failures: Counter[str],
    left: dict[str, list[str]],
    heads: list[int],
    code: list[int],
    times: list[float],
    show: int,
) -> None:
    print(f"files: {total}, read: {len(times)}, failures: {sum(failures.values())}")
    for reason, n in failures.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"pages with RST syntax left in their prose: {len({f for v in left.values() for f in v})}")
    for name, found in sorted(left.items()):
        print(f"  {name}: {len(found)} pages")
        for example in found[:show]:
            print(f"      {example}")
    print(f"headings found {heads[0]}, section titles in the source {heads[1]}, pages differing {heads[2]}")
    print(f"code blocks found {code[0]}, counted in the source {code[1]}, pages differing {code[2]}")
    if times:
        print(f"time per page: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
