"""`reader quotes`: direct quotes and reported speech, with speaker and cue verb."""

from __future__ import annotations

import argparse

from reader.commands.common import Output, add_format, new_parser, show_each
from reader.model import Analysis, Quote
from reader.render import one_line


def make_parser(prog: str) -> argparse.ArgumentParser:
    parser = new_parser(
        prog,
        'List who said what in each document: direct quotes (“…”, "…", ‘…’, «…», > blocks) and '
        'reported speech ("X noted that …", "According to her, …"), with the speaker and the '
        'cue verb. A speaker is a named participant; groups ("the participants noted") have none.',
        "examples:\n  reader quotes article.txt\n  reader quotes news/ --format json",
    )
    add_format(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return show_each(args.paths, args.format, as_json, _body, as_format=args.as_format)


def as_json(analysis: Analysis) -> dict:
    """One object a document: the contract's ``quotes`` list, each with its words and speaker's name."""
    data = analysis.to_json()
    names = {p.id: p.name for p in analysis.participants}
    quotes = []
    for q, item in zip(analysis.quotes, data.get("quotes", [])):
        item = dict(item, words=analysis.text[q.start : q.end], speaker_name=names.get(q.speaker or ""))
        quotes.append(item)
    return {"schema": data["schema"], "source": data["source"], "quotes": quotes}


def speaker_name(analysis: Analysis, q: Quote) -> str:
    for p in analysis.participants:
        if p.id == q.speaker:
            return one_line(p.name)
    return "(unnamed)"


def _body(out: Output, analysis: Analysis) -> None:
    from reader.palette import KIND_COLORS

    if not analysis.quotes:
        out.line(("(no quotes found)", "dim"))
    for q in analysis.quotes:
        speaker = (speaker_name(analysis, q), f"bold {KIND_COLORS['person']}" if q.speaker else "dim")
        cue = (f" {one_line(q.cue)}" if q.cue else "", "italic")
        out.line(speaker, cue, (f" [{q.kind}]", "dim"), f": {one_line(analysis.text[q.start : q.end])}")
