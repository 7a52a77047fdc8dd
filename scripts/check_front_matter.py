"""Guard check: headlines, bylines, datelines, credits and closing source lines are never summary sentences.

Runs the summarizer (the default length and the top three) over pages that have them:
GUM's news and interview documents (Wikinews: a headline, a date line, picture credits),
written out as ``scripts/evaluate_genres.py`` does, and the articles of WikiText (`` = Title = ``
headings). A picked sentence is counted under the first kind it looks like:

- headline: the text of a GUM heading block (WikiText: a `` = ... = `` line);
- dateline: a date standing first ("Friday, May 8, 2009", "May 8, 2009 -"), or a sentence that is only a date;
- byline: "By Jane Smith" (a short line);
- credit: "Image: ...", "Photo: ..." ;
- source: a closing attribution ("— CBC.ca, August 15, 2008", "Source: Reuters").

A dateline that opens a real sentence ("Thursday, May 7, 2015 On Tuesday, the government ...")
is counted apart (``date-led``): the sentence says something, only its first words are matter.

    python scripts/check_front_matter.py [--gum DIR] [--wikitext FILE] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts import evaluate_genres  # noqa: E402

WIKITEXT = ROOT.parent / "shared" / "corpora" / "wikitext-2-raw" / "wiki.test.raw"
GENRES = ("news", "interview")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"(?:{_DAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
_ONLY_DATE = re.compile(rf"^\W*{_DATE}\W*$")
_DATE_FIRST = re.compile(rf"^\W*{_DATE}\b")
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*$")
_CREDIT = re.compile(r"\b(?:image|photo|picture|credit)s?\s*:", re.I)
_SOURCE = re.compile(r"^\s*(?:[—–]|--|Source\s*:)")
_WIKI_TITLE = re.compile(r"^ = ([^=].*?) = $")
_WIKI_HEAD = re.compile(r"^ (=+) .* \1 $")


def kind_of(sentence: str, headings: set[str]) -> str:
    text = " ".join(sentence.split())
    if text in headings:
        return "headline"
    if _ONLY_DATE.match(text):
        return "dateline"
    if _BYLINE.match(text):
        return "byline"
    if _CREDIT.search(text):
        return "credit"
    if _SOURCE.match(text):
        return "source"
    if _DATE_FIRST.match(text):
        return "date-led"
    return ""


def gum_pages(root: Path):
    for doc in evaluate_genres.documents(root, "all"):
        if doc.genre in GENRES:
            yield doc.id, doc.text(), doc.headings()


def wikitext_pages(path: Path):
    title, lines, headings = "", [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _WIKI_TITLE.match(line)
        if found and not line.startswith(" = = "):
            if title:
                yield title, "\n".join(lines) + "\n", headings
            title, lines, headings = found.group(1), [], set()
        if _WIKI_HEAD.match(line):
            headings.add(" ".join(line.strip(" =").split()))
        lines.append(line)
    if title:
        yield title, "\n".join(lines) + "\n", headings


def check(pages, show: bool) -> tuple[Counter, int]:
    from reader.analysis import analyze
    from reader.load import document_from_bytes
    from reader.summarize import summarize

    counts: Counter = Counter()
    picked = 0
    for name, text, headings in pages:
        analysis = analyze(document_from_bytes(name, text.encode()), summary=False, participants=False)
        chosen = set(summarize(analysis).selected) | set(summarize(analysis, sentences=3).selected)
        for i in sorted(chosen):
            picked += 1
            sentence = analysis.sentence_text(i)
            kind = kind_of(sentence, headings)
            if kind:
                counts[kind] += 1
                if show:
                    print(f"  {name}: {kind}: {' '.join(sentence.split())[:100]}")
    return counts, picked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gum", type=Path, default=evaluate_genres.GUM, help="folder of GUM .conllu files")
    parser.add_argument("--wikitext", type=Path, default=WIKITEXT, help="WikiText raw file")
    parser.add_argument("--show", action="store_true", help="print every sentence counted")
    args = parser.parse_args(argv)
    sets = [("GUM news + interview", args.gum, gum_pages), ("WikiText articles", args.wikitext, wikitext_pages)]
    kinds = ("headline", "dateline", "byline", "credit", "source", "date-led")
    print("| pages | sentences picked | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    missing = 0
    for label, path, pages in sets:
        if not path.exists():
            print(f"corpus not found: {path}", file=sys.stderr)
            missing += 1
            continue
        counts, picked = check(pages(path), args.show)
        print(f"| {label} | {picked} | " + " | ".join(str(counts[k]) for k in kinds) + " |")
    return 1 if missing == len(sets) else 0


if __name__ == "__main__":
    sys.exit(main())
