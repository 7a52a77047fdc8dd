"""Train the name tagger (reader/text/tagger.py) on GUM and write its weights.

Gold names are those of ``scripts/evaluate_participants.py`` (its GUM reader and gold), cut
into the reader's own tokens and tagged B/I per kind. The learner is nltk's averaged perceptron
(no download), decoding greedily as the reader does. Only openly licensed genres are used by
default: GUM's wikiHow and fiction are CC BY-NC-SA and are never trained on.

    python scripts/train_names.py [--split dev|test|all] [--out FILE] [--epochs N] [GUM .conllu ...]
    python scripts/train_names.py --split dev --folds 3 [--seed N | --seeds 1-4] [--bags N] [--errors]

``--folds K`` writes no weights: it cross-validates inside the chosen split (K folds of its
documents by a hash of their id; each fold scored by a model trained on the other folds'
open-genre documents) and prints the per-genre figures. Design choices are tuned on these,
as the mean over several training orders (``--seeds 1-4``): one order moves them by ±0.003.

``--extra N`` self-trains (tried, not used for the shipped weights: it lowered the figures): a
teacher trained on the chosen GUM documents tags open unlabelled text from ``../shared/corpora``
(WikiText-2 raw, CC BY-SA 3.0; UD EWT dev text, CC BY-SA 4.0; the 2023 UN General Debate
speeches, CC0; Moby-Dick and War and Peace, public domain; ``--extra-chars`` of each), and up to
N of the sentences it is sure of are added to the training data.

``--split dev`` trains on the dev half of the documents (the hash split of the evaluation
script), so that ``evaluate_participants.py --split test --model FILE`` gives held-out figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import re
import sys
import tempfile
from bisect import bisect_right
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.text import kinds, participants, tagger  # noqa: E402
from scripts import evaluate_participants as ev  # noqa: E402

# Genres GUM's LICENSE.txt names as CC BY or public domain. Never wikiHow ("whow") or fiction (CC BY-NC-SA).
OPEN_GENRES = ("bio", "conversation", "interview", "news", "speech", "textbook", "vlog", "voyage")
OUT = Path(__file__).resolve().parents[1] / "reader/text/data" / tagger.MODEL_FILE

Example = tuple[tagger.Sentence, tagger.DocumentEvidence, list[str]]
WIKI_GLUE = re.compile(r" @([-,.])@ ")
WIKI_SPACE = re.compile(r" (?=[,.;:)!?]|'s\b|n't\b)|(?<=\() ")


def examples(doc: ev.GumDoc) -> list[Example]:
    """Every sentence of a document with the features' document evidence and its gold tags."""
    analysis, starts, ends = ev.build_gum(doc)
    gold = sorted((starts[a], ends[b - 1], kind) for a, b, kind in ev.gum_gold(doc))
    sentences, rules, lower = participants.rule_mentions(analysis)
    evidence = tagger.prepare(sentences, rules, lower)
    return [(s, evidence, gold_tags(s, gold)) for s in sentences if not s.ruled]


# --- self-training: open unlabelled text, tagged by a teacher trained on the GUM folds ----------


class Unlabelled:
    """An unlabelled document: its analysis, and its sentences and evidence as the rules see them."""

    def __init__(self, name: str, text: str) -> None:
        from reader.model import Document
        from reader.text.structure import segment

        self.name = name
        self.analysis = segment(Document(source=name, text=text))
        self.sentences, rules, lower = participants.rule_mentions(self.analysis)
        self.evidence = tagger.prepare(self.sentences, rules, lower)
        self.rules = {(c.start, c.end, c.kind) for c in rules if c.kind}


