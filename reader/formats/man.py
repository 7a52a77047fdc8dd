"""Manual pages: roff ``man`` sources (and the common BSD ``mdoc`` macros) read by a small interpreter.

``Document.text`` is what ``man`` shows, not the source: ``.SH``/``.SS`` are headings, ``.TP``/``.IP``
definitions are list items (the tag, then its text), ``.nf``/``.EX`` and the SYNOPSIS are
preformatted, ``.TS`` tables are table blocks, and ``\\fB``/``.B``/``.I`` are emphasis. ``.TH``
gives the title, section, date and source; the NAME line is the subtitle. Escapes are decoded,
strings (``.ds``) expanded, conditionals taken as nroff takes them, and macro definitions skipped:
no groff is needed. Every line is looked at once, so the time is linear in the page's size.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import cast

from reader.formats.build import Builder
from reader.model import Analysis, BlockKind, Document, EmphasisKind

_TITLE_MACRO = re.compile(r"^[.'][ \t]*(?:TH|Dd)[ \t]", re.M)
_INCLUDE = re.compile(r"^[.'][ \t]*so[ \t]")
_COMMENT_LINE = re.compile(r"^(?:[.'][ \t]*\\\"|\\\"|'\\\"|\.[ \t]*$)")

Font = EmphasisKind | None
_REQUEST = re.compile(r"[ \t]*([^ \t\\]*)[ \t]*(.*)", re.S)
Run = tuple[str, str | None]  # text and its emphasis kind; kind "link"/"end" marks a link's ends
NBSP = "\u00a0"  # an unpaddable space while a block is built; a plain space in the text
SYNOPSIS_WIDTH = 78


def looks_like(text: str) -> bool:
    """A manual page: it opens with a request line (after comments) and has ``.TH``/``.Dd`` (or is a ``.so``)."""
    head = text[:65536]  # old pod2man headers run to 150 lines of macros before .TH
    for line in head.split("\n", 400):
        if not line.strip() or _COMMENT_LINE.match(line):
            continue
        if line[:1] not in (".", "'"):
            return False
        return bool(_TITLE_MACRO.search(head) or _INCLUDE.match(line))
    return False


def parse(document: Document) -> Document:
    page = Page()
    page.run(logical_lines(document.text))
    meta = page.metadata()
    notes = tuple(dict.fromkeys(page.notes))
    return page.builder.document(document.source, "man", meta, document.encoding, (*document.notes, *notes))


def logical_lines(text: str) -> list[str]:
    """Input lines with escaped newlines joined (a line ending in an odd number of backslashes)."""
    out: list[str] = []
    pending: list[str] = []
    for line in text.split("\n"):
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2:
            pending.append(line[:-1])
            continue
        out.append("".join(pending) + line if pending else line)
        pending = []
    if pending:
        out.append("".join(pending))
    return out


def strip_comment(line: str) -> str:
    """The line before its ``\\"`` or ``\\#`` comment."""
    at = line.find("\\")
    while at >= 0:
        nxt = line[at + 1 : at + 2]
        if nxt in ('"', "#"):
            return line[:at]
        at = line.find("\\", at + 2)
    return line


MACRO_DEPTH = 8
# What a page's macros and strings may expand to in all: a page that calls a macro ten times
# from inside itself would otherwise expand to 10**8 lines. Real pages stay far below.
EXPANSION_BUDGET = 2_000_000  # characters
_ARGUMENT = re.compile(r"\\\\?\$(\d|\*|@|\(\d\d|\[\d+\])")
_ARG = re.compile(r'"((?:[^"]|"")*)(?:"|$)|((?:\\.|[^ \t\\]|\\$)+)')


def split_args(rest: str) -> list[str]:
    """A request's arguments: blank-separated, ``"quoted with "" inside"``, escapes kept for decoding."""
    out: list[str] = []
    for found in _ARG.finditer(rest):
        quoted, word = found.groups()
        out.append(quoted.replace('""', '"') if quoted is not None else word)
    return out


# --- escapes -------------------------------------------------------------------------------------

SPECIAL: dict[str, str] = {
    "em": "\u2014", "en": "\u2013", "hy": "-", "mi": "-", "-": "-", "aq": "'", "dq": '"', "lq": "\u201c",
    "rq": "\u201d", "oq": "\u2018", "cq": "\u2019", "Bq": "\u201e", "bq": "\u201a", "Fo": "\u00ab", "Fc": "\u00bb",
    "fo": "\u2039", "fc": "\u203a", "bu": "\u2022", "ci": "\u25cb", "sq": "\u25a1", "co": "\u00a9", "rg": "\u00ae",
    "tm": "\u2122", "de": "\u00b0", "+-": "\u00b1", "mu": "\u00d7", "di": "\u00f7", "->": "\u2192", "<-": "\u2190",
    "<>": "\u2194", "ua": "\u2191", "da": "\u2193", "rA": "\u21d2", "lA": "\u21d0", "hA": "\u21d4", "<=": "\u2264",
    ">=": "\u2265", "!=": "\u2260", "==": "\u2261", "~=": "\u2245", "~~": "\u2248", "ap": "\u223c", "if": "\u221e",
    "sc": "\u00a7", "ps": "\u00b6", "dg": "\u2020", "dd": "\u2021", "ti": "~", "ha": "^", "ga": "`", "aa": "\u00b4",
    "ul": "_", "ru": "_", "rs": "\\", "sl": "/", "ba": "|", "bv": "|", "br": "\u2502", "lB": "[", "rB": "]",
    "lC": "{", "rC": "}", "la": "\u27e8", "ra": "\u27e9", "at": "@", "sh": "#", "Do": "$", "Eu": "\u20ac",
    "eu": "\u20ac", "Po": "\u00a3", "Ye": "\u00a5", "ct": "\u00a2", "ss": "\u00df", "ae": "\u00e6", "AE": "\u00c6",
    "o/": "\u00f8", "O/": "\u00d8", "12": "\u00bd", "14": "\u00bc", "34": "\u00be", "S1": "\u00b9", "S2": "\u00b2",
    "S3": "\u00b3", "pc": "\u00b7", "md": "\u22c5", "OK": "\u2713", "sr": "\u221a", "pl": "+", "eq": "=",
    "**": "\u2217", "fa": "\u2200", "te": "\u2203", "mo": "\u2208", "no": "\u00ac", "es": "\u2205", "pd": "\u2202",
    "is": "\u222b", "r!": "\u00a1", "r?": "\u00bf", "ff": "ff", "fi": "fi", "fl": "fl", "Ffi": "ffi", "Ffl": "ffl",
    "rh": "\u261e", "lh": "\u261c", "tno": "~", "shc": "-", "nbsp": NBSP, "space": " ", "char92": "\\", "char46": ".",
    "char39": "'", "char34": '"', "char45": "-",
}  # fmt: skip
_GREEK = dict(zip("abgdezyhiklmncoprstufxqw", "αβγδεζηθικλμνξοπρστυφχψω"))  # \(*a is α
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", ":": "\u0308", "~": "\u0303", ",": "\u0327", "o": "\u030a"}
_STRINGS = {"lq": "\u201c", "rq": "\u201d", "R": "\u00ae", "Tm": "\u2122", "Aq": "'", "S": "", "HF": "B"}
_STRINGS |= {"Am": "&", "Ba": "|", "Ge": "\u2265", "Le": "\u2264", "Gt": ">", "Lt": "<", "Ne": "\u2260", "Pm": "\u00b1"}
_STRINGS |= {"If": "\u221e", "Pi": "\u03c0", "Na": "NaN", "Lq": "\u201c", "Rq": "\u201d", "Ua": "\u2191"}
_FONTS: dict[str, Font] = {"B": "bold", "3": "bold", "BI": "bold", "4": "bold", "CB": "bold", "SB": "bold"}
_FONTS |= {"I": "italic", "2": "italic", "CI": "italic", "TI": "italic", "HI": "italic", "BIi": "italic"}
_FONTS |= {"CW": "code", "C": "code", "CR": "code", "5": "code", "V": "code", "CO": "code", "TT": "code"}
# Escapes that take a delimited argument ('...') and print nothing a reader needs.
_DELIMITED = frozenset("hvwlLDXbxRABHSoZ")
# Escapes that take a name (x, (xx or [name]) and print nothing.
_NAMED = frozenset("nmMFgkVYO$")
_SIMPLE = {
    "-": "-", "e": "\\", "E": "\\", "\\": "\\", "&": "", ")": "", "%": "", ":": "", "|": "", "^": "",
    ",": "", "/": "", "d": "", "u": "", "a": "", "p": "", "z": "", "r": "", "c": "", "{": "", "}": "",
    " ": NBSP, "~": NBSP, "0": " ", "t": "\t", "'": "'", "`": "`", ".": ".", "!": "", "?": "",
}  # fmt: skip


