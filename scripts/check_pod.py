"""Perl's POD pages as a reader meets them: read each one and count what is left of POD's syntax.

    python scripts/check_pod.py [--split dev|held|all] [--show N] PATH ...
    python scripts/check_pod.py --big MB PATH ...
    python scripts/check_pod.py --hostile
    python scripts/check_pod.py --sniff PATH ...

PATH is a file or a folder, searched for ``.pod`` files and for ``.pm``/``.pl`` files holding POD (a
``=head1`` line). The split goes by the file's name, after a ``perl`` prefix (``perlfunc.pod`` goes by
f, ``Cookbook.pod`` by c): ``dev`` takes a-m, ``held`` n-z. For each split it prints the files read,
failures (and files not read as POD), headings found against the ``=head`` lines of the source, code
blocks found against the runs of verbatim paragraphs counted in the source (by a line scan of its
own), files whose shown prose (code aside) still holds POD syntax (``B<``, ``E<``, ``=item``...), and
the median and largest time to read a file.

``--summaries`` (with ``--every N``: every Nth file) also analyses each page and counts where its top
summary sentence stands: under NAME or DESCRIPTION (the page's own summary), under SYNOPSIS, elsewhere.

``--big MB`` times one page of that size made of the pages given, and one four times larger;
``--hostile`` times generated hostile text (unclosed ``C<<<``, 10,000 nested codes, lone brackets) at
two sizes four times apart: a linear reader grows about 4x. ``--sniff`` reads every ``.txt``, ``.md``,
``.rst`` or suffix-less file of the folders given and prints how many the content sniffer takes for POD:
each is a false sniff.
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

from reader.load import LoadError, document_from_bytes  # noqa: E402
from reader.model import Document  # noqa: E402
from scripts.check_rst import tally  # noqa: E402

_HEAD = re.compile(r"^=head[1-6](?:\s|$)", re.M)
_HAS_POD = re.compile(rb"^=head1\b", re.M)
_SYNTAX = {
    "formatting code": re.compile(r"\b[BICLEFSXZ]<"),
    "command line": re.compile(r"^=(?:head\d|over|item|back|cut|pod|begin|end|for|encoding)\b", re.M),
}
_PROSE = ("paragraph", "heading", "list_item", "block_quote")


def pages(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if not f.is_file():
                continue
            suffix = f.suffix.lower()
            if suffix == ".pod" or suffix in (".pm", ".pl") and _HAS_POD.search(f.read_bytes()):
                found.append(f)
    return found


def split_key(name: str) -> str:
    """The letter a page's split goes by: ``perlfunc.pod`` by f (the core pages all start with perl)."""
    lower = name.lower()
    if lower.startswith("perl") and len(lower) > 8:
        lower = lower[4:]
    return lower[:1]


def in_split(path: Path, split: str) -> bool:
    return split == "all" or (split_key(path.name) <= "m") == (split == "dev")


def source_counts(source: str) -> tuple[int, int]:
    """``=head`` lines and runs of verbatim paragraphs inside POD, outside ``=begin`` regions of other
    formats (``=begin html``, ``=begin _private``), by a line scan of its own."""
    runs = heads = 0
    in_pod = skipping = previous_verbatim = False
    blank = True
    for line in source.split("\n"):
        if line.startswith("="):
            word = line[1:].split(maxsplit=1)[0] if line[1:].strip() else ""
            in_pod = word != "cut"
            if word == "begin":
                skipping = "text" not in line.lower()
            elif word == "end":
                skipping = False
            heads += bool(_HEAD.match(line)) and in_pod and not skipping
            previous_verbatim, blank = False, False
            continue
        if not in_pod or skipping:
            continue
        if not line.strip():
            blank = True
            continue
        if blank:
            verbatim = line[:1] in (" ", "\t")
            runs += verbatim and not previous_verbatim
            previous_verbatim = verbatim
        blank = False
    return heads, runs


def syntax_left(doc: Document) -> Counter[str]:
    chars = list(doc.text)
    for span in doc.emphasis:
        if span.kind == "code":  # inline code may show POD on purpose: C<< B<text> >>
            chars[span.start : span.end] = " " * (span.end - span.start)
    text = "".join(chars)
    found: Counter[str] = Counter()
    for block in doc.blocks:
        if block.kind in _PROSE:
            for name, pattern in _SYNTAX.items():
                found[name] += len(pattern.findall(text, block.start, block.end))
    return found


def summary_place(doc: Document) -> str:
    """The top-level section the first-ranked summary sentence stands in: NAME, DESCRIPTION, SYNOPSIS, other."""
    from reader.analysis import analyze

    analysis = analyze(doc, participants=False)
    if analysis.summary is None or not analysis.summary.ranking:
        return "no summary"
    at = analysis.sentences[analysis.summary.ranking[0].sentence].start
    top = ""
    for block in doc.blocks:
        if block.start > at:
            break
        if block.kind == "heading" and block.level == 1:
            top = doc.text[block.start : block.end].upper()
    return top if top in ("NAME", "DESCRIPTION", "SYNOPSIS") else "other"


