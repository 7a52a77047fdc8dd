"""Growth of the analysis on change logs: a log of 1x and of 4x the size, built from real logs, timed per stage.

The files given (change logs, NEWS files; gzipped or not) are read in the order given and joined
(a blank line between two) until the text holds 4x ``--mb`` megabytes; the 1x text is its first
quarter, cut at a line's end. Each size is analysed in a fresh process, as ``reader analyze`` does
(load, segment, participants and quotes, summary), after a warm-up on the first 20 KB so that
imports are not timed. CPU seconds per MB are printed for each stage, and the 4x/1x ratio of the
total: about 4 when the time grows linearly with the text.

    python scripts/bench_changelogs.py [--mb 0.5] [--runs 1] FILE...
    python scripts/bench_changelogs.py --mb 1 /usr/share/doc/*/changelog.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FACTOR = 4

_CHILD = """
import json, sys, time
from reader.load import load
from reader.text.structure import segment
from reader.analysis import _add_participants, _add_summary

def stages(path):
    clock = time.process_time
    t0 = clock(); doc = load(path); t1 = clock(); a = segment(doc); t2 = clock()
    _add_participants(a); t3 = clock(); _add_summary(a, None, {}); t4 = clock()
    return {"load": t1 - t0, "segment": t2 - t1, "participants": t3 - t2, "summary": t4 - t3,
            "chars": len(doc.text), "sections": len(a.sections), "sentences": len(a.sentences)}

stages(sys.argv[2])  # warm-up: imports and caches
print(json.dumps(stages(sys.argv[1])))
"""
STAGES = ("load", "segment", "participants", "summary")


def read(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def build(paths: list[Path], size: int) -> str:
    """The logs joined until ``size`` characters, cut at the end of a line."""
    parts: list[str] = []
    total = 0
    for path in paths:
        if total >= size:
            break
        text = read(path).strip("\n") + "\n\n"
        parts.append(text)
        total += len(text)
    joined = "".join(parts)
    if len(joined) < size:
        sys.exit(f"bench_changelogs: the files give {len(joined) / 1e6:.2f} MB, {size / 1e6:.2f} MB asked")
    return joined[: joined.rfind("\n", 0, size) + 1]


def measure(path: Path, warm: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(warm)], capture_output=True, text=True, cwd=REPO, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--mb", type=float, default=0.5, help="size of the 1x log in MB (default 0.5)")
    parser.add_argument("--runs", type=int, default=1, help="runs per size; the fastest is kept")
    args = parser.parse_args()
    big = build(args.paths, int(args.mb * 1e6 * FACTOR))
    small = big[: big.rfind("\n", 0, len(big) // FACTOR) + 1]
    totals = []
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder, "warm.txt")
        warm.write_text(small[: small.rfind("\n", 0, 20000) + 1], encoding="utf-8")
        print(f"| size | MB | sections | sentences | {' | '.join(STAGES)} | total s/MB | CPU s |")
        print("|---|---|---|---|" + "---|" * len(STAGES) + "---|---|")
        for name, text in (("1x", small), (f"{FACTOR}x", big)):
            path = Path(folder, f"log-{name}.txt")
            path.write_text(text, encoding="utf-8")
            runs = [measure(path, warm) for _ in range(max(1, args.runs))]
            best = min(runs, key=lambda r: sum(r[s] for s in STAGES))
            mb = best["chars"] / 1e6
            seconds = sum(best[s] for s in STAGES)
            totals.append(seconds)
            cells = " | ".join(f"{best[s] / mb:.2f}" for s in STAGES)
            print(
                f"| {name} | {mb:.2f} | {best['sections']} | {best['sentences']} | {cells} | {seconds / mb:.2f} | "
                f"{seconds:.2f} |"
            )
    print(f"\ngrowth: {FACTOR}x the text takes {totals[1] / totals[0]:.2f}x the time (linear: {FACTOR})")


if __name__ == "__main__":
    main()
