"""The "reader" ranker: centrality, position and title overlap, with redundancy control.

Ideas that hold for news and reports in general, not tuned to one corpus:
- centrality: a sentence that shares words with many others carries the topic
  (degree centrality: summed word overlap with every other sentence, as in Reduction,
  a word weighted by its rarity in the text, counted once a sentence);
- substance: a sentence of one or two content words ("Yeah, sure.") says nothing
  alone; interjections (yeah, um, mm-hmm) are no topic in any genre;
- position: writers put the point first (the lead), in the text and in each paragraph;
- title overlap: the headline names the subject;
- redundancy: a sentence that repeats one already chosen adds little (maximal
  marginal relevance, on the same word-overlap measure).
- length: where sentence lengths vary a lot (conversation), longer turns carry the
  content (what LSA and Luhn reward); where they do not (news), length is no signal;
- readability: a "sentence" of more than LONG words, or one made mostly of
  numbers and symbols, is a table, a list or a grammar run together, not prose
  (degree centrality alone loves them: they share words with everything).
Every sentence gets a score: the greedy MMR order decides the top, the
relevance score orders the rest below it.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import takewhile

import numpy as np

from reader.summarize import graph
from reader.summarize.bag import Bag
from reader.summarize.frequency import by_greedy_order
from reader.summarize.source import Source

# Measured on BBC (scripts/evaluate_summaries.py), the dev halves of QMSum
# (scripts/evaluate_meetings.py) and GUM (scripts/evaluate_genres.py): centrality
# does most of the work; position and title are smaller. Title 0.4 raised GUM dev
# top-3 R2 0.075 -> 0.082 but cost BBC 0.011; 0.25 with position 0.1 keeps BBC
# at 0.722 (floor 0.72) and gives GUM dev 0.080.
WEIGHTS = {"centrality": 1.0, "position": 0.1, "title": 0.25, "declared": 0.5}
REDUNDANCY = 0.1  # how much word overlap with a chosen sentence costs
LONG = 60  # words; BBC's 99th percentile is 40
PROSE = 0.75  # share of tokens that start with a letter, below which text is not prose
LINE_WORDS = 8  # a line this short without final punctuation is a label, not a sentence
# a picture's caption ends with its credit: "Shimon Peres image: David Shankbone.", "Image: Twitter / Barack Obama."
_CREDIT = re.compile(r"\b(?:image|photo|photograph|picture|credit)s?\s*:\s*\S", re.I)
CAPITALS = 4  # words in capitals, half a line or more: a title page or a heading, not a sentence
CAPTION = 3  # sentences: a longer paragraph with a credit in it is text that mentions a picture
_FINAL = re.compile(r"[.!?…:;][\s\"'”’)\]]*$")
SUBSTANCE = 3  # distinct content words a sentence needs to say something on its own
REPEATS = 2  # a word repeated in one sentence counts at most twice
# a shared word counts sqrt(idf) on each side (idf scaled to [0, 1]), blended
# with 1 in proportion n / (n + IDF_SENTENCES): flat in a 20-sentence article,
# sharp in a 1,000-turn meeting
IDF_SENTENCES = 50
# length prior: in a text whose sentence lengths vary a lot (a meeting: "Yeah." beside
# a 60-word explanation) the long turns carry the content, so a sentence's score
# is multiplied by (distinct content words / median) ** strength, strength growing
# from 0 at this coefficient of variation of lengths to 1 at SPREAD_FULL; news
# (about 0.5) and most prose (under 0.8) are left as they are. Tuned on QMSum dev.
SPREAD_START = 0.85
SPREAD_FULL = 1.15
# a meeting opens with its agenda: in speakers' turns the position weight grows by this much
# (times the share of sentences in turns). QMSum dev 0.269/0.041 -> 0.276/0.045 R1/R2; prose unchanged.
TURN_POSITION = 0.5
# a speaker's share of the picks so far costs this fraction of a sentence's relevance: one long
# presentation filled a 12-line summary of a four-person meeting. QMSum dev R1/R2 0.299/0.055 ->
# 0.303/0.053, the top speaker's share of a default summary mean 0.59 -> 0.51, at most 1.0 -> 0.78.
SPEAKER = 0.4
MMR_STEPS = 60  # picks made with redundancy control; a summary is shorter
MMR_POOL = 300  # only the most relevant sentences compete for them


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def position_prior(source: Source) -> np.ndarray:
    """1 for the first sentence, falling off smoothly; a paragraph's first sentence gets a little more."""
    n = len(source)
    order = np.arange(n, dtype=float)
    prior = 1.0 / np.sqrt(1.0 + order)
    paragraphs = np.asarray(source.paragraphs)
    opens = np.ones(n, dtype=bool)
    opens[1:] = paragraphs[1:] != paragraphs[:-1]
    return prior + 0.1 * opens


