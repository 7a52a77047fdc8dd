"""Train the name tagger (reader/text/tagger.py) on GUM and write its weights.

Gold names are those of ``scripts/evaluate_participants.py`` (its GUM reader and gold), cut
into the reader's own tokens and tagged B/I per kind. The learner is nltk's averaged perceptron
(no download), decoding greedily as the reader does. Only openly licensed genres are used by
default: GUM's wikiHow and fiction are CC BY-NC-SA and are never trained on.

    python scripts/train_names.py [--split dev|test|all] [--out FILE] [--epochs N] [GUM .conllu ...]
    python scripts/train_names.py --split dev --folds 3 [--seed N | --seeds 1-4] [--bags N]

``--folds K`` writes no weights: it cross-validates inside the chosen split (K folds of its
documents by a hash of their id; each fold scored by a model trained on the other folds'
open-genre documents) and prints the per-genre figures. Design choices are tuned on these,
as the mean over several training orders (``--seeds 1-4``): one order moves them by ±0.003.

``--split dev`` trains on the dev half of the documents (the hash split of the evaluation
script), so that ``evaluate_participants.py --split test --model FILE`` gives held-out figures.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.text import participants, tagger  # noqa: E402
from scripts import evaluate_participants as ev  # noqa: E402

# Genres GUM's LICENSE.txt names as CC BY or public domain. Never wikiHow ("whow") or fiction (CC BY-NC-SA).
OPEN_GENRES = ("bio", "conversation", "interview", "news", "speech", "textbook", "vlog", "voyage")
OUT = Path(__file__).resolve().parents[1] / "reader/text/data" / tagger.MODEL_FILE

Example = tuple[tagger.Sentence, tagger.DocumentEvidence, list[str]]


def examples(doc: ev.GumDoc) -> list[Example]:
    """Every sentence of a document with the features' document evidence and its gold tags."""
    analysis, starts, ends = ev.build_gum(doc)
    gold = sorted((starts[a], ends[b - 1], kind) for a, b, kind in ev.gum_gold(doc))
    sentences, rules, lower = participants.rule_mentions(analysis)
    evidence = tagger.prepare(sentences, rules, lower)
    return [(s, evidence, gold_tags(s, gold)) for s in sentences if not s.ruled]


def gold_tags(s: tagger.Sentence, gold: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(s.tokens)
    for start, end, kind in gold:
        inside = [i for i, t in enumerate(s.tokens) if t.start >= start and t.end <= end]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + kind
    return tags


def train(data: list[Example], epochs: int, seed: int = 1, bags: int = 1) -> dict[str, dict[str, float]]:
    """Averaged perceptron weights; with ``bags`` > 1, the mean of that many perceptrons each
    trained on its own order of the sentences (one order alone moves the figures by ±0.003)."""
    if bags <= 1:
        return train_one(data, epochs, seed)
    total: dict[str, dict[str, float]] = {}
    for n in range(bags):
        for feat, per_tag in train_one(data, epochs, seed + 1000 * n).items():
            row = total.setdefault(feat, {})
            for t, w in per_tag.items():
                row[t] = row.get(t, 0.0) + w / bags
    return total


def train_one(data: list[Example], epochs: int, seed: int) -> dict[str, dict[str, float]]:
    from nltk.tag.perceptron import AveragedPerceptron

    learner = AveragedPerceptron()
    learner.classes = set(tagger.TAGS)
    rng = random.Random(seed)
    data = list(data)
    for epoch in range(epochs):
        rng.shuffle(data)
        right = total = 0
        for s, evidence, gold in data:
            prev, prev2 = "<s>", "<s>"
            for i, t in enumerate(s.tokens):
                guess = "O"
                if tagger.scored(s, i, evidence):
                    feats = tagger.static_features(s, i, evidence)
                    feats += tagger.moving_features(prev, prev2, t.key, tagger.shape(t.text))
                    counts = dict.fromkeys(feats, 1)
                    guess = learner.predict(counts)[0]
                    learner.update(gold[i], guess, counts)
                    right += guess == gold[i]
                    total += 1
                    guess = tagger.valid(guess, prev)
                prev2, prev = prev, guess
        print(f"epoch {epoch + 1}: {right / max(total, 1):.3f} of {total} words right", file=sys.stderr)
    learner.average_weights()
    return learner.weights


def save(weights: dict[str, dict[str, float]], path: Path, min_weight: float) -> int:
    """Keep features with a weight worth having; write names and a float16 matrix."""
    col = {t: n for n, t in enumerate(tagger.TAGS)}
    names, rows = [], []
    for feat, per_tag in sorted(weights.items()):
        if "\n" in feat or max((abs(w) for w in per_tag.values()), default=0.0) < min_weight:
            continue
        row = np.zeros(len(tagger.TAGS), dtype=np.float32)
        for t, w in per_tag.items():
            row[col[t]] = w
        names.append(feat)
        rows.append(row)
    blob = np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8)
    with path.open("wb") as handle:
        np.savez_compressed(handle, features=blob, weights=np.array(rows, dtype=np.float16))
    return len(names)


