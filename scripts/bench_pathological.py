#!/usr/bin/env python3
"""Time and memory of `reader outline|summarize|analyze|quotes` on hostile and unusual texts.

Each family of text is generated at 64 KB, 256 KB and 1 MB and every command runs on it
in a fresh process (wall time; the peak RSS that process reports). Figures are
compared with ordinary prose of the same size (the text of Pride and Prejudice from
../shared/corpora/gutenberg, repeated to size; generated prose when it is absent):

    ratio  = time of the family / time of the prose, at each size      (bound: 5x; the worst is shown last)
    growth = time at 1 MB / time at 256 KB                            (bound: about 4.5x)

    python scripts/bench_pathological.py                      # every family, every size
    python scripts/bench_pathological.py --families dots,srt --commands outline --timeout 30
    python scripts/bench_pathological.py --runs 3             # best of 3 a cell (a busy machine)
    python scripts/bench_pathological.py --clock cpu          # CPU seconds (user + system), not wall
    python scripts/bench_pathological.py --formats            # every format x hostile family, 1x and 4x
    python scripts/bench_pathological.py --formats html,mail --hostile nesting,long-line --base 256K

--formats writes each hostile family (scripts/hostile_formats.py: unclosed constructs, deep
nesting, one long line, tiny paragraphs, headings, runs of markup, list items, quotes, runs of
`[(*_`\\<{:=`, control characters, mixed line endings, a BOM inside lines, invalid UTF-8) in
each format's own markup, at a base size (1x, default 64K) and 4x, and times `reader analyze
--format json --as FORMAT` (the whole pipeline: reading, segmentation, participants, quotes,
summary) in CPU seconds inside one fresh process per format and family, after a small
document of that format has warmed its imports. The ratio 4x / 1x is about 4 for linear work;
above 5 is a defect (OVER), and so is a traceback (FAULT: the one-line error that names an
exception type). A bad-input error (`reader: PATH: ...`, exit 1) is allowed and shown as `err`.

A run that passes the timeout is killed and shown as ">TIMEOUT". The SRT family at
1 MB holds about 14,000 cues (5,000 at about 370 KB); the transcript family about
48,000 short turns (10,000 at about 220 KB).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from fresh_process import command_in_child
from hostile_formats import FAMILIES as HOSTILE
from hostile_formats import KITS, build, reading_format

REPO = Path(__file__).resolve().parents[1]
PROSE = REPO.parent / "shared" / "corpora" / "gutenberg" / "pg1342-pride-and-prejudice.txt"
SIZES = {"64K": 64 * 1024, "256K": 256 * 1024, "1M": 1024 * 1024}
COMMANDS = ("outline", "summarize", "analyze", "quotes")
RATIO_BOUND = 5.0
GROWTH_BOUND = 4.5
WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will "
    "river market council winter letter garden engine village doctor answer morning window"
).split()


def _fill(unit: Callable[[random.Random], str], size: int) -> str:
    """Repeat ``unit`` (drawn with a fixed seed) until ``size`` characters, cut at size."""
    rng = random.Random(size)
    parts: list[str] = []
    total = 0
    while total < size:
        piece = unit(rng)
        parts.append(piece)
        total += len(piece)
    return "".join(parts)[:size]


def _sentence(rng: random.Random, vocabulary: list[str] = WORDS) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 18))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def generated_prose(size: int) -> str:
    def paragraph(rng: random.Random) -> str:
        lines = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
        return _wrap(lines) + "\n\n"

    return _fill(paragraph, size)


def _wrap(text: str, width: int = 72) -> str:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)


def prose(size: int) -> str:
    if not PROSE.exists():
        return generated_prose(size)
    book = PROSE.read_text(encoding="utf-8")
    start = book.find("\n", book.find("*** START")) + 1
    end = book.find("*** END")
    book = book[start : end if end > start else len(book)]  # the novel, without the licence
    return (book * (size // len(book) + 1))[:size]


def _small_vocabulary(rng: random.Random) -> str:
    vocabulary = ["cat", "dog", "sat", "ran", "mat", "big", "red", "the", "a", "on"]
    return _wrap(" ".join(_sentence(rng, vocabulary) for _ in range(5))) + "\n\n"


def _heading_lines(rng: random.Random) -> str:
    n = rng.randint(1, 999)
    return rng.choice([f"## Heading number {n}\n\n", f"SECTION {n} OVERVIEW\n\n", f"{n}.{n % 9}. Topic Title {n}\n\n"])


def _csv_row(rng: random.Random) -> str:
    return f'{rng.randint(1, 10**6)},{rng.choice(WORDS)},{rng.random():.4f},"{rng.choice(WORDS)} {rng.choice(WORDS)}"\n'


def _marked(rng: random.Random) -> str:
    marks = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff"
    sentence = _sentence(rng)
    return "".join(c + (rng.choice(marks) if rng.random() < 0.3 else "") for c in sentence) + " "


def _repeated(rng: random.Random) -> str:
    return rng.choice(["a", "!", "?", ".", ",", "-", "'", "*", "_", "=", "#", " .", "ab"]) * rng.randint(50, 5000) + " "


def _unbalanced(rng: random.Random) -> str:
    return rng.choice(["(", "[", "{", "<b>", "<i ", "**", "_", "`", "\u201c", "(("]) + rng.choice(WORDS) + " "


def _minified_json(size: int) -> str:
    rng = random.Random(size)
    items = []
    total = 0
    while total < size:
        item = {"id": rng.randint(1, 10**6), "name": rng.choice(WORDS), "tags": [rng.choice(WORDS) for _ in range(3)]}
        items.append(item)
        total += len(json.dumps(item, separators=(",", ":"))) + 1
    return json.dumps(items, separators=(",", ":"))[:size]


def _srt(size: int) -> str:
    rng = random.Random(size)
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        t = n * 2
        cue = (
            f"{n}\n00:{t // 3600 % 60:02d}:{t // 60 % 60:02d},{t % 60:03d} --> "
            f"00:{t // 3600 % 60:02d}:{t // 60 % 60:02d},{(t + 1) % 60:03d}\n{_sentence(rng)[:40]}\n\n"
        )
        parts.append(cue)
        total += len(cue)
    return "".join(parts)[:size]


def _turn(rng: random.Random) -> str:
    speaker = rng.choice(["Project Manager", "Marketing", "Grad C", "Anna", "PhD B"])
    return f"{speaker}: {rng.choice(['Yeah', 'Okay', 'Mm-hmm', 'So the remote', 'Right'])} {rng.choice(WORDS)}\n"


FAMILIES: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "." * n,
    "equals-lines": lambda n: _fill(lambda r: "= " * 1000 + "\n", n),
    "hash-markers": lambda n: _fill(lambda r: "# " * r.randint(1, 400) + "\n", n),
    "unclosed-quotes": lambda n: _fill(lambda r: f'"{r.choice(WORDS)} {r.choice(WORDS)} ', n),
    "minified-json": _minified_json,
    "small-vocabulary": lambda n: _fill(_small_vocabulary, n),
    "heading-lines": lambda n: _fill(_heading_lines, n),
    "csv-rows": lambda n: _fill(_csv_row, n),
    "zero-width-bidi": lambda n: _fill(_marked, n),
    "long-line": lambda n: _fill(lambda r: _sentence(r) + " ", n),
    "repeated-chars": lambda n: _fill(_repeated, n),
    "unbalanced": lambda n: _fill(_unbalanced, n),
    "one-word-paragraphs": lambda n: _fill(lambda r: r.choice(WORDS) + "\n\n", n),
    "srt": _srt,
    "transcript": lambda n: _fill(_turn, n),
}


CLOCK = "wall"  # or "cpu" (--clock): the seconds shown and judged


def run(command: str, path: Path, timeout: float, runs: int = 1) -> tuple[float | None, float]:
    """(best seconds of ``runs`` on CLOCK, or None on timeout; peak RSS in MB) of
    `reader COMMAND PATH`, each run in a fresh process."""
    best: tuple[float | None, float] = (None, 0.0)
    for _ in range(runs):
        done = command_in_child([command, str(path)], path.with_suffix(".peak"), timeout)
        seconds = done.cpu if CLOCK == "cpu" else done.wall
        if seconds is None:
            return None, 0.0
        if best[0] is None or seconds < best[0]:
            best = (seconds, done.peak_mb)
    return best


def _fmt(seconds: float | None) -> str:
    return ">TIMEOUT" if seconds is None else f"{seconds:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated names")
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--sizes", default=",".join(SIZES), help="of 64K, 256K, 1M")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--runs", type=int, default=1, help="runs per cell, the best counts (a shared machine)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="cpu: user + system seconds")
    parser.add_argument("--formats", nargs="?", const=",".join(KITS), help="format x hostile family table")
    parser.add_argument("--hostile", default=",".join(HOSTILE), help="hostile families for --formats")
    parser.add_argument("--base", default="64K", help="the 1x size for --formats (64K, 256K, 1M, 5M)")
    args = parser.parse_args()
    if args.formats:
        formats_table(args.formats.split(","), args.hostile.split(","), _size(args.base), args.timeout)
        return
    global CLOCK
    CLOCK = args.clock
    print(f"seconds: {CLOCK}, best of {args.runs}")
    commands = args.commands.split(",")
    sizes = args.sizes.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        base: dict[tuple[str, str], float | None] = {}
        for size in sizes:
            prose_path = Path(tmp) / f"prose-{size}.txt"
            prose_path.write_text(prose(SIZES[size]), encoding="utf-8")
            for command in commands:
                base[command, size], rss = run(command, prose_path, args.timeout, args.runs)
                print(f"prose {size} {command}: {_fmt(base[command, size])} s, peak {rss:.0f} MB", flush=True)
        print(f"\n{'family':20} {'command':10} " + " ".join(f"{s:>22}" for s in sizes) + "    ratio  growth")
        for family in args.families.split(","):
            _bench_family(family, commands, sizes, base, Path(tmp), args)


def _bench_family(
    family: str,
    commands: list[str],
    sizes: list[str],
    base: dict[tuple[str, str], float | None],
    tmp: Path,
    args: argparse.Namespace,
) -> None:
    paths = {}
    for size in sizes:
        paths[size] = tmp / f"{family}-{size}.txt"
        paths[size].write_text(FAMILIES[family](SIZES[size]), encoding="utf-8")
    for command in commands:
        times: dict[str, float | None] = {}
        ratios: dict[str, float | None] = {}
        cells = []
        for size in sizes:
            times[size], rss = run(command, paths[size], args.timeout, args.runs)
            ratios[size] = _ratio(times[size], base[command, size])
            ratio_text = f"{ratios[size]:4.1f}x" if ratios[size] is not None else "    -"
            cells.append(f"{_fmt(times[size]):>8}s {rss:4.0f}MB {ratio_text}")
        print(f"{family:20} {command:10} " + " ".join(f"{c:>22}" for c in cells) + _judge(times, ratios))
        sys.stdout.flush()


def _ratio(seconds: float | None, prose_seconds: float | None) -> float | None:
    return seconds / prose_seconds if seconds is not None and prose_seconds else None


def _judge(times: dict[str, float | None], ratios: dict[str, float | None]) -> str:
    """The worst ratio to prose over the sizes, the growth from 256 KB to 1 MB, and OVER past a bound."""
    big, mid = times.get("1M"), times.get("256K")
    growth = big / mid if big is not None and mid else None
    known = [r for r in ratios.values() if r is not None]
    worst = max(known) if known else None
    timed_out = any(t is None for t in times.values())
    over = timed_out or (worst or 0) > RATIO_BOUND or (growth or 0) > GROWTH_BOUND * 1.1
    ratio_text = f"{worst:6.2f}x" if worst is not None else "      -"
    growth_text = f"{growth:6.2f}x" if growth is not None else "      -"
    return f"  {ratio_text} {growth_text}" + ("  OVER" if over else "")


# Time `reader analyze --format json --as FORMAT PATH` for each path after a warm-up document;
# one JSON line per path on stdout: CPU and wall seconds, the exit code, the first error line.
_TIMED = """
import contextlib, io, json, os, sys, time
from reader.cli import main
fmt, paths = sys.argv[1], sys.argv[2:]
def once(path):
    err, code = io.StringIO(), 0
    cpu, wall = time.process_time(), time.perf_counter()
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), contextlib.redirect_stderr(err):
        try:
            code = main(["analyze", "--format", "json", "--as", fmt, path]) or 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException as exc:
            code, err = -1, io.StringIO("Traceback: " + type(exc).__name__ + ": " + str(exc)[:200])
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall, "code": code,
            "error": (err.getvalue().strip().splitlines() or [""])[0][:300]}
