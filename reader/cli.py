"""Command line entry point. Chooses a command; the pipe path never imports Textual."""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__

# name -> one-line help; each is the module reader.commands.<name>, imported lazily
# so `reader outline` does not pay for sumy or Textual.
COMMANDS = {
    "analyze": "the whole analysis: structure, summary, participants (text or JSON)",
    "outline": "the section tree, with sentence counts",
    "summarize": "extractive summaries",
    "participants": "people, organizations and places, with roles",
    "quotes": "direct quotes and reported speech, with speakers",
}

EPILOG = """\
commands:
{commands}

With no command, reader opens the TUI on PATH... (default: the bundled seeds/);
when stdout is not a terminal it prints plain-text summaries instead.

examples:
  reader                         open the seed documents in the TUI
  reader report.txt notes/       open a file and a folder
  reader summarize x.txt | less  plain summary, one sentence a line
  reader analyze x.txt --format json
  cat x.txt | reader outline -
"""


def top_parser() -> argparse.ArgumentParser:
    listing = "\n".join(f"  {name:<14}{text}" for name, text in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [PATH...]\n       reader COMMAND [PATH...] [options]   (reader COMMAND --help)",
        description="Read, outline and summarize documents in the terminal.",
        epilog=EPILOG.format(commands=listing),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        name, rest = argv[0], argv[1:]
    else:
        if argv and argv[0] in ("-h", "--help", "--version"):
            top_parser().parse_args(argv)
        name, rest = "open", argv
    module = importlib.import_module(f"reader.commands.{name}")
    parser = module.make_parser(f"reader {name}" if name != "open" else "reader")
    args = parser.parse_args(rest)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our pipe left (`reader x | head`); that is not an error.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
