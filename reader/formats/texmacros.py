"""User macros with arguments in a LaTeX source (``\\newcommand{\\pair}[2]{(#1, #2)}``), expanded as pandoc
expands simple ones, before the source is read.

Bounded whatever the source: an expansion is read again for macros at most ``MAX_DEPTH`` times (a macro
that expands to itself stops there, left as written, so its arguments still read as text), the
expanded text may grow to ``budget`` characters and no more, and each level is one linear scan. Comments,
verbatim environments and the definitions themselves are never expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_DEPTH = 8  # as deep as the reader expands macros without arguments
MEMO_SIZE = 512  # expansions of texts up to this long are remembered: a macro used 10,000 times costs one
MAX_ARGS = 9
_DEFINITION = re.compile(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\(?P<name>[A-Za-z@]+)\s*\}|\\(?P<bare>[A-Za-z@]+))"
    r"\s*\[\s*(?P<count>\d)\s*\](?:\s*\[(?P<default>[^\[\]{}]*)\])?\s*\{"
    r"|\\DeclareRobustCommand\*?\s*\{?\s*\\(?P<robust>[A-Za-z@]+)\s*\}?\s*\[\s*(?P<rcount>\d)\s*\]\s*\{"
    r"|\\[gex]?def\s*\\(?P<def>[A-Za-z@]+)\s*(?P<params>(?:#\d)+)\s*\{"
)
_SCAN = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)"
    r"|\\begin\s*\{(?P<verbatim>verbatim\*?|Verbatim|lstlisting|minted|comment|alltt|filecontents\*?)\}"
    r"|\\(?P<use>[A-Za-z@]+)"
)
_PARAM = re.compile(r"##|#([1-9])")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
BRACES = re.compile(r"\\.|%[^\n]*|[{}]", re.S)
_COMMAND = re.compile(r"\\(?:[A-Za-z@]+|.)", re.S)
MAX_OPTIONAL = 2000  # characters an optional argument may span: a lone "[" costs no scan to the end


@dataclass(frozen=True)
class Macro:
    count: int
    default: str | None  # the first argument's default when it is optional (``[2][x]``)
    body: str


@dataclass
class Expander:
    macros: dict[str, Macro]
    skipped: list[tuple[int, int]]  # the definitions' spans in the source: never expanded
    budget: int
    grown: int = 0
    stopped: bool = False  # the budget or the depth ran out somewhere: a note says so
    memo: dict[tuple[str, int], str] = field(default_factory=dict)

    def expand(
        self, src: str, closes: dict[int, int], depth: int = 0, skip: list[tuple[int, int]] | None = None
    ) -> str:
        """``src`` with the macros' uses replaced by their bodies, read again up to the depth limit.

        ``closes`` maps each ``{`` of ``src`` to its ``}`` (-1: none), so an unclosed group costs no rescan."""
        out: list[str] = []
        at = 0
        spans = iter(skip or [])
        span = next(spans, None)
        for m in _SCAN.finditer(src):
            if m.start() < at:
                continue
            while span is not None and span[1] <= m.start():
                span = next(spans, None)
            if span is not None and span[0] <= m.start():
                continue  # inside a definition
            if m.group("verbatim"):
                stop = verbatim_end(src, m.group("verbatim"), m.end())
                out.append(src[at:stop])
                at = stop
                continue
            macro = self.macros.get(m.group("use") or "")
            if macro is None:
                continue
            if depth >= MAX_DEPTH or self.grown > self.budget:
                self.stopped = True
                continue
            found = _arguments(src, m.end(), macro, closes)
            if found is None:
                continue
            args, stop = found
            text = _substitute(macro.body, args)
            self.grown += len(text)
            out.append(src[at : m.start()])
            out.append(self.again(text, depth + 1))
            at = stop
        out.append(src[at:])
        return "".join(out)

    def again(self, text: str, depth: int) -> str:
        """An expansion read again for macros (short ones once each: the same use gives the same text)."""
        if len(text) > MEMO_SIZE:
            return self.expand(text, match_braces(text), depth)
        key = (text, depth)
        if key not in self.memo:
            self.memo[key] = self.expand(text, match_braces(text), depth)
        return self.memo[key]


def _arguments(src: str, pos: int, macro: Macro, closes: dict[int, int]) -> tuple[list[str], int] | None:
    """The arguments of a use from ``pos`` and where the use ends, or None when they are not all there."""
    args: list[str] = []
    count = macro.count
    if macro.default is not None:
        at = _SPACE.match(src, pos).end()  # type: ignore[union-attr]
        if at < len(src) and src[at] == "[":
            close = src.find("]", at, at + MAX_OPTIONAL)
            if close < 0:
                return None
            args.append(src[at + 1 : close])
            pos = close + 1
        else:
            args.append(macro.default)
        count -= 1
    for _ in range(count):
        found = _argument(src, pos, closes)
        if found is None:
            return None
        arg, pos = found
        args.append(arg)
    return args, pos


def _argument(src: str, pos: int, closes: dict[int, int]) -> tuple[str, int] | None:
    """One undelimited argument: a braced group, a command or one character (as TeX reads it)."""
    pos = _SPACE.match(src, pos).end()  # type: ignore[union-attr]
    if pos >= len(src) or src[pos] in "}%":
        return None
    if src[pos] == "\\":
        m = _COMMAND.match(src, pos)
        stop = m.end() if m else pos + 1
        return src[pos:stop], stop
    if src[pos] != "{":
        return src[pos], pos + 1
    close = closes.get(pos, -1)
    return (src[pos + 1 : close], close + 1) if close >= 0 else None


def verbatim_end(src: str, env: str, pos: int) -> int:
    """Where a verbatim environment opened before ``pos`` ends (its ``\\end{env}``), or the text's end:
    nothing inside is a command, a macro use or an include."""
    close = src.find(f"\\end{{{env}}}", pos)
    return len(src) if close < 0 else close


def match_braces(src: str) -> dict[int, int]:
    """Each ``{`` (not ``\\{``, not in a comment) -> the ``}`` closing it, -1 when none does: one pass."""
    closes: dict[int, int] = {}
    stack: list[int] = []
    for m in BRACES.finditer(src):
        c = m.group()
        if c == "{":
            stack.append(m.start())
            closes[m.start()] = -1
        elif c == "}" and stack:
            closes[stack.pop()] = m.start()
    return closes


def _substitute(body: str, args: list[str]) -> str:
    def value(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return "#"
        n = int(m.group(1))
        return args[n - 1] if n <= len(args) else ""

    return _PARAM.sub(value, body)


def definitions(
    src: str, closes: dict[int, int], commented: Callable[[str, int], bool]
) -> tuple[dict[str, Macro], list[tuple[int, int]]]:
    """The macros with arguments a source defines (a later definition wins) and the spans of their definitions.

    ``closes`` maps each ``{`` to its ``}``; ``commented(src, at)`` says whether ``at`` is in a comment."""
    macros: dict[str, Macro] = {}
    spans: list[tuple[int, int]] = []
    for m in _DEFINITION.finditer(src):
        close = closes.get(m.end() - 1, -1)
        if close < 0 or commented(src, m.start()):
            continue
        name = m.group("name") or m.group("bare") or m.group("robust") or m.group("def")
        count = int(m.group("count") or m.group("rcount") or len(m.group("params") or "") // 2)
        if not 0 < count <= MAX_ARGS:
            continue
        macros[name] = Macro(count, m.group("default"), src[m.end() : close])
        spans.append((m.start(), close + 1))
    return macros, spans


def expand(src: str, closes: dict[int, int], commented: Callable[[str, int], bool]) -> tuple[str, bool]:
    """The source with its user macros' uses expanded, and whether a limit stopped some expansion."""
    if "newcommand" not in src and "def" not in src and "DeclareRobustCommand" not in src:
        return src, False
    macros, spans = definitions(src, closes, commented)
    if not macros:
        return src, False
    expander = Expander(macros, spans, budget=4 * len(src) + (1 << 20))
    return expander.expand(src, closes, 0, spans), expander.stopped
