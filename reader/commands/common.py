"""What every command shares: paths, loading with one-line errors, output mode."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from reader.load import load_all
from reader.model import Analysis, Document


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
        type=path_argument,
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


def path_argument(raw: str) -> str:
    """A path as given; an empty one (an unset "$VAR" in a script) is wrong usage, not the current folder."""
    if not raw:
        raise argparse.ArgumentTypeError("an empty path was given (an unset variable?); name a file or folder")
    return raw


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default="text",
        help="output format (default: text; plain when piped or NO_COLOR is set)",
    )


def error(message: str) -> None:
    """One line on stderr, ``reader: <what is wrong>``; file names in it can never drive the terminal."""
    from reader.render import display

    with contextlib.suppress(OSError):  # nowhere left to report to
        print(f"reader: {display(message)}", file=sys.stderr, flush=True)


def styled_output(stream: TextIO | None = None) -> bool:
    """Colour and layout only for a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# A piece of a line: text, or (text, Rich style); plain output drops the styles.
Piece = str | tuple[str, str]


class Output:
    """The one output layer: plain lines for pipes, styled lines on a terminal, or JSON lines.

    A command says what it prints (pieces of lines, a JSON object); this class says how.
    """

    def __init__(self, fmt: str = "text"):
        self.fmt = fmt
        self.console: Any = None
        if fmt == "text" and styled_output():
            from rich.console import Console

            self.console = Console(highlight=False)
        self.count = 0

    @property
    def styled(self) -> bool:
        return self.console is not None

    def json(self, data: dict) -> None:
        from reader.render import json_line

        sys.stdout.write(json_line(data))

    def line(self, *pieces: Piece, indent: int = 0) -> None:
        """One line; text in it is data (never markup), already made safe by the caller.

        ``indent`` spaces go before it; on a terminal, its wrapped lines keep that indent too.
        """
        if self.console is None:
            print(" " * indent + "".join(p if isinstance(p, str) else p[0] for p in pieces))
            return
        from rich.padding import Padding
        from rich.text import Text

        text = Text()
        for piece in pieces:
            text.append(*((piece,) if isinstance(piece, str) else piece))
        self.console.print(Padding(text, (0, 0, 0, indent)) if indent else text)

    def next_document(self) -> None:
        """A blank line between documents."""
        if self.count:
            self.line()
        self.count += 1

    def header(self, analysis: Analysis, detail: str = "") -> None:
        """The title header: '# title' when plain; title and source (and ``detail``) when styled."""
        from reader.render import display, one_line

        title = one_line(analysis.title)
        if not self.styled:
            self.line(f"# {title}")
            return
        self.line((title or "(untitled)", "bold underline"))
        self.line((display(analysis.document.source) + detail, "dim"))


def analysis_failed(source: str, exc: Exception, doing: str = "analyze") -> str:
    """The one error path for a document that failed inside the analysis; READER_DEBUG=1 re-raises."""
    if os.environ.get("READER_DEBUG"):
        raise exc
    return f"{source}: cannot {doing}: {type(exc).__name__}: {exc} (READER_DEBUG=1 shows where)"


def show_each(
    paths: list[str],
    fmt: str,
    as_json: Callable[[Analysis], dict],
    body: Callable[[Output, Analysis], None],
    **options: Any,
) -> int:
    """Analyze each document and print it: JSON lines, or a title header and the command's body."""
    out = Output(fmt)

    def show(analysis: Analysis, index: int) -> None:
        if fmt == "json":
            out.json(as_json(analysis))
            return
        out.next_document()
        out.header(analysis)
        body(out, analysis)

    return for_each_analysis(paths, show, **options)


def documents(
    paths: list[str], status: list[int], errors: list[str] | None = None, as_format: str | None = None
) -> Iterator[Document]:
    """Loaded documents in path order; reports errors on stderr (and in ``errors``) and sets status[0] = 1."""
    if "-" in paths and sys.stdin.isatty():
        error("reading standard input from the terminal; end it with Ctrl-D on a line of its own")
    for item in load_all(paths, as_format):
        if item.error is not None:
            error(str(item.error))
            if errors is not None:
                errors.append(str(item.error))
            status[0] = 1
            continue
        if item.document is None:
            continue
        for note in item.document.notes:
            error(f"{item.source}: note: {note}")
        yield item.document


def for_each_analysis(
    paths: list[str], handle: Callable[[Analysis, int], None], as_format: str | None = None, **options: Any
) -> int:
    """Analyze each document and hand it to ``handle(analysis, index)``; the exit code."""
    from reader.analysis import analyze

    status = [0]
    for index, document in enumerate(documents(paths, status, as_format=as_format)):
        try:
            analysis = analyze(document, **options)
        except Exception as exc:  # a bug on one document must not cost the others
            error(analysis_failed(document.source, exc))
            status[0] = 1
            continue
        handle(analysis, index)
    return status[0]