def special(name: str) -> str:
    """A special character by its groff name (``em``, ``u00E9``, ``char233``, ``'e``, ``*a``); "" if unknown."""
    if name in SPECIAL:
        return SPECIAL[name]
    if len(name) == 2 and name[0] == "*" and name[1].lower() in _GREEK:
        char = _GREEK[name[1].lower()]
        return char.upper() if name[1].isupper() else char
    if len(name) == 2 and name[0] in _ACCENTS and name[1].isalpha():
        return unicodedata.normalize("NFC", name[1] + _ACCENTS[name[0]])
    if name.startswith("u") and re.fullmatch(r"u[0-9A-Fa-f]{4,6}(?:_[0-9A-Fa-f]{4,6})*", name):
        return unicodedata.normalize("NFC", "".join(chr(int(part.lstrip("u"), 16)) for part in name.split("_")))
    if name.startswith("char") and name[4:].isdigit() and int(name[4:]) < 0x110000:
        return chr(int(name[4:]))
    return ""


def _name_at(line: str, at: int) -> tuple[str, int]:
    """A name after an escape letter: ``x``, ``(xx`` or ``[long name]``; the name and where it ends."""
    first = line[at : at + 1]
    if first == "(":
        return line[at + 1 : at + 3], at + 3
    if first == "[":
        end = line.find("]", at)
        end = len(line) if end < 0 else end
        return line[at + 1 : end], end + 1
    return first, at + 1


def _delimited_at(line: str, at: int) -> tuple[str, int]:
    """A delimited argument (``'...'``): its text and where it ends."""
    delim = line[at : at + 1]
    if not delim:
        return "", at
    end = line.find(delim, at + 1)
    end = len(line) if end < 0 else end
    return line[at + 1 : end], end + 1


def _size_end(line: str, at: int) -> int:
    """Where a ``\\s`` size escape ends: ``\\s-2``, ``\\s0``, ``\\s(12``, ``\\s[12]``, ``\\s'12'``, ``\\s+(12``."""
    signed = line[at : at + 1] in ("+", "-")
    at += signed
    first = line[at : at + 1]
    if first in ("[", "'"):
        end = line.find("]" if first == "[" else "'", at + 1)
        return len(line) if end < 0 else end + 1
    if first == "(":
        return at + 3
    if not first.isdigit():
        return at
    two = not signed and first in "123" and line[at + 1 : at + 2].isdigit()
    return at + 2 if two else at + 1


# --- the interpreter -----------------------------------------------------------------------------


