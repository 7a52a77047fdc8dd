"""`reader analyze`: the whole analysis of each document, as text or as the JSON contract."""

from __future__ import annotations

import argparse

from reader.commands.common import Output, add_format, for_each_analysis, new_parser
from reader.model import Analysis
from reader.render import display, one_line, outline_lines, stats_line


def make_parser(prog: str) -> argparse.ArgumentParser:
    parser = new_parser(
        prog,
        "Analyze documents: title, sections, paragraphs and sentences, plus the summary, "
        "participants and quotes. JSON prints one object per document (JSON Lines for "
        "several), as described in the analysis contract (schema 1).",
        "examples:\n  reader analyze report.txt\n  reader analyze notes/ --format json | jq .title\n"
        "  cat article.txt | reader analyze - --format json",
    )
    add_format(parser)
    parser.add_argument("--algorithm", help="summary algorithm (see `reader summarize --list-algorithms`)")
    parser.add_argument("--sentences", type=int, metavar="N", help="summary length in sentences")
    parser.add_argument("--no-summary", action="store_true", help="skip the summary")
    parser.add_argument("--no-participants", action="store_true", help="skip participants and quotes")
    return parser


def run(args: argparse.Namespace) -> int:
    out = Output(args.format)

    def show(analysis: Analysis, index: int) -> None:
        if args.format == "json":
            out.json(analysis.to_json())
        else:
            out.next_document()
            _text(out, analysis)

    length = {"sentences": args.sentences} if args.sentences else None
    return for_each_analysis(
        args.paths,
        show,
        as_format=args.as_format,
        summary=not args.no_summary,
        participants=not args.no_participants,
        algorithm=args.algorithm,
        length=length,
    )


def _text(out: Output, analysis: Analysis) -> None:
    out.line((one_line(analysis.title), "bold underline"))
    out.line((display(analysis.document.source), "dim"))
    out.line((stats_line(analysis), "dim"))
    out.line()
    out.line(("Outline", "bold"))
    for _, _, line in outline_lines(analysis):
        out.line("  " + line)
    if analysis.summary is not None:
        out.line()
        out.line((f"Summary ({analysis.summary.algorithm})", "bold"))
        for i in analysis.summary.selected:
            out.line(f"  {one_line(analysis.sentence_text(i))}")
    if analysis.participants:
        out.line()
        out.line(("Participants", "bold"))
        for p in analysis.participants:
            out.line(f"  {one_line(p.name)} ({p.kind}, {len(p.mentions)})")
    if analysis.quotes:
        out.line()
        out.line((f"Quotes: {len(analysis.quotes)}", "bold"))
