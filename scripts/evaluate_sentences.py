#!/usr/bin/env python3
"""Measure the sentence splitter (and, side by side, nupunkt and NLTK Punkt).

Prints, per splitter: Golden Rules passed (and which fail), the pySBD extended and
regression sets, MB/s on War and Peace and Pride and Prejudice (split per blank-line
paragraph), the false splits after "Mr."/"Mrs." in Pride and Prejudice, and boundary F1 on
UD English EWT (dev split: its documents alternate into a development half, used to tune,
and a report half; each document's paragraphs are given, its sentences joined by a space, and
again one sentence a line, as mail and chat are often written), and on GUM (15 genres, a check).
Corpora live in ../shared/corpora; missing files are reported and skipped.

    python scripts/evaluate_sentences.py [--ours-only] [--ewt-errors N [--lines]]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.text import sentences  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
RULES = CORPORA / "sbd-golden-rules"
EWT = CORPORA / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
GUM = CORPORA / "gum"
NOVELS = {
    "War and Peace": CORPORA / "gutenberg" / "pg2600-war-and-peace.txt",
    "Pride and Prejudice": CORPORA / "gutenberg" / "pg1342-pride-and-prejudice.txt",
}
PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*")
TITLE_END = re.compile(r"\bMrs?\.$")

Splitter = Callable[[str, int, int], list[tuple[int, int]]]


def ours() -> Splitter:
    return sentences.split


def nupunkt_splitter() -> Splitter:
    import nupunkt

    def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
        return _trimmed(text, start, nupunkt.sent_spans(text[start:end]))

    return split


def nltk_splitter() -> Splitter:
    """NLTK Punkt, untrained, with our abbreviation lists as its parameters."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {
        a
        for group in (sentences._TITLES, sentences._INSIDE, sentences._AMBIGUOUS, sentences._BEFORE_NUMBER)
        for a in group
    }
    tokenizer = PunktSentenceTokenizer(params)

    def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
        return _trimmed(text, start, tokenizer.span_tokenize(text[start:end]))

    return split


def _trimmed(text: str, offset: int, spans) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        piece = text[offset + a : offset + b]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + a + lead, offset + a + lead + len(stripped)))
    return out


def _sentences(split: Splitter, text: str) -> list[str]:
    return [text[a:b].strip() for a, b in split(text, 0, len(text))]


def _load(name: str) -> list[dict] | None:
    path = RULES / name
    if not path.exists():
        return None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _expected(case: dict) -> list[str]:
    if "sentences" in case and case["sentences"] is not None:
        return [s.strip() for s in case["sentences"]]
    return [s["text"].strip() for s in case["spans"]]


def _squash(items: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in items]


def score(split: Splitter, cases: list[dict], squash: bool = False) -> tuple[int, list[str]]:
    passed, failed = 0, []
    for case in cases:
        got, want = _sentences(split, case["text"]), _expected(case)
        if squash:
            got, want = _squash(got), _squash(want)
        if got == want:
            passed += 1
        else:
            failed.append(str(case.get("id") or case.get("issue")))
    return passed, failed


def paragraphs(path: Path) -> tuple[str, list[tuple[int, int]]]:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    return text, [m.span() for m in PARAGRAPH.finditer(text)]


