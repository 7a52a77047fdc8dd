"""Jupyter notebooks (``.ipynb``, nbformat 4 and 3) from their JSON.

Cells are read in order: Markdown cells through the Markdown reader (their blocks are the only
prose, so summaries and participants never come from code or outputs), code cells as preformatted
blocks in the kernel's language, outputs as preformatted text (long ones cut, with a note), errors
as one ``Name: message`` line, images as image blocks. Escape sequences in outputs (coloured
tracebacks, progress bars) are removed: document text never reaches the terminal as escapes.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder, inline
from reader.model import Block, Document

MAX_OUTPUT_LINES = 40  # a longer output keeps its first KEEP_LINES lines and a note of the rest
KEEP_LINES = 30
MAX_OUTPUT_CHARS = 20_000
# nbformat 3 kept an output's MIME types as short keys.
V3_KEYS = {"text": "text/plain", "html": "text/html", "png": "image/png", "jpeg": "image/jpeg"}
V3_KEYS |= {"svg": "image/svg+xml", "latex": "text/latex", "markdown": "text/markdown"}
V3_OUTPUTS = {"pyout": "execute_result", "pyerr": "error"}
# A cell magic names the cell's language, whatever the kernel's.
CELL_MAGICS = {"bash": "bash", "sh": "sh", "html": "html", "javascript": "javascript", "js": "javascript"}
CELL_MAGICS |= {"latex": "latex", "markdown": "markdown", "sql": "sql", "r": "r", "ruby": "ruby", "perl": "perl"}
CELL_MAGICS |= {"python": "python", "python3": "python", "writefile": "text", "svg": "xml", "julia": "julia"}

BLOCK_EXTRAS = tuple(f.name for f in fields(Block) if f.name not in ("kind", "start", "end", "level"))
# "<IPython.core.display.HTML object>": a result's text that only stands in for its HTML.
_PLACEHOLDER = re.compile(r"<[^<>\n]*(?: object| at 0x[0-9a-fA-F]+)>$")
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BACKSPACED = re.compile(r"[^\x08\n]\x08")


def read(source: str, data: bytes, limit: int) -> Document:
    notebook = _load(data)
    cells, language = _cells(notebook)
    builder = Builder()
    for cell in cells:
        if isinstance(cell, dict):
            _cell(builder, cell, language)
    metadata = _metadata(notebook.get("metadata"))
    if "title" not in metadata:
        first = next((b for b in builder.blocks if b.kind == "heading"), None)
        if first is not None:
            metadata["title"] = builder.text()[first.start : first.end]
    return builder.document(source, "notebook", metadata)


def _load(data: bytes) -> dict[str, Any]:
    try:
        notebook = json.loads(data)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not a readable notebook (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else "not UTF-8 JSON"
        raise FormatError(f"not a readable notebook ({reason})") from None
    if not isinstance(notebook, dict):
        raise FormatError("not a readable notebook (JSON without cells: not a Jupyter notebook)")
    if "cells" not in notebook and "worksheets" not in notebook and "nbformat" in notebook:
        return {**notebook, "cells": []}  # nbformat 3 may leave out an empty notebook's worksheets
    if not isinstance(notebook.get("cells", notebook.get("worksheets")), list):
        raise FormatError("not a readable notebook (JSON without cells: not a Jupyter notebook)")
    return notebook


def _cells(notebook: dict[str, Any]) -> tuple[list[Any], str | None]:
    """The cells in order (nbformat 3 kept them in worksheets) and the kernel's language."""
    meta = notebook.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    language = _dig(meta, "kernelspec", "language") or _dig(meta, "language_info", "name") or meta.get("language")
    if "cells" in notebook:
        return notebook["cells"], _language(language)
    cells: list[Any] = []
    for sheet in notebook["worksheets"]:
        if isinstance(sheet, dict) and isinstance(sheet.get("cells"), list):
            cells.extend(sheet["cells"])
    return cells, _language(language)


