"""One-sentence summaries across genres on GUM: ROUGE of the top-ranked sentence and of the top three.

Each GUM document is written out as plain text, one paragraph per ``# newpar``
(sentences from ``# text``), a speaker's turn as ``Name: text``. Its references
are the human one-sentence summaries (``# meta::summaryN = (human...)``); a
score is the best over them (ROUGE F1, stemmed). Columns: the top-ranked
sentence's ROUGE-1, the top three's ROUGE-1/2, and how many of the top three
are GUM heading blocks (headlines are front matter, never summary sentences).
``lead-body`` is lead without the GUM heading blocks our segmentation keeps as
sentences: the first three sentences a summarizer may pick (``reader`` never
picks a short line without final punctuation), so it compares like with like.

Documents are split by a hash of their id into ``dev`` (tune here) and ``test`` (report this).
``reader`` is also compared paired with each of ``--against``, document by document
(top-1 ROUGE-1 and top-3 ROUGE-2: the mean difference, wins, a 95% bootstrap interval).

    python scripts/evaluate_genres.py [--split dev|test|all] [--algorithms a,b] [--against a,b] [--root DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUM = ROOT.parent / "shared" / "corpora" / "gum"
_WHO = re.compile(r'who:::"#([^"]+)"')
_HUMAN = re.compile(r"^\(human\d*\)\s*")
GROUP_ALGORITHMS = ("reader", "textrank", "lead", "lead-body")
LEAD_BODY = "lead-body"


@dataclass
class Doc:
    id: str
    genre: str = ""
    references: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, list[str]]] = field(default_factory=list)  # (block kind, sentences)

    def text(self) -> str:
        out = []
        for kind, sentences in self.paragraphs:
            body = " ".join(sentences)
            who = _WHO.search(kind)
            out.append(f"{who.group(1).replace('_', ' ')}: {body}" if who else body)
        return "\n\n".join(out) + "\n"

    def headings(self) -> set[str]:
        return {" ".join(s).strip() for kind, s in self.paragraphs if kind.startswith("head")}


def read_docs(path: Path):
    doc: Doc | None = None
    kind = "p"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            if doc:
                yield doc
            doc = Doc(line.split("= ", 1)[1].strip())
        elif doc is None or not line.startswith("# "):
            continue
        elif line.startswith("# meta::genre = "):
            doc.genre = line.split("= ", 1)[1].strip()
        elif line.startswith("# meta::summary") and "(human" in line:
            doc.references.append(_HUMAN.sub("", line.split("= ", 1)[1].strip()))
        elif line.startswith("# newpar_block = "):
            kind = line.split("= ", 1)[1]
            if doc.paragraphs and not doc.paragraphs[-1][1]:
                doc.paragraphs[-1] = (kind, [])
        elif line.strip() == "# newpar":
            doc.paragraphs.append((kind := "p", []))
        elif line.startswith("# text = "):
            if not doc.paragraphs:
                doc.paragraphs.append((kind, []))
            doc.paragraphs[-1][1].append(line.split("= ", 1)[1])
    if doc:
        yield doc


def split_of(name: str) -> str:
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def documents(root: Path, split: str) -> list[Doc]:
    docs = []
    for path in sorted(root.glob("*.conllu")):
        for doc in read_docs(path):
            if doc.references and split in ("all", split_of(doc.id)):
                docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    from reader.summarize import ALGORITHMS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--algorithms", default=",".join([*ALGORITHMS, LEAD_BODY]))
    parser.add_argument("--against", default="lead,lead-body,textrank", help="rankers to compare 'reader' with")
    parser.add_argument("--root", type=Path, default=GUM, help="folder of GUM .conllu files")
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"corpus not found: {args.root}", file=sys.stderr)
        return 1
    names = args.algorithms.split(",")
    docs = documents(args.root, args.split)
    scores = evaluate(docs, names)
    print(f"{len(docs)} GUM documents ({args.split} split); best ROUGE F1 over the human summaries")
    print()
    print("| algorithm | top-1 R1 | top-3 R1 | top-3 R2 | headings in top 3 |")
    print("|---|---|---|---|---|")
    for name in sorted(names, key=lambda n: -mean(scores[n], 0)):
        rows = scores[name]
        print(
            f"| {name} | {mean(rows, 0):.3f} | {mean(rows, 1):.3f} | {mean(rows, 2):.3f} | {sum(r[3] for r in rows)} |"
        )
    by_genre(docs, scores, [n for n in GROUP_ALGORITHMS if n in names])
    against = [n for n in args.against.split(",") if n in names and n != "reader"]
    if "reader" in names and against:
        compare(scores, against)
    return 0


def compare(scores: dict[str, list[tuple]], against: list[str]) -> None:
    """``reader`` minus each of ``against``, document by document, on top-1 ROUGE-1 and top-3 ROUGE-2."""
    sys.path.insert(0, str(ROOT))
    from scripts.evaluate_meetings import PAIRED_HEADER, paired, paired_row

    print()
    print(PAIRED_HEADER)
    for name in against:
        for column, metric in ((0, "top-1 rouge1"), (2, "top-3 rouge2")):
            ours = [row[column] for row in scores["reader"]]
            theirs = [row[column] for row in scores[name]]
            print(paired_row(f"reader - {name}", metric, paired(ours, theirs)))


def mean(rows: list[tuple], column: int) -> float:
    return sum(r[column] for r in rows) / max(len(rows), 1)


def by_genre(docs: list[Doc], scores: dict, names: list[str]) -> None:
    groups: dict[str, list[int]] = defaultdict(list)
    for k, doc in enumerate(docs):
        groups[doc.genre].append(k)
    print()
    header = " | ".join(f"{n} top-1 R1 | {n} top-3 R2" for n in names)
    print(f"| genre | docs | {header} |")
    print("|---|---|" + "---|" * (2 * len(names)))
    for genre in sorted(groups):
        cells = []
        for name in names:
            rows = [scores[name][k] for k in groups[genre]]
            cells.append(f"{mean(rows, 0):.3f} | {mean(rows, 2):.3f}")
        print(f"| {genre} | {len(groups[genre])} | {' | '.join(cells)} |")


def evaluate(docs: list[Doc], names: list[str]) -> dict[str, list[tuple]]:
    from rouge_score import rouge_scorer

    from reader.analysis import analyze
    from reader.load import document_from_bytes
    from reader.summarize import summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    out: dict[str, list[tuple]] = {n: [] for n in names}
    for doc in docs:
        analysis = analyze(document_from_bytes(doc.id, doc.text().encode()), summary=False, participants=False)
        headings = doc.headings()
        for name in names:
            if name == LEAD_BODY:
                order = [i for i in range(len(analysis.sentences)) if not is_heading(analysis, i, headings)]
                texts = [analysis.sentence_text(i) for i in order[:3]]
                one = best(scorer, doc.references, texts[:1])
            else:
                summary = summarize(analysis, name, sentences=3)
                texts = [analysis.sentence_text(i) for i in summary.selected]
                one = best(scorer, doc.references, [analysis.sentence_text(r.sentence) for r in summary.ranking[:1]])
            three = best(scorer, doc.references, texts)
            heads = sum(" ".join(t.split()) in headings for t in texts)
            out[name].append((one[0], three[0], three[1], heads))
    return out


def is_heading(analysis, index: int, headings: set[str]) -> bool:
    return " ".join(analysis.sentence_text(index).split()) in headings


def best(scorer, references: list[str], picked: list[str]) -> tuple[float, float]:
    if not picked:
        return 0.0, 0.0
    scores = [scorer.score(ref, " ".join(picked)) for ref in references]
    return max(s["rouge1"].fmeasure for s in scores), max(s["rouge2"].fmeasure for s in scores)


if __name__ == "__main__":
    sys.exit(main())
