"""`reader participants`: people, organizations and places, with roles and mention counts."""

from __future__ import annotations

import json
import sys

from reader.commands.common import add_format, console_for, for_each_analysis, new_parser
from reader.model import Analysis, Participant
from reader.render import one_line

KINDS = (("person", "People"), ("organization", "Organizations"), ("place", "Places"))


def make_parser(prog: str):
    parser = new_parser(
        prog,
        "List the named people, organizations and places of each document, with the role the "
        "document gives them, how often they are mentioned and the other names they go by. "
        "Found offline: word lists and patterns, no model download.",
        "examples:\n  reader participants report.txt\n  reader participants news/ --format json",
    )
    add_format(parser)
    return parser


def run(args) -> int:
    return show_each(args, write_json, _plain, _rich)


def show_each(args, as_json, plain, rich) -> int:
    """Analyze each document (no summary) and print it as JSON, plain text or for a terminal."""
    console = console_for(args.format)

    def show(analysis: Analysis, index: int) -> None:
        if args.format == "json":
            as_json(analysis)
        elif console is not None:
            if index:
                console.print()
            rich_header(console, analysis)
            rich(console, analysis, index)
        else:
            plain(analysis, index)

    return for_each_analysis(args.paths, show, args.as_format, summary=False)


def rich_header(console, analysis: Analysis) -> None:
    from rich.text import Text

    console.print(Text(one_line(analysis.title), style="bold underline"))
    console.print(Text(one_line(analysis.document.source), style="dim"))


def write_json(analysis: Analysis) -> None:
    """One object a document: its source and the contract's ``participants`` list."""
    data = analysis.to_json()
    out = {"schema": data["schema"], "source": data["source"], "participants": data.get("participants", [])}
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


def grouped(analysis: Analysis) -> list[tuple[str, list[Participant]]]:
    """(heading, participants) by kind, most mentioned first."""
    people = analysis.participants or []
    out = []
    for kind, heading in KINDS:
        items = sorted((p for p in people if p.kind == kind), key=lambda p: (-len(p.mentions), p.id))
        if items:
            out.append((heading, items))
    return out


def describe(p: Participant) -> str:
    """'Natalya Gherman (3) - role; also: N. Gherman' as one plain line."""
    line = f"{one_line(p.name)} ({len(p.mentions)})"
    if p.role:
        line += f" - {one_line(p.role)}"
    others = other_names(p)
    if others:
        line += "; also: " + ", ".join(others)
    return line


def other_names(p: Participant) -> list[str]:
    """Aliases other than the name, once each (a line break inside a name is not a new name)."""
    out: list[str] = []
    for alias in map(one_line, p.aliases):
        if alias != one_line(p.name) and alias not in out:
            out.append(alias)
    return out


def _plain(analysis: Analysis, index: int) -> None:
    if index:
        print()
    print(f"# {one_line(analysis.title)}")
    groups = grouped(analysis)
    if not groups:
        print("(no participants found)")
    for heading, items in groups:
        print(f"{heading}:")
        for p in items:
            print(f"  {describe(p)}")


def _rich(console, analysis: Analysis, index: int) -> None:
    from rich.text import Text

    from reader.palette import KIND_COLORS

    groups = grouped(analysis)
    if not groups:
        console.print(Text("no participants found", style="dim"))
    for heading, items in groups:
        console.print(Text(heading, style="bold"))
        for p in items:
            line = Text("  ")
            line.append(one_line(p.name), style=f"bold {KIND_COLORS[p.kind]}")
            line.append(f" ({len(p.mentions)})", style="dim")
            if p.role:
                line.append(f"  {one_line(p.role)}")
            others = other_names(p)
            if others:
                line.append("  also: " + ", ".join(others), style="dim")
            console.print(line)
