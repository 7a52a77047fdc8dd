"""Benchmark the reading core: cold start on the seed, and segmenting War and Peace.

    python scripts/bench_core.py                    # prints figures for the README
    python scripts/bench_core.py --books DIR --runs 9   # other books (default ../shared/corpora/gutenberg)

Cold start runs `reader analyze seeds/... --format json` in fresh interpreters
(wall time, best and median of 5). The book is loaded and segmented in a child
process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "reader" / "seeds" / "000_49030be50a1044d2.txt"
BOOKS = REPO.parent / "shared" / "corpora" / "gutenberg"

CHILD = """
import resource, sys, time
t0 = time.perf_counter()
from reader.load import load
from reader.text.structure import segment
doc = load(sys.argv[1])
t1 = time.perf_counter()
a = segment(doc)
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{len(doc.text)/1e6:.2f} MB text: load {t1-t0:.2f} s, segment {t2-t1:.2f} s, "
      f"{len(a.sections)} sections, {len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences, peak {rss:.0f} MB")
"""


def cold_start(args: list[str], runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, check=True, cwd=REPO)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the reading core.")
    parser.add_argument("--books", type=Path, default=BOOKS, help="a folder of .txt books to segment")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per command")
    options = parser.parse_args()
    books = options.books
    for label, args in [
        ("analyze --format json (full analysis)", ["analyze", str(SEED), "--format", "json"]),
        ("outline (structure only)", ["outline", str(SEED)]),
    ]:
        times = cold_start(args, options.runs)
        print(f"seed, cold start, {label}: best {min(times):.2f} s, median {statistics.median(times):.2f} s")
    for book in sorted(books.glob("*.txt")) if books.exists() else []:
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(book)], capture_output=True, text=True, cwd=REPO)
        print(f"{book.name}: {out.stdout.strip() or out.stderr.strip()} (wall {time.perf_counter() - t:.2f} s)")
    if not books.exists():
        print(f"{books} not found: book figures skipped")


if __name__ == "__main__":
    main()
