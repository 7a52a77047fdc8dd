"""Fit the weights of the "reader" ranker's mix to ROUGE-oracle sentences, with numpy only.

Every body sentence gets the features of ``reader.summarize.news.FEATURES`` (centrality,
position, title overlap, declared summary, ...) and its gate (``news.gates``: 0 for a line
that is no prose). A document's sentences compete in a softmax over ``gate * (features @ w)``
(a listwise model of the same form as the hand mix, ``news.relevance``); its target is the
document's greedy ROUGE oracle: the sentences that, picked in turn, add most ROUGE-1 + ROUGE-2
F1 against the reference, the earlier picks weighted more. Newton steps with an L2 penalty fit ``w``.

Training data (openly licensed only; BBC's article text is the BBC's, so BBC is only measured):
- GUM, the ``dev`` half of ``scripts/evaluate_genres.py`` (hash of the document id), without the
  non-commercial genres (fiction, wikiHow); reference: the human one-sentence summaries; 3 picks.
- QMSum (MIT), the ``dev`` half of ``scripts/evaluate_meetings.py``; reference: the general summary;
  picks up to its length in words.
GUM and meetings weigh half each; inside GUM each genre weighs the same, so no kind dominates.

    python scripts/train_scorer.py [--penalty 0.001] [--near-hand] [--prose] [--freeze a,b] [--write PATH]
                                   [--measure dev|test] [--gum DIR] [--qmsum DIR]

Prints the weights beside the hand mix (``news.HAND``); ``--write`` saves them as JSON;
``--measure`` runs evaluate_genres, evaluate_summaries and evaluate_meetings on that split with
the fitted mix in place of the hand mix (in this process only; nothing in the package changes).

Result (README, Summaries: "Learned weights"): every fit raised GUM test top-3 R2 (0.099 ->
0.102-0.104) and cost BBC's test half (0.707 -> 0.646-0.699); fitted on meetings too, QMSum test
fell below LSA. So the hand mix stays and no weights are shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts import evaluate_genres, evaluate_meetings  # noqa: E402

EXCLUDED_GENRES = frozenset({"fiction", "whow"})  # CC BY-NC-SA in GUM: never in shipped weights
GUM_PICKS = 3
SET_SHARE = {"gum": 0.5, "meeting": 0.5}


@dataclass
class Example:
    kind: str
    features: np.ndarray  # sentences x features
    offset: np.ndarray  # 0, or -inf for a sentence whose gate is 0 (never picked)
    target: np.ndarray  # the oracle's distribution over sentences


class Rouge:
    """ROUGE-1/2 F1 on rouge_score's stemmed tokens, with n-gram counts kept for fast greedy search."""

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self.tokenize = tokenizers.DefaultTokenizer(use_stemmer=True).tokenize

    def grams(self, text: str) -> tuple[Counter, Counter]:
        tokens = self.tokenize(text)
        return Counter(tokens), Counter(zip(tokens, tokens[1:]))

    @staticmethod
    def f1(candidate: Counter, reference: Counter) -> float:
        hit = sum((candidate & reference).values())
        if not hit:
            return 0.0
        p, r = hit / sum(candidate.values()), hit / sum(reference.values())
        return 2 * p * r / (p + r)


def oracle(rouge: Rouge, texts: list[str], allowed: np.ndarray, references: list[str], budget: int, words: bool):
    """Greedy picks (indexes, in order) that add most max-over-references R1 + R2 F1; stops when none adds."""
    refs = [rouge.grams(r) for r in references]
    grams = [rouge.grams(t) for t in texts]
    sizes = [len(t.split()) for t in texts]
    picked: list[int] = []
    one, two, used, best = Counter(), Counter(), 0, 0.0
    while True:
        choice, choice_score = -1, best
        for k in np.flatnonzero(allowed):
            if k in picked or (words and used + sizes[k] > budget):
                continue
            a, b = one + grams[k][0], two + grams[k][1]
            score = max(rouge.f1(a, r1) + rouge.f1(b, r2) for r1, r2 in refs)
            if score > choice_score:
                choice, choice_score = int(k), score
        if choice < 0:
            return picked
        picked.append(choice)
        one, two, best = one + grams[choice][0], two + grams[choice][1], choice_score
        used += sizes[choice]
        if not words and len(picked) >= budget:
            return picked


