"""A scroll view whose scrolling keys take effect at once, in key order.

Textual's own ``scroll_*`` wait for the next refresh: a ``q`` typed right after ``G`` saved the
old place, and a relayout in between (the analysis arriving) undid the ``G``.
"""

from __future__ import annotations

from textual.scroll_view import ScrollView


class PagedView(ScrollView):
    def scroll_lines(self, lines: float) -> None:
        self.scroll_to_line(self.scroll_y + lines)

    def scroll_to_line(self, line: float) -> None:
        self.scroll_to(y=max(0, min(line, self.max_scroll_y)), animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        self.scroll_lines(1)

    def action_scroll_up(self) -> None:
        self.scroll_lines(-1)

    def action_page_down(self) -> None:
        self.scroll_lines(self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self.scroll_lines(-self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self.scroll_to_line(0)

    def action_scroll_end(self) -> None:
        self.scroll_to_line(self.max_scroll_y)

    def action_half_page_down(self) -> None:
        self.scroll_lines(max(1, self.scrollable_content_region.height // 2))

    def action_half_page_up(self) -> None:
        self.scroll_lines(-max(1, self.scrollable_content_region.height // 2))
