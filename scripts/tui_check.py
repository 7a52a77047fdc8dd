"""Drive `reader` in tmux as a person would: send keys, read the screen, check it.

    python scripts/tui_check.py          # prints one line per check, exit 1 on a failure
    python scripts/tui_check.py --show   # also prints the screens it looked at
    python scripts/tui_check.py --only docs --docs PAGE.1.gz BOOK.html MANUAL.pdf   # documents of your own
    python scripts/tui_check.py --only newformats   # an Info manual, an mbox, a notebook and an ODT it writes

Needs tmux; each run has a tmux server of its own (``tmux -L``), ended when the run ends.
Each check waits (up to a few seconds) for the screen to show what it expects.
Documents from ../shared/corpora (Moby-Dick, RFC 8446, a UN speech) are checked when
they are there and skipped when not. The reader runs with a fresh state directory.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READER = Path(sys.executable).with_name("reader")
SEED = ROOT / "reader" / "seeds" / "000_49030be50a1044d2.txt"
CORPORA = ROOT.parent / "shared" / "corpora"
SESSION = f"reader-check-{os.getpid()}"
# A tmux server of this run's own (``tmux -L``): other runs, and the user's own sessions, can neither
# see its sessions nor end it. One session there lives for the whole run, so killing the checked
# session never ends the server, and a session started right after cannot race the server's exit.
SERVER = SESSION
KEEPER = "keep"
TARGET = f"={SESSION}:"  # exact: a bare name also matches another session by prefix
STATE = tempfile.mkdtemp(prefix="reader-check-state-")
SHOW = False
failures: list[str] = []


def run_tmux(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", SERVER, *args], capture_output=True, text=True, check=False)


def tmux(*args: str) -> str:
    return run_tmux(*args).stdout


def stop_server() -> None:
    """End this run's tmux server and remove its socket (tmux leaves the file behind) and the
    state folders the readers wrote."""
    socket = tmux("display-message", "-p", "#{socket_path}").strip()
    tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)
    shutil.rmtree(STATE, ignore_errors=True)


def session_there() -> bool:
    return run_tmux("has-session", "-t", f"={SESSION}").returncode == 0


def start(command: str, cols: int = 120, rows: int = 40, fresh: bool = True) -> None:
    """Run ``command`` in a new tmux session; ``fresh``: with nothing remembered from before."""
    if run_tmux("has-session", "-t", f"={KEEPER}").returncode != 0:
        tmux("new-session", "-d", "-s", KEEPER, "sleep 86400")
    tmux("kill-session", "-t", f"={SESSION}")
    state = tempfile.mkdtemp(dir=STATE) if fresh else STATE
    shell = f"export XDG_STATE_HOME={shlex.quote(state)}; {command}; echo READER-EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", SESSION, "-x", str(cols), "-y", str(rows), shell)
    if not session_there():
        print(f"     (tmux could not start the session: {run_tmux('has-session', '-t', f'={SESSION}').stderr.strip()})")


def empty_screen_cause() -> str:
    """What tmux says about a pane that shows nothing: is the session there, what runs in it."""
    found = run_tmux("has-session", "-t", f"={SESSION}")
    if found.returncode != 0:
        return f"the tmux session is gone: {found.stderr.strip()}"
    pane = tmux("display-message", "-p", "-t", TARGET, "#{pane_dead} #{pane_current_command} #{alternate_on}")
    dead, command, alternate = (pane.split() + ["?", "?", "?"])[:3]
    shell = pane_pid()
    pid = reader_pid(shell) if shell else None
    state = Path(f"/proc/{pid}/stat").read_text().split()[2] if pid and Path(f"/proc/{pid}/stat").exists() else "?"
    return (
        f"session there, pane dead={dead}, running {command} (reader pid {pid}, state {state}), alt. screen {alternate}"
    )


def screen() -> str:
    return tmux("capture-pane", "-t", TARGET, "-p")


def keys(*names: str) -> None:
    for name in names:
        tmux("send-keys", "-t", TARGET, name)
        time.sleep(0.15)


def type_text(text: str) -> None:
    tmux("send-keys", "-t", TARGET, "-l", text)
    time.sleep(0.15)


def expect(what: str, present: list[str], absent: list[str] = (), timeout: float = 8.0) -> bool:
    """Wait until every ``present`` string is on screen and no ``absent`` one is."""
    deadline = time.monotonic() + timeout
    while True:
        shown = screen()
        ok = all(p in shown for p in present) and not any(a in shown for a in absent)
        if ok or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)
        missing = [p for p in present if p not in shown] + [f"(should be gone) {a}" for a in absent if a in shown]
        print("     missing: " + "; ".join(missing))
        if not shown.strip():
            print("     (an empty screen: " + empty_screen_cause() + ")")
    if SHOW or not ok:
        print("\n".join("     | " + line for line in shown.rstrip().splitlines()))
    return ok


# (keys to send, text to type, what a person expects, on screen, not on screen)
SEED_STEPS = [
    (
        (),
        "",
        "opens the seed: title, outline, summary pane, footer",
        ["The UN focuses on the experience", "Outline (", "Summary", "Participants", "Quotes", "Help"],
        [],
    ),
    ((), "", "analysis finished: no spinner", [" sent. (document)"], ["analysing"]),
    (("G",), "", "G goes to the bottom", ["In conclusion, the participants noted", "100%"], []),
    (("g",), "", "g goes back to the top", ["The UN focuses on the experience", "On 25 September"], []),
    (("space",), "", "space pages down", [], ["On 25 September, an international"]),
    (("b",), "", "b pages up", ["On 25 September"], []),
    ((), "/Aripov", "/ search typed in one burst: goes to the first match", [], []),
    (("Enter",), "", "... and enter finds it, k of n", ["/Aripov: 1 of 2"], []),
    (("n",), "", "n goes to the next match", ["/Aripov: 2 of 2"], []),
    (("N",), "", "N goes back to the previous match", ["/Aripov: 1 of 2"], []),
    # The lead's two summary sentences stand before the search's match: ] goes to the next one after it.
    (("]",), "", "] moves to the next summary sentence after the match", ["(document) 3 of 5"], []),
    (("]", "]"), "", "] ] moves on to the fifth", ["(document) 5 of 5"], []),
    (("[",), "", "[ moves back to the fourth", ["(document) 4 of 5"], []),
    (("C-p",), "Participant: Uzbekistan", "palette: type a participant's name", [], []),
    (("Enter",), "", "... enter goes to its first mention", ["Uzbekistan 1 of"], []),
    (("m", "m"), "", "m steps through its mentions", ["Uzbekistan 3 of"], []),
    (("M",), "", "M steps back", ["Uzbekistan 2 of"], []),
    (
        ("?",),
        "",
        "? opens the help screen with the key table",
        ["reader: keys", "Show this help", "Text / summary view"],
        [],
    ),
    (("Escape",), "", "escape closes help", ["Outline ("], ["reader: keys"]),
    (("a",), "", "a cycles the summary algorithm", ["lexrank", " sent. (document)"], ["summarizing"]),
    (("+",), "", "+ makes the summary longer", ["6 sent.", "6 sentences"], ["summarizing"]),
    (("-",), "", "- makes it shorter again", ["5 sent."], ["summarizing"]),
    (("s",), "", "s summarizes the current section", ["(section)", "section:"], ["summarizing"]),
    (("p",), "", "p hides the side panes", [], ["Participants"]),
    (("p",), "", "p shows them again", ["Participants"], []),
    (("v",), "", "v shows the summary view", ["summary view"], []),
    (("]", "Enter"), "", "] and enter open the text at that sentence", [], ["summary view"]),
    ((":",), "50%", ": go to a percentage", [], []),
    (("Enter",), "", "... goes there", ["5"], ["go to:"]),
    (("B", "g", "'"), "", "B bookmarks, ' jumps back to it", [], ["100%"]),
]


def main_flows() -> None:
    start(str(READER))
    for names, text, what, present, absent in SEED_STEPS:
        keys(*names)
        if text:
            type_text(text)
        if present or absent:
            expect(what, present, absent)
    tmux("resize-window", "-t", TARGET, "-x", "80", "-y", "24")
    expect("80x24 still shows text, footer and status", ["Help", "%"])
    keys("q")
    expect("q quits with status 0", ["READER-EXIT=0"])


def narrow_start() -> None:
    start(str(READER), 80, 24)
    expect("80x24: side panes collapsed behind p", ["The UN focuses", "Panes"], ["Participants", "Outline ("])
    keys("p")
    expect("80x24: p opens the side panes", ["Summary", "Participants"])
    keys("q")
    expect("80x24: q quits", ["READER-EXIT=0"])


def wide_start() -> None:
    start(str(READER), 200, 60)
    expect(
        "200x60: outline, text and side panes side by side",
        ["Outline (", "The UN focuses on the experience of Central Asian countries", "Participants"],
    )
    keys("?")
    expect("200x60: help keys on one line each (the key column fits its longest key)", ["│ space / PgDn / f │"])
    keys("Escape", "q")


def big_book() -> None:
    book = CORPORA / "gutenberg" / "pg2600-war-and-peace.txt"
    if not book.exists():
        print("skip War and Peace: corpus not here")
        return
    start(f"{READER} {book}")
    expect(
        "War and Peace: text at once, analysis running with progress",
        ["The Project Gutenberg EBook of War and Peace", "analysing"],
        timeout=3,
    )
    keys("G")
    expect("War and Peace: G works while the analysis runs", ["hear about new eBooks", "analysing"], timeout=3)
    expect("War and Peace: analysis arrives (outline shown)", ["Outline (", "CHAPTER"], ["analysing"], timeout=90)
    expect_re("War and Peace: a chapter titled by its number shows its first words", r"CHAPTER [IVXL]+  [“\w]")
    keys(*"50%")
    expect_re("War and Peace: 50% typed in the text goes half way, as in less", r"\b(49|5[0-3])% · ", timeout=5)
    keys("v")
    expect("War and Peace: the summary view comes", ["summary view"], ["Summarizing each section"], timeout=60)
    keys("g")
    expect("War and Peace: the summary view sets each book over its chapters", ["BOOK ONE: 1805", "CHAPTER I"])
    keys("v")
    keys("g", "]")
    expect("War and Peace: g then ] jumps to the first summary sentence", [" 1 of "])
    keys("G", "[")
    expect("War and Peace: G then [ jumps to the last one", [" sent. (document) "])
    keys("/")
    type_text("Natasha")
    keys("Enter")
    expect("War and Peace: accent-insensitive search (Natasha finds Natásha)", ["/Natasha: ", " of 1"])
    for _ in range(15):
        keys("+")
    expect("War and Peace: a held + settles on one summary", [" sent. (document)"], ["summarizing"], timeout=60)
    keys("q")
    start(f"{READER} {book}")
    expect("War and Peace again", ["The Project Gutenberg EBook of War and Peace", "analysing"], timeout=3)
    keys("q")
    expect("War and Peace: q quits at once, while the analysis runs", ["READER-EXIT=0"], timeout=1.5)


SIZES = [(80, 24), (120, 40), (200, 60)]


def status_line() -> str:
    """The status line: the screen's last line but one (the footer is the last)."""
    lines = screen().rstrip("\n").splitlines()
    return lines[-2] if len(lines) > 1 else ""


