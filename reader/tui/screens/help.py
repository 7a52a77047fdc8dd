"""F1 / ? : the keys, as a Markdown table made from the key table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from reader.tui.keys import help_markdown


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(help_markdown())

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # arrows and PgUp / PgDn scroll the table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
