"""`reader participants`: people, organizations and places, with roles and mention counts."""

from __future__ import annotations

import argparse

from reader.commands.common import Output, Piece, add_format, new_parser, show_each
from reader.model import Analysis, Participant
from reader.render import one_line

KINDS = (("person", "People"), ("organization", "Organizations"), ("place", "Places"))


def make_parser(prog: str) -> argparse.ArgumentParser:
    parser = new_parser(
        prog,
        "List the named people, organizations and places of each document, with the role the "
        "document gives them, how often they are mentioned and the other names they go by. "
        "Found offline: word lists and patterns, no model download.",
        "examples:\n  reader participants report.txt\n  reader participants news/ --format json",
    )
    add_format(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    return show_each(args.paths, args.format, as_json, _body, as_format=args.as_format, summary=False)


def as_json(analysis: Analysis) -> dict:
    """One object a document: its source and the contract's ``participants`` list."""
    data = analysis.to_json()
    return {"schema": data["schema"], "source": data["source"], "participants": data.get("participants", [])}


def grouped(analysis: Analysis) -> list[tuple[str, list[Participant]]]:
    """(heading, participants) by kind, most mentioned first."""
    people = analysis.participants
    out = []
    for kind, heading in KINDS:
        items = sorted((p for p in people if p.kind == kind), key=lambda p: (-len(p.mentions), p.id))
        if items:
            out.append((heading, items))
    return out


def describe(p: Participant) -> list[Piece]:
    """'Natalya Gherman (3) - role; also: N. Gherman' as the pieces of one line."""
    from reader.palette import KIND_COLORS

    pieces: list[Piece] = [(one_line(p.name), f"bold {KIND_COLORS.get(p.kind, '')}"), (f" ({len(p.mentions)})", "dim")]
    if p.role:
        pieces.append(f" - {one_line(p.role)}")
    others = other_names(p)
    if others:
        pieces.append(("; also: " + ", ".join(others), "dim"))
    return pieces


def other_names(p: Participant) -> list[str]:
    """Aliases other than the name, once each (a line break inside a name is not a new name)."""
    out: list[str] = []
    for alias in map(one_line, p.aliases):
        if alias != one_line(p.name) and alias not in out:
            out.append(alias)
    return out


def _body(out: Output, analysis: Analysis) -> None:
    groups = grouped(analysis)
    if not groups:
        out.line(("(no participants found)", "dim"))
    for heading, items in groups:
        out.line((f"{heading}:", "bold"))
        for p in items:
            out.line(*describe(p), indent=2)
