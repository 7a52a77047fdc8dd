"""Documentation pages as site generators write them (mdBook, API docs): inline code stays in its
sentence, code listings and their languages are kept, the title is the content's own, and the
site's chrome (menu bar, help dialog, chapter links) stays out."""

from __future__ import annotations

from test_formats import analysed, assert_contract, block_texts, section_outline, sentence_texts

from reader.load import document_from_bytes

FILLER = (
    "<p>Documentation comments are written in Markdown and rendered next to the items they describe, "
    "so readers find the explanation where they need it.</p>"
    "<p>Each crate gets its own set of pages, with a search index built for the whole workspace, "
    "and links between crates resolve when the documentation is built together.</p>"
)

MDBOOK_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>What is rustdoc? - The rustdoc book</title></head><body>
<div id="mdbook-help-container"><div id="mdbook-help-popup">
<h2 class="mdbook-help-title">Keyboard shortcuts</h2>
<div><p>Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters</p>
<p>Press <kbd>?</kbd> to show this help</p></div></div></div>
<nav id="sidebar" class="sidebar"><ol><li><a href="index.html">The rustdoc book</a></li></ol></nav>
<div id="mdbook-menu-bar" class="menu-bar sticky"><h1 class="menu-title">The rustdoc book</h1>
<div class="right-buttons"><a href="print.html" title="Print this book">Print</a></div></div>
<main>
<h1 id="what-is-rustdoc"><a class="header" href="#what-is-rustdoc">What is rustdoc?</a></h1>
<p>The standard Rust distribution ships with a tool called <code>rustdoc</code>. Its job is
to generate documentation for Rust projects.</p>
<p>Let us run <code>rustdoc</code> on <code>src/lib.rs</code>, then press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it.</p>
<pre class="playground"><code class="language-rust"><span class="boring">#![allow(unused)]
</span><span class="boring">fn main() {{
</span>/// foo is a function
fn foo() {{}}
<span class="boring">}}</span></code></pre>
{FILLER}
<h2 id="listing"><a class="header" href="#listing">A listing</a></h2>
<p>The whole program sits in one file, and the compiler reads it from the top down.</p>
<figure class="listing" id="listing-1-1">
<span class="file-name">Filename: main.rs</span>
<pre class="playground"><code class="language-rust edition2024">fn main() {{
    println!("Hello, world!");
}}</code></pre>
<figcaption><a href="#listing-1-1">Listing 1-1</a>: A program that prints <code>Hello, world!</code></figcaption>
</figure>
{FILLER}
<nav class="nav-wrapper" aria-label="Page navigation">
<a rel="prev" href="index.html" title="Previous chapter">Previous chapter</a>
<a rel="next" href="how-to-read-rustdoc.html" title="Next chapter">Next chapter</a></nav>
</main></body></html>"""


def test_inline_code_stays_in_its_sentence():
    a = analysed("what-is-rustdoc.html", MDBOOK_PAGE)
    paragraphs = block_texts(a, "paragraph")
    assert (
        "The standard Rust distribution ships with a tool called rustdoc. Its job is to generate documentation "
        "for Rust projects." in paragraphs
    )
    assert "Let us run rustdoc on src/lib.rs, then press Ctrl+C to stop it." in paragraphs
    assert not any(p.split() == ["rustdoc"] or p.startswith(".") for p in paragraphs)
    code = {a.text[e.start : e.end] for e in a.document.emphasis if e.kind == "code"}
    assert {"rustdoc", "src/lib.rs", "Ctrl", "C"} <= code
    assert "The standard Rust distribution ships with a tool called rustdoc." in sentence_texts(a)
    assert_contract(a)


def test_title_is_the_content_heading_and_the_site_chrome_stays_out():
    a = analysed("what-is-rustdoc.html", MDBOOK_PAGE)
    assert a.title == "What is rustdoc?"
    assert a.document.metadata["title"] == "What is rustdoc?"
    for chrome in ("Keyboard shortcuts", "navigate between chapters", "The rustdoc book", "Previous chapter", "Print"):
        assert chrome not in a.text
    assert section_outline(a)[-1] == ("A listing", 2)


def test_code_blocks_keep_their_language_and_listings_in_figures_are_kept():
    a = analysed("what-is-rustdoc.html", MDBOOK_PAGE)
    code = [b for b in a.document.blocks if b.kind == "preformatted"]
    texts = [a.text[b.start : b.end] for b in code]
    assert texts == ["/// foo is a function\nfn foo() {}", 'fn main() {\n    println!("Hello, world!");\n}']
    assert [b.language for b in code] == ["rust", "rust"]  # the hidden ("boring") lines are not shown
    assert "Listing 1-1: A program that prints Hello, world!" in block_texts(a, "paragraph")


def test_title_falls_back_to_the_page_title_without_the_site_name():
    page = MDBOOK_PAGE.replace("<h1 id=", "<h2 id=").replace("</a></h1>", "</a></h2>")
    a = analysed("what-is-rustdoc.html", page)
    assert a.title == "What is rustdoc?"


def test_a_declared_main_that_is_a_list_of_links_is_read_whole():
    links = "".join(
        f'<li><a href="https://example.org/{n}">Guide number {n} to writing docs</a></li>' for n in range(8)
    )
    page = (
        "<html><head><title>References - The book</title></head><body>"
        '<header><h1 class="site">The book</h1><a href="/">Home</a></header><main>'
        "<h1>References</h1><p>There are many great <code>rustdoc</code> references out there.</p>"
        f"<h2>Official</h2><ul>{links}</ul><h2>Community</h2><ul>{links}</ul></main></body></html>"
    )
    a = analysed("references.html", page)
    assert a.title == "References"
    assert section_outline(a) == [("References", 1), ("Official", 2), ("Community", 2)]
    assert block_texts(a, "list_item").count("Guide number 7 to writing docs") == 2
    assert "Home" not in a.text and "The book" not in a.text


def test_api_page_controls_and_anchors_stay_out_of_headings_and_code():
    page = (
        "<html><head><title>read_to_string in std::fs - Rust</title></head><body><main>"
        '<h1>Function <span class="fn">read_to_string</span>&nbsp;<button id="copy-path">Copy item path</button></h1>'
        '<pre class="rust item-decl"><code>pub fn read_to_string(path: P) -&gt; Result&lt;String&gt;</code></pre>'
        '<details class="toggle top-doc" open><summary class="hideme"><span>Expand description</span></summary>'
        '<div class="docblock"><p>Reads the entire contents of a file into a string.</p>'
        f"{FILLER}"
        '<h2 id="errors"><a class="doc-anchor" href="#errors">§</a>Errors</h2>'
        "<p>This function will return an error if <code>path</code> does not already exist.</p>"
        f"{FILLER}</div></details></main></body></html>"
    )
    a = analysed("fn.read_to_string.html", page)
    assert a.title == "Function read_to_string"
    assert block_texts(a, "preformatted") == ["pub fn read_to_string(path: P) -> Result<String>"]
    assert [h for h in block_texts(a, "heading")] == ["Function read_to_string", "Errors"]
    for chrome in ("Copy item path", "Expand description", "§"):
        assert chrome not in a.text


def test_text_in_a_div_keeps_its_spaces_around_links_and_code():
    page = (
        "<html><head><title>Assert | Node.js Documentation</title></head><body><div id='apicontent'>"
        "<h2>Assert</h2>"
        f"{FILLER}"
        '<div class="api_stability"><a href="documentation.html#stability-index">Stability: 3</a> - Legacy: Use '
        '<a href="#deep"><code>assert.deepStrictEqual()</code></a> instead.</div>'
        "<p>Use <code>Buffer.from(data, 'base64')</code> to decode the data first.</p>"
        f"{FILLER}</div></body></html>"
    )
    a = analysed("assert.html", page)
    assert "Stability: 3 - Legacy: Use assert.deepStrictEqual() instead." in block_texts(a, "paragraph")
    assert "Use Buffer.from(data, 'base64') to decode the data first." in block_texts(a, "paragraph")
    assert block_texts(a, "preformatted") == []
    assert a.title == "Assert"


def test_note_and_warning_boxes_are_block_quotes():
    page = MDBOOK_PAGE.replace(
        "<h2 id=",
        '<section class="note" aria-role="note"><p>Note: rustdoc needs the crate to compile first.</p></section>'
        '<div class="warning">Running it on a <em>broken</em> crate\nprints the compiler errors.</div>'
        '<section class="note"><h3>Command line notation</h3><p>Lines that you enter start with a dollar sign, '
        "and the lines without one are the output of the command before them.</p></section><h2 id=",
    )
    a = analysed("what-is-rustdoc.html", page)
    quotes = block_texts(a, "block_quote")
    assert "Note: rustdoc needs the crate to compile first." in quotes
    assert "Running it on a broken crate prints the compiler errors." in quotes
    assert "Running it on a broken crate prints the compiler errors." in sentence_texts(a)
    assert ("Command line notation", 3) in section_outline(a)  # a box with its own heading is a section


def test_a_control_character_beside_a_dropped_menu_is_no_crash():
    # lxml refuses control characters when it moves a dropped element's tail into its parent.
    page = (
        "<html><body><nav><a href='/'>Home</a></nav>\x01<article><h1>Bridge</h1>"
        "<p>The council met on Tuesday to discuss the new bridge over the river.</p></article></body></html>"
    )
    doc = document_from_bytes("x.html", page.encode())
    assert "council met on Tuesday" in doc.text and "\x01" not in doc.text


def test_a_one_line_example_under_an_items_paragraph_is_a_code_block():
    examples = "".join(
        f'<li><p>Add <code>{name}</code> as a dependency</p>\n<pre><code class="language-console">'
        f"cargo add {name}\n</code></pre></li>"
        for name in ("regex", "serde", "nom")
    )
    page = MDBOOK_PAGE.replace(
        "</main>",
        '<h2 id="exit-status">EXIT STATUS</h2><ul><li><code>0</code>: Cargo succeeded.</li>'
        f'<li><code>101</code>: Cargo failed to complete.</li></ul><h2 id="examples">EXAMPLES</h2><ol>{examples}</ol>'
        "</main>",
    )
    a = analysed("cargo-add.html", page)
    code = block_texts(a, "preformatted")
    assert {"cargo add regex", "cargo add serde", "cargo add nom"} <= set(code), code
    items = block_texts(a, "list_item")
    assert "Add regex as a dependency" in items and "0: Cargo succeeded." in items  # inline code stays inline
    assert not any(c in ("0", "101", "regex") for c in code)


def test_a_code_block_closing_a_list_items_text_is_a_code_block_and_wrapped_inline_code_is_not():
    steps = (
        "<ul><li>Install the codegen backend with rustup\n"
        '<pre><code class="language-console">$ rustup component add rustc-codegen-cranelift-preview\n</code></pre></li>'
        "<li>Add to your <code>Cargo.toml</code>:\n"
        '<pre><code class="language-toml">[profile.dev]\ncodegen-backend = "cranelift"\n</code></pre></li>'
        "<li>Then build as usual with <code>cargo\nbuild</code></li></ul>"
    )
    page = MDBOOK_PAGE.replace("</main>", f'<h2 id="backend">A faster backend</h2><p>Recommendation:</p>{steps}</main>')
    a = analysed("build-performance.html", page)
    code = block_texts(a, "preformatted")
    assert "$ rustup component add rustc-codegen-cranelift-preview" in code, code
    assert '[profile.dev]\ncodegen-backend = "cranelift"' in code, code
    items = block_texts(a, "list_item")
    assert "Install the codegen backend with rustup" in items and "Add to your Cargo.toml:" in items, items
    assert "Then build as usual with cargo build" in items


def test_a_manual_page_set_as_html_keeps_every_section_and_its_title():
    sections = (
        '<h1 id="frob1">frob(1)</h1><h2 id="name">NAME</h2><p>frob — turn the knobs of files</p>'
        '<h2 id="synopsis">SYNOPSIS</h2><p><code>frob</code> [<em>options</em>] <em>file</em>…</p>'
        '<h2 id="description">DESCRIPTION</h2>'
        "<p>Frob turns the knobs of each file to the setting given on the command line, and keeps a journal "
        "of every knob it turned so that a later run can undo the turns one by one.</p>"
        '<h2 id="see-also">SEE ALSO</h2><p><a href="knob.html">knob(5)</a>, <a href="dial.html">dial(1)</a></p>'
    )
    page = MDBOOK_PAGE.split("<main>")[0] + f"<main>{sections}{FILLER}</main></body></html>"
    a = analysed("frob.html", page)
    assert section_outline(a)[-1][0] == "SEE ALSO"
    assert "knob(5), dial(1)" in block_texts(a, "paragraph")
    assert a.title == "frob(1)"
    assert "Keyboard shortcuts" not in a.text and "Previous chapter" not in a.text


LAYOUT_PAGE = """<html><head><title>Module kettle from libboil</title></head><body>
<table width="100%"><tr><td width="120"><a href="index.html"><img src="logo.png" alt="Boil logo"/></a></td>
<td><table><tr><td><h1>The Boil C library</h1></td></tr></table></td></tr>
<tr><td><ul><li><a href="index.html">Home</a></li><li><a href="api.html">API</a></li></ul></td>
<td><h2>Module kettle from libboil</h2>
<p>The kettle module warms water to a chosen temperature and tells the caller when it is ready,
so a program never has to poll the element itself.</p>
<h2>Description</h2>
<p>Each kettle keeps its own timer, and a kettle left on switches itself off after ten minutes
of boiling, whatever the caller asked for.</p>
<h3>Function: kettle_boil</h3>
<p>Starts warming the water and returns at once; the callback runs when the water boils.</p>
</td></tr></table></body></html>"""


def test_a_page_laid_out_in_tables_keeps_its_headings_and_prose():
    a = analysed("kettle.html", LAYOUT_PAGE)
    titles = [title for title, _ in section_outline(a)]
    assert "Description" in titles and "Function: kettle_boil" in titles, titles
    assert any(s.startswith("The kettle module warms water") for s in sentence_texts(a))
    assert not any(" | " in t for t in block_texts(a, "table")), block_texts(a, "table")
    assert_contract(a)


NOTES_PAGE = (
    "<html><head><title>Kettle 3 Release Series</title></head><body>\n<h1>Kettle 3 Release Series</h1>\n"
    + "".join(
        f"<h2>{part}</h2>\n<p>The {part.lower()} of this release were reworked so that water boils sooner, and "
        f"every change here was tested on the three kettles we keep in the office kitchen.</p>\n"
        f"<ul><li>The {part.lower()} no longer warm an empty chamber first.</li>"
        f"<li>The {part.lower()} report their state to the caller once a second.</li></ul>\n"
        for part in ("Caveats", "General Improvements", "New Timers", "Element Changes", "Whistle Fixes")
    )
    + "</body></html>"
)


def test_release_notes_without_a_main_landmark_keep_their_section_headings():
    a = analysed("NEWS.html", NOTES_PAGE)
    titles = [title for title, _ in section_outline(a)]
    assert {"Caveats", "New Timers", "Whistle Fixes"} <= set(titles), titles
