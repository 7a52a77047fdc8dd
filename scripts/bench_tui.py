"""How fast `reader` shows a document, measured as a person sees it: on a pseudo-terminal.

Starts `reader PATH` in a pty of the given size and reads what it draws, timing
  first paint   the document's own text is on screen,
  keys          after first paint, `G` was pressed and the end of the text is on screen
                (while the analysis is still running, for a book),
  analysed      the summary is in the status line (the analysis is done),
and, first, a bare Textual app (one Static) the same way, so that first paint can be read
as a ratio to it (machines differ; the ratio less so). The reader runs with --no-state.
Then, for each of SIGTERM and SIGHUP sent while the analysis runs: how long the reader
took to exit, whether it left the alternate screen and mouse tracking, and how many of its
processes (the analysis children) were still there afterwards.

    python scripts/bench_tui.py                   # the seed and War and Peace (../shared/corpora)
    python scripts/bench_tui.py FILE --first TEXT --last TEXT
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READER = Path(sys.executable).with_name("reader")
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b.")
CASES = [
    (ROOT / "reader" / "seeds" / "000_49030be50a1044d2.txt", "On 25 September", "Source"),
    (
        ROOT.parent / "shared" / "corpora" / "gutenberg" / "pg2600-war-and-peace.txt",
        "The Project Gutenberg EBook of War and Peace",
        "hear about new eBooks",
    ),
]


class Screen:
    """A program on a pty; what it wrote, without escape sequences."""

    def __init__(self, argv: list[str], cols: int, rows: int) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("NO_COLOR", None)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.fd = master
        self.seen = ""
        self.raw = b""  # everything written, escape sequences included

    def wait_for(self, marker: str, timeout: float) -> float | None:
        """Seconds since start when ``marker`` had been drawn, or None."""
        deadline = time.perf_counter() + timeout
        while marker not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return None
                self.raw += data
                # Keep a tail so a marker split across reads is still found.
                self.seen = self.seen[-4096:] + ANSI.sub("", data.decode("utf-8", "replace"))
        return time.perf_counter() - self.started

    def send(self, keys: str) -> None:
        self.seen = ""
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.fd)


BARE = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('BARE-APP-PAINTED')\n"
    "    def on_key(self):\n"
    "        self.exit()\n"
    "Bare().run()\n"
)


def bare_paint(cols: int, rows: int, timeout: float, runs: int = 3) -> float | None:
    """First paint of a bare Textual app (the best of a few runs)."""
    best = None
    for _ in range(runs):
        screen = Screen([sys.executable, "-c", BARE], cols, rows)
        try:
            paint = screen.wait_for("BARE-APP-PAINTED", timeout)
        finally:
            screen.close()
        if paint is not None:
            best = paint if best is None else min(best, paint)
    print(f"bare Textual app at {cols}x{rows}\n  first paint   {_secs(best)} (best of {runs})")
    return best


def measure(path: Path, first: str, last: str, cols: int, rows: int, timeout: float, bare: float | None) -> None:
    screen = Screen([str(READER), "--no-state", str(path)], cols, rows)
    try:
        paint = screen.wait_for(first, timeout)
        print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB) at {cols}x{rows}")
        ratio = f" ({paint / bare:.1f}x the bare app)" if paint and bare else ""
        print(f"  first paint   {_secs(paint)}{ratio}")
        if paint is None:
            return
        pressed = time.perf_counter()
        screen.send("G")
        end = screen.wait_for(last, timeout)
        keys = None if end is None else time.perf_counter() - pressed
        print(f"  G to the end  {_secs(keys)} (pressed at {paint:.2f} s)")
        analysed = screen.wait_for("sent. (document)", timeout * 10)  # the summary in the status line
        print(f"  analysed      {_secs(analysed)}")
    finally:
        screen.close()


def ended_by(number: int, path: Path, first: str, cols: int, rows: int, timeout: float) -> None:
    """Send a signal while the analysis runs; say how the reader left the terminal."""
    screen = Screen([str(READER), "--no-state", str(path)], cols, rows)
    try:
        if screen.wait_for(first, timeout) is None:
            print(f"  {signal.Signals(number).name}: first screen not seen")
            return
        time.sleep(0.5)  # the analysis is under way
        sent = time.perf_counter()
        os.kill(screen.proc.pid, number)
        screen.wait_for("\x00never", 5)  # read what it writes on the way out
        code = screen.proc.wait(timeout)
        took = time.perf_counter() - sent
        tail = screen.raw[-4096:]
        restored = b"\x1b[?1049l" in tail and b"\x1b[?1000l" in tail
        left = _session_processes(screen.proc.pid)
        name = signal.Signals(number).name
        print(f"  {name:7} exit {code} after {took:.2f} s, terminal restored: {restored}, processes left: {left}")
    finally:
        for pid in _session_pids(screen.proc.pid):
            os.kill(pid, signal.SIGKILL)
        screen.close()


def _session_pids(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _session_processes(session: int) -> int:
    time.sleep(0.5)  # the resource tracker ends once it sees its pipe close
    return len(_session_pids(session))


def _secs(value: float | None) -> str:
    return "not seen" if value is None else f"{value:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--first", help="text on the first screen")
    parser.add_argument("--last", help="text at the end of the document")
    parser.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    cases = [(args.path, args.first, args.last)] if args.path else CASES
    bare = bare_paint(cols, rows, args.timeout)
    for path, first, last in cases:
        if not path.exists():
            print(f"{path.name}: not here, skipped")
            continue
        measure(path, first, last, cols, rows, args.timeout, bare)
        print("  ended by a signal while analysing")
        for number in (signal.SIGTERM, signal.SIGHUP):
            ended_by(number, path, first, cols, rows, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
