"""`reader outline`: the section tree as text, with sentence counts."""

from __future__ import annotations

import argparse

from reader.commands.common import Output, add_format, new_parser, show_each
from reader.model import Analysis
from reader.render import outline_lines

KIND_STYLES = {"heading": "bold", "topic": "italic cyan", "front": "dim", "back": "dim"}


def make_parser(prog: str) -> argparse.ArgumentParser:
    parser = new_parser(
        prog,
        "Print each document's section tree with sentence counts. Sections the document "
        "names are shown as they are; topical sections that reader found are marked '~'; "
        "front and back matter are in [brackets].",
        "examples:\n  reader outline book.txt\n  reader outline notes/ --format json",
    )
    add_format(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    # JSON is the whole analysis, computed without summary or participants.
    return show_each(
        args.paths, args.format, Analysis.to_json, _body, as_format=args.as_format, summary=False, participants=False
    )


def _body(out: Output, analysis: Analysis) -> None:
    for _, section, line in outline_lines(analysis):
        out.line((line, KIND_STYLES.get(section.kind, "")))
