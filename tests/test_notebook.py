"""Jupyter notebooks: cells in order, Markdown as prose, code and outputs as preformatted blocks.

Every notebook here is written in the test (nbformat 4 and 3 JSON, our own words).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format
from reader.formats.notebook import clean, cut
from reader.load import LoadError, document_from_bytes
from reader.model import NON_PROSE, Analysis, Document

ESC = "\x1b"


def md(*lines: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": [line + "\n" for line in lines]}


def code(source: str, *outputs: dict) -> dict:
    return {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": list(outputs), "source": source}


def notebook(*cells: dict, language: str = "python", **meta: object) -> bytes:
    metadata = {"kernelspec": {"name": "k", "display_name": "K", "language": language}, **meta}
    return json.dumps({"cells": list(cells), "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}).encode()


def stream(text: str, name: str = "stdout") -> dict:
    return {"output_type": "stream", "name": name, "text": text}


def result(data: dict) -> dict:
    return {"output_type": "execute_result", "execution_count": 1, "data": data, "metadata": {}}


HARBOUR = notebook(
    md("# Harbour traffic", "", "The harbour office counts ships every morning. Mara Lindqvist keeps the log."),
    md(
        "## Counting",
        "",
        "- arrivals by day",
        "- departures by day",
        "",
        "| port | ships |",
        "|---|---|",
        "| Oslo | 4 |",
    ),
    code("ships = load('harbour.csv')\nships.groupby('day').size()", result({"text/plain": "day\nmon    4\ntue    7"})),
    md("The counts rise on Tuesdays, when the ferries from the islands call at the harbour."),
)


def read(data: bytes, name: str = "harbour.ipynb") -> Document:
    return document_from_bytes(name, data)


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_cells_in_order_markdown_as_blocks_code_with_language_and_outputs():
    doc = read(HARBOUR)
    assert doc.format == "notebook"
    assert blocks(doc) == [
        ("heading", "Harbour traffic"),
        ("paragraph", "The harbour office counts ships every morning. Mara Lindqvist keeps the log."),
        ("heading", "Counting"),
        ("list_item", "arrivals by day"),
        ("list_item", "departures by day"),
        ("table", "port | ships\nOslo | 4"),
        ("preformatted", "ships = load('harbour.csv')\nships.groupby('day').size()"),
        ("preformatted", "day\nmon    4\ntue    7"),
        ("paragraph", "The counts rise on Tuesdays, when the ferries from the islands call at the harbour."),
    ]
    kinds = {b.kind: b for b in doc.blocks}
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2]
    assert kinds["table"].header == 1 and kinds["list_item"].depth == 1
    code_block, output_block = [b for b in doc.blocks if b.kind == "preformatted"]
    assert code_block.language == "python" and output_block.language == "output"  # for the view to dim it
    assert doc.metadata["title"] == "Harbour traffic"


def test_title_from_metadata_before_the_first_heading_and_authors():
    data = notebook(md("## Notes", "", "Text."), title="Tide tables", authors=[{"name": "Ada Moss"}])
    doc = read(data)
    assert doc.metadata == {"title": "Tide tables", "author": "Ada Moss"}


def test_source_as_a_string_or_a_list_of_lines_reads_the_same():
    as_list = notebook(md("# Title", "", "One line.", "Two lines."), code("x = 1\ny = 2"))
    as_string = notebook(
        {"cell_type": "markdown", "metadata": {}, "source": "# Title\n\nOne line.\nTwo lines.\n"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["x = 1\n", "y = 2"]},
    )
    assert read(as_list).text == read(as_string).text
    assert read(as_list).blocks == read(as_string).blocks


def test_language_from_language_info_and_cell_magics():
    data = json.dumps(
        {
            "cells": [code("%%bash\nls -l"), code("fn main() {}")],
            "metadata": {"language_info": {"name": "rust"}},
            "nbformat": 4,
            "nbformat_minor": 2,
        }
    ).encode()
    assert [b.language for b in read(data).blocks] == ["bash", "rust"]
    assert read(notebook(code("int x;"), language="C++14")).blocks[0].language == "c++"


def test_summary_and_participants_come_from_markdown_prose_only():
    doc = read(HARBOUR)
    a = analyze(doc)
    prose = [(b.start, b.end) for b in doc.blocks if b.kind not in NON_PROSE]
    assert a.sentences and all(any(s <= x.start and x.end <= e for s, e in prose) for x in a.sentences)
    assert a.summary is not None and a.summary.selected
    code_spans = [(b.start, b.end) for b in doc.blocks if b.kind in NON_PROSE]
    for p in a.participants:
        for m in p.mentions:
            assert not any(s <= m.start < e for s, e in code_spans), p.name
    check_contract(json.loads(json.dumps(a.to_json())))


def test_error_output_is_one_line_without_the_coloured_traceback():
    error = {
        "output_type": "error",
        "ename": "KeyError",
        "evalue": "'harbour'",
        "traceback": [f"{ESC}[0;31m-----------{ESC}[0m", f"{ESC}[0;31mKeyError{ESC}[0m: 'harbour'"],
    }
    doc = read(notebook(code("d['harbour']", error)))
    assert blocks(doc)[-1] == ("preformatted", "KeyError: 'harbour'")
    assert ESC not in doc.text and "-----------" not in doc.text


def test_stream_escapes_and_progress_bars_are_cleaned():
    out = stream(f"{ESC}[32mok{ESC}[0m\n 10%|#   |\r 50%|##  |\r100%|####|\ndone\n")
    doc = read(notebook(code("run()", out)))
    assert blocks(doc)[-1] == ("preformatted", "ok\n100%|####|\ndone")


def test_long_output_is_cut_with_a_note_of_the_lines_left_out():
    lines = "\n".join(f"row {n}" for n in range(500))
    doc = read(notebook(code("show()", stream(lines))))
    shown = blocks(doc)[-1][1].split("\n")
    assert shown[0] == "row 0" and shown[-2] == "row 29" and shown[-1] == "[… 470 more lines of output]"
    assert cut("a\nb") == "a\nb"


def test_images_are_image_blocks_and_their_text_stand_in_is_not_shown():
    fig = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0K", "text/plain": "<Figure>"}}
    doc = read(notebook(code("plot()", fig)))
    assert blocks(doc)[-1] == ("image", "png")
    assert "<Figure>" not in doc.text and "iVBORw0K" not in doc.text


def test_html_output_only_when_there_is_no_text():
    both = result({"text/html": "<b>bold</b>", "text/plain": "plain view"})
    table = result({"text/html": "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"})
    doc = read(notebook(code("df", both), code("df2", table)))
    assert ("preformatted", "plain view") in blocks(doc) and "bold" not in doc.text
    assert blocks(doc)[-1] == ("table", "a | b\n1 | 2")


def test_a_text_that_only_stands_in_for_html_gives_way_to_the_html():
    stand_in = result({"text/html": "<p>Tide <b>high</b></p>", "text/plain": "<IPython.core.display.HTML object>"})
    alone = result({"text/plain": "<matplotlib.axes.Axes at 0x7f3a>"})
    doc = read(notebook(code("show()", stand_in), code("ax", alone)))
    assert [t for k, t in blocks(doc) if k == "preformatted"][1:] == [
        "Tide high",
        "ax",
        "<matplotlib.axes.Axes at 0x7f3a>",
    ]


def test_nbformat_3_worksheets_headings_and_outputs():
    v3 = {
        "metadata": {"name": "Old notebook"},
        "nbformat": 3,
        "nbformat_minor": 0,
        "worksheets": [
            {
                "cells": [
                    {"cell_type": "heading", "level": 1, "metadata": {}, "source": ["Lighthouse logs"]},
                    {"cell_type": "markdown", "metadata": {}, "source": ["The keeper wrote every night."]},
                    {
                        "cell_type": "code",
                        "language": "python",
                        "input": ["print(1)"],
                        "outputs": [
                            {"output_type": "stream", "stream": "stdout", "text": ["1\n"]},
                            {"output_type": "pyout", "text": ["2"], "metadata": {}},
                            {"output_type": "pyerr", "ename": "ValueError", "evalue": "bad", "traceback": []},
                        ],
                    },
                ]
            }
        ],
    }
    doc = read(json.dumps(v3).encode())
    assert blocks(doc) == [
        ("heading", "Lighthouse logs"),
        ("paragraph", "The keeper wrote every night."),
        ("preformatted", "print(1)"),
        ("preformatted", "1"),
        ("preformatted", "2"),
        ("preformatted", "ValueError: bad"),
    ]
    assert doc.metadata["title"] == "Old notebook"


def test_a_notebook_with_no_worksheets_is_an_empty_document():
    doc = read(b'{"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0}')
    assert doc.format == "notebook" and not doc.blocks and "empty document" in doc.notes


def test_a_notebook_on_standard_input_is_detected_by_its_content():
    assert detect_format("-", HARBOUR) == "notebook"
    assert detect_format("data.json", b'{"rows": [1, 2]}') != "notebook"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b'{"cells": [', "invalid JSON"),
        (b"[1, 2]", "without cells"),
        (b'{"cells": 3}', "without cells"),
        (b"\xff\xfe\x00garbage", "not a readable notebook"),
    ],
)
def test_bad_notebooks_are_one_error(data: bytes, reason: str):
    with pytest.raises(LoadError, match="not a readable notebook") as found:
        read(data)
    assert reason in str(found.value)


def test_cli_says_one_line_for_a_broken_notebook(tmp_path):
    path = tmp_path / "broken.ipynb"
    path.write_bytes(b'{"cells": [{"cell_type": "markdown", "source": ')
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(path)], capture_output=True, cwd=REPO, env=env, timeout=120
    )
    assert run.returncode == 1
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reader: {path}: not a readable notebook (invalid JSON")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_cleaned_output_has_no_control_characters_but_lines_and_tabs(text: str):
    out = clean(text)
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 127 <= ord(ch) < 160) for ch in out)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=6))
def test_any_cell_sources_keep_the_contract(sources: list[str]):
    cells = [md(s) if i % 2 else code(s, stream(s)) for i, s in enumerate(sources)]
    a: Analysis = analyze(read(notebook(*cells)))
    check_contract(json.loads(json.dumps(a.to_json())))
    assert ESC not in a.text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 9) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(["cell_type", "source", "outputs", "output_type", "data", "text", "ename", "level", "input"])
CELL = st.dictionaries(KEYS, JSON | st.sampled_from(["markdown", "code", "heading", "raw", "stream", "error"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(CELL, max_size=5), JSON)
def test_any_odd_notebook_json_is_a_document_or_one_error(cells: list, meta: object):
    data = json.dumps({"cells": cells, "metadata": meta, "nbformat": 4}).encode()
    try:
        doc = read(data)
    except LoadError as exc:
        assert "not a readable notebook" in str(exc)
    else:
        assert all(0 <= b.start < b.end <= len(doc.text) for b in doc.blocks)
