"""How well LaTeX sources read: failures, LaTeX syntax left in the shown prose, headings and code blocks
found against the sectioning commands and code environments in the source, and the time each file takes.

    python scripts/check_latex.py PATH... [--split a-m|n-z] [--show N]
    python scripts/check_latex.py PATH... --join-mb 2   # one document of the files' bodies, 2 MB: time to read

PATH: .tex files or folders of them (searched recursively). ``--split`` keeps the files whose name
starts with a letter in that range (develop on one part, report the other). Math keeps its source
(``x^2``), so inline math, code blocks and tables are left out of the syntax count.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from includes_report import Includes  # type: ignore[import-not-found]

from reader.load import decode, load, normalise_newlines

LEFT = {
    "command": re.compile(r"\\[A-Za-z]{2,}"),
    "begin": re.compile(r"\\begin\{"),
    "braces": re.compile(r"\{\}|\{\{|\}\}"),
    "comment line": re.compile(r"(?m)^%"),
    "column marks": re.compile(r"(?m)^[^\n]* & [^\n]* & "),  # one " & " is an escaped \& in a title
}
SECTIONING = re.compile(
    r"(?m)^[^%\n]*?\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*[\[{]"
)
CODE_ENVS = re.compile(r"(?m)^[^%\n]*?\\begin\{(?:verbatim\*?|Verbatim|lstlisting|minted)\}")


def files(paths: list[str], split: str | None) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found += sorted(path.rglob("*.tex")) if path.is_dir() else [path]
    if split:
        low, high = split.lower().split("-")
        found = [p for p in found if low <= p.name[:1].lower() <= high]
    return found


def merged(path: Path, source: str) -> str:
    """The source with the files it includes read in, as the reader reads it (for the math spans)."""
    from reader.load import max_bytes
    from reader.model import Document

    try:
        from reader.formats.includes import reading
        from reader.formats.latex import with_includes
    except ImportError:  # a reader from before includes were read: the source alone
        return source

    with reading(path, max_bytes()):
        return with_includes(Document(str(path), source))[0]


def prose(doc, source: str) -> str:  # type: ignore[no-untyped-def]
    """The shown text without code, tables and inline math (math keeps its source)."""
    from reader.formats.latex import math_spans
    from reader.model import Document

    spans = [(b.start, b.end) for b in doc.blocks if b.kind in ("preformatted", "table")]
    spans += [(e.start, e.end) for e in doc.emphasis if e.kind == "code"]
    spans += math_spans(Document(doc.source, source))
    chars = list(doc.text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--split", help="keep file names starting in this letter range, e.g. a-m")
    parser.add_argument("--show", type=int, default=5, help="list this many files with syntax left")
    parser.add_argument("--join-mb", type=float, help="time one document made of the files' bodies, this many MB")
    parser.add_argument("--hostile", action="store_true", help="time include loops and runaway macros, two sizes")
    args = parser.parse_args()
    if args.hostile:
        return hostile()
    paths = files(args.paths, args.split)
    if args.join_mb:
        return joined(paths, args.join_mb)
    failures: Counter[str] = Counter()
    left: Counter[str] = Counter()
    dirty: list[tuple[int, str, str]] = []
    times: list[float] = []
    headings = sections = code = code_envs = 0
    included = Includes()
    for path in paths:
        source = path.read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        try:
            doc = load(str(path))
        except Exception as error:  # noqa: BLE001 - the point is to count every kind of failure
            failures[type(error).__name__] += 1
            continue
        times.append(time.perf_counter() - started)
        text = prose(doc, merged(path, normalise_newlines(decode(path.read_bytes())[0]).lstrip("\ufeff")))
        hits = {kind: len(pattern.findall(text)) for kind, pattern in LEFT.items()}
        left.update({k: v for k, v in hits.items() if v})
        if sum(hits.values()):
            first = next(m.group() for p in LEFT.values() for m in [p.search(text)] if m)
            dirty.append((sum(hits.values()), path.name, first))
        alone = included.add(path, source, doc, "latex")  # the source's own counts: without included files
        headings += sum(1 for b in alone.blocks if b.kind == "heading" and b.level and b.start > 0)
        sections += len(SECTIONING.findall(source))
        code += sum(1 for b in alone.blocks if b.kind == "preformatted" and b.language != "latex")  # latex: math
        code_envs += len(CODE_ENVS.findall(source))
    print(f"files read: {len(times)} of {len(paths)}")
    print("failures: " + (", ".join(f"{k} {v}" for k, v in failures.items()) or "none"))
    print(f"files with LaTeX syntax left in prose: {len(dirty)}; hits by kind: {dict(left) or 'none'}")
    for count, name, example in sorted(dirty, reverse=True)[: args.show]:
        print(f"  {count:5d}  {name}  e.g. {example!r}")
    print(f"headings found {headings} / sectioning commands in the source {sections}")
    print(f"code blocks found {code} / code environments in the source {code_envs}")
    included.report(args.show)
    frames(paths)
    if times:
        print(f"time per file: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.0f} ms")
    return 1 if failures else 0


FRAME_TITLES = re.compile(
    r"(?m)^[^%\n]*?(?:\\begin\{frame\}(?:<[^>\n]*>)?(?:\[[^\]\n]*\])?\s*\{|\\frametitle\s*(?:<[^>\n]*>)?\{)"
)
BEAMER_CLASS = re.compile(r"(?:\s*%[^\n]*\n)*\s*\\documentclass\s*(?:\[[^\]]*\])?\s*\{\w*beamer\w*\}")
OVERLAY_LEFT = re.compile(r"<(?:\d+-?\d*|\+-?|\.-?)(?:,\d+-?\d*)*>|\\pause\b")


def frames(paths: list[Path]) -> None:
    """Beamer slides: frame titles found as headings against those in the source, and overlay marks shown."""
    titled = found = marks = slides = 0
    for path in paths:
        source = path.read_text(encoding="utf-8", errors="replace")
        if not BEAMER_CLASS.match(source):  # slides open with it; a manual about beamer shows frames as examples
            continue
        try:
            doc = load(str(path))
        except Exception:  # noqa: BLE001 - counted as failures above
            continue
        slides += 1
        whole = merged(path, source)
        titled += len(FRAME_TITLES.findall(whole))
        shown = sum(1 for b in doc.blocks if b.kind == "heading") - len(SECTIONING.findall(whole))
        found += shown - bool("title" in doc.metadata and re.search(r"\\(?:titlepage|maketitle)\b", whole))
        marks += len(OVERLAY_LEFT.findall(prose(doc, whole)))
    if slides:
        print(
            f"slides: {slides} files; frame titles in the source {titled}, frame headings shown {found} (headings"
            f" less sectioning commands and the title); overlay marks shown {marks} (a manual quoting them counts)"
        )


def hostile() -> int:
    """Include loops and runaway macros at n and 4n: each reads to its end, a linear reader about 4x slower."""
    import tempfile

    macros = "\\newcommand{\\self}[1]{\\self{#1}}\\newcommand{\\wrap}[1]{[#1]}\\newcommand{\\dbl}[1]{#1#1}\n"
    cases = {
        "macro expanding to itself, {n} uses": lambda n: "\\self{kept} " * n,
        "{n} nested uses": lambda n: "\\wrap{" * n + "core" + "}" * n,
        "{n} nested doubling uses": lambda n: "\\dbl{" * n + "z" + "}" * n,
        "{n} unclosed uses": lambda n: "\\wrap{" * n,
    }
    with tempfile.TemporaryDirectory() as folder:
        for n in (2_500, 10_000):
            for name, make in cases.items():
                path = Path(folder) / "hostile.tex"
                path.write_text(
                    f"\\documentclass{{article}}\n{macros}\\begin{{document}}\n{make(n)}\n\\end{{document}}\n"
                )
                started = time.perf_counter()
                doc = load(str(path))
                seconds = time.perf_counter() - started
                print(f"{name.format(n=n):40} {seconds:6.2f} s, {len(doc.text):,} chars")
            loop = Path(folder)
            for k in range(n // 100):  # a ring of files, each including the next and itself
                (loop / f"r{k}.tex").write_text(f"Ring {k}.\n\\input{{r{(k + 1) % (n // 100)}}}\n\\input{{r{k}}}\n")
            top = loop / "top.tex"
            top.write_text("\\documentclass{article}\n\\begin{document}\n\\input{r0}\n\\end{document}\n")
            started = time.perf_counter()
            doc = load(str(top))
            ring = f"include ring of {n // 100} files"
            print(f"{ring:40} {time.perf_counter() - started:6.2f} s, {len(doc.text):,} chars")
    return 0


def joined(paths: list[Path], megabytes: float) -> int:
    """Read one long document (the bodies one after another, of the files that read to their end alone:
    an unclosed verbatim would swallow the rest) three times: wall and CPU seconds."""
    from reader.formats.latex import parse
    from reader.model import Document

    bodies: list[str] = []
    size = 0
    for path in paths:
        found = re.search(r"\\begin\{document\}(.*)\\end\{document\}", path.read_text("utf-8", "replace"), re.S)
        clean = found and not any("without" in note for note in parse(Document(path.name, found.group(0))).notes)
        if found and clean and size < megabytes * 1e6:
            bodies.append(found.group(1))
            size += len(found.group(1))
    source = "\\documentclass{article}\n\\begin{document}\n" + "\n".join(bodies) + "\n\\end{document}\n"
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        doc = parse(Document("joined.tex", source))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size_mb = len(source) / 1e6
        print(
            f"{size_mb:.2f} MB from {len(bodies)} files: {wall:.2f} s wall, {cpu:.2f} s CPU, {len(doc.blocks)} blocks"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