@dataclass
class Page:
    """The state of one page as its lines are read: the block being gathered and the modes in force."""

    builder: Builder = field(default_factory=Builder)
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=lambda: dict(_STRINGS))
    font: Font = None
    previous: Font = None
    fill: bool = True
    runs: list[Run] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # open links: run index and url
    item: bool = False  # inside a definition's text (after a .TP tag, an .IP)
    indent: int = 0  # .RS depth
    item_level: tuple[int, int] = (1, 0)  # the definition being read: its depth, and the .RS depth it started at
    marker: tuple[str, int] | None = None  # an .IP or .It item's bullet or number and depth, for its first block
    section: str = ""
    trap: str | None = None  # what the next text line is: "tag", "heading1", "heading2", or a font
    line_font: Font = None
    no_space: bool = False  # the last text line ended in \c: the next one joins it
    skip_until: str | None = None  # inside a macro definition or .ig: the name that ends it ("." for "..")
    skip_depth: int = 0  # inside a false conditional's \{ ... \}
    last_if: bool = True
    table: list[str] | None = None  # the lines of a .TS table being gathered
    mdoc: Mdoc | None = None
    macros: dict[str, list[str]] = field(default_factory=dict)  # the page's own macros (.de), by name
    recording: list[str] | None = None  # the body of the macro being defined
    depth: int = 0  # macros expanding inside macros
    budget: int = EXPANSION_BUDGET  # characters macros and strings may still expand to

    # -- reading --------------------------------------------------------------------------------

    def run(self, lines: list[str]) -> None:
        for line in lines:
            self.line(line)
        if self.table is not None:
            self.end_table()
        self.flush()

    def line(self, raw: str) -> None:
        if self.skip_until is not None:
            found = _REQUEST.match(raw[1:]) if raw[:1] in (".", "'") else None
            if found and found.group(1) == self.skip_until:
                self.skip_until = self.recording = None
            elif self.recording is not None:
                self.recording.append(raw)
            return
        if self.skip_depth:
            self.skip_depth += raw.count("\\{") - raw.count("\\}")
            self.skip_depth = max(self.skip_depth, 0)
            return
        if self.table is not None:
            self.table_line(raw)
            return
        self.dispatch(raw)

    def dispatch(self, raw: str) -> None:
        if raw[:1] in (".", "'"):
            self.control(raw[1:])
        elif self.mdoc is not None:
            self.mdoc.text(raw)
        else:
            self.text_line(raw)

    def control(self, body: str) -> None:
        found = _REQUEST.match(body)
        name, rest = (found.group(1), found.group(2)) if found else ("", "")
        if name in ("if", "ie", "el"):
            self.conditional(name, rest)
            return
        name = name.replace("\\}", "").replace("\\{", "")
        rest = strip_comment(rest).replace("\\}", "").replace("\\{", "")
        handler = REQUESTS.get(name)
        if handler is not None:
            handler(self, name, rest)
        elif name in self.macros:
            self.expand(name, rest)
        elif self.mdoc is not None or name in MDOC_START:
            self.mdoc_macro(name, rest)
        # any other request or macro (.ne, .in, .ll, a page's own macros) prints nothing

    def expand(self, name: str, rest: str) -> None:
        """A page's own macro: its body read with the arguments put in (``\\$1``, ``\\$*``)."""
        body = self.macros[name]
        if self.depth >= MACRO_DEPTH or not self.spend(sum(len(line) for line in body)):
            return
        args = split_args(rest)

        def argument(found: re.Match[str]) -> str:
            key = found.group(1).strip("([]")
            if key in ("*", "@"):
                return " ".join(args)
            index = int(key) - 1
            return args[index] if 0 <= index < len(args) else ""

        self.depth += 1
        for line in body:
            self.line(_ARGUMENT.sub(argument, line).replace("\\\\", "\\"))
        self.depth -= 1

    def spend(self, size: int) -> bool:
        """Whether an expansion of ``size`` characters fits what is left of the budget (noted once when not)."""
        if self.budget < size:
            if self.budget >= 0:
                self.notes.append("macros and strings expand past 2 million characters: the rest left unexpanded")
                self.budget = -1
            return False
        self.budget -= size
        return True

    def text_line(self, raw: str) -> None:
        raw = strip_comment(raw).replace("\\{", "").replace("\\}", "")
        if self.fill and not raw.strip():
            self.paragraph_break()
            return
        if self.fill and raw[:1] in (" ", "\t") and self.runs:
            self.runs.append(("\n", None))
            self.no_space = True
        font, self.line_font = self.line_font, None
        runs = self.decode_in(raw, font) if font else self.decode(raw)
        self.emit(runs, joins=_joins(raw))

    # -- escapes --------------------------------------------------------------------------------

    def decode_in(self, line: str, font: Font) -> list[Run]:
        """``line`` decoded in ``font``; the page's font is as it was after."""
        saved = self.font, self.previous
        self.font = font
        runs = self.decode(line)
        self.font, self.previous = saved
        return runs

    def decode(self, line: str, depth: int = 0) -> list[Run]:
        """The runs of ``line`` with every escape decoded; ``\\f`` changes the page's font."""
        runs: list[Run] = []
        at = 0
        while at < len(line):
            slash = line.find("\\", at)
            if slash < 0:
                runs.append((line[at:], self.font))
                break
            if slash > at:
                runs.append((line[at:slash], self.font))
            at = self.escape(line, slash + 1, runs, depth)
        return runs

    def escape(self, line: str, at: int, runs: list[Run], depth: int) -> int:
        """Decode the escape whose letter is at ``at`` into ``runs``; where the line goes on."""
        letter = line[at : at + 1]
        if letter in _SIMPLE:
            runs.append((_SIMPLE[letter], self.font))
            return at + 1
        if letter in ('"', "#", ""):
            return len(line)
        if letter in ("(", "["):
            name, end = _name_at(line, at)
            runs.append((special(name), self.font))
            return end
        if letter == "f":
            name, end = _name_at(line, at + 1)
            self.set_font(name)
            return end
        if letter == "*":
            name, end = _name_at(line, at + 1)
            value = self.strings.get(name.split(" ")[0], "")
            if value and depth < 4 and self.spend(len(value)):
                runs.extend(self.decode(value, depth + 1))
            return end
        return self.other_escape(line, at, letter, runs)

    def other_escape(self, line: str, at: int, letter: str, runs: list[Run]) -> int:
        if letter in _NAMED:
            first = line[at + 1 : at + 2]
            return _name_at(line, at + 2 if first in "+-" and letter == "n" else at + 1)[1]
        if letter == "s":
            return _size_end(line, at + 1)
        if letter in ("C", "N"):
            arg, end = _delimited_at(line, at + 1)
            char = special(arg) if letter == "C" else special(f"char{arg}") if arg.isdigit() else ""
            runs.append((char, self.font))
            return end
        if letter in _DELIMITED:
            arg, end = _delimited_at(line, at + 1)
            if letter == "h" and arg.strip("0|+") and not arg.startswith("-"):
                runs.append((" ", self.font))  # a move right (docbook's "\h'+01'" after a list number)
            return end
        runs.append((letter, self.font))  # an unknown escape prints its letter, as troff does
        return at + 1

    def set_font(self, name: str) -> None:
        if name in ("P", ""):
            self.font, self.previous = self.previous, self.font
            return
        self.previous = self.font
        self.font = _FONTS.get(name)

    def plain(self, raw: str) -> str:
        """An argument's text, decoded, without fonts."""
        font, previous = self.font, self.previous
        text = "".join(t for t, _ in self.decode(raw))
        self.font, self.previous = font, previous
        return " ".join(text.replace(NBSP, " ").split())

    # -- gathering blocks -----------------------------------------------------------------------

    def emit(self, runs: list[Run], joins: bool = False) -> None:
        """One line of output text, into the block being gathered (or as a tag or heading).

        ``joins``: the line ends in ``\\c``, so the next one goes on without a space."""
        trap, self.trap = self.trap, None
        if trap in ("heading1", "heading2"):
            self.heading(runs, 1 if trap == "heading1" else 2)
            return
        if trap == "tag":
            self.flush()
            self.runs = runs
            self.item = True
            self.flush_as("list_item")
            return
        if self.runs and not self.no_space:
            self.runs.append((" " if self.fill else "\n", None))
        self.runs.extend(runs)
        self.no_space = joins

    def paragraph_break(self) -> None:
        if self.fill:
            self.flush()
        elif self.runs:
            self.runs.append(("\n", None))

    def heading(self, runs: list[Run], level: int) -> None:
        self.flush()
        self.item = False
        self.marker = None
        self.font = self.previous = None
        text = " ".join("".join(t for t, _ in runs).replace(NBSP, " ").split())
        self.section = text.upper() if level == 1 else self.section
        self.builder.add("heading", text, level=level)

    def kind(self) -> BlockKind:
        if not self.fill:
            return "preformatted"
        if self.section == "SYNOPSIS":
            return "preformatted"
        return "list_item" if self.item or self.indent else "paragraph"

    def flush(self) -> None:
        self.flush_as(self.kind())

    def flush_as(self, kind: BlockKind) -> None:
        runs, self.runs = self.runs, []
        self.no_space = False
        self.links = []
        text, marks = assemble(runs, kind != "preformatted")
        if kind == "preformatted" and self.fill:
            text = wrap(text, SYNOPSIS_WIDTH)
        if not text.strip():
            return
        if self.section == "NAME" and "subtitle" not in self.meta:
            self.meta["subtitle"] = " ".join(text.split())
        for start, end, mark in marks:
            if mark.startswith("link:"):
                self.builder.link(start, text[start:end], mark[5:])
            else:
                self.builder.emphasize(start, end - start, cast(EmphasisKind, mark))
        marker, self.marker = self.marker, None
        if kind == "list_item" and marker is not None:
            self.builder.add(kind, text, None, depth=marker[1], marker=marker[0])
        elif kind == "list_item" and self.item:  # a definition's tag or text: nested ones indent further, as in man
            level, at = self.item_level
            self.builder.add(kind, text, None, depth=level + max(0, self.indent - at))
        else:
            self.builder.add(kind, text)

    # -- requests -------------------------------------------------------------------------------

    def conditional(self, name: str, rest: str) -> None:
        if name == "el":
            value, body = not self.last_if, rest
        else:
            value, body = condition(rest, self)
            if name == "ie":
                self.last_if = value
        body = body.lstrip(" \t")
        opened = body.startswith("\\{")
        if opened:
            body = body[2:].lstrip(" \t")
        if value:
            if body.strip():
                self.line(body)
            return
        if opened:
            self.skip_depth = max(0, 1 + body.count("\\{") - body.count("\\}"))

    def metadata(self) -> dict[str, str]:
        meta = dict(self.meta)
        name = meta.pop("name", "")
        section = meta.get("section", "")
        subtitle = meta.get("subtitle", "")
        spelled = _name_in(subtitle, name)
        if spelled:
            meta["title"] = f"{spelled}({section})" if section else spelled
        return meta

    def end_table(self) -> None:
        lines, self.table = self.table or [], None
        self.flush()
        text, header = table_text(lines, self)
        if text.strip():
            self.builder.add("table", text, header=header or None)

    def table_line(self, raw: str) -> None:
        if raw.startswith((".TE", "'TE")):
            self.end_table()
        else:
            assert self.table is not None
            self.table.append(raw)

    def mdoc_macro(self, name: str, rest: str) -> None:
        if self.mdoc is None:
            self.mdoc = Mdoc(self)
        self.mdoc.macro(name, rest)


