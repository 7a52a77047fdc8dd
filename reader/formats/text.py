"""Plain text: nothing is declared, so segmentation infers headings and topics itself."""

from __future__ import annotations

from reader.model import Document


def parse(document: Document) -> Document:
    return document