def declared_prior(source: Source) -> np.ndarray:
    """The document's own summary (an Abstract, an Introduction's opening): see ``declared``."""
    return np.asarray(source.declared, dtype=float) if source.declared else np.zeros(len(source))


def title_overlap(source: Source) -> np.ndarray:
    title = source.title_terms
    if not title:
        return np.zeros(len(source))
    return np.array([len(title.intersection(r)) / len(title) for r in source.rows])


def readability(source: Source) -> np.ndarray:
    """1 for ordinary prose; less for very long runs and for text that is mostly numbers and symbols.

    0 for a short line without a sentence's final punctuation: a headline, a
    byline, a dateline, a closing source line ("— CBC.ca, August 15, 2008"); for
    a short label ending in a colon, a line mostly in capitals, a picture's caption and a footnote
    (the text's aside, not its gist).
    """
    out = np.ones(len(source))
    captions = _captions(source)
    for k, text in enumerate(source.texts):
        tokens = text.split()
        if not tokens:
            continue
        if _matter(text, tokens) or source.paragraphs[k] in captions or k in source.notes:
            out[k] = 0.0
            continue
        letters = sum(1 for t in tokens if t[:1].isalpha() or t[1:2].isalpha())
        out[k] = min(1.0, LONG / len(tokens)) * min(1.0, letters / len(tokens) / PROSE)
    return out


def _matter(text: str, tokens: list[str]) -> bool:
    """A line that is no sentence: short without final punctuation, a short label ending in a colon
    ("How to Make Vegan Cupcakes Two Methods:"), or a title page set in capitals ("A ROMANCE IN EIGHT
    DAYS by JOHANN VALENTIN ANDREAE ... SMALL BEER PRESS")."""
    if len(tokens) <= LINE_WORDS and (not _FINAL.search(text) or text.rstrip().endswith(":")):
        return True
    capitals = sum(1 for t in tokens if len(t) > 1 and t.isupper() and t.strip(".,;:()").isalpha())
    return capitals >= CAPITALS and capitals >= len(tokens) / 2


def _captions(source: Source) -> set[int]:
    """Paragraphs of at most CAPTION sentences that hold a picture credit: a caption, all of it.

    "File photo of the harbour ferry. Image: Port Authority." is split in two sentences,
    and the first, without the credit, reads as prose.
    """
    sizes: dict[int, int] = {}
    credited: set[int] = set()
    for paragraph, text in zip(source.paragraphs, source.texts):
        sizes[paragraph] = sizes.get(paragraph, 0) + 1
        if _CREDIT.search(text):
            credited.add(paragraph)
    return {p for p in credited if sizes[p] <= CAPTION}


def substance(source: Source) -> np.ndarray:
    """1 for a sentence with SUBSTANCE distinct content words or more (interjections left out), less for fewer.

    "Yeah, right." or "Mm, okay." says nothing alone, however central its words are in a meeting.
    """
    skip = interjection_terms(source)
    distinct = np.array([len({t for t in r if not skip[t]}) for r in source.rows], dtype=float)
    return np.minimum(1.0, distinct / SUBSTANCE)


INTERJECTIONS = frozenset(
    "yeah yes yep yup yea nope okay ok uh um er erm ah oh mm mmm hm hmm huh uh-huh mm-hmm um-hmm hmm-mm "
    "whoa wow oops ooh aha eh gosh".split()
)


def interjection_terms(source: Source) -> np.ndarray:
    """True for the term ids of interjections and backchannels: they carry no topic in any genre."""
    terms = source.terms
    source.rows  # noqa: B018 - the term ids exist once the rows are read
    out = np.zeros(max(len(terms.ids), 1), dtype=bool)
    for word in INTERJECTIONS:
        tid = terms.ids.get(terms.stem(word))
        if tid is not None:
            out[tid] = True
    return out


