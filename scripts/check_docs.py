"""Documentation and web pages as a reader opens them: HTML, Markdown and PDF, per kind of document.

For every ``.html``/``.htm``, ``.md`` and ``.pdf`` file under the folders given (one kind per folder
and format), print:

- documents read, and failures (the reader's one-line error, or an exception);
- titles: the analysis' title equal to the source's own (HTML: the first ``h1`` of the page's
  main landmark, or of its body when it has none, else its ``<title>`` without a `` - Site`` suffix; Markdown: the
  first ``#`` heading; PDF: the /Title in its metadata, when it has one);
- split paragraphs: paragraph blocks that are a lone word, or only punctuation, or open with
  ``,``/``.``/``;``/``:``/``)`` (what an inline code span turned into a block leaves behind);
- chrome: paragraphs of the body (front and back matter apart) that are page controls
  (``Keyboard shortcuts``, ``Edit this page``, ``Previous chapter``, ``Press ← or → to navigate``, ...);
- code blocks kept: preformatted blocks against the source's code blocks (HTML ``pre``, each version
  of an example a ``pre`` holds as two ``code`` elements counted apart; Markdown fences and indented code);
- headings: outline headings against the source's (HTML ``h1``-``h6`` in the content, Markdown
  ``#`` and setext headings, PDF bookmarks), summed over the documents, and the documents where
  the two counts agree.

``--part first|second`` keeps the first or second half of each folder's files (sorted by name),
``--letters a-m`` the files whose name starts with one of those letters: the split between the
documents rules are developed on and those held back.

    python scripts/check_docs.py [--part first|second] [--letters a-m] [--show N] DIR...
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.formats import FormatError  # noqa: E402
from reader.load import LoadError, load  # noqa: E402
from reader.text.structure import segment  # noqa: E402

SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".pdf": "pdf"}
_CHROME = re.compile(
    r"(?:keyboard shortcuts|press [←→]+ or [←→]+ to navigate.*|edit this page|suggest an edit|"
    r"(?:previous|next) (?:chapter|page|section)|print this book|toggle (?:sidebar|table of contents|theme)|"
    r"skip to (?:main )?content|back to top|on this page|table of contents|copy to clipboard|"
    r"was this page helpful\??|search(?: the book)?|show (?:hidden )?lines|hide lines|run this code)",
    re.I,
)
_SPLIT = re.compile(r"^[,.;:)\]]|^\W*$|^\S+(?<!:)$")
_SITE_SUFFIX = re.compile(r"\s+[-–—|·:]\s+[^-–—|·:]+$")


@dataclass
class Tally:
    read: int = 0
    failed: int = 0
    titles: int = 0
    titled: int = 0  # documents whose source has a title to compare with
    paragraphs: int = 0
    split: int = 0
    chrome: int = 0
    code: int = 0
    source_code: int = 0
    headings: int = 0
    source_headings: int = 0
    heads_agree: int = 0
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def note(self, what: str, text: str) -> None:
        self.examples[what].append(text)


def files(folder: Path, part: str | None, letters: str | None) -> list[Path]:
    found = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    if letters:
        low, _, high = letters.lower().partition("-")
        found = [p for p in found if low <= p.name[:1].lower() <= (high or low)]
    if part:
        half = (len(found) + 1) // 2
        found = found[:half] if part == "first" else found[half:]
    return found


def html_source(path: Path) -> tuple[str, int, int]:
    """The page's own title, and its headings and code blocks in the content."""
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(path.read_bytes())
    for el in root.xpath("//script|//style|//nav|//noscript|//template"):
        el.drop_tree()
    mains = root.xpath("//main|//*[@role='main']")
    scope = mains[0] if mains else next(iter(root.xpath("//body")), root)
    heads = scope.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
    pres = [p for p in scope.iter("pre") if not any(a.tag == "pre" for a in p.iterancestors())]
    # Two versions of one example in one <pre> (Node.js's ES module and CommonJS code): two code blocks.
    code = sum(max(1, sum(child.tag == "code" for child in p)) for p in pres)
    h1 = next((" ".join(h.text_content().split()) for h in heads if h.tag == "h1"), "")
    title = " ".join(" ".join(root.xpath("//title//text()")).split())
    title = _SITE_SUFFIX.sub("", title) if title else ""
    return h1.rstrip(" #¶§") or title, len(heads), code


