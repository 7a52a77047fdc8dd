"""Summary quality on BBC News Summary: sentence F1 and ROUGE-1/2/L F1 per algorithm.

For each article, each algorithm picks as many sentences as the reference summary
has; a picked sentence matches a reference sentence when their lower-cased word
sets overlap with Dice >= 0.6 (one to one). The article's first line is its title.

Articles are split into two fixed halves by a hash of ``category/name``: ``dev`` and ``test``
(``all``, the default, for both). Nothing is fitted on BBC (the article text is the BBC's): the halves let a
change chosen while looking at one half be reported on the other.

    python scripts/evaluate_summaries.py [--split dev|test|all] [--limit N] [--algorithms a,b] [--categories c,d]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BBC = ROOT.parent / "shared" / "corpora" / "bbc-news-summary" / "BBC News Summary"
DICE = 0.6
# References are sentences run together: "...$10.9bn.For the full-year..."
_REFERENCE_BREAK = re.compile(r"(?<=[.!?])(?=[\"']?[A-Z])|(?<=[.!?][\"'])(?=[A-Z\"'])")
_WORD = re.compile(r"\w+")


def reference_sentences(summary: str) -> list[str]:
    return [p.strip() for p in _REFERENCE_BREAK.split(summary) if p.strip()]


def word_set(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def matches(picked: list[str], reference: list[str]) -> int:
    """One-to-one matches with Dice >= 0.6, best pairs first."""
    pairs = []
    ref_sets = [word_set(r) for r in reference]
    for i, p in enumerate(picked):
        ps = word_set(p)
        for j, rs in enumerate(ref_sets):
            d = dice(ps, rs)
            if d >= DICE:
                pairs.append((d, i, j))
    used_i, used_j, count = set(), set(), 0
    for _d, i, j in sorted(pairs, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            count += 1
    return count


def analysis_of(path: Path):
    from reader.analysis import analyze
    from reader.load import load

    return analyze(load(str(path)), summary=False, participants=False)


def split_of(category: str, name: str) -> str:
    return "dev" if hashlib.sha1(f"{category}/{name}".encode()).digest()[0] % 2 == 0 else "test"


def articles(categories: list[str], limit: int | None, root: Path = BBC, split: str = "all"):
    for category in categories:
        files = sorted((root / "News Articles" / category).glob("*.txt"))
        files = [p for p in files if split in ("all", split_of(category, p.name))]
        for path in files[:limit]:
            yield category, path, root / "Summaries" / category / path.name


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    from reader.summarize import ALGORITHMS, summarize

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--limit", type=int, help="articles per category (default: all)")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--categories", default="business,entertainment,sport")
    parser.add_argument("--root", type=Path, default=BBC, help="folder with 'News Articles' and 'Summaries'")
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"corpus not found: {args.root}", file=sys.stderr)
        return 1
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    names = args.algorithms.split(",")
    totals = {n: [0.0, 0.0, 0.0, 0.0] for n in names}
    seconds = {n: 0.0 for n in names}
    count = 0
    for _category, article, summary in articles(args.categories.split(","), args.limit, args.root, args.split):
        analysis = analysis_of(article)
        reference = reference_sentences(summary.read_text(encoding="utf-8", errors="replace"))
        k = min(len(reference), len(analysis.sentences))
        if not k:
            continue
        count += 1
        for name in names:
            start = time.perf_counter()
            chosen = summarize(analysis, name, sentences=k).selected
            seconds[name] += time.perf_counter() - start
            picked = [analysis.sentence_text(i) for i in chosen]
            m = matches(picked, reference)
            rouge = scorer.score(" ".join(reference), " ".join(picked))
            t = totals[name]
            t[0] += f1(m / len(picked), m / len(reference))
            t[1] += rouge["rouge1"].fmeasure
            t[2] += rouge["rouge2"].fmeasure
            t[3] += rouge["rougeL"].fmeasure
    print(f"{count} articles ({args.categories}; {args.split} split); k = sentences in the reference; mean F1")
    print()
    print("| algorithm | sentence F1 | ROUGE-1 | ROUGE-2 | ROUGE-L | ms/article |")
    print("|---|---|---|---|---|---|")
    rows = sorted(names, key=lambda n: -totals[n][2])
    for name in rows:
        t = [x / max(count, 1) for x in totals[name]]
        ms = 1000 * seconds[name] / max(count, 1)
        print(f"| {name} | {t[0]:.3f} | {t[1]:.3f} | {t[2]:.3f} | {t[3]:.3f} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
