"""Write the participants and quotes of a fixed set of documents as JSON, to diff before and after a change.

    python scripts/dump_participants.py OUT.json [--gum N]

The set: the CoNLL++ development documents (1-57), the first N GUM documents of the dev split
(default 30) and two novels (War and Peace, Pride and Prejudice), all from ../shared/corpora.
A change meant to be a pure speed-up must leave the file byte for byte the same:

    git checkout OLD && python scripts/dump_participants.py /tmp/before.json
    git checkout NEW && python scripts/dump_participants.py /tmp/after.json
    cmp /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import evaluate_participants as ep

NOVELS = ("pg2600-war-and-peace.txt", "pg1342-pride-and-prejudice.txt")


def found(analysis) -> dict:
    from reader.text import participants, quotes

    analysis.participants = participants.find(analysis)
    analysis.quotes = quotes.find(analysis)
    return {
        "participants": [dataclasses.asdict(p) for p in analysis.participants],
        "quotes": [dataclasses.asdict(q) for q in analysis.quotes],
    }


def documents(gum_count: int):
    """(name, analysis) of every document in the set, built lazily."""
    from reader.load import load
    from reader.text.structure import segment

    for n, doc in enumerate(ep.read_conll(ep.DEFAULT)[: ep.DEV_DOCS], 1):
        yield f"conll-{n}", ep.build(doc)[0]
    gum = [d for p in ("dev", "train") for d in ep.read_gum(ep.CORPORA / f"gum/en_gum-ud-{p}.conllu")]
    for doc in [d for d in gum if ep.gum_split(d.id) == "dev"][:gum_count]:
        yield doc.id, ep.build_gum(doc)[0]
    for name in NOVELS:
        yield name, segment(load(str(ep.CORPORA / "gutenberg" / name)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--gum", type=int, default=30, help="how many GUM dev documents (default 30)")
    args = parser.parse_args(argv)
    needed = [ep.DEFAULT, ep.CORPORA / "gum/en_gum-ud-dev.conllu", ep.CORPORA / "gum/en_gum-ud-train.conllu"]
    needed += [ep.CORPORA / "gutenberg" / name for name in NOVELS]
    missing = [p for p in needed if not p.exists()]
    if missing:
        print(f"dump_participants: {missing[0]}: not found", file=sys.stderr)
        return 1
    out = {name: found(analysis) for name, analysis in documents(args.gum)}
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
