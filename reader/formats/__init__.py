"""The format layer: bytes -> Document (text, declared blocks, metadata), one module per format.

Detection goes by suffix first, then by content (a PDF header, a zip's members, HTML tags,
subtitle cues, speaker turns, Markdown syntax). Format modules are imported only when a
document of that format is met, so plain text never pays for lxml or pdfium.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

from reader.model import FORMATS, Document

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".rst": "rst",
    ".rest": "rst",
    ".asc": "text",
    ".log": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".pdf": "pdf",
    ".docx": "docx",
    ".srt": "subtitles",
    ".vtt": "subtitles",
    ".ipynb": "notebook",
    ".odt": "odt",
    ".ott": "odt",
    ".fodt": "odt",
    ".info": "info",
    ".eml": "mail",
    ".mbox": "mail",
    ".mbx": "mail",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".org": "org",
    ".tex": "latex",
    ".latex": "latex",
    ".ltx": "latex",
    ".pod": "pod",
}
# Manual pages (ls.1, perl.1p, Foo.3pm, x.man) go by content: a rotated log is syslog.1.
MAN_SUFFIX = re.compile(r"\.(?:[1-9][a-z]{0,8}|man)$", re.I)
# A split Info manual's parts (find.info-1); folders skip them: the main file reads them in order.
INFO_PART_SUFFIX = re.compile(r"\.info-\d+$", re.I)
_INFO = re.compile(r"\AThis is [^\n]*\.info, produced by makeinfo|\x1f\n?File:[^\n]*Node:")
BINARY_FORMATS = frozenset({"pdf", "epub", "docx", "notebook", "odt"})
# Read from their bytes too, but a leading part is still readable: mail decodes each part by its charset.
BYTES_FORMATS = BINARY_FORMATS | {"mail"}
# Perl modules and scripts: their POD is the document; one without POD is plain text.
PERL_SUFFIXES = frozenset({".pm", ".pl"})
# Suffixes whose content may still be something more specific (a .txt transcript).
_SNIFF_SUFFIXES = frozenset({".txt", ".text", ""})


class FormatError(Exception):
    """The bytes are not a readable document of their format; ``str()`` is the one-line reason."""


def suffix_format(name: str) -> str | None:
    return SUFFIXES.get(Path(name).suffix.lower())


def sniff(data: bytes, plain_suffix: bool = False) -> str | None:
    """The format the content announces, or None when it looks like plain text.

    For a ``.txt`` file (``plain_suffix``) only LaTeX, mail, transcripts, subtitles, AsciiDoc and Org
    are looked for, on strong evidence: a text file with a ``#`` line is still a text file.
    """
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not plain_suffix:
        found = _sniff_markup(text, head.decode("utf-8", errors="ignore"))
        if found:
            return found
    if _LATEX.match(text):
        return "latex"
    if _POD_HINT.search(text) and _module("pod").looks_like(data[:65536].decode("utf-8", errors="ignore")):
        return "pod"
    wide = data[:65536].decode("utf-8", errors="ignore")
    man = not plain_suffix and text[:1] in (".", "'", "\\")
    if man and _module("man").looks_like(wide):
        return "man"
    if _MAIL_START.match(text) and _module("mail").looks_like(wide):
        return "mail"
    if text.startswith("Metadata-Version:"):
        return None  # a Python package's metadata: header fields over its description, read as text
    found = _sniff_plain(text, wide)
    if found or plain_suffix:
        return found
    if _MARKDOWN.search(text) and not _KEY_VALUE_COMMENTS.search(text):
        return "markdown"
    return None


def _sniff_markup(text: str, head: str) -> str | None:
    """HTML, a notebook's JSON, a flat ODT or an Info manual: never looked for in a ``.txt`` file."""
    lower = _COMMENTS.sub("", text[:2048]).lstrip().lower()[:512]
    if lower.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        lower.startswith("<?xml") and "<html" in lower
    ):
        return "html"
    if text.startswith("{") and _NOTEBOOK.search(text):
        return "notebook"
    if lower.startswith("<?xml") and _FLAT_ODT.search(text):
        return "odt"
    if _INFO.search(head):
        return "info"
    return None


