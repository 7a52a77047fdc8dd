"""The main screen's ways through a document: paging, search and go to, sections, links,
participants and their mentions, bookmarks, and the outline following the reader."""

from __future__ import annotations

from textual import on
from textual.timer import Timer
from textual.widgets import OptionList, TabbedContent

from reader.model import Participant
from reader.tui.layout import Spans
from reader.tui.navigate import is_external
from reader.tui.places import add_bookmark, go_to_target, next_bookmark
from reader.tui.screens.summaries import SummaryScreen
from reader.tui.session import Session
from reader.tui.widgets.panes import ListPane, OutlinePane, ParticipantsPane
from reader.tui.widgets.prompt import Prompt
from reader.tui.widgets.reading import ReadingView


class FindingScreen(SummaryScreen):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._follow_timer: Timer | None = None  # summarize the section the reader scrolled to

    # Paging (the text, or the summary view when it is shown)

    def action_page_down(self) -> None:
        self.view.action_page_down()

    def action_page_up(self) -> None:
        self.view.action_page_up()

    def action_half_page_down(self) -> None:
        self.view.action_half_page_down()

    def action_half_page_up(self) -> None:
        self.view.action_half_page_up()

    def action_line_down(self) -> None:
        self.view.action_scroll_down()

    def action_line_up(self) -> None:
        self.view.action_scroll_up()

    def action_top(self) -> None:
        self.view.action_scroll_home()

    def action_bottom(self) -> None:
        self.view.action_scroll_end()

    def action_scroll_left(self) -> None:
        self.view.action_scroll_left()

    def action_scroll_right(self) -> None:
        self.view.action_scroll_right()

    # Sections, and the outline following the reader

    def go_to_section(self, index: int) -> None:
        known = self.state.sections_known
        if known is None:
            return
        section = known.sections[index]
        self.history.push(self.reading.top_offset)
        self.go_to_offset(section.heading_start if section.heading_start is not None else section.start)
        if self.session.settings.section_scope:
            self.resummarize()

    @on(ListPane.Chosen, "#outline")
    def _section_chosen(self, message: ListPane.Chosen) -> None:
        self.go_to_section(message.value)

    @on(ListPane.Chosen, "#summary")
    def _sentence_chosen(self, message: ListPane.Chosen) -> None:
        self.go_to_sentence(message.value)

    @on(ListPane.Chosen, "#quotes")
    def _quote_chosen(self, message: ListPane.Chosen) -> None:
        self._jump((message.value.start, message.value.end))

    def on_reading_view_moved(self, message: ReadingView.Moved) -> None:
        if message.control is not self.reading:
            self._update_status()
            return
        if self.reading.scroll_y > 0:
            self.state.placed = True  # the reader moved: a late first stage must not jump
        analysis = self.state.sections_known
        if analysis is not None and analysis.sections:
            section = self._section_at(analysis, self.reading.reading_offset)
            self.query_one(OutlinePane).highlight(str(section))
            if self.session.settings.section_scope:
                # The section summary follows the reader, once the scrolling stops.
                if self._follow_timer is not None:
                    self._follow_timer.stop()
                self._follow_timer = self.set_timer(0.4, self._follow_section)
        self._update_status()

    def _follow_section(self) -> None:
        self._follow_timer = None
        section = self.current_section()
        if self.session.settings.section_scope and section != self.state.scope:
            self.resummarize()

    # Links

    def on_reading_view_link_clicked(self, message: ReadingView.LinkClicked) -> None:
        self.follow_link(message.url)

    def action_follow_link(self) -> None:
        if self.view is not self.reading:
            return
        # The link at the place just jumped to (a search match on a menu entry), else the first on screen.
        url = self.reading.first_link(self.current[0] if self.current and self._current_visible() else None)
        if url is not None:
            self.follow_link(url)

    def follow_link(self, url: str) -> None:
        """An internal link jumps within the document (backspace comes back); an outside one is named."""
        target = self.links.target(url) if self.links is not None else None
        if target is None:
            self.notify(url if is_external(url) else f"{url}: no such place in this document", timeout=4)
            return
        self.history.push(self.reading.top_offset)
        self.show_text_view()
        self.reading.go_to_top(target)
        self._update_status()

    def action_back(self) -> None:
        offset = self.history.back()
        if offset is not None:
            self.show_text_view()
            self.reading.go_to_top(offset)
            self._update_status()

    # Participants and their mentions

    @on(ListPane.Chosen, "#participants")
    def _participant_chosen(self, message: ListPane.Chosen) -> None:
        self.choose_participant(message.value)

    def on_reading_view_mention_clicked(self, message: ReadingView.MentionClicked) -> None:
        analysis = self.analysis
        found = [p for p in analysis.participants if p.id == message.participant] if analysis else []
        if found:
            self.choose_participant(found[0], at=message.span)

    def choose_participant(self, participant: Participant, at: tuple[int, int] | None = None) -> None:
        """Highlight its mentions and go to the first (or stay ``at`` the one clicked);
        chosen again, go to the next."""
        if self.participant is participant and at is None:
            self.action_next_mention()
            return
        self.participant = participant
        # Chosen from the palette or by a click in the text: the pane shows who it is.
        self.query_one(TabbedContent).active = "tab-participants"
        self.query_one(ParticipantsPane).highlight(participant.id)
        spans = [(m.start, m.end) for m in participant.mentions]
        self.reading.mark_selected(spans)
        self.current = None
        if at is not None:
            self._jump(at, only_if_hidden=True)
        elif spans:
            self._jump(min(spans))
        self._update_status()

    def action_next_mention(self) -> None:
        self._step_mention(True)

    def action_previous_mention(self) -> None:
        self._step_mention(False)

    def _step_mention(self, forward: bool) -> None:
        if self.participant is None:
            self.notify("choose a participant first (Participants pane)", timeout=3, markup=False)
            return
        self._step(self._mention_spans(), forward, f"mentions of {self.participant.name}")

    # Search and go to

    def action_search(self) -> None:
        self._open_prompt("search", "/", self.search_query)

    def action_go_to(self) -> None:
        self._open_prompt("goto", ":")

    def action_percent(self) -> None:
        self._open_prompt("percent", "%")

    def action_digit(self, digit: str) -> None:
        """A digit typed in the text starts a go-to, as in less: 50% or 120g (the prompt ends it).
        A priority binding, so the prompt is open before the next key of a burst is handled."""
        prompt = self.query_one(Prompt)
        if prompt.has_focus:
            prompt.take(digit)
        elif isinstance(self.focused, OptionList):  # a pane's list: its own type-ahead, if any
            return
        elif self.app.screen is self:
            prompt.open("goto", digit)

    def _open_prompt(self, kind: str, char: str, value: str = "") -> None:
        prompt = self.query_one(Prompt)
        if prompt.has_focus:  # a priority key typed into the prompt is just a character
            prompt.take(char)
        elif self.app.screen is self:  # not under help or the whole-file screen
            prompt.open(kind, value)

    def on_prompt_answered(self, message: Prompt.Answered) -> None:
        if message.kind == "search":
            self._search(message.value, jump=True)
        elif message.kind == "percent":
            self._go_to_answer(message.value.strip().rstrip("%") + "%")
        else:
            self._go_to_answer(message.value)

    def _go_to_answer(self, answer: str) -> None:
        offset = go_to_target(answer, self.reading.text, self.state.sections_known)
        if offset is None:
            self.notify(f"go to: nothing called {answer!r}", severity="warning", timeout=3, markup=False)
            return
        self.go_to_offset(offset)

    @property
    def search_query(self) -> str:
        return self.search.query

    @property
    def matches(self) -> Spans:
        return self.search.matches

    def _search(self, query: str, *, jump: bool) -> None:
        error = self.search.run(query, self.reading.folded if query else "")
        if error:
            self.notify(error, severity="error", timeout=4, markup=False)
        self.reading.mark_matches([(a, b) for a, b, _ in self.matches.items])
        self._update_status()
        if jump and query:
            found = self.search.first_from(self.reading.top_offset)
            if found is None:
                self.notify(f"not found: {query}", severity="warning", timeout=3, markup=False)
                return
            self._jump(found, only_if_hidden=True)

    def action_next_match(self) -> None:
        self._step(self.matches, True, "matches" if self.search_query else "search (press /)")

    def action_previous_match(self) -> None:
        self._step(self.matches, False, "matches" if self.search_query else "search (press /)")

    def action_clear(self) -> None:
        self.participant = None
        self.reading.mark_selected([])
        self.current = None
        self.reading.mark_current(None)
        self._search("", jump=False)

    # Bookmarks

    def action_add_bookmark(self) -> None:
        offset = self.reading.reading_offset
        marks = add_bookmark(self.state.bookmarks, offset)
        if marks is None:
            self.notify("already bookmarked", timeout=2, markup=False)
            return
        self.state.bookmarks = marks
        number = self.state.bookmarks.index(offset) + 1
        self.notify(
            f"bookmark {number} of {len(self.state.bookmarks)}: {self.excerpt(offset)}", timeout=3, markup=False
        )

    def action_next_bookmark(self) -> None:
        offset = next_bookmark(self.state.bookmarks, self.reading.reading_offset)
        if offset is None:
            self.notify("no bookmarks (B adds one)", timeout=3, markup=False)
            return
        self.go_to_offset(offset)
