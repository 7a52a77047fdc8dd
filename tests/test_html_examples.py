"""Documentation pages as a person reads them: two versions of an example are two code blocks, and a
list or code inside a block quote stays in the quote."""

from __future__ import annotations

from test_formats import analysed, assert_contract, block_texts

from reader.analysis import analyze
from reader.formats.build import Builder
from reader.formats.htmlbody import walk_body

WORDS = (
    "<p>The garden hose library waters plants on a schedule, and it reports how much water each bed took "
    "so the gardener can plan the next week.</p>"
    "<p>Every sprinkler is a stream of events, and the library closes the valve when the stream ends "
    "or when the soil sensor says the bed is wet enough.</p>"
)

TOGGLED_PAGE = f"""<html><head><title>Hose | Garden docs</title></head><body><article>
<h1>Hose</h1>{WORDS}
<p>To load it:</p>
<pre class="with-20-chars"><input class="flavor-toggle" type="checkbox" checked><code class="language-js mjs">\
import hose from 'garden:hose';</code><code class="language-js cjs">\
const hose = require('garden:hose');</code><button class="copy-button">copy</button></pre>
<p>Watering a bed takes one call:</p>
<pre><code class="language-js mjs">import {{ water }} from 'garden:hose';
await water('roses');</code><code class="language-js cjs">const {{ water }} = require('garden:hose');
water('roses').then(done);</code></pre>
{WORDS}
</article></body></html>"""


def test_two_versions_of_an_example_are_two_code_blocks():
    a = analysed("hose.html", TOGGLED_PAGE)
    code = block_texts(a, "preformatted")
    assert "import hose from 'garden:hose';" in code, code
    assert "const hose = require('garden:hose');" in code, code
    assert "import { water } from 'garden:hose';\nawait water('roses');" in code, code
    assert not any("import" in text and "require" in text for text in code), code
    assert not any(text.strip() == "copy" for text in a.text.split("\n")), a.text
    assert_contract(a)


QUOTED_PAGE = f"""<html><head><title>Notes</title></head><body><article>
<h1>Field notes</h1>{WORDS}
<blockquote><p>The old gardener told us how she starts every morning:</p>
<ul><li>open the shed and check the tools</li><li>walk the rows before the sun is high</li></ul>
<pre>hose --bed roses --minutes 10
hose --bed tulips --minutes 5</pre>
<blockquote><p>Her own teacher said the same thing, years ago, about the apple trees on the hill.</p>
<ol><li>prune in winter</li><li>thin the fruit in June</li></ol></blockquote>
</blockquote>
{WORDS}
<ul><li>a list outside any quote, about the compost heap</li></ul>
</article></body></html>"""


def _quote_of(a, kind: str, text: str) -> int | None:
    for block in a.document.blocks:
        if block.kind == kind and a.text[block.start : block.end].startswith(text):
            return block.quote
    raise AssertionError(f"no {kind} {text!r}")


def test_lists_and_code_inside_a_block_quote_keep_the_quote():
    a = analysed("notes.html", QUOTED_PAGE)
    assert _quote_of(a, "list_item", "open the shed") == 1
    assert _quote_of(a, "list_item", "walk the rows") == 1
    assert _quote_of(a, "list_item", "prune in winter") is not None  # the extractor flattens a quote's quote
    assert _quote_of(a, "list_item", "a list outside") is None
    code = block_texts(a, "preformatted")
    assert "hose --bed roses --minutes 10\nhose --bed tulips --minutes 5" in code, code
    assert _quote_of(a, "preformatted", "hose --bed roses") == 1
    assert_contract(a)


def test_a_quote_inside_a_quote_keeps_its_level_for_its_list_too():
    from lxml import html as lxml_html

    builder = Builder()
    walk_body(lxml_html.document_fromstring(QUOTED_PAGE), builder)
    doc = builder.document("notes.html", "html", {})
    a = analyze(doc)
    assert _quote_of(a, "list_item", "open the shed") == 1
    assert _quote_of(a, "list_item", "prune in winter") == 2
    assert _quote_of(a, "list_item", "thin the fruit") == 2
    assert _quote_of(a, "preformatted", "hose --bed roses") == 1
    assert _quote_of(a, "list_item", "a list outside") is None
    depths = {a.text[b.start : b.end][:20]: b.depth for b in doc.blocks if b.kind == "block_quote"}
    assert depths == {"The old gardener tol": 1, "Her own teacher said": 2}, depths


