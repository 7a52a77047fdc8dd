"""How many documents of the corpora read as manuals or software documentation: none should.

    python scripts/check_technical_kinds.py

The technical rules of participants (``reader.text.technical``) fire only in documents that read as
manuals (code) or software documentation (a README kind of text); news (BBC) and the GUM genres are
neither, nor are QMSum's meetings (AMI writes spelled letters as `T_V_`), the UN speeches and the
Gutenberg novels. Prints, per corpus, the documents read and those taken for each kind, naming them.
Needs ../shared/corpora.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate_meetings as em  # noqa: E402
import evaluate_participants as ep  # noqa: E402

BBC = ep.CORPORA / "bbc-news-summary" / "BBC News Summary" / "News Articles"


def documents():
    """(corpus, name, Document) of every GUM document, BBC article, QMSum meeting, UN speech and novel."""
    import json

    from reader.load import document_from_bytes, load

    for part in ("dev", "train"):
        for doc in ep.read_gum(ep.CORPORA / f"gum/en_gum-ud-{part}.conllu"):
            yield "gum", doc.id, ep.build_gum(doc)[0].document
    for path in sorted(BBC.glob("*/*.txt")):
        yield "bbc", str(path.relative_to(BBC)), load(str(path))
    for path in sorted(em.QMSUM.glob("*.json")):
        meeting = json.loads(path.read_text(encoding="utf-8"))
        yield "qmsum", path.stem, document_from_bytes(path.name, em.transcript(meeting).encode())
    for path in sorted((ep.CORPORA / "un-general-debate-2023" / "speeches").rglob("*.txt")):
        yield "un", path.name, load(str(path))
    for path in sorted((ep.CORPORA / "gutenberg").glob("*.txt")):
        yield "gutenberg", path.name, load(str(path))


def main() -> int:
    from reader.text import technical

    if not BBC.exists():
        print("reader: ../shared/corpora: not found", file=sys.stderr)
        return 1
    counts: dict[str, list[int]] = {}
    for corpus, name, document in documents():
        row = counts.setdefault(corpus, [0, 0, 0])
        row[0] += 1
        manual, software = technical.is_manual(document), technical.is_software_text(document)
        row[1] += manual
        row[2] += software
        if manual or software:
            print(f"{corpus} {name}: manual {manual}, software text {software}")
    for corpus, (read, manual, software) in counts.items():
        print(f"{corpus}: {read} documents, {manual} manuals, {software} software texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