once(paths[0])
for path in paths[1:]:
    print(json.dumps(once(path)), flush=True)
"""


def _size(text: str) -> int:
    units = {"K": 1024, "M": 1024 * 1024}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def formats_table(formats: list[str], families: list[str], base: int, timeout: float) -> None:
    """Print format x family: CPU seconds at 1x and 4x, the ratio, and OVER / FAULT / err."""
    import subprocess

    print(f"CPU seconds of `reader analyze --format json`, 1x = {base // 1024} KB, 4x = {4 * base // 1024} KB")
    print(f"{'format':11} {'family':16} {'1x':>8} {'4x':>8} {'ratio':>6}  verdict")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            warm = Path(tmp) / f"warm{KITS[fmt].suffix}"
            warm.write_bytes(build(fmt, "list-items", 2000))
            for family in families:
                paths = [str(warm)]
                for scale in (1, 4):
                    path = Path(tmp) / f"{family}-{scale}x{KITS[fmt].suffix}"
                    path.write_bytes(build(fmt, family, base * scale))
                    paths.append(str(path))
                try:
                    done = subprocess.run(
                        [sys.executable, "-c", _TIMED, reading_format(fmt), *paths],
                        capture_output=True,
                        text=True,
                        timeout=timeout,
                        cwd=REPO,
                    )
                    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
                except subprocess.TimeoutExpired as late:
                    out = late.stdout.decode() if isinstance(late.stdout, bytes) else (late.stdout or "")
                    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
                print(_format_row(fmt, family, rows), flush=True)


def _format_row(fmt: str, family: str, rows: list[dict]) -> str:
    cells = [f"{row['cpu']:8.2f}" for row in rows] + [">TIMEOUT"] * (2 - len(rows))
    ratio = rows[1]["cpu"] / max(rows[0]["cpu"], 0.01) if len(rows) == 2 else None
    verdicts = []
    if len(rows) < 2 or (ratio or 0) > RATIO_BOUND:
        verdicts.append("OVER")
    for row in rows:
        if row["code"] == -1 or "READER_DEBUG" in row["error"] or "Traceback" in row["error"]:
            verdicts.append("FAULT " + row["error"])
            break
        if row["code"]:
            verdicts.append("err " + row["error"])
            break
    ratio_text = f"{ratio:5.1f}x" if ratio is not None else "     -"
    return f"{fmt:11} {family:16} {cells[0]} {cells[1]} {ratio_text}  {' '.join(verdicts)}"


if __name__ == "__main__":
    main()
