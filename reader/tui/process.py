"""Background work in a child process, so a stalled analysis never starves the interface.

A pure-Python loop or a regular expression that backtracks holds the GIL: in a thread it
freezes the screen, and q, Ctrl-C and SIGTERM wait for it. In a child process it only
costs a core, and the reader kills the child when it quits or when the work is stale.

Children are started with the "spawn" context (never fork a process that runs Textual's
threads); each imports the analysis modules as soon as it starts, so the reader starts
them early, in the background. One ``Worker`` runs one request at a time; the thread that
waits on it blocks in ``recv``, which releases the GIL.

``Worker.interrupt`` stops the request running now without killing the child (which keeps
its imports and the analysis it holds): the parent names the request in a shared value and
sends SIGUSR1; the child raises in the work, between two bytecodes, and answers "stopped".
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any


class Cancelled(Exception):
    """The work was stopped (the reader quits, or a newer request replaced it)."""


class WorkFailed(Exception):
    """The work raised in the child; the message says what and why."""


class _Interrupted(BaseException):
    """Raised in the child's work by SIGUSR1 (a BaseException: the work's own ``except Exception`` lets it by)."""


_running = 0  # in the child: the number of the request whose work runs now, 0 between requests
_stop: Any = None  # in the child: the shared value naming the request to stop


def picklable(value: object) -> bool:
    """True if ``value`` can be sent to a child (module-level functions can, closures cannot)."""
    try:
        pickle.dumps(value)
    except Exception:  # PicklingError, AttributeError, TypeError, depending on the object
        return False
    return True


def _serve(conn: Connection, stop: Any) -> None:
    """The child: answer requests until the parent closes the pipe."""
    global _stop
    _stop = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGUSR1, _stop_if_asked)
    _quiet()
    _warm()
    held: Any = None  # the analysis that summaries are computed on, sent once
    while True:
        try:
            number, *request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            held, result = _answer(tuple(request), held, conn, number)
            conn.send(("done", result))
        except _Interrupted:
            conn.send(("stopped", None))
        except Exception as exc:  # reported to the parent, which shows it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _stop_if_asked(*_: Any) -> None:
    """SIGUSR1: stop the work if it is the request the parent named (not one that came after)."""
    if _running and _stop is not None and _stop.value == _running:
        raise _Interrupted


def _answer(request: tuple[Any, ...], held: Any, conn: Connection, number: int) -> tuple[Any, Any]:
    global _running
    kind = request[0]
    if kind == "hold":
        return request[1], None
    _running = number
    try:
        _stop_if_asked()  # asked to stop before it was read
        if kind == "on":
            _, func, args = request
            return held, func(held, *args)
        _, func, args, with_progress = request
        if with_progress:
            return held, func(*args, lambda stage: _send_progress(conn, stage))
        return held, func(*args)
    finally:
        _running = 0


def _send_progress(conn: Connection, stage: object) -> None:
    """Never stopped half way through a message: the pipe would be out of step."""
    global _running
    number, _running = _running, 0
    try:
        conn.send(("progress", stage))
    finally:
        _running = number


def _quiet() -> None:
    """Nothing the child prints may reach the terminal the interface draws on."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _warm() -> None:
    import reader.analysis  # noqa: F401  (imported now so the first request does not wait)
    import reader.summarize  # noqa: F401


