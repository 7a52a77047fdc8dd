"""The main screen: outline on the left, the text in the centre, panes on the right.

The text is shown as soon as a document is chosen; its analysis runs in a
background process and the decorations and panes fill in when it arrives. What is
known about each document lives in ``reader.tui.session``; the jobs and their
messages in ``reader.tui.work`` and ``reader.tui.messages``. The screen's other
parts are its base classes: ``finding`` (paging, search, go to, links, participants,
bookmarks), ``summaries`` (summary jobs, pane and view) and ``base`` (jumps, status).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, TabbedContent, TabPane

from reader.model import Analysis
from reader.tui import messages as msg
from reader.tui import state as state_file
from reader.tui import work as jobs
from reader.tui.keys import DIGIT_HELP, DIGITS, KEYS
from reader.tui.navigate import History, Links
from reader.tui.screens.finding import FindingScreen
from reader.tui.session import DocumentState
from reader.tui.widgets.panes import (
    DocumentList,
    ListPane,
    OutlinePane,
    ParticipantsPane,
    QuotesPane,
    SummaryPane,
    one_line,
)
from reader.tui.widgets.prompt import Prompt
from reader.tui.widgets.reading import ReadingView
from reader.tui.widgets.status import StatusLine
from reader.tui.widgets.summary_view import SummaryView

WIDE = 110  # columns from which the side panes and the outline are shown by default
READABLE = 40  # the reading column never gets narrower than this: panes give way
# Formats whose tagged list items are definitions: a tag, its text under it.
DEFINITION_FORMATS = ("man", "info", "asciidoc", "org", "rst", "pod")


class MainScreen(FindingScreen):
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding(
            k.keys,
            k.action,
            k.footer or k.description,
            show=bool(k.footer),
            key_display=k.display.split(" / ")[0],
            priority=k.priority,
            tooltip=k.description,
        )
        for k in KEYS
    ]
    BINDINGS += [Binding(d, f"digit('{d}')", DIGIT_HELP, show=False, priority=True, tooltip=DIGIT_HELP) for d in DIGITS]

    show_side = reactive(True)
    show_left = reactive(True)

    # Building

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield DocumentList(id="documents")
                yield OutlinePane(id="outline")
            yield ReadingView(id="reading")
            yield SummaryView(id="summary-view")
            with TabbedContent(id="side"):
                with TabPane("Summary", id="tab-summary"):
                    yield SummaryPane(id="summary")
                with TabPane("Participants", id="tab-participants"):
                    yield ParticipantsPane(id="participants")
                with TabPane("Quotes", id="tab-quotes"):
                    yield QuotesPane(id="quotes")
        yield Prompt(id="search")
        yield StatusLine(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        many = len(self.session.documents) > 1
        self.query_one(DocumentList).display = many
        if many:
            self.query_one(DocumentList).show([d.document.source for d in self.session.documents])
        self.summary_view.display = False
        self._restore_global()
        self._follow_width(self.size.width)
        self.set_interval(0.1, self.query_one(StatusLine).spin)
        self.set_interval(1.0, self._check_file)
        self.open_document(self.session.index)
        self.reading.focus()
        for note in self.store.notes if self.store else []:
            self.notify(note, severity="warning", timeout=8, markup=False)

    def on_resize(self, event: Any) -> None:
        self._follow_width(event.size.width)

    def _follow_width(self, width: int) -> None:
        self.set_class(width < WIDE, "-narrow")
        # A pane the user did not choose follows the width (the outline comes back on a wider terminal even
        # after the side panes were asked for at 80 columns).
        if "#side" not in self._toggled:
            self.show_side = width >= WIDE
        if "#left" not in self._toggled:
            self.show_left = width >= WIDE
        self._give_way(width)

    def _give_way(self, width: int) -> None:
        """Hide the outline, then the side panes, when the text would get narrower than READABLE."""
        left = self.show_left and self._pane_width("#left", width)
        side = self.show_side and self._pane_width("#side", width)
        self.set_class(bool(left and width - left - side < READABLE), "-squeeze-left")
        self.set_class(bool(side and width - side < READABLE), "-squeeze-side")

    def _pane_width(self, selector: str, width: int) -> int:
        narrow = width < WIDE
        share, least = {"#left": (0.4 if narrow else 0.2, 22), "#side": (0.45 if narrow else 0.3, 34)}[selector]
        return max(least, int(width * share)) + 1

    def watch_show_side(self, show: bool) -> None:
        self.set_class(not show, "-hide-side")
        self._give_way(self.size.width)

    def watch_show_left(self, show: bool) -> None:
        self.set_class(not show, "-hide-left")
        self._give_way(self.size.width)

    # Documents and their analysis

    def open_document(self, index: int) -> None:
        if self.reading.text:
            self.remember()
        self.session.index = index
        state = self.state
        self._restore(state)
        self.file_watch.watch(state.document.source)
        self.participant = None
        self.current = None
        document = state.document
        self.links, self.history = Links(document), History()
        self.reading.show_text(
            document.text,
            document.blocks,
            document.links,
            getattr(document, "emphasis", None),
            definitions=document.format in DEFINITION_FORMATS,
        )
        if state.placed:  # a remembered place, the very top (0) included
            self.call_after_refresh(self.reading.go_to_top, state.position)
        elif state.sections_known is not None:
            self.call_after_refresh(self._open_at_body)
        if self.search_query:
            self._search(self.search_query, jump=False)
        if len(self.session.documents) > 1:
            self.query_one(DocumentList).highlight(str(index))
        self._show_analysis(state.analysis)
        if state.analysis is None and not state.analysing and state.failed is None:
            state.stage = "waiting"
            # After the text is on screen: the analysis would hold the GIL during the first paint.
            self.call_after_refresh(self._start_analysis, index)
        self._update_status()

    def _start_analysis(self, index: int) -> None:
        state = self.session.documents[index]
        state.stage = "structure"
        analyzer = getattr(self.app, "analyzer", jobs.analyze_document)
        jobs.in_background(self._analyse, index, state.document, analyzer, name="analysis")

    def _analyse(self, index: int, document: Any, analyzer: Any) -> None:
        """Runs in a background thread; post_message is safe from there."""

        def progress(stage: object) -> None:
            if isinstance(stage, Analysis):  # the first stage's result: sections and front matter
                self.post_message(msg.StructureFound(index, stage))
            else:
                self.post_message(msg.AnalysisProgressed(index, str(stage)))

        try:
            analysis = analyzer(document, progress)
        except Exception as exc:  # a bug in one stage must not take the reader down
            self.post_message(msg.AnalysisFailed(index, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(msg.AnalysisDone(index, analysis))

    def on_analysis_progressed(self, message: msg.AnalysisProgressed) -> None:
        self.session.documents[message.index].stage = message.stage
        self._update_status()

    def on_structure_found(self, message: msg.StructureFound) -> None:
        """Sections and front matter, seconds before the whole analysis: the outline, the headings'
        styles and the body's start (a book opens past its licence) need no more."""
        state = self.session.documents[message.index]
        if message.analysis.document is not state.document or state.analysis is not None:
            return  # reloaded since, or the whole analysis came first
        state.structure = message.analysis
        if message.index == self.session.index:
            self.query_one(OutlinePane).show(message.analysis)
            self.reading.mark_headings(message.analysis)
            self._open_at_body()
            self._update_status()  # the title, found with the structure

    def on_analysis_failed(self, message: msg.AnalysisFailed) -> None:
        state = self.session.documents[message.index]
        state.stage, state.failed = None, message.error
        if message.index == self.session.index:
            for pane in self.query(ListPane):  # instead of "analysing…"
                if pane.id != "documents":
                    pane.set_note("analysis failed (the text is all there is)")
        self.notify(f"analysis failed: {message.error}", severity="error", timeout=10, markup=False)
        self._update_status()

    def on_analysis_done(self, message: msg.AnalysisDone) -> None:
        state = self.session.documents[message.index]
        if message.analysis.document is not state.document:  # the file was reloaded since
            state.stage = None
            self._start_analysis(message.index)
            return
        state.stage, state.analysis, state.structure = None, message.analysis, None
        if message.index == self.session.index:
            self._show_analysis(message.analysis)
            self._open_at_body()
        self._update_status()
        following = self.session.next_to_analyse()
        if following is not None:  # analyse the next document nobody asked for yet, one at a time
            self._start_analysis(following)

    def _open_at_body(self) -> None:
        """A document with no place yet opens at its body's first section, past the front matter
        (licence, title page, contents); once, and only while the reader has not moved (the text
        shows before the first stage of the analysis finds the front matter)."""
        state, analysis = self.state, self.state.sections_known
        if state.placed or analysis is None:
            return
        state.placed = True
        if self.reading.scroll_y > 0 or self.current is not None or self.search_query or self.summary_view.display:
            return  # the reader moved (or left the text) before the structure came: stay there
        body = body_start(analysis)
        if body:
            self.reading.go_to_top(body)
            self._update_status()

    def _show_analysis(self, analysis: Analysis | None) -> None:
        self.query_one(OutlinePane).show(analysis or self.state.structure)
        self.query_one(ParticipantsPane).show(analysis)
        self.query_one(QuotesPane).show(analysis)
        self.reading.mark_selected([])
        known = analysis or self.state.structure
        if known is not None:
            self.reading.decorate(known)
        if analysis is not None:
            if self.state.summary is None:
                self.state.summary = analysis.summary
            if self.state.summary_settings_differ(self.session.settings):
                self.resummarize()
        self._show_summary()
        if self.summary_view.display:
            self._fill_summary_view()

    # Documents

    def action_next_document(self) -> None:
        self._switch_document(+1)

    def action_previous_document(self) -> None:
        self._switch_document(-1)

    def _switch_document(self, step: int) -> None:
        index = self.session.index + step
        if not 0 <= index < len(self.session.documents):
            self.notify(f"no {'next' if step > 0 else 'previous'} document", timeout=2, markup=False)
            return
        self.open_document(index)
        self.query_one(TabbedContent).active = "tab-summary"

    @on(ListPane.Chosen, "#documents")
    def _document_chosen(self, message: ListPane.Chosen) -> None:
        if message.value != self.session.index:
            self.open_document(message.value)

    # Layout, theme, help, quit

    def action_toggle_side(self) -> None:
        self._toggle("#side")

    def action_toggle_outline(self) -> None:
        """Show the outline with its list focused on the section being read (arrows and enter choose
        a chapter, as epy's and frogmouth's contents do); hide it, the focus back on the text."""
        self._toggle("#left")
        pane = self.query_one(OutlinePane)
        outline, known = pane.options, self.state.sections_known
        if self.show_left and not self.has_class("-squeeze-left"):
            if known is not None and known.sections:
                pane.highlight(str(self._section_at(known, self.reading.reading_offset)))
            self.set_focus(outline)
        elif outline.has_focus:
            self.set_focus(self.view)

    def _toggle(self, pane: str) -> None:
        """Hide the pane when it is on screen; else show it, hiding the other one when both would
        squeeze the text below READABLE (the pane asked for wins: the key never does nothing)."""
        self._toggled.add(pane)
        side = pane == "#side"
        squeezed = self.has_class("-squeeze-side" if side else "-squeeze-left")
        if (self.show_side if side else self.show_left) and not squeezed:
            self.show_side, self.show_left = (False, self.show_left) if side else (self.show_side, False)
            return
        width = self.size.width
        both = width - self._pane_width("#left", width) - self._pane_width("#side", width) >= READABLE
        if not both:  # the other pane gives way for lack of room, not by choice: it follows the width again
            self._toggled.discard("#left" if side else "#side")
        self.show_side, self.show_left = (True, self.show_left and both) if side else (self.show_side and both, True)
        self._give_way(width)
        if self.has_class("-squeeze-side" if side else "-squeeze-left"):
            need = self._pane_width(pane, width) + READABLE
            name = "side panes" if side else "outline"
            self.notify(f"too narrow for the {name}: it needs {need} columns", timeout=3, markup=False)

    def action_show_tab(self, name: str) -> None:
        """Show the side panes on this tab and move the focus to its list; when it has the focus
        already, back to the text (Tab went outline, tabs, list: no key reached a tab at once)."""
        options = self.query_one(f"#{name}", ListPane).options
        if options.has_focus:
            self.set_focus(self.view)
            return
        if not self.show_side or self.has_class("-squeeze-side"):
            self._toggle("#side")
        self.query_one(TabbedContent).active = f"tab-{name}"
        self.set_focus(options)  # at once: a second key right after must see it focused

    def action_toggle_theme(self) -> None:
        self.app.theme = "textual-light" if self.app.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        await self.app.action_quit()

    # Remembered between runs (reader.tui.state)

    @property
    def store(self) -> Any:
        return getattr(self.app, "store", None)

    def _restore_global(self) -> None:
        if self.store is None:
            return
        if self.store.settings.get("theme") in self.app.available_themes:
            self.app.theme = self.store.settings["theme"]
        chosen = state_file.panes(self.store)
        if chosen is not None:
            self._toggled = {"#left", "#side"}
            self.show_left, self.show_side = chosen

    def _restore(self, state: DocumentState) -> None:
        """The place and summary settings remembered for this document, once a run."""
        if self.store is not None:
            state_file.restore(self.store, state, self.session.settings)

    def remember(self) -> None:
        """Note where the reader is in the shown document (and save, when a store is set)."""
        state = self.state
        state.position = self.reading.top_offset
        state.placed = state.placed or state.position > 0
        if self.store is None:
            return
        self.store.remember(state.document, state_file.entry(state, self.session.settings))
        self.store.settings["theme"] = self.app.theme
        if self._toggled:  # chosen by the user, not by the terminal's width
            self.store.settings["panes"] = [self.show_left, self.show_side]
        self.store.save()

    # Follow a file that changes on disk

    def action_follow(self) -> None:
        self.following = not self.following
        self.notify(
            "following the end of the file (F stops)" if self.following else "stopped following",
            timeout=2,
            markup=False,
        )
        if self.following:
            self.show_text_view()
            self.reading.scroll_end(animate=False)

    @property
    def following(self) -> bool:
        return self.file_watch.following

    @following.setter
    def following(self, value: bool) -> None:
        self.file_watch.following = value

    def _check_file(self) -> None:
        if self.file_watch.changed(self.state.document.source):
            self.reload()

    def reload(self) -> None:
        """Read the shown document again, keep the place (or the end, when following)."""
        from reader.load import load

        state = self.state
        try:
            document = load(state.document.source)
        except Exception as exc:  # the file went away or went bad: keep what is shown
            self.notify(f"cannot reload: {one_line(str(exc), 80)}", severity="warning", timeout=4, markup=False)
            return
        if document.text == state.document.text:
            return
        top = self.reading.top_offset
        self.session.documents[self.session.index] = fresh = DocumentState(document, restored=True)
        # An analysis still running for the old text is redone for the new one when it ends.
        fresh.bookmarks, fresh.position, fresh.stage = state.bookmarks, top, state.stage
        fresh.placed = True  # a reload keeps the place, even the very top
        self.open_document(self.session.index)
        if self.following:
            self.call_after_refresh(self.reading.scroll_end, animate=False)


def body_start(analysis: Analysis) -> int:
    """Where the body begins: the first section that is not front matter (0 when there is none)."""
    for section in analysis.sections:
        if section.kind != "front":
            return section.heading_start if section.heading_start is not None else section.start
    return 0
