"""Benchmark the reading core: cold start on the seed, and segmenting War and Peace.

    python scripts/bench_core.py                    # prints figures for the README
    python scripts/bench_core.py --books DIR --runs 9   # other books (default ../shared/corpora/gutenberg)

Cold start runs `reader analyze seeds/... --format json` in fresh interpreters
(wall time, best and median of 5). The book is loaded and segmented in a child
process so its peak memory is its own (scripts/fresh_process.py).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from fresh_process import cold_starts, segment_in_child

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "reader" / "seeds" / "000_49030be50a1044d2.txt"
BOOKS = REPO.parent / "shared" / "corpora" / "gutenberg"


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
        times = cold_starts(args, options.runs)
        print(f"seed, cold start, {label}: best {min(times):.2f} s, median {statistics.median(times):.2f} s")
    for book in sorted(books.glob("*.txt")) if books.exists() else []:
        t = time.perf_counter()
        f = segment_in_child(book)
        print(
            f"{book.name}: {f['chars'] / 1e6:.2f} MB text: load {f['load']:.2f} s, segment {f['segment']:.2f} s, "
            f"{f['sections']} sections, {f['paragraphs']} paragraphs, {f['sentences']} sentences, "
            f"peak {f['peak_mb']:.0f} MB (wall {time.perf_counter() - t:.2f} s)"
        )
    if not books.exists():
        print(f"{books} not found: book figures skipped")


if __name__ == "__main__":
    main()
