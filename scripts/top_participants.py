"""Print each document's most mentioned participants, to judge by hand what a reader sees listed.

    python scripts/top_participants.py [--letters a-m] [--every N] [--top 15] PATH...

PATH is a file or a folder (read recursively, in name order). ``--letters a-m`` keeps the documents
whose split name starts with one of those letters: the file's name, or its folder's name for the
names every project uses (README, INSTALL, CONTRIBUTING, NEWS, ...), so ``git/README.md`` counts as
``git``. ``--every N`` keeps every Nth document of what is left (a folder of thousands of manual
pages). Each document prints its path, whether it reads as a manual, and its top participants by
mentions as ``name [kind] (mentions)``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# File names that say nothing of the project: such a file is split by its folder's name.
GENERIC = ("readme", "install", "contributing", "news", "changelog", "authors", "copying", "hacking", "todo")
SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".html", ".htm", ".gz", "")


def split_name(path: Path) -> str:
    """The name the development / held-back split looks at, lower case."""
    name = path.name.lower()
    if name.startswith(GENERIC) and path.parent.name:
        return path.parent.name.lower()
    return name


def in_letters(path: Path, letters: str) -> bool:
    if not letters:
        return True
    low, _, high = letters.partition("-")
    first = split_name(path)[:1]
    return low <= first <= (high or low)


def documents(paths: list[str], letters: str, every: int) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and _readable(p)))
        else:
            found.append(path)
    kept = [p for p in found if in_letters(p, letters)]
    return kept[:: max(1, every)]


def _readable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in SUFFIXES or path.name.lower().startswith(GENERIC) or suffix[1:2].isdigit()


def show(path: Path, top: int) -> None:
    from reader.analysis import analyze
    from reader.load import load
    from reader.text import technical

    try:
        document = load(str(path))
    except Exception as error:  # a file the reader refuses: say so and go on
        print(f"== {path}: not read ({error})")
        return
    analysis = analyze(document, summary=False)
    manual = "manual" if technical.is_manual(document) else "not a manual"
    print(f"== {path} ({manual})")
    ranked = sorted(analysis.participants, key=lambda p: (-len(p.mentions), p.id))
    for p in ranked[:top]:
        print(f"  {p.name} [{p.kind}] ({len(p.mentions)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--letters", default="", help="keep split names starting with these letters, e.g. a-m")
    parser.add_argument("--every", type=int, default=1, help="keep every Nth document")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    for path in documents(args.paths, args.letters, args.every):
        show(path, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
