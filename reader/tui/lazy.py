"""A text file of any size, paged by line from an mmap (as toolong does), in bounded memory.

The line index keeps the offset of every ``STEP``-th line only (80 bytes per 10 000 lines at
the default), built chunk by chunk with numpy in a background thread, so a 500 MB file costs
a few megabytes of index and its first lines can be read before the index is done. Not yet
wired into the reading view, which shows the document the loader read (the leading part of
an over-limit file); this is the source that view can page.
"""

from __future__ import annotations

import contextlib
import mmap
import threading
from pathlib import Path

import numpy as np

STEP = 64  # lines between two kept offsets
CHUNK = 1 << 22  # bytes scanned at a time


class LazyText:
    """Lines of a file, decoded on demand (UTF-8, bad bytes replaced)."""

    def __init__(self, path: Path, chunk: int = CHUNK) -> None:
        self._file = open(path, "rb")  # noqa: SIM115  (kept open as long as the map; closed in close())
        size = Path(path).stat().st_size
        self._map: mmap.mmap | bytes = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self.size = size
        self._chunk = chunk
        self._marks: list[int] = [0]  # offset of line 0, STEP, 2*STEP, ...
        self._lines = 0  # lines ended by a newline, counted so far
        self._lock = threading.Lock()
        self.done = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._index, daemon=True, name="reader-line-index")
        self._thread.start()

    def _index(self) -> None:
        for start in range(0, self.size, self._chunk):
            if self._stop:
                return
            block = np.frombuffer(self._map[start : start + self._chunk], dtype=np.uint8)
            ends = np.flatnonzero(block == 10) + start + 1  # offsets where a line starts
            with self._lock:
                first = (-self._lines - 1) % STEP  # the index in ``ends`` of the next kept line start
                self._marks.extend(int(offset) for offset in ends[first::STEP])
                self._lines += len(ends)
            self._let_go(start)
        self.done.set()

    def _let_go(self, start: int) -> None:
        """Drop the scanned pages from this process's resident set (the page cache keeps them)."""
        advise = getattr(self._map, "madvise", None)
        if advise is None or start % mmap.PAGESIZE or not hasattr(mmap, "MADV_DONTNEED"):
            return
        with contextlib.suppress(OSError, ValueError):
            advise(mmap.MADV_DONTNEED, start, min(self._chunk, self.size - start))

    @property
    def line_count(self) -> int:
        """Lines known so far (all of them once ``done`` is set)."""
        with self._lock:
            lines = self._lines
        if self.done.is_set() and self.size and self._map[self.size - 1 : self.size] != b"\n":
            lines += 1  # the last line has no newline
        return lines

    def lines(self, first: int, count: int) -> list[str]:
        """Up to ``count`` lines from line ``first`` (fewer near the end or before the index reaches them)."""
        with self._lock:
            mark = min(first // STEP, len(self._marks) - 1)
            offset = self._marks[mark]
        skip = first - mark * STEP
        found: list[str] = []
        while len(found) < count and offset < self.size:
            end = self._map.find(b"\n", offset)
            end = self.size if end < 0 else end + 1
            if skip:
                skip -= 1
            else:
                found.append(bytes(self._map[offset:end]).decode("utf-8", "replace").rstrip("\r\n"))
            offset = end
        return found

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        if isinstance(self._map, mmap.mmap):
            self._map.close()
        self._file.close()
