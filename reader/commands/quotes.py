"""`reader quotes`: direct quotes and reported speech, with speaker and cue verb."""

from __future__ import annotations

import json
import sys

from reader.commands.common import add_format, new_parser
from reader.commands.participants import show_each
from reader.model import Analysis, Quote
from reader.render import one_line


def make_parser(prog: str):
    parser = new_parser(
        prog,
        'List who said what in each document: direct quotes (“…”, "…", ‘…’, «…», > blocks) and '
        'reported speech ("X noted that …", "According to her, …"), with the speaker and the '
        'cue verb. A speaker is a named participant; groups ("the participants noted") have none.',
        "examples:\n  reader quotes article.txt\n  reader quotes news/ --format json",
    )
    add_format(parser)
    return parser


def run(args) -> int:
    return show_each(args, write_json, _plain, _rich)


def write_json(analysis: Analysis) -> None:
    """One object a document: the contract's ``quotes`` list, each with its words and speaker's name."""
    data = analysis.to_json()
    names = {p.id: p.name for p in analysis.participants or []}
    quotes = []
    for q, item in zip(analysis.quotes or [], data.get("quotes", [])):
        item = dict(item, words=analysis.text[q.start : q.end], speaker_name=names.get(q.speaker))
        quotes.append(item)
    out = {"schema": data["schema"], "source": data["source"], "quotes": quotes}
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


def speaker_name(analysis: Analysis, q: Quote) -> str:
    for p in analysis.participants or []:
        if p.id == q.speaker:
            return one_line(p.name)
    return "(unnamed)"


def _plain(analysis: Analysis, index: int) -> None:
    if index:
        print()
    print(f"# {one_line(analysis.title)}")
    if not analysis.quotes:
        print("(no quotes found)")
    for q in analysis.quotes or []:
        cue = f" {one_line(q.cue)}" if q.cue else ""
        print(f"{speaker_name(analysis, q)}{cue} [{q.kind}]: {one_line(analysis.text[q.start : q.end])}")


def _rich(console, analysis: Analysis, index: int) -> None:
    from rich.text import Text

    from reader.palette import KIND_COLORS

    if not analysis.quotes:
        console.print(Text("no quotes found", style="dim"))
    for q in analysis.quotes or []:
        line = Text()
        style = f"bold {KIND_COLORS['person']}" if q.speaker else "dim"
        line.append(speaker_name(analysis, q), style=style)
        if q.cue:
            line.append(f" {one_line(q.cue)}", style="italic")
        line.append(f" [{q.kind}] ", style="dim")
        line.append(one_line(analysis.text[q.start : q.end]))
        console.print(line)
