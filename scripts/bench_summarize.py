"""Speed of the summary rankers: sumy 0.13 and ours on the same text, then whole books end to end.

    python scripts/bench_summarize.py [--sizes 25000,50000,100000] [--books] [--algorithms lexrank,textrank,lsa]
    python scripts/bench_summarize.py --families [--algorithms reader,lexrank,...]

Part 1 ranks the same prefixes of Pride and Prejudice with sumy's own code and
with ours (both from the same sentences and words) and prints the time ratio and
whether the top 10 agree (sumy's algorithms only). Part 2 (--books) runs `reader summarize`
on whole novels in a fresh process each: wall time (load, segment, rank, print) and peak memory;
`--books --sizes "" --algorithms reader` times only the books.
--families times the rankers alone (segmentation not counted) on generated hostile
text at 64 KB, 256 KB and 1 MB: a small vocabulary, CSV rows, zero-width and bidi
marks, with the growth from 256 KB to 1 MB (4x the text: about 4 when linear).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GUTENBERG = ROOT.parent / "shared" / "corpora" / "gutenberg"
NOVEL = GUTENBERG / "pg1342-pride-and-prejudice.txt"
BOOKS = ("pg1342-pride-and-prejudice.txt", "pg2600-war-and-peace.txt")

_CHILD = """
import resource, sys, time
start = time.perf_counter()
from reader.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{time.perf_counter() - start:.2f} {peak:.0f}", file=sys.stderr)
sys.exit(code)
"""


def prefix_source(size: int):
    from reader.analysis import analyze
    from reader.load import document_from_bytes
    from reader.summarize import source_of

    a = analyze(document_from_bytes("prefix", NOVEL.read_bytes()[:size]), summary=False, participants=False)
    return lambda: source_of(a, list(range(len(a.sentences))))


def timed(function, *args):
    start = time.perf_counter()
    out = function(*args)
    return time.perf_counter() - start, np.asarray(out)


SUMY = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction")


def compare(sizes: list[int], names: list[str]) -> None:
    import warnings

    from reader.summarize import ALGORITHMS, sumy_bridge

    warnings.filterwarnings("ignore")  # sumy's LSA warns on short texts
    warm = prefix_source(3000)
    for name in names:  # imports and caches out of the timings
        sumy_bridge.reference(warm(), name)
        ALGORITHMS[name].rank(warm())
    print("| prefix | sentences | algorithm | sumy s | ours s | speed-up | same top 10 |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        fresh = prefix_source(size)
        for name in names:
            theirs_s, theirs = timed(sumy_bridge.reference, fresh(), name)
            ours_s, ours = timed(ALGORITHMS[name].rank, fresh())  # includes our word pass
            same = set(np.argsort(-ours, kind="stable")[:10]) == set(np.argsort(-theirs, kind="stable")[:10])
            print(
                f"| {size // 1000} KB | {len(ours)} | {name} | {theirs_s:.2f} | {ours_s:.3f} | "
                f"{theirs_s / max(ours_s, 1e-9):.0f}x | {'yes' if same else 'no'} |",
                flush=True,
            )


def books(names: list[str]) -> None:
    print()
    print("| book | algorithm | wall s (end to end) | peak MB |")
    print("|---|---|---|---|")
    for book in BOOKS:
        path = GUTENBERG / book
        if not path.exists():
            continue
        for name in names:
            run = subprocess.run(
                [sys.executable, "-c", _CHILD, "summarize", str(path), "--algorithm", name],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            wall, peak = run.stderr.split()[-2:]
            print(f"| {book} | {name} | {wall} | {peak} |", flush=True)


def _prose_of(words: list[str], size: int, seed: int, mark=lambda w: w) -> str:
    import random

    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        line = " ".join(mark(rng.choice(words)) for _ in range(rng.randint(6, 14))).capitalize() + ". "
        parts.append(line + ("\n\n" if rng.random() < 0.2 else ""))
        n += len(parts[-1])
    return "".join(parts)[:size]


def _csv_of(size: int) -> str:
    lines = ["id,name,city,amount"] + [f"{k},name{k % 50},city{k % 20},{k * 37 % 999}" for k in range(1, size // 12)]
    return "\n".join(lines)[:size]


FAMILIES = {
    "small vocabulary": lambda size: _prose_of("the cat sat on a mat and dog ran to big red house".split(), size, 1),
    "csv rows": _csv_of,
    "zero-width and bidi": lambda size: _prose_of(
        "alpha beta gamma delta epsilon zeta eta theta".split(), size, 3, lambda w: w[:2] + "\u200b" + w[2:] + "\u200f"
    ),
}


def families(names: list[str]) -> None:
    from reader.analysis import analyze
    from reader.load import document_from_bytes
    from reader.summarize import summarize

    print("| family | algorithm | 64 KB s | 256 KB s | 1 MB s | 256 KB -> 1 MB |")
    print("|---|---|---|---|---|---|")
    for family, make in FAMILIES.items():
        docs = [document_from_bytes(family, make(size).encode()) for size in (64_000, 256_000, 1_000_000)]
        analyses = [analyze(d, summary=False, participants=False) for d in docs]
        for name in names:
            times = [timed(summarize, a, name)[0] for a in analyses]
            growth = times[2] / max(times[1], 1e-3)
            cells = " | ".join(f"{t:.2f}" for t in times)
            print(f"| {family} | {name} | {cells} | {growth:.1f}x |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="25000,50000,100000", help="prefix sizes in bytes")
    parser.add_argument("--algorithms", default="lexrank,textrank,lsa")
    parser.add_argument("--books", action="store_true", help="also time whole novels end to end")
    parser.add_argument("--families", action="store_true", help="only time the rankers on generated hostile text")
    args = parser.parse_args(argv)
    if args.families:
        families(args.algorithms.split(","))
        return 0
    if not NOVEL.exists():
        print(f"corpus not found: {NOVEL}", file=sys.stderr)
        return 1
    names = args.algorithms.split(",")
    # only sumy's own algorithms have a reference to compare with ("reader" and "lead" are ours alone)
    compare([int(s) for s in args.sizes.split(",") if s], [n for n in names if n in SUMY])
    if args.books:
        books(list(dict.fromkeys(["reader", *names])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
