"""How soon a book opens at its body, past its front matter, measured on a pseudo-terminal.

For each book: first paint (its licence header on screen), at body (the first chapter's first
words on screen: the analysis's first stage, the structure, has arrived) and analysed (the
summary in the status line: the whole analysis is done). The reader runs with --no-state.

    python scripts/bench_tui_body.py                # Moby-Dick and War and Peace (../shared/corpora)
    python scripts/bench_tui_body.py --runs 3 --size 80x24
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bench_tui import READER, Screen, _secs  # noqa: E402

GUTENBERG = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gutenberg"
BOOKS = [
    (GUTENBERG / "pg2701-moby-dick.txt", "The Project Gutenberg EBook", "Call me Ishmael"),
    (GUTENBERG / "pg2600-war-and-peace.txt", "The Project Gutenberg EBook", "BOOK ONE: 1805"),
]


def measure(path: Path, first: str, body: str, cols: int, rows: int, timeout: float) -> tuple:
    screen = Screen([str(READER), "--no-state", str(path)], cols, rows)
    try:
        paint = screen.wait_for(first, timeout)
        at_body = screen.wait_for(body, timeout)
        analysed = screen.wait_for("sent. (document)", timeout * 4)
    finally:
        screen.close()
    return paint, at_body, analysed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    for path, first, body in BOOKS:
        if not path.exists():
            print(f"{path.name}: not here, skipped")
            continue
        for run in range(args.runs):
            paint, at_body, analysed = measure(path, first, body, cols, rows, args.timeout)
            print(
                f"{path.name} at {cols}x{rows}, run {run + 1}: first paint {_secs(paint)}, "
                f"at its body {_secs(at_body)}, analysed {_secs(analysed)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
