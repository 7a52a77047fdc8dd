"""`reader analyze`: the whole analysis of each document, as text or as the JSON contract."""

from __future__ import annotations

from reader.commands.common import add_format, console_for, for_each_analysis, new_parser
from reader.model import Analysis
from reader.render import one_line, outline_lines, stats_line, write_json


def make_parser(prog: str):
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


def run(args) -> int:
    console = console_for(args.format)

    def show(analysis: Analysis, index: int) -> None:
        if args.format == "json":
            write_json(analysis)
        else:
            _text(analysis, index, console)

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


def _text(analysis: Analysis, index: int, console) -> None:
    lines = [
        ("title", one_line(analysis.title)),
        ("dim", one_line(analysis.document.source)),
        ("dim", stats_line(analysis)),
        ("", ""),
        ("bold", "Outline"),
    ]
    lines += [("", "  " + line) for _, _, line in outline_lines(analysis)]
    if analysis.summary is not None:
        lines += [("", ""), ("bold", f"Summary ({analysis.summary.algorithm})")]
        lines += [("", f"  {one_line(analysis.sentence_text(i))}") for i in analysis.summary.selected]
    if analysis.participants:
        lines += [("", ""), ("bold", "Participants")]
        lines += [("", f"  {one_line(p.name)} ({p.kind}, {len(p.mentions)})") for p in analysis.participants]
    if analysis.quotes:
        lines += [("", ""), ("bold", f"Quotes: {len(analysis.quotes)}")]
    if index:
        _emit(console, "", "")
    for style, line in lines:
        _emit(console, style, line)


def _emit(console, style: str, line: str) -> None:
    if console is None:
        print(line)
    else:
        from rich.text import Text

        console.print(Text(line, style="bold underline" if style == "title" else style))
