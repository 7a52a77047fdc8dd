"""sumy's own algorithms on our sentences: no NLTK punkt, no sumy Tokenizer.

We build sumy's ``ObjectDocumentModel`` from our paragraphs and sentences with a
tokenizer of our own, then call each summarizer's internal rating function so
that every sentence gets a score (sumy itself only returns the top N).
Luhn and Edmundson run here; the others have fast equivalents and sumy's
versions serve as the reference in tests and benchmarks.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

import numpy as np

from reader.summarize.source import Source
from reader.summarize.words import Stemmer, Tokenizer, stop_words


def document(source: Source, title: bool = False) -> Any:
    """A sumy document: one sumy paragraph per paragraph of ours; the title as a heading."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = Tokenizer()
    paragraphs = []
    indexed = list(zip(source.paragraphs, source.texts))
    for number, (_, group) in enumerate(groupby(indexed, key=lambda pair: pair[0])):
        sentences = [Sentence(text, tokenizer) for _, text in group]
        if title and number == 0 and source.title:
            sentences.insert(0, Sentence(source.title, tokenizer, is_heading=True))
        paragraphs.append(Paragraph(sentences))
    return ObjectDocumentModel(paragraphs)


def _stemmer() -> Stemmer:
    return Stemmer()


def _ratings(doc: Any, ratings: Any) -> np.ndarray:
    """Ratings keyed by sumy Sentence (equal texts share one) as an array in document order."""
    return np.array([float(ratings[s]) for s in doc.sentences])


def luhn(source: Source) -> np.ndarray:
    from sumy.summarizers.luhn import LuhnSummarizer

    summarizer = LuhnSummarizer(_stemmer())
    summarizer.stop_words = stop_words()
    doc = document(source)
    significant = frozenset(summarizer._get_significant_words(doc.words))
    return np.array([float(summarizer.rate_sentence(s, significant)) for s in doc.sentences])


def edmundson(source: Source) -> np.ndarray:
    """Title and location methods (sumy's cue and key methods need word lists we have no measured basis for)."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(_stemmer(), cue_weight=0.0, key_weight=0.0, title_weight=1.0, location_weight=1.0)
    summarizer.null_words = stop_words()
    doc = document(source, title=True)
    total = np.zeros(len(doc.sentences))
    for method in (summarizer._build_title_method_instance(), summarizer._build_location_method_instance()):
        total += _ratings(doc, method.rate_sentences(doc))
    return total


def reference(source: Source, name: str) -> np.ndarray:
    """sumy's own rating of every sentence, for comparison (quadratic: short texts only)."""
    from sumy.summarizers import kl, lex_rank, lsa, reduction, sum_basic, text_rank

    stop = stop_words()
    doc = document(source)
    if name == "luhn":
        return luhn(source)
    if name == "edmundson":
        return edmundson(source)
    if name == "lexrank":
        s = lex_rank.LexRankSummarizer(_stemmer())
        s.stop_words = stop
        words = [s._to_words_set(x) for x in doc.sentences]
        matrix = s._create_matrix(words, s.threshold, s._compute_tf(words), s._compute_idf(words))
        return np.asarray(s.power_method(matrix, s.epsilon))
    if name == "lsa":
        s = lsa.LsaSummarizer(_stemmer())
        s.stop_words = stop
        dictionary = s._create_dictionary(doc)
        matrix = s._compute_term_frequency(s._create_matrix(doc, dictionary))
        _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
        return np.asarray(s._compute_ranks(sigma, v))
    classes = {
        "textrank": text_rank.TextRankSummarizer,
        "reduction": reduction.ReductionSummarizer,
        "kl": kl.KLSummarizer,
        "sumbasic": sum_basic.SumBasicSummarizer,
    }
    s = classes[name](_stemmer())
    s.stop_words = stop
    if name in ("kl", "sumbasic"):
        return _ratings(doc, s._compute_ratings(doc.sentences))
    return _ratings(doc, s.rate_sentences(doc))
