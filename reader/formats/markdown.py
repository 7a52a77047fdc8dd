"""Markdown through markdown-it-py (CommonMark, tables, strikethrough, footnotes), read by the HTML body reader.

``Document.text`` is the extracted text, not the source: link text stays (the target is kept as a
link), images and badge rows become image blocks, code stays verbatim as preformatted blocks, and
YAML front matter becomes metadata.
"""

from __future__ import annotations

import functools
import html
import re
from typing import TYPE_CHECKING

from reader.formats.build import Builder
from reader.formats.htmlbody import DELIMITER, walk_body
from reader.model import Document

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

META_KEYS = {"title": "title", "author": "author", "date": "date", "language": "language", "lang": "language"}
META_KEYS |= {"url": "url", "authors": "author"}


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """One parser for every document: building it costs about 1 ms, paid per cell by a notebook."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # CommonMark's preset stops reading at 20 levels of lists or quotes, dropping the rest of the document.
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 100}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    # A footnote's "↩" back link is a control of the page, not text; the [1] mark links to the note.
    md.add_render_rule("footnote_anchor", lambda *args, **kwargs: "")
    md.add_render_rule("fence", _fence)
    return md


# MyST's admonitions (```{note}, as pip's and Sphinx sites' Markdown writes them) are notes, not code.
_ADMONITION = re.compile(
    r"\{(note|tip|hint|important|warning|caution|attention|danger|error|seealso|admonition)\}\s*(.*)"
)
_OPTION_LINES = re.compile(r"\A(?:[ \t]*:[\w-]+:.*\n)+")  # ":class: dropdown" before the body


def _fence(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """A fence as code, but an admonition as a block quote opening with its label, as GitHub's alerts read."""
    found = _ADMONITION.fullmatch(tokens[idx].info.strip())
    if not found:
        return renderer.fence(tokens, idx, options, env)
    kind, title = found.groups()
    label = title if kind == "admonition" and title else "See also" if kind == "seealso" else kind.capitalize()
    body = _parser().render(_OPTION_LINES.sub("", tokens[idx].content))
    strong = f"<strong>{html.escape(label)}:</strong>"
    body = f"<p>{strong} {body[3:]}" if body.startswith("<p>") else f"<p>{strong}</p>{body}"
    return f"<blockquote>{body}</blockquote>\n"


def parse(document: Document) -> Document:
    from lxml import html as lxml_html

    md = _parser()
    tokens = md.parse(document.text)  # each parse and render gets an environment of its own
    metadata: dict[str, str] = {}
    if tokens and tokens[0].type == "front_matter":
        metadata = front_matter(tokens[0].content)
    for token in tokens:  # "3)" stays "3)": HTML's <ol> has no delimiter, so it rides on an attribute
        if token.type == "ordered_list_open" and token.markup == ")":
            token.attrSet(DELIMITER, ")")
    builder = Builder()
    rendered = _ALERT.sub(_alert_label, md.renderer.render(tokens, md.options, {}))
    if rendered.strip():
        try:
            root = lxml_html.fragment_fromstring(rendered, create_parent="div")
        except ValueError:  # lxml refuses a control character in text before the first element
            root = lxml_html.fragment_fromstring(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", rendered), create_parent="div")
        walk_body(root, builder)
    if "title" not in metadata:
        first = next((b for b in builder.blocks if b.kind == "heading" and b.level == 1), None)
        if first is not None:
            metadata["title"] = builder.text()[first.start : first.end]
    return builder.document(document.source, "markdown", metadata, document.encoding, document.notes)


# GitHub's alerts: "> [!NOTE]" opening a block quote is a label, not text in brackets.
_ALERT = re.compile(r"(<blockquote>\s*<p>)\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?", re.I)


def _alert_label(found: re.Match[str]) -> str:
    return f"{found.group(1)}<strong>{found.group(2).capitalize()}:</strong> "


def front_matter(raw: str) -> dict[str, str]:
    """The plain ``key: value`` lines of YAML front matter that name the document."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        key, sep, value = line.partition(":")
        name = META_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and name and value and not line[:1].isspace():
            out.setdefault(name, value)
    return out
