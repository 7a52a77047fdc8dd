"""LaTeX sources (.tex): the text a person reads, as pandoc's plain output would give it.

One linear scan of the body (``\\begin{document}`` to ``\\end{document}``): the preamble, comments and
unknown macros stay out of the text (their arguments are kept when they look like text); sectioning
commands become headings, numbered as LaTeX numbers them (``2.1 Setup``; starred ones not), so
``\\ref`` gives the label's number; the title, authors and abstract open the document; lists,
quotes, code (``verbatim``, ``lstlisting``, ``minted``), display math, captions, tables and
footnotes become their blocks. Math stays as its source, with symbols (``\\alpha``, ``\\leq``)
as Unicode. pylatexenc's tables give the symbol macros and accents; the parsing is our own
(pylatexenc's walker takes seconds a megabyte). Before the scan, the files ``\\input``, ``\\include``,
``\\subfile`` and ``\\import`` name are read in (when the source has a file behind it: ``includes``), and
user macros with arguments are expanded (``texmacros``). Beamer frames are sections titled by their
``{title}`` or ``\\frametitle``; overlay specifications (``<2->``) and ``\\pause`` are no text.
"""

from __future__ import annotations

import functools
import re
import textwrap
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.formats import FormatError, includes, texmacros
from reader.formats.build import Builder, number_label
from reader.model import Analysis, BlockKind, Document, EmphasisKind, Mention, Participant

_TOKEN = re.compile(
    r"(?P<text>[^\\{}$&%~`'\-\n]+)"
    r"|(?P<cs>\\(?:[A-Za-z@]+|.|\n|\Z))"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<comment>%[^\n]*(?:\n[ \t]*)?)"
    r"|(?P<par>\n[ \t]*\n\s*)"
    r"|(?P<math>\$\$?)"
    r"|(?P<special>``|''|---|--|~|`|&)"
    r"|(?P<other>[\s\S])"
)
_SPECIALS = {"``": "\u201c", "''": "\u201d", "---": "\u2014", "--": "\u2013", "~": "\u00a0", "`": "\u2018", "&": " "}
_SPACE = re.compile(r"[ \t\r\n]+")
# TeX drops the spaces after a control word, and one line end, never a blank line.
_AFTER_WORD = re.compile(r"[ \t]*(?:\n(?![ \t]*\n)[ \t]*)?")
# Between a command's arguments: spaces, comment lines, one line end (never a blank line).
_BLANK = re.compile(r"(?:[ \t]*%[^\n]*\n)*[ \t]*(?:\n(?![ \t]*\n)[ \t]*)?")
_BRACE = texmacros.BRACES
_BRACKET = re.compile(r"\\.|%[^\n]*|[{}\[\]]", re.S)
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_LINE_COMMENT = re.compile(r"(?:[^%\n\\]|\\.)*%")
_RANKS = {"part": 0, "chapter": 1, "addchap": 1, "section": 2, "addsec": 2, "subsection": 3, "subsubsection": 4}
_RANKS |= {"paragraph": 5, "subparagraph": 6}
_SECTIONING = re.compile(r"\\(part|chapter|addchap|section|addsec|subsection|subsubsection|paragraph|subparagraph)\b")
_USER_MACRO = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z@]+)\s*\}?\s*(\[\d\])?|\\def\s*\\([A-Za-z@]+)\s*(?=\{)"
)
# Values that are no text: lengths, numbers, key=value options, colours, a lone command, nothing.
_NOT_TEXT = re.compile(
    r"\s*(?:[-+]?[\d.]*\s*(?:pt|em|ex|cm|mm|in|bp|pc|sp|mu|\\[A-Za-z]*(?:width|height|skip|sep))?"
    r"|\\[A-Za-z@]+\s*|[\w.-]+=[^\n]*|\w+(?:!\w+)+|[lcrpXmbS|@{}<>.\d\s*]+)\s*"
)
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307"}
_ACCENTS |= {"u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323"}
_ACCENTS |= {"b": "\u0331", "t": "\u0361"}
_ESCAPED = {"%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", "\n": " ", "\\": " "}
_ESCAPED |= {"@": "", "/": "", "-": "", ",": " ", ";": " ", ":": " ", "!": "", ">": " ", "|": "\u2016", "": ""}
_OWN_SYMBOLS = {"LaTeX": "LaTeX", "TeX": "TeX", "LaTeXe": "LaTeX2\u03b5", "today": "", "ldots": "\u2026"}
_OWN_SYMBOLS |= {"dots": "\u2026", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "LuaTeX": "LuaTeX", "pdfTeX": "pdfTeX"}
_OWN_SYMBOLS |= {"newblock": " ", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "xspace": ""}
# Commands whose arguments are settings, not text: how many {} arguments to drop ([] ones always go).
_SKIP_ARGS = {"documentclass": 1, "usepackage": 1, "RequirePackage": 1, "setlength": 2, "addtolength": 2}
_SKIP_ARGS |= {"setcounter": 2, "addtocounter": 2, "stepcounter": 1, "refstepcounter": 1, "newcounter": 1}
_SKIP_ARGS |= {"newlength": 1, "settowidth": 2, "hspace": 1, "vspace": 1, "pagestyle": 1, "thispagestyle": 1}
_SKIP_ARGS |= {"pagenumbering": 1, "bibliographystyle": 1, "hypersetup": 1, "definecolor": 3, "color": 1}
_SKIP_ARGS |= {"graphicspath": 1, "geometry": 1, "DeclareMathOperator": 2, "colorlet": 2, "lstset": 1}
_SKIP_ARGS |= {"tikzset": 1, "captionsetup": 1, "usetikzlibrary": 1, "rule": 2, "includegraphics": 1}
_SKIP_ARGS |= {"newenvironment": 3, "renewenvironment": 3, "thanks": 1, "label": 1, "nocite": 1, "inst": 1}
_SKIP_ARGS |= {"setbeamertemplate": 2, "setbeamercolor": 2, "setbeamerfont": 2, "usetheme": 1, "usecolortheme": 1}
_SKIP_ARGS |= {"raisebox": 1, "parbox": 1, "pagecolor": 1, "selectlanguage": 1, "fontsize": 2, "linespread": 1}
_SKIP_ARGS |= {"multicolumn": 2, "multirow": 2, "index": 1, "glossary": 1, "addcontentsline": 3, "markboth": 2}
_SKIP_ARGS |= {"note": 1, "logo": 1, "againframe": 1, "column": 1, "hyperlink": 1, "hypertarget": 1}
_SKIP_ARGS |= {"markright": 1, "input": 1, "include": 1, "subfile": 1, "bibliography": 1, "lstinputlisting": 1}
# Title-page matter of journal classes (REVTeX, elsarticle, amsart): addresses and keys, not text.
_SKIP_ARGS |= {"affiliation": 1, "altaffiliation": 1, "email": 1, "homepage": 1, "address": 1, "curraddr": 1}
_SKIP_ARGS |= {"keywords": 1, "pacs": 1, "orcid": 1, "institute": 1, "affil": 1, "ead": 1, "cortext": 1}
_SKIP_ARGS |= {"fntext": 1, "tnotetext": 1, "subjclass": 1, "preprint": 1, "received": 1, "revised": 1}
_SKIP_ARGS |= {"accepted": 1, "published": 1, "dedicatory": 1, "thankstext": 1, "corref": 1, "tnoteref": 1}
_SKIP_ARGS |= {"IEEEmembership": 1, "IEEEauthorblockA": 1, "IEEEcompsocitemizethanks": 1, "authornote": 1}
_SKIP_ARGS |= {"vskip": 0, "hskip": 0, "newtheorem": 0, "includeonly": 1, "hyphenation": 1, "titleformat": 5}
_ITALIC = {"emph", "textit", "textsl", "mathit"}
_BOLD = {"textbf", "mathbf", "bm", "boldsymbol"}
_CODE = {"texttt", "code", "mathtt", "cmd", "file"}
_DECLARATIONS: dict[str, EmphasisKind] = {"em": "italic", "it": "italic", "itshape": "italic", "sl": "italic"}
_DECLARATIONS |= {"slshape": "italic", "bf": "bold", "bfseries": "bold", "tt": "code", "ttfamily": "code"}
_CITE = re.compile(r"(?:[Cc]ite[a-z]*|[Pp]arencite|[Tt]extcite|[Aa]utocite|[Ff]ootcite|[Ss]martcite|supercite)")
_REFS = {"ref": "", "eqref": "", "autoref": "name", "cref": "name", "Cref": "Name", "vref": "", "nameref": ""}
_REFS |= {"pageref": "page", "Autoref": "Name", "labelcref": "", "subref": ""}
_CODE_ENVS = {"verbatim", "verbatim*", "Verbatim", "BVerbatim", "lstlisting", "minted", "alltt", "spverbatim"}
_CODE_ENVS |= {"lstinline", "sourcecode", "code", "LVerbatim", "semiverbatim", "Highlighting"}
_SKIP_ENVS = {"comment", "tikzpicture", "pspicture", "picture", "filecontents", "filecontents*", "tikzcd", "forest"}
_MATH_ENVS = {"equation", "align", "gather", "multline", "eqnarray", "flalign", "alignat", "displaymath", "math"}
_MATH_ENVS |= {"dmath", "subequations"}
_TABLE_ENVS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "tabulary": 2, "longtable": 1, "array": 1, "tabu": 1}
_TABLE_ENVS |= {"longtable*": 1, "supertabular": 1, "xltabular": 2}
_LIST_ENVS = {"itemize", "enumerate", "description", "compactitem", "compactenum", "inparaenum", "asparaenum"}
_LIST_ENVS |= {"compactdesc", "list", "enumerate*", "itemize*", "description*", "dinglist", "checklist"}
_QUOTE_ENVS = {"quote", "quotation", "verse", "displayquote", "quote*", "shadequote", "epigraph"}
_FLOAT_ENVS = {"figure": "Figure", "figure*": "Figure", "wrapfigure": "Figure", "SCfigure": "Figure"}
_FLOAT_ENVS |= {"table": "Table", "table*": "Table", "wraptable": "Table", "SCtable": "Table"}
_THEOREMS = {"theorem": "Theorem", "lemma": "Lemma", "proposition": "Proposition", "corollary": "Corollary"}
_THEOREMS |= {"definition": "Definition", "remark": "Remark", "example": "Example", "conjecture": "Conjecture"}
_THEOREMS |= {"claim": "Claim", "proof": "Proof", "thm": "Theorem", "lem": "Lemma", "prop": "Proposition"}
_THEOREMS |= {"cor": "Corollary", "defn": "Definition", "exercise": "Exercise", "note": "Note"}
_BULLETS = ("\u2022", "\u2013", "\u2217", "\u00b7")
_HEADER_RULE = re.compile(r"\s*\\(?:hline|midrule|toprule|hdashline|cmidrule|cline|specialrule)")
_CELL_SPLIT = re.compile(r"(?P<sep>&)|\\.|%[^\n]*|[{}]", re.S)
_ROW_SPLIT = re.compile(r"(?P<sep>\\\\(?:\*?\[[^\]]*\])?|\\tabularnewline\b)|\\[A-Za-z@]+|\\.|%[^\n]*|[{}]", re.S)
_MATH_WRAPPERS = re.compile(
    r"\\(?:text\w*|math(?:rm|bf|it|sf|tt|cal|bb|frak|scr|normal)|operatorname|mbox|hbox|bm|boldsymbol|pmb)\s*"
    r"\{([^{}]*)\}"
)
_MATH_SIZES = re.compile(r"\\(?:left|right|middle|[bB]igg?[lrm]?|displaystyle|textstyle|nonumber|notag)(?![A-Za-z])")
_MATH_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_MATH_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_MATH_MACRO = re.compile(r"\\([A-Za-z]+)|\\([,;:! {}|%&$#_])")
_MATH_LABEL = re.compile(r"\\label\s*\{[^{}]*\}|\\tag\*?\s*\{[^{}]*\}")
_MAX_DEPTH = 60  # nested arguments read recursively; deeper ones are read flat
_MAX_EXPANSION = 8  # a user macro used inside its own definition stops here
_MAX_OPTION = 1024  # characters an optional [...] argument may span: a stray "[" costs no scan to the end


