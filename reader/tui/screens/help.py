"""F1 / ? : the keys, as tables made from the bindings themselves.

Every class of the reader that binds keys is listed in ``bound_classes``, and each of its
bindings becomes a row (its tooltip, else its description), so a key added to any of them
shows here; the few keys handled by hand (``keys.BY_HAND``) follow. The tables are rich
tables in one widget: Textual's Markdown made a widget of each cell and took a second or
more to open (less and glow show their help at once). ``help_markdown`` is the same as text.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.keys import BY_HAND, key_display


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", tooltip="Close this help", show=True),
        # The help pages as the text does (less pages its help with the same keys).
        Binding("space,f", "page('down')", "Page down", tooltip="Page down", show=False),
        Binding("b", "page('up')", "Page up", tooltip="Page up", show=False),
        Binding("j", "page('line_down')", "Line down", tooltip="One line down", show=False),
        Binding("k", "page('line_up')", "Line up", tooltip="One line up", show=False),
        Binding("g", "page('home')", "Top", tooltip="Top of the help", show=False),
        Binding("G", "page('end')", "Bottom", tooltip="Bottom of the help", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_tables(), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # arrows and PgUp / PgDn scroll the table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

    def action_page(self, how: str) -> None:
        scroll = self.query_one("#help", VerticalScroll)
        moves = {
            "down": scroll.scroll_page_down,
            "up": scroll.scroll_page_up,
            "line_down": scroll.scroll_down,
            "line_up": scroll.scroll_up,
            "home": scroll.scroll_home,
            "end": scroll.scroll_end,
        }
        moves[how](animate=False)


def bound_classes() -> list[tuple[str, list[type[DOMNode]]]]:
    """The reader's classes that bind keys, grouped under the heading the help gives them."""
    from reader.tui.app import ReaderApp
    from reader.tui.screens.main import MainScreen
    from reader.tui.whole import WholeFileScreen, WholeFileView
    from reader.tui.widgets.panes import WrappedOptions
    from reader.tui.widgets.summary_view import SummaryView

    return [
        ("Reading", [MainScreen, ReaderApp]),
        ("In the summary view (v)", [SummaryView]),
        ("In a pane (S, P, Q, o)", [WrappedOptions]),
        ("Paging a whole file (W)", [WholeFileView, WholeFileScreen]),
        ("In this help", [HelpScreen]),
    ]


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits from Textual)."""
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def help_row(binding: Binding) -> tuple[list[str], str]:
    """The keys of a binding as written, and what it does."""
    return [key_display(binding.key)], binding.tooltip or binding.description or binding.action


def help_rows(bindings: list[Binding]) -> list[tuple[list[str], str]]:
    """One row a binding, and one for a run of keys doing the same (the digits: `0` … `9`)."""
    rows: list[tuple[list[str], str]] = []
    run: list[Binding] = []
    for binding in [*bindings, None]:
        if run and (binding is None or binding.tooltip != run[0].tooltip or not binding.tooltip):
            if len(run) > 2:
                rows.append(([key_display(run[0].key), key_display(run[-1].key)], run[0].tooltip or ""))
            else:
                rows += [help_row(b) for b in run]
            run = []
        if binding is not None:
            run.append(binding)
    return rows


NOTE = (
    "Summary sentences have a bar in the left margin; people, organizations and places "
    "are coloured by kind; quotes have a bar and end with their speaker; a block quote "
    "(a quoted reply, a note) is in italics behind a coloured bar, one bar for each level."
)


def help_groups() -> list[tuple[str, list[tuple[list[str], str]]]]:
    """Each heading of the help and its rows (keys, action)."""
    groups = [
        (title, help_rows([b for cls in classes for b in own_bindings(cls)])) for title, classes in bound_classes()
    ]
    return [*groups, ("Also", [([keys], text) for keys, text in BY_HAND])]


def help_markdown() -> str:
    lines = ["# reader: keys"]
    for title, rows in help_groups():
        lines += ["", f"## {title}", "", "| Key | Action |", "| :- | :- |"]
        lines += [f"| {' … '.join(f'`{k}`' for k in keys)} | {text} |" for keys, text in rows]
    return "\n".join([*lines, "", NOTE])


def help_tables() -> Group:
    """The help as shown: a table a heading, the key column as wide as its longest key (the
    actions wrap, never the keys, as less, bat and frogmouth show help)."""
    parts: list[Text | Table] = [Text("reader: keys", style="bold underline")]
    for title, rows in help_groups():
        table = Table(box=box.SQUARE, expand=True, header_style="bold", title_justify="left")
        table.add_column("Key", no_wrap=True, style="bold")
        table.add_column("Action", ratio=1)
        for keys, text in rows:
            table.add_row(" … ".join(keys), text)
        parts += [Text(""), Text(title, style="bold"), table]
    return Group(*parts, Text(""), Text(NOTE, style="dim"))
