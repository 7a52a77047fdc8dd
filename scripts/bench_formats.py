"""Benchmark the format layer: loading and segmentation of a large document in each format.

    python scripts/bench_formats.py             # prints figures for the README
    python scripts/bench_formats.py --keep DIR  # also writes the generated documents to DIR
    python scripts/bench_formats.py --samples DIR  # only writes small samples of every format to DIR

The documents are generated in code (tests/format_fixtures.py): a 120-page PDF, a 1.1 MB web
page, a 2 MB EPUB book (stored, not deflated: repeated prose would squeeze to nothing),
a 5,000-paragraph DOCX. Each is read and segmented in a fresh
child process (import of the format's libraries included, as a user meets it), best and median
of 3 runs, with the child's peak memory. Cold start on the seed is timed the same way.
Targets (issue 8): PDF < 2 s, HTML < 3 s, EPUB < 2 s, DOCX < 2 s. A 480-page PDF shows that
reading stays linear in pages (about four times the 120-page load, target < 8 s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from fresh_process import cold_starts, segment_in_child

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
SEED = REPO / "reader" / "seeds" / "000_49030be50a1044d2.txt"


def documents(folder: Path) -> list[tuple[str, Path, float]]:
    import format_fixtures as fx

    made = [
        ("PDF, 120 pages", "report.pdf", fx.pdf_bytes(pages=120, per_page=9), 2.0),
        ("PDF, 480 pages", "long.pdf", fx.pdf_bytes(pages=480, per_page=9), 8.0),  # linear in pages: 4x the time
        ("HTML page, 1.1 MB", "page.html", fx.html_page(3950).encode(), 3.0),
        ("EPUB book, 2 MB", "book.epub", fx.epub_bytes(chapters=60, paragraphs=135, stored=True), 2.0),
        ("DOCX, 5,000 paragraphs", "long.docx", fx.docx_bytes(paragraphs=5000), 2.0),
    ]
    out = []
    for label, name, data, target in made:
        path = folder / name
        path.write_bytes(data)
        out.append((label, path, target))
    return out


def samples(folder: Path) -> None:
    import format_fixtures as fx

    folder.mkdir(parents=True, exist_ok=True)
    for name, data in [
        ("page.html", fx.html_page(10).encode()),
        ("README.md", fx.MARKDOWN.encode()),
        ("book.epub", fx.epub_bytes()),
        ("report.pdf", fx.pdf_bytes()),
        ("report.docx", fx.docx_bytes()),
        ("meeting.txt", fx.TRANSCRIPT.encode()),
        ("film.srt", fx.SRT.encode()),
        ("talk.vtt", fx.VTT.encode()),
    ]:
        (folder / name).write_bytes(data)
        print(folder / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", metavar="DIR", help="write the generated documents here")
    parser.add_argument("--samples", metavar="DIR", help="only write small samples of every format here")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.samples:
        samples(Path(args.samples))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for label, path, target in documents(folder):
            results = [segment_in_child(path) for _ in range(args.runs)]
            totals = sorted(r["total"] for r in results)
            best = min(results, key=lambda r: r["total"])
            size = path.stat().st_size / 2**20
            verdict = "ok" if totals[0] < target else "OVER"
            print(
                f"{label:24} {size:5.2f} MB file, {best['chars'] / 1e6:5.2f} M chars: "
                f"best {totals[0]:.2f} s (load {best['load']:.2f} + segment {best['segment']:.2f}), "
                f"median {statistics.median(totals):.2f} s, target < {target:.0f} s {verdict}; "
                f"{best['sections']} sections, {best['sentences']} sentences, peak {best['peak_mb']:.0f} MB"
            )
    times = cold_starts(["analyze", str(SEED), "--format", "json"])
    print(
        f"cold start, reader analyze seed --format json: "
        f"best {min(times):.2f} s, median {statistics.median(times):.2f} s"
    )


if __name__ == "__main__":
    main()