def _dig(meta: dict[str, Any], key: str, inner: str) -> str | None:
    value = meta.get(key)
    found = value.get(inner) if isinstance(value, dict) else None
    return found if isinstance(found, str) and found.strip() else None


def _language(name: Any) -> str | None:
    """A lexer name from what the notebook declares: "C++14" is C++, "Python 3" is Python."""
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip().lower()
    if re.fullmatch(r"c\+\+\d*", name):
        return "c++"
    return re.sub(r"\s*\d+$", "", name) or None


def _text(value: Any) -> str:
    """A notebook string: one string, or a list of strings (lines) to join."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(v for v in value if isinstance(v, str))
    return ""


def clean(text: str) -> str:
    """Text as a terminal would show it, without escapes: colours dropped, a line rewritten after
    a carriage return (progress bars) shows its last state, a backspace erases."""
    text = _ESCAPES.sub("", text)
    if "\r" in text:
        text = "\n".join(_last_state(line) for line in text.replace("\r\n", "\n").split("\n"))
    while "\x08" in text:
        erased = _BACKSPACED.sub("", text)
        if erased == text:
            break
        text = erased
    return _CONTROLS.sub("", text)


def _last_state(line: str) -> str:
    line = line.rstrip("\r")
    return line.rsplit("\r", 1)[-1]


def _cell(builder: Builder, cell: dict[str, Any], language: str | None) -> None:
    kind = cell.get("cell_type")
    if kind == "markdown":
        add_markdown(builder, clean(_text(cell.get("source"))))
    elif kind == "heading":  # nbformat 3
        level = cell.get("level")
        level = min(max(level, 1), 6) if isinstance(level, int) else 1
        builder.add("heading", inline(clean(_text(cell.get("source")))), level)
    elif kind == "code":
        source = clean(_text(cell.get("source", cell.get("input"))))
        builder.add("preformatted", source, language=_cell_language(source, cell, language))
        outputs = cell.get("outputs")
        for output in outputs if isinstance(outputs, list) else []:
            if isinstance(output, dict):
                first = len(builder.blocks)
                _output(builder, output)
                # Outputs say so (pygments' name for program output), for the view to set them apart from code.
                builder.blocks[first:] = [
                    replace(b, language="output") if b.kind == "preformatted" else b for b in builder.blocks[first:]
                ]
    elif kind == "raw":
        builder.add("preformatted", clean(_text(cell.get("source"))))


def _cell_language(source: str, cell: dict[str, Any], language: str | None) -> str | None:
    found = re.match(r"\s*%%(\w+)", source)
    if found and found.group(1).lower() in CELL_MAGICS:
        return CELL_MAGICS[found.group(1).lower()]
    own = cell.get("language")  # nbformat 3 named it per cell
    return _language(own) or language


def add_markdown(builder: Builder, source: str) -> None:
    """A Markdown cell's blocks, with their links, emphasis and heading anchors, into ``builder``."""
    if not source.strip():
        return
    from reader.formats import markdown

    cell = markdown.parse(Document("cell", source))
    starts: dict[int, list[str]] = {}
    for ident, offset in cell.anchors.items():
        starts.setdefault(offset, []).append(ident)
    for block in cell.blocks:
        text = cell.text[block.start : block.end]
        builder.pending_ids.extend(starts.get(block.start, []))
        if block.kind == "heading":
            builder.pending_ids.append(text.replace(" ", "-"))  # Jupyter's own heading anchors
        for link in cell.links:
            if block.start <= link.start < link.end <= block.end:
                builder.link(link.start - block.start, cell.text[link.start : link.end], link.url)
        for mark in cell.emphasis:
            if block.start <= mark.start < mark.end <= block.end:
                builder.emphasize(mark.start - block.start, mark.end - mark.start, mark.kind)
        extra = {k: getattr(block, k) for k in BLOCK_EXTRAS if getattr(block, k) is not None}
        builder.add(block.kind, text, block.level, **extra)


