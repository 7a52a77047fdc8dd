"""Books as a reader meets them: title, outline levels, chapters found, stray headings.

For each book (default: the PDNC novels and the Gutenberg books under ../shared/corpora), print

- the title the analysis gives;
- how many sections sit at each outline level (headings only; front/back matter apart);
- chapter headings found against the chapter lines an independent count finds: lines that read
  as a chapter or a roman numeral (``CHAPTER IV``, ``Chapter 12``, ``XIV.``), alone between blank
  lines, counted on the text between the Gutenberg START and END lines when there are any;
- stray headings: headings that are no chapter, part, volume or book line;
- sentences per chapter (min / median / max), over the sections at the chapters' level;
- for a play, its speeches found with a speaker beside the speaker lines in the text.

The novels are split: ``--split dev`` takes the 7 PDNC novels whose names sort first and the
Gutenberg books (what the rules are developed on), ``--split held`` the other 7 PDNC novels,
``--split all`` both. Paths given on the command line are checked instead.

    python scripts/check_books.py [--split dev|held|all] [--show] [PATH ...]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.load import load  # noqa: E402
from reader.text import plays  # noqa: E402
from reader.text.structure import segment  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
DEV_NOVELS = 7
PROSE = 50  # a line this long under a chapter line is its text, not a contents entry

_ROMAN = r"[IVXLC]+"
# An independent notion of a chapter line: a chapter word with its number, or a roman numeral alone.
_CHAPTER_LINE = re.compile(
    rf"(?:CHAPTER|Chapter)\s+(?:\d+|{_ROMAN}|[A-Z][A-Za-z-]+)\b.*|{_ROMAN}\.?|\d{{1,3}}\.?",
)
_DIVISION = re.compile(
    rf"(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|VOL\.|Vol\.|ACT|Act|SCENE|Scene)\s+(?:\d+|{_ROMAN}|[A-Za-z-]+)\b.*"
    rf"|{_ROMAN}\.?(?:\s.*)?|\d{{1,3}}\.?(?:\s.*)?|(?:[A-Z]+ )?EPILOGUE.*|Epilogue.*|PROLOGUE.*|Prologue.*)"
)
_PG_START = re.compile(r"^\*\*\*\s*START OF[^\n]*$", re.MULTILINE)
_PG_END = re.compile(r"^\*\*\*\s*END OF", re.MULTILINE)


def default_books(split: str) -> list[Path]:
    novels = sorted((CORPORA / "pdnc").glob("*/novel_text.txt"), key=lambda p: p.parent.name)
    dev, held = novels[:DEV_NOVELS], novels[DEV_NOVELS:]
    gutenberg = sorted((CORPORA / "gutenberg").glob("*.txt"))
    if split == "dev":
        return dev + gutenberg
    if split == "held":
        return held
    return dev + gutenberg + held


def chapter_lines(text: str) -> list[str]:
    """Lines that look like chapter headings (body only): after a blank line, and a roman numeral
    alone before one too; a chapter word may have its title wrapped onto the next lines. A line with
    no prose under it before the next such line is a contents entry, not counted."""
    start = _PG_START.search(text)
    end = _PG_END.search(text)
    body = text[start.end() if start else 0 : end.start() if end else len(text)]
    rows = body.split("\n")
    found: list[tuple[int, str]] = []
    for i, row in enumerate(rows):
        line = row.strip()
        after = i + 1 == len(rows) or not rows[i + 1].strip() or line[:7].lower() == "chapter"
        if line and (i == 0 or not rows[i - 1].strip()) and after and _CHAPTER_LINE.fullmatch(line):
            found.append((i, line))
    ends = [i for i, _ in found[1:]] + [len(rows)]
    return [line for (i, line), end in zip(found, ends) if any(len(r) > PROSE for r in rows[i + 4 : end])]


def report(path: Path, show: bool) -> dict[str, int]:
    analysis = segment(load(str(path)))
    sections = analysis.sections
    named = [s for s in sections if s.kind == "heading"]
    levels = Counter(s.level for s in named)
    is_chapter = [
        bool(_CHAPTER_LINE.fullmatch(s.title.split(":")[0].strip())) or s.title[:7].lower() == "chapter" for s in named
    ]
    chapters = [s for s, c in zip(named, is_chapter) if c]
    chapter_levels = Counter(s.level for s in chapters)
    stray = [s for s in named if not _DIVISION.fullmatch(s.title.strip())]
    expected = chapter_lines(analysis.document.text)
    per = Counter(sentence.section for sentence in analysis.sentences)
    level = chapter_levels.most_common(1)[0][0] if chapters else 0
    counts = [per.get(i, 0) for i, s in enumerate(sections) if s.kind == "heading" and s.level == level]
    name = path.parent.name if path.name == "novel_text.txt" else path.stem
    levels_text = " ".join(f"L{k}:{v}" for k, v in sorted(levels.items()))
    spread = f"{min(counts)}/{statistics.median(counts):g}/{max(counts)}" if counts else "-"
    print(f"{name}: title {analysis.title!r}")
    print(
        f"  levels {levels_text or '-'}; chapters found {len(chapters)} (levels {dict(chapter_levels)})"
        f" of {len(expected)} chapter lines; sentences per chapter min/median/max {spread}"
    )
    speeches = plays.turns(analysis)
    if speeches:  # a play: its speeches, how many speakers, and the speaker lines no speech follows
        lines = [
            m for m in plays.SPEAKER_LINE.finditer(analysis.text) if m.group("label") in plays.labels(analysis.text)
        ]
        speakers = len({t.label for t in speeches})
        print(f"  play: {len(speeches)} speeches of {speakers} speakers, {len(lines)} speaker lines")
    topics = [s for s in sections if s.kind == "topic"]
    if stray or topics:
        print(
            f"  stray headings {len(stray)}: {', '.join(repr(s.title) for s in stray[:8])}"
            f"{' ...' if len(stray) > 8 else ''}; topic sections {len(topics)}"
        )
    if show:
        for s in sections:
            print(f"    {'  ' * (s.level - 1)}[{s.kind}] {s.title[:70]}")
    return {
        "chapters": len(chapters),
        "expected": len(expected),
        "stray": len(stray),
        "topics": len(topics),
        "levels": len(levels),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--split", choices=("dev", "held", "all"), default="dev")
    parser.add_argument("--show", action="store_true", help="print every section")
    args = parser.parse_args(argv)
    books = args.paths or default_books(args.split)
    if not books:
        print(f"no books found under {CORPORA}: nothing to check")
        return 0
    total: Counter[str] = Counter()
    for path in books:
        total.update(report(path, args.show))
    print(
        f"total: chapters found {total['chapters']} of {total['expected']} chapter lines, "
        f"stray headings {total['stray']}, topic sections {total['topics']}, books {len(books)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
