"""Large inputs on the command line: time and peak memory of `reader outline` and `reader summarize`.

Builds a plain-text file of the asked size (default 500 MB) in a temporary folder by repeating a
source text, runs each command on it as a user would, and prints wall time, peak memory (max RSS
of the child) and the exit code with the first stderr line. Over READER_MAX_MB (default 64) the
commands analyze the leading part and say so on stderr.

    python scripts/bench_large.py [--size-mb 500] [--source FILE] [--dir /tmp] [--max-mb 64]

FILE defaults to ../shared/corpora/gutenberg/pg1342-pride-and-prejudice.txt (relative to the
repository) and else to the bundled seed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "corpora" / "gutenberg" / "pg1342-pride-and-prejudice.txt"
SEED = next((REPO / "reader" / "seeds").glob("*.txt"))


def build(path: Path, source: Path, size_mb: float) -> None:
    """Repeat the source text until the file holds ``size_mb`` megabytes; sparse-free, written in blocks."""
    block = source.read_bytes()
    target = int(size_mb * 2**20)
    with open(path, "wb") as out:
        written = 0
        while written < target:
            piece = block[: target - written]
            out.write(piece)
            written += len(piece)


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit code and the first stderr line of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    first = err.splitlines()[0] if err else ""
    return wall, usage.ru_maxrss / 1024, proc.returncode, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=500)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE if DEFAULT_SOURCE.exists() else SEED)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--max-mb", help="READER_MAX_MB for the runs (default: the tool's own)")
    parser.add_argument("--commands", default="outline,summarize")
    args = parser.parse_args()

    env = dict(os.environ)
    if args.max_mb:
        env["READER_MAX_MB"] = args.max_mb
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "large.txt"
        build(path, args.source, args.size_mb)
        print(f"file: {args.size_mb:g} MB of {args.source.name}; READER_MAX_MB={env.get('READER_MAX_MB', 'default')}")
        print(f"{'command':<10} {'seconds':>8} {'peak MB':>8} {'exit':>4}  stderr")
        for name in args.commands.split(","):
            wall, peak, code, first = measure([sys.executable, "-m", "reader", name, str(path)], env)
            print(f"{name:<10} {wall:8.1f} {peak:8.0f} {code:>4}  {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