def _name_in(subtitle: str, name: str) -> str:
    """The page's name as its NAME line spells it ("ls" for ``.TH LS``), else as ``.TH`` gives it."""
    names = re.split(r"\s+[-\u2013\u2014]\s+", subtitle, maxsplit=1)[0] if subtitle else ""
    for word in re.split(r"[,\s]+", names):
        if word and word.casefold() == name.casefold():
            return word
    return name or (names.split(",")[0].strip() if names and len(names) < 60 else "")


def condition(rest: str, page: Page) -> tuple[bool, str]:
    """A conditional's truth as nroff sees it (``n`` true, ``t`` false, groff's ``\\n(.g`` true) and its body."""
    text = rest.lstrip(" \t")
    negate = text.startswith("!")
    text = text[1:] if negate else text
    value, body = _condition_value(text, page)
    return value != negate, body


def _condition_value(text: str, page: Page) -> tuple[bool, str]:
    first = text[:1]
    if first in ("n", "t", "o", "e", "v") and text[1:2] in ("", " ", "\t", "\\"):
        return first in ("n", "o"), text[1:]
    for register in ("\\n(.g", "\\n[.g]"):
        if text.startswith(register):
            return True, text[len(register) :]
    if first in ("'", '"', "/", "|"):
        left, end = _delimited_at(text, 0)
        right, end = _delimited_at(text, end - 1)
        return page.plain(left) == page.plain(right), text[end:]
    if first == "(":
        depth, at = 0, 0
        while at < len(text):
            depth += (text[at] == "(") - (text[at] == ")")
            at += 1
            if depth == 0:
                break
        return False, text[at:]
    if first == "d" and text[1:2] in (" ", "\t"):
        word, _, body = text[2:].lstrip().partition(" ")
        return word in page.strings, body
    word, _, body = text.partition(" ")
    return False, body


def assemble(runs: list[Run], fill: bool) -> tuple[str, list[tuple[int, int, str]]]:
    """The block's text from its runs (runs of blanks made one space when filled) and its marks."""
    parts: list[str] = []
    marks: list[tuple[int, int, str]] = []
    open_links: list[tuple[int, str]] = []
    size = 0
    for text, kind in runs:
        if kind == "link":
            open_links.append((size, text))
            continue
        if kind == "end":
            if open_links:
                start, url = open_links.pop()
                marks.append((start, size, "link:" + url))
            continue
        text = _tidy(text, fill, parts, size)
        if kind and text.strip():
            lead = len(text) - len(text.lstrip())
            marks.append((size + lead, size + len(text.rstrip()), kind))
        parts.append(text)
        size += len(text)
    whole = "".join(parts).replace(NBSP, " ")
    body = whole.rstrip()
    marks = [(a, min(b, len(body)), k) for a, b, k in marks if a < len(body) and (min(b, len(body)) > a)]
    return body, _merged(marks)


