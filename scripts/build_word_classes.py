"""Build the name tagger's word classes from unlabelled text (Brown-cluster style, with numpy).

For the most frequent words (case kept: "Paris" and "paris" differ) count the words just left
and just right of them, weigh the counts by positive pointwise mutual information, reduce them
by a truncated SVD and group the word vectors by k-means at a few granularities. Words that
stand in the same places (given names, towns, companies) share a class, so the tagger can learn
from a class what it saw for a few of its words.

    python scripts/build_word_classes.py [--out FILE] [--words N] [--classes 64,256,1024]

The text is openly licensed and unlabelled, from ``../shared/corpora``: WikiText-2 raw (CC BY-SA
3.0), UD English EWT dev text (CC BY-SA 4.0), the three Gutenberg novels (public domain), the
2023 UN General Debate speeches (CC0) and the QMSum meeting transcripts (MIT). The output,
derived from CC BY-SA text, is CC BY-SA 4.0. It holds the words (UTF-8, one a line) and one
uint16 class id per word and granularity, and how often the text writes each word in
lower case (uint8, of 255; no pickle).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.text import names  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "reader/text/data/word_classes.npz"
TOKEN = re.compile(r"[^\W\d_](?:[\w]|[-'’.&](?=\w))*|\d+|[^\w\s]")
WIKI_GLUE = re.compile(r" @([-,.])@ ")


def texts(corpora: Path) -> Iterator[str]:
    """The unlabelled texts, one paragraph or line at a time."""
    for path in sorted((corpora / "gutenberg").glob("*.txt")):
        yield from _paragraphs(path.read_text(encoding="utf-8-sig"))
    wiki = corpora / "wikitext-2-raw"
    for path in sorted(wiki.glob("*")):
        if path.is_file() and not path.name.startswith(("LICENSE", "README")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.strip().startswith("="):
                    yield WIKI_GLUE.sub(r"\1", line)
    for path in sorted((corpora / "ud-english-ewt").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield line[9:]
    for path in sorted((corpora / "un-general-debate-2023" / "speeches").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()
    for path in sorted((corpora / "qmsum-meetings").rglob("*.json")):
        meeting = json.loads(path.read_text(encoding="utf-8"))
        for turn in meeting.get("meeting_transcripts", []):
            yield re.sub(r"\{\w+\}", " ", turn.get("content", ""))


def _paragraphs(text: str) -> Iterator[str]:
    for block in re.split(r"\r?\n\s*\r?\n", text):
        yield " ".join(block.split())


def tokenize(corpora: Path) -> list[list[str]]:
    return [TOKEN.findall(t) for t in texts(corpora)]


def cooccurrence(lines: list[list[str]], vocab: dict[str, int], contexts: dict[str, int], window: int) -> np.ndarray:
    """Counts of each context word at each offset left and right of each word (one block of
    columns per offset, nearest first)."""
    width = len(contexts)
    offsets = [d for k in range(1, window + 1) for d in (-k, k)]
    row = width * len(offsets)
    pairs: list[int] = []
    for toks in lines:
        ids = [vocab.get(t, -1) for t in toks]
        ctx = [contexts.get(t.lower(), -1) for t in toks]
        n = len(toks)
        for i, w in enumerate(ids):
            if w < 0:
                continue
            for block, d in enumerate(offsets):
                j = i + d
                if 0 <= j < n and ctx[j] >= 0:
                    pairs.append(w * row + block * width + ctx[j])
    counts = np.bincount(np.array(pairs, dtype=np.int64), minlength=len(vocab) * row)
    return counts.reshape(len(vocab), row).astype(np.float32)


def ppmi(counts: np.ndarray) -> np.ndarray:
    """Positive pointwise mutual information, context counts smoothed (power 0.75)."""
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True) + 1e-9
    cols = counts.sum(axis=0, keepdims=True) ** 0.75
    cols = cols / cols.sum() * total + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(counts * total / (rows * cols))
    return np.maximum(pmi, 0.0).astype(np.float32)


def embed(matrix: np.ndarray, dims: int, seed: int) -> np.ndarray:
    """Truncated SVD (randomized, a few power steps), rows scaled to unit length."""
    rng = np.random.default_rng(seed)
    q = matrix @ rng.standard_normal((matrix.shape[1], dims + 20)).astype(np.float32)
    for _ in range(3):
        q, _r = np.linalg.qr(matrix @ (matrix.T @ q))
    u, s, _vt = np.linalg.svd(q.T @ matrix, full_matrices=False)
    vectors = (q @ u[:, :dims]) * np.sqrt(s[:dims])
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def kmeans(vectors: np.ndarray, k: int, seed: int, rounds: int = 25) -> np.ndarray:
    """Spherical k-means: each word's class id."""
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), k, replace=False)]
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(rounds):
        labels = np.argmax(vectors @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        empty = np.bincount(labels, minlength=k) == 0
        sums[empty] = vectors[rng.choice(len(vectors), int(empty.sum()), replace=False)]
        centres = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return labels


def lower_share(word: str, freq: Counter[str]) -> int:
    """How often the text writes the word in lower case, of 255 ('Early' 250, 'Calgary' 0)."""
    if word.isupper() and len(word) > 1:
        return 0  # an acronym: "US" is not "us"
    low = freq[word.lower()] if word.lower() != word else 0
    return round(255 * low / max(low + freq[word], 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--words", type=int, default=30000, help="how many of the most frequent words get classes")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--contexts", type=int, default=1500, help="context words on each side")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--window", type=int, default=1, help="context offsets on each side")
    parser.add_argument("--classes", default="64,256,1024")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.corpora / "wikitext-2-raw").is_dir():
        print(f"build_word_classes: {args.corpora}: no corpora there", file=sys.stderr)
        return 1
    began = time.perf_counter()
    lines = tokenize(args.corpora)
    freq = Counter(t for toks in lines for t in toks)
    words = freq_words = [w for w, n in freq.most_common(args.words) if n >= args.min_count and w[0].isalpha()]
    lower = Counter()
    for w, n in freq.items():
        lower[w.lower()] += n
    contexts = {w: n for n, (w, _c) in enumerate(lower.most_common(args.contexts))}
    counts = cooccurrence(lines, {w: n for n, w in enumerate(words)}, contexts, args.window)
    vectors = embed(ppmi(counts), args.dims, args.seed)
    ks = [int(k) for k in args.classes.split(",")]
    ids = np.stack([kmeans(vectors, k, args.seed + n) for n, k in enumerate(ks)], axis=1).astype(np.uint16)
    # the tagger looks up capitalised words and the small words inside names only
    kept = [n for n, w in enumerate(words) if w[0].isupper() or w in names.LINKS]
    ids, words = ids[kept], [words[n] for n in kept]
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    share = np.array([lower_share(w, freq) for w in words], dtype=np.uint8)
    with args.out.open("wb") as handle:
        np.savez_compressed(handle, words=blob, classes=ids, lower=share, sizes=np.array(ks, dtype=np.uint16))
    tokens = sum(len(t) for t in lines)
    took = time.perf_counter() - began
    size = args.out.stat().st_size
    print(f"{tokens:,} tokens, {len(freq_words):,} words clustered, {len(words):,} capitalised kept, classes {ks}")
    print(f"{args.out.name}: {size:,} bytes")
    print(f"built in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
