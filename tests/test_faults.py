"""Hostile and unlucky inputs: file names that try to drive the terminal, paths that used to end
in a traceback, special files, signals and worker processes (issues 12, 14 and 15)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import REPO, SEED
from hypothesis import given
from hypothesis import strategies as st

ENV = {**os.environ, "NO_COLOR": "", "PYTHONIOENCODING": "utf-8"}
ENV.pop("READER_MAX_MB", None)
ENV.pop("READER_DEBUG", None)
OSC_TITLE = "a\x1b]0;PWN\x07.txt"
OSC_CLIPBOARD = "x\x1b]52;c;aW5qZWN0ZWQ=\x07.txt"
CSI = "b\x1b[31m\x9b2J\u202etxt.exe"
FORGED = "c.txt\nreader: all good"


def reader(*args: str, stdin: bytes | None = None, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env={**ENV, **(env or {})},
        timeout=120,
        **kw,
    )


def assert_safe(raw: bytes) -> None:
    """No byte that could start a terminal sequence: ESC, BEL, C1 controls (UTF-8 C2 80-9F), bidi overrides."""
    assert b"\x1b" not in raw and b"\x07" not in raw
    text = raw.decode("utf-8")
    assert not any(0x80 <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E for c in text)


def error_lines(out: subprocess.CompletedProcess) -> list[str]:
    lines = out.stderr.decode("utf-8").splitlines()
    assert all(line.startswith("reader: ") for line in lines), lines
    assert b"Traceback" not in out.stderr
    return lines


# Security: file names never drive the terminal.


@pytest.mark.parametrize("name", [OSC_TITLE, OSC_CLIPBOARD, CSI, FORGED])
def test_a_missing_path_with_escapes_is_shown_safely(tmp_path, name):
    out = reader("outline", str(tmp_path / name))
    assert out.returncode == 1
    assert_safe(out.stderr)
    (line,) = error_lines(out)
    assert line.endswith(": no such file or directory")


@pytest.mark.parametrize("name", [OSC_TITLE, CSI, FORGED])
def test_every_error_and_note_path_shows_names_safely(tmp_path, name):
    folder = tmp_path / "docs"
    folder.mkdir()
    name += ".txt"
    (folder / ("binary " + name)).write_bytes(b"\x00\x01\x02")
    (folder / ("empty " + name)).write_bytes(b"")
    (folder / ("latin " + name)).write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu.\n".encode("latin-1") * 20)
    (folder / ("big " + name)).write_text("Title\n\n" + "Plain words in a sentence. " * 1000)
    out = reader("outline", str(folder), env={"READER_MAX_MB": "0.01"})
    assert out.returncode == 1
    assert_safe(out.stderr)
    assert_safe(out.stdout)
    lines = error_lines(out)
    assert len(lines) == 4  # binary, empty, not UTF-8, over the limit: one line each, none forged
    assert "␛" in out.stderr.decode() or "␤" in out.stderr.decode()


def test_titles_from_file_names_are_shown_safely(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (OSC_TITLE, CSI, FORGED):
        (folder / (name + ".txt")).write_text("just a few words without a title line")
    for command in ("outline", "summarize", "participants", "quotes", "analyze"):
        out = reader(command, str(folder))
        assert out.returncode == 0, out.stderr
        assert_safe(out.stdout)
        assert "reader: all good" not in out.stdout.decode().splitlines()


def test_json_escapes_c1_controls_and_bidi_overrides(tmp_path):
    path = tmp_path / "x.txt"
    text = "Title\n\nA \x9b31m sentence with \u202ereversed\u202c words and \x1b[0m escapes.\n"
    path.write_text(text)
    for command in ("analyze", "outline", "summarize", "quotes", "participants"):
        out = reader(command, str(path), "--format", "json")
        assert out.returncode == 0, out.stderr
        assert_safe(out.stdout)
        data = json.loads(out.stdout)
        if command in ("analyze", "outline"):
            assert data["text"] == text
            assert b"\\u009b31m" in out.stdout and b"\\u202ereversed\\u202c" in out.stdout


# Tracebacks that never happen.


def test_full_disk_on_stdout_is_one_line():
    with open("/dev/full", "wb") as full:
        out = subprocess.run(
            [sys.executable, "-m", "reader", "summarize", str(SEED)], stdout=full, stderr=subprocess.PIPE, env=ENV
        )
    assert out.returncode == 1
    assert out.stderr.decode() == "reader: cannot write the output: no space left on device\n"


@pytest.mark.parametrize("value", ["-1", "abc", "0", "nan", "inf", "-inf", "1e400"])
def test_bad_max_mb_is_one_line_exit_2(value):
    out = reader("outline", "-", stdin=b"Some text.", env={"READER_MAX_MB": value})
    assert out.returncode == 2
    (line,) = error_lines(out)
    assert line == f"reader: READER_MAX_MB={value!r}: needs a positive number of megabytes, such as 64"


def test_path_over_255_bytes():
    out = reader("outline", "x" * 300 + ".txt")
    assert out.returncode == 1
    assert error_lines(out) == [f"reader: {'x' * 300}.txt: file name too long"]


def test_empty_path_is_wrong_usage():
    out = reader("outline", "")
    assert out.returncode == 2 and b"empty path" in out.stderr and not out.stdout


def test_symlink_loop_named_directly(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    out = reader("outline", str(tmp_path / "loop"))
    assert out.returncode == 1 and "symbolic link loop" in out.stderr.decode()


def test_non_utf8_file_names_are_marked_and_the_rest_goes_on(tmp_path):
    folder = os.fsencode(tmp_path / "docs")
    os.mkdir(folder)
    for name in (b"caf\xe9.txt", b"empty\xff.txt", b"zeta.txt"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(b"" if name.startswith(b"empty") else SEED.read_bytes())
    out = reader("outline", os.fsdecode(folder))
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().count("# The UN focuses") == 2
    assert out.stderr.decode().endswith("empty\ufffd.txt: note: empty document\n")
    c_locale = reader("outline", os.fsdecode(folder), "--format", "json", env={"LC_ALL": "C", "PYTHONIOENCODING": ""})
    rows = [json.loads(line) for line in c_locale.stdout.decode("utf-8").splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["caf\ufffd.txt", "empty\ufffd.txt", "zeta.txt"]


def _as_nobody(*args: str, cwd: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reader", *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**ENV, "PYTHONPATH": str(REPO), "HOME": cwd}
    return subprocess.run(command, capture_output=True, env=env, cwd=cwd, timeout=120)


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs a non-root user")
def test_folder_with_read_but_no_search_permission():
    top = tempfile.mkdtemp()
    try:
        os.chmod(top, 0o755)
        docs = Path(top) / "docs"
        folder = docs / "locked"
        folder.mkdir(parents=True)
        (docs / "ok.txt").write_text("Readable\n\nSome words.")
        (folder / "a.txt").write_text("Some words.")
        (folder / "b.txt").write_text("More words.")
        (docs / "private").mkdir(mode=0o700)  # others may not even list it
        folder.chmod(0o744)  # others may list it, not enter it
        listed = _as_nobody("outline", str(folder), cwd=top)
        named = _as_nobody("outline", str(folder / "a.txt"), cwd=top)
        walked = _as_nobody("outline", str(docs), cwd=top)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)
    assert listed.returncode == 1 and error_lines(listed) == [f"reader: {folder}: permission denied"]
    assert named.returncode == 1 and error_lines(named) == [f"reader: {folder / 'a.txt'}: permission denied"]
    assert walked.returncode == 1 and "# Readable" in walked.stdout.decode()
    assert sorted(error_lines(walked)) == sorted(
        f"reader: {path}: permission denied" for path in (folder / "a.txt", folder / "b.txt", docs / "private")
    )


# Special files: nothing hangs, nothing reads without bound.


def test_a_fifo_in_a_folder_is_skipped_and_nothing_hangs(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha\n\nFirst text.")
    os.mkfifo(tmp_path / "b.txt")
    out = reader("outline", str(tmp_path))
    assert out.returncode == 0 and "# Alpha" in out.stdout.decode()


def test_dev_zero_is_read_within_the_limit():
    out = reader("outline", "/dev/zero", env={"READER_MAX_MB": "1"})
    assert out.returncode == 1
    assert error_lines(out) == ["reader: /dev/zero: is a binary file (it has NUL bytes), not text"]


def test_sigpipe_is_quiet(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "outline", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0 and err == b""


# Terminals: progress and the stdin hint.


def test_no_progress_when_stdout_is_piped_even_if_stderr_is_a_terminal(tmp_path):
    import pty

    for i in range(2):
        (tmp_path / f"{i}.txt").write_bytes(SEED.read_bytes())
    master, slave = pty.openpty()
    out = subprocess.run(
        [sys.executable, "-m", "reader", "summarize", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=ENV,
        cwd=REPO,
        timeout=120,
    )
    os.close(slave)
    os.set_blocking(master, False)
    try:
        seen = os.read(master, 4096)
    except OSError:  # nothing written: EAGAIN, or EIO once the other side closed
        seen = b""
    os.close(master)
    assert out.returncode == 0 and seen == b""


def test_stdin_from_a_terminal_says_how_to_end_it():
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "outline", "-"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=REPO,
    )
    os.close(slave)
    time.sleep(1.0)
    os.write(master, b"Title\n\nSome words.\n\x04")
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert err.decode().startswith("reader: reading standard input from the terminal; end it with Ctrl-D")
    assert out.decode().startswith("# Title")


# Worker processes.


def test_workers_are_capped_at_documents_and_cpus():
    from reader.commands.summarize import worker_count

    assert worker_count(16, 1) == 1
    assert worker_count(16, 100) <= (os.cpu_count() or 1)
    assert worker_count(1, 100) == 1


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _slow_folder(folder: Path) -> None:
    words = "alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega river stone cloud".split()
    sentences = [
        f"The {words[i % 14]} met the {words[(i * 7) % 14]} near {words[(i * 3) % 14]} {i}." for i in range(6000)
    ]
    for n in range(6):
        (folder / f"{n}.txt").write_text("\n\n".join(" ".join(sentences[j : j + 5]) for j in range(0, 6000, 5)))


def test_sigterm_without_workers_is_exit_143(tmp_path):
    _slow_folder(tmp_path)
    for n in range(6, 60):  # enough documents that the run is still going after the first one is out
        (tmp_path / f"{n}.txt").write_bytes((tmp_path / "0.txt").read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "summarize", str(tmp_path), "--algorithm", "lexrank"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=REPO,
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # the first document is out: the next ones are inside the guarded analysis
    proc.terminate()
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == 143 and err == b""


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_every_worker(tmp_path, signum, code):
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one CPU: no workers are started")
    _slow_folder(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "summarize", str(tmp_path), "--jobs", "2", "--algorithm", "lexrank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=REPO,
        start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.05)
    assert workers, "no worker started"
    # Ctrl-C reaches the whole process group; SIGTERM (kill PID) only the parent.
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == code
    assert b"Traceback" not in err and len(err.splitlines()) <= 1
    deadline = time.monotonic() + 5
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(workers)


def test_summarize_failures_take_the_one_error_path(tmp_path, monkeypatch, capsys):
    import reader.summarize
    from reader.commands import summarize

    (tmp_path / "a.txt").write_text("Alpha\n\nSome words here. More words there.")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader.summarize, "summarize", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    args = summarize.make_parser("reader summarize").parse_args([str(tmp_path)])
    assert summarize.run(args) == 1
    expected = f"reader: {tmp_path / 'a.txt'}: cannot summarize: RuntimeError: boom (READER_DEBUG=1 shows where)\n"
    assert capsys.readouterr().err == expected
    monkeypatch.setenv("READER_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        summarize.run(args)


def test_a_failed_fork_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    import errno

    from reader.commands import summarize

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Title {i}\n\nSome words here. More words there.")

    def no_fork() -> int:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(summarize, "worker_count", lambda jobs, documents: 2)
    monkeypatch.setattr(os, "fork", no_fork)
    args = summarize.make_parser("reader summarize").parse_args([str(tmp_path), "--jobs", "2"])
    assert summarize.run(args) == 1
    assert capsys.readouterr().err == "reader: cannot start 2 worker processes: resource temporarily unavailable\n"


def test_a_latin1_locale_shows_what_it_cannot_encode_as_question_marks(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Title\n\nShe said “no” to the 東京 plan. It was \x1b[31m red.\n")
    out = reader("summarize", str(path), env={"PYTHONIOENCODING": "latin-1"})
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    assert b"She said ?no? to the ?? plan." in out.stdout


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs a non-root user")
def test_a_process_limit_is_one_line_and_nothing_hangs():
    """`--jobs` under a process limit of one (ourselves): no fork can succeed; as root limits do not apply."""
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one CPU: no workers are started")
    top = tempfile.mkdtemp()
    try:
        os.chmod(top, 0o755)
        for i in range(3):
            (Path(top) / f"{i}.txt").write_bytes(SEED.read_bytes())
        script = (
            "import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_NPROC, (1, 1))\n"
            "from reader.cli import main\n"
            f"sys.exit(main(['summarize', {top!r}, '--jobs', '500']))\n"
        )
        command = [sys.executable, "-c", script]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env = {**ENV, "PYTHONPATH": str(REPO), "HOME": top, "OPENBLAS_NUM_THREADS": "1"}
        out = subprocess.run(command, capture_output=True, env=env, cwd=top, timeout=120)
    finally:
        shutil.rmtree(top)
    assert out.returncode == 1
    (line,) = error_lines(out)
    assert line.startswith("reader: cannot start 2 worker processes: ")


@given(st.binary(max_size=60))
def test_any_file_name_is_shown_on_one_safe_line(raw):
    from reader.render import LINE_PICTURES, display

    shown = display(os.fsdecode(raw))
    assert not any(ord(c) in LINE_PICTURES for c in shown)
    shown.encode("utf-8")  # no lone surrogates left to fail the output stream
    assert len(shown) == len(os.fsdecode(raw))
