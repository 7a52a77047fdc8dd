"""Read every manual page in the folders given and report what the man reader makes of them.

    python scripts/check_man.py /usr/share/man/man1 /usr/share/man/man5
    python scripts/check_man.py --names a-m --sample 800 /usr/share/man/man1

Prints the pages read, failures (one-line errors counted by reason), pages read as another
format, pages that only include another (``.so``), pages whose text still holds roff (an
escape such as ``\\f`` or a request line such as ``.TP``; apart, those that print backslashes
with ``\\e`` and so may show escapes on purpose), pages whose sections differ from
their ``.SH``/``.Sh`` count, and the time to read a page (median, 99th percentile, slowest,
and seconds per MB of source for the largest pages: linear time keeps that flat).
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.formats import MAN_SUFFIX  # noqa: E402
from reader.load import LoadError, load  # noqa: E402

ESCAPE = re.compile(r"\\(?:f[A-Z1-5(\[]|\(..|\*[(\[]?|s[-+0-9]|[nmkhvwl]['(\[])")
REQUEST = re.compile(r"^[.'](?:[A-Z][A-Za-z]{0,2}|[a-z]{2})(?:[ \t]|$)", re.M)
# A page that prints a backslash (\e, \\, \(rs) may show escapes on purpose: printf's '\n'.
PRINTS_BACKSLASH = re.compile(r"\\(?:e|E|\\|\(rs|\[rs\]|\[char92\])")
HEADING = re.compile(r"^[.'][ \t]*S[Hh](?:[ \t]|$)", re.M)


def pages(folders: list[str], names: str | None, sample: int | None) -> list[Path]:
    found = []
    low, high = (names.split("-") + [names])[:2] if names else ("", "")
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            stem = path.name[:-3] if path.name.endswith(".gz") else path.name
            if not path.is_file() or not MAN_SUFFIX.search(stem):
                continue
            first = path.name[:1].lower()
            if names and not (low <= first <= high):
                continue
            found.append(path)
    if sample and len(found) > sample:
        step = len(found) / sample
        found = [found[int(k * step)] for k in range(sample)]
    return found


def source_text(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def check(path: Path, tally: Counter, examples: dict[str, list[str]], times: list[tuple[float, int, str]]) -> None:
    source = source_text(path)
    started = time.perf_counter()
    try:
        doc = load(str(path))
    except LoadError as exc:
        tally[f"failed: {exc.reason}"] += 1
        examples.setdefault(f"failed: {exc.reason}", []).append(path.name)
        return
    times.append((time.perf_counter() - started, len(source.encode()), path.name))
    tally["read"] += 1

    def note(reason: str) -> None:
        tally[reason] += 1
        examples.setdefault(reason, []).append(path.name)

    if doc.format != "man":
        note(f"read as {doc.format}")
        return
    if any("(.so)" in n for n in doc.notes) and not doc.blocks:
        note("only includes another page (.so)")
        return
    if ESCAPE.search(doc.text):
        written = PRINTS_BACKSLASH.search(source)
        note("text holds an escape the page writes out (\\e)" if written else "text holds a roff escape")
    if REQUEST.search(doc.text):
        note("text holds a request line")
    heads = sum(1 for b in doc.blocks if b.kind == "heading" and b.level == 1)
    if heads != len(HEADING.findall(source)):
        note("sections differ from the .SH count")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--names", help="only pages whose name starts in this letter range, such as a-m")
    parser.add_argument("--sample", type=int, help="at most this many pages, spread evenly over the list")
    parser.add_argument("--examples", type=int, default=3, help="page names shown per reason")
    args = parser.parse_args()
    tally: Counter = Counter()
    examples: dict[str, list[str]] = {}
    times: list[tuple[float, int, str]] = []
    for path in pages(args.folders, args.names, args.sample):
        check(path, tally, examples, times)
    print(f"pages read: {tally.pop('read', 0)}")
    for reason, count in tally.most_common():
        shown = ", ".join(examples.get(reason, [])[: args.examples])
        print(f"  {reason}: {count}  ({shown})")
    if times:
        seconds = sorted(t for t, _, _ in times)
        slowest = max(times)
        print(
            f"time per page: median {statistics.median(seconds) * 1000:.1f} ms, "
            f"99th percentile {seconds[int(0.99 * (len(seconds) - 1))] * 1000:.1f} ms, "
            f"slowest {slowest[0] * 1000:.0f} ms ({slowest[2]}, {slowest[1] / 1e3:.0f} KB)"
        )
        big = sorted(times, key=lambda t: -t[1])[:5]
        print("largest pages: " + ", ".join(f"{n} {b / 1e3:.0f} KB {t / (b / 1e6):.2f} s/MB" for t, b, n in big))


if __name__ == "__main__":
    main()
