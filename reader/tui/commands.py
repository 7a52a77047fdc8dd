"""The command palette (ctrl+p): every key's action, and jumps to sections and participants."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.tui.keys import KEYS
from reader.tui.widgets.panes import ListPane, one_line


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable]]:
        screen = self.screen
        if not hasattr(screen, "analyses"):
            return []
        found = [(k.description, f"key: {k.display}", partial(self.app.run_action, k.action, screen)) for k in KEYS]
        analysis = screen.analyses.get(screen.index)
        if analysis is not None:
            outline, people = screen.query_one("#outline"), screen.query_one("#participants")
            for i, section in enumerate(analysis.sections):
                found.append(
                    (
                        f"Go to section: {one_line(section.title, 60)}",
                        section.kind,
                        partial(screen.post_message, ListPane.Chosen(outline, i)),
                    )
                )
            for p in analysis.participants or []:
                found.append(
                    (
                        f"Participant: {one_line(p.name, 60)}",
                        f"{p.kind}, {len(p.mentions)} mentions",
                        partial(screen.post_message, ListPane.Chosen(people, p)),
                    )
                )
        return found

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            if not title.startswith(("Go to", "Participant")):
                yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
