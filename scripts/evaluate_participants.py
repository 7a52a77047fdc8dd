"""Score the participant recognizer on CoNLL-2003 (entity level, exact span and type, as conlleval).

Each CoNLL document is rebuilt as text (tokens joined by spaces, one sentence a line),
analysed with the CoNLL sentences as body sentences, and every participant mention is
mapped back to tokens. PER/ORG/LOC are compared with person/organization/place.
MISC gold entities are not counted; a prediction on a MISC span counts as a false
positive, as conlleval would count it.

    /work/venv/bin/python scripts/evaluate_participants.py [CONLL_FILE] [--errors N]
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from collections import Counter
from pathlib import Path

from reader.model import Analysis, Document, Paragraph, Section, Sentence
from reader.text import participants

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/conll2003-ner/conllpp_test_dev.txt"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents, each a list of sentences of (token, tag)."""
    docs: list = []
    sentence: list = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence and docs:
                docs[-1].append(sentence)
            sentence = []
        elif parts[0] == "-DOCSTART-":
            docs.append([])
        else:
            sentence.append((parts[0], parts[-1]))
    if sentence and docs:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def build(doc) -> tuple[Analysis, list[int], list[int]]:
    """An Analysis of the rebuilt text, and the start and end offsets of every token."""
    lines, starts, ends, sentences, pos = [], [], [], [], 0
    for n, sentence in enumerate(doc):
        line_start = pos
        for token, _ in sentence:
            starts.append(pos)
            ends.append(pos + len(token))
            pos += len(token) + 1
        lines.append(" ".join(t for t, _ in sentence))
        sentences.append(Sentence(line_start, pos - 1, 0, n))
    text = "\n".join(lines)
    analysis = Analysis(
        document=Document(source="conll", text=text),
        title="",
        sections=[Section("", 1, "topic", 0, len(text))],
        paragraphs=[Paragraph(s.start, s.end) for s in sentences],
        sentences=sentences,
    )
    return analysis, starts, ends


def gold_entities(doc) -> set[tuple[int, int, str]]:
    """(first token, last token + 1, type) from IOB2 tags, numbering tokens across the document."""
    out, i, start, kind = set(), 0, None, None
    for sentence in doc:
        for _, tag in sentence:
            if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
                out.add((start, i, kind))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = i, tag[2:]
            i += 1
        if start is not None:
            out.add((start, i, kind))
            start = None
    return out


def predicted(analysis, starts, ends) -> set[tuple[int, int, str]]:
    out = set()
    types = {v: k for k, v in TYPES.items()}
    for p in participants.find(analysis):
        for m in p.mentions:
            a = bisect.bisect_right(starts, m.start) - 1
            b = bisect.bisect_left(ends, m.end) + 1
            aligned = starts[a] == m.start and ends[b - 1] == m.end
            # A span that cuts a token can match nothing: it stays a false positive of its type.
            out.add((a, b, types[p.kind]) if aligned else (-1 - m.start, b, types[p.kind]))
    return out


def score(docs, show_errors: int = 0):
    counts = {t: Counter() for t in TYPES}
    errors = []
    t0 = time.perf_counter()
    results = []
    for doc in docs:
        analysis, starts, ends = build(doc)
        results.append((doc, predicted(analysis, starts, ends)))
    elapsed = time.perf_counter() - t0
    for doc, pred in results:
        gold = gold_entities(doc)
        misc = {(a, b) for a, b, k in gold if k == "MISC"}
        gold = {g for g in gold if g[2] in TYPES}
        for a, b, k in pred:
            if (a, b, k) in gold:
                counts[k]["tp"] += 1
            else:
                counts[k]["fp"] += 1
                errors.append(("FP", doc, a, b, k, "MISC" if (a, b) in misc else ""))
        for a, b, k in gold - pred:
            counts[k]["fn"] += 1
            errors.append(("FN", doc, a, b, k, ""))
    if show_errors:
        _print_errors(errors, show_errors)
    return counts, elapsed


def _print_errors(errors, limit):
    for what, doc, a, b, k, note in errors[:limit]:
        words = [t for s in doc for t, _ in s]
        print(f"{what} {k:<12} {' '.join(words[a:b])!r:40} {note}  ...{' '.join(words[max(0, a - 4) : b + 3])}")


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"evaluate_participants: {args.path}: not found", file=sys.stderr)
        return 1
    from reader.text import gazetteer

    gazetteer.preload()  # loading lists is start-up, not per document
    docs = read_conll(args.path)
    counts, elapsed = score(docs, args.errors)
    total = sum(counts.values(), Counter())
    print(f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for t, c in counts.items():
        p, r, f = prf(c)
        print(f"{t:<6}{p:7.3f}{r:7.3f}{f:7.3f}{c['tp'] + c['fn']:7d}")
    p, r, f = prf(total)
    print(f"{'all':<6}{p:7.3f}{r:7.3f}{f:7.3f}{total['tp'] + total['fn']:7d}")
    print(f"{len(docs)} documents in {elapsed:.2f} s: {len(docs) / elapsed:.0f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
