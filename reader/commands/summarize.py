"""`reader summarize`: extractive summaries, plain when piped, rich on a terminal, or JSON."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reader.commands.common import Output, analysis_failed, documents, error, new_parser, styled_output
from reader.model import Analysis, Document, Summary
from reader.render import display

EPILOG = """\
examples:
  reader summarize report.txt                  a few sentences, in document order
  reader summarize book.txt --ratio 5% --sections
  reader summarize notes/ --jobs 2 | less      one sentence a line, '# title' per document
  reader summarize x.txt --format json --algorithm lexrank
  reader summarize --list-algorithms
"""


def make_parser(prog: str) -> argparse.ArgumentParser:
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
        "--jobs",
        "-j",
        type=_positive,
        default=1,
        metavar="N",
        help="documents summarized in parallel processes (default 1; never more than documents or CPUs)",
    )
    return parser


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _ratio(raw: str) -> float:
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


def options(args: argparse.Namespace) -> dict:
    """What the summary depends on; works with any parser (the no-command path has fewer options)."""
    return {
        "algorithm": getattr(args, "algorithm", None),
        "sentences": getattr(args, "sentences", None),
        "ratio": getattr(args, "ratio", None),
        "words": getattr(args, "words", None),
        "sections": getattr(args, "sections", False),
    }


def summarize_document(document: Document, opts: dict) -> Result:
    from reader.analysis import analyze
    from reader.render import section_counts
    from reader.summarize import summarize

    analysis = analyze(document, summary=False, participants=False)
    length = {k: opts[k] for k in ("sentences", "ratio", "words") if opts.get(k) is not None}
    result = Result(analysis)
    if not opts.get("sections"):
        analysis.summary = summarize(analysis, algorithm=opts.get("algorithm"), **length)
        result.parts.append(Part(None, analysis.summary))
        return result
    for index, (section, count) in enumerate(zip(analysis.sections, section_counts(analysis))):
        if section.kind in ("heading", "topic") and count:
            summary = summarize(analysis, algorithm=opts.get("algorithm"), section=index, **length)
            result.parts.append(Part(section.title, summary))
    return result


def _work(item: tuple[Document, dict]) -> tuple[Result | None, str | None]:
    document, opts = item
    try:
        return summarize_document(document, opts), None
    except Exception as exc:  # one bad document must not stop a folder
        return None, analysis_failed(document.source, exc, "summarize")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "list_algorithms", False):
        return _list()
    opts = options(args)
    from reader.summarize import ALGORITHMS

    if opts["algorithm"] and opts["algorithm"].lower() not in ALGORITHMS:
        error(f"unknown algorithm {opts['algorithm']!r}; choose from: {', '.join(ALGORITHMS)}")
        return 2
    count = _count_documents(args.paths)
    show = Shower(Output(getattr(args, "format", "text")), getattr(args, "order", "document"), several=count > 1)
    status = [0]
    items = ((document, opts) for document in documents(args.paths, status, as_format=args.as_format))
    try:
        for result, problem in _results(items, getattr(args, "jobs", 1), count):
            if result is None:
                error(problem or "cannot summarize")
                status[0] = 1
                continue
            show(result)
    except WorkersFailed as exc:
        error(str(exc))
        return 1
    return status[0]


def _count_documents(paths: list[str]) -> int:
    """How many documents the paths name (a folder counts its files); nothing is read."""
    from reader.load import expand, seeds_dir

    return sum(not isinstance(item, Exception) for item in expand(paths or [str(seeds_dir())]))


def worker_count(jobs: int, documents: int) -> int:
    """Never more workers than documents or CPUs: 16 processes for one small file help nobody."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, documents, cpus))


def _results(
    items: Iterator[tuple[Document, dict]], jobs: int, count: int
) -> Iterator[tuple[Result | None, str | None]]:
    """Results in path order; with more than one worker, computed in parallel processes."""
    progress = Progress()
    workers = worker_count(jobs, count)
    if workers == 1:
        for item in items:
            progress.step(item[0].source)
            out = _work(item)
            progress.clear()
            yield out
        return
    for item, out in parallel(items, workers):
        progress.step(item[0].source)
        progress.clear()
        yield out


class WorkersFailed(Exception):
    """The worker processes could not be started or died; the one line to print."""