_BLANKS = re.compile(r"[ \t]+")


def _tidy(text: str, fill: bool, parts: list[str], size: int) -> str:
    if fill:
        text = _BLANKS.sub(" ", text)
        if size == 0 or parts[-1].endswith((" ", "\n")):
            text = text.lstrip(" ")
        return text.lstrip("\n") if size == 0 else text
    text = text.replace("\t", "        ")
    return text.lstrip("\n") if size == 0 else text


def _merged(marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Emphasis of one kind that touches (or is split by one space) is one emphasis."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in marks:
        if out and out[-1][2] == kind and not kind.startswith("link:") and start - out[-1][1] <= 0:
            out[-1] = (out[-1][0], end, kind)
        else:
            out.append((start, end, kind))
    return out


def wrap(text: str, width: int) -> str:
    """Long lines broken at spaces, outside [brackets] where it can (a space becomes a line end:
    offsets stay where they were)."""
    if all(len(line) <= width for line in text.split("\n")):
        return text
    chars = list(text)
    line_start, outer, inner, depth = 0, -1, -1, 0
    for at, char in enumerate(chars):
        if char == "\n":
            line_start, outer, inner = at + 1, -1, -1
            continue
        depth += (char == "[") - (char == "]") if char in "[]" else 0
        if char != " ":
            continue
        if at - line_start > width:
            cut = outer if outer > line_start else inner
            if cut > line_start:
                chars[cut] = "\n"
                line_start, outer, inner = cut + 1, -1, -1
        if depth <= 0:
            outer = at
        inner = at
    if len(chars) - line_start > width:
        cut = outer if outer > line_start else inner
        if cut > line_start:
            chars[cut] = "\n"
    return "".join(chars)


# --- request handlers ----------------------------------------------------------------------------


def _title(page: Page, name: str, rest: str) -> None:
    args = [page.plain(a) for a in split_args(rest)]
    keys = ("name", "section", "date", "source", "manual")
    for key, value in zip(keys, args):
        if value:
            page.meta.setdefault(key, value)


def _heading(page: Page, name: str, rest: str) -> None:
    level = 1 if name in ("SH", "Sh") else 2
    args = split_args(rest)
    if not args:
        page.flush()
        page.trap = f"heading{level}"
        return
    page.heading(page.decode(" ".join(args)), level)


def _paragraph(page: Page, name: str, rest: str) -> None:
    page.flush()
    page.item = False
    page.trap = None
    page.font = page.previous = None  # as man's paragraph macros reset the font


def _space(page: Page, name: str, rest: str) -> None:
    page.paragraph_break()


def _break(page: Page, name: str, rest: str) -> None:
    if page.runs:
        page.runs.append(("\n", None))
        page.no_space = True


def _tagged(page: Page, name: str, rest: str) -> None:
    page.flush()
    page.item = False
    page.item_level = (page.indent + 1, page.indent)
    page.marker = None
    page.trap = "tag"
    page.font = page.previous = None


def _indented(page: Page, name: str, rest: str) -> None:
    """``.IP tag``: a bullet or a number starts the item's text; another tag is a tag line."""
    page.flush()
    args = split_args(rest)
    page.font = page.previous = None
    tag = page.plain(args[0]) if args else ""
    page.item = True
    page.item_level = (page.indent + 1, page.indent)
    page.trap = None
    if tag in ("\u2022", "-", "*", "\u00b7", "o", "+"):
        page.marker = ("\u2022", page.indent + 1)  # the block's marker, out of its text
        return
    if not tag:
        return
    if re.fullmatch(r"\(?\w{1,3}[.)]|\[\w{1,3}\]", tag):
        page.marker = (tag, page.indent + 1)
        return
    page.runs = page.decode(args[0])
    page.flush_as("list_item")


def _font_macro(page: Page, name: str, rest: str) -> None:
    """``.B``, ``.I``, ``.SM``, ``.SB``: the arguments (or the next line) in one font."""
    fonts: dict[str, Font] = {"B": "bold", "SB": "bold", "I": "italic"}
    font = fonts.get(name)
    args = split_args(rest)
    if not args:
        page.line_font = font
        return
    runs = page.decode_in(" ".join(args), font) if font else page.decode(" ".join(args))
    page.emit(runs, joins=_joins(rest))


def _alternating(page: Page, name: str, rest: str) -> None:
    """``.BR``, ``.IR``, ``.RB``...: the arguments joined, fonts alternating."""
    fonts: dict[str, Font] = {"B": "bold", "I": "italic", "R": None}
    pair = [fonts[name[0]], fonts[name[1]]]
    runs: list[Run] = []
    for index, arg in enumerate(split_args(rest)):
        runs.extend(page.decode_in(arg, pair[index % 2]))
    page.emit(runs, joins=_joins(rest))


def _nofill(page: Page, name: str, rest: str) -> None:
    page.flush()
    page.fill = False


def _fill(page: Page, name: str, rest: str) -> None:
    page.flush()
    page.fill = True


def _indent(page: Page, name: str, rest: str) -> None:
    """``.RS``/``.RE``; a short line just before ``.RS`` is the tag of what is indented (docbook's lists)."""
    if name == "RS" and page.fill and not page.item and not page.indent and _is_tag(page.runs):
        page.flush_as("list_item")
    page.flush()
    page.indent = page.indent + 1 if name == "RS" else max(0, page.indent - 1)


def _is_tag(runs: list[Run]) -> bool:
    text = "".join(t for t, kind in runs if kind not in ("link", "end")).strip()
    ends = text.endswith((".", ":", ";", ",")) and not text.endswith("...")  # "<pathspec>..." is a tag
    return 0 < len(text) <= 80 and "\n" not in text and not ends


def _define(page: Page, name: str, rest: str) -> None:
    args = split_args(rest)
    end = args[1] if name != "ig" and len(args) > 1 else args[0] if name == "ig" and args else "."
    page.skip_until = end
    if name != "ig" and args:
        body = page.macros.get(args[0], []) if name == "am" else []
        page.macros[args[0]] = body
        page.recording = body


def _string(page: Page, name: str, rest: str) -> None:
    key, _, value = rest.lstrip().partition(" ")
    value = value.lstrip(" \t")
    value = value[1:] if value.startswith('"') else value
    if key:
        page.strings[key] = page.strings.get(key, "") + value if name == "as" else value


def _set_font(page: Page, name: str, rest: str) -> None:
    args = split_args(rest)
    page.set_font(args[0] if args else "P")


def _include(page: Page, name: str, rest: str) -> None:
    target = rest.strip()
    page.notes.append(f"includes {target} (.so), which is read on its own" if target else "an empty .so include")


def _table_start(page: Page, name: str, rest: str) -> None:
    page.flush()
    page.table = []


def _url(page: Page, name: str, rest: str) -> None:
    args = split_args(rest)
    target = page.plain(args[0]) if args else ""
    if page.runs and not page.no_space:
        page.runs.append((" ", None))
        page.no_space = True
    page.runs.append((("mailto:" if name == "MT" else "") + target, "link"))
    page.links.append((len(page.runs), target))


def _url_end(page: Page, name: str, rest: str) -> None:
    if page.links:
        index, target = page.links.pop()
        if not "".join(t for t, k in page.runs[index:] if k not in ("link", "end")).strip():
            page.runs.append((target, None))
        page.runs.append(("", "end"))
    args = split_args(rest)
    if args:
        page.runs.extend(page.decode(args[0]))
    page.no_space = False


def _reference(page: Page, name: str, rest: str) -> None:
    """``.MR ls 1 ,``: a reference to another page, ``ls(1),``."""
    args = split_args(rest)
    if not args:
        return
    runs = page.decode_in(args[0], "italic")
    runs.append((f"({page.plain(args[1])})" if len(args) > 1 else "", None))
    runs.extend(page.decode(args[2]) if len(args) > 2 else [])
    page.emit(runs)


def _synopsis(page: Page, name: str, rest: str) -> None:
    """groff's ``.SY cmd`` / ``.OP -x arg`` / ``.YS``."""
    args = split_args(rest)
    if name == "SY":
        page.flush()
        page.emit(page.decode_in(args[0] if args else "", "bold"))
    elif name == "OP" and args:
        runs: list[Run] = [("[", None), *page.decode_in(args[0], "bold")]
        if len(args) > 1:
            runs += [(" ", None), *page.decode_in(args[1], "italic")]
        page.emit([*runs, ("]", None)])
    else:
        page.flush()


def _ignore(page: Page, name: str, rest: str) -> None:
    return None


REQUESTS = {
    "TH": _title, "SH": _heading, "SS": _heading, "PP": _paragraph, "LP": _paragraph, "P": _paragraph,
    "HP": _paragraph, "sp": _space, "Sp": _space, "br": _break, "TP": _tagged, "TQ": _tagged,
    "IP": _indented, "B": _font_macro, "I": _font_macro, "SM": _font_macro, "SB": _font_macro,
    "nf": _nofill, "EX": _nofill, "Vb": _nofill, "fi": _fill, "EE": _fill, "Ve": _fill, "RS": _indent,
    "RE": _indent, "de": _define, "de1": _define, "am": _define, "ig": _define, "ds": _string,
    "ds1": _string, "as": _string, "ft": _set_font, "so": _include, "TS": _table_start, "UR": _url,
    "MT": _url, "UE": _url_end, "ME": _url_end, "MR": _reference, "SY": _synopsis, "OP": _synopsis,
    "YS": _synopsis, "bp": _space, "IX": _ignore, "PD": _ignore,
}  # fmt: skip
for _pair in ("BR", "RB", "IR", "RI", "BI", "IB"):
    REQUESTS[_pair] = _alternating


# --- tbl -----------------------------------------------------------------------------------------

_TAB_OPTION = re.compile(r"tab\s*\(\s*(.)\s*\)", re.I)


def table_text(lines: list[str], page: Page) -> tuple[str, int]:
    """A tbl table's rows, cells joined by " | " as every format's tables are, rules left out; and
    how many leading rows are a header (1 when the first row is bold or ruled off from the rest)."""
    at, tab = 0, "\t"
    if lines and lines[0].rstrip().endswith(";"):
        found = _TAB_OPTION.search(lines[0])
        tab = found.group(1) if found else tab
        at = 1
    first_format = lines[at] if at < len(lines) else ""
    at = _after_format(lines, at)
    rows: list[str] = []
    header = _bold_format(first_format)
    while at < len(lines):
        line = lines[at]
        at += 1
        if line.startswith(".T&"):
            at = _after_format(lines, at)
            continue
        if line.strip() in ("_", "=") and len(rows) == 1:
            header = True
        if line[:1] in (".", "'") or line.strip() in ("_", "=", ""):
            continue
        cells, at = _row_cells(line, lines, at, tab, page)
        row = " | ".join(cells).rstrip(" |")
        if row.strip(" |"):
            rows.append(row)
    return "\n".join(rows), int(header and len(rows) > 1)


def _bold_format(line: str) -> bool:
    """A format line whose every column is bold (``lb lb``, ``cB cB``, ``lfB l fB``)."""
    specs = [spec for spec in re.split(r"[\s,]+", line.strip().rstrip(".")) if spec and spec[0].lower() != "s"]
    return bool(specs) and all("b" in spec[1:].lower() for spec in specs)


def _after_format(lines: list[str], at: int) -> int:
    while at < len(lines):
        at += 1
        if lines[at - 1].rstrip().endswith("."):
            break
    return at


def _row_cells(line: str, lines: list[str], at: int, tab: str, page: Page) -> tuple[list[str], int]:
    """One row's cells; a ``T{`` cell's text runs on over the lines until ``T}``."""
    cells: list[str] = []
    pieces = line.split(tab)[::-1]  # taken from the end: popping the front of a long row is quadratic
    while pieces:
        piece = pieces.pop()
        if piece.strip() != "T{":
            cells.append("" if piece.strip() in ("_", "=", "\\^") else page.plain(piece))
            continue
        words: list[str] = []
        while at < len(lines) and not lines[at].startswith("T}"):
            if lines[at][:1] not in (".", "'"):
                words.append(page.plain(lines[at]))
            at += 1
        rest = lines[at][2:] if at < len(lines) else ""
        at += 1
        cells.append(" ".join(w for w in words if w))
        pieces.extend(rest.split(tab)[:0:-1] if rest else [])
    return cells, at


# --- mdoc ----------------------------------------------------------------------------------------

MDOC_START = frozenset({"Dd", "Dt", "Os", "Sh", "Ss", "Nm", "Nd"})
# Callable macros: the font of the words after them, and what they print with no words.
_MDOC_STYLE: dict[str, tuple[Font, str]] = {
    "Fl": ("bold", "-"), "Cm": ("bold", ""), "Ic": ("bold", ""), "Sy": ("bold", ""), "Nm": ("bold", ""),
    "Fd": ("bold", ""), "In": ("bold", ""), "Ar": ("italic", "file ..."), "Em": ("italic", ""),
    "Pa": ("italic", ""), "Va": ("italic", ""), "Fa": ("italic", ""), "Ft": ("italic", ""), "Vt": ("italic", ""),
    "Ad": ("italic", ""), "Fn": ("bold", ""), "Fo": ("bold", ""), "Li": ("code", ""), "Ev": (None, ""),
    "Er": (None, ""), "Dv": (None, ""), "Mt": (None, ""), "Lk": (None, ""), "Tn": (None, ""), "No": (None, ""),
    "Ms": (None, ""), "An": (None, ""), "Lb": (None, ""), "St": (None, ""), "Ot": (None, ""), "Fc": (None, ""),
}  # fmt: skip
# Macros that enclose the rest of the line.
_MDOC_ENCLOSE = {
    "Op": ("[", "]"), "Dq": ("\u201c", "\u201d"), "Sq": ("\u2018", "\u2019"), "Qq": ('"', '"'),
    "Pq": ("(", ")"), "Bq": ("[", "]"), "Brq": ("{", "}"), "Aq": ("\u27e8", "\u27e9"), "Ql": ("\u2018", "\u2019"),
}  # fmt: skip
_MDOC_WORDS = {"Ux": "UNIX", "Bx": "BSD", "Bsx": "BSD/OS", "Fx": "FreeBSD", "Nx": "NetBSD", "Ox": "OpenBSD",
               "Dx": "DragonFly", "At": "AT&T UNIX", "Ta": "|"}  # fmt: skip
_MDOC_OPENERS = {"Oo": "[", "Do": "\u201c", "Po": "(", "Qo": '"', "So": "\u2018", "Bro": "{", "Ao": "\u27e8",
                 "Bo": "["}  # fmt: skip
_MDOC_CLOSERS = {"Oc": "]", "Dc": "\u201d", "Pc": ")", "Qc": '"', "Sc": "\u2019", "Brc": "}", "Ac": "\u27e9",
                 "Bc": "]"}  # fmt: skip
_CLOSING_PUNCT = frozenset(".,:;)]?!")
_OPENING_PUNCT = frozenset("([")


@dataclass
class MdocLine:
    """The words of one mdoc line as they are put out: spacing, fonts and open enclosures."""

    page: Page
    name: str
    runs: list[Run] = field(default_factory=list)
    space: bool = False
    style: tuple[Font, str] = (None, "")
    prefix: str = ""  # "-" after Fl

    def put(self, text: str, font: Font = None, attach: bool = False) -> None:
        if self.space and not attach:
            self.runs.append((" ", None))
        self.runs.extend(self.page.decode_in(text, font))
        self.space = True

    def word(self, token: str) -> None:
        if len(token) == 1 and token in _CLOSING_PUNCT:
            self.put(token, None, attach=True)
        elif len(token) == 1 and token in _OPENING_PUNCT:
            self.put(token)
            self.space = False
        else:
            self.put(self.prefix + token, self.style[0])

    def macro(self, token: str, rest: list[str]) -> int:
        """Put out a callable macro; how many of the following tokens it took."""
        if token in _MDOC_STYLE:
            self.style = _MDOC_STYLE[token]
            self.prefix = "-" if token == "Fl" else ""
            if not rest or rest[0] in _CALLABLE or (len(rest[0]) == 1 and rest[0] in _CLOSING_PUNCT):
                default = self.name if token == "Nm" else self.style[1]
                if default:
                    self.put(default, self.style[0])
                    self.space = token != "Fl"  # "Fl Fl apple" is --apple
            return 0
        self.style, self.prefix = (None, ""), ""
        if token == "Xr":
            if rest:
                self.put(rest[0], "italic")
            if len(rest) > 1:
                self.put(f"({rest[1]})", None, attach=True)
            return min(2, len(rest))
        if token in ("Ns", "Pf"):
            self.space = self.space and token == "Pf"
            if token == "Pf" and rest:
                self.put(rest[0])
                self.space = False
                return 1
            return 0
        self.symbol(token)
        return 0

    def symbol(self, token: str) -> None:
        if token in _MDOC_OPENERS:
            self.put(_MDOC_OPENERS[token])
            self.space = False
        elif token in _MDOC_CLOSERS:
            self.put(_MDOC_CLOSERS[token], attach=True)
        elif token in _MDOC_WORDS:
            self.put(_MDOC_WORDS[token])


_CALLABLE = frozenset({*_MDOC_STYLE, *_MDOC_ENCLOSE, *_MDOC_WORDS, *_MDOC_OPENERS, *_MDOC_CLOSERS, "Xr", "Ns", "Pf"})


@dataclass
class Mdoc:
    """The BSD ``mdoc`` macros a page uses most, turned into the same blocks as ``man``'s."""

    page: Page
    name: str = ""
    lists: list[str] = field(default_factory=list)  # the kind of each open .Bl list
    numbers: list[int] = field(default_factory=list)  # the last item number of each open .Bl list
    display: int = 0  # open .Bd -literal displays

    def macro(self, name: str, rest: str) -> None:
        page = self.page
        args = split_args(rest)
        block = _MDOC_BLOCK.get(name)
        if block is not None:
            block(self, name, args)
        elif name == "Nd":
            page.emit([("\u2014 ", None), *self.words(args)])
        elif name in _CALLABLE:
            if name == "Nm" and args and not self.name:
                self.name = page.plain(args[0])
            if name == "Nm" and page.section == "SYNOPSIS":
                page.flush()  # each form of the command on its own
            page.emit(self.words([name, *args]))

    def text(self, raw: str) -> None:
        self.page.text_line(raw)

    def words(self, tokens: list[str]) -> list[Run]:
        """A line of callable macros and words: each macro sets how the words after it look."""
        line = MdocLine(self.page, self.name)
        closers: list[str] = []
        tail = len(tokens)  # where the line's closing punctuation starts: enclosures close before it
        while tail > 0 and len(tokens[tail - 1]) == 1 and tokens[tail - 1] in _CLOSING_PUNCT:
            tail -= 1
        at = 0
        while at < len(tokens):
            token = tokens[at]
            at += 1
            if token in _MDOC_ENCLOSE:
                opener, closer = _MDOC_ENCLOSE[token]
                line.put(opener)
                line.space = False
                closers.append(closer)
                line.style, line.prefix = (("code", "") if token == "Ql" else (None, "")), ""
            elif token in _CALLABLE:
                at += line.macro(token, tokens[at : at + 2])
            else:
                if closers and at > tail:
                    while closers:
                        line.put(closers.pop(), attach=True)
                line.word(token)
        while closers:
            line.put(closers.pop(), attach=True)
        return line.runs

    # -- block macros ---------------------------------------------------------------------------

    def date(self, name: str, args: list[str]) -> None:
        page = self.page
        if name == "Dd":
            page.meta.setdefault("date", page.plain(" ".join(args)).replace("$Mdocdate: ", "").rstrip(" $"))
        elif name == "Dt" and args:
            page.meta.setdefault("name", page.plain(args[0]))
            if len(args) > 1:
                page.meta.setdefault("section", page.plain(args[1]))
        elif name == "Os" and args:
            page.meta.setdefault("source", page.plain(" ".join(args)))

    def section(self, name: str, args: list[str]) -> None:
        self.page.heading(self.words(args), 1 if name == "Sh" else 2)

    def paragraph(self, name: str, args: list[str]) -> None:
        self.page.flush()

    def list_start(self, name: str, args: list[str]) -> None:
        self.page.flush()
        self.lists.append(next((a for a in args if a in _LIST_KINDS), "-tag"))
        self.numbers.append(0)
        self.page.indent += 1

    def list_end(self, name: str, args: list[str]) -> None:
        self.page.flush()
        self.page.item = False
        if self.lists:
            self.lists.pop()
            self.numbers.pop()
            self.page.indent = max(0, self.page.indent - 1)

    def list_item(self, name: str, args: list[str]) -> None:
        page = self.page
        page.flush()
        kind = self.lists[-1] if self.lists else "-tag"
        page.item = True
        page.item_level = (max(1, page.indent), page.indent)
        if kind in ("-tag", "-hang", "-ohang", "-inset", "-diag") and args:
            page.runs = self.words(args)
            page.flush_as("list_item")
        elif kind == "-column" and args:
            page.emit(self.words(args))
        elif kind == "-enum":
            self.numbers[-1] += 1
            page.marker = (f"{self.numbers[-1]}.", max(1, page.indent))
        elif kind in ("-bullet", "-dash", "-hyphen"):
            page.marker = ("\u2022" if kind == "-bullet" else "-", max(1, page.indent))

    def display_start(self, name: str, args: list[str]) -> None:
        page = self.page
        page.flush()
        if name in ("Dl", "D1"):
            page.runs = self.words(args)
            page.flush_as("preformatted" if name == "Dl" else "list_item")
            return
        if "-literal" in args or "-unfilled" in args:
            page.fill = False
            self.display += 1

    def display_end(self, name: str, args: list[str]) -> None:
        self.page.flush()
        if self.display:
            self.display -= 1
            self.page.fill = True

    def exit_status(self, name: str, args: list[str]) -> None:
        """``.Ex -std``: the sentence mdoc writes for it."""
        who = self.page.plain(args[-1]) if len(args) > 1 else self.name
        self.page.emit([(f"The {who} utility exits 0 on success, and >0 if an error occurs.", None)])


_LIST_KINDS = frozenset({"-bullet", "-dash", "-hyphen", "-item", "-enum", "-tag", "-diag", "-hang", "-ohang"})
_LIST_KINDS |= {"-inset", "-column"}
_MDOC_BLOCK = {
    "Dd": Mdoc.date, "Dt": Mdoc.date, "Os": Mdoc.date, "Sh": Mdoc.section, "Ss": Mdoc.section,
    "Pp": Mdoc.paragraph, "Lp": Mdoc.paragraph, "Bl": Mdoc.list_start, "El": Mdoc.list_end,
    "It": Mdoc.list_item, "Bd": Mdoc.display_start, "Ed": Mdoc.display_end, "Dl": Mdoc.display_start,
    "D1": Mdoc.display_start, "Ex": Mdoc.exit_status,
}  # fmt: skip


def _joins(raw: str) -> bool:
    """A line ending in ``\\c`` (not ``\\\\c``) goes on into the next one without a space."""
    line = raw.rstrip()
    return line.endswith("\\c") and (len(line) - len(line[:-1].rstrip("\\"))) % 2 == 0


# --- participants --------------------------------------------------------------------------------

_KEY_CHORD = re.compile(r"^(?:[CM]-\S+\s*)+$")  # C-x C-u, M-d: keys, not people


_IDENTIFIER = re.compile(r"^\S*\d\S*$|^[A-Z][a-z]{3,}[A-Z]\w*$")  # UTF-8, SUSv3; CurrentUser (not MacKenzie)


def is_term(name: str) -> bool:
    """A name a manual writes for a command's terms: IFS, SIGINT, WORD, HTTP URLs, C-x C-u, UTF-8."""
    letters = [c for c in name if c.isalpha()]
    if not letters or _KEY_CHORD.match(name) or _IDENTIFIER.match(name):
        return True
    # every word in capitals (a plural's s aside): HTTP, RCPT TO, HTTP URLs
    return all(not any(c.islower() for c in word.removesuffix("s")) for word in name.split())


def keep_participants(analysis: Analysis) -> None:
    """Options, arguments, variables and keys are not participants of a manual page, nor values quotes.

    A mention set in bold, italic or code is a term of the command (``ls``, ``FILE``, ``--all``),
    so is a name the page sets that way anywhere, and a one-word name in capitals (``PATH``).
    """
    text, emphasis = analysis.text, analysis.document.emphasis
    spans = sorted((e.start, e.end) for e in emphasis)
    emphasised = {text[a:b].casefold() for a, b in spans}
    starts = [a for a, _ in spans]
    kept = []
    for p in analysis.participants:
        names = {p.name, *p.aliases}
        if any(is_term(n) or n.casefold() in emphasised for n in names):
            continue
        p.mentions = [m for m in p.mentions if not _inside(spans, starts, m.start, m.end)]
        said = {text[m.start : m.end] for m in p.mentions}
        p.aliases = [a for a in p.aliases if a in said]
        if p.mentions:
            kept.append(p)
    ids = {p.id for p in kept}
    analysis.participants = kept
    # a manual's quoted strings are values to type ("$1c$2c...", "fixup!"), not speech: only a quote
    # whose speaker is still a participant stays
    analysis.quotes = [q for q in analysis.quotes if q.speaker in ids]


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_right(starts, start) - 1
    return any(a < end and start < b for a, b in spans[max(0, k - 1) : k + 2])
