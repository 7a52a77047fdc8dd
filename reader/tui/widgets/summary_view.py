"""The summary view (``v``): the summary as a text to page through, section by section."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message

from reader.model import Analysis, Summary
from reader.text.lines import display_text, join_compounds
from reader.tui.decor import speaker_of
from reader.tui.layout import Spans, clean
from reader.tui.turns import speakers as turn_speakers_of
from reader.tui.widgets.reading import ReadingView


class SummaryView(ReadingView):
    """The summary as a text to page through: each section's title, then its summary
    sentences. Enter (or a click) opens the text at the sentence; ] and [ step."""

    # Not in the footer, which keeps room for a and s at 80 columns.
    BINDINGS = [Binding("enter", "open", "Open the text at this sentence (the first on screen)", show=False)]

    class Opened(Message):
        def __init__(self, sentence: int) -> None:
            super().__init__()
            self.sentence = sentence

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._sentences = Spans()  # offsets in the summary text -> sentence index in the document
        self._cursor: int | None = None

    def show_note(self, note: str) -> None:
        self.show_text(note)
        self._sentences = Spans()
        self._cursor = None

    def show_summaries(self, analysis: Analysis, parts: list[tuple[str, Summary | None, int]]) -> None:
        """``parts``: (section title, its summary, its level) in document order; a part with no
        summary is a heading over the sections after it (a book over its chapters)."""
        pieces: list[str] = []
        headings: list[tuple[int, int, str | None]] = []
        sentences: list[tuple[int, int, int]] = []
        speakers = turn_speakers_of(analysis)
        pos = 0
        for title, summary, level in parts:
            head = " ".join(clean(display_text(title)).split()) or "(untitled)"
            headings.append((pos, pos + len(head), f"h{min(max(level, 1), 3)}"))
            pieces.append(head + "\n\n")
            pos += len(head) + 2
            for i in summary.selected if summary else []:
                body = " ".join(clean(join_compounds(display_text(analysis.sentence_text(i)))).split())
                speaker = speaker_of(speakers, analysis.sentences[i].start)
                if speaker:  # a transcript or a play: who said it, in bold as the turn shows it
                    label = " ".join(clean(speaker).split()) + ": "
                    headings.append((pos, pos + len(label) - 2, None))
                    body = label + body
                sentences.append((pos, pos + len(body), i))
                pieces.append(body + "\n\n")
                pos += len(body) + 2
        top = self.top_offset
        self.show_text("".join(pieces))
        self._headings = Spans(headings)
        self._sentences = Spans(sentences)
        self._cursor = None
        self._relayout(keep=top)

    def step(self, forward: bool) -> None:
        if not len(self._sentences):
            return
        if self._cursor is None:
            base = self.top_offset - (1 if forward else 0)
            found = self._sentences.after(base) if forward else self._sentences.before(base)
        else:
            found = self._cursor + (1 if forward else -1)
        if found is None or not 0 <= found < len(self._sentences):
            return
        self._cursor = found
        start, end, _ = self._sentences.items[found]
        self.mark_current((start, end))
        self.go_to(start, only_if_hidden=True)

    def action_open(self) -> None:
        if not len(self._sentences):
            return
        index = self._cursor
        if index is None:
            index = self._sentences.after(self.top_offset - 1) or 0
        self.post_message(self.Opened(int(self._sentences.items[index][2])))

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        for found in self._sentences.overlapping(offset, offset + 1):
            self.post_message(self.Opened(int(found[2])))  # type: ignore[call-overload]
