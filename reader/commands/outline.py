"""`reader outline`: the section tree as text, with sentence counts."""

from __future__ import annotations

from reader.commands.common import add_format, console_for, for_each_analysis, new_parser
from reader.model import Analysis
from reader.render import one_line, outline_lines, write_json

KIND_STYLES = {"heading": "bold", "topic": "italic cyan", "front": "dim", "back": "dim"}


def make_parser(prog: str):
    parser = new_parser(
        prog,
        "Print each document's section tree with sentence counts. Sections the document "
        "names are shown as they are; topical sections that reader found are marked '~'; "
        "front and back matter are in [brackets].",
        "examples:\n  reader outline book.txt\n  reader outline notes/ --format json",
    )
    add_format(parser)
    return parser


def run(args) -> int:
    console = console_for(args.format)

    def show(analysis: Analysis, index: int) -> None:
        if args.format == "json":
            write_json(analysis)  # computed without summary or participants
        elif console is not None:
            _rich(console, analysis, index)
        else:
            _plain(analysis, index)

    return for_each_analysis(args.paths, show, args.as_format, summary=False, participants=False)


def _plain(analysis: Analysis, index: int) -> None:
    if index:
        print()
    print(f"# {one_line(analysis.title)}")
    for _, _, line in outline_lines(analysis):
        print(line)


def _rich(console, analysis: Analysis, index: int) -> None:
    from rich.text import Text

    if index:
        console.print()
    console.print(Text(one_line(analysis.title), style="bold underline"))
    console.print(Text(one_line(analysis.document.source), style="dim"))
    for _, section, line in outline_lines(analysis):
        console.print(Text(line, style=KIND_STYLES.get(section.kind, "")))