def book_at_its_body() -> None:
    """Moby-Dick at 80x24 and 120x40: opens past its licence header as soon as the analysis's first
    stage finds the front matter (seconds before the rest), never jumps after the reader moved, g goes
    to the very top; S / P / Q reach each tab; a note never covers the status line."""
    book = CORPORA / "gutenberg" / "pg2701-moby-dick.txt"
    if not book.exists():
        print("skip Moby-Dick at its body: corpus not here")
        return
    for cols, rows in SIZES[:2]:
        size = f"Moby-Dick {cols}x{rows}"
        start(f"{READER} {book}", cols, rows)
        expect(
            f"{size}: the first stage (structure) opens it past the front matter, the rest still running",
            ["CHAPTER 1. Loomings.", "Call me Ishmael", "analysing"],
            ["This eBook is for the use"],
            timeout=6,
        )
        keys("j")
        time.sleep(0.3)
        moved_to = screen().splitlines()[:3]  # the text's first lines (the outline shares them at 120x40)
        check(f"{size}: j moves on from the body's first line", "CHAPTER 1. Loomings." not in moved_to[0])
        expect(
            f"{size}: the whole analysis arrives", ["Call me Ishmael"], ["analysing", "This eBook is for the use"], 90
        )
        stayed = screen().splitlines()[:3]
        same = [_text_part(a).rstrip(SCROLLBAR + " ") for a in stayed] == [
            _text_part(b).rstrip(SCROLLBAR + " ") for b in moved_to
        ]
        check(f"{size}: ... and the view stays on the line the reader moved to", same, f"was {moved_to}")
        keys("S")
        expect_re(f"{size}: S shows the Summary tab, each sentence by rank (the score repeats it)", r"│ #\d+ [^\d\s]")
        keys("P")
        expect(f"{size}: P shows the Participants tab", ["participants · enter"])
        keys("Q")
        expect(f"{size}: Q shows the Quotes tab", ["quotes (first"])
        keys("Q", "/")
        type_text("zqxjv")
        keys("Enter")
        expect(f"{size}: a search that finds nothing says so", ["not found: zqxjv"], timeout=3)
        ok = "/zqxjv: 0 found" in status_line()
        print(f"{'ok  ' if ok else 'FAIL'} {size}: the note leaves the status line's count in view")
        if not ok:
            failures.append(f"{size} note over the status line")
            print("     | " + status_line())
        keys("Escape", "g")
        expect(f"{size}: g goes to the very top", ["The Project Gutenberg EBook"], ["Call me Ishmael"])
        keys("q")
        expect(f"{size}: q quits", ["READER-EXIT=0"])


def _text_part(row: str) -> str:
    """A screen row without the outline and side panes (the text column, between their borders)."""
    parts = row.split("│")
    return parts[1] if len(parts) > 2 else parts[0] if "│" not in row else parts[-1]


def un_speech() -> Path | None:
    folder = CORPORA / "un-general-debate-2023" / "speeches"
    found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    return found[0] if found else None


def footer_ok(cols: int) -> None:
    expect(f"{cols} columns: the footer shows every key that matters", ["q Quit", "/ Search", "a Algo", "s Scope"])


GUTTER_TEXT = re.compile(r"^[ ▌][ ┃] \S")


# The first line of a side pane or the outline: not the text, though its lines start with spaces too.
PANE_TITLES = ("Outline", "Summary  Participants", "documents")


def pane_borders(lines: list[str]) -> list[int]:
    """The columns of the panes' borders: a "│" on nearly every row (a block quote's bar is the same
    character, but only on the rows of the quote)."""
    if not lines:
        return []
    width = max(len(line) for line in lines)
    return [c for c in range(width) if sum(len(line) > c and line[c] == "│" for line in lines) >= 0.9 * len(lines)]


def split_panes(line: str, borders: list[int]) -> list[str]:
    edges = [-1, *borders, max(len(line), (borders or [0])[-1] + 1)]
    return [line[a + 1 : b] for a, b in zip(edges, edges[1:])]


def reading_lines(shown: str) -> list[str]:
    """The reading view's column of the screen: the part between pane borders whose
    lines start with the view's gutter (summary bar, quote bar, space) most often."""
    lines = shown.splitlines()[:-2]
    borders = pane_borders(lines)
    rows = [split_panes(line, borders) for line in lines]
    parts = len(borders) + 1
    panes = [i for i in range(parts) if any(t in rows[0][i] for t in PANE_TITLES)] if rows and parts > 1 else []
    score = [sum(1 for r in rows if GUTTER_TEXT.match(r[i])) * (i not in panes) for i in range(parts)]
    best = score.index(max(score)) if score else 0
    return [r[best] for r in rows]


def reading_column(cols: int, rows: int) -> None:
    """With both panes asked for, the text column keeps 40 cells or more."""
    widest = max((len(line) for line in reading_lines(screen())), default=0)
    ok = widest >= 40
    print(f"{'ok  ' if ok else 'FAIL'} {cols}x{rows}: text column {widest} cells wide with panes asked for")
    if not ok:
        failures.append(f"{cols}x{rows} column")


