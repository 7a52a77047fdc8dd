"""Summaries of reference pages: a module page opens with its description, even when that names the
module in code; an option's text ranks below the page's description prose."""

from __future__ import annotations

from reader.analysis import analyze
from reader.load import document_from_bytes

MODULE = (
    "# Widgets\n\n"
    "> Stability: 2 - Stable\n\n"
    "This module, holding both a widget store and a widget painter, can be imported via "
    "`require('node:widgets')` or `import * as widgets from 'node:widgets'`.\n\n"
    + "".join(
        f"## `widgets.paint{n}(widget[, options])`\n\n"
        f"* `widget` {{Widget}} The widget to paint.\n"
        f"* `options` {{Object}} Settings of the painter.\n\n"
        f"Paints the widget with the colour number {n} of the current palette and returns it to the caller "
        f"after the paint has dried on every side of it.\n\n"
        f"```js\nwidgets.paint{n}(w, {{ colour: {n} }});\n```\n\n"
        for n in range(12)
    )
)


def summary(name: str, source: str, n: int) -> list[str]:
    a = analyze(document_from_bytes(name, source.encode()), participants=False, length={"sentences": n})
    return [a.sentence_text(r.sentence) for r in a.summary.ranking[:n]] if a.summary else []


def test_a_module_page_opens_with_its_description_even_when_it_names_the_module_in_code():
    top = summary("widgets.md", MODULE, 3)
    assert top[0].startswith("This module, holding both a widget store"), top


PAGE = (
    ".TH FROB 1\n.SH NAME\nfrob \\- turn the knobs of files\n.SH DESCRIPTION\n"
    "Frob turns the knobs of each file to the setting given on the command line.\n"
    ".PP\nFrob keeps a journal of every knob it turned, so that a later run can undo the turns.\n"
    ".PP\nThe knobs of a file are read from its header and written back in the same order.\n"
    ".SH OPTIONS\n"
    + "".join(
        f".TP\n\\fB\\-{c}\\fR, \\fB\\-\\-{word}\\fR\n"
        f"turn the {word} knobs of the file, even the knobs that another run of frob turned before this one\n"
        for c, word in zip(
            "abcdefghij", ["red", "blue", "green", "small", "large", "round", "square", "old", "new", "tall"]
        )
    )
)


def test_option_texts_rank_below_description_prose():
    top = summary("frob.1", PAGE, 4)
    assert sum(s.startswith(("Frob turns", "Frob keeps", "The knobs of a file")) for s in top) == 3, top
    assert top.index(next(s for s in top if s.startswith("Frob keeps"))) < 3
    assert not any(s.startswith("turn the") for s in top[:3]), top