@functools.lru_cache(maxsize=1)
def symbols() -> dict[str, str]:
    """Macro name -> its Unicode text, from pylatexenc's latex2text tables (``\\alpha`` -> α, ``\\ss`` -> ß)."""
    from pylatexenc.latex2text import _defaultspecs as specs

    out: dict[str, str] = {}
    for _category, spec in specs.specs:
        for macro in spec.get("macros", []):
            repl = macro.simplify_repl
            args = getattr(macro, "args_parser", None)
            if isinstance(repl, str) and "%" not in repl and not getattr(args, "argspec", ""):
                out[macro.macroname] = repl
    return out | _OWN_SYMBOLS


@dataclass
class _State:
    """What the whole document shares: labels, counters, notes, the title page."""

    known: dict[str, tuple[str, str]] = field(default_factory=dict)  # labels met by an earlier pass
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # label -> (number, kind)
    unresolved: set[str] = field(default_factory=set)
    current: tuple[str, str] = ("", "")
    counters: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # footnote number, text
    problems: dict[str, None] = field(default_factory=dict)  # notes for the reader, in order, once each
    skipped: dict[str, None] = field(default_factory=dict)  # \input files not followed
    bibliographies: dict[str, None] = field(default_factory=dict)  # .bib files not read
    macros: dict[str, tuple[int, int]] = field(default_factory=dict)  # user macros without arguments
    theorems: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)  # raw title, author, date
    top_rank: int = 2
    number_depth: int = 4  # the deepest rank LaTeX numbers (secnumdepth)
    offset: int = 0  # heading levels move down one under a shown title
    chapters: bool = False
    beamer: bool = False  # slides: frames are sections, overlay marks (<2->) are no text
    frame_rank: int = 4
    appendix: bool = False
    numbering: bool = True
    title_shown: bool = False
    title_first: bool = False  # the abstract comes before \maketitle (REVTeX): the title opens the body anyway
    math_spans: list[tuple[int, int]] = field(default_factory=list)  # filled by the outer walker only
    closes: dict[int, int] = field(default_factory=dict)  # a "{" -> its "}" (-1: none), for the whole source

    def label_value(self, key: str) -> tuple[str, str] | None:
        return self.labels.get(key) or self.known.get(key)


@dataclass
class _List:
    kind: str
    depth: int
    enum_depth: int
    count: int = 0


