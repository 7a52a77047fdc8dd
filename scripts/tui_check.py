"""Drive `reader` in tmux as a person would: send keys, read the screen, check it.

    /work/venv/bin/python scripts/tui_check.py          # prints one line per check, exit 1 on a failure
    /work/venv/bin/python scripts/tui_check.py --show   # also prints the screens it looked at

Needs tmux. Each check waits (up to a few seconds) for the screen to show what it expects.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READER = Path(sys.executable).with_name("reader")
SEED = ROOT / "reader" / "seeds" / "000_49030be50a1044d2.txt"
SESSION = f"reader-check-{os.getpid()}"
SHOW = False
failures: list[str] = []


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def start(command: str, cols: int = 120, rows: int = 40) -> None:
    tmux("kill-session", "-t", SESSION)
    shell = f"{command}; echo READER-EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", SESSION, "-x", str(cols), "-y", str(rows), shell)


def screen() -> str:
    return tmux("capture-pane", "-t", SESSION, "-p")


def keys(*names: str) -> None:
    for name in names:
        tmux("send-keys", "-t", SESSION, name)
        time.sleep(0.15)


def type_text(text: str) -> None:
    tmux("send-keys", "-t", SESSION, "-l", text)
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
    (("/",), "Aripov", "/ search: goes to the first match, status counts them", [], []),
    (("Enter",), "", "... and enter finds it", ["/Aripov: 2 found at 1/2"], []),
    (("n",), "", "n goes to the next match", ["found at 2/2"], []),
    (("N",), "", "N goes back to the previous match", ["found at 1/2"], []),
    (("]",), "", "] moves to the first summary sentence", ["(document) at 1/5"], []),
    (("]", "]"), "", "] ] moves on to the third", ["(document) at 3/5"], []),
    (("[",), "", "[ moves back to the second", ["(document) at 2/5"], []),
    (("C-p",), "Participant: Uzbekistan", "palette: type a participant's name", [], []),
    (("Enter",), "", "... enter goes to its first mention", ["Uzbekistan at 1/"], []),
    (("m", "m"), "", "m steps through its mentions", ["Uzbekistan at 3/"], []),
    (("M",), "", "M steps back", ["Uzbekistan at 2/"], []),
    (
        ("?",),
        "",
        "? opens the help screen with the key table",
        ["reader: keys", "Show this help", "Next summary sentence"],
        [],
    ),
    (("Escape",), "", "escape closes help", ["Outline ("], ["reader: keys"]),
    (("a",), "", "a cycles the summary algorithm", ["lexrank", " sent. (document)"], ["summarizing"]),
    (("+",), "", "+ makes the summary longer", ["6 sent.", "6 sentences"], ["summarizing"]),
    (("-",), "", "- makes it shorter again", ["5 sent."], ["summarizing"]),
    (("s",), "", "s summarizes the current section", ["(section)", "section:"], ["summarizing"]),
    (("p",), "", "p hides the side panes", [], ["Participants"]),
    (("p",), "", "p shows them again", ["Participants"], []),
]


def main_flows() -> None:
    start(str(READER))
    for names, text, what, present, absent in SEED_STEPS:
        keys(*names)
        if text:
            type_text(text)
        if present or absent:
            expect(what, present, absent)
    tmux("resize-window", "-t", SESSION, "-x", "80", "-y", "24")
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
    keys("q")


def big_book() -> None:
    book = Path("/work/shared/corpora/gutenberg/pg2600-war-and-peace.txt")
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
    keys("g", "]")
    expect("War and Peace: g then ] jumps to the first summary sentence", [" at 1/"])
    keys("G", "[")
    expect("War and Peace: G then [ jumps to the last one", [" sent. (document) at "])
    keys("q")
    start(f"{READER} {book}")
    expect("War and Peace again", ["The Project Gutenberg EBook of War and Peace", "analysing"], timeout=3)
    keys("q")
    expect("War and Peace: q quits at once, while the analysis runs", ["READER-EXIT=0"], timeout=1.5)


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


def main() -> int:
    global SHOW
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every screen looked at")
    SHOW = parser.parse_args().show
    try:
        main_flows()
        narrow_start()
        wide_start()
        big_book()
        stdin_and_literal_text()
    finally:
        tmux("kill-session", "-t", SESSION)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