def documents_at_sizes() -> None:
    """Moby-Dick, RFC 8446, a UN speech and the seed at 80x24, 120x40 and 200x60."""
    docs = [
        ("seed", SEED, "/", "Aripov", ["Eldor Aripov"]),
        (
            "Moby-Dick",
            CORPORA / "gutenberg" / "pg2701-moby-dick.txt",
            "/",
            "Call me Ishmael",
            ["Call me Ishmael. Some years ago—never mind how long"],
        ),
        (
            "RFC 8446",
            CORPORA / "rfc" / "rfc8446.txt",
            "/",
            "Figure 1 below",
            ["Key  ^ ClientHello", "Exch | + key_share*"],
        ),
        ("UN speech", un_speech(), "", "", []),
    ]
    for name, path, key, query, present in docs:
        if path is None or not path.exists():
            print(f"skip {name}: corpus not here")
            continue
        for cols, rows in SIZES:
            start(f"{READER} {shlex.quote(str(path))}", cols, rows)
            expect(f"{name} {cols}x{rows}: opens", ["%"], timeout=10)
            footer_ok(cols)
            if key:
                keys(key)
                type_text(query)
                keys("Enter")
                expect(f"{name} {cols}x{rows}: reflowed, preformatted kept", present)
            else:
                time.sleep(1)
                blank_between = "\n\n" in "\n".join(line.rstrip() for line in reading_lines(screen()))
                print(f"{'ok  ' if blank_between else 'FAIL'} {name} {cols}x{rows}: a blank line between paragraphs")
                if not blank_between:
                    failures.append(f"{name} gaps")
            if cols == 80:
                keys("p", "o")
                expect(f"{name} {cols}x{rows}: p then o: the outline asked for last is shown", ["Outline"])
                reading_column(cols, rows)
            keys("q")
            expect(f"{name} {cols}x{rows}: q quits", ["READER-EXIT=0"])


PAGE = """<!doctype html><html><head><title>Trail notes</title></head><body><main>
<h1>Trail notes</h1>
<p>Read <a href="https://example.org/atlas">the atlas</a> before you go; it has <em>every</em> path we walked.</p>
<h2>Packing</h2>
<ul><li>Bring water, more than you think you need on a hot day in the hills.</li><li>Bring a map</li></ul>
<blockquote><p>Never walk alone, and always tell someone where you are going and when you expect to be back.</p>
</blockquote>
<table><tr><th>Day</th><th>Miles</th></tr><tr><td>1</td><td>12</td></tr></table>
</main></body></html>
"""


def formats_at_sizes() -> None:
    """The project's README (Markdown) and a small HTML page at 80x24 and 120x40: blocks
    rendered by kind, no markup characters left."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "trail.html"
        page.write_text(PAGE, encoding="utf-8")
        docs = [
            (
                "README.md",
                ROOT / "README.md",
                [
                    "Open the bundled seed documents",
                    "python3 -m venv .venv && .venv/bin/pip install . &&",
                    "Run the tests:",
                ],
                ["```", "# reader", "](http"],
            ),
            (
                "HTML page",
                page,
                ["Trail notes", "Read the atlas before you go", "• Bring water", "│ Never walk alone", "Day │ Miles"],
                ["<a ", "<p>", "href="],
            ),
        ]
        for name, path, present, absent in docs:
            for cols, rows in SIZES[:2]:
                start(f"{READER} {shlex.quote(str(path))}", cols, rows)
                expect(f"{name} {cols}x{rows}: blocks rendered by kind, no markup", present, absent, timeout=10)
                keys("q")
                expect(f"{name} {cols}x{rows}: q quits", ["READER-EXIT=0"])


NOTES = """# River guide

The river rises in spring.[^1] It floods the fields twice a year.[^2] Read [the atlas](https://example.org/atlas).

| month | level |
|---|---|
| April | high |
| August | low |

## The mill

The mill was built of stone from the quarry up the hill, and its wheel still turns every day.

## The bridge

The bridge was rebuilt after the great flood, with three arches instead of the old two.

[^1]: Usually in April, after the snow melts.
[^2]: See the town records.
"""


def notes_and_tables() -> None:
    """Footnote marks raised and dim, a table's header over a rule line, ':50%' then enter going
    there only, and o focusing the outline (enter goes to the chosen section), at 80x24 and 120x40."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "river.md"
        page.write_text(NOTES, encoding="utf-8")
        for cols, rows in SIZES[:2]:
            size = f"Notes and tables {cols}x{rows}"
            start(f"{READER} {shlex.quote(str(page))}", cols, rows)
            expect(f"{size}: footnote marks raised, not [1] in the text", ["spring.⁽¹⁾", "year.⁽²⁾"], ["spring.[1]"])
            expect(
                f"{size}: the table header over a rule line of its own",
                ["month  │ level", "───────┼──────", "August │ low"],
            )
            keys(":")
            type_text("50%")
            keys("Enter")
            time.sleep(1.5)  # a link's note would be up by now
            expect(f"{size}: ':50%' then enter goes there, no link followed", ["%"], ["example.org/atlas", "go to:"])
            keys("g", "o")
            keys("Down", "Down", "Enter")
            expect(f"{size}: o focuses the outline, enter goes to the chosen section", ["The mill was built"])
            keys("o", "q")
            expect(f"{size}: q quits", ["READER-EXIT=0"])


ARTICLE = """<!doctype html><html><head><title>Harbour walks</title></head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a> | <a href="/shop">Shop</a></nav>
<header><p>Sign up for the newsletter and never miss a walk.</p></header>
<main><article>
<h1>Harbour walks</h1>
<p>The old harbour has three walks, each a little longer than the last, and all of them start at the
lighthouse. This guide describes the routes, what to bring and where to stop for tea; the maps in
<a href="#routes">the routes section</a> are drawn to the same scale, so you can compare them at a glance.
Read it through once before you set out, because the tide changes which paths are open.</p>
<h2 id="routes">Routes</h2>
<p>The short walk follows the quay to the fish market and back, and takes about forty minutes at an easy
pace. The middle walk climbs to the chapel on the headland, where the view over the bay is the best in
the town on a clear morning. The long walk goes on along the cliff path to the next village, and most
people take the bus back.</p>
<ul><li>Short walk: two miles, flat all the way.</li><li>Middle walk: four miles, one steep climb.</li></ul>
<h2>Timing</h2>
<pre><code class="language-python">def start_time(high_tide_hour):
    return (high_tide_hour + 3) % 24
</code></pre>
<p>Start the long walk three hours after high tide, when the lower path is dry.</p>
</article></main>
<footer><p>Copyright 2024 Harbour Society. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def meeting_transcript(folder: Path) -> Path | None:
    """A QMSum meeting written as a plain transcript, one ``Speaker: words`` turn a line."""
    import json

    found = sorted((CORPORA / "qmsum-meetings" / "test").glob("Bed*.json"))
    if not found:
        return None
    turns = json.loads(found[0].read_text(encoding="utf-8"))["meeting_transcripts"][:400]
    lines = [f"{t['speaker']}: {' '.join(re.sub(r'{[a-z]+}', '', t['content']).split())}" for t in turns]
    path = folder / "meeting.txt"
    path.write_text("\n".join(line for line in lines if not line.endswith(": ")) + "\n", encoding="utf-8")
    return path


SCROLLBAR = "▁▂▃▄▅▆▇█"


def text_lines() -> list[str]:
    """The lines of the screen above the status line, without the scroll bar, right-trimmed."""
    return [line.rstrip().rstrip(SCROLLBAR).rstrip() for line in screen().splitlines()[:-2]]


def expect_re(what: str, pattern: str, also: str = "", timeout: float = 30.0) -> bool:
    """Wait until ``pattern`` (a regular expression, multi-line) matches the screen, ``also`` on it too."""
    deadline = time.monotonic() + timeout
    while True:
        shown = screen()
        ok = re.search(pattern, shown, re.M) is not None and also in shown
        if ok or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    check(what, ok)
    return ok


def check(what: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f" ({detail})" if detail and not ok else ""))
    if not ok:
        failures.append(what)
        print("\n".join("     | " + line for line in screen().rstrip().splitlines()))


def settled_summary(what: str, cols: int) -> None:
    """The status line's summary length and the Summary pane's agree, with nothing still running."""
    if cols < 110:
        keys("p")  # the side panes start hidden there
    deadline = time.monotonic() + 60
    while True:
        shown = screen()
        status = re.search(r"(\d+) sent\.", shown)
        pane = re.search(r"(\d+) sentences?", shown)
        agree = bool(status and pane and status.group(1) == pane.group(1)) and "summarizing" not in shown
        if agree or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    check(what, agree, f"status {status and status.group(1)}, pane {pane and pane.group(1)}")
    if cols < 110:
        keys("p")


def reading_at_sizes() -> None:
    """A novel, an RFC, a web page and a meeting transcript at 80x24, 120x40 and 200x60, read as a
    person would: go to a chapter or section, page, the summary view, a held +, the text alone."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "walks.html"
        page.write_text(ARTICLE, encoding="utf-8")
        docs = [
            ("novel", CORPORA / "gutenberg" / "pg1342-pride-and-prejudice.txt"),
            ("RFC 2616", CORPORA / "rfc" / "rfc2616.txt"),
            ("web page", page),
            ("transcript", meeting_transcript(Path(folder)) if CORPORA.is_dir() else None),
        ]
        for name, path in docs:
            if path is None or not path.exists():
                print(f"skip {name}: corpus not here")
                continue
            for cols, rows in SIZES:
                start(f"{READER} {shlex.quote(str(path))}", cols, rows)
                expect(f"{name} {cols}x{rows}: opens, analysis done", ["%", " sent. ("], ["analysing"], timeout=30)
                READING_CHECKS[name](cols, rows)
                wide_text_keeps_a_measure(name, cols, rows)
                keys("q")
                expect(f"{name} {cols}x{rows}: q quits", ["READER-EXIT=0"])


def novel_checks(cols: int, rows: int) -> None:
    keys(":")
    type_text("chapter 3")
    keys("Enter")
    expect(f"novel {cols}x{rows}: go to chapter 3", ["Chapter 3", "Not all that Mrs. Bennet"])
    labels = [line.strip() for line in text_lines() if line.strip().startswith("— ")]
    repeated = [a for a, b in zip(labels, labels[1:]) if a == b]
    check(f"novel {cols}x{rows}: no speaker line repeated under one paragraph", not repeated, str(repeated))
    keys("v")
    # The text column's gutter is three cells: a title there, not in the outline; the status says which view.
    expect_re(f"novel {cols}x{rows}: v shows chapter summaries", r"(^|│)   Chapter 1\b", "summary view")
    keys("]", "Enter")
    expect(f"novel {cols}x{rows}: ] and enter open the text there", [], ["summary view"])
    for _ in range(5):
        keys("+")
    settled_summary(f"novel {cols}x{rows}: five quick + settle on the latest length", cols)


def rfc_checks(cols: int, rows: int) -> None:
    keys("/")
    type_text("General Syntax")
    keys("Enter")
    expect(f"RFC 2616 {cols}x{rows}: contents kept as written", ["3.2.1    General Syntax ....."])
    keys(":")
    type_text("14.9")
    keys("Enter")
    expect(f"RFC 2616 {cols}x{rows}: go to section 14.9", ["14.9 Cache-Control", "The Cache-Control general-header"])
    if rows >= 40:  # the paragraph's end is on screen: "cache-" / "directive" read as one word
        compound = f"RFC 2616 {cols}x{rows}: a compound broken at a line-end hyphen reads joined"
        deadline = time.monotonic() + 8
        while "specify a cache-directive for a specific cache" not in " ".join(shown_text()):
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)
        check(compound, "specify a cache-directive for a specific cache" in " ".join(shown_text()))
    keys("space")
    expect(f"RFC 2616 {cols}x{rows}: space pages on", [], ["The Cache-Control general-header"])