def markdown_source(path: Path) -> tuple[str, int, int]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8", errors="replace"))
    heads = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    title = next((tokens[i + 1].content for i in heads if tokens[i].tag == "h1"), "")
    code = sum(t.type in ("fence", "code_block") for t in tokens)
    return title, len(heads), code


def pdf_source(path: Path) -> tuple[str, int, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        title = (pdf.get_metadata_dict(skip_empty=True).get("Title") or "").strip()
        marks = sum(1 for _ in pdf.get_toc(max_depth=8))
    finally:
        pdf.close()
    return title, marks, 0


SOURCES = {"html": html_source, "markdown": markdown_source, "pdf": pdf_source}


def _same(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return "".join(ch for ch in s.casefold() if ch.isalnum())

    return bool(key(a)) and key(a) == key(b)


def check(path: Path, kind: str, tally: Tally) -> None:
    try:
        document = load(str(path))
        analysis = segment(document)
    except (LoadError, FormatError) as exc:
        tally.failed += 1
        tally.note("failed", f"{path.name}: {exc}")
        return
    tally.read += 1
    title, source_heads, source_code = SOURCES[kind](path)
    if title:
        tally.titled += 1
        if _same(analysis.title, title):
            tally.titles += 1
        else:
            tally.note("title", f"{path.name}: {analysis.title!r} (source {title!r})")
    text = document.text
    matter = [(s.start, s.end) for s in analysis.sections if s.kind in ("front", "back")]
    for block in document.blocks:
        if any(a <= block.start < b for a, b in matter):
            continue  # a contents page or an index is no body
        piece = " ".join(text[block.start : block.end].split())
        if block.kind == "paragraph":
            tally.paragraphs += 1
            if _SPLIT.search(piece):
                tally.split += 1
                tally.note("split", f"{path.name}: {piece[:60]!r}")
        if block.kind in ("paragraph", "list_item", "heading") and _CHROME.fullmatch(piece.strip(" .")):
            tally.chrome += 1
            tally.note("chrome", f"{path.name}: {piece[:60]!r}")
    tally.code += sum(b.kind == "preformatted" for b in document.blocks)
    tally.source_code += source_code
    heads = sum(s.heading_start is not None for s in analysis.sections) + _title_head(analysis, document)
    tally.headings += heads
    tally.source_headings += source_heads
    if heads == source_heads:
        tally.heads_agree += 1
    else:
        tally.note("headings", f"{path.name}: outline {heads}, source {source_heads}")


def _title_head(analysis: Any, document: Any) -> int:
    """1 when the first heading block heads the outline as the title rather than as a section."""
    heads = [b for b in document.blocks if b.kind == "heading"]
    if not heads:
        return 0
    starts = {s.heading_start for s in analysis.sections if s.heading_start is not None}
    first = heads[0]
    return int(first.start not in starts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--part", choices=("first", "second"))
    parser.add_argument("--letters", help="first letters of the file names to keep, as a range: a-m")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples of each problem")
    args = parser.parse_args()
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for folder in args.dirs:
        paths = [folder] if folder.is_file() else files(folder, args.part, args.letters)
        for path in paths:
            kind = SUFFIXES[path.suffix.lower()]
            check(path, kind, tallies[(folder.name, kind)])
    print(
        f"{'kind':24} {'read':>5} {'fail':>5} {'titles':>9} {'split':>9} {'chrome':>6} "
        f"{'code kept':>11} {'headings':>11} {'agree':>9}"
    )
    for (name, kind), t in sorted(tallies.items()):
        print(
            f"{name + ' ' + kind:24} {t.read:5} {t.failed:5} {t.titles:4}/{t.titled:<4} {t.split:4}/{t.paragraphs:<4} "
            f"{t.chrome:6} {t.code:5}/{t.source_code:<5} {t.headings:5}/{t.source_headings:<5} "
            f"{t.heads_agree:4}/{t.read:<4}"
        )
        for what, lines in sorted(t.examples.items()):
            for line in lines[: args.show]:
                print(f"    {what}: {line}")


if __name__ == "__main__":
    main()