def _output(builder: Builder, output: dict[str, Any]) -> None:
    kind = output.get("output_type")
    kind = V3_OUTPUTS.get(kind, kind) if isinstance(kind, str) else None
    if kind == "stream":
        builder.add("preformatted", cut(clean(_text(output.get("text")))))
    elif kind == "error":
        builder.add("preformatted", error_line(output))
    elif kind in ("execute_result", "display_data"):
        data = output.get("data")
        if not isinstance(data, dict):  # nbformat 3 put the types on the output itself
            data = {V3_KEYS[k]: v for k, v in output.items() if k in V3_KEYS}
        _rich_output(builder, data)


def error_line(output: dict[str, Any]) -> str:
    """``NameError: name 'x' is not defined``: the traceback is the kernel's colours and frames."""
    name = inline(clean(_text(output.get("ename")))) or "Error"
    lines = [line.strip() for line in clean(_text(output.get("evalue"))).splitlines() if line.strip()]
    message = lines[0] if lines else ""
    if len(message) > 200:
        message = message[:199] + "…"
    return f"{name}: {message}" if message else name


def _rich_output(builder: Builder, data: dict[str, Any]) -> None:
    """What a front end shows of a result: an image, else its text, else its HTML, else its source."""
    image = next((m for m in data if isinstance(m, str) and m.startswith("image/")), None)
    if image is not None:
        builder.add("image", image.split("/", 1)[1].split("+", 1)[0])
        return
    plain = clean(_text(data.get("text/plain")))
    richer = any(_text(data.get(m)).strip() for m in ("text/html", "text/markdown", "text/latex"))
    if plain.strip() and not (richer and _PLACEHOLDER.match(plain.strip())):
        builder.add("preformatted", cut(plain))
        return
    html = _text(data.get("text/html"))
    if html.strip():
        add_html(builder, html)
        return
    for other in ("text/markdown", "text/latex"):
        if _text(data.get(other)).strip():
            builder.add("preformatted", cut(clean(_text(data.get(other)))))
            return


def add_html(builder: Builder, html: str) -> None:
    """An HTML output (a data frame, a rendered object): its tables as tables, the rest as output text."""
    from lxml import etree
    from lxml import html as lxml_html

    from reader.formats.htmlbody import walk_body

    try:
        root = lxml_html.fragment_fromstring(clean(html), create_parent="div")
    except (etree.ParserError, ValueError):
        return
    inner = Builder()
    walk_body(root, inner)
    text = inner.text()
    pending: list[str] = []
    for block in inner.blocks:
        if block.kind in ("table", "image"):
            builder.add("preformatted", cut("\n".join(pending)))
            pending = []
            builder.add(block.kind, text[block.start : block.end], header=block.header)
        else:
            pending.append(text[block.start : block.end])
    builder.add("preformatted", cut("\n".join(pending)))


def cut(text: str) -> str:
    """A long output's first lines and a note of how many more there are."""
    lines = text.strip("\n").rstrip().split("\n")
    kept = lines if len(lines) <= MAX_OUTPUT_LINES else lines[:KEEP_LINES]
    size = 0
    for n, line in enumerate(kept):
        size += len(line) + 1
        if size > MAX_OUTPUT_CHARS:
            kept = kept[: max(n, 1)]
            kept[-1] = kept[-1][:MAX_OUTPUT_CHARS]
            break
    if len(kept) == len(lines) and size <= MAX_OUTPUT_CHARS:
        return "\n".join(lines)
    more = len(lines) - len(kept)
    note = f"[… {more} more line{'s' if more != 1 else ''} of output]" if more else "[… output cut]"
    return "\n".join([*kept, note])


def _metadata(meta: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(meta, dict):
        return out
    title = meta.get("title", meta.get("name"))  # nbformat 3 kept the notebook's name
    if isinstance(title, str) and title.strip():
        out["title"] = inline(clean(title))
    authors = meta.get("authors")
    if isinstance(authors, list):
        names = [a.get("name") for a in authors if isinstance(a, dict)]
        out["author"] = ", ".join(inline(clean(n)) for n in names if isinstance(n, str) and n.strip())
    elif isinstance(meta.get("author"), str):
        out["author"] = inline(clean(meta["author"]))
    return out