def _without_stutter(row: list[int]) -> list[int]:
    """Term ids with immediate repeats dropped: "the remote, the remote" is one mention, said twice."""
    return [t for k, t in enumerate(row) if k == 0 or row[k - 1] != t]


def centrality(source: Source) -> np.ndarray:
    """Summed word overlap with every other sentence, a word weighted by how rare it is in the text."""
    bag = Bag.from_rows([_without_stutter(r) for r in source.rows], source.bag.n_terms)
    df = bag.document_frequency()
    idf = np.log((bag.n + 1.0) / np.maximum(df, 1.0))
    # idf estimated from a few sentences is noise: it counts in proportion to the text's length
    share = bag.n / (bag.n + IDF_SENTENCES)
    top = float(idf.max()) if len(idf) else 0.0
    weight = np.sqrt(1.0 - share + share * idf / max(top, 1e-9))
    keep = ~interjection_terms(source)[bag.term]
    return graph.overlap_centrality(bag, keep * np.minimum(bag.count, REPEATS) * weight[bag.term])


def length_prior(source: Source) -> np.ndarray:
    """1 everywhere in evenly written text; in text of very uneven sentence lengths, more for longer sentences.

    The strength comes from the document's own evidence (how much its sentence
    lengths vary), not from its genre: conversation is full of short turns, news is not.
    """
    lengths = np.array([len(r) for r in source.rows], dtype=float)
    if len(lengths) < 2 or lengths.mean() <= 0:
        return np.ones(len(lengths))
    spread = float(lengths.std() / lengths.mean())
    strength = min(1.0, max(0.0, (spread - SPREAD_START) / (SPREAD_FULL - SPREAD_START)))
    if strength == 0.0:
        return np.ones(len(lengths))
    size = _unit_size(source)
    return (size / float(np.median(size))) ** strength


def _unit_size(source: Source) -> np.ndarray:
    """Distinct content words of each sentence, or, in speakers' turns, of the whole turn it belongs to.

    A turn is what one speaker says at a time: a long turn that explains something
    is split into sentences of every length, and each of them is part of the
    explanation. Blended by the share of sentences in turns (prose: the sentence).
    """
    sentence = np.array([max(len(set(r)), 1) for r in source.rows], dtype=float)
    share = source.turn_share
    if share <= 0:
        return sentence
    words: dict[int, set[int]] = {}
    for paragraph, row in zip(source.paragraphs, source.rows):
        words.setdefault(paragraph, set()).update(row)
    turn = np.array([max(len(words[p]), 1) for p in source.paragraphs], dtype=float)
    return sentence ** (1.0 - share) * turn**share


# a lead prior that adapts to the text's own evidence: where the opening sentences are more central
# than the text's average sentence by more than LEAD_FLOOR times, they state its gist (news, a
# biography, a travel guide open so; a conversation or a story does not) and the position weight
# grows by up to LEAD. GUM dev top-1 R1 / top-3 R2 0.250/0.080 -> 0.251/0.086, BBC 0.722 kept
# (LEAD 0.6 from a ratio of 1: GUM 0.087 but BBC 0.720), QMSum dev unchanged.
LEAD = 0.8
LEAD_SENTENCES = 3
LEAD_FLOOR = 1.2


def lead_evidence(central: np.ndarray) -> float:
    """0..1: how much more central the opening sentences are than the text's average sentence (0 up to LEAD_FLOOR)."""
    if len(central) <= 2 * LEAD_SENTENCES or central.mean() <= 0:
        return 0.0
    ratio = float(central[:LEAD_SENTENCES].mean() / central.mean())
    return min(1.0, max(0.0, ratio - LEAD_FLOOR))


# a definitional opening: among the first OPENING prose sentences, the first that says what its
# subject is ("Mérida is the capital of ...", "John Smith (born 1950) was an American actor") gets
# DEFINES more, where the subject is the title's or a name the document keeps using (RECUR sentences).
OPENING = 1
DEFINES = 0.5
RECUR = 3
_COPULA = re.compile(r"\b(?:is|are|was|were)\b")
_NAME = re.compile(r"\b[A-Z]\w+")


def definition(source: Source, readable: np.ndarray) -> np.ndarray:
    """DEFINES for the opening's first copular sentence about the title's subject or a recurring name, else 0."""
    out = np.zeros(len(source))
    for k in np.flatnonzero(readable > 0)[:OPENING]:
        text = source.texts[k]
        copula = _COPULA.search(text)
        if not copula or not text[:1].isupper():
            continue
        names = _NAME.findall(text[: copula.start()])
        if set(source.terms.of(" ".join(names))) & source.title_terms or _recurs(source.texts, names, int(k)):
            out[k] = DEFINES
            break
    return out


