"""`reader summarize`: extractive summaries, plain when piped, rich on a terminal, or JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field

from reader.commands.common import documents, error, new_parser, styled_output
from reader.model import Analysis, Summary

EPILOG = """\
examples:
  reader summarize report.txt                  a few sentences, in document order
  reader summarize book.txt --ratio 5% --sections
  reader summarize notes/ --jobs 2 | less      one sentence a line, '# title' per document
  reader summarize x.txt --format json --algorithm lexrank
  reader summarize --list-algorithms
"""


def make_parser(prog: str):
    parser = new_parser(prog, "Summarize documents: the top-ranked body sentences, every sentence scored.", EPILOG)
    parser.add_argument("--algorithm", "-a", metavar="NAME", help="ranking algorithm (default: reader)")
    parser.add_argument("--list-algorithms", action="store_true", help="list the algorithms and exit")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=_positive, metavar="N", help="summary length in sentences")
    length.add_argument("--ratio", type=_ratio, metavar="R", help="fraction of the sentences: 0.2 or 20%%")
    length.add_argument("--words", type=_positive, metavar="N", help="at most N words")
    parser.add_argument(
        "--order",
        choices=("document", "rank"),
        default="document",
        help="show the summary in document order (default) or by rank",
    )
    parser.add_argument("--sections", action="store_true", help="a summary for each section, under its title")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (plain when piped or NO_COLOR is set), markdown, or JSON lines",
    )
    parser.add_argument(
        "--jobs", "-j", type=_positive, default=1, metavar="N", help="documents summarized in parallel (default 1)"
    )
    return parser


def _positive(raw: str) -> int:
    import argparse

    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _ratio(raw: str) -> float:
    import argparse

    text = raw.strip()
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a ratio: {raw!r} (use 0.2 or 20%)") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"ratio must be above 0 and at most 1 (100%): {raw!r}")
    return value


@dataclass
class Part:
    """One summary to show: the whole document's, or one section's."""

    heading: str | None
    summary: Summary


@dataclass
class Result:
    analysis: Analysis
    parts: list[Part] = field(default_factory=list)


def options(args) -> dict:
    """What the summary depends on; works with any parser (the no-command path has fewer options)."""
    return {
        "algorithm": getattr(args, "algorithm", None),
        "sentences": getattr(args, "sentences", None),
        "ratio": getattr(args, "ratio", None),
        "words": getattr(args, "words", None),
        "sections": getattr(args, "sections", False),
    }


def summarize_document(document, opts: dict) -> Result:
    from reader.analysis import analyze
    from reader.summarize import summarize

    analysis = analyze(document, summary=False, participants=False)
    length = {k: opts[k] for k in ("sentences", "ratio", "words") if opts.get(k) is not None}
    result = Result(analysis)
    if not opts.get("sections"):
        analysis.summary = summarize(analysis, algorithm=opts.get("algorithm"), **length)
        result.parts.append(Part(None, analysis.summary))
        return result
    counts = [0] * len(analysis.sections)
    for s in analysis.sentences:
        counts[s.section] += 1
    for index, section in enumerate(analysis.sections):
        if section.kind in ("heading", "topic") and counts[index]:
            summary = summarize(analysis, algorithm=opts.get("algorithm"), section=index, **length)
            result.parts.append(Part(section.title, summary))
    return result


def _work(item):
    document, opts = item
    try:
        return summarize_document(document, opts), None
    except Exception as exc:  # one bad document must not stop a folder
        return None, f"{document.source}: cannot summarize: {exc}"


def run(args) -> int:
    if getattr(args, "list_algorithms", False):
        return _list()
    opts = options(args)
    from reader.summarize import ALGORITHMS

    if opts["algorithm"] and opts["algorithm"].lower() not in ALGORITHMS:
        error(f"unknown algorithm {opts['algorithm']!r}; choose from: {', '.join(ALGORITHMS)}")
        return 2
    fmt = getattr(args, "format", "text")
    renderer = Renderer(fmt, getattr(args, "order", "document"), several=_several(args.paths))
    status = [0]
    items = ((loaded.document, opts) for loaded in documents(args.paths, status))
    for result, problem in _results(items, getattr(args, "jobs", 1)):
        if problem:
            error(problem)
            status[0] = 1
            continue
        renderer.show(result)
    renderer.close()
    return status[0]


def _several(paths: list[str]) -> bool:
    """More than one document to show (a folder of one file is one)."""
    from reader.load import expand, seeds_dir

    found = 0
    for item in expand(paths or [str(seeds_dir())]):
        found += not isinstance(item, Exception)
        if found > 1:
            return True
    return False


def _results(items, jobs: int):
    """Results in path order; with jobs > 1, computed in parallel processes."""
    progress = Progress()
    if jobs <= 1:
        for item in items:
            progress.step(item[0].source)
            out = _work(item)
            progress.clear()
            yield out
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for item, out in zip_results(items, pool, jobs):
                progress.step(item[0].source)
                progress.clear()
                yield out


def zip_results(items, pool, jobs: int):
    """Submit a few ahead of what is shown, so memory stays bounded and order is kept."""
    from collections import deque

    pending = deque()
    for item in items:
        pending.append((item, pool.submit(_work, item)))
        if len(pending) > 2 * jobs:
            first, future = pending.popleft()
            yield first, future.result()
    while pending:
        first, future = pending.popleft()
        yield first, future.result()


class Progress:
    """`[12] name` on stderr, rewritten in place; only when stderr is a terminal."""

    def __init__(self):
        self.on = styled_output(sys.stderr)
        self.count = 0

    def step(self, source: str) -> None:
        self.count += 1
        if self.on:
            from reader.render import clean

            sys.stderr.write(f"\r\x1b[K[{self.count}] {clean(source)[-60:]}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _list() -> int:
    from reader.summarize import ALGORITHMS, DEFAULT_ALGORITHM

    width = max(len(name) for name in ALGORITHMS)
    for name, algorithm in ALGORITHMS.items():
        mark = " (default)" if name == DEFAULT_ALGORITHM else ""
        print(f"{name:<{width}}  {algorithm.description}{mark}")
    return 0


def shown(summary: Summary, order: str) -> list[int]:
    if order == "rank":
        chosen = set(summary.selected)
        return [r.sentence for r in summary.ranking if r.sentence in chosen]
    return list(summary.selected)


class Renderer:
    def __init__(self, fmt: str, order: str, several: bool):
        self.fmt, self.order, self.several = fmt, order, several
        self.console = None
        if fmt == "text" and styled_output():
            from rich.console import Console

            self.console = Console(highlight=False)
        self.count = 0

    def show(self, result: Result) -> None:
        self.count += 1
        if self.fmt == "json":
            _json(result, self.order)
        elif self.console is not None:
            _rich(self.console, result, self.order, first=self.count == 1)
        else:
            _plain(result, self.order, self.several, self.fmt == "markdown", first=self.count == 1)
        sys.stdout.flush()

    def close(self) -> None:
        pass


def _plain(result: Result, order: str, several: bool, markdown: bool, first: bool) -> None:
    from reader.render import one_line
    from reader.summarize.speakers import display_text, paragraph_labels

    a = result.analysis
    labels = paragraph_labels(a)
    lines: list[str] = []
    if markdown:
        if not first:
            lines.append("")
        lines += [f"# {one_line(a.title) or one_line(a.document.source)}", ""]
    elif several:
        lines.append(f"# {one_line(a.title) or one_line(a.document.source)}")
    for number, part in enumerate(result.parts):
        if part.heading is not None:
            if markdown and number:
                lines.append("")
            lines.append(f"## {one_line(part.heading)}")
            if markdown:
                lines.append("")
        for i in shown(part.summary, order):
            lines.append(("- " if markdown else "") + one_line(display_text(a, i, labels)))
    if lines:
        print("\n".join(lines))


def _rich(console, result: Result, order: str, first: bool) -> None:
    from rich.padding import Padding
    from rich.text import Text

    from reader.render import one_line
    from reader.summarize.speakers import display_text, paragraph_labels

    a = result.analysis
    labels = paragraph_labels(a)
    if not first:
        console.print()
    console.print(Text(one_line(a.title) or "(untitled)", style="bold underline"))
    algorithm = result.parts[0].summary.algorithm if result.parts else ""
    console.print(Text(f"{one_line(a.document.source)} · {len(a.sentences)} sentences · {algorithm}", style="dim"))
    for part in result.parts:
        if part.heading is not None:
            console.print()
            console.print(Text(one_line(part.heading), style="bold"))
        for i in shown(part.summary, order):
            line = Text()
            line.append("• ", style="dim")
            line.append(one_line(display_text(a, i, labels)))
            console.print(Padding(line, (0, 0, 0, 2)))
    if not any(p.summary.selected for p in result.parts):
        console.print(Text("  (no body sentences to summarize)", style="dim italic"))


def summary_json(analysis: Analysis, summary: Summary, order: str = "document") -> dict:
    """The contract's ``summary`` object, plus the selected sentences' spans and text."""
    from reader.summarize.speakers import paragraph_labels, speaker_of

    score = {r.sentence: r.score for r in summary.ranking}
    labels = paragraph_labels(analysis)
    out = {
        "algorithm": summary.algorithm,
        "ranking": [{"sentence": r.sentence, "score": r.score} for r in summary.ranking],
        "selected": list(summary.selected),
        "sentences": [],
    }
    for i in shown(summary, order):
        s = analysis.sentences[i]
        entry = {"sentence": i, "start": s.start, "end": s.end, "score": score[i], "text": analysis.sentence_text(i)}
        speaker = speaker_of(analysis, i, labels)
        if speaker:
            entry["speaker"] = speaker  # the turn's speaker label, for a sentence of a transcript
        out["sentences"].append(entry)
    return out


def _json(result: Result, order: str) -> None:
    from reader.model import SCHEMA

    a = result.analysis
    out = {"schema": SCHEMA, "source": a.document.source, "title": a.title}
    parts = result.parts
    if parts and parts[0].heading is None:
        out["summary"] = summary_json(a, parts[0].summary, order)
    else:
        out["sections"] = [{"title": p.heading, "summary": summary_json(a, p.summary, order)} for p in parts]
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