def check(files: list[Path], show: int, summaries: bool = False) -> None:
    failures: Counter[str] = Counter()
    left: dict[str, list[str]] = {}
    times: list[float] = []
    heads = [0, 0, 0]  # found, in the source, files differing
    code = [0, 0, 0]
    places: Counter[str] = Counter()
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        try:
            doc = document_from_bytes(str(path), data)
        except LoadError as exc:
            failures[str(exc).split(": ", 1)[-1]] += 1
            continue
        except Exception as exc:  # a bug in the reader: counted by its kind, never stopping the run
            failures[f"{type(exc).__name__}: {exc}"[:100]] += 1
            continue
        times.append(time.perf_counter() - started)
        if doc.format != "pod":
            failures[f"read as {doc.format}"] += 1
            continue
        for name, n in syntax_left(doc).items():
            if n:
                left.setdefault(name, []).append(f"{path.name} ({n})")
        counted_heads, counted_code = source_counts(doc_source(data))
        tally(heads, sum(1 for b in doc.blocks if b.kind == "heading"), counted_heads)
        tally(code, sum(1 for b in doc.blocks if b.kind == "preformatted"), counted_code)
        if summaries:
            places[summary_place(doc)] += 1
    report(len(files), failures, left, heads, code, times, show)
    if places:
        print(f"  top summary sentence under: {dict(places.most_common())}")


def doc_source(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


def report(
    total: int,
    failures: Counter[str],
    left: dict[str, list[str]],
    heads: list[int],
    code: list[int],
    times: list[float],
    show: int,
) -> None:
    print(f"  files: {total}, read: {len(times)}, failures: {sum(failures.values())}")
    for reason, n in failures.most_common():
        print(f"    {n:5d}  {reason}")
    print(f"  files with POD syntax left in their prose: {len({f for v in left.values() for f in v})}")
    for name, found in sorted(left.items()):
        print(f"    {name}: {len(found)} files: {', '.join(found[:show])}")
    print(f"  headings found {heads[0]}, =head lines in the source {heads[1]}, files differing {heads[2]}")
    print(f"  code blocks found {code[0]}, verbatim runs in the source {code[1]}, files differing {code[2]}")
    if times:
        print(f"  time per file: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


def joined(files: list[Path], size: int) -> bytes:
    pieces = [f.read_bytes() for f in files if f.suffix == ".pod"]
    out, total = [], 0
    while pieces and total < size:
        for piece in pieces:
            out.append(piece)
            total += len(piece) + 2
            if total >= size:
                break
    return b"\n\n".join(out)


def best_time(name: str, data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        document_from_bytes(name, data)
        best = min(best, time.process_time() - started)
    return best


def big(files: list[Path], megabytes: float) -> None:
    for factor in (1, 4):
        data = joined(files, int(megabytes * factor * 1_000_000))
        print(f"one page of {len(data) / 1e6:.1f} MB: {best_time('big.pod', data):.2f} s CPU (best of 3)")


HOSTILE = {
    "unclosed C<<<": "C<<< a " * 40000,
    "nested B<I<": "B<I<" * 20000 + "x" + ">>" * 20000,
    "nested, unclosed": "B<I<" * 40000,
    "lone brackets": "a > b >> c < d E< " * 20000,
    "links": "L<a|b/c " * 30000,
    "items": "\n\n".join(["=over", "=item x", "text"] * 20000),
    "verbatim": "\n\n".join(["  code", "text"] * 40000),
}


def hostile() -> None:
    for name, body in HOSTILE.items():
        cells = []
        for part in (4, 1):
            text = "=head1 Hostile\n\n" + body[: len(body) // part] + "\n"
            seconds = best_time("hostile.pod", text.encode("utf-8"))
            cells.append(f"{len(text) // 1000:5} KB {seconds:6.3f} s")
        print(f"{name:18} {' | '.join(cells)}", flush=True)


def sniff(paths: list[str]) -> None:
    from reader.formats import detect_format

    counts: Counter[str] = Counter()
    false: list[str] = []
    for raw in paths:
        root = Path(raw)
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if not path.is_file() or path.suffix.lower() not in (".txt", ".text", ".md", ".rst", ""):
                continue
            fmt = detect_format(path.name, path.read_bytes()[:65536])
            counts[fmt] += 1
            if fmt == "pod":
                false.append(str(path))
    print(f"files: {sum(counts.values())}; detected: {dict(sorted(counts.items()))}")
    print(f"sniffed as POD: {len(false)}")
    for line in false[:20]:
        print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--show", type=int, default=3, help="examples shown for each kind of syntax left")
    parser.add_argument("--big", type=float, metavar="MB", help="time one page of MB made of the pages, and 4x")
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--sniff", action="store_true")
    parser.add_argument("--summaries", action="store_true", help="also say where each top summary sentence stands")
    parser.add_argument("--every", type=int, default=1, metavar="N", help="every Nth file only")
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return 0
    if args.sniff:
        sniff(args.paths)
        return 0
    files = pages(args.paths)
    if args.big:
        big(files, args.big)
        return 0
    for split in ("dev", "held") if args.split == "all" else (args.split,):
        chosen = [f for f in files if in_split(f, split)][:: args.every]
        print(f"{split} ({'a-m' if split == 'dev' else 'n-z'} by name, {len(chosen)} files)")
        check(chosen, args.show, args.summaries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
