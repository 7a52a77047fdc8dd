"""Read Jupyter notebooks and OpenDocument texts the way `reader` does and report what went wrong.

    python scripts/check_notebooks.py PATH... [--half odd|even]

PATH is a file or a folder (searched for .ipynb, .odt, .fodt). ``--half odd`` keeps the files at
odd positions of the sorted list (1st, 3rd, ...): develop on one half, look at the other at the end.
Prints the files read, failures by reason, format syntax left in the text (JSON keys, ODF tags),
escape sequences in the text, headings found against headings in the source, and time per file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

SUFFIXES = (".ipynb", ".odt", ".fodt")
LEFT_SYNTAX = re.compile(r'"cell_type"|"source":|"outputs":|<text:|<office:|<table:')
ESCAPES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S|^ {0,3}<h[1-6]\b", re.M | re.I)
FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.M | re.S)


def files(paths: list[str], half: str | None) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
    found = sorted(set(found), key=lambda p: (p.name, str(p)))
    if half == "odd":
        return found[0::2]
    if half == "even":
        return found[1::2]
    return found


def source_headings(path: Path, data: bytes) -> int | None:
    """Headings the source declares: Markdown heading lines of notebook cells, text:h of an ODT."""
    try:
        if path.suffix.lower() == ".ipynb":
            return _notebook_headings(json.loads(data))
        xml = data if not data.startswith(b"PK") else zipfile.ZipFile(path).read("content.xml")
        return len(re.findall(rb"<text:h[\s>]", xml))
    except (ValueError, KeyError, zipfile.BadZipFile, RecursionError, AttributeError, TypeError):
        return None


def _notebook_headings(notebook: dict) -> int:
    cells = notebook.get("cells")
    if cells is None:
        cells = [c for sheet in notebook.get("worksheets", []) for c in sheet.get("cells", [])]
    count = 0
    for cell in cells:
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if cell.get("cell_type") == "markdown":
            count += len(MD_HEADING.findall(FENCE.sub("", source)))
        elif cell.get("cell_type") == "heading":
            count += 1
    return count


def check(path: Path) -> tuple[dict, str | None]:
    from reader.analysis import analyze
    from reader.load import LoadError, load

    data = path.read_bytes()
    started = time.perf_counter()
    try:
        analysis = analyze(load(str(path)))
    except LoadError as exc:
        return {"seconds": time.perf_counter() - started}, exc.reason
    seconds = time.perf_counter() - started
    doc = analysis.document
    return {
        "seconds": seconds,
        "format": doc.format,
        "blocks": len(doc.blocks),
        "sentences": len(analysis.sentences),
        "left": len(LEFT_SYNTAX.findall(doc.text)),
        "escapes": len(ESCAPES.findall(doc.text.replace("\t", ""))),
        "headings": sum(1 for b in doc.blocks if b.kind == "heading"),
        "source_headings": source_headings(path, data),
        "title": analysis.title,
    }, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--half", choices=("odd", "even"))
    args = parser.parse_args(argv)
    paths = files(args.paths, args.half)
    failures: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    times = []
    print(f"{'file':40} {'fmt':8} {'blocks':>6} {'sents':>5} {'head':>9} {'left':>4} {'esc':>4} {'s':>6}")
    for path in paths:
        result, error = check(path)
        times.append(result["seconds"])
        if error is not None:
            failures[re.sub(r"\d+", "N", error)] += 1
            print(f"{path.name[:40]:40} FAILED: {error}")
            continue
        heads = f"{result['headings']}/{result['source_headings']}"
        totals.update({k: result[k] for k in ("left", "escapes", "blocks", "sentences")})
        totals["heading_mismatch"] += result["headings"] != result["source_headings"]
        print(
            f"{path.name[:40]:40} {result['format']:8} {result['blocks']:6} {result['sentences']:5} {heads:>9} "
            f"{result['left']:4} {result['escapes']:4} {result['seconds']:6.3f}"
        )
    read = len(paths) - sum(failures.values())
    print(f"\nfiles: {len(paths)}, read: {read}, failed: {sum(failures.values())}")
    for reason, count in failures.most_common():
        print(f"  {count} × {reason}")
    print(f"format syntax left in text: {totals['left']}; escapes in text: {totals['escapes']}")
    print(f"files whose heading count differs from the source's: {totals['heading_mismatch']}")
    if times:
        ordered = sorted(times)
        print(f"time per file: median {ordered[len(ordered) // 2]:.3f} s, max {ordered[-1]:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
