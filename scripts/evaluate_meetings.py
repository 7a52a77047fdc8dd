"""Meeting summaries on QMSum: ROUGE-1/2 at the reference's length and the share of filler picked.

Each meeting is written out as a plain transcript, one ``Speaker: text`` turn a
paragraph, with the ASR tags (``{disfmarker}``, ``{vocalsound}``...) removed and
the spaces before punctuation closed. Every algorithm picks sentences within the
reference summary's length in words (``summarize(words=N)``, what a user gets);
a picked sentence is filler when it has four words or fewer, or only
backchannel words (yeah, okay, mm-hmm...), speaker label left out.

The meetings are split by a hash of their names: ``dev`` (tune here) and
``test`` (report this); ``all`` for both. With two to eight sentences a summary,
the score moves a lot from meeting to meeting, so a margin is also given paired:
``reader`` minus each of ``--against``, meeting by meeting, with its wins and a
95% bootstrap interval of the mean difference (an interval above 0 is a margin
that holds on meetings of the same kind; one that spans 0 is not).

``--segments`` measures the same on parts of the meetings: each "Summarize ..." query
of QMSum's specific queries (about 60: "Summarize the discussion about the remote's
buttons") with the turns it names, written out the same way, its answer the reference.
Three times as many items: a margin can hold there that the 17 meetings cannot show.

    python scripts/evaluate_meetings.py [--split dev|test|all] [--segments] [--algorithms a,b] [--against a,b]
    python scripts/evaluate_meetings.py --show NAME
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
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


def transcript(meeting: dict, turns_of: list[dict] | None = None) -> str:
    """One ``Speaker: text`` paragraph a turn (of ``turns_of``, or the whole meeting); turns left
    empty by the tag removal are dropped."""
    turns = []
    for turn in meeting["meeting_transcripts"] if turns_of is None else turns_of:
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
    parser.add_argument("--against", default="lsa,luhn,lead", help="baselines to compare 'reader' with, paired")
    parser.add_argument("--segments", action="store_true", help="the 'Summarize ...' queries' turn spans, not meetings")
    parser.add_argument("--root", type=Path, default=QMSUM, help="folder of QMSum meeting JSON files")
    parser.add_argument("--show", metavar="NAME", help="print the default summary of one meeting and stop")
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"corpus not found: {args.root}", file=sys.stderr)
        return 1
    if args.show:
        return show(args.root / f"{args.show}.json")
    names = args.algorithms.split(",")
    against = [n for n in args.against.split(",") if n and n in names and n != "reader"]
    if against and "reader" not in names:
        names.append("reader")
    paths = list(meetings(args.root, args.split))
    items = list(segments(paths)) if args.segments else [analysis_of(path) for path in paths]
    scores = evaluate(items, names)
    count = len(scores[names[0]]) if names else 0
    what = "meeting parts asked to be summarized" if args.segments else "meetings"
    print(f"{count} QMSum {what} ({args.split} split); summary length = the reference's words; mean F1")
    print()
    print("| algorithm | ROUGE-1 | ROUGE-2 | filler share |")
    print("|---|---|---|---|")
    for name in sorted(names, key=lambda n: -mean([s.rouge1 for s in scores[n]])):
        rows = scores[name]
        filler = sum(s.filler for s in rows) / max(sum(s.picked for s in rows), 1)
        print(
            f"| {name} | {mean([s.rouge1 for s in rows]):.3f} | {mean([s.rouge2 for s in rows]):.3f} | {filler:.1%} |"
        )
    if against:
        print()
        print(PAIRED_HEADER)
        for name in against:
            for metric in ("rouge1", "rouge2"):
                ours = [getattr(s, metric) for s in scores["reader"]]
                theirs = [getattr(s, metric) for s in scores[name]]
                print(paired_row(f"reader - {name}", metric, paired(ours, theirs)))
    return 0


@dataclass
class Scores:
    rouge1: float
    rouge2: float
    filler: int  # picked sentences that are filler
    picked: int


@dataclass
class Paired:
    """``a`` minus ``b``, item by item: the mean, how often ``a`` is ahead or behind, a bootstrap interval."""

    mean: float
    wins: int
    losses: int
    low: float
    high: float


PAIRED_HEADER = "| comparison | metric | mean difference | ahead / behind | 95% interval |\n|---|---|---|---|---|"


def paired(a: list[float], b: list[float], resamples: int = 10_000, seed: int = 0) -> Paired:
    """The paired difference ``a - b`` with a percentile bootstrap 95% interval of its mean (repeatable)."""
    import numpy as np

    diff = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if not len(diff):
        return Paired(0.0, 0, 0, 0.0, 0.0)
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), size=(resamples, len(diff)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Paired(float(diff.mean()), int((diff > 0).sum()), int((diff < 0).sum()), float(low), float(high))


def paired_row(label: str, metric: str, p: Paired) -> str:
    return f"| {label} | {metric} | {p.mean:+.3f} | {p.wins} / {p.losses} | {p.low:+.3f} .. {p.high:+.3f} |"


def mean(values: list[float]) -> float:
    return sum(values) / max(len(values), 1)


def analysis_of(path: Path):
    meeting = json.loads(path.read_text(encoding="utf-8"))
    reference = " ".join(q["answer"] for q in meeting["general_query_list"][:1])
    return _analyze(path.stem, transcript(meeting)), reference


def _analyze(name: str, text: str):
    from reader.analysis import analyze
    from reader.load import document_from_bytes

    return analyze(document_from_bytes(name, text.encode()), summary=False, participants=False)


_SUMMARIZE = re.compile(r"^\s*summari[sz]e\b", re.I)


def segments(paths: list[Path]):
    """(analysis, reference) for each "Summarize ..." specific query: the turns of its spans, its answer."""
    for path in paths:
        meeting = json.loads(path.read_text(encoding="utf-8"))
        turns = meeting["meeting_transcripts"]
        for k, query in enumerate(meeting["specific_query_list"]):
            if not _SUMMARIZE.match(query["query"]):
                continue
            spans = [(int(a), int(b)) for a, b in query["relevant_text_span"]]
            text = transcript(meeting, [turn for a, b in sorted(spans) for turn in turns[a : b + 1]])
            yield _analyze(f"{path.stem}-{k}", text), query["answer"]


def evaluate(items: list, names: list[str]) -> dict[str, list[Scores]]:
    """Each algorithm's scores, one per (analysis, reference) item, in their order."""
    from rouge_score import rouge_scorer

    from reader.summarize import summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    out: dict[str, list[Scores]] = {n: [] for n in names}
    for analysis, reference in items:
        budget = len(reference.split())
        for name in names:
            chosen = summarize(analysis, name, words=budget).selected
            picked = [analysis.sentence_text(i) for i in chosen]
            rouge = scorer.score(reference, " ".join(without_label(p) for p in picked))
            filler = sum(is_filler(p) for p in picked)
            out[name].append(Scores(rouge["rouge1"].fmeasure, rouge["rouge2"].fmeasure, filler, len(picked)))
    return out


def show(path: Path) -> int:
    from reader.summarize import summarize

    analysis, reference = analysis_of(path)
    for i in summarize(analysis, words=len(reference.split())).selected:
        print(analysis.sentence_text(i).replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