def page_checks(cols: int, rows: int) -> None:
    expect(
        f"web page {cols}x{rows}: the article, not the site around it",
        ["Harbour walks", "The old harbour has three walks", "Routes"],
        ["About us", "Sign up for the newsletter"],
    )
    keys("G")
    expect(f"web page {cols}x{rows}: G: code as written, no footer", ["def start_time(high_tide_hour):"], ["Copyright"])


def transcript_checks(cols: int, rows: int) -> None:
    shown = "\n".join(text_lines())
    ok = re.search(r"Grad [A-F]: ", shown) is not None and "— Grad" not in shown and "┃" not in shown
    check(f"transcript {cols}x{rows}: turns start with their speaker, no quote bars or labels", ok)
    keys("v")
    expect_re(
        f"transcript {cols}x{rows}: v: summary sentences say who spoke", r"(^|│)   Grad [A-F]: \S", "summary view"
    )
    keys("v")


READING_CHECKS = {
    "novel": novel_checks,
    "RFC 2616": rfc_checks,
    "web page": page_checks,
    "transcript": transcript_checks,
}


def wide_text_keeps_a_measure(name: str, cols: int, rows: int) -> None:
    """At 200 columns with the panes hidden, prose lines stay at a readable width."""
    if cols < 200:
        return
    keys("g", "p", "o")
    time.sleep(0.5)
    widest = max((len(line) for line in text_lines()), default=0)
    check(f"{name} {cols}x{rows}: text alone, lines at most 104 cells ({widest})", 40 < widest <= 104)
    keys("p", "o")


def pane_pid() -> int:
    return int(tmux("display-message", "-p", "-t", TARGET, "#{pane_pid}").strip() or 0)


def reader_pid(shell: int) -> int | None:
    """The reader process: the child of the pane's shell."""
    try:
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def state_is_remembered() -> None:
    start(str(READER), 100, 30, fresh=False)
    expect("state: opens the seed", ["The UN focuses"])
    keys("G", "q")
    expect("state: q quits", ["READER-EXIT=0"])
    start(str(READER), 100, 30, fresh=False)
    expect("state: reopened at the bottom, where it was left", ["In conclusion, the participants noted"], timeout=15)
    keys("q")
    start(f"{READER} --no-state", 100, 30, fresh=False)
    expect("state: --no-state opens at the top", ["The UN focuses"], ["In conclusion, the participants noted"])
    keys("q")


def sigterm_restores_terminal() -> None:
    import signal

    for number, code in ((signal.SIGTERM, 143), (signal.SIGHUP, 129)):
        start(str(READER), 100, 30)
        expect("opens (for a signal)", ["The UN focuses"])
        pid = reader_pid(pane_pid())
        if pid is None:
            print("skip signal check: cannot find the reader's process")
            return
        os.kill(pid, number)
        expect(f"{signal.Signals(number).name}: the reader ends with {code}", [f"READER-EXIT={code}"], timeout=5)
        flags = tmux("display-message", "-p", "-t", TARGET, "#{alternate_on} #{mouse_any_flag}").split()
        ok = flags in (["0", "0"], [])
        print(
            f"{'ok  ' if ok else 'FAIL'} {signal.Signals(number).name}: terminal restored (alt. screen, mouse: {flags})"
        )
        if not ok:
            failures.append(f"{number} restore")


def stdin_and_literal_text() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tricky = Path(folder) / "tricky.txt"
        tricky.write_bytes(b"Tricky [bold]markup[/bold] here\n\nAn escape \x1b[31mred\x1b[0m and a bell \x07 too.\n")
        start(f"cat {shlex.quote(str(tricky))} | {READER} -")
        expect(
            "reader - reads stdin, shows markup and escapes literally",
            ["Tricky [bold]markup[/bold] here", "␛[31mred␛[0m", "␇"],
        )
        keys("G", "q")
        expect("reader - takes keys from the terminal (q quits)", ["READER-EXIT=0"])
    piped = subprocess.run(f"{READER} {shlex.quote(str(SEED))} | cat", shell=True, capture_output=True, text=True)
    ok = piped.returncode == 0 and "\x1b" not in piped.stdout and "Central Asia" in piped.stdout
    print(
        f"{'ok  ' if ok else 'FAIL'} reader x.txt | cat prints plain summaries ({len(piped.stdout.splitlines())} lines)"
    )
    if not ok:
        failures.append("piped output")