def example(kind: str, analysis, references: list[str], budget: int, words: bool, rouge: Rouge) -> Example | None:
    from reader.summarize import source_of
    from reader.summarize.news import features, gates

    source = source_of(analysis, list(range(len(analysis.sentences))))
    if len(source) < 2:
        return None
    gate = gates(source)
    picked = oracle(rouge, source.texts, gate > 0, references, budget, words)
    if not picked:
        return None
    target = np.zeros(len(source))
    for rank, k in enumerate(picked):
        target[k] = 1.0 / (1.0 + rank)
    # the score is gate x (features @ w), as in news.relevance: linear in w, with the gate folded into the features
    offset = np.where(gate > 0, 0.0, -np.inf)
    return Example(kind, gate[:, None] * features(source), offset, target / target.sum())


def gum_examples(root: Path, rouge: Rouge) -> list[Example]:
    from reader.analysis import analyze
    from reader.load import document_from_bytes

    out = []
    for doc in evaluate_genres.documents(root, "dev"):
        if doc.genre in EXCLUDED_GENRES:
            continue
        analysis = analyze(document_from_bytes(doc.id, doc.text().encode()), summary=False, participants=False)
        found = example(f"gum-{doc.genre}", analysis, doc.references, GUM_PICKS, False, rouge)
        if found:
            out.append(found)
    return out


def meeting_examples(root: Path, rouge: Rouge) -> list[Example]:
    out = []
    for path in evaluate_meetings.meetings(root, "dev"):
        analysis, reference = evaluate_meetings.analysis_of(path)
        found = example("meeting", analysis, [reference], len(reference.split()), True, rouge)
        if found:
            out.append(found)
    return out


def fit(
    examples: list[Example],
    penalty: float,
    prior: np.ndarray | None = None,
    frozen: np.ndarray | None = None,
    steps: int = 50,
) -> np.ndarray:
    """Damped Newton steps on the kind-weighted listwise cross-entropy plus a penalty on the weights.

    With a ``prior`` (the hand mix), the weights are ``scale * prior + change`` and only the change
    is penalised: the fit stays near the hand mix unless the data say otherwise. Returned divided
    by the fitted scale, so they read on the hand mix's scale.
    """
    if prior is not None:
        examples = [
            Example(e.kind, np.column_stack([e.features, e.features @ prior]), e.offset, e.target) for e in examples
        ]
    weight = kind_weights(examples)
    size_of = examples[0].features.shape[1]
    penalized = np.ones(size_of)
    if frozen is not None:  # these keep their prior (or 0): a huge penalty on any change
        penalized[: len(frozen)] += 1e6 * frozen
    if prior is not None:
        penalized[-1] = 0.0
    w = np.zeros(size_of)
    loss, grad, hess = _objective(examples, weight, w, penalty * penalized)
    for _ in range(steps):
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while size > 1e-4:  # halve the step until the loss falls
            trial = _objective(examples, weight, w - size * step, penalty * penalized)
            if trial[0] <= loss:
                break
            size /= 2
        else:
            break
        w = w - size * step
        done = loss - trial[0] < 1e-9
        loss, grad, hess = trial
        if done:
            break
    if prior is None:
        return w
    return w[-1] * prior / abs(w[-1]) + w[:-1] / abs(w[-1])


def kind_weights(examples: list[Example]) -> list[float]:
    """Each set (GUM, meetings) weighs SET_SHARE of the total; inside it, each kind (a genre) the same."""
    kinds = Counter(e.kind for e in examples)
    sets = Counter(_set(kind) for kind in kinds)
    share = {name: SET_SHARE.get(name, 0.5) for name in sets}
    return [share[_set(e.kind)] / (sets[_set(e.kind)] * kinds[e.kind]) for e in examples]


