"""The command palette (ctrl+p): every key's action, and jumps to sections,
participants and bookmarks, through the main screen's public methods."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.tui.keys import KEYS
from reader.tui.widgets.panes import one_line

JUMPS = ("Go to", "Participant", "Bookmark")


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from reader.tui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        found: list[tuple[str, str, Callable[[], object]]] = [
            (k.description, f"key: {k.display}", partial(self.app.run_action, k.action, screen)) for k in KEYS
        ]
        for n, offset in enumerate(screen.state.bookmarks):
            found.append(
                (f"Bookmark {n + 1}: {screen.excerpt(offset)}", "bookmark", partial(screen.go_to_offset, offset))
            )
        analysis = screen.analysis
        if analysis is None:
            return found
        for i, section in enumerate(analysis.sections):
            found.append(
                (f"Go to section: {one_line(section.title, 60)}", section.kind, partial(screen.go_to_section, i))
            )
        for p in analysis.participants:
            about = f"{p.kind}, {len(p.mentions)} mentions"
            found.append((f"Participant: {one_line(p.name, 60)}", about, partial(screen.choose_participant, p)))
        return found

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            if not title.startswith(JUMPS[:2]):
                yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