# Macbeth, Act I scene vii (public domain), as older editions set it: abbreviated names, no blank lines.
PLAY = """ACT I. SCENE VII.
Macbeth's castle.

  Enter Macbeth.

  Macb. If it were done when 'tis done, then 'twere well
    It were done quickly.

  Enter Lady Macbeth.

  Lady M. He has almost supp'd. Why have you left the chamber?
  Macb. Hath he ask'd for me?
  Lady M. Know you not he has?
  Macb. We will proceed no further in this business.
  Lady M. Was the hope drunk
    Wherein you dress'd yourself?
  Macb. Prithee peace!
  Lady M. What beast was't then
    That made you break this enterprise to me?
  Macb. If we should fail?
  Lady M. We fail?
    But screw your courage to the sticking place,
    And we'll not fail.
"""

# A manual page as help2man writes them, with a definition as docbook writes them (a line over .RS).
MAN_PAGE = r""".TH FROB "1" "May 2024" "frob 1.0" "User Commands"
.SH NAME
frob \- turn knobs on files
.SH SYNOPSIS
.B frob
[\fI\,OPTION\/\fR]... [\fI\,FILE\/\fR]...
.SH DESCRIPTION
.PP
Turn the knobs of each FILE to the setting given, or to the middle when none is.
.TP
\fB\-a\fR, \fB\-\-all\fR
turn every knob, even the hidden ones
.TP
\fB\-\-speed\fR=\fI\,N\/\fR
turn at N turns a second; the default is one.
.PP
\-q, \-\-quiet
.RS 4
Say nothing while turning.
.RE
.SH "SEE ALSO"
.BR knob (5)
"""


def shown_text() -> list[str]:
    """The reading view's lines as shown, without its gutter (summary and quote bars) and right-trimmed."""
    return [line[3:].rstrip().rstrip(SCROLLBAR).rstrip() for line in reading_lines(screen())]


def expect_lines(what: str, wanted: list[str], timeout: float = 30.0) -> bool:
    """Wait until the reading view shows ``wanted`` as lines one under the other (a line ending in
    "..." matches a line starting with the rest); a line starting "^" matches a pattern instead."""

    def matches(line: str, want: str) -> bool:
        if want.startswith("^"):
            return re.match(want, line) is not None
        return line.startswith(want[:-3]) if want.endswith("...") else line == want

    deadline = time.monotonic() + timeout
    while True:
        lines = shown_text()
        ok = any(
            all(matches(lines[k + n], want) for n, want in enumerate(wanted))
            for k in range(len(lines) - len(wanted) + 1)
        )
        if ok or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    check(what, ok)
    return ok


def play_at_sizes() -> None:
    """A play in plain text: each speech on lines of its own (not run into the one before), verse kept,
    and the summary pane and view saying who spoke, at 80x24 and 120x40."""
    with tempfile.TemporaryDirectory() as folder:
        play = Path(folder) / "macbeth.txt"
        play.write_text(PLAY, encoding="utf-8")
        for cols, rows in SIZES[:2]:
            size = f"play {cols}x{rows}"
            start(f"{READER} {shlex.quote(str(play))}", cols, rows)
            expect_lines(
                f"{size}: a speech written under another starts a line", ["", "Macb. Hath he ask'd for me?", ""]
            )
            expect_lines(
                f"{size}: verse keeps its lines", ["Lady M. Was the hope drunk", "Wherein you dress'd yourself?"]
            )
            if cols < 110:
                keys("p")  # the side panes start hidden there
            expect_re(f"{size}: summary pane lines say who spoke", r"#\d+ (Lady )?Macbeth: \S")
            keys("v")
            expect_lines(f"{size}: v: summary sentences say who spoke", [r"^(Lady )?Macbeth: \S"])
            keys("q")
            expect(f"{size}: q quits", ["READER-EXIT=0"])


def man_at_sizes() -> None:
    """A manual page read as man shows it, at 80x24 and 200x60: the NAME line after the title in the
    status line, SYNOPSIS as written, each tag over its text indented under it, no bullets."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "frob.1"
        page.write_text(MAN_PAGE, encoding="utf-8")
        for cols, rows in (SIZES[0], SIZES[2]):
            name = f"man page {cols}x{rows}"
            start(f"{READER} {shlex.quote(str(page))}", cols, rows)
            expect(f"{name}: NAME line by the title", ["frob(1) — frob - turn knobs on files"])
            expect_lines(f"{name}: SYNOPSIS as written", ["SYNOPSIS", "", "frob [OPTION]... [FILE]..."])
            keys("G")
            expect_lines(
                f"{name}: a tag, its text indented under it", ["-a, --all", "    turn every knob, even the hidden ones"]
            )
            expect_lines(f"{name}: a docbook tag too", ["-q, --quiet", "    Say nothing while turning."])
            check(f"{name}: no bullets on definitions", "•" not in "\n".join(shown_text()))
            keys("q")
            expect(f"{name}: q quits", ["READER-EXIT=0"])


# The four formats added last, written here in our own words: an Info manual (its node separators, header
# lines, menu, cross references and a two-column table), an mbox thread of three messages (quoted replies),
# a notebook (code cells and their outputs) and an OpenDocument text (zipped as an office suite writes it).
INFO_MANUAL = """This is kettle.info, produced by makeinfo version 7.0 from kettle.texi.

INFO-DIR-SECTION Kitchen
START-INFO-DIR-ENTRY
* Kettle: (kettle).             Boiling water with care.
END-INFO-DIR-ENTRY

\x1f
File: kettle.info,  Node: Top,  Next: Filling,  Up: (dir)

The Kettle Manual
*****************

This manual explains how to boil water with a kettle, from filling it to
pouring the tea.

   *Note Pouring::, for the last step.

* Menu:

* Filling::             Putting water in.
* Heating::             Switching it on.
* Pouring::             Getting the water out.

\x1f
File: kettle.info,  Node: Filling,  Next: Heating,  Prev: Top,  Up: Top

1 Filling
*********

Fill the kettle at the tap with cold water.  Never fill it past the line
marked MAX, or it will spill when it boils.

     $ kettle --fill 1.5
     filled: 1.5 litres

‘-q’
‘--quiet’
     Fill without the usual chime.

\x1f
File: kettle.info,  Node: Heating,  Next: Pouring,  Prev: Filling,  Up: Top

2 Heating
*********

Put the kettle on its base and press the switch.  The light stays on
while the water heats.

2.1 Limescale
=============

Hard water leaves a white crust inside.  Descale the kettle every month
with vinegar and rinse it twice.

\x1f
File: kettle.info,  Node: Pouring,  Prev: Heating,  Up: Top

3 Pouring
*********

Hold the handle, tilt the kettle slowly and pour the water over the tea
leaves.  Let the tea stand for four minutes.

\x1f
Tag Table:
Node: Top81
Node: Filling500
\x1f
End Tag Table
"""
# Heating's node, padded so that a jump to it moves the view even at 200x60.
INFO_MANUAL = INFO_MANUAL.replace(
    "while the water heats.\n", "while the water heats.\n" + "".join(f"\nStep {n}: wait.\n" for n in range(40))
)

MAIL_THREAD = """From ann@example.org Mon May  3 09:12:00 2021
From: Ann Lee <ann@example.org>
To: Garden Club <garden@example.org>
Subject: Seed swap on Saturday
Date: Mon, 03 May 2021 09:12:00 +0000
Message-ID: <1@example.org>
Content-Type: text/plain; charset=utf-8

Hello all,

The seed swap is on Saturday at the village hall from ten until noon. Bring
any seeds you have spare, labelled with the variety and the year they were
saved. Tea and cake will be served by the school.

Thanks,
Ann

From bob@example.org Mon May  3 11:40:00 2021
From: "Stone, Bob" <bob@example.org>
To: Garden Club <garden@example.org>
Subject: Re: Seed swap on Saturday
Date: Mon, 03 May 2021 11:40:00 +0000
Message-ID: <2@example.org>
In-Reply-To: <1@example.org>
Content-Type: text/plain; charset=utf-8

On Mon, 3 May 2021, Ann Lee wrote:
> The seed swap is on Saturday at the village hall from ten until noon.

I can bring runner beans and three kinds of tomato. Is there a table for
seedlings as well, or only for seeds?

Bob

From cara@example.org Mon May  3 14:05:00 2021
From: Cara Moss <cara@example.org>
To: Garden Club <garden@example.org>
Subject: Re: Seed swap on Saturday
Date: Mon, 03 May 2021 14:05:00 +0000
Message-ID: <3@example.org>
In-Reply-To: <2@example.org>
Content-Type: text/plain; charset=utf-8