def _recurs(texts: list[str], names: list[str], skip: int) -> bool:
    """True when one of ``names`` is written, capitalised and not first, in RECUR other sentences or more.

    A capital inside a sentence marks a name; a sentence's first word ("Ships were counted") may be any word.
    """
    for name in set(names):
        inside = re.compile(rf"\S\s+{re.escape(name)}\b")
        if sum(1 for k, t in enumerate(texts) if k != skip and inside.search(t)) >= RECUR:
            return True
    return False


# in speakers' turns, ROUGE at a fixed word budget and a reader alike gain from dense sentences:
# "Budget for repairs and staff." says more a word than "Well, I mean, it is the thing we had".
# The share of content words counts to this power (times the share in turns); prose is left as it is.
# QMSum dev R1/R2 0.301/0.052 -> 0.311/0.057 (0.3: 0.303/0.057, 1.0: 0.297/0.059 with 1.3% filler).
DENSITY = 0.5

_TOKEN = re.compile(r"\w+")


def density_prior(source: Source) -> np.ndarray:
    """In speakers' turns: (share of a sentence's words that are content words / the median share) ** strength."""
    strength = DENSITY * source.turn_share
    if strength <= 0 or not len(source):
        return np.ones(len(source))
    share = np.array([len(r) / max(len(_TOKEN.findall(t)), 1) for r, t in zip(source.rows, source.texts)])
    middle = float(np.median(share[share > 0])) if (share > 0).any() else 1.0
    return (np.maximum(share, 1e-3) / middle) ** strength


# an opening that announces the document: an interviewer's framing ("Wikinews spoke with X about Y"),
# a speech's or a video's announcement ("Today I want to talk about ...", "In this article we ...").
# GUM dev top-1 R1 0.256 -> 0.261 (interviews 0.25 -> 0.53 where the framing is there), BBC 0.721.
ANNOUNCES = 1.0
ANNOUNCE_SENTENCES = 5  # prose sentences of the opening where an announcement counts
_DOCUMENT = r"(?:article|guide|video|paper|essay|talk|speech|episode|post|report)"
_ANNOUNCE = re.compile(
    r"\b(?:interview(?:s|ed|ing)?|spoke (?:with|to)|sat down with)\b"  # an interviewer's framing
    r"|\b(?:I|we)\b[^.!?]{0,30}\b(?:talk|speak|tell you) about\b"  # "Today I want to talk about ..."
    rf"|^In this {_DOCUMENT}\b|\bthis {_DOCUMENT} (?:will|describes|explains|tells|covers|shows|presents)\b",
    re.I,
)


def announcement(source: Source, readable: np.ndarray) -> np.ndarray:
    """ANNOUNCES for opening sentences that say what the document is about, else 0."""
    out = np.zeros(len(source))
    for k in np.flatnonzero(readable > 0)[:ANNOUNCE_SENTENCES]:
        if _ANNOUNCE.search(source.texts[k]):
            out[k] = ANNOUNCES
    return out


# The additive part of the score is linear in these per-sentence features; the gates (length,
# density, readability, substance) multiply it. HAND is the mix chosen by hand (above): the
# same score as before, written as weights, so a fitted mix (scripts/train_scorer.py) can be
# compared with it on equal terms.
FEATURES = (
    "central",  # degree centrality, scaled to the text's top
    "position",  # position_prior
    "lead_position",  # position_prior x the lead evidence (0..1)
    "turn_position",  # position_prior x the share of sentences in turns
    "title",  # title overlap
    "declared",  # the document's own summary (Abstract, Introduction)
    "defines",  # a definitional opening (0 or 1)
    "announces",  # an announcing opening (0 or 1)
    "first",  # the first readable sentence (0 or 1)
    "opens",  # a paragraph's first sentence (0 or 1)
    "relative",  # place in the text, 0 at the start to 1 at the end
    "length",  # log2 of words over the text's median
    "capitals",  # share of words written with a capital, not first in the sentence
    "quote",  # holds quotation marks (dialogue, quoted speech)
    "turn_central",  # centrality x the share of sentences in turns
)
HAND = {
    "central": WEIGHTS["centrality"],
    "position": WEIGHTS["position"],
    "lead_position": LEAD,
    "turn_position": TURN_POSITION,
    "title": WEIGHTS["title"],
    "declared": WEIGHTS["declared"],
    "defines": DEFINES,
    "announces": ANNOUNCES,
}
_QUOTE = re.compile(r"[\"“”]")


