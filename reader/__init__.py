"""reader: a terminal reader and summarizer.

Public API: ``load(path)`` gives a Document, ``analyze(document)`` its Analysis.
"""

from __future__ import annotations

__version__ = "0.1.0"

from reader.load import load  # noqa: E402


def analyze(document, **options):
    """The Analysis of one Document; see ``reader.analysis.analyze``."""
    from reader.analysis import analyze as _analyze

    return _analyze(document, **options)


__all__ = ["analyze", "load", "__version__"]