def test_quote_marks_are_in_the_json_blocks():
    a = analysed("notes.html", QUOTED_PAGE)
    blocks = a.to_json()["blocks"]
    quoted = [b for b in blocks if b["kind"] == "list_item" and "quote" in b]
    assert len(quoted) == 4, quoted
    assert all(b["kind"] != "paragraph" or "quote" not in b for b in blocks)


NODE_PAGE = """<html><head><title>Watering Beds (Hose manual)</title></head><body lang="en">
<div class="section" id="Watering-Beds">
<div class="header"><p>Next: <a href="Timers.html" accesskey="n" rel="next">Timers</a>,
Previous: <a href="Valves.html" accesskey="p" rel="prev">Valves</a>,
Up: <a href="Using-Hose.html" accesskey="u" rel="up">Using Hose</a> [<a href="Index.html">Index</a>]</p></div>
<hr>
<span id="Watering-Beds-1"></span><h3 class="section">2.4 Watering Beds</h3>
<p>A bed is watered by opening its valve for a number of minutes, and the library closes the valve
again when the time is up or the soil sensor reports that the bed is wet enough.</p>
<p>Beds that share a pipe are watered one after the other, so that the pressure stays high enough
for the sprinklers at the far end of the garden.</p>
<hr>
<div class="header"><p>Next: <a href="Timers.html" rel="next">Timers</a>,
Previous: <a href="Valves.html" rel="prev">Valves</a>, Up: <a href="Using-Hose.html" rel="up">Using Hose</a></p></div>
</div></body></html>"""


def test_a_manual_node_page_keeps_its_heading_and_drops_its_navigation_lines():
    a = analysed("Watering-Beds.html", NODE_PAGE)
    headings = [(a.text[b.start : b.end], b.level) for b in a.document.blocks if b.kind == "heading"]
    assert headings == [("2.4 Watering Beds", 3)], headings
    assert "Next:" not in a.text and "Previous:" not in a.text, a.text
    assert a.text.count("A bed is watered") == 1
    assert_contract(a)


VALVE = '<a href="types.html#hoseValve">hoseValve</a>'
API_PAGE = f"""<html><head><title>Module valves from hose</title></head><body><article>
<h1>Module valves from hose</h1>{WORDS}
<h2>Table of Contents</h2>
<pre class="api">int	<a href="#hoseOpen">hoseOpen</a>		({VALVE} valve, <br />			 int minutes)</pre>
<pre class="api">void	<a href="#hoseClose">hoseClose</a>		({VALVE} valve)</pre>
<h2>Description</h2>
<h3 id="hoseOpen">Function: hoseOpen</h3>
<pre>int	hoseOpen		(hoseValve valve, <br />			 int minutes)</pre>
<p>Opens the valve for the given number of minutes and returns zero when the water runs.</p>
{WORDS}
</article></body></html>"""


def test_code_holding_links_stays_code_with_its_line_breaks():
    a = analysed("valves.html", API_PAGE)
    code = block_texts(a, "preformatted")
    assert "void\thoseClose\t\t(hoseValve valve)" in code, code
    assert code.count("int\thoseOpen\t\t(hoseValve valve, \n\t\t\t int minutes)") == 2, code
    assert not block_texts(a, "block_quote")
    assert_contract(a)


def test_a_list_its_class_draws_without_bullets_has_no_markers():
    from lxml import html as lxml_html

    page = """<html><body><h1>Hose</h1><h2>Contents</h2>
<ul class="no-bullet"><li><a href="#Valves">1 Valves</a><ul class="no-bullet"><li><a href="#Timers">1.1 Timers</a></li>
</ul></li></ul><ul><li>a bulleted item about the compost heap</li></ul>
<h2 id="Valves">1 Valves</h2><p>Valves open and close.</p>
<h3 id="Timers">1.1 Timers</h3><p>Timers count.</p></body></html>"""
    builder = Builder()
    walk_body(lxml_html.document_fromstring(page), builder, page=True)
    doc = builder.document("hose.html", "html", {})
    items = {doc.text[b.start : b.end]: (b.marker, b.depth) for b in doc.blocks if b.kind == "list_item"}
    assert items == {
        "1 Valves": (None, 1),
        "1.1 Timers": (None, 2),
        "a bulleted item about the compost heap": ("•", 1),
    }, items
