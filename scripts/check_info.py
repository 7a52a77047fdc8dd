"""GNU Info manuals as a reader meets them: read each one and count what is left of Info's syntax.

For each manual (``.info``, ``.info.gz``, the ``dir`` file; a folder is searched for them), print

- whether it was read, or the one-line reason it was not;
- text still holding Info syntax: ``\\x1f``, ``File:``+``Node:`` header lines, ``*note``, menu
  ``::`` syntax, ``Tag Table``, ``Indirect:``;
- headings found against the underlined headings counted in the source (a line underlined by a run
  of ``*``, ``=``, ``-`` or ``.`` as long as it, outside examples), by level;
- nodes read (anchors) against the nodes in the source (``\\x1f`` then a ``File:`` line), the parts
  of a split manual included;
- the time to read and segment it (load + outline structure), and the largest.

The manuals' names decide the split used while developing: ``--split dev`` takes names starting
a-f, ``--split held`` the others, ``all`` both.

    python scripts/check_info.py [--split dev|held|all] [PATH ...]   (default PATH: /usr/share/info)
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.formats import INFO_PART_SUFFIX  # noqa: E402
from reader.load import LoadError, load  # noqa: E402
from reader.text.structure import segment  # noqa: E402

_SYNTAX = {
    "\\x1f": re.compile("\x1f"),
    "File:+Node:": re.compile(r"^File: [^\n]*Node: ", re.M),
    "*note": re.compile(r"\*note\s", re.I),  # not ``*Note*`` (a bold word)
    "menu ::": re.compile(r"^\* [^\n]*::", re.M),
    "Tag Table": re.compile(r"^Tag Table:|^End Tag Table", re.M),
    "Indirect:": re.compile(r"^Indirect:$", re.M),
}
_UNDERLINED = re.compile(r"^([^ \n][^\n]*)\n([*=.-])\2+\n", re.M)
_LEVEL = {"*": 1, "=": 2, "-": 3, ".": 4}


def manuals(paths: list[str], split: str) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        found.extend(f for f in files if _is_manual(f))
    return [f for f in found if split == "all" or (f.name[:1].lower() <= "f") == (split == "dev")]


def _is_manual(path: Path) -> bool:
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    return name == "dir" or name.endswith(".info") or bool(INFO_PART_SUFFIX.search(name))


def source_text(path: Path) -> str:
    """The raw text of a manual and of the parts its Indirect table names."""
    data = path.read_bytes()
    text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", "replace")
    indirect = re.search(r"\x1fIndirect:\n(.*?)\x1f", text.replace("\x1f\n", "\x1f"), re.S)
    if indirect and not INFO_PART_SUFFIX.search(path.name.removesuffix(".gz")):
        for line in indirect.group(1).splitlines():
            part = line.rsplit(":", 1)[0].strip()
            for candidate in (path.parent / part, path.parent / f"{part}.gz"):
                if candidate.is_file():
                    text += source_text(candidate)
    return text


def underlined(text: str) -> Counter[int]:
    """Underlined headings in the source, by level: the underline as long as the line (within 2)."""
    counts: Counter[int] = Counter()
    for match in _UNDERLINED.finditer(text):
        if abs(len(match.group(0).split("\n")[1]) - len(match.group(1).rstrip())) <= 2:
            counts[_LEVEL[match.group(2)]] += 1
    return counts


def check(path: Path) -> dict[str, object]:
    started = time.perf_counter()
    try:
        doc = load(str(path))
    except LoadError as exc:
        return {"error": exc.reason}
    structure = segment(doc)
    seconds = time.perf_counter() - started
    raw = source_text(path)
    syntax = {name: len(rx.findall(doc.text)) for name, rx in _SYNTAX.items()}
    found = Counter(b.level or 0 for b in doc.blocks if b.kind == "heading")
    return {
        "seconds": seconds,
        "size": len(raw),
        "syntax": {k: v for k, v in syntax.items() if v},
        "headings": found,
        "underlined": underlined(raw),
        "nodes": len(doc.anchors),
        "source nodes": len(re.findall(r"\x1f\n?File:[^\n]*Node:", raw)),
        "sections": len(structure.sections),
    }


def _levels(counts: Counter[int]) -> str:
    return " ".join(f"{level}:{counts[level]}" for level in sorted(counts)) or "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("paths", nargs="*", default=["/usr/share/info"])
    args = parser.parse_args(argv)
    failures: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    slowest = (0.0, "")
    files = manuals(args.paths, args.split)
    for path in files:
        result = check(path)
        if "error" in result:
            failures[str(result["error"])] += 1
            print(f"{path.name}: FAILED {result['error']}")
            continue
        seconds = float(result["seconds"])  # type: ignore[arg-type]
        slowest = max(slowest, (seconds, path.name))
        found, under = result["headings"], result["underlined"]
        assert isinstance(found, Counter) and isinstance(under, Counter)
        totals.update(headings=sum(found.values()), underlined=sum(under.values()))
        totals.update(nodes=int(result["nodes"]), source_nodes=int(result["source nodes"]))  # type: ignore[call-overload]
        syntax = result["syntax"] or "none"
        print(
            f"{path.name}: {int(result['size']) / 1024:.0f} KB, {seconds:.2f} s; "  # type: ignore[call-overload]
            f"headings {_levels(found)} vs underlined {_levels(under)}; "
            f"nodes {result['nodes']} of {result['source nodes']}; Info syntax left: {syntax}"
        )
    print(f"\nmanuals read: {len(files) - sum(failures.values())} of {len(files)}")
    print(f"failures by reason: {dict(failures) or 'none'}")
    print(f"headings found {totals['headings']} vs underlined in the source {totals['underlined']}")
    print(f"nodes read {totals['nodes']} vs nodes in the source {totals['source_nodes']}")
    print(f"slowest: {slowest[1]} {slowest[0]:.2f} s (load + structure)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
