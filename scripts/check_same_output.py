"""Prove that a speed change leaves every result as it was: write the outputs of a fixed sample, compare them.

    python scripts/check_same_output.py --write DIR      # before a change, and again after it
    python scripts/check_same_output.py BEFORE_DIR AFTER_DIR

The sample (from ../shared/corpora): the seed, three PDNC novels, the first 20 GUM dev documents
(written out as evaluate_genres.py writes them), 20 BBC business articles, RFC 8446, Pride and
Prejudice and War and Peace, and the first QMSum test meeting (written out as evaluate_meetings.py
writes it). Each gets `reader analyze --format json`; the seed, one novel and
the RFC also get every summary algorithm's JSON, and the two books `summarize --sections`.
The comparison is byte for byte, file by file; it prints the first differing file and exits 1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
SEED = REPO / "reader" / "seeds" / "000_49030be50a1044d2.txt"
NOVELS = ("DaisyMiller", "TheAwakening", "TheInvisibleMan")
BBC = CORPORA / "bbc-news-summary" / "BBC News Summary" / "News Articles" / "business"
RFC = CORPORA / "rfc" / "rfc8446.txt"
BOOKS = (CORPORA / "gutenberg" / "pg1342-pride-and-prejudice.txt", CORPORA / "gutenberg" / "pg2600-war-and-peace.txt")
ALGORITHMS = ("reader", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "lead")


def write_inputs(folder: Path) -> list[Path]:
    """The sample's input files: the corpus files as they are, GUM documents written out as text."""
    sys.path.insert(0, str(REPO / "scripts"))
    from evaluate_genres import GUM, read_docs

    folder.mkdir(parents=True, exist_ok=True)
    paths = [SEED, *(CORPORA / "pdnc" / n / "novel_text.txt" for n in NOVELS), RFC]
    for k, doc in enumerate(read_docs(GUM / "en_gum-ud-dev.conllu")):
        if k == 20:
            break
        (folder / f"{doc.id}.txt").write_text(doc.text(), encoding="utf-8")
        paths.append(Path(f"{doc.id}.txt"))  # relative: the JSON's "source" must not name the output folder
    paths.extend(sorted(BBC.glob("*.txt"))[:20])
    paths.append(write_meeting(folder))
    return paths


def write_meeting(folder: Path) -> Path:
    """The first QMSum test meeting as a ``Speaker: text`` transcript."""
    import json

    from evaluate_meetings import QMSUM, transcript

    first = sorted(QMSUM.glob("*.json"))[0]
    (folder / f"{first.stem}.txt").write_text(
        transcript(json.loads(first.read_text(encoding="utf-8"))), encoding="utf-8"
    )
    return Path(f"{first.stem}.txt")


def reader(args: list[str], out: Path) -> None:
    cwd = out.parent.parent / "inputs"
    run = subprocess.run([sys.executable, "-m", "reader", *args], cwd=cwd, capture_output=True, check=False)
    out.write_bytes(run.stdout + b"\n--- stderr ---\n" + run.stderr + f"\n--- exit {run.returncode}\n".encode())


def write(folder: Path) -> int:
    missing = [p for p in (RFC, *BOOKS) if not p.exists()]
    if missing:
        print(f"check_same_output: {missing[0]}: not found", file=sys.stderr)
        return 1
    inputs = write_inputs(folder / "inputs")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    reader(["analyze", *map(str, inputs), "--format", "json"], out / "sample.analyze.jsonl")
    for book in BOOKS:
        reader(["analyze", str(book), "--format", "json"], out / f"{book.stem}.analyze.json")
        reader(["summarize", str(book), "--sections", "--format", "json"], out / f"{book.stem}.sections.jsonl")
    for name in ALGORITHMS:
        args = ["summarize", str(SEED), str(inputs[1]), str(RFC), "--algorithm", name, "--format", "json"]
        reader(args, out / f"summarize.{name}.jsonl")
    print(f"{len(list(out.iterdir()))} outputs written to {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in (before / "out").iterdir())
    if names != sorted(p.name for p in (after / "out").iterdir()):
        print("different sets of output files")
        return 1
    for name in names:
        if (before / "out" / name).read_bytes() != (after / "out" / name).read_bytes():
            print(f"DIFFERENT: {name}")
            return 1
    print(f"same: {len(names)} output files byte for byte")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--write":
        return write(Path(argv[1]))
    if len(argv) == 2:
        return compare(Path(argv[0]), Path(argv[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