def gates(source: Source, readable: np.ndarray | None = None) -> np.ndarray:
    """What multiplies the mix: 0 for a line that is no prose or says nothing, more for dense long turns."""
    readable = readability(source) if readable is None else readable
    return length_prior(source) * density_prior(source) * readable * substance(source) * code_gate(source)


def code_gate(source: Source) -> np.ndarray:
    """In a manual, a sentence that is mostly code (a signature, a command line, a list of
    parameters) is no summary sentence: 0 from half code, 1 up to a quarter (a sentence may name its
    module in code: 'The `node:fs` module enables ...'), linear between."""
    if not source.code:
        return np.ones(len(source))
    share = np.asarray(source.code, dtype=float)
    return np.clip((CODE_LIMIT - share) / (CODE_LIMIT - CODE_FREE), 0.0, 1.0)


CODE_FREE = 0.25  # share of code a sentence may hold at no cost
CODE_LIMIT = 0.5  # share of code from which a sentence is no summary sentence


def features(source: Source, readable: np.ndarray | None = None, names: tuple[str, ...] = FEATURES) -> np.ndarray:
    """One row per sentence, one column per name in ``names`` (all of FEATURES for training; the
    summarizer asks only for those HAND weighs)."""
    readable = readability(source) if readable is None else readable
    central = _scaled(centrality(source))
    position = position_prior(source)
    share = source.turn_share
    n = len(source)
    surface = cache(lambda: _surface(source.texts))  # three columns from one pass over the words
    columns = {
        "central": lambda: central,
        "position": lambda: position,
        "lead_position": lambda: lead_evidence(central) * position,
        "turn_position": lambda: share * position,
        "title": lambda: title_overlap(source),
        "declared": lambda: declared_prior(source),
        "defines": lambda: definition(source, readable) > 0,
        "announces": lambda: announcement(source, readable) > 0,
        "first": lambda: _first(readable),
        "opens": lambda: _opens(source.paragraphs),
        "relative": lambda: np.arange(n) / max(n - 1, 1),
        "length": lambda: surface()[0],
        "capitals": lambda: surface()[1],
        "quote": lambda: surface()[2],
        "turn_central": lambda: share * central,
    }
    out = np.zeros((n, len(names)))
    for k, name in enumerate(names):
        out[:, k] = columns[name]()
    return out


def _first(readable: np.ndarray) -> np.ndarray:
    """1 for the first readable sentence."""
    out = np.zeros(len(readable))
    ids = np.flatnonzero(readable > 0)
    if len(ids):
        out[ids[0]] = 1.0
    return out


def _opens(paragraphs: list[int]) -> np.ndarray:
    """1 for a paragraph's first sentence."""
    out = np.zeros(len(paragraphs))
    if len(paragraphs):
        numbers = np.asarray(paragraphs)
        out[0] = 1.0
        out[1:] = numbers[1:] != numbers[:-1]
    return out