class _Walker:
    """Walks a range of the source, writing inline text into a buffer and blocks into the builder."""

    def __init__(self, src: str, state: _State, builder: Builder | None = None) -> None:
        self.src = src
        self.state = state
        self.builder = builder
        self.buf: list[str] = []
        self.size = 0
        self.spans: list[tuple[int, int, EmphasisKind]] = []
        self.links: list[tuple[int, int, str]] = []
        self.generation = 0  # counts flushes: a span opened before one is dropped
        self.lists: list[_List] = []
        self.pending_item: tuple[int, str | None] | None = None  # depth and marker of the item whose text comes next
        self.quote = 0
        self.titlepage = 0
        self.floats: list[str] = []
        self.envs: list[tuple[str, Callable[[], None] | None]] = []
        self.open_envs: dict[str, int] = {}  # how many of each name are open: an \end checks at once
        self.scopes: list[list[tuple[EmphasisKind, int, int]]] = [[]]
        self.depth = 0
        self.expanding = 0
        self.math: list[tuple[int, int]] = []
        self.deferred: list[tuple[str, int, int]] = []  # floats met inside a paragraph: shown after it

    # --- output -------------------------------------------------------------------------------
    def put(self, piece: str) -> None:
        piece = _SPACE.sub(" ", piece)
        if piece[:1] == " " and (not self.size or self.buf[-1].endswith(" ")):
            piece = piece[1:]
        if piece:
            self.buf.append(piece)
            self.size += len(piece)

    def styled(self, kind: EmphasisKind, run: Callable[[], None]) -> None:
        start, generation = self.size, self.generation
        run()
        if generation == self.generation and self.size > start:
            self.spans.append((start, self.size, kind))

    def flush(self) -> None:
        if self.builder is None:  # inline text only (a title, a caption): a break is a space
            self.put(" ")
            return
        text = "".join(self.buf).rstrip(" ")
        spans, links, math = self.spans, self.links, self.math
        self.buf, self.size, self.spans, self.links, self.math = [], 0, [], [], []
        self.generation += 1
        if not text.strip():
            self.place_floats()
            return
        kind, depth, marker = self._block_kind()
        b = self.builder
        for start, end, how in spans:
            if start < min(end, len(text)):
                b.emphasize(start, min(end, len(text)) - start, how)
        for start, end, url in links:
            if start < min(end, len(text)):
                b.link(start, text[start : min(end, len(text))], url)
        base = b.size + (2 if b.parts else 0)
        self.state.math_spans.extend((base + s, base + min(e, len(text))) for s, e in math)
        b.add(kind, text, depth=depth, marker=marker)
        self.place_floats()

    def place_floats(self) -> None:
        """Floats met inside a paragraph, placed after it (as LaTeX floats them away from the sentence)."""
        deferred, self.deferred = self.deferred, []
        for env, start, stop in deferred:
            self.floats.append(_FLOAT_ENVS[env])
            self.run(self.skip_env_args(env, start, stop), stop)
            self.flush()
            self.floats.pop()

    def _block_kind(self) -> tuple[BlockKind, int | None, str | None]:
        """The kind of the block being flushed, with a list item's depth and marker."""
        if self.pending_item is not None:
            depth, marker = self.pending_item
            self.pending_item = None
            return "list_item", depth, marker
        if self.lists:
            return "list_item", self.lists[-1].depth, None
        if self.titlepage:  # a hand-made title page: shown, naming people, never sentences
            return "byline", None, None
        return ("block_quote" if self.quote else "paragraph"), None, None

    def block(self, kind: BlockKind, text: str, **extra: object) -> None:
        self.flush()
        if self.builder is not None:
            self.builder.add(kind, text, **extra)  # type: ignore[arg-type]

    def text(self) -> str:
        return "".join(self.buf).strip()

    # --- reading arguments ------------------------------------------------------------------------
    def skip_space(self, pos: int, end: int) -> int:
        m = _BLANK.match(self.src, pos, end)
        return m.end() if m else pos

    def group_end(self, pos: int, end: int) -> int:
        """The index of the ``}`` closing the group opened just before ``pos`` (``end`` when none does)."""
        close = self.state.closes.get(pos - 1)
        if close is not None:  # matched once for the whole source: unbalanced braces cost no rescans
            if 0 <= close < end:
                return close
            self.state.problems["unbalanced braces: read to the end"] = None
            return end
        depth = 0
        for m in _BRACE.finditer(self.src, pos, end):
            c = m.group()
            if c == "{":
                depth += 1
            elif c == "}":
                if depth == 0:
                    return m.start()
                depth -= 1
        self.state.problems["unbalanced braces: read to the end"] = None
        return end

    def arg(self, pos: int, end: int) -> tuple[int, int, int]:
        """A mandatory argument: (its start, its end, where reading goes on)."""
        pos = self.skip_space(pos, end)
        if pos >= end:
            return pos, pos, pos
        if self.src[pos] == "{":
            close = self.group_end(pos + 1, end)
            return pos + 1, close, min(close + 1, end)
        if self.src[pos] == "\\":
            m = _TOKEN.match(self.src, pos, end)
            stop = m.end() if m else pos + 1
            return pos, stop, stop
        return pos, pos + 1, pos + 1

    def opt(self, pos: int, end: int) -> tuple[int, int, int] | None:
        """An optional ``[...]`` argument, or None."""
        at = self.skip_space(pos, end)
        if at >= end or self.src[at] != "[":
            return None
        braces = 0
        for m in _BRACKET.finditer(self.src, at + 1, min(end, at + _MAX_OPTION)):
            c = m.group()
            if c == "{":
                braces += 1
            elif c == "}":
                braces -= 1
            elif c == "]" and braces <= 0:
                return at + 1, m.start(), m.end()
        return None

    def skip_opts(self, pos: int, end: int) -> int:
        while (found := self.opt(pos, end)) is not None:
            pos = found[2]
        return pos

    def star(self, pos: int, end: int) -> int:
        return pos + 1 if pos < end and self.src[pos] == "*" else pos

    def raw(self, start: int, end: int) -> str:
        return self.src[start:end]

    def plain(self, start: int, end: int) -> str:
        """The text of a piece of source (a title, a caption, a cell), without spans."""
        inner = _Walker(self.src, self.state)
        inner.depth = self.depth + 1
        inner.expanding = self.expanding
        inner.lists = []
        inner.run(start, end)
        return inner.text()

    # --- the scan --------------------------------------------------------------------------------
    def run(self, pos: int, end: int) -> None:
        src = self.src
        if self.depth > 2 * _MAX_DEPTH:  # hostile nesting: the rest of this range as written
            self.put(src[pos:end])
            return
        self.depth += 1
        while pos < end:
            m = _TOKEN.match(src, pos, end)
            if m is None:
                break
            kind, pos = m.lastgroup, m.end()
            if kind == "text" or kind == "other":
                self.put(m.group())
            elif kind == "cs":
                pos = self.command(m.group()[1:], pos, end)
            elif kind == "open":
                pos = self.group(pos, end)
            elif kind == "par":
                self.flush()
            elif kind == "math":
                pos = self.inline_math(m.group(), pos, end)
            elif kind == "special":
                self.put(_SPECIALS[m.group()])
        self.depth -= 1

    def group(self, pos: int, end: int) -> int:
        if self.depth > _MAX_DEPTH:
            return pos  # read flat: the braces go, their text stays
        close = self.group_end(pos, end)
        self.scopes.append([])
        self.run(pos, close)
        for how, start, generation in self.scopes.pop():
            if generation == self.generation and self.size > start:
                self.spans.append((start, self.size, how))
        return min(close + 1, end)

    def command(self, name: str, pos: int, end: int) -> int:
        if not name[:1].isalpha() and name[:1] != "@":
            return self.symbol(name, pos, end)
        pos = _AFTER_WORD.match(self.src, pos, end).end()  # type: ignore[union-attr]
        if self.state.beamer and pos < end and self.src[pos] == "<":
            pos = self.overlay(pos, end)
        if self.depth > _MAX_DEPTH and name not in _FLAT_SAFE:
            return self.flat(pos, end)
        handler = _HANDLERS.get(name)
        if handler is not None:
            return handler(self, name, pos, end)
        if name in _SECTIONING_NAMES:
            return self.heading(name, pos, end)
        if name in _DECLARATIONS:
            self.scopes[-1].append((_DECLARATIONS[name], self.size, self.generation))
            return pos
        if _CITE.fullmatch(name):
            return self.cite(name, pos, end)
        if name in self.state.macros and self.expanding < _MAX_EXPANSION:
            start, stop = self.state.macros[name]
            self.expanding += 1
            self.run(start, stop)
            self.expanding -= 1
            return pos
        table = symbols()
        if name in table and name not in _ACCENTS:
            self.put(table[name])
            return pos
        if name in _ACCENTS and pos < end and self.src[pos] in "{":
            return self.accent(name, pos, end)
        return self.unknown(name, pos, end)

    def flat(self, pos: int, end: int) -> int:
        """Nested too deep: the command goes and its argument is read on, as plain text, without recursion."""
        at = self.skip_space(self.skip_opts(self.star(pos, end), end), end)
        return at + 1 if at < end and self.src[at] == "{" else pos

    def symbol(self, name: str, pos: int, end: int) -> int:
        if name in _ACCENTS:
            return self.accent(name, pos, end)
        if name in ("[", "("):
            return self.display_math(name, pos, end)
        if name == "\\":
            pos = self.star(pos, end)
            found = self.opt(pos, end)
            self.put(" ")
            return found[2] if found else pos
        self.put(_ESCAPED.get(name, name))
        return pos

    def accent(self, name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        base = self.src[start:stop]
        base = {"\\i": "i", "\\j": "j"}.get(base.strip(), base)
        if "\\" in base or "{" in base:
            base = self.plain(start, stop)
        if base:
            self.put(unicodedata.normalize("NFC", base[0] + _ACCENTS[name]) + base[1:])
        return pos

    def unknown(self, name: str, pos: int, end: int) -> int:
        """An unknown macro: its name goes; an argument that reads as text stays (``\\pkg{hyperref}``)."""
        drop = _SKIP_ARGS.get(name)
        pos = self.star(pos, end)
        for _ in range(9):
            after_opts = self.skip_opts(pos, end)
            at = self.skip_space(after_opts, end)
            if at >= end or self.src[at] != "{":
                return after_opts
            close = self.group_end(at + 1, end)
            if drop is not None and drop > 0:
                drop -= 1
            elif drop is None and not _NOT_TEXT.fullmatch(self.src, at + 1, close):
                self.group(at + 1, end)
            pos = min(close + 1, end)
            if drop == 0:
                return pos
        return pos

    # --- headings and the title page ---------------------------------------------------------------
    def heading(self, name: str, pos: int, end: int) -> int:
        starred = pos < end and self.src[pos] == "*"
        pos = self.skip_opts(self.star(pos, end), end)
        start, stop, pos = self.arg(pos, end)
        rank = _RANKS[name]
        number = "" if starred or name.startswith("add") else self.number(rank)
        if number:  # before the title is read: a \label inside it names this heading
            self.state.current = (number, "chapter" if rank == 1 else "part" if rank == 0 else "section")
        title = self.plain(start, stop)
        shown = f"Part {number}: {title}" if rank == 0 and number else f"{number} {title}" if number else title
        self.block("heading", shown.strip(), level=self.level(rank))
        return pos

    def level(self, rank: int) -> int:
        return max(1, min(6, rank - self.state.top_rank + 1 + self.state.offset))

    def number(self, rank: int) -> str:
        st = self.state
        if not st.numbering or rank > st.number_depth:
            return ""
        counters = st.counters
        counters[f"rank{rank}"] = counters.get(f"rank{rank}", 0) + 1
        for lower in range(rank + 1, 7):
            counters[f"rank{lower}"] = 0
        if rank == 0:
            return number_label(counters["rank0"], "I")
        first = 1 if st.chapters else 2
        parts = []
        for r in range(first, rank + 1):
            n = counters.get(f"rank{r}", 0)
            parts.append(number_label(n, "A") if st.appendix and r == first else str(n))
        return ".".join(parts)

    def maketitle(self, _name: str, pos: int, end: int) -> int:
        meta = self.state.meta
        if self.state.title_shown:
            return pos
        self.state.title_shown = True
        if "title" in meta:
            self.block("heading", meta["title"], level=1)
        if meta.get("author"):
            self.block("byline", meta["author"])
        return pos

    def title_part(self, name: str, pos: int, end: int) -> int:
        pos = self.skip_opts(pos, end)
        start, stop, pos = self.arg(pos, end)
        add_title_part(self.state.meta, title_page(self, name, start, stop))
        return pos

    # --- inline commands -------------------------------------------------------------------------
    def emphasis(self, name: str, pos: int, end: int) -> int:
        how: EmphasisKind = "italic" if name in _ITALIC else "bold" if name in _BOLD else "code"
        start, stop, pos = self.arg(self.skip_opts(pos, end), end)
        self.styled(how, lambda: self.run_scoped(start, stop))
        return pos

    def run_scoped(self, start: int, stop: int) -> None:
        if self.depth > _MAX_DEPTH:
            self.put(self.src[start:stop])
            return
        self.scopes.append([])
        self.run(start, stop)
        self.scopes.pop()

    def transparent(self, _name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(self.skip_opts(pos, end), end)
        self.run_scoped(start, stop)
        return pos

    def last_arg(self, name: str, pos: int, end: int) -> int:
        """``\\multicolumn{2}{c}{text}``, ``\\parbox{w}{text}``: the settings go, the last argument is read."""
        for _ in range(_SKIP_ARGS.get(name, 1)):
            pos = self.arg(self.skip_opts(pos, end), end)[2]
        return self.transparent(name, pos, end)

    def verb(self, name: str, pos: int, end: int) -> int:
        pos = self.skip_opts(self.star(pos, end), end)
        if name == "mintinline":
            pos = self.arg(pos, end)[2]
        if pos >= end:
            return pos
        close_char = "}" if self.src[pos] == "{" else self.src[pos]
        close = self.src.find(close_char, pos + 1, end)
        if close < 0:
            close = min(end, pos + 1)
        code = self.src[pos + 1 : close]
        self.styled("code", lambda: self.put(code))
        return min(close + 1, end)

    def url(self, name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        target = _unescape_url(self.src[start:stop].strip())
        begin = self.size
        if name == "href":
            start, stop, pos = self.arg(pos, end)
            self.run_scoped(start, stop)
        else:
            self.put(target)
        if self.size > begin and target and name != "nolinkurl":
            self.links.append((begin, self.size, target))
        return pos

    def footnote(self, name: str, pos: int, end: int) -> int:
        pos = self.skip_opts(pos, end)
        if self.builder is None:  # a note on a title or a caption: left out with it
            return self.arg(pos, end)[2] if name != "footnotemark" else pos
        notes = self.state.notes
        number = str(len(notes) + 1)
        if name != "footnotemark":
            start, stop, pos = self.arg(pos, end)
            notes.append((number, self.plain(start, stop)))
        if name != "footnotetext":
            mark = f"[{number}]"
            self.links.append((self.size, self.size + len(mark), f"#fn{number}"))
            self.put(mark)
        return pos

    def cite(self, name: str, pos: int, end: int) -> int:
        pos = self.star(pos, end)
        options = []
        while (found := self.opt(pos, end)) is not None:
            options.append(self.plain(found[0], found[1]))
            pos = found[2]
        start, stop, pos = self.arg(pos, end)
        keys = [k.strip() for k in self.src[start:stop].split(",") if k.strip()]
        if name.lower() == "nocite" or not keys:
            return pos
        shown = []
        for key in keys:
            value = self.state.label_value("cite:" + key)
            if value is None:
                self.state.unresolved.add("cite:" + key)
            shown.append(value[0] if value else key)
        after = [o for o in options[-1:] if o]
        self.put("[" + ", ".join(shown + after) + "]")
        return pos

    def ref(self, name: str, pos: int, end: int) -> int:
        pos = self.star(pos, end)
        start, stop, pos = self.arg(pos, end)
        shown = []
        for key in (k.strip() for k in self.src[start:stop].split(",")):
            value = self.state.label_value(key)
            if value is None:
                self.state.unresolved.add(key)
            number, kind = value if value and value[0] else ("?", "")
            how = _REFS.get(name, "")
            if name == "eqref":
                number = f"({number})"
            elif how == "page":
                number = "?"
            elif how and kind:
                number = f"{kind.capitalize() if how == 'Name' or name == 'autoref' else kind} {number}"
            shown.append(number)
        self.put(", ".join(shown))
        return pos

    def label(self, _name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        key = self.src[start:stop].strip()
        self.state.labels.setdefault(key, self.state.current)
        b = self.builder
        if b is not None and key:
            if not self.size and b.blocks:
                b.anchors.setdefault(key, b.blocks[-1].start)
            else:
                b.pending_ids.append(key)
        return pos

    def caption(self, _name: str, pos: int, end: int) -> int:
        pos = self.skip_opts(self.star(pos, end), end)
        start, stop, pos = self.arg(pos, end)
        what = self.floats[-1] if self.floats else "Figure"
        count = self.state.counters.get(what, 0) + 1
        self.state.counters[what] = count
        self.state.current = (str(count), what.lower())
        text = self.plain(start, stop)
        self.block("caption", f"{what} {count}: {text}" if text else f"{what} {count}")
        return pos

    def item(self, _name: str, pos: int, end: int) -> int:
        self.flush()
        found = self.opt(pos, end)
        label = self.plain(found[0], found[1]) if found else None
        pos = found[2] if found else pos
        if not self.lists:
            self.pending_item = (1, label or _BULLETS[0])
            return pos
        top = self.lists[-1]
        top.count += 1
        if top.kind == "description":
            self.pending_item = (top.depth, _BULLETS[0])
            if label:
                self.styled("bold", lambda: self.put(label))
                self.put(" ")
            return pos
        if top.kind == "bibliography":
            self.pending_item = (top.depth, f"[{top.count}]")
            return pos
        marker = label if label is not None else _marker(top)
        if top.kind == "enumerate" and label is None:
            self.state.current = (marker.strip("().") or marker, "item")
        self.pending_item = (top.depth, marker or None)
        return pos

    def bibitem(self, name: str, pos: int, end: int) -> int:
        found = self.opt(pos, end)
        pos = found[2] if found else pos
        start, stop, pos = self.arg(pos, end)
        _Walker.item(self, name, pos, pos)
        top = self.lists[-1] if self.lists else None
        number = str(top.count) if top else "?"
        if found:
            number = self.plain(found[0], found[1]) or number
            self.pending_item = (top.depth if top else 1, f"[{number}]")
        self.state.labels.setdefault("cite:" + self.src[start:stop].strip(), (number, "citation"))
        return pos

    def rule(self, name: str, pos: int, end: int) -> int:
        """A table's rule (``\\cmidrule(lr){2-3}``): out of the text with its settings."""
        m = re.compile(r"\s*(?:\([^()]*\))?").match(self.src, pos, end)
        pos = self.skip_opts(m.end() if m else pos, end)
        for _ in range({"specialrule": 3, "addlinespace": 0}.get(name, 1)):
            pos = self.arg(pos, end)[2]
        return pos

    def par(self, _name: str, pos: int, end: int) -> int:
        self.flush()
        return pos

    def space(self, _name: str, pos: int, end: int) -> int:
        self.put(" ")
        return pos

    def nothing(self, _name: str, pos: int, end: int) -> int:
        return pos

    def skip_dimension(self, name: str, pos: int, end: int) -> int:
        m = _DIMENSION.match(self.src, pos, end)
        if name == "hskip":  # a horizontal skip is space between words ("3rd ed.\hskip 1em Harlow")
            self.put(" ")
        return m.end() if m else pos

    def not_followed(self, name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        target = self.src[start:stop].strip()
        if name in ("bibliography", "addbibresource"):
            self.state.bibliographies[target or name] = None
        else:
            self.state.skipped[target or name] = None
        return pos

    def define(self, name: str, pos: int, end: int) -> int:
        """``\\newcommand{\\x}[1][d]{body}``, ``\\def\\x#1{body}``: kept out of the text (one without
        arguments is remembered and shown where it is used)."""
        pos = self.star(pos, end)
        if name == "def":
            m = re.compile(r"\s*\\([A-Za-z@]+|.)([^{]*)").match(self.src, pos, end)
            if m is None:
                return pos
            macro, params, pos = m.group(1), m.group(2), m.end()
        else:
            start, stop, pos = self.arg(pos, end)
            macro, params = self.src[start:stop].strip().lstrip("\\"), ""
            found = self.opt(pos, end)
            if found:
                params, pos = "#", found[2]
            pos = self.skip_opts(pos, end)
        start, stop, pos = self.arg(pos, end)
        if not params.strip() and name in ("def", "newcommand", "renewcommand", "providecommand"):
            self.state.macros[macro] = (start, stop)
        return pos

    def let(self, _name: str, pos: int, end: int) -> int:
        m = re.compile(r"\s*\\[A-Za-z@]+\s*=?\s*(?:\\[A-Za-z@]+|\\.|.)").match(self.src, pos, end)
        return m.end() if m else pos

    def new_theorem(self, _name: str, pos: int, end: int) -> int:
        pos = self.star(pos, end)
        start, stop, pos = self.arg(pos, end)
        pos = self.skip_opts(pos, end)
        tstart, tstop, pos = self.arg(pos, end)
        self.state.theorems[self.src[start:stop].strip()] = self.plain(tstart, tstop)
        return self.skip_opts(pos, end)

    def counter(self, name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        vstart, vstop, pos = self.arg(pos, end)
        if self.src[start:stop].strip() == "secnumdepth" and name == "setcounter":
            value = self.src[vstart:vstop].strip()
            if value.lstrip("-").isdigit():
                self.state.number_depth = int(value) + 1
        return pos

    def matter(self, name: str, pos: int, end: int) -> int:
        st = self.state
        if name in ("appendix", "appendices"):
            st.appendix = True
            st.counters[f"rank{1 if st.chapters else 2}"] = 0
        else:
            st.numbering = name == "mainmatter"
        return pos

    def abstract(self, _name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        self.block("heading", "Abstract", level=self.level(self.state.top_rank))
        self.run_scoped(start, stop)
        self.flush()
        return pos

    # --- math --------------------------------------------------------------------------------------
    def inline_math(self, opener: str, pos: int, end: int) -> int:
        if opener == "$$":
            close = self.src.find("$$", pos, end)
            if close < 0:
                self.state.problems["unclosed $$: read as text"] = None
                return pos
            self.equation(self.src[pos:close], None)
            return close + 2
        m = _DOLLAR_END.match(self.src, pos, end)
        if m is None or "\n\n" in m.group() or _NOT_MATH.search(m.group()):
            self.state.problems["unclosed $: read as text"] = None
            self.put("$")
            return pos
        self.put_math(self.src[pos : m.end() - 1])
        return m.end()

    def put_math(self, source: str) -> None:
        text = math_text(source)
        start = self.size
        self.styled("italic", lambda: self.put(text))
        if self.size > start:
            self.math.append((start, self.size))

    def display_math(self, opener: str, pos: int, end: int) -> int:
        closer = "\\]" if opener == "[" else "\\)"
        close = self.src.find(closer, pos, end)
        if close < 0:
            self.state.problems[f"\\{opener} without {closer}: read as text"] = None
            return pos
        if opener == "(":
            self.put_math(self.src[pos:close])
        else:
            self.equation(self.src[pos:close], None)
        return close + 2

    def equation(self, source: str, number: str | None) -> None:
        source = _MATH_COMMENT.sub("", source)
        lines = [math_text(line) for line in textwrap.dedent(source.strip("\n")).split("\n")]
        shown = "\n".join(line for line in lines if line.strip())
        if number:
            shown = f"{shown}    ({number})"
        if self.builder is None:
            self.put_math(source)
            return
        self.block("preformatted", shown, language="latex")  # display math: its source, highlighted as TeX

    # --- environments ----------------------------------------------------------------------------
    def begin(self, _name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        env = self.src[start:stop].strip()
        base = env.rstrip("*")
        if env in _CODE_ENVS or env in _SKIP_ENVS:
            return self.code_env(env, pos, end)
        if base in _MATH_ENVS:
            return self.math_env(env, pos, end)
        if env in _TABLE_ENVS:
            return self.table_env(env, pos, end)
        if env in ("abstract", "thebibliography"):
            self.block(
                "heading", "Abstract" if env == "abstract" else "References", level=self.level(self.state.top_rank)
            )
            if env == "thebibliography":
                pos = self.arg(pos, end)[2]
                self.open_list("bibliography", env)
                return pos
            self.push_env((env, self.flush))
            return pos
        if env in _LIST_ENVS:
            self.open_list(_list_kind(env), env)
            return self.skip_env_args(env, pos, end)
        if env in _QUOTE_ENVS:
            return self.quote_env(env, pos, end)
        if env == "titlepage" or env in _KEYWORD_ENVS:  # shown as bylines: no sentences, never a summary's
            self.flush()
            self.titlepage += 1
            self.push_env((env, self.close_titlepage))
            if env in _KEYWORD_ENVS:
                self.styled("bold", lambda: self.put("Keywords:"))
                self.put(" ")
            return pos
        if env in _FLOAT_ENVS and self.size and self.builder is not None and self.depth <= _MAX_DEPTH:
            start, stop, pos = self.raw_env(env, pos, end)
            self.deferred.append((env, start, stop))
            return pos
        if env in _FLOAT_ENVS:
            self.flush()
            self.floats.append(_FLOAT_ENVS[env])
            self.push_env((env, self.close_float))
            return self.skip_env_args(env, pos, end)
        if base in self.state.theorems or base in _THEOREMS:
            return self.theorem(env, pos, end)
        if env == "frame" or (self.state.beamer and env in _SLIDE_BLOCKS):
            return self.frame(env, pos, end)
        self.push_env((env, None))
        return self.skip_env_args(env, pos, end)

    # --- beamer slides ----------------------------------------------------------------------------
    def overlay(self, pos: int, end: int) -> int:
        """An overlay specification (``<2->``, ``<+->``, ``<1-3|handout:0>``) after a command: no text."""
        m = _OVERLAY.match(self.src, pos, end)
        return m.end() if m else pos

    def frame(self, env: str, pos: int, end: int) -> int:
        """A frame: a section titled by its ``{title}`` (or its ``\\frametitle``); a block: its title in bold."""
        self.flush()
        pos = self.skip_opts(self.overlay(self.skip_space(pos, end), end), end)
        pos = self.overlay(self.skip_space(pos, end), end)
        at = self.skip_space(pos, end)
        title = subtitle = ""
        if at < end and self.src[at] == "{" and env in _TITLED_SLIDE_BLOCKS:
            start, stop, pos = self.arg(at, end)
            title = self.plain(start, stop)
            at = self.skip_space(pos, end)
            if env == "frame" and at < end and self.src[at] == "{":
                start, stop, pos = self.arg(at, end)
                subtitle = self.plain(start, stop)
        elif env == "column":
            pos = self.arg(at, end)[2]  # its width
        if env == "frame":
            self.frame_title(title, subtitle)
        elif title:
            self.styled("bold", lambda: self.put(title))
            self.flush()
        self.push_env((env, self.flush))
        return pos

    def frame_title(self, title: str, subtitle: str = "") -> None:
        if title:
            self.block("heading", title, level=self.level(self.state.frame_rank))
        if subtitle:
            self.styled("italic", lambda: self.put(subtitle))
            self.flush()

    def frametitle(self, name: str, pos: int, end: int) -> int:
        pos = self.overlay(self.skip_space(self.skip_opts(pos, end), end), end)
        start, stop, pos = self.arg(pos, end)
        title = self.plain(start, stop)
        if name == "frametitle":
            self.frame_title(title)
        else:
            self.frame_title("", title)
        return pos

    def alternative(self, name: str, pos: int, end: int) -> int:
        """``\\alt<2>{shown}{otherwise}``, ``\\temporal<2>{before}{on}{after}``: the text on the slide named;
        ``\\texorpdfstring{TeX}{PDF}``: the TeX text (the other is the PDF bookmark's)."""
        count = 3 if name == "temporal" else 2
        for n in range(count):
            start, stop, pos = self.arg(pos, end)
            if n == count - 2:
                self.run_scoped(start, stop)
        return pos

    def skip_env_args(self, env: str, pos: int, end: int) -> int:
        if env in ("minipage", "multicols", "multicols*", "wrapfigure", "wraptable", "adjustbox", "list"):
            pos = self.skip_opts(pos, end)
            for _ in range(2 if env in ("wrapfigure", "wraptable", "list") else 1):
                pos = self.arg(pos, end)[2]
        return self.skip_opts(pos, end)

    def push_env(self, entry: tuple[str, Callable[[], None] | None]) -> None:
        self.envs.append(entry)
        self.open_envs[entry[0]] = self.open_envs.get(entry[0], 0) + 1

    def end_env(self, _name: str, pos: int, end: int) -> int:
        start, stop, pos = self.arg(pos, end)
        env = self.src[start:stop].strip()
        if not self.open_envs.get(env):
            return pos
        while self.envs:
            name, on_end = self.envs.pop()
            self.open_envs[name] -= 1
            if on_end is not None:
                on_end()
            if name == env:
                break
        return pos

    def raw_env(self, env: str, pos: int, end: int) -> tuple[int, int, int]:
        """The span up to ``\\end{env}`` (same-named environments inside counted), and where reading goes on."""
        depth = 0
        for m in _env_pattern(env).finditer(self.src, pos, end):
            if m.group(1) == "begin":
                depth += 1
            elif depth == 0:
                return pos, m.start(), m.end()
            else:
                depth -= 1
        self.state.problems[f"\\begin{{{env}}} without \\end{{{env}}}: read to the end"] = None
        return pos, end, end

    def code_env(self, env: str, pos: int, end: int) -> int:
        options = self.opt(pos, end)
        language = None
        if options:
            m = re.search(r"language\s*=\s*\{?\s*(?:\[[^\]]*\])?\s*([\w+#-]+)", self.src[options[0] : options[1]])
            language = m.group(1).lower() if m else None
            pos = options[2]
        if env == "minted":
            start, stop, pos = self.arg(pos, end)
            language = self.src[start:stop].strip().lower() or None
        start, stop, pos = self.raw_env(env, pos, end)
        body = self.src[start:stop]
        if env in _SKIP_ENVS:
            return pos
        first, _sep, rest = body.partition("\n")
        body = rest if not first.strip() else body
        extra = {"language": language} if language else {}
        self.block("preformatted", textwrap.dedent(body).rstrip(), **extra)
        return pos

    def math_env(self, env: str, pos: int, end: int) -> int:
        if env.rstrip("*") == "alignat":
            pos = self.arg(pos, end)[2]
        if env == "subequations":
            self.push_env((env, None))
            return pos
        start, stop, pos = self.raw_env(env, pos, end)
        body = self.src[start:stop]
        number = None
        if not env.endswith("*") and env not in ("displaymath", "math") and "\\nonumber" not in body:
            count = self.state.counters.get("equation", 0) + 1
            self.state.counters["equation"] = count
            number = str(count)
            self.state.current = (number, "equation")
        for m in re.finditer(r"\\label\s*\{([^{}]*)\}", body):
            self.state.labels.setdefault(m.group(1).strip(), (number or "?", "equation"))
        if env == "math":
            self.put_math(body)
        else:
            self.equation(body, number)
        return pos

    def table_env(self, env: str, pos: int, end: int) -> int:
        pos = self.skip_opts(pos, end)
        for _ in range(_TABLE_ENVS[env]):
            pos = self.arg(pos, end)[2]
        start, stop, pos = self.raw_env(env, pos, end)
        if self.builder is None:
            return pos
        rows, header = self.table_rows(start, stop)
        if rows:
            self.block("table", "\n".join(rows), header=header or None)
        return pos

    def table_rows(self, start: int, stop: int) -> tuple[list[str], int]:
        """The rows, cells joined by " | " as every format's tables are, and whether a rule sets off a header row."""
        rows: list[str] = []
        header = 0
        for number, (a, b) in enumerate(_split(self.src, start, stop, _ROW_SPLIT)):
            if number == 1 and len(rows) == 1 and _HEADER_RULE.match(self.src, a, b):
                header = 1
            cells = [self.plain(c, d).replace(" | ", " / ") for c, d in _split(self.src, a, b, _CELL_SPLIT)]
            if any(cells):
                rows.append(" | ".join(cells))
        return rows, header if len(rows) > 1 else 0

    def open_list(self, kind: str, env: str) -> None:
        self.flush()
        enum_depth = (self.lists[-1].enum_depth if self.lists else 0) + (kind == "enumerate")
        self.lists.append(_List(kind, len(self.lists) + 1, enum_depth))
        self.push_env((env, self.close_list))

    def close_list(self) -> None:
        self.flush()
        if self.lists:
            self.lists.pop()
        self.pending_item = None

    def quote_env(self, env: str, pos: int, end: int) -> int:
        self.flush()
        self.quote += 1
        self.push_env((env, self.close_quote))
        return self.skip_opts(pos, end)

    def close_titlepage(self) -> None:
        self.flush()
        self.titlepage -= 1

    def close_quote(self) -> None:
        self.flush()
        self.quote -= 1

    def close_float(self) -> None:
        self.flush()
        if self.floats:
            self.floats.pop()

    def theorem(self, env: str, pos: int, end: int) -> int:
        self.flush()
        base = env.rstrip("*")
        name = self.state.theorems.get(base) or _THEOREMS.get(base) or base.capitalize()
        if base != "proof" and not env.endswith("*"):
            count = self.state.counters.get("theorem:" + base, 0) + 1
            self.state.counters["theorem:" + base] = count
            name = f"{name} {count}"
            self.state.current = (str(count), name.split(" ")[0].lower())
        found = self.opt(pos, end)
        if found:
            name = f"{name} ({self.plain(found[0], found[1])})"
            pos = found[2]
        self.styled("bold", lambda: self.put(name + "."))
        self.put(" ")
        self.push_env((env, self.flush))
        return pos


# "Ann Lee, Bo Chen, and Cy Park" on one line: three people (IEEE writes its authors so).
_NAME_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AUTHOR_SPLIT = re.compile(r"(?P<sep>\\(?:and|AND)\b)|\\.|%[^\n]*|[{}]", re.S)
_LINE_BREAK = re.compile(r"\\\\|\\newline\b|\\par\b")
# Text commands no math holds: a "$" before them is a stray one (TeX would stop with an error).
_NOT_MATH = re.compile(
    r"\\(?:part|chapter|(?:sub)*section|(?:sub)?paragraph|item|maketitle)\b"
    r"|\\(?:begin|end)\s*\{(?![a-zA-Z]*matrix\}|array\}|cases\}|aligned|split\}|gathered\}|subarray\})"
)
_DOLLAR_END = re.compile(r"(?:[^$\\]|\\[\s\S])*\$")
_DIMENSION = re.compile(
    r"\s*=?\s*[-+]?[\d.]+\s*(?:pt|em|ex|cm|mm|in|bp|pc|sp|mu)?(?:\s*(?:plus|minus)\s*[-+]?[\d.]+\s*\w*)*"
)
_SECTIONING_NAMES = frozenset(_RANKS)
_KEYWORD_ENVS = frozenset({"keywords", "keyword", "IEEEkeywords", "keywords*", "CCSXML"})
_FLAT_SAFE = frozenset({"begin", "end", "item", "par"})  # no recursion in them: they work at any depth


@functools.lru_cache(maxsize=64)
def _env_pattern(env: str) -> re.Pattern[str]:
    return re.compile(r"\\(begin|end)\s*\{" + re.escape(env) + r"\}")


def _list_kind(env: str) -> str:
    if "enum" in env:
        return "enumerate"
    if "desc" in env or env == "list":
        return "description"
    return "itemize"


def _marker(top: _List) -> str:
    if top.kind != "enumerate":
        return _BULLETS[min(top.depth, len(_BULLETS)) - 1]
    n = top.count
    return {1: f"{n}.", 2: f"({number_label(n, 'a')})", 3: f"{number_label(n, 'i')}."}.get(
        top.enum_depth, f"{number_label(n, 'A')}."
    )


def _split(src: str, start: int, stop: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans between separators (a row's ``\\\\``, a cell's ``&``, an author's ``\\and``) outside braces:
    the pattern's group ``sep`` is the separator, its other matches (escapes, comments) are skipped."""
    out: list[tuple[int, int]] = []
    depth, at = 0, start
    for m in pattern.finditer(src, start, stop):
        c = m.group()
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and m.group("sep"):
            out.append((at, m.start()))
            at = m.end()
    out.append((at, stop))
    return out


def _unescape_url(url: str) -> str:
    return re.sub(r"\\([%#&_~$])", r"\1", url)


def math_text(source: str) -> str:
    """Math as its source, readable: symbols as Unicode (``\\alpha`` -> α), ``\\frac{a}{b}`` -> a/b, sizes dropped."""
    if "%" in source:
        source = _MATH_COMMENT.sub("", source)
    if "\\" not in source:
        return _SPACE.sub(" ", source.replace("&", " ")).strip()
    text = _MATH_LABEL.sub("", source)
    text = _MATH_SIZES.sub("", text)
    for _ in range(3):  # nested wrappers and fractions, innermost first
        text = _MATH_WRAPPERS.sub(r"\1", text)
        text = _MATH_FRAC.sub(_fraction, text)
    table = symbols()

    def symbol(m: re.Match[str]) -> str:
        if m.group(2) is not None:
            return " " if m.group(2) in ",;:! " else m.group(2)
        return table.get(m.group(1), m.group())

    text = _MATH_MACRO.sub(symbol, text)
    return _SPACE.sub(" ", text.replace("&", " ").replace("\\\\", " ")).strip()


def _fraction(m: re.Match[str]) -> str:
    top, bottom = m.group(1).strip(), m.group(2).strip()
    top = top if len(top) <= 1 or top.isalnum() else f"({top})"
    bottom = bottom if len(bottom) <= 1 or bottom.isalnum() else f"({bottom})"
    return f"{top}/{bottom}"


def add_title_part(meta: dict[str, str], found: dict[str, str]) -> None:
    """A title page part; one \\author command a person (REVTeX, elsarticle) adds to those before."""
    for key, value in found.items():
        if key == "author" and meta.get("author") and value not in meta["author"]:
            meta["author"] = f"{meta['author']}, {value}"
        else:
            meta[key] = value


def title_page(walker: _Walker, name: str, start: int, stop: int) -> dict[str, str]:
    """``\\title``, ``\\author`` (people split at ``\\and``, each name its first line), ``\\date``."""
    if name != "author":
        text = walker.plain(start, stop)
        return {name: text} if text else {}
    names = []
    for a, b in _split(walker.src, start, stop, _AUTHOR_SPLIT):
        line = _LINE_BREAK.search(walker.src, a, b)
        text = walker.plain(a, line.start() if line else b).replace("\u00a0", " ")
        names += [name for name in _NAME_LIST.split(text) if name.strip(" ,")]
    return {"author": ", ".join(names)} if names else {}


_HANDLERS: dict[str, Callable[[_Walker, str, int, int], int]] = {
    "begin": _Walker.begin,
    "end": _Walker.end_env,
    "item": _Walker.item,
    "bibitem": _Walker.bibitem,
    "par": _Walker.par,
    "maketitle": _Walker.maketitle,
    "title": _Walker.title_part,
    "author": _Walker.title_part,
    "date": _Walker.title_part,
    "caption": _Walker.caption,
    "label": _Walker.label,
    "footnote": _Walker.footnote,
    "footnotetext": _Walker.footnote,
    "footnotemark": _Walker.footnote,
    "url": _Walker.url,
    "nolinkurl": _Walker.url,
    "href": _Walker.url,
    "path": _Walker.verb,
    "verb": _Walker.verb,
    "lstinline": _Walker.verb,
    "mintinline": _Walker.verb,
    "newcommand": _Walker.define,
    "renewcommand": _Walker.define,
    "providecommand": _Walker.define,
    "def": _Walker.define,
    "gdef": _Walker.define,
    "edef": _Walker.define,
    "let": _Walker.let,
    "newtheorem": _Walker.new_theorem,
    "setcounter": _Walker.counter,
    "appendix": _Walker.matter,
    "appendices": _Walker.matter,
    "frontmatter": _Walker.matter,
    "mainmatter": _Walker.matter,
    "backmatter": _Walker.matter,
    "abstract": _Walker.abstract,
    "input": _Walker.not_followed,
    "include": _Walker.not_followed,
    "subfile": _Walker.not_followed,
    "import": _Walker.not_followed,
    "bibliography": _Walker.not_followed,
    "addbibresource": _Walker.not_followed,
    "multicolumn": _Walker.last_arg,
    "multirow": _Walker.last_arg,
    "parbox": _Walker.last_arg,
    "raisebox": _Walker.last_arg,
    "vskip": _Walker.skip_dimension,
    "hskip": _Walker.skip_dimension,
    "kern": _Walker.skip_dimension,
    "newline": _Walker.space,
    "linebreak": _Walker.space,
    "tableofcontents": _Walker.nothing,
    "cmidrule": _Walker.rule,
    "specialrule": _Walker.rule,
    "cline": _Walker.rule,
    "rowcolor": _Walker.rule,
    "cellcolor": _Walker.rule,
    "addlinespace": _Walker.rule,
    "listoffigures": _Walker.nothing,
    "frametitle": _Walker.frametitle,
    "framesubtitle": _Walker.frametitle,
    "titlepage": _Walker.maketitle,
    "pause": _Walker.nothing,
    "alt": _Walker.alternative,
    "temporal": _Walker.alternative,
    "texorpdfstring": _Walker.alternative,
    "listoftables": _Walker.nothing,
}
for _name in _ITALIC | _BOLD | _CODE:
    _HANDLERS[_name] = _Walker.emphasis
for _name in ("textsc", "textsf", "textrm", "textup", "textmd", "textnormal", "mbox", "text", "fbox", "underline"):
    _HANDLERS[_name] = _Walker.transparent
for _name in ("uline", "textsuperscript", "textsubscript", "hbox", "makebox", "framebox", "enquote", "mathrm"):
    _HANDLERS[_name] = _Walker.transparent
for _name in ("only", "uncover", "visible", "onslide", "alert", "structure", "action", "frame"):
    _HANDLERS[_name] = _Walker.transparent
for _name in _REFS:
    _HANDLERS[_name] = _Walker.ref
_HANDLERS["vspace"] = _Walker.unknown  # \vspace*{1em}: the braces hold the length


_DOCUMENTCLASS = re.compile(r"\\documentclass\b")
_BEAMER = re.compile(
    r"\\begin\s*\{frame\}|\\documentclass\s*(?:\[[^\]]*\])?\s*\{\w*beamer\w*\}|\\usepackage\{beamerarticle\}"
)
_OVERLAY = re.compile(r"<[-+*.|:,@\w\s()]{1,60}>")  # '<1-| alert@1>': an action's slides too
# Beamer's boxes with a title and its columns: read through, the title in bold.
_SLIDE_BLOCKS = frozenset({"block", "alertblock", "exampleblock", "columns", "column", "onlyenv", "overprint"})
_TITLED_SLIDE_BLOCKS = frozenset({"frame", "block", "alertblock", "exampleblock"})
_TITLE_PART = re.compile(r"\\(title|author|date)\s*(?:\[[^\]]*\])?\s*\{")


def _commented(src: str, at: int) -> bool:
    """Whether a ``%`` earlier on the line (not ``\\%``) makes the text at ``at`` a comment."""
    line = src.rfind("\n", 0, at) + 1
    m = _LINE_COMMENT.match(src, line, at)
    return m is not None


def _find(src: str, pattern: re.Pattern[str], start: int, end: int, last: bool = False) -> re.Match[str] | None:
    """The first match not in a comment (the last one: a manual shows ``\\end{document}`` in its examples)."""
    found = None
    for m in pattern.finditer(src, start, end):
        if not _commented(src, m.start()):
            found = m
            if not last:
                break
    return found


def _body(src: str) -> tuple[int, int, list[str]]:
    """Where the body starts and ends, and notes on a missing ``\\begin{document}`` or ``\\end{document}``."""
    begin = _find(src, _BEGIN_DOCUMENT, 0, len(src))
    if begin is None:
        has_class = _find(src, _DOCUMENTCLASS, 0, min(len(src), 65536)) is not None
        return 0, len(src), ["\\documentclass without \\begin{document}: read whole"] if has_class else []
    end = _find(src, _END_DOCUMENT, begin.end(), len(src), last=True)
    if end is None:
        return begin.end(), len(src), ["\\begin{document} without \\end{document}"]
    return begin.end(), end.start(), []


def _prepare(src: str, start: int, end: int, state: _State) -> None:
    """What the whole body decides before it is read: heading levels, numbering depth, user macros."""
    ranks = {_RANKS[m.group(1)] for m in _SECTIONING.finditer(src, start, end)}
    state.beamer = _BEAMER.search(src, 0, end) is not None
    if state.beamer:  # a frame's title sits one level under the deepest sectioning the slides use
        state.frame_rank = max(ranks, default=1) + 1
        ranks.add(state.frame_rank)
        state.numbering = False  # slides show their sections' names, not numbers
    state.top_rank = min(ranks) if ranks else 2
    state.chapters = 1 in ranks
    state.number_depth = 3 if state.chapters else 4
    pre = _Walker(src, state)
    for m in _USER_MACRO.finditer(src, 0, end):
        if m.group(2):
            continue
        name = m.group(1) or m.group(3)
        pos = m.end()
        if pos < end and src[pos] == "{":
            close = pre.group_end(pos + 1, end)
            state.macros[name] = (pos + 1, close)
    state.problems.clear()
    _title_page(src, start, end, state, pre)


def _title_page(src: str, start: int, end: int, state: _State, pre: _Walker) -> None:
    """The title, authors and date, from the preamble and the body up to ``\\maketitle``; the title opens
    the body even when the abstract comes first (REVTeX writes it before ``\\maketitle``)."""
    shown = re.compile(r"\\maketitle\b|\\titlepage\b").search(src, start, end)
    stop = shown.start() if shown else start
    for m in _TITLE_PART.finditer(src, 0, stop):
        if not _commented(src, m.start()):
            add_title_part(state.meta, title_page(pre, m.group(1), m.end(), pre.group_end(m.end(), stop)))
    state.problems.clear()
    abstract = re.compile(r"\\begin\s*\{abstract\}").search(src, start, end)
    state.title_first = shown is not None and abstract is not None and abstract.start() < shown.start()
    state.offset = 1 if shown is not None and "title" in state.meta else 0


def _convert(src: str, known: dict[str, tuple[str, str]], closes: dict[int, int]) -> tuple[Builder, _State, list[str]]:
    state = _State(known=known, closes=closes)
    start, end, notes = _body(src)
    _prepare(src, start, end, state)
    builder = Builder()
    walker = _Walker(src, state, builder)
    if state.title_first:
        walker.maketitle("maketitle", start, end)
    walker.run(start, end)
    walker.flush()
    for env, _ in walker.envs:
        if env not in ("document",):
            state.problems.setdefault(f"\\begin{{{env}}} without \\end{{{env}}}", None)
    for number, text in state.notes:
        if text:
            builder.pending_ids.append(f"fn{number}")
            builder.add("list_item", text, depth=1, marker=f"[{number}]")
    return builder, state, notes


def _read(src: str) -> tuple[Builder, _State, list[str]]:
    closes = texmacros.match_braces(src)
    expanded, stopped = texmacros.expand(src, closes, _commented)
    if expanded is not src:
        src, closes = expanded, texmacros.match_braces(expanded)
    builder, state, notes = _convert(src, {}, closes)
    if state.unresolved & state.labels.keys():  # a \ref before its \label: read again knowing every label
        builder, state, notes = _convert(src, dict(state.labels), closes)
    if stopped:
        notes.append(f"user macros nested over {texmacros.MAX_DEPTH} levels deep or growing too long: left as written")
    return builder, state, notes


def _some(names: dict[str, None]) -> str:
    return ", ".join(list(names)[:3]) + (" …" if len(names) > 3 else "")


# What an include command may be: \input{x}, \input x (TeX's form), \include{x}, \subfile{x}, \import{dir}{x};
# a comment or a verbatim environment is matched first, so an include inside one stays as written.
_INCLUDE = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)"
    r"|\\begin\s*\{(?P<verbatim>verbatim\*?|Verbatim|lstlisting|minted|comment|filecontents\*?|alltt)\}"
    r"|\\(?P<cmd>input|include|subfile)\s*\{(?P<name>[^{}\n]*)\}"
    r"|\\input[ \t]+(?P<bare>[^\s{}\\%]+)"
    r"|\\(?P<imp>sub)?(?:import|inputfrom|includefrom)\*?\s*\{(?P<dir>[^{}\n]*)\}\s*\{(?P<file>[^{}\n]*)\}"
    r"|\\(?P<listing>lstinputlisting|inputminted|verbatiminput)\s*(?:\[(?P<options>[^\[\]]*)\])?"
    r"\s*(?:\{(?P<language>[^{}\n]*)\}\s*)?\{(?P<code>[^{}\n]*)\}"
)
# A code file read in, as the environment its command stands for (the file's lines as its body).
_LISTING_ENVS = {"lstinputlisting": "lstlisting", "inputminted": "minted", "verbatiminput": "verbatim"}
_LINE_OPTION = re.compile(r"\b(firstline|lastline)\s*=\s*(\d+)")


@dataclass
class _Includes:
    """Reading a source's included files into it (the session's limits apply); ``expanded`` counts them."""

    session: includes.Session
    root_dir: Path
    expanded: int = 0

    def merge(self, src: str, chain: tuple[Path, ...], here: Path) -> str:
        out: list[str] = []
        at = 0
        for m in _INCLUDE.finditer(src):
            if m.start() < at:
                continue  # inside a verbatim environment already copied
            if m.group("verbatim"):
                stop = texmacros.verbatim_end(src, m.group("verbatim"), m.end())
                out.append(src[at:stop])
                at = stop
                continue
            if m.group("comment"):
                continue
            out.append(src[at : m.start()])
            out.append(self.one(m, chain, here))
            at = m.end()
        out.append(src[at:])
        return "".join(out)

    def one(self, m: re.Match[str], chain: tuple[Path, ...], here: Path) -> str:
        """The text standing for one include command: the file's (its body, for a whole document)."""
        if m.group("listing"):
            return self.listing(m, chain, here)
        name = (m.group("name") or m.group("bare") or m.group("file") or "").strip().strip('"')  # "my file"
        if "#" in name or "#" in (m.group("dir") or ""):  # a macro's parameter (\input{#1}): no file yet
            return m.group()
        bases: tuple[Path, ...] = (self.root_dir, here)
        if m.group("file") is not None:  # \import{dir}{file}: from dir (\subimport's relative to this file)
            folder = Path(m.group("dir").strip() or ".")
            bases = (here / folder,) if m.group("imp") else (self.root_dir / folder, here / folder)
        elif m.group("cmd") == "subfile":
            bases = (here, self.root_dir)
        suffixes = (".tex",) if m.group("cmd") == "include" else (".tex", "")
        found = self.session.read(name, chain, bases, suffixes)
        if found is None:
            return ""
        text, path = found
        self.expanded += 1
        text = _document_body(text)
        text = self.merge(text, (*chain, path), path.parent)
        return f"\n\n{text}\n\n" if m.group("cmd") == "include" else text

    def listing(self, m: re.Match[str], chain: tuple[Path, ...], here: Path) -> str:
        """``\\lstinputlisting[language=C]{x.c}``, ``\\inputminted{c}{x.c}``: the file as a code block."""
        name = m.group("code").strip().strip('"')
        found = None if "#" in name else self.session.read(name, chain, (self.root_dir, here))
        if found is None:
            return "" if "#" not in name else m.group()
        options = m.group("options") or ""
        lines = found[0].split("\n")
        bounds = dict(_LINE_OPTION.findall(options))
        lines = lines[int(bounds.get("firstline", 1)) - 1 : int(bounds["lastline"]) if "lastline" in bounds else None]
        env = _LISTING_ENVS[m.group("listing")]
        body = "\n".join(lines).rstrip("\n").replace(f"\\end{{{env}}}", f"\\end {{{env}}}")
        language = m.group("language")
        head = f"[{options}]" if options and env == "lstlisting" else f"{{{language}}}" if env == "minted" else ""
        if m.group("listing") == "lstinputlisting" and language is not None:  # its {file} was the one argument
            return m.group()
        return f"\n\\begin{{{env}}}{head}\n{body}\n\\end{{{env}}}\n"


def _document_body(text: str) -> str:
    """A whole document included (a subfile, a standalone chapter): what is between its ``document``s."""
    begin = _find(text, _BEGIN_DOCUMENT, 0, min(len(text), 1 << 20))
    if begin is None:
        return text
    end = _find(text, _END_DOCUMENT, begin.end(), len(text), last=True)
    return text[begin.end() : end.start() if end else len(text)]


def with_includes(document: Document) -> tuple[str, tuple[str, ...]]:
    """The source with the files it includes read in (when it has a file behind it) and notes on them."""
    session = includes.session(len(document.text))
    if session is None or not _INCLUDE_HINT.search(document.text):
        return document.text, ()
    merger = _Includes(session, session.root.parent)
    src = merger.merge(document.text, (session.root,), session.root.parent)
    if _INCLUDE_BY_MACRO.search(src):  # \newcommand{\chapter}[1]{\input{chapters/#1}}: its uses name the files
        src = texmacros.expand(src, texmacros.match_braces(src), _commented)[0]
        src = merger.merge(src, (session.root,), session.root.parent)
    return src, tuple(session.notes)


_INCLUDE_BY_MACRO = re.compile(r"\\(?:input|include|subfile)\s*\{[^{}\n]*#\d")


_INCLUDE_HINT = re.compile(
    r"\\(?:input|include|subfile|(?:sub)?import|inputfrom|includefrom|lstinputlisting|inputminted|verbatiminput)\b"
)


def parse(document: Document) -> Document:
    src, include_notes = with_includes(document)
    try:
        builder, state, notes = _read(src)
    except RecursionError:  # nesting is read flat past 60 levels: this should not happen, and is no traceback
        raise FormatError("LaTeX nested too deeply to read") from None
    notes.extend(state.problems)
    notes.extend(include_notes)
    if state.skipped:
        notes.append(f"\\input and \\include not followed ({_some(state.skipped)}): only this file is read")
    if state.bibliographies:
        notes.append(f"bibliography not read ({_some(state.bibliographies)}): citations show their keys")
    metadata = {k: v for k, v in state.meta.items() if k in ("title", "author", "date")}
    doc = builder.document(document.source, "latex", metadata, document.encoding, (*document.notes, *notes))
    return doc


_LOGOS = frozenset({"latex", "tex", "bibtex", "xetex", "luatex", "pdftex", "latex2ε", "context", "metapost"})


def add_people(analysis: Analysis) -> None:
    """The authors on the title page are people; a TeX logo, or a name only ever met in math or code
    (a macro's, a label's, a key's), is nobody."""
    text = analysis.text
    inert = sorted(
        [(e.start, e.end) for e in analysis.document.emphasis if e.kind == "code"] + math_spans_of(analysis.document)
    )
    kept = [p for p in analysis.participants if not _nobody(p, text, inert)]
    analysis.participants[:] = kept
    by_name = {alias.casefold(): p for p in kept for alias in {p.name, *p.aliases}}
    taken = [int(p.id[1:]) for p in kept if p.id[1:].isdigit()]
    next_id = max(taken, default=0) + 1
    for block in analysis.document.blocks:
        if block.kind != "byline":
            continue
        for m in re.finditer(r"[^,]+", text[block.start : block.end]):
            name = m.group().strip()
            if not name or not any(c.isalpha() for c in name):
                continue
            start = block.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            person = by_name.get(name.casefold())
            if person is None:
                person = Participant(f"p{next_id}", name, "person", aliases=[name])
                next_id += 1
                analysis.participants.append(person)
                by_name[name.casefold()] = person
            person.kind = "person"
            person.mentions.append(Mention(start, start + len(name)))
            person.mentions.sort(key=lambda x: x.start)
    analysis.participants.sort(key=lambda p: p.mentions[0].start if p.mentions else 0)


# "Eq. (3)", "Fig. 2", "Refs. 4-6": a part of the paper, not a place or a person.
_PAPER_PARTS = frozenset("eq eqs fig figs sec secs ref refs tab app appendix equation figure section table".split())
_CITATION = re.compile(r"\[[^\[\]\n]{0,300}\]")


def _nobody(p: Participant, text: str, inert: list[tuple[int, int]]) -> bool:
    """A TeX logo, a part of the paper, a name with figures in it (a citation key, ``Smith2019``), or a name
    met only in math, code or a citation's brackets."""
    name = p.name.casefold()
    if name in _LOGOS or name.rstrip(".") in _PAPER_PARTS or any(c.isdigit() for c in name):
        return True
    return all(_within(m.start, m.end, inert) or _in_citation(text, m.start, m.end) for m in p.mentions)


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    at = bisect_right(spans, (start, 1 << 62)) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def _in_citation(text: str, start: int, end: int) -> bool:
    """Inside ``[key, key]`` as a citation without its bibliography shows."""
    open_at = text.rfind("[", max(0, start - 300), start)
    return open_at >= 0 and _CITATION.match(text, open_at) is not None and _CITATION.match(text, open_at).end() >= end  # type: ignore[union-attr]


def math_spans_of(document: Document) -> list[tuple[int, int]]:
    """Inline math spans: the italic spans whose text the math reading gave (cheap: no second parse)."""
    return [
        (e.start, e.end)
        for e in document.emphasis
        if e.kind == "italic" and _MATHY.search(document.text, e.start, e.end)
    ]


_MATHY = re.compile(r"[=^_<>+\u0370-\u03ff\u2190-\u22ff]")


def math_spans(document: Document) -> list[tuple[int, int]]:
    """Where a LaTeX document's text holds inline math (its source kept), read again: for checks only."""
    _builder, state, _notes = _read(document.text)
    return state.math_spans
