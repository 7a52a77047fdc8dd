"""Time participants and quotes on a long book (default: War and Peace, 3.4 MB).

    python scripts/bench_participants.py [PATH]
    python scripts/bench_participants.py --families

Prints the time to load the name tagger's weights, to segment (not counted in the goal), to
find participants and to find quotes (wall clock and CPU time), and the number of each.
Goal: participants + quotes under 5 s for War and Peace.

``--against DIR [--runs N]``: this tree and another copy of the project (an older commit, e.g.
``git archive COMMIT | tar -x -C DIR``) timed alternately in fresh processes, N runs each, so
both meet the same load on a shared machine: CPU time of participants + quotes, best and
median, and the ratio of the medians.

``--families``: hostile inputs at 64 KB, 256 KB and 1 MB, each as one long line read as a
single sentence (the worst case for these stages), with the growth from 256 KB to 1 MB
(linear is 4x).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/gutenberg/pg2600-war-and-peace.txt"


FAMILIES = {
    "unclosed quotes": 'He said "hello there and more words ',
    "minified JSON": '{"Name":"Alice Smith","City":"Paris","Note":"said \\"x\\""},',
    "names on one line": "Vladimir Voronkov of the United Nations met Natalya Gherman in Tashkent, ",
    "punctuation": "!?\"'“”«»(),.;:",
    "capitalised words": "Alpha Beta Gamma Delta ",
    "quote per line": '"a\n',
    "single quotes": "‘a ",
}


def one_sentence(text: str):
    from reader.model import Analysis, Document, Paragraph, Section, Sentence

    n = len(text)
    return Analysis(
        document=Document("bench", text),
        title="",
        sections=[Section("", 1, "topic", 0, n)],
        paragraphs=[Paragraph(0, n)],
        sentences=[Sentence(0, n, 0, 0)],
    )


def families() -> int:
    from reader.text import gazetteer, participants, quotes

    gazetteer.preload()
    print(f"{'family':<20}{'64 KB':>9}{'256 KB':>9}{'1 MB':>9}{'growth':>8}  (participants + quotes, s)")
    for name, unit in FAMILIES.items():
        times = []
        for kb in (64, 256, 1024):
            analysis = one_sentence((unit * (kb * 1024 // len(unit) + 1))[: kb * 1024])
            t0 = time.perf_counter()
            analysis.participants = participants.find(analysis)
            analysis.quotes = quotes.find(analysis)
            times.append(time.perf_counter() - t0)
        print(f"{name:<20}{times[0]:9.2f}{times[1]:9.2f}{times[2]:9.2f}{times[2] / max(times[1], 1e-9):7.1f}x")
    return 0


# One timing in a fresh process, on the tree that PYTHONPATH names: "CPU participants quotes".
_CHILD = """
import sys, time
from reader.load import load
from reader.text import gazetteer, participants, quotes, tagger
from reader.text.structure import segment
gazetteer.preload(); tagger.model()
analysis = segment(load(sys.argv[1]))
c0 = time.process_time()
analysis.participants = participants.find(analysis)
c1 = time.process_time()
analysis.quotes = quotes.find(analysis)
c2 = time.process_time()
print(c2 - c0, len(analysis.participants), len(analysis.quotes))
"""


def against(other: Path, runs: int, path: Path) -> int:
    trees = {"this tree": Path(__file__).resolve().parents[1], str(other): other.resolve()}
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():  # alternately: both meet the same neighbours
            env = {**os.environ, "PYTHONPATH": str(tree)}
            run = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path.resolve())],
                cwd=tree.parent,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            cpu, people, said = run.stdout.split()
            times[name].append(float(cpu))
            print(f"{name:<24}{float(cpu):6.2f} s CPU  ({people} participants, {said} quotes)", flush=True)
    for name, values in times.items():
        print(f"{name:<24}best {min(values):.2f} s, median {statistics.median(values):.2f} s CPU over {runs} runs")
    mine, theirs = (statistics.median(v) for v in times.values())
    print(f"ratio (this tree / {other}): {mine / theirs:.2f}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--families"]:
        return families()
    if argv[:1] == ["--against"] and len(argv) >= 2:
        runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
        return against(Path(argv[1]), runs, DEFAULT)
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"bench_participants: {path}: not found", file=sys.stderr)
        return 1
    from reader.load import load
    from reader.text import gazetteer, participants, quotes, tagger
    from reader.text.structure import segment

    t0 = time.perf_counter()
    gazetteer.preload()
    t1 = time.perf_counter()
    weights = tagger.model()  # loaded once per process, on the first document with participants
    t_model = time.perf_counter() - t1
    t1 = time.perf_counter()
    analysis = segment(load(str(path)))
    t2, c2 = time.perf_counter(), time.process_time()
    analysis.participants = participants.find(analysis)
    t3, c3 = time.perf_counter(), time.process_time()
    analysis.quotes = quotes.find(analysis)
    t4, c4 = time.perf_counter(), time.process_time()
    kinds = {}
    for p in analysis.participants:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"{path.name}: {len(analysis.text):,} characters, {len(analysis.sentences):,} sentences")
    print(f"word lists     {t1 - t0 - t_model:6.2f} s (cached after the first run)")
    size = len(weights.index) if weights else 0
    print(f"name tagger    {t_model * 1000:6.0f} ms to load its weights ({size:,} features; once per process)")
    print(f"segment        {t2 - t1:6.2f} s")
    print(f"participants   {t3 - t2:6.2f} s  ({c3 - c2:.2f} s CPU)  {len(analysis.participants):,} ({kinds})")
    print(f"quotes         {t4 - t3:6.2f} s  ({c4 - c3:.2f} s CPU)  {len(analysis.quotes):,}")
    # CPU time as well: on a shared machine the wall clock measures the neighbours too
    print(f"participants + quotes: {t4 - t2:.2f} s, {c4 - c2:.2f} s CPU (goal: under 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
