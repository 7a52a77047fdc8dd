"""F1 / ? : the keys, as Markdown tables made from the bindings themselves.

Every class of the reader that binds keys is listed in ``bound_classes``, and each of its
bindings becomes a row (its tooltip, else its description), so a key added to any of them
shows here; the few keys handled by hand (``keys.BY_HAND``) follow.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Markdown

from reader.tui.keys import BY_HAND, key_display


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", tooltip="Close this help", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(help_markdown())

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # arrows and PgUp / PgDn scroll the table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def bound_classes() -> list[tuple[str, list[type[DOMNode]]]]:
    """The reader's classes that bind keys, grouped under the heading the help gives them."""
    from reader.tui.app import ReaderApp
    from reader.tui.screens.main import MainScreen
    from reader.tui.whole import WholeFileScreen, WholeFileView
    from reader.tui.widgets.summary_view import SummaryView

    return [
        ("Reading", [MainScreen, ReaderApp]),
        ("In the summary view (v)", [SummaryView]),
        ("Paging a whole file (W)", [WholeFileView, WholeFileScreen]),
        ("In this help", [HelpScreen]),
    ]


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits from Textual)."""
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def help_row(binding: Binding) -> str:
    text = binding.tooltip or binding.description or binding.action
    return f"| `{key_display(binding.key)}` | {text} |"


def help_rows(bindings: list[Binding]) -> list[str]:
    """One row a binding, and one for a run of keys doing the same (the digits: `0` … `9`)."""
    rows: list[str] = []
    run: list[Binding] = []
    for binding in [*bindings, None]:
        if run and (binding is None or binding.tooltip != run[0].tooltip or not binding.tooltip):
            if len(run) > 2:
                first, last = key_display(run[0].key), key_display(run[-1].key)
                rows.append(f"| `{first}` … `{last}` | {run[0].tooltip} |")
            else:
                rows += [help_row(b) for b in run]
            run = []
        if binding is not None:
            run.append(binding)
    return rows


def help_markdown() -> str:
    lines = ["# reader: keys"]
    for title, classes in bound_classes():
        lines += ["", f"## {title}", "", "| Key | Action |", "| :- | :- |"]
        lines += help_rows([b for cls in classes for b in own_bindings(cls)])
    lines += ["", "## Also", "", "| Key | Action |", "| :- | :- |"]
    lines += [f"| `{keys}` | {text} |" for keys, text in BY_HAND]
    lines += [
        "",
        "Summary sentences have a bar in the left margin; people, organizations and places",
        "are coloured by kind; quotes have a bar and end with their speaker.",
    ]
    return "\n".join(lines)
