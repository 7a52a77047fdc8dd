"""Benchmark the reading core: cold start on the seed, and segmenting War and Peace.

    python scripts/bench_core.py            # prints figures for the README

Cold start runs `reader analyze seeds/... --format json` in fresh interpreters
(wall time, best and median of 5). The book is loaded and segmented in a child
process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

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
    for label, args in [
        ("analyze --format json (full analysis)", ["analyze", str(SEED), "--format", "json"]),
        ("outline (structure only)", ["outline", str(SEED)]),
    ]:
        times = cold_start(args)
        print(f"seed, cold start, {label}: best {min(times):.2f} s, median {statistics.median(times):.2f} s")
    for book in sorted(BOOKS.glob("*.txt")) if BOOKS.exists() else []:
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(book)], capture_output=True, text=True, cwd=REPO)
        print(f"{book.name}: {out.stdout.strip() or out.stderr.strip()} (wall {time.perf_counter() - t:.2f} s)")
    if not BOOKS.exists():
        print("corpora not found: book figures skipped")


if __name__ == "__main__":
    main()
