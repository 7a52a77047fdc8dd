"""The command palette (ctrl+p): every key's action, and jumps to sections,
participants and bookmarks, through the main screen's public methods."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.model import Analysis
from reader.tui.keys import KEYS
from reader.tui.widgets.panes import one_line, section_openings

JUMPS = ("Go to", "Participant", "Bookmark")


def section_paths(analysis: Analysis) -> list[str]:
    """Each section's title after its parents' ("BOOK TWO: 1805 › CHAPTER I"): War and Peace has
    fifteen "CHAPTER I", which the palette must tell apart."""
    paths: list[str] = []
    parents: list[tuple[int, str]] = []  # (level, title) of the open headings above
    for section in analysis.sections:
        title = one_line(section.title, 60) or "(untitled)"
        while parents and parents[-1][0] >= section.level:
            parents.pop()
        paths.append(" › ".join([t for _, t in parents] + [title]))
        if section.kind == "heading":
            parents.append((section.level, title))
    return paths


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
        openings = section_openings(analysis)
        for i, path in enumerate(section_paths(analysis)):
            about = one_line(openings.get(i, ""), 60) or analysis.sections[i].kind
            found.append((f"Go to section: {path}", about, partial(screen.go_to_section, i)))
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
