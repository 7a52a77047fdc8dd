"""Meeting summaries on QMSum: ROUGE-1/2 at the reference's length and the share of filler picked.

Each meeting is written out as a plain transcript, one ``Speaker: text`` turn a
paragraph, with the ASR tags (``{disfmarker}``, ``{vocalsound}``...) removed and
the spaces before punctuation closed. Every algorithm picks sentences within the
reference summary's length in words (``summarize(words=N)``, what a user gets);
a picked sentence is filler when it has four words or fewer, or only
backchannel words (yeah, okay, mm-hmm...), speaker label left out.

The meetings are split by a hash of their names: ``dev`` (tune here) and
``test`` (report this); ``all`` for both.

    python scripts/evaluate_meetings.py [--split dev|test|all] [--algorithms a,b] [--root DIR] [--show NAME]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QMSUM = ROOT.parent / "shared" / "corpora" / "qmsum-meetings" / "test"

_TAG = re.compile(r"\{\w+\}")
_SPACE_BEFORE = re.compile(r"\s+([.,!?;:%)\]'])")
_SPACES = re.compile(r"[ \t]+")
_LABEL = re.compile(r"^[^:\n]{1,80}:\s+")
_WORD = re.compile(r"[\w'-]+")
BACKCHANNEL = frozenset(
    "yeah yes yep yup no nope okay ok right sure oh uh um hmm mm mm-hmm uh-huh huh ah so well alright "
    "and but or i mean like just hm um-hmm mmm oops wow cool great good fine exactly really true".split()
)


def split_of(name: str) -> str:
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def clean_turn(content: str) -> str:
    text = _TAG.sub(" ", content)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = text.replace(" n't", "n't")
    return _SPACES.sub(" ", text).strip()


def transcript(meeting: dict) -> str:
    """One ``Speaker: text`` paragraph a turn; turns left empty by the tag removal are dropped."""
    turns = []
    for turn in meeting["meeting_transcripts"]:
        text = clean_turn(turn["content"])
        if _WORD.search(text):
            turns.append(f"{turn['speaker'].strip()}: {text}")
    return "\n\n".join(turns) + "\n"


def without_label(sentence: str) -> str:
    return _LABEL.sub("", sentence, count=1)


def is_filler(sentence: str) -> bool:
    words = [w.lower() for w in _WORD.findall(without_label(sentence))]
    return len(words) <= 4 or all(w in BACKCHANNEL for w in words)


def meetings(root: Path, split: str):
    for path in sorted(root.glob("*.json")):
        if split in ("all", split_of(path.stem)):
            yield path


def main(argv: list[str] | None = None) -> int:
    from reader.summarize import ALGORITHMS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--root", type=Path, default=QMSUM, help="folder of QMSum meeting JSON files")
    parser.add_argument("--show", metavar="NAME", help="print the default summary of one meeting and stop")
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"corpus not found: {args.root}", file=sys.stderr)
        return 1
    if args.show:
        return show(args.root / f"{args.show}.json")
    names = args.algorithms.split(",")
    totals, count = evaluate(list(meetings(args.root, args.split)), names)
    print(f"{count} QMSum meetings ({args.split} split); summary length = the reference's words; mean F1")
    print()
    print("| algorithm | ROUGE-1 | ROUGE-2 | filler share |")
    print("|---|---|---|---|")
    for name in sorted(names, key=lambda n: -totals[n][0]):
        r1, r2, filler, picked = totals[name]
        print(f"| {name} | {r1 / max(count, 1):.3f} | {r2 / max(count, 1):.3f} | {filler / max(picked, 1):.1%} |")
    return 0


def analysis_of(path: Path):
    from reader.analysis import analyze
    from reader.load import document_from_bytes

    meeting = json.loads(path.read_text(encoding="utf-8"))
    text = transcript(meeting)
    reference = " ".join(q["answer"] for q in meeting["general_query_list"][:1])
    return analyze(document_from_bytes(path.stem, text.encode()), summary=False, participants=False), reference


def evaluate(paths: list[Path], names: list[str]):
    from rouge_score import rouge_scorer

    from reader.summarize import summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    totals = {n: [0.0, 0.0, 0, 0] for n in names}
    for path in paths:
        analysis, reference = analysis_of(path)
        budget = len(reference.split())
        for name in names:
            chosen = summarize(analysis, name, words=budget).selected
            picked = [analysis.sentence_text(i) for i in chosen]
            rouge = scorer.score(reference, " ".join(without_label(p) for p in picked))
            t = totals[name]
            t[0] += rouge["rouge1"].fmeasure
            t[1] += rouge["rouge2"].fmeasure
            t[2] += sum(is_filler(p) for p in picked)
            t[3] += len(picked)
    return totals, len(paths)


def show(path: Path) -> int:
    from reader.summarize import summarize

    analysis, reference = analysis_of(path)
    for i in summarize(analysis, words=len(reference.split())).selected:
        print(analysis.sentence_text(i).replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
