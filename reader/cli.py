"""Command line entry point. Chooses a command; the pipe path never imports Textual."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from reader import __version__
from reader.load import UsageError, max_bytes

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


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (ending any workers) and exit 128 + the signal number.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` for one document swallows it.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    raise Terminated(signum)


def main(argv: list[str] | None = None) -> int:
    """Run one command; every way out is an exit code and at most one line on stderr."""
    try:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _on_signal)
        _tolerant_stdout()
        code = _dispatch(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        _silence_stdout()
        return 130
    except Terminated as exc:
        _silence_stdout()
        return 128 + exc.signum
    except BrokenPipeError:
        # The reader of our pipe left (`reader x | head`); that is not an error.
        _silence_stdout()
        return 0
    except UsageError as exc:
        _error(str(exc))
        return 2
    except OSError as exc:
        # Output that cannot be written (a full disk, /dev/full): say so once.
        _silence_stdout()
        _error(f"cannot write the output: {(exc.strerror or str(exc)).lower()}")
        return 1


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        name, rest = argv[0], argv[1:]
    else:
        if argv and argv[0] in ("-h", "--help", "--version"):
            top_parser().parse_args(argv)
        name, rest = "open", argv
    module = importlib.import_module(f"reader.commands.{name}")
    parser = module.make_parser(f"reader {name}" if name != "open" else "reader")
    args = parser.parse_args(rest)
    max_bytes()  # a bad READER_MAX_MB is wrong usage, found before any work
    return int(module.run(args))


def _tolerant_stdout() -> None:
    """Under a locale that cannot encode all text (Latin-1, ASCII), show '?' rather than fail."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        reconfigure(errors="replace")


def _error(message: str) -> None:
    from reader.commands.common import error

    error(message)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