def speed(split: Splitter, text: str, paras: list[tuple[int, int]], repeat: int = 3) -> tuple[float, list]:
    """Best of ``repeat`` runs (the machine is shared), in MB of UTF-8 paragraph text per second."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        found = [split(text, a, b) for a, b in paras]
        best = min(best, time.perf_counter() - began)
    size = sum(len(text[a:b].encode("utf-8")) for a, b in paras)
    return size / 1e6 / best, found


def title_false_splits(text: str, found: list[list[tuple[int, int]]]) -> int:
    """Sentences that end in "Mr." or "Mrs." while their paragraph goes on."""
    return sum(1 for spans in found for a, b in spans[:-1] if TITLE_END.search(text[a:b]))


def ewt_documents(path: Path, joint: str = " ") -> list[tuple[str, str, list[tuple[int, int]], set[int]]]:
    """(id, text, paragraph spans, gold sentence ends) per EWT document; ``joint`` joins the sentences
    of a paragraph (a space, or a line break: one sentence a line, as mail and chat are often written)."""
    docs: list[tuple[str, list[list[str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            docs.append((line.split("= ", 1)[1], []))
        elif line.startswith("# newpar") and docs:
            docs[-1][1].append([])
        elif line.startswith("# text = ") and docs:
            if not docs[-1][1]:
                docs[-1][1].append([])
            docs[-1][1][-1].append(line.split("= ", 1)[1].strip())
    out = []
    for doc_id, paras in docs:
        text, spans, ends = "", [], set()
        for sentences_of in (p for p in paras if p):
            if text:
                text += "\n\n"
            start = len(text)
            for k, sentence in enumerate(sentences_of):
                text += (joint if k else "") + sentence
                ends.add(len(text))
            spans.append((start, len(text)))
        out.append((doc_id, text, spans, ends))
    return out


def ewt_scores(split: Splitter, docs: list, errors: int = 0) -> dict[str, tuple[int, int, int]]:
    """(true, found, gold) boundary counts per genre and "all"; a boundary is a sentence end."""
    counts: dict[str, list[int]] = {}
    shown = 0
    for doc_id, text, spans, gold in docs:
        found = {b for a, z in spans for _, b in split(text, a, z)}
        if split is sentences.split and sentences.casual(text):
            found = {b for a, z in spans for _, b in sentences.split(text, a, z, True)}
        for key in ("all", doc_id.split("-", 1)[0]):
            c = counts.setdefault(key, [0, 0, 0])
            c[0] += len(found & gold)
            c[1] += len(found)
            c[2] += len(gold)
        for pos in sorted(found ^ gold):
            if shown < errors:
                shown += 1
                kind = "missed" if pos in gold else "extra "
                print(f"    {kind} {text[max(0, pos - 50) : pos]!r} | {text[pos : pos + 30]!r}")
    return {k: (c[0], c[1], c[2]) for k, c in counts.items()}


def _f1(true: int, found: int, gold: int) -> float:
    return 2 * true / (found + gold) if found + gold else 1.0


def report_ewt(split: Splitter, errors: int, joint: str = " ") -> None:
    if not EWT.exists():
        print("  EWT: corpus absent, skipped")
        return
    docs = ewt_documents(EWT, joint)
    halves = {"development half": docs[0::2], "report half": docs[1::2]}
    for label, part in halves.items():
        if joint != " ":
            label += ", one sentence a line"
        scores = ewt_scores(split, part, errors if label.startswith("development half") else 0)
        genres = ", ".join(f"{k} {_f1(*v):.3f}" for k, v in sorted(scores.items()) if k != "all")
        true, found, gold = scores["all"]
        print(
            f"  EWT {label} ({len(part)} documents): boundary F1 {_f1(true, found, gold):.3f} "
            f"(P {true / max(1, found):.3f}, R {true / max(1, gold):.3f}); {genres}"
        )


def report_gum(split: Splitter) -> None:
    """Boundary F1 on GUM's 199 documents in 15 genres (rendered as EWT is): a check that web-text
    rules cost nothing on other writing (author blocks, speeches, references, dialogue)."""
    paths = sorted(GUM.glob("*.conllu")) if GUM.exists() else []
    if not paths:
        print("  GUM: corpus absent, skipped")
        return
    docs = [doc for path in paths for doc in ewt_documents(path)]
    counts: dict[str, list[int]] = {}
    for doc_id, text, spans, gold in docs:
        lower = split is sentences.split and sentences.casual(text)
        found = {b for a, z in spans for _, b in (sentences.split(text, a, z, True) if lower else split(text, a, z))}
        for key in ("all", doc_id.split("_")[1]):
            c = counts.setdefault(key, [0, 0, 0])
            c[0] += len(found & gold)
            c[1] += len(found)
            c[2] += len(gold)
    true, found_n, gold_n = counts.pop("all")
    genres = ", ".join(f"{k} {_f1(*v):.3f}" for k, v in sorted(counts.items()))
    print(
        f"  GUM ({len(docs)} documents): boundary F1 {_f1(true, found_n, gold_n):.3f} "
        f"(P {true / max(1, found_n):.3f}, R {true / max(1, gold_n):.3f}); {genres}"
    )


def report(name: str, split: Splitter, novels: dict, errors: int = 0, lines: bool = False) -> None:
    print(f"== {name}")
    golden = _load("golden_rules_en.jsonl")
    if golden is None:
        print("  golden rules: corpus absent, skipped")
    else:
        passed, failed = score(split, golden)
        print(f"  golden rules: {passed}/{len(golden)}  failing: {', '.join(failed) or 'none'}")
    for label, file, squash in (
        ("extended (clean=False)", "en_extended_clean_false.jsonl", False),
        ("extended (clean=True, whitespace-normalised)", "en_extended_clean_true.jsonl", True),
        ("regression issues", "regression_issues.jsonl", False),
    ):
        cases = _load(file)
        if cases is not None:
            passed, failed = score(split, cases, squash)
            print(f"  {label}: {passed}/{len(cases)}  failing: {', '.join(failed) or 'none'}")
    for title, (text, paras) in novels.items():
        rate, found = speed(split, text, paras)
        count = sum(len(s) for s in found)
        line = f"  {title}: {rate:.1f} MB/s, {count} sentences in {len(paras)} paragraphs"
        if title == "Pride and Prejudice":
            line += f", Mr./Mrs. false splits: {title_false_splits(text, found)}"
        print(line)
    report_ewt(split, errors if not lines else 0)
    report_ewt(split, errors if lines else 0, "\n")
    report_gum(split)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours-only", action="store_true", help="skip nupunkt and NLTK Punkt")
    parser.add_argument("--ewt-errors", type=int, default=0, help="show N boundary errors of the EWT development half")
    parser.add_argument("--lines", action="store_true", help="show the errors of the one-sentence-a-line rendering")
    args = parser.parse_args()
    novels = {}
    for title, path in NOVELS.items():
        if path.exists():
            novels[title] = paragraphs(path)
        else:
            print(f"{title}: corpus absent, skipped")
    candidates = [("reader.text.sentences (rule-based)", ours)]
    if not args.ours_only:
        candidates += [
            ("nupunkt (packaged model)", nupunkt_splitter),
            ("NLTK Punkt (our abbreviations)", nltk_splitter),
        ]
    for name, make in candidates:
        try:
            split = make()
        except ImportError as exc:
            print(f"== {name}: not installed ({exc.name}), skipped")
            continue
        report(name, split, novels, args.ewt_errors, args.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
