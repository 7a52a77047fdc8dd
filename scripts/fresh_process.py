"""Run `reader` in a fresh Python process and time it, as a user meets it (imports included).

The benchmark scripts share these: bench_core.py and bench_formats.py (cold start, load and
segment a file), bench_pathological.py (a command on a file, with a timeout). Each child reports
its own peak memory (VmHWM from /proc; ru_maxrss where that is missing, which on Linux also
counts the parent's pages that the fork copied before exec).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_PEAK = """
def _peak_mb():
    import resource
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

# Load and segment argv[1]; print the figures as one JSON line.
_SEGMENT = (
    _PEAK
    + """
import json, sys, time
t0 = time.perf_counter()
from reader.load import load
from reader.text.structure import segment
doc = load(sys.argv[1])
t1 = time.perf_counter()
a = segment(doc)
t2 = time.perf_counter()
print(json.dumps({"total": t2 - t0, "load": t1 - t0, "segment": t2 - t1, "chars": len(doc.text),
                  "sections": len(a.sections), "paragraphs": len(a.paragraphs), "sentences": len(a.sentences),
                  "peak_mb": _peak_mb()}))
"""
)

# Run `reader ARGV[2:]` (output discarded by the parent); write the peak MB to argv[1].
_COMMAND = (
    _PEAK
    + """
import sys
from reader.cli import main
try:
    main(sys.argv[2:])
except BaseException:
    pass
with open(sys.argv[1], "w") as out:
    out.write(str(_peak_mb()))
"""
)


def segment_in_child(path: Path) -> dict:
    """Load and segment ``path`` in a fresh process: seconds (``total``, ``load``, ``segment``),
    ``chars``, ``sections``, ``paragraphs``, ``sentences`` and ``peak_mb``."""
    done = subprocess.run(
        [sys.executable, "-c", _SEGMENT, str(path)], capture_output=True, text=True, check=True, cwd=REPO
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_starts(args: list[str], runs: int = 5) -> list[float]:
    """Wall seconds of ``python -m reader ARGS`` in ``runs`` fresh processes (output discarded)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return times


@dataclass
class Run:
    """One run of a command: wall and CPU seconds (None when killed at the timeout), peak MB."""

    wall: float | None
    cpu: float | None
    peak_mb: float


def command_in_child(args: list[str], peak_file: Path, timeout: float) -> Run:
    """`reader ARGS` in a fresh process; ``peak_file`` is where the child writes its peak (a scratch
    path). CPU seconds (user + system, from wait4) move far less than wall time on a busy machine."""
    peak_file.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _COMMAND, str(peak_file), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    # A blocking wait times the run exactly (a polling wait rounds up to its steps).
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        timer.cancel()
    if proc.returncode == -signal.SIGKILL:
        return Run(None, None, 0.0)
    seconds = time.perf_counter() - start
    peak = float(peak_file.read_text()) if peak_file.exists() else 0.0
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak)