def open_texts(corpora: Path) -> list[tuple[str, str, str]]:
    """(source, name, text) of the openly licensed unlabelled documents: WikiText-2 articles (CC BY-SA
    3.0), UD EWT dev documents (CC BY-SA 4.0), the 2023 UN General Debate speeches (CC0),
    Moby-Dick and War and Peace (public domain; not Pride and Prejudice, a PDNC novel)."""
    out: list[tuple[str, str, str]] = []
    wiki = corpora / "wikitext-2-raw/wiki.test.raw"
    if wiki.exists():
        out += [("wiki", *doc) for doc in _wiki_articles(wiki.read_text(encoding="utf-8"))]
    ewt = corpora / "ud-english-ewt/en_ewt-ud-dev.conllu"
    if ewt.exists():
        out += [("ewt", *doc) for doc in _conllu_documents(ewt.read_text(encoding="utf-8"))]
    for path in sorted((corpora / "un-general-debate-2023/speeches").glob("*.txt")):
        out.append(("un", path.stem, "\n\n".join(path.read_text(encoding="utf-8").splitlines())))
    for name in ("pg2701-moby-dick.txt", "pg2600-war-and-peace.txt"):
        path = corpora / "gutenberg" / name
        if path.exists():
            out.append(("novels", name, path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")))
    return out


def _wiki_articles(raw: str) -> list[tuple[str, str]]:
    out: list[tuple[str, list[str]]] = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if line.startswith("= ") and not line.startswith("= ="):
            out.append((line.strip("= "), []))
        elif line and out:
            out[-1][1].append(WIKI_SPACE.sub("", WIKI_GLUE.sub(r"\1", line)).strip("= "))
    return [(title, "\n\n".join(parts)) for title, parts in out]


def _conllu_documents(raw: str) -> list[tuple[str, str]]:
    out: list[tuple[str, list[list[str]]]] = []
    for line in raw.splitlines():
        if line.startswith("# newdoc id = "):
            out.append((line[14:], []))
        elif line.startswith("# newpar") and out:
            out[-1][1].append([])
        elif line.startswith("# text = ") and out:
            if not out[-1][1]:
                out[-1][1].append([])
            out[-1][1][-1].append(line[9:])
    return [(name, "\n\n".join(" ".join(p) for p in paras if p)) for name, paras in out]


def pseudo_examples(docs: list[Unlabelled], teacher: Path, options: argparse.Namespace) -> list[Example]:
    """Sentences of unlabelled text tagged by the teacher (rules + tagger), kept only where the
    teacher is sure: every name it finds is one the document names at least ``min_count`` times
    (always with one kind) or one the rules found alike, and every capitalised word outside a
    name is one the document also writes in lower case, a list word or a sentence's first word."""
    tagger.use(teacher)
    tagger.ENABLED = True
    keyed: list[tuple[bytes, Example]] = []
    try:
        for doc in docs:
            keyed += [(_order(doc.name, e[0].index), e) for e in _sure_sentences(doc, options)]
    finally:
        tagger.ENABLED = False
        tagger.use(None)
    out = [e for _, e in sorted(keyed, key=lambda pair: pair[0])]
    if options.extra_informative:  # first the sentences where the teacher reads the rules' tags otherwise
        out.sort(key=lambda e: e[2] == e[0].rules)
    named = [e for e in out if any(t != "O" for t in e[2])]
    plain = [e for e in out if all(t == "O" for t in e[2])]
    keep = int(options.extra * options.extra_named)
    return named[:keep] + plain[: options.extra - min(keep, len(named))]


def _order(name: str, index: int) -> bytes:
    return hashlib.md5(f"{name}:{index}".encode()).digest()


def _sure_sentences(doc: Unlabelled, options: argparse.Namespace) -> list[Example]:
    text = doc.analysis.text
    found = participants.find(doc.analysis)
    outer = _outermost(sorted((m.start, m.end, p.kind) for p in found for m in p.mentions))
    count = Counter(text[a:b] for a, b, _ in outer)
    kinds: dict[str, set[str]] = {}
    for a, b, kind in outer:
        kinds.setdefault(text[a:b], set()).add(kind)
    sure_names = {name: next(iter(k)) for name, k in kinds.items() if len(k) == 1 and count[name] >= options.extra_min}
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    starts = [s.tokens[0].start if s.tokens else -1 for s in doc.sentences]
    for a, b, kind in outer:
        by_sentence.setdefault(max(0, bisect_right(starts, a) - 1), []).append((a, b, kind))
    out = []
    for s in doc.sentences:
        if s.ruled or not s.tokens:
            continue
        names_here = by_sentence.get(s.index, [])
        sure = all(text[a:b] in sure_names or (a, b, kind) in doc.rules for a, b, kind in names_here)
        if options.extra_spread:
            names_here = names_here + _spread(s, names_here, sure_names, text)
        tags = gold_tags(s, names_here)
        if sure and _aligned(s, names_here, tags) and _sure_outside(s, tags, doc.evidence):
            out.append((s, doc.evidence, tags))
    return out


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans inside no other (``spans`` sorted by start)."""
    out: list[tuple[int, int, str]] = []
    for a, b, kind in sorted(spans, key=lambda sp: (sp[0], -sp[1])):
        if out and a < out[-1][1]:
            continue
        out.append((a, b, kind))
    return out


def _spread(
    s: tagger.Sentence, spans: list[tuple[int, int, str]], sure_names: dict[str, str], text: str
) -> list[tuple[int, int, str]]:
    """Mentions of the document's sure names that the teacher missed here, inside the sentence."""
    taken = {t.start for t in s.tokens for a, b, _ in spans if a <= t.start < b}
    out = []
    toks = s.tokens
    for i in range(len(toks)):
        if i == s.first or toks[i].start in taken or not toks[i].capital:
            continue
        for j in range(min(len(toks), i + 4), i, -1):
            name = text[toks[i].start : toks[j - 1].end]
            kind = sure_names.get(name)
            if kind and toks[j - 1].capital and not any(toks[n].start in taken for n in range(i, j)):
                out.append((toks[i].start, toks[j - 1].end, kind))
                taken.update(toks[n].start for n in range(i, j))
                break
    return out


def _aligned(s: tagger.Sentence, spans: list[tuple[int, int, str]], tags: list[str]) -> bool:
    return sum(t.startswith("B-") for t in tags) == len(spans)


def _sure_outside(s: tagger.Sentence, tags: list[str], evidence: tagger.DocumentEvidence) -> bool:
    """Every scored word outside the names is surely no name, and the sentence has scored words."""
    scored = [i for i in range(len(s.tokens)) if tagger.scored(s, i, evidence)]
    for i in scored:
        t = s.tokens[i]
        listed = set(tagger._lists(t.key, t.text)) & tagger.NOT_ALONE
        if tags[i] == "O" and i != s.first and t.text.lower() not in evidence.lower and not listed:
            return False
    return bool(scored)


_UNLABELLED: list[Unlabelled] = []


def unlabelled(limit: int, sources: set[str]) -> list[Unlabelled]:
    """The open unlabelled documents, read once: at most ``limit`` characters of each source."""
    if not _UNLABELLED:
        total: Counter[str] = Counter()
        for source, name, text in open_texts(ev.CORPORA):
            if source not in sources or total[source] >= limit:
                continue
            text = text[: limit - total[source]]
            total[source] += len(text)
            _UNLABELLED.append(Unlabelled(name, text))
        print(f"unlabelled: {len(_UNLABELLED)} documents, {dict(total)} characters", file=sys.stderr)
    return _UNLABELLED


_TAUGHT: dict[str, list[Example]] = {}


def train_with_extra(data: list[Example], options: argparse.Namespace, seed: int, tmp: Path, key: str = "") -> dict:
    """Weights trained on ``data``; with ``--extra N``, a teacher trained on ``data`` tags open text and
    a student is trained on ``data`` plus up to N of the sentences it is sure of. The teacher of a
    cross-validation fold (``key``) is trained once, in the first order, and serves every order."""
    weights = train(data, options.epochs, seed, options.bags)
    if options.extra <= 0:
        return weights
    if key not in _TAUGHT or not key:
        teacher = tmp / "teacher.npz"
        save(weights, teacher, options.min_weight)
        docs = unlabelled(options.extra_chars, set(options.extra_sources.split(",")))
        _TAUGHT[key] = pseudo_examples(docs, teacher, options)
    extra = _TAUGHT[key]
    print(f"self-training: {len(extra)} sentences of open text added to {len(data)}", file=sys.stderr)
    return train(data * options.gum_repeat + extra, options.epochs, seed, options.bags)


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
    blind = random.Random(seed + 7)  # its own stream: the order of the sentences stays that of ``seed``
    data = list(data)
    for epoch in range(epochs):
        rng.shuffle(data)
        right = total = 0
        for s, evidence, gold in data:
            if RULE_DROPOUT and blind.random() < RULE_DROPOUT:
                s = _without_rules(s)
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


RULE_DROPOUT = 0.0  # share of the training sentences shown without the rules' tags


def _without_rules(s: tagger.Sentence) -> tagger.Sentence:
    """The sentence as if the rules had found no name in it: the model must read the words."""
    return dataclasses.replace(s, rules=["O"] * len(s.tokens), _starts=[])


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


# --- ablation: a rule turned off for a run, to see whether the model still needs it ------------

# Rules that can be turned off by name: the candidate rules of kinds.LOCAL_RULES; the document
# passes of kinds.classify and tagger.apply (which change kinds in place); the filters of
# participants.mentions (a predicate that then says no, a list step that then keeps every name).
PASSES = {
    "kinds": (
        "_use_document_evidence",
        "_determined_things",
        "_mostly_places",
        "_products",
        "_compass_regions",
        "_prefer_surnames",
        "_follow_teams",
        "_characters_are_people",
    ),
    "tagger": ("_first_names_are_people", "_plural_names_are_groups"),
}
PREDICATES = ("_case_party", "_common_head", "_requirement", "_reference_noise", "_part_or_interjection", "_clipped")
LIST_STEPS = ("_without_storms", "_without_adjectives", "_without_ships")


def rule_names() -> list[str]:
    """Every rule ``without`` can turn off."""
    local = [rule.__name__ for rule in kinds.LOCAL_RULES]
    return local + [n for names in PASSES.values() for n in names] + list(PREDICATES) + list(LIST_STEPS)


def without(names: list[str]) -> None:
    """Turn the named rules off for the rest of the run (see ``rule_names``)."""
    unknown = set(names) - set(rule_names())
    if unknown:
        raise SystemExit(f"train_names: no rule named {sorted(unknown)[0]!r}; known: {', '.join(rule_names())}")
    kept = tuple(rule for rule in kinds.LOCAL_RULES if rule.__name__ not in names)
    setattr(kinds, "LOCAL_RULES", kept)  # noqa: B010 (the tuple's length changes)
    modules = {"kinds": kinds, "tagger": tagger}
    for module, passes in PASSES.items():
        for name in set(passes) & set(names):
            setattr(modules[module], name, _nothing)
    for name in set(PREDICATES) & set(names):
        setattr(participants, name, _never)
    for name in set(LIST_STEPS) & set(names):
        setattr(participants, name, _keep_all)


def _nothing(*_: object) -> None:
    return None


def _never(*_: object) -> bool:
    return False


def _keep_all(_text: str, cands: list) -> list:
    return cands


# --- error breakdown: where the cross-validation's errors come from (counts only) --------------

Span = tuple[float, int, str]  # token range and kind


def error_counts(doc: ev.GumDoc, pred: set[Span], rules: set[Span]) -> Counter:
    """Counts of one document's errors as (outcome, source, class): each gold name missed, nested
    in a name found right, of the wrong span or the wrong kind, and each spurious name; the source
    says who produced the name that stands ('rules' as the rules alone give it, 'rules span, model
    kind', 'model' for a span the rules alone do not give) or, for a name nothing stands on,
    whether the rules alone had it."""
    gold = ev.gum_gold(doc)
    out: Counter = Counter()
    for a, b, kind in gold - pred:
        near = [p for p in pred if p[0] < b and a < p[1]]
        same = [p for p in near if p[:2] == (a, b)]
        outcome = "wrong kind" if same else _wrong_span(near[0], a, b) if near else "missed"
        if near and all(p in gold for p in near):
            outcome = "nested"  # inside a name found right: GUM nests, the reader does not (participants.NESTED)
        source = _source((same or near)[0], rules) if near else _rules_had((a, b, kind), rules)
        for cls in name_classes(doc, a, b, kind):
            out[(outcome, source, cls)] += 1
    for first, end, kind in pred - gold:
        if any(g[0] < end and first < g[1] for g in gold):
            continue  # counted with its gold name as a wrong span or kind
        for cls in name_classes(doc, first, end, kind):
            out[("spurious", _source((first, end, kind), rules), cls)] += 1
    return out


def _wrong_span(found: Span, a: int, b: int) -> str:
    """How a found name's bounds miss the gold name's: longer, shorter or across them."""
    if found[0] <= a and found[1] >= b:
        return "span longer"
    return "span shorter" if found[0] >= a and found[1] <= b else "span across"


def _source(span: Span, rules: set[Span]) -> str:
    if span in rules:
        return "rules"
    if any(r[:2] == span[:2] for r in rules):
        return "rules span, model kind"
    return "model"


def _rules_had(span: Span, rules: set[Span]) -> str:
    if span in rules:
        return "none (rules alone right)"
    return "none (rules alone wrong)" if any(r[0] < span[1] and span[0] < r[1] for r in rules) else "none"


def name_classes(doc: ev.GumDoc, a: float, b: int, kind: str) -> list[str]:
    """The classes a name (token range) belongs to: its kind, one word or several, and where and
    how it is written."""
    toks, a = doc.tokens, int(a)
    words = [t[0] for t in toks[a:b]]
    out = [kind, "single word" if b - a == 1 else "multi word"]
    starts = {s for s, _ in doc.sentences}
    if a in starts or a > 0 and a - 1 in starts and not toks[a - 1][0][0].isalnum():
        out.append("sentence start")
    if b < len(toks) and toks[b][0] in ("'s", "’s", "'", "’"):
        out.append("possessive")
    if a > 0 and toks[a - 1][0] in ("(", "[") or b < len(toks) and toks[b][0] in (")", "]"):
        out.append("in brackets")
    if all(w.isupper() and len(w) > 1 or not w[0].isalpha() for w in words) and any(w.isupper() for w in words):
        out.append("all caps")
    return out


def predicted_spans(doc: ev.GumDoc) -> set[Span]:
    """The names found, as token ranges; one that cuts a word (the evaluation marks it with a
    negative start) starts half a token into the word it cuts, so that it overlaps the names it
    touches and equals none."""
    analysis, starts, ends = ev.build_gum(doc)
    out = set()
    for a, b, k in ev.predicted(analysis, starts, ends):
        first = a if a >= 0 else bisect_right(starts, -1 - a) - 0.5
        out.add((first, b, ev.TYPES[k]))
    return out


def print_errors(counts: Counter) -> None:
    """The breakdown: per outcome and source, then per outcome and class."""
    print("errors of the cross-validation (first order), by outcome and source:")
    by_source: Counter = Counter()
    by_class: Counter = Counter()
    for (outcome, source, cls), n in counts.items():
        if cls in tagger.KINDS:  # each name has exactly one kind class: count it once there
            by_source[(outcome, source)] += n
        by_class[(outcome, cls)] += n
    for (outcome, source), n in sorted(by_source.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {outcome:<14}{source:<28}{n:6d}")
    classes = sorted({cls for _, cls in by_class})
    outcomes = ("missed", "nested", "span longer", "span shorter", "span across", "wrong kind", "spurious")
    print(f"  {'class':<16}" + "".join(f"{o:>13}" for o in outcomes))
    for cls in classes:
        print(f"  {cls:<16}" + "".join(f"{by_class[(o, cls)]:13d}" for o in outcomes))


def fold_of(doc_id: str, folds: int) -> int:
    """A document's fold, from a byte of its hash other than the one that splits dev from test."""
    return hashlib.md5(doc_id.encode()).digest()[1] % folds


def cross_validate(docs: list[ev.GumDoc], genres: set[str], folds: int, options: argparse.Namespace) -> None:
    """Per-genre figures of each fold scored by a model trained on the other folds, as the mean
    over the training orders in ``options.seeds`` (each order's overall F1 is listed too)."""
    runs: list[dict[str, Counter]] = []
    rules: dict[str, Counter] = {}
    cached: dict[str, list[Example]] = {}
    errors: Counter = Counter()
    alone: dict[str, set[Span]] = {}
    for seed in options.seeds:
        totals: dict[str, Counter] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(folds):
                held = [d for d in docs if fold_of(d.id, folds) == k]
                taught = [d for d in docs if fold_of(d.id, folds) != k and d.genre in genres]
                path = Path(tmp) / f"fold{k}.npz"
                tagger.ENABLED = False
                data = [e for d in taught for e in cached.setdefault(d.id, examples(d))]
                save(train_with_extra(data, options, seed, Path(tmp), f"fold{k}"), path, options.min_weight)
                if not runs:
                    _add(rules, ev.score_gum(held))
                if options.errors and not runs:
                    alone = {d.id: predicted_spans(d) for d in held}
                tagger.use(path)
                tagger.ENABLED = True
                _add(totals, ev.score_gum(held))
                if options.errors and not runs:
                    for d in held:
                        errors += error_counts(d, predicted_spans(d), alone[d.id])
                tagger.use(None)
        runs.append(totals)
    report(runs, rules, folds, len(docs), options.seeds)
    if options.errors:
        print_errors(errors)


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
    parser.add_argument("--extra", type=int, default=0, help="self-train: add up to N sure sentences of open text")
    parser.add_argument("--extra-min", type=int, default=2, help="a name the teacher adds must recur this often")
    parser.add_argument("--extra-named", type=float, default=0.8, help="share of the added sentences with a name")
    parser.add_argument("--extra-chars", type=int, default=1_500_000, help="characters of each open source to tag")
    parser.add_argument("--extra-sources", default="wiki,ewt,un,novels", help="open sources to self-train on")
    parser.add_argument("--extra-spread", action="store_true", help="tag every mention of a sure name")
    parser.add_argument("--extra-informative", action="store_true", help="first the sentences unlike the rules")
    parser.add_argument("--gum-repeat", type=int, default=1, help="show GUM's sentences this many times per pass")
    parser.add_argument(
        "--span-margin",
        type=float,
        default=tagger.SPAN_MARGIN,
        help="score units the model must clear to change a rules name's bounds (negative: never)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--without", default="", help="comma-separated rules to turn off (ablation; 'list' names them)")
    parser.add_argument("--rule-dropout", type=float, default=0.0, help="share of sentences trained without rule tags")
    parser.add_argument(
        "--errors", action="store_true", help="with --folds: count the errors by outcome, source and class"
    )
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
    if args.without == "list":
        print("\n".join(rule_names()))
        return 0
    if args.without:
        without(args.without.split(","))
    tagger.ENABLED = False  # the rules' decisions are features; the model must not see itself
    global RULE_DROPOUT
    RULE_DROPOUT = args.rule_dropout
    tagger.SPAN_MARGIN = None if args.span_margin is None or args.span_margin < 0 else args.span_margin
    docs = [d for p in paths for d in ev.read_gum(p) if args.split == "all" or ev.gum_split(d.id) == args.split]
    if args.folds > 1:
        args.seeds = args.seeds or [args.seed]
        cross_validate(docs, genres, args.folds, args)
        return 0
    docs = [d for d in docs if d.genre in genres]
    data = [e for d in docs for e in examples(d)]
    with tempfile.TemporaryDirectory() as tmp:
        kept = save(train_with_extra(data, args, args.seed, Path(tmp)), args.out, args.min_weight)
    size = args.out.stat().st_size
    print(f"{len(docs)} documents, {len(data)} sentences; {kept} features kept; {args.out.name}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