def _surface(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: log2(words / median words), the share of inner capitalised words, quotation marks."""
    words = [t.split() for t in texts]
    sizes = np.array([max(len(w), 1) for w in words], dtype=float)
    length = np.log2(sizes / float(np.median(sizes))) if len(sizes) else sizes
    capitals = np.array([sum(1 for t in w[1:] if t[:1].isupper()) / max(len(w) - 1, 1) for w in words])
    quote = np.array([1.0 if _QUOTE.search(t) else 0.0 for t in texts])
    return length, capitals, quote


def hand_weights() -> np.ndarray:
    return np.array([HAND.get(name, 0.0) for name in FEATURES])


def relevance(source: Source, readable: np.ndarray | None = None) -> np.ndarray:
    readable = readability(source) if readable is None else readable
    names = tuple(name for name in FEATURES if name in HAND)
    return gates(source, readable) * (features(source, readable, names) @ np.array([HAND[name] for name in names]))


# The opening paragraph as a lead: where the first readable paragraph is prose (no speaker's turn:
# a meeting or a conversation opens with talk, an interview with its preamble), holds a few
# sentences and shares a word with the title, it states the gist (a biography's, a news story's, a
# travel guide's opening), so its first sentences come right after the top pick. A long opening
# paragraph (a vlog written as one block) is the body, not a lead; BBC writes its lead as a
# paragraph of one sentence, so there nothing moves. GUM dev top-3 R2 0.088 -> 0.091 (voyage
# 0.108 -> 0.136, news 0.144 -> 0.153, interview 0.091 -> 0.094), top-1 unchanged, BBC 0.7215 -> 0.7208.
LEAD_PARAGRAPH = 5  # sentences at most in a lead paragraph
LEAD_PICKS = 3  # places the top pick and the lead's sentences fill at the head of the ranking
LEAD_TEXT = 7  # readable sentences a text needs before its opening can be a lead apart from the rest


def lead_paragraph(source: Source, readable: np.ndarray) -> list[int]:
    """The sentences of the first readable paragraph when it reads as the text's lead, else []."""
    ids = np.flatnonzero(readable > 0)
    if len(ids) < LEAD_TEXT:
        return []
    first = source.paragraphs[ids[0]]
    members = [int(i) for i in takewhile(lambda i: source.paragraphs[i] == first, ids[: LEAD_PARAGRAPH + 1])]
    if not 2 <= len(members) <= LEAD_PARAGRAPH or (source.speakers and any(source.speakers[i] for i in members)):
        return []
    title = source.title_terms
    if not title or not any(title.intersection(source.rows[i]) for i in members):
        return []
    return members


def _lead_after_top(picked: list[int], lead: list[int], score: np.ndarray) -> list[int]:
    """``picked`` with the lead's first sentences (scored above 0) right after the top pick."""
    if not picked or not lead:
        return picked
    top = picked[0]
    moved = [i for i in lead if i != top and score[i] > 0][: LEAD_PICKS - 1]
    return [top, *moved, *(i for i in picked[1:] if i not in moved)]


def rank(source: Source) -> np.ndarray:
    n = len(source)
    if n == 0:
        return np.zeros(0)
    readable = readability(source)
    score = relevance(source, readable)
    pool = np.argsort(-score, kind="stable")[:MMR_POOL]
    speakers = [source.speakers[i] for i in pool] if source.speakers else []
    rows = [source.rows[i] for i in pool]
    picked = [int(pool[k]) for k in _mmr(rows, score[pool], min(len(pool), MMR_STEPS), speakers, source.turn_share)]
    picked = _lead_after_top(picked, lead_paragraph(source, readable), score)
    final = by_greedy_order(picked, score, n)
    final[score <= 0] = 0.0  # no substance: ranked last, and a word budget stops before them
    return final


def _mmr(rows: list[list[int]], score: np.ndarray, steps: int, speakers: list[str], turn_share: float) -> list[int]:
    """Greedy picks: relevance minus REDUNDANCY × the highest word-set overlap with a pick so far.

    In a transcript, also minus a part (SPEAKER × the share of sentences in turns)
    of its relevance for the share of the picks so far that its speaker said:
    one speaker's long presentation otherwise fills a whole meeting summary.
    Sentences outside turns ("" speaker) are not balanced.
    """
    sets = [set(r) for r in rows]
    penalty = np.zeros(len(score))
    available = np.ones(len(score), dtype=bool)
    picked: list[int] = []
    said = np.zeros(len(score))  # picks so far by each sentence's speaker
    who = _speaker_ids(speakers)
    for _ in range(steps):
        balance = score * (SPEAKER * turn_share) * said / len(picked) if picked and who is not None else 0.0
        best = int(np.argmax(np.where(available, score - REDUNDANCY * penalty - balance, -np.inf)))
        picked.append(best)
        available[best] = False
        if who is not None and who[best] >= 0:
            said[who == who[best]] += 1
        chosen = sets[best]
        if not chosen:
            continue
        for i in np.flatnonzero(available):
            other = sets[i]
            if other:
                overlap = len(chosen & other) / min(len(chosen), len(other))
                penalty[i] = max(penalty[i], overlap)
    return picked


def _speaker_ids(speakers: list[str]) -> np.ndarray | None:
    """A number for each speaker, -1 outside turns; None when no sentence is in a turn."""
    if not any(speakers):
        return None
    names = {name: k for k, name in enumerate(sorted(set(speakers)))}
    return np.array([names[s] if s else -1 for s in speakers])
