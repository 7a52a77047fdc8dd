"""``reader [PATH...]``: open the reader; plain-text summaries when stdout is not a terminal."""

from __future__ import annotations

import argparse
import os
import sys

from reader.commands.common import documents, error, new_parser


def make_parser(prog: str) -> argparse.ArgumentParser:
    parser = new_parser(
        prog,
        "Open documents in the terminal reader: the text, its outline, summary, participants and quotes.",
        "Piped (stdout not a terminal), it prints the plain-text summaries instead.\n"
        "In the reader, press ? or F1 for the keys.",
    )
    parser.add_argument(
        "--no-state", action="store_true", help="do not remember or restore places and settings between runs"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    if not sys.stdout.isatty():
        return print_plain(args.paths)
    status = [0]
    errors: list[str] = []
    loaded = list(documents(args.paths, status, errors, args.as_format))
    if not loaded:
        return 1
    if "-" in args.paths and not sys.stdin.isatty() and not _keys_from_terminal():
        error("-: cannot read keys: no terminal (/dev/tty) to read them from")
        return 1
    import signal

    from reader.render import display
    from reader.tui.app import run as run_app

    # The TUI restores the terminal on its own signals; an exception raised inside its loop would not.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    # Files that could not be read were reported on stderr; say so on screen as well.
    notes = [display(line) for line in errors + [f"{doc.source}: {note}" for doc in loaded for note in doc.notes]]
    code = run_app(loaded, notes, remember=not getattr(args, "no_state", False))
    return code or status[0]


def print_plain(paths: list[str]) -> int:
    """The summaries as plain text, what ``reader x.txt | less`` means."""
    from reader.commands import summarize

    return summarize.run(summarize.make_parser("reader").parse_args(paths))


def _keys_from_terminal() -> bool:
    """After stdin was read as a document, take keys from the terminal (as toolong does)."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(tty, sys.stdin.fileno())
    os.close(tty)
    return True
