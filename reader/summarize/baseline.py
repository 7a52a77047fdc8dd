"""Baselines: the first sentences, and a repeatable random order."""

from __future__ import annotations

import numpy as np

from reader.summarize.source import Source


def lead(source: Source) -> np.ndarray:
    n = len(source)
    return 1.0 - np.arange(n) / max(n, 1)


def random(source: Source) -> np.ndarray:
    n = len(source)
    order = np.random.default_rng(source.seed).permutation(n)
    return 1.0 - order / max(n, 1)
