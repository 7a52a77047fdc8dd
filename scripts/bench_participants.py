"""Time participants and quotes on a long book (default: War and Peace, 3.4 MB).

    python scripts/bench_participants.py [PATH]

Prints the time to segment (not counted in the goal), to find participants and to find
quotes, and the number of each. Goal: participants + quotes under 5 s for War and Peace.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/gutenberg/pg2600-war-and-peace.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"bench_participants: {path}: not found", file=sys.stderr)
        return 1
    from reader.load import load
    from reader.text import gazetteer, participants, quotes
    from reader.text.structure import segment

    t0 = time.perf_counter()
    gazetteer.preload()
    t1 = time.perf_counter()
    analysis = segment(load(str(path)))
    t2 = time.perf_counter()
    analysis.participants = participants.find(analysis)
    t3 = time.perf_counter()
    analysis.quotes = quotes.find(analysis)
    t4 = time.perf_counter()
    kinds = {}
    for p in analysis.participants:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"{path.name}: {len(analysis.text):,} characters, {len(analysis.sentences):,} sentences")
    print(f"word lists     {t1 - t0:6.2f} s (cached after the first run)")
    print(f"segment        {t2 - t1:6.2f} s")
    print(f"participants   {t3 - t2:6.2f} s  {len(analysis.participants):,} ({kinds})")
    print(f"quotes         {t4 - t3:6.2f} s  {len(analysis.quotes):,}")
    print(f"participants + quotes: {t4 - t2:.2f} s (goal: under 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