class Worker:
    """One child process that runs one request at a time; ``cancel`` kills it, the next call starts another."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._state = threading.Lock()  # guards the process and pipe
        self._busy = threading.Lock()  # one request at a time
        self._proc: Any = None
        self._conn: Connection | None = None
        self._held: Any = None  # the object the child holds (compared by identity)
        self._closed = False
        self._stop: Any = None  # shared with the child: the number of the request to stop
        self._number = 0  # requests sent so far
        self._in_flight = 0  # the number of the request the child runs now, 0 when none
        self.started_at: float | None = None  # when the running request began

    def start(self) -> None:
        """Start the child now (at the reader's start, so that the first request does not wait)."""
        with self._state:
            self._ensure()

    def _ensure(self) -> Connection:
        if self._closed:
            raise Cancelled(f"{self.name}: stopped")
        if self._proc is None or self._conn is None or not self._proc.is_alive():
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            stop = context.Value("q", 0, lock=False)
            proc = context.Process(target=_serve, args=(child, stop), daemon=True, name=f"reader-{self.name}")
            proc.start()
            child.close()
            self._proc, self._conn, self._held, self._stop = proc, parent, None, stop
        return self._conn

    def call(self, func: Callable[..., Any], *args: Any, progress: Callable[[Any], None] | None = None) -> Any:
        """``func(*args)`` (with ``progress`` last if given) in the child; blocks the calling thread."""
        with self._busy, self._numbered() as number:
            return self._exchange(("call", func, args, progress is not None), progress, number)

    def call_on(self, held: Any, func: Callable[..., Any], *args: Any) -> Any:
        """``func(held, *args)`` in the child; ``held`` (an analysis) is sent only when it changed."""
        with self._busy, self._numbered() as number:
            if self._held is not held:
                self._exchange(("hold", held), None, number)
                self._held = held
            return self._exchange(("on", func, args), None, number)

    @contextmanager
    def _numbered(self) -> Iterator[int]:
        """A number for this call, the one ``interrupt`` names while the call runs."""
        with self._state:
            self._number += 1
            number = self._in_flight = self._number
        try:
            yield number
        finally:
            with self._state:
                self._in_flight = 0

    def _exchange(self, request: tuple[Any, ...], progress: Callable[[Any], None] | None, number: int) -> Any:
        with self._state:
            conn = self._ensure()
        self.started_at = time.monotonic()
        try:
            conn.send((number, *request))
            while True:
                kind, value = conn.recv()
                if kind == "progress" and progress is not None:
                    progress(value)
                elif kind == "error":
                    raise WorkFailed(value)
                elif kind == "stopped":
                    raise Cancelled(f"{self.name}: stopped, a newer request replaced it")
                elif kind == "done":
                    return value
        except (EOFError, OSError) as exc:  # the child was killed under us
            with self._state:
                self._held = None
            raise Cancelled(f"{self.name}: stopped") from exc
        finally:
            self.started_at = None

    def interrupt(self) -> bool:
        """Stop the request running now, if any, and keep the child; True if one was asked to stop."""
        with self._state:
            proc, number = self._proc, self._in_flight
            if proc is None or not number or self._stop is None:
                return False
            self._stop.value = number
            try:
                os.kill(proc.pid, signal.SIGUSR1)
            except ProcessLookupError:  # it died; the waiting call says so
                return False
        return True

    def cancel(self) -> None:
        """Kill the child (and so the request it runs); the next call starts a fresh one."""
        with self._state:
            proc, conn = self._proc, self._conn
            self._proc, self._conn, self._held = None, None, None
        _end(proc, conn)

    def close(self) -> None:
        """Kill the child and refuse further calls."""
        self._closed = True
        self.cancel()

    def reopen(self) -> None:
        self._closed = False

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return None if proc is None else proc.pid


def _end(proc: Any, conn: Connection | None) -> None:
    if proc is not None:
        proc.kill()
        proc.join(2)
    if conn is not None:
        conn.close()


def _tracker_early() -> None:
    """Start multiprocessing's resource tracker now: it passes on ``sys.stderr``'s descriptor, and
    once Textual has replaced ``sys.stderr`` that descriptor is not a real one."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


class Workers:
    """The reader's children: one for analyses, one for summaries."""

    def __init__(self) -> None:
        self.analysis = Worker("analysis")
        self.summaries = Worker("summaries")

    def all(self) -> tuple[Worker, Worker]:
        return (self.analysis, self.summaries)

    def reopen(self) -> None:
        """Ready to start children again; call before the interface takes over the terminal."""
        for worker in self.all():
            worker.reopen()
        _tracker_early()

    def start(self) -> None:
        for worker in self.all():
            try:
                worker.start()
            except Cancelled:  # the reader quit before its children were up
                return

    def close(self) -> None:
        for worker in self.all():
            worker.close()


workers = Workers()