Bob Stone wrote:
> Is there a table for seedlings as well, or only for seeds?

There will be a long table for seedlings by the door. Please put a name on
each pot so that the owners can find them again at the end.

Cara
"""


def notebook_json() -> str:
    import json

    cells = [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": "# Counting birds\n\nWe count the birds seen at the "
            "feeder each morning and find the busiest day of the week.",
        },
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 1,
            "source": 'counts = {"Mon": 12, "Tue": 30, "Wed": 7}\nbusiest = max(counts, key=counts.get)\n'
            'print("busiest:", busiest)',
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "busiest: Tue\n"}],
        },
        {"cell_type": "markdown", "metadata": {}, "source": "## Totals\n\nThe total tells us how much seed to buy."},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 2,
            "source": 'counts["Sun"]',
            "outputs": [
                {"output_type": "error", "ename": "KeyError", "evalue": "'Sun'", "traceback": ["\x1b[0;31mKeyError"]}
            ],
        },
    ]
    meta = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": meta, "cells": cells}, indent=1)


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF_NS} office:version="1.3"><office:automatic-styles>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="."
 style:num-format="1"/></text:list-style></office:automatic-styles><office:body><office:text>
<text:h text:outline-level="1">Bike repair night</text:h>
<text:p>Every Thursday the library opens its back room for bike repairs. Volunteers bring tools and show
 how to fix a puncture.</text:p>
<text:h text:outline-level="2">What to bring</text:h>
<text:list text:style-name="L1"><text:list-item><text:p>Your bike, cleaned if you can.</text:p></text:list-item>
<text:list-item><text:p>A spare inner tube of the right size.</text:p></text:list-item></text:list>
<table:table table:name="Jobs"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Job</text:p></table:table-cell>
<table:table-cell><text:p>Minutes</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Puncture</text:p></table:table-cell>
<table:table-cell><text:p>20</text:p></table:table-cell></table:table-row></table:table>
<text:h text:outline-level="2">Opening hours</text:h>
<text:p>The room opens at six and closes at nine. Tea is free.</text:p>
</office:text></office:body></office:document-content>"""