def _quiet_child() -> None:
    """In a worker, from the moment of the fork: Ctrl-C reaches the whole process group, and the
    parent alone answers it (ending the workers); SIGTERM and SIGHUP simply end the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


_AT_FORK: list[bool] = []


def parallel(items: Iterator[tuple[Document, dict]], workers: int) -> Iterator[tuple[tuple[Document, dict], Any]]:
    """Submit a few ahead of what is shown, so memory stays bounded and order is kept.

    However this ends (done, Ctrl-C, SIGTERM, a failed fork or thread, a killed worker), no worker
    is left behind and nothing waits for ever.
    """
    import threading
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if not _AT_FORK and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_quiet_child)
        _AT_FORK.append(True)
    failures: list[BaseException] = []
    previous_hook = threading.excepthook
    # A helper thread of the pool that cannot start (a process limit) would leave us waiting: note it.
    threading.excepthook = lambda hook_args: failures.append(hook_args.exc_value or RuntimeError())
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_quiet_child)
    pending: deque[tuple[tuple[Document, dict], Future]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(_work, item)))
            if len(pending) > 2 * workers:
                first, future = pending.popleft()
                yield first, _result(future, failures, workers)
        while pending:
            first, future = pending.popleft()
            yield first, _result(future, failures, workers)
    except (OSError, RuntimeError) as exc:
        raise WorkersFailed(_cannot_start(workers, exc)) from None
    except BrokenProcessPool:
        raise WorkersFailed("a worker process died (out of memory?); try fewer --jobs") from None
    finally:
        threading.excepthook = previous_hook
        _end_workers(pool)


def _result(future: Any, failures: list[BaseException], workers: int) -> Any:
    from concurrent.futures import wait

    while not wait([future], timeout=0.5).done:
        if failures:
            raise WorkersFailed(_cannot_start(workers, failures[0]))
    return future.result()


def _cannot_start(workers: int, exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc)
    return f"cannot start {workers} worker processes: {reason.lower()}"


def _end_workers(pool: Any) -> None:
    """Stop every worker now (SIGKILL: they hold nothing worth saving) and reap them."""
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


class Progress:
    """`[12] name` on stderr, rewritten in place; only when stdout and stderr are both terminals.

    Piped (`reader FOLDER | less`), stderr still is the terminal that less draws on.
    """

    def __init__(self) -> None:
        self.on = styled_output(sys.stderr) and styled_output(sys.stdout)
        self.count = 0

    def step(self, source: str) -> None:
        self.count += 1
        if self.on:
            from reader.render import display

            sys.stderr.write(f"\r\x1b[K[{self.count}] {display(source)[-60:]}")
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


class Shower:
    """How ``summarize`` prints each result, in text, Markdown or JSON lines."""

    def __init__(self, out: Output, order: str, several: bool):
        self.out, self.order, self.several = out, order, several

    def __call__(self, result: Result) -> None:
        if self.out.fmt == "json":
            self.out.json(_json(result, self.order))
        elif self.out.styled:
            self.out.next_document()
            _styled(self.out, result, self.order)
        else:
            _plain(result, self.order, self.several, self.out.fmt == "markdown", first=self.out.count == 0)
            self.out.count += 1
        sys.stdout.flush()


def _plain(result: Result, order: str, several: bool, markdown: bool, first: bool) -> None:
    from reader.render import one_line
    from reader.summarize.speakers import display_text, paragraph_labels

    a = result.analysis
    labels = paragraph_labels(a)
    lines: list[str] = []
    title = one_line(a.title) or display(a.document.source)
    if markdown:
        if not first:
            lines.append("")
        lines += [f"# {title}", ""]
    elif several:
        lines.append(f"# {title}")
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


def _styled(out: Output, result: Result, order: str) -> None:
    from reader.render import one_line
    from reader.summarize.speakers import display_text, paragraph_labels

    a = result.analysis
    labels = paragraph_labels(a)
    algorithm = result.parts[0].summary.algorithm if result.parts else ""
    out.header(a, f" · {len(a.sentences)} sentences · {algorithm}")
    for part in result.parts:
        if part.heading is not None:
            out.line()
            out.line((one_line(part.heading), "bold"))
        for i in shown(part.summary, order):
            out.line(("• ", "dim"), one_line(display_text(a, i, labels)), indent=2)
    if not any(p.summary.selected for p in result.parts):
        out.line(("  (no body sentences to summarize)", "dim italic"))


def summary_json(analysis: Analysis, summary: Summary, order: str = "document") -> dict:
    """The contract's ``summary`` object, plus the selected sentences' spans and text."""
    from reader.summarize.speakers import paragraph_labels, speaker_of

    score = {r.sentence: r.score for r in summary.ranking}
    labels = paragraph_labels(analysis)
    out: dict[str, Any] = {
        "algorithm": summary.algorithm,
        "ranking": [{"sentence": r.sentence, "score": r.score} for r in summary.ranking],
        "selected": list(summary.selected),
        "sentences": [],
    }
    sentences: list[dict] = out["sentences"]
    for i in shown(summary, order):
        s = analysis.sentences[i]
        entry = {"sentence": i, "start": s.start, "end": s.end, "score": score[i], "text": analysis.sentence_text(i)}
        speaker = speaker_of(analysis, i, labels)
        if speaker:
            entry["speaker"] = speaker  # the turn's speaker label, for a sentence of a transcript
        sentences.append(entry)
    return out


def _json(result: Result, order: str) -> dict:
    from reader.model import SCHEMA

    a = result.analysis
    out = {"schema": SCHEMA, "source": a.document.source, "title": a.title}
    parts = result.parts
    if parts and parts[0].heading is None:
        out["summary"] = summary_json(a, parts[0].summary, order)
    else:
        out["sections"] = [{"title": p.heading, "summary": summary_json(a, p.summary, order)} for p in parts]
    return out
