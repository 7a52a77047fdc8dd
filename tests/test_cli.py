"""The command line as a user meets it: exit codes, one-line errors, plain output in pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO, SEED

from reader.load import FOLDER_EMPTY

ENV = {**os.environ, "NO_COLOR": "", "PYTHONIOENCODING": "utf-8"}


def reader(*args: str, stdin: bytes | None = None, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, cwd=cwd, env=ENV, timeout=120
    )


def test_analyze_json_follows_the_contract():
    out = reader("analyze", str(SEED), "--format", "json", "--no-summary", "--no-participants")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["schema"] == 2 and doc["title"].startswith("The UN focuses")
    assert doc["text"] == SEED.read_text(encoding="utf-8")
    for key in ("sections", "paragraphs", "sentences"):
        for span in doc[key]:
            assert 0 <= span["start"] <= span["end"] <= len(doc["text"])
    first = doc["sentences"][0]
    assert doc["text"][first["start"] : first["end"]].startswith("On 25 September")


def test_no_path_means_the_bundled_seeds_even_from_another_folder(tmp_path):
    out = reader("analyze", "--format", "json", "--no-summary", "--no-participants", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["source"] == "seeds/000_49030be50a1044d2.txt"


def test_several_documents_are_json_lines_in_path_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second title\n\nThe second text.")
    (tmp_path / "a.txt").write_text("First title\n\nThe first text.")
    out = reader("outline", str(tmp_path), "--format", "json")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["First title", "Second title"]


def test_stdin_dash():
    out = reader("outline", "-", stdin=SEED.read_bytes())
    assert out.returncode == 0
    assert out.stdout.decode().startswith("# The UN focuses on the experience of Central Asian countries\n")


def test_outline_is_plain_text_in_a_pipe():
    out = reader("outline", str(SEED))
    text = out.stdout.decode()
    assert "\x1b" not in text
    assert "~ " in text and "[Source] (0 sentences)" in text


def test_missing_path_one_line_error_exit_1():
    out = reader("outline", "/no/such/file.txt")
    assert out.returncode == 1
    assert out.stderr.decode() == "reader: /no/such/file.txt: no such file or directory\n"


def test_binary_file_error(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x7fELF\x00\x00\x01")
    out = reader("analyze", str(path))
    assert out.returncode == 1 and b"Traceback" not in out.stderr
    assert out.stderr.decode().startswith(f"reader: {path}: is a binary file")


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads everything; nothing to check then
        return
    out = reader("outline", str(path))
    assert out.returncode == 1 and b"permission denied" in out.stderr


def test_folder_without_text_files(tmp_path):
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    out = reader("outline", str(tmp_path))
    assert out.returncode == 1
    assert out.stderr.decode().strip() == f"reader: {tmp_path}: {FOLDER_EMPTY}"


def test_bad_file_in_folder_is_skipped_and_exit_1(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha\n\nFirst text.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00")
    (tmp_path / "c.txt").write_text("Gamma\n\nThird text.")
    out = reader("outline", str(tmp_path))
    assert out.returncode == 1
    assert "# Alpha" in out.stdout.decode() and "# Gamma" in out.stdout.decode()
    assert "b.txt: is a binary file" in out.stderr.decode()


def test_empty_file_is_a_note_and_exit_0(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    out = reader("outline", str(tmp_path / "e.txt"))
    assert out.returncode == 0
    assert out.stderr.decode() == f"reader: {tmp_path / 'e.txt'}: note: empty document\n"


def test_over_the_limit_the_leading_part_is_analyzed_with_a_note(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "A sentence of plain words here. " * 2000)
    out = subprocess.run(
        [sys.executable, "-m", "reader", "outline", str(path)],
        capture_output=True,
        env={**ENV, "READER_MAX_MB": "0.01"},
        timeout=120,
    )
    assert out.returncode == 0 and out.stdout.decode().startswith("# Title")
    assert out.stderr.decode() == (
        f"reader: {path}: note: only the first 0.01 MB of 0.061 MB read: "
        "over the 0.01 MB limit (READER_MAX_MB=N raises it)\n"
    )


def test_wrong_usage_exit_2():
    out = reader("outline", "--format", "yaml")
    assert out.returncode == 2 and b"invalid choice" in out.stderr


def test_escape_sequences_in_a_document_never_reach_the_terminal(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text("Title \x1b[31mred\x1b[0m\n\nBody with [bold]markup[/bold] and \x1b]0;owned\x07 stuff.")
    out = reader("analyze", str(path), "--no-summary", "--no-participants")
    text = out.stdout.decode()
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[31mred" in text


def test_version_and_help():
    assert reader("--version").stdout.decode().startswith("reader ")
    help_text = reader("--help").stdout.decode()
    assert "outline" in help_text and "analyze" in help_text and "examples:" in help_text


def test_a_failure_inside_the_analysis_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    import reader.analysis
    from reader.commands import common

    (tmp_path / "a.txt").write_text("Alpha\n\nFirst text.")
    (tmp_path / "b.txt").write_text("Beta\n\nSecond text.")
    real = reader.analysis.analyze

    def flaky(document, **options):
        if document.source.endswith("a.txt"):
            raise RuntimeError("boom")
        return real(document, **options)

    monkeypatch.setattr(reader.analysis, "analyze", flaky)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    seen = []
    code = common.for_each_analysis([str(tmp_path)], lambda a, i: seen.append(a.title), summary=False)
    err = capsys.readouterr().err
    assert code == 1 and seen == ["Beta"]
    assert err == f"reader: {tmp_path / 'a.txt'}: cannot analyze: RuntimeError: boom (READER_DEBUG=1 shows where)\n"


def test_styled_output_keeps_markup_as_text_and_indents_wrapped_lines(monkeypatch):
    import io

    from rich.console import Console

    from reader.commands import common

    out = common.Output("text")
    buffer = io.StringIO()
    out.console = Console(file=buffer, width=20, force_terminal=True, color_system=None, highlight=False)
    out.line(("[bold]title[/bold]", "bold"), " and more words to wrap", indent=2)
    lines = buffer.getvalue().splitlines()
    assert lines[0] == "  [bold]title[/bold]" and len(lines) > 1
    assert all(line.startswith("  ") for line in lines)


def test_plain_output_joins_pieces_and_drops_styles(capsys):
    from reader.commands import common

    common.Output("text").line(("Name", "bold red"), (" (3)", "dim"), " - role", indent=2)
    assert capsys.readouterr().out == "  Name (3) - role\n"