def fold_of(doc_id: str, folds: int) -> int:
    """A document's fold, from a byte of its hash other than the one that splits dev from test."""
    return hashlib.md5(doc_id.encode()).digest()[1] % folds


def cross_validate(docs: list[ev.GumDoc], genres: set[str], folds: int, options: argparse.Namespace) -> None:
    """Per-genre figures of each fold scored by a model trained on the other folds, as the mean
    over the training orders in ``options.seeds`` (each order's overall F1 is listed too)."""
    runs: list[dict[str, Counter]] = []
    rules: dict[str, Counter] = {}
    cached: dict[str, list[Example]] = {}
    for seed in options.seeds:
        totals: dict[str, Counter] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(folds):
                held = [d for d in docs if fold_of(d.id, folds) == k]
                taught = [d for d in docs if fold_of(d.id, folds) != k and d.genre in genres]
                path = Path(tmp) / f"fold{k}.npz"
                tagger.ENABLED = False
                data = [e for d in taught for e in cached.setdefault(d.id, examples(d))]
                save(train(data, options.epochs, seed, options.bags), path, options.min_weight)
                if not runs:
                    _add(rules, ev.score_gum(held))
                tagger.use(path)
                tagger.ENABLED = True
                _add(totals, ev.score_gum(held))
                tagger.use(None)
        runs.append(totals)
    report(runs, rules, folds, len(docs), options.seeds)


def report(runs: list[dict[str, Counter]], rules: dict[str, Counter], folds: int, ndocs: int, seeds: list[int]) -> None:
    print(f"{folds}-fold cross-validation over {ndocs} documents: strict span and kind, mean of {len(runs)} order(s)")
    print(f"{'genre':<14}{'docs':>5}{'P':>8}{'R':>8}{'F1':>8}{'rules':>8}{'gold':>7}")
    for genre in sorted(rules) + ["all"]:
        figures = [ev.prf(_pick(run, genre)) for run in runs]
        p, rec, f = (sum(x[n] for x in figures) / len(figures) for n in range(3))
        c, alone = _pick(runs[0], genre), ev.prf(_pick(rules, genre))[2]
        print(f"{genre:<14}{c['docs']:5d}{p:8.4f}{rec:8.4f}{f:8.4f}{alone:8.4f}{c['tp'] + c['fn']:7d}")
    overall = [ev.prf(_pick(run, "all"))[2] for run in runs]
    listed = " ".join(f"{seed}:{f:.4f}" for seed, f in zip(seeds, overall))
    print(f"all, per order: {listed}; spread {max(overall) - min(overall):.4f}")


def _pick(by_genre: dict[str, Counter], genre: str) -> Counter:
    return sum(by_genre.values(), Counter()) if genre == "all" else by_genre.get(genre, Counter())


def _add(into: dict[str, Counter], more: dict[str, Counter]) -> None:
    for genre, c in more.items():
        into.setdefault(genre, Counter()).update(c)


def _orders(text: str) -> list[int]:
    """'1-4' -> [1, 2, 3, 4]; '1,3' -> [1, 3]."""
    first, dash, last = text.partition("-")
    if dash:
        return list(range(int(first), int(last) + 1))
    return [int(n) for n in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gum", type=Path, nargs="*", help="GUM .conllu files (default: dev + train)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all", help="documents to train on")
    parser.add_argument("--genres", default=",".join(OPEN_GENRES), help="comma-separated GUM genres")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="the order of the training sentences (shipped weights: 2, best of 1-3 on CoNLL/PDNC dev)",
    )
    parser.add_argument(
        "--seeds", type=_orders, help="cross-validate over these orders and print the mean: '1-4' or '1,3'"
    )
    parser.add_argument("--bags", type=int, default=1, help="average the weights of this many orders")
    parser.add_argument("--min-weight", type=float, default=1.5, help="drop features lighter than this")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate in K folds instead of writing weights")
    args = parser.parse_args(argv)
    paths = args.gum or [ev.CORPORA / "gum/en_gum-ud-dev.conllu", ev.CORPORA / "gum/en_gum-ud-train.conllu"]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"train_names: {missing[0]}: not found", file=sys.stderr)
        return 1
    genres = set(args.genres.split(","))
    if genres & {"whow", "fiction"}:
        print("train_names: wikiHow and fiction are CC BY-NC-SA: never trained on", file=sys.stderr)
        return 1
    tagger.ENABLED = False  # the rules' decisions are features; the model must not see itself
    docs = [d for p in paths for d in ev.read_gum(p) if args.split == "all" or ev.gum_split(d.id) == args.split]
    if args.folds > 1:
        args.seeds = args.seeds or [args.seed]
        cross_validate(docs, genres, args.folds, args)
        return 0
    docs = [d for d in docs if d.genre in genres]
    data = [e for d in docs for e in examples(d)]
    kept = save(train(data, args.epochs, args.seed, args.bags), args.out, args.min_weight)
    size = args.out.stat().st_size
    print(f"{len(docs)} documents, {len(data)} sentences; {kept} features kept; {args.out.name}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
