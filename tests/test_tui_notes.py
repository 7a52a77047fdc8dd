"""Footnote marks in the reading view: raised and dimmed, not body text; the notes themselves as prose."""

from __future__ import annotations

import pytest
from conftest import settle
from test_tui import shown, sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.decor import Decor  # noqa: E402
from reader.tui.layout import CODE, PROSE  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

MARKDOWN = """\
# River notes

The river rises in spring.[^1] It floods the low fields twice a year.[^flood]

```python
first = values[1]
```

[^1]: Usually in April, after the snow melts in the hills.
[^flood]: See the town records for the years of the great floods.
"""

HTML = """\
<!doctype html><html><head><title>River notes</title></head><body><article>
<h1>River notes</h1>
<p>The river rises in spring.<sup><a href="#fn1" id="r1">1</a></sup> It floods the low fields twice
a year.<sup><a href="#fn2" id="r2">[2]</a></sup> The mill stands by the <a href="#mill">old bridge</a>
and has stood there for two hundred years, grinding the grain of the valley farms.</p>
<p id="mill">The mill was built of stone from the quarry up the hill, and its wheel still turns.</p>
<ol><li id="fn1">Usually in April.</li><li id="fn2">See the town records.</li></ol>
</article></body></html>
"""

PLAIN = (
    "The river rises in spring.[1] It floods the low fields twice a year, and the farmers\n"
    "move their sheep to the hills before the water comes.[A]\n\n"
    "[1] Usually in April, after the snow melts in the hills.\n\n"
    "[A] See the town records.\n"
)


def app_for(name: str, source: str):
    doc = document_from_bytes(name, source.encode("utf-8"))
    return ReaderApp([doc], analyzer=analyze_document), doc


def line_with(view, words: str):
    for y in range(view.size.height):
        strip = view.render_line(y)
        if words in strip.text:
            return strip
    raise AssertionError(f"no line holds {words!r}")


def style_at(strip, column: int):
    pos = 0
    for segment in strip:
        if pos <= column < pos + len(segment.text):
            return segment.style
        pos += len(segment.text)
    return None


@pytest.mark.parametrize(
    ("name", "source", "marked", "note"),
    [
        ("notes.md", MARKDOWN, ["spring.⁽¹⁾", "year.⁽²⁾"], "Usually in April"),
        ("notes.html", HTML, ["spring.¹", "year.⁽²⁾"], "Usually in April."),
        ("notes.txt", PLAIN, ["spring.⁽¹⁾", "comes.⁽A⁾"], "[1] Usually in April"),
    ],
)
def test_footnote_marks_are_raised_and_dim_and_the_notes_read_as_text(name, source, marked, note):
    @sync
    async def run():
        app, doc = app_for(name, source)
        async with app.run_test(size=(90, 30)) as pilot:
            await settle(pilot)
            view = pilot.app.screen.reading
            page = shown(pilot.app.screen)
            for mark in marked:
                assert mark in page, page
                strip = line_with(view, mark)
                column = strip.text.index(mark) + mark.index(".") + 1
                style = style_at(strip, column)
                assert style is not None and style.dim and not style.underline
            assert note in page  # the note itself, as written
            words = line_with(view, "The river rises")
            assert not style_at(words, words.text.index("river")).dim  # the body text is not dimmed
            await pilot.press("slash", *"spring", "enter")  # search still lands on the text's letters
            assert doc.text[slice(*pilot.app.screen.current)] == "spring"

    run()


def test_footnote_marks_only_in_prose_attached_to_a_word():
    text = "A note.[1]\n[2] starts a line\nvalues[3]\nan [4] alone\n"
    decor = Decor(text)
    first, second, third, fourth = (text.index(part) for part in ("A note", "[2]", "values", "an [4]"))
    assert [text[a:b] for a, b in decor.note_marks(first, first + 10, PROSE)] == ["[1]"]
    assert decor.note_marks(second, second + 17, PROSE) == []  # the note's own label
    assert decor.note_marks(third, third + 9, CODE) == []  # code is data
    assert decor.note_marks(fourth, fourth + 12, PROSE) == []  # a citation set apart by spaces


def test_an_internal_link_with_words_is_a_link_not_a_note():
    text = "By the old bridge.2 And more.\n"
    links = [{"start": 7, "end": 17, "url": "#mill"}, {"start": 18, "end": 19, "url": "#fn2"}]
    decor = Decor(text, links=links)
    assert [text[a:b] for a, b in decor.note_marks(0, len(text) - 1, PROSE)] == ["2"]
