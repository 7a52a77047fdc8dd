"""Large inputs on the command line: time and peak memory of `reader outline` and `reader summarize`.

Builds a plain-text file of the asked size (default 500 MB) in a temporary folder by repeating a
source text, runs each command on it as a user would, and prints wall time, peak memory (max RSS
of the child) and the exit code with the first stderr line. Over READER_MAX_MB (default 64) the
commands analyze the leading part and say so on stderr.

    python scripts/bench_large.py [--size-mb 500] [--source FILE] [--dir /tmp] [--max-mb 64] [--commands ...]

The command `tui` opens the file in the reader on a pseudo-terminal (120x40) and prints the
time until the file's first line is drawn, until the analysis of the leading part is done,
and the peak RSS of the reader and of its analysis children (VmHWM, read before quitting).

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


def tui(path: Path, source: Path, env: dict[str, str]) -> None:
    """First screen and peak memory of the reader on the file, on a pseudo-terminal."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_tui import READER, Screen, _session_pids

    head = source.read_bytes()[:2000].decode("utf-8", "replace").replace("\ufeff", "")
    first = next(line.strip() for line in head.splitlines() if line.strip())[:30]
    os.environ.update(env)
    screen = Screen([str(READER), "--no-state", str(path)], 120, 40)
    try:
        paint = screen.wait_for(first, 60)
        analysed = screen.wait_for("sent. (document)", 600) if paint is not None else None
        pressed = time.perf_counter()
        screen.send("W")  # the whole file, then its end once the line index is built
        whole = screen.wait_for("every line", 60) if analysed is not None else None
        if whole is not None:
            time.sleep(1.5)
            screen.send("G")
            whole = screen.wait_for(_last_line(path), 60)
        paged = None if whole is None else time.perf_counter() - pressed
        peaks = {pid: _peak_mb(pid) for pid in _session_pids(screen.proc.pid)}
    finally:
        screen.close()
    main_peak = peaks.pop(screen.proc.pid, 0.0)
    shown = "not seen" if paint is None else f"{paint:.1f} s"
    done = "not seen" if analysed is None else f"{analysed:.1f} s"
    children = " + ".join(f"{mb:.0f}" for mb in peaks.values() if mb)
    end = "not seen" if paged is None else f"{paged:.1f} s"
    print(f"{'tui':<10} first screen {shown}, analysed {done}, W G to the file's last line {end}")
    print(f"{'':<10} peak MB: reader {main_peak:.0f}, children {children}")


def _last_line(path: Path) -> str:
    with open(path, "rb") as file:
        file.seek(max(0, path.stat().st_size - 4096))
        tail = file.read().decode("utf-8", "replace")
    return next(line.strip() for line in reversed(tail.splitlines()) if line.strip())[-30:]


def lazy(path: Path) -> None:
    """The lazy line source on the file: first screen of lines, the whole index, the last lines, memory."""
    import resource
    import tracemalloc

    from reader.tui.lazy import LazyText

    tracemalloc.start()
    start = time.perf_counter()
    source = LazyText(path)
    source.lines(0, 40)
    first = time.perf_counter() - start
    source.done.wait()
    indexed = time.perf_counter() - start
    count = source.line_count
    source.lines(count - 40, 40)
    last = time.perf_counter() - start - indexed
    _, traced = tracemalloc.get_traced_memory()
    source.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{'lazy':<10} first 40 lines {first * 1000:.0f} ms, index of {count} lines {indexed:.1f} s, "
        f"last 40 lines {last * 1000:.0f} ms; Python heap peak {traced / 2**20:.1f} MB, "
        f"RSS {rss:.0f} MB (mapped pages count while resident)"
    )


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


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
            if name == "lazy":
                lazy(path)
                continue
            if name == "tui":
                tui(path, args.source, env)
                continue
            wall, peak, code, first = measure([sys.executable, "-m", "reader", name, str(path)], env)
            print(f"{name:<10} {wall:8.1f} {peak:8.0f} {code:>4}  {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
