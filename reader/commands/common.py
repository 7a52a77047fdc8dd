"""What every command shares: paths, loading with one-line errors, output mode."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator

from reader.load import Loaded, load_all
from reader.model import Analysis


def new_parser(prog: str, description: str, epilog: str = "") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (recursive); '-' reads standard input; default: the bundled seeds/",
    )
    from reader.model import FORMATS

    parser.add_argument(
        "--as",
        dest="as_format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"read every input as this format instead of detecting it ({', '.join(FORMATS)})",
    )
    return parser


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default="text",
        help="output format (default: text; plain when piped or NO_COLOR is set)",
    )


def error(message: str) -> None:
    """One line on stderr, ``reader: <what is wrong>``."""
    print(f"reader: {message}", file=sys.stderr, flush=True)


def styled_output(stream=None) -> bool:
    """Colour and layout only for a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console_for(fmt: str):
    """A Rich console when text goes to a terminal, else None (plain output)."""
    if fmt != "text" or not styled_output():
        return None
    from rich.console import Console

    return Console(highlight=False)


def documents(
    paths: list[str], status: list[int], errors: list[str] | None = None, as_format: str | None = None
) -> Iterator[Loaded]:
    """Loaded documents in path order; reports errors on stderr (and in ``errors``) and sets status[0] = 1."""
    for item in load_all(paths, as_format):
        if item.error is not None:
            error(str(item.error))
            if errors is not None:
                errors.append(str(item.error))
            status[0] = 1
            continue
        for note in item.document.notes:
            error(f"{item.source}: note: {note}")
        yield item


def for_each_analysis(
    paths: list[str], handle: Callable[[Analysis, int], None], as_format: str | None = None, **options
) -> int:
    """Analyze each document and hand it to ``handle(analysis, index)``; the exit code."""
    from reader.analysis import analyze

    status = [0]
    for index, item in enumerate(documents(paths, status, as_format=as_format)):
        try:
            analysis = analyze(item.document, **options)
        except Exception as exc:  # a bug on one document must not cost the others
            if os.environ.get("READER_DEBUG"):
                raise
            error(f"{item.source}: cannot analyze: {type(exc).__name__}: {exc} (READER_DEBUG=1 shows where)")
            status[0] = 1
            continue
        handle(analysis, index)
    return status[0]