def _sniff_plain(text: str, wide: str) -> str | None:
    """Subtitles, a transcript, AsciiDoc or Org: text formats a ``.txt`` file may hold."""
    from reader.formats import subtitles, transcript

    if subtitles.looks_like(text):
        return "subtitles"
    if transcript.looks_like(wide):
        return "transcript"
    if _ASCIIDOC_HINT.search(text) and _module("asciidoc").looks_like(wide):
        return "asciidoc"
    if _ORG_HINT.search(text[:2048]) and _module("org").looks_like(wide):
        return "org"
    return None


# A notebook's JSON names its cells' types (nbformat 4) or worksheets (3); a flat ODF names its type.
_NOTEBOOK = re.compile(r'"(?:cell_type|worksheets|nbformat)"\s*:')
_FLAT_ODT = re.compile(r'<office:document\s[^>]*office:mimetype="application/vnd\.oasis\.opendocument\.text')
# An mbox "From " line or a header line opens a message; only then is the mail reader imported.
_MAIL_START = re.compile(r"From |[A-Za-z][\w-]*:[ \t]")
# A LaTeX source opens with \documentclass, after comment lines at most (never so in the corpora's texts).
_LATEX = re.compile(r"(?:%[^\n]*\n\s*)*\\documentclass\s*[\[{]")
_COMMENTS = re.compile(r"\A(?:\s*<!--.*?-->)+", re.S)
# "# sent_id = 3" comment lines (CoNLL-U, config files) are not headings.
_KEY_VALUE_COMMENTS = re.compile(r"^# [\w.:-]+ = ", re.M)
# Only these make the AsciiDoc and Org readers look closer (and be imported): a title block, a header.
_ASCIIDOC_HINT = re.compile(r"^(?:NAME\n----\n|= \S)", re.M)
_ORG_HINT = re.compile(r"-\*-.*\bmode: *org\b|-\*- *org *-\*-|^#\+TITLE:", re.I | re.M)
# Only a POD command at a line start makes the POD reader look closer (a script's POD may come later).
_POD_HINT = re.compile(r"^=(?:head1|pod|encoding)\b|\A#![^\n]*perl", re.M)
# A "#" heading opens the text or follows a blank line: a wrapped line starting with "#" is no heading.
_MARKDOWN = re.compile(r"(?:\A|\n[ \t]*\n)#{1,6} \S|^(?:```|~~~)|\]\((?:https?://|\.{0,2}/|#)[^)\s]*\)", re.M)


def _sniff_zip(data: bytes) -> str | None:
    if data[30:38] == b"mimetype" and b"application/epub+zip" in data[38:100]:
        return "epub"
    if data[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in data[38:100]:
        return "odt"
    # The central directory names every member; it sits at the end of the zip.
    if b"word/document.xml" in data[-65536:] or b"word/document.xml" in data[:4096]:
        return "docx"
    if b"META-INF/container.xml" in data[-65536:]:
        return "epub"
    return None


def detect_format(name: str, data: bytes) -> str:
    """The suffix's format, else what the content says, else plain text."""
    suffix = Path(name).suffix.lower()
    if name.lower().endswith(".rst.txt"):  # Sphinx's copies of page sources (_sources/x.rst.txt)
        return "rst"
    by_suffix = "info" if INFO_PART_SUFFIX.search(name) else SUFFIXES.get(suffix)
    if by_suffix is not None and suffix not in _SNIFF_SUFFIXES:
        return by_suffix
    if suffix in PERL_SUFFIXES:  # Perl code is no prose in any other format
        return "pod" if _module("pod").has_pod(data) else "text"
    return sniff(data, plain_suffix=suffix in (".txt", ".text")) or "text"


def _module(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    return importlib.import_module(f"reader.formats.{fmt}")


def unmark(data: bytes, fmt: str) -> bytes:
    """Bytes a text format marks in-band with NULs (Info's index cookies) made readable as text."""
    return _module("info").unmark(data) if fmt == "info" else data


def read(source: str, data: bytes, fmt: str, limit: int) -> Document:
    """A binary format (PDF, EPUB, DOCX) from its bytes; ``limit`` bounds what a zip may inflate to."""
    doc: Document = _module(fmt).read(source, data, limit)
    return doc


def parse(document: Document, fmt: str) -> Document:
    """A text format from its decoded, newline-normalised text (``document.format`` is "text")."""
    doc: Document = _module(fmt).parse(document)
    return doc
