"""How manual summaries open and what they pick, over reference pages (Markdown API pages, manual pages).

For every ``.md`` file, manual page (``.1``, ``.1.gz``...) and Info manual (``sed.info.gz``) given or
found under the folders given, the default summary is made and two figures are printed:

- pages whose first pick is in the opening paragraph (the paragraph of the first prose sentence:
  what the module or the command is);
- picks inside definition items (list items with no number or bullet: a man page's option texts,
  ``-a, --all`` and its paragraph; a ``<dd>``), which should rank below description prose.

``--letters a-m`` keeps the files whose name starts with one of those letters, ``--every N`` every
Nth of them (sorted by path): the split between development and held-back pages, and a lean sample.

    python scripts/check_manual_summaries.py [--letters a-m] [--every N] PATH...
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.analysis import analyze  # noqa: E402
from reader.formats import FormatError  # noqa: E402
from reader.load import LoadError, load  # noqa: E402
from reader.model import Analysis  # noqa: E402
from reader.summarize.manual import _opening, code_shares  # noqa: E402

# Markdown, a manual page (ls.1, perl.1p.gz), an Info manual's main file (sed.info.gz, never its parts)
WANTED = re.compile(r"\.md$|\.[1-9]\w{0,3}(?:\.gz)?$|\.info(?:\.gz)?$")


def pages(paths: list[str], letters: str | None, every: int) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found += sorted(p for p in path.rglob("*") if WANTED.search(p.name)) if path.is_dir() else [path]
    if letters:
        low, high = letters.split("-")
        found = [p for p in found if low <= p.name[:1].lower() <= high]
    return found[every - 1 :: every]


def figures(analysis: Analysis) -> tuple[bool, int, int]:
    """(first pick in the opening paragraph, picks, picks inside definition items)."""
    selected = analysis.summary.selected if analysis.summary else []
    indexes = list(range(len(analysis.sentences)))
    opening = _opening(analysis, indexes, code_shares(analysis, indexes)) if indexes else None
    items = [b for b in analysis.document.blocks if b.kind == "list_item" and b.marker is None]
    inside = 0
    for i in selected:
        s = analysis.sentences[i]
        inside += any(b.start <= s.start and s.end <= b.end for b in items)
    first = bool(selected) and analysis.sentences[selected[0]].paragraph == opening
    return first, len(selected), inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--letters")
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    read = first = picks = inside = failed = 0
    for path in pages(args.paths, args.letters, max(1, args.every)):
        try:
            document = load(str(path))
        except (LoadError, FormatError):
            failed += 1
            continue
        a, n, k = figures(analyze(document, participants=False))
        read, first, picks, inside = read + 1, first + a, picks + n, inside + k
    print(f"pages {read} (failed {failed})")
    print(f"first pick in the opening paragraph: {first} of {read}")
    print(f"picks inside definition items: {inside} of {picks}")


if __name__ == "__main__":
    main()