def _set(kind: str) -> str:
    return kind.split("-")[0]


def _objective(examples: list[Example], weight: list[float], w: np.ndarray, penalty: np.ndarray):
    loss = float(penalty @ (w * w))
    grad = 2 * penalty * w
    hess = 2 * np.diag(penalty)
    for e, c in zip(examples, weight):
        live = np.isfinite(e.offset)
        x, q = e.features[live], e.target[live]
        logits = x @ w + e.offset[live]
        top = logits.max()
        p = np.exp(logits - top)
        total = p.sum()
        p /= total
        loss -= c * float(q @ (logits - top - np.log(total)))
        grad += c * x.T @ (p - q)
        mean = x.T @ p
        hess += c * ((x * p[:, None]).T @ x - np.outer(mean, mean))
    return loss, grad, hess


def main(argv: list[str] | None = None) -> int:
    from reader.summarize.news import FEATURES, hand_weights

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gum", type=Path, default=evaluate_genres.GUM)
    parser.add_argument("--qmsum", type=Path, default=evaluate_meetings.QMSUM)
    parser.add_argument("--penalty", type=float, default=0.001, help="L2 penalty on the weights")
    parser.add_argument("--near-hand", action="store_true", help="penalise the change from the hand mix, not the size")
    parser.add_argument("--freeze", default="", help="features that keep the hand weight, comma-separated")
    parser.add_argument("--prose", action="store_true", help="fit prose only: transcripts keep the hand mix")
    parser.add_argument("--measure", choices=("dev", "test"), help="evaluate the fitted mix on this split")
    parser.add_argument("--write", type=Path, help="save the weights here as JSON")
    args = parser.parse_args(argv)
    for root in (args.gum, args.qmsum):
        if not root.exists():
            print(f"corpus not found: {root}", file=sys.stderr)
            return 1
    rouge = Rouge()
    examples = gum_examples(args.gum, rouge) + ([] if args.prose else meeting_examples(args.qmsum, rouge))
    kinds = Counter(e.kind for e in examples)
    print(
        f"{len(examples)} documents in {len(kinds)} kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    )
    frozen = np.array([name in args.freeze.split(",") for name in FEATURES], dtype=float)
    w = fit(examples, args.penalty, hand_weights() if args.near_hand else None, frozen)
    print("| feature | fitted | hand |")
    print("|---|---|---|")
    for name, a, b in zip(FEATURES, w, hand_weights()):
        print(f"| {name} | {a:.3f} | {b:.3f} |")
    if args.write:
        data = {
            "features": list(FEATURES),
            "weights": [round(float(x), 4) for x in w],
            "trained_on": "GUM dev half without fiction and wikiHow (CC BY), QMSum dev half (MIT)",
            "penalty": args.penalty,
        }
        args.write.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    if args.measure:
        measure(
            w if args.near_hand else w * np.abs(hand_weights()).sum() / max(float(np.abs(w).sum()), 1e-9),
            args.measure,
            args.prose,
        )
    return 0


def measure(w: np.ndarray, split: str, prose: bool) -> None:
    """The three evaluations with ``gate * (features @ w)`` as the reader mix (blended by turns with ``prose``)."""
    from reader.summarize import news
    from scripts import evaluate_summaries

    hand = news.hand_weights()

    def fitted(source, readable=None):
        mix = (1.0 - source.turn_share) * w + source.turn_share * hand if prose else w
        return news.gates(source, readable) * np.maximum(news.features(source, readable) @ mix, 0.0)

    news.relevance = fitted  # type: ignore[assignment]
    evaluate_genres.main(["--split", split, "--algorithms", "reader,lead,lead-body,textrank"])
    evaluate_summaries.main(["--split", split, "--algorithms", "reader,lead"])
    evaluate_meetings.main(["--split", split, "--algorithms", "reader,lsa,luhn,lead"])


if __name__ == "__main__":
    sys.exit(main())