def write_new_formats(folder: Path) -> dict[str, Path]:
    """The four sample documents, written into ``folder``."""
    import zipfile

    paths = {name: folder / name for name in ("kettle.info", "garden.mbox", "birds.ipynb", "bikes.odt")}
    paths["kettle.info"].write_text(INFO_MANUAL, encoding="utf-8")
    paths["garden.mbox"].write_text(MAIL_THREAD, encoding="utf-8")
    paths["birds.ipynb"].write_text(notebook_json(), encoding="utf-8")
    with zipfile.ZipFile(paths["bikes.odt"], "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # first, stored
        odt.writestr("content.xml", ODT_CONTENT, compress_type=zipfile.ZIP_DEFLATED)
    return paths


# What no reader must see of each format's syntax.
SYNTAX = [
    "\x1f",
    "␟",
    "*note",
    "* Menu:",
    "File: kettle.info",
    "Content-Type:",
    "Message-ID:",
    '"cell_type"',
    '"outputs"',
    "<text:",
    "office:",
    "\x1b",
    "␛",
]


def expect_under(what: str, upper: str, lower: str, indent: int, below: int = 1, timeout: float = 15.0) -> bool:
    """Wait until a screen row holds ``upper`` and the row ``below`` rows under it ``lower``, ``indent`` cells
    further right (a tag over its text), wherever the panes put the text column."""
    deadline = time.monotonic() + timeout
    while True:
        rows = screen().splitlines()
        ok = any(
            upper in row and rows[i + below].find(lower) == row.find(upper) + indent
            for i, row in enumerate(rows[:-below])
        )
        if ok or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    check(what, ok)
    return ok


def expect_top(what: str, line: str, timeout: float = 15.0) -> bool:
    """Wait until the reading view's first line is ``line`` (a jump put it at the top)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = shown_text()
        ok = bool(lines) and lines[0] == line
        if ok or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    check(what, ok, f"top line {lines[0] if lines else None!r}")
    return ok


def info_checks(name: str, cols: int) -> None:
    expect(
        f"{name}: the Top node's heading, a menu, 'see X' for *note",
        ["The Kettle Manual", "• Filling — Putting water in.", "See Pouring, for the last step."],
        SYNTAX,
    )
    expect_under(
        f"{name}: a table's term over its text, indented, no bullet",
        "‘-q’, ‘--quiet’",
        "Fill without the usual chime.",
        4,
    )
    keys("/")
    type_text("Heating")
    keys("Enter")
    expect(f"{name}: / finds the menu entry", ["/Heating: 1 of"])
    keys("Enter")
    expect_top(f"{name}: enter follows that entry to its node, at the top", "2 Heating")
    keys("BSpace")
    expect(f"{name}: backspace comes back", ["The Kettle Manual"])
    if cols < 110:
        keys("o")
    expect(f"{name}: the outline lists the nodes' headings", ["Outline (", "2.1 Limescale", "3 Pouring"])
    if cols < 110:
        keys("o")


def mail_checks(name: str, cols: int) -> None:
    expect(
        f"{name}: subject, byline, a quoted reply's bar, no header syntax",
        ["Seed swap on Saturday", "From: Ann Lee <ann@example.org> · To: Garden Club · Mon 03 May 2021 09:12"],
        SYNTAX,
    )
    keys("G")
    expect(
        f"{name}: G: the last reply, its byline and the quote barred",
        ["From: Cara Moss <cara@example.org>", "│ Is there a table for seedlings as well, or only for seeds?"],
        ["> Is there"],
    )
    keys("P")
    expect_re(f"{name}: P: the senders are participants", r"Ann Lee +\d+ mentions?", "Cara Moss")
    keys("P", "v")
    expect(
        f"{name}: v: the summary view, a reply's subject and sender over its sentences",
        ["summary view", "Re: Seed swap on Saturday — Bob Stone"],
    )
    keys("v")


def notebook_checks(name: str, cols: int) -> None:
    expect(
        f"{name}: heading, a code cell and its output, the error's last line",
        ["Counting birds", "busiest = max(counts, key=counts.get)", "busiest: Tue"],
        SYNTAX,
    )
    expect_under(f"{name}: the output under its code", 'print("busiest:", busiest)', "busiest: Tue", 0, below=2)
    keys("G")
    expect(f"{name}: G: the error as one line, no traceback", ["KeyError: 'Sun'"], ["Traceback"])
    keys("S")
    expect(f"{name}: S: the summary is the Markdown cells' prose", ["Summary", "#1"], ["#1 counts", "#1 busiest"])
    keys("S")


def odt_checks(name: str, cols: int) -> None:
    expect(
        f"{name}: headings, a numbered list, the table aligned under a rule",
        [
            "Bike repair night",
            "What to bring",
            "1. Your bike, cleaned if you can.",
            "Job      │ Minutes",
            "─────────┼────────",
            "Puncture │ 20",
        ],
        SYNTAX,
    )
    keys("space", "b", "g")
    expect(f"{name}: space, b, g: back at the top", ["Bike repair night"])


NEW_FORMAT_CHECKS = {
    "kettle.info": info_checks,
    "garden.mbox": mail_checks,
    "birds.ipynb": notebook_checks,
    "bikes.odt": odt_checks,
}


def new_formats_at_sizes() -> None:
    """An Info manual, an mbox thread, a notebook and an ODT written here, at 80x24 and 200x60: what a reader
    must see of each (titles, headings, a byline, a quoted reply's bar, a code cell and its output, a
    table), and none of their syntax; the mail thread resized from 80x24 to 200x60 and back."""
    with tempfile.TemporaryDirectory() as folder:
        for file, path in write_new_formats(Path(folder)).items():
            for cols, rows in (SIZES[0], SIZES[2]):
                name = f"{file} {cols}x{rows}"
                start(f"{READER} {shlex.quote(str(path))}", cols, rows)
                if not expect(f"{name}: opens, analysed", ["%", " sent. ("], ["analysing", "Traceback"], timeout=30):
                    continue
                NEW_FORMAT_CHECKS[file](name, cols)
                if file == "garden.mbox" and cols < 110:
                    tmux("resize-window", "-t", TARGET, "-x", "200", "-y", "60")
                    expect(
                        f"{name}: resized to 200x60, the panes and the byline whole",
                        ["Outline (", "Participants", "From: Cara Moss <cara@example.org> · To: Garden Club"],
                    )
                    tmux("resize-window", "-t", TARGET, "-x", "80", "-y", "24")
                    expect(f"{name}: and back to 80x24", ["Re: Seed swap", "%"])
                keys("q")
                expect(f"{name}: q quits", ["READER-EXIT=0"])


DOCS: list[Path] = []  # documents named with --docs


def docs_at_sizes() -> None:
    """Documents named on the command line (manual pages, documentation pages, PDFs), at 80x24 and
    200x60: they open with their title, / finds a word of the text, the outline shows (o at 80 columns), q quits."""
    for path in DOCS:
        for cols, rows in (SIZES[0], SIZES[2]):
            name = f"{path.name} {cols}x{rows}"
            start(f"{READER} {shlex.quote(str(path))}", cols, rows)
            if not expect(f"{name}: opens, analysed", [" sent. (document)"], ["analysing", "Traceback"], timeout=30):
                continue
            words = [w for line in text_lines() for w in re.findall(r"[A-Za-z]{7,}", line)]
            if words:
                keys("/")
                type_text(words[-1])
                keys("Enter")
                expect(f"{name}: / finds a word on the page", [f"/{words[-1]}: 1 of"])
                keys("Escape")
            if cols < 110:
                keys("o")  # the outline starts hidden there
            expect(f"{name}: the outline is shown", ["Outline ("])
            keys("q")
            expect(f"{name}: q quits", ["READER-EXIT=0"])


BLOCKS_TITLE = "Kettles, their care and descaling, and what to do when the lid will not close"
BLOCKS_PAGE = (
    f"# {BLOCKS_TITLE}\n\n"
    + """See [the building steps](#Building) first.

> A kettle boils faster with the lid on.
>
> > And faster still when it is half full.

> [!NOTE]
> Descale it every month.

```{warning}
Unplug the kettle before you descale it.
```

## Overriding dependencies with patch sections in workspaces of several packages

## 2 Building

1. Run:

   ```sh
   cargo build --release
   ```

2. Then install it:

   ```
   cargo install --path .
   ```

   and check that it works.

## 3 Descaling

"""
    + "Fill the kettle with water and a spoon of citric acid, boil it, and leave it for an hour.\n\n" * 40
)

REPLY_MAIL = """From: Cara Moss <cara@example.org>
To: Garden Club <garden@example.org>
Subject: Re: Seed swap
Date: Mon, 03 May 2021 11:00:00 +0000

On Mon, 3 May 2021, Bob Stone wrote:
> Great, I will bring tomato seeds from last year.
>
> > The seed swap is on Saturday at ten in the church hall.

Is there a table for seedlings as well?
"""


def outline_text() -> str:
    """The outline pane's words, its wrapped lines joined (the pane is the screen's left part)."""
    lines = screen().splitlines()[:-2]
    borders = pane_borders(lines)
    rows = [split_panes(line, borders)[0] for line in lines] if borders else []
    return " ".join(" ".join(row.rstrip(SCROLLBAR) for row in rows).split())


def blocks_at_sizes() -> None:
    """Block quotes with a bar for each level (Markdown, an alert, a MyST admonition, a mail reply quoted two
    deep), code inside a list item under the item's text, a long heading whole in the outline, at 80x24, 120x40
    and 200x60."""
    with tempfile.TemporaryDirectory() as folder:
        page, mail = Path(folder) / "kettles.md", Path(folder) / "reply.eml"
        page.write_text(BLOCKS_PAGE, encoding="utf-8")
        mail.write_text(REPLY_MAIL, encoding="utf-8")
        for cols, rows in SIZES:
            size = f"blocks {cols}x{rows}"
            start(f"{READER} {shlex.quote(str(page))}", cols, rows)
            expect_lines(
                f"{size}: a quote barred, the quote inside it with two bars",
                ["│ A kettle boils faster with the lid on.", "", "│ │ And faster still when it is half full."],
            )
            expect_lines(f"{size}: an alert is a quote, its label kept", ["│ Note: Descale it every month."])
            expect_lines(f"{size}: a MyST admonition too, not code", ["│ Warning: Unplug the kettle before you..."])
            expect(f"{size}: analysed", [" sent. ("], ["analysing"], timeout=30)
            status = screen().splitlines()[-2].rstrip()
            shown = status[status.find("· Kettles") + 2 :]
            whole = (BLOCKS_TITLE + " ").startswith(shown[:-1] + " ") if shown.endswith("…") else BLOCKS_TITLE in shown
            check(f"{size}: the title in the status line whole or cut after a word, with '…'", whole, status)
            keys("Enter")
            expect_top(f"{size}: enter follows '#Building' to its numbered heading '2 Building'", "2 Building")
            expect_lines(f"{size}: code under its item's text", ["1. Run:", "", "   cargo build --release"])
            expect_lines(f"{size}: an item's second paragraph too", ["   cargo install --path .", "", "   and..."])
            keys("BSpace", "?", "G")
            expect(f"{size}: ? then G pages the help to its end", ["one bar for each level"])
            keys("q")
            if cols < 110:
                keys("o")
            title = "Overriding dependencies with patch sections in workspaces of several packages"
            deadline = time.monotonic() + 10
            while title not in outline_text() and time.monotonic() < deadline:
                time.sleep(0.2)
            check(
                f"{size}: the long heading whole in the outline, no word cut", title in outline_text(), outline_text()
            )
            keys("q")
            expect(f"{size}: q quits", ["READER-EXIT=0"])
            start(f"{READER} {shlex.quote(str(mail))}", cols, rows)
            expect_lines(
                f"{size}: a reply quoted two deep has two bars, no '>' marks",
                ["│ Great, I will bring tomato seeds from last year.", "", "│ │ The seed swap is on Saturday at..."],
            )
            keys("q")
            expect(f"{size}: q quits the mail", ["READER-EXIT=0"])


# Wide lines at the right edge, plain-text lists and tabs (``--only edges``): written here, read at three sizes.
EDGE_PAGE = (
    "# Wide things\n\n"
    + "\n\n".join(f"Paragraph {n} is plain prose about the weather in the hills." for n in range(30))
    + "\n\n```\ncode_line = "
    + "1 + " * 60
    + "END\n```\n\n```\n"
    + "漢字の行" * 40
    + "\n```\n"
)
EDGE_CHANGELOG = """\
kettle (2.6.1) unstable; urgency=medium

  * Restore the lid dependency for the spring release.
    This caused some regressions too late in the cycle. To keep upgrade paths
    the same, we drop the old alternative rather than requiring both of them.
  * Point the build scripts to the spring branch

 -- Ann Smith <ann@example.org>  Thu, 25 May 2023 16:11:37 +0200

kettle (2.6.0) unstable; urgency=medium

  [ Bob Stone ]
  * More support for steel kettles
    - Have values in the config trees refer to them in all components
    - Add the steel component in the documentation

 -- Bob Stone <bob@example.org>  Mon, 01 May 2023 10:00:00 +0200
"""
EDGE_GNU_LOG = """\
2022-10-10  Ann Smith  <ann@example.org>

\tkettle: Use steel for the lid instead of tin as the default.
\t* src/lid.c (pick_metal): Change the default
\tmetal.
\t* src/spout.c (pour):\tNew.
\t* src/pot.c:\t\t\t\t\t\t\t\t\t\t\tWider.
"""
CUT_MARK = "›"


def cells_of(row: str) -> int:
    """Terminal cells of a captured row (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in row)


def edge_checks(folder: Path, cols: int, rows: int) -> None:
    size = f"edges {cols}x{rows}"
    start(f"{READER} --no-state {shlex.quote(str(folder / 'wide.md'))}", cols, rows)
    expect(f"{size}: analysed", [" sent. ("], ["analysing"], timeout=30)
    keys("G")
    expect(f"{size}: G goes to the end", ["漢字の行"])
    lines = [line.rstrip(SCROLLBAR + " ") for line in reading_lines(screen())]
    code = next((line for line in lines if "code_line = 1 + 1" in line), "")
    # The screen's row, not the text column: a wide character takes two cells but one place in the string.
    cjk = next((line for line in screen().splitlines() if "漢字の行漢字の行" in line), "")
    check(f"{size}: a code line wider than the view ends with a mark left of the scrollbar", code.endswith(CUT_MARK))
    marked = re.search(f"[漢字の行]+ ?{CUT_MARK}", cjk) is not None
    check(f"{size}: ... and so does a line of wide characters", marked and cells_of(cjk.rstrip()) <= cols, cjk)
    keys(*["l"] * 40)
    expect(f"{size}: l scrolls a code block sideways to its end", ["+ 1 + END"])
    keys("q")
    expect(f"{size}: q quits", ["READER-EXIT=0"])
    start(f"{READER} --no-state {shlex.quote(str(folder / 'changelog'))}", cols, rows)
    expect_lines(
        f"{size}: a change log's item on lines of its own, its text hanging under the marker",
        ["  * Restore the lid dependency...", "^    \\S", "^    \\S"],
    )
    expect_lines(
        f"{size}: ... the next item on a line of its own",
        ["  * Point the build scripts to the spring branch"],
    )
    expect_lines(
        f"{size}: ... a nested list under its item",
        ["  * More support for steel kettles", "    - Have values in the config trees..."],
    )
    keys("q")
    expect(f"{size}: q quits the change log", ["READER-EXIT=0"])
    start(f"{READER} --no-state {shlex.quote(str(folder / 'ChangeLog'))}", cols, rows)
    expect_lines(
        f"{size}: a GNU change log's tabs reach the tab stops, its lines as written",
        [
            "        kettle: Use steel for the lid...",
            "        * src/lid.c (pick_metal): Change the default",
            "        metal.",
            "        * src/spout.c (pour):   New.",
        ],
    )
    keys(*["l"] * 30)
    expect(f"{size}: l scrolls a line with tabs to its end (the tabs counted as drawn)", ["Wider."])
    keys("q")
    expect(f"{size}: q quits the GNU change log", ["READER-EXIT=0"])


LONG_NAMES = ["pg1342-pride-and-prejudice-by-jane-austen.txt", "the_adventures_of_sherlock_holmes_by_conan_doyle.txt"]


def name_rows(name: str, rows: list[str]) -> list[str]:
    """The rows a file name is drawn on in the documents list ([] when its start is not there)."""
    first = next((i for i, row in enumerate(rows) if row and name.startswith(row)), None)
    if first is None:
        return []
    parts = [rows[first]]
    while len("".join(parts)) < len(name) and first + len(parts) < len(rows):
        parts.append(rows[first + len(parts)])
    return parts


def whole_and_names_checks(folder: Path, cols: int, rows: int) -> None:
    size = f"edges {cols}x{rows}"
    paths = " ".join(shlex.quote(str(folder / name)) for name in LONG_NAMES)
    start(f"{READER} --no-state {paths}", cols, rows)
    expect(f"{size}: two documents with long names open", ["The committee met"])
    if cols < 110:
        keys("o")  # the left panes start hidden
    expect(f"{size}: the documents list is shown", ["2 documents"])
    left = [line.split("│")[0].strip() for line in screen().splitlines()]
    for name in LONG_NAMES:
        parts = name_rows(name, left)
        whole = "".join(parts) == name and len(parts) > 1
        at_separators = all(part[-1] in "-_." for part in parts[:-1])
        check(f"{size}: {name[:12]}... wraps after a separator, never mid-word", whole and at_separators, str(parts))
    keys("q")
    expect(f"{size}: q quits the documents", ["READER-EXIT=0"])
    start(f"READER_MAX_MB=0.01 {READER} --no-state {shlex.quote(str(folder / 'ledger.txt'))}", cols, rows)
    expect(f"{size}: a file over the limit opens on its leading part", ["Row 0"])
    keys("W")
    expect(f"{size}: W pages the whole file", ["every line (no analysis here)"])
    # The scrollbar comes once the background line index knows the file's length: wait for it.
    for _ in range(10):  # G before the view has its focus and the file's length is lost: press it again
        keys("G")
        time.sleep(0.5)
        if "Row 2999 short" in screen():
            break
    expect(f"{size}: G goes to the whole file's last line", ["Row 2999 short"])
    keys("g")
    expect(f"{size}: g comes back to its first", ["Row 0 "])
    shown = screen().splitlines()
    wide = next((line.rstrip() for line in shown if line.startswith("Row 0 ")), "")
    check(f"{size}: W marks a cut line left of its scrollbar", wide.endswith(CUT_MARK) and len(wide) <= cols - 2, wide)
    check(f"{size}: ... and a short line not", not any(CUT_MARK in line for line in shown if "short" in line))
    keys("q")
    expect(f"{size}: q quits the whole-file view", ["READER-EXIT=0"])


def pane_keys() -> None:
    """With the Summary list focused (S), j moves in the list, not the text behind it."""
    start(f"{READER} --no-state {SEED}", 120, 40)
    expect("pane keys: analysed", [" sent. (document)"], ["analysing"], timeout=30)
    keys("S")
    before = shown_text()
    keys("j", "j")
    time.sleep(0.3)
    check("pane keys: j in the focused Summary list leaves the text where it was", shown_text() == before)
    keys("S", "j")
    time.sleep(0.3)
    check("pane keys: after S again, j scrolls the text", shown_text() != before)
    keys("q")
    expect("pane keys: q quits", ["READER-EXIT=0"])


def edges_at_sizes() -> None:
    """Lines wider than the view end with a mark left of the scrollbar (a code line, CJK), l scrolls a code
    block; a Debian change log's items hang under their marker; a GNU change log's tabs reach their stops, and l
    scrolls its tabbed lines to their end; long file names wrap after a separator in the documents list; W marks a
    cut line left of its scrollbar; j moves in a focused pane; at 80x24, 120x40 and 200x60."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "wide.md").write_text(EDGE_PAGE, encoding="utf-8")
        (folder / "changelog").write_text(EDGE_CHANGELOG, encoding="utf-8")
        (folder / "ChangeLog").write_text(EDGE_GNU_LOG, encoding="utf-8")
        for name in LONG_NAMES:
            (folder / name).write_text("A short report\n\nThe committee met on Monday.\n", encoding="utf-8")
        ledger = (
            f"Row {n} short" if n % 2 else f"Row {n}\tof the ledger {'with columns ' * 20}END" for n in range(3000)
        )
        (folder / "ledger.txt").write_text("\n".join(ledger) + "\n", encoding="utf-8")
        for cols, rows in SIZES:
            edge_checks(folder, cols, rows)
            whole_and_names_checks(folder, cols, rows)
    pane_keys()


GROUPS = {
    "seed": main_flows,
    "narrow": narrow_start,
    "wide": wide_start,
    "documents": documents_at_sizes,
    "body": book_at_its_body,
    "formats": formats_at_sizes,
    "notes": notes_and_tables,
    "reading": reading_at_sizes,
    "state": state_is_remembered,
    "signals": sigterm_restores_terminal,
    "big-book": big_book,
    "stdin": stdin_and_literal_text,
    "play": play_at_sizes,
    "man": man_at_sizes,
    "newformats": new_formats_at_sizes,
    "docs": docs_at_sizes,
    "blocks": blocks_at_sizes,
    "edges": edges_at_sizes,
}


def main() -> int:
    global SHOW
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every screen looked at")
    parser.add_argument("--formats", action="store_true", help="only the Markdown and HTML checks (and notes, tables)")
    parser.add_argument("--reading", action="store_true", help="only the novel, RFC, web page and transcript checks")
    parser.add_argument("--only", choices=sorted(GROUPS), action="append", help="only this group of checks")
    parser.add_argument("--docs", nargs="+", type=Path, default=[], help="documents to open too (group docs)")
    args = parser.parse_args()
    SHOW = args.show
    DOCS.extend(args.docs)
    chosen = args.only or (["formats", "notes"] if args.formats else ["reading"] if args.reading else list(GROUPS))
    try:
        for name in chosen:
            GROUPS[name]()
    finally:
        stop_server()
    print(f"{len(failures)} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
