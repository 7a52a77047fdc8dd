"""The lists around the reading view: documents, outline, summary, participants, quotes.

Each pane fills itself from an Analysis and posts a message saying what the user chose.
Document text reaches them as rich Text (never markup), cleaned of control characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Analysis, Participant, Quote, Ranked, Summary
from reader.palette import KIND_COLORS
from reader.text.lines import display_text, join_compounds
from reader.tui.decor import speaker_of
from reader.tui.layout import cells, clean
from reader.tui.turns import speakers as turn_speakers_of

_SPACE = re.compile(r"\s+")
# A book has thousands of quotes; a list that long is slow to lay out and no use to scroll.
MAX_LISTED = 1000


def listed(found: int) -> str:
    return f" (first {MAX_LISTED} listed)" if found > MAX_LISTED else ""


def kind_style(kind: str) -> Style:
    """A participant's name in a list: a chip of its kind's colour, readable on any theme."""
    colour = KIND_COLORS.get(kind)
    return Style(color="black", bgcolor=colour, bold=True) if colour else Style(bold=True)


def one_line(text: str, limit: int = 0) -> str:
    """Document text for a list: clean, compounds broken over lines joined, _italic_ marks dropped, white space
    collapsed, cut to ``limit`` at the end of a word, with an ellipsis."""
    text = _SPACE.sub(" ", clean(join_compounds(display_text(text)))).strip()
    return at_a_word(text, limit) if limit else text


def at_a_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` cells after a whole word, "…" saying so ("configuration of the…", never
    "configu…"); a first word longer than that is cut inside, the ellipsis still saying so."""
    if cells(text) <= limit:
        return text
    fits = limit - 1  # the ellipsis takes a cell
    cut = text.rfind(" ", 0, fits + 1)
    while cut > 0 and cells(text[:cut]) > fits:
        cut = text.rfind(" ", 0, cut)
    if cut <= 0:
        cut = fits
        while cut > 0 and cells(text[:cut]) > fits:
            cut -= 1
    return text[:cut].rstrip(" ,;:") + "…"


class WordCut:
    """One line of text cut at the width it is drawn at, after a whole word (rich's ``ellipsis`` overflow cuts
    inside one: "It is a truth univ…")."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, self.text.cell_len)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = self.text.plain
        shown = at_a_word(plain, options.max_width)
        text = self.text[: len(shown) - 1] + Text("…", self.text.style) if shown != plain else self.text.copy()
        text.no_wrap, text.overflow = True, "crop"
        yield text


def name_pieces(name: str) -> list[tuple[int, int]]:
    """A file name's parts that a line may end after: each up to a ``-``, ``_``, space or ``.``, the last dot
    excepted (the extension stays with its word: ``conan_`` / ``doyle.txt``)."""
    extension = name.rfind(".")
    pieces = []
    start = 0
    for index, character in enumerate(name):
        after = name[index + 1 : index + 2]
        if character in "-_. " and index != extension and after not in ("-", "_", ".", " "):
            pieces.append((start, index + 1))
            start = index + 1
    if start < len(name):
        pieces.append((start, len(name)))
    return pieces


def name_lines(name: str, width: int) -> list[tuple[int, int]]:
    """Where a file name's lines start and end at ``width`` cells: after a separator, as a file manager wraps
    one (``pg1342-pride-and-`` / ``prejudice.txt``); only a part wider than a line is cut inside."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = end = 0
    for a, b in name_pieces(name):
        if end > start and cells(name[start:b].rstrip()) > width:  # the piece goes on the next line
            lines.append((start, end))
            start = a
        while cells(name[start:b].rstrip()) > width:  # a part wider than the line: cut where it is full
            cut = start + 1
            while cut < b and cells(name[start : cut + 1]) <= width:
                cut += 1
            lines.append((start, cut))
            start = cut
        end = b
    if end > start or not lines:
        lines.append((start, end))
    return lines


class FileName:
    """A file name in a list, wrapped at its separators rather than mid-word (``pg1342-pride-and-preju`` /
    ``dice.txt``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, cells(self.name))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = [self.name[a:b].rstrip() for a, b in name_lines(self.name, options.max_width)]
        yield Text("\n".join(lines), no_wrap=True, overflow="crop")


class WrappedOptions(OptionList):
    """An option list whose options wrap at the width they are drawn at: Textual measures their heights
    before its scrollbar takes two columns, so a title that then wraps once more lost its last line
    ("4.2 Selecting lines by" without "numbers" in a manual's outline)."""

    # The reader's own keys move in a pane as in the text (a list moved only with the arrows, and j
    # scrolled the text behind the focused pane).
    BINDINGS = [
        Binding("j", "cursor_down", "Next item in a pane (S, P, Q, o)", show=False),
        Binding("k", "cursor_up", "Previous item in a pane", show=False),
        Binding("g", "first", "First item in a pane", show=False),
        Binding("G", "last", "Last item in a pane", show=False),
        Binding("space", "page_down", "Page down in a pane", show=False),
        Binding("b", "page_up", "Page up in a pane", show=False),
    ]

    _measured_at = 0  # the width the options' heights were measured at

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._measured_at:
            self._measured_at = width
            self._line_cache.clear()
            self._option_render_cache.clear()
        super()._update_lines()

    def on_resize(self) -> None:
        """Shown again (a wider terminal, ``o``) or resized: the highlighted option in view, as the reader left
        it (the outline followed the text while hidden), not the list's top."""
        self.call_after_refresh(self.scroll_to_highlight)


class ListPane(Vertical):
    """A note line over an option list; choosing an option posts ``ListPane.Chosen``."""

    class Chosen(Message):
        """The user chose an option; ``value`` is what it stands for."""

        def __init__(self, pane: ListPane, value) -> None:
            super().__init__()
            self.pane, self.value = pane, value

        @property
        def control(self) -> ListPane:
            return self.pane

    def value_of(self, option_id: str) -> Any:
        return int(option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.value_of(event.option.id or "")))

    def __init__(self, note: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._note = note

    def compose(self) -> ComposeResult:
        yield Static(self._note, classes="note", markup=False)
        yield WrappedOptions(markup=False)

    @property
    def options(self) -> OptionList:
        return self.query_one(OptionList)

    def set_note(self, note: str | Text) -> None:
        self.query_one(".note", Static).update(note)

    def fill(self, options: list[Option], separated: bool = False) -> None:
        self.options.clear_options()
        shown: list[Option | None] = list(options)
        if separated:  # a rule between entries of several lines
            shown = [item for option in options for item in (option, None)][:-1]
        self.options.add_options(shown)
        if options:  # so that enter chooses at once
            self.options.highlighted = 0

    def missing(self, name: str, analysis: Analysis | None, computed: bool = True) -> bool:
        """Say so when there is nothing to list yet (or at all: the stage was not computed)."""
        if analysis is not None and computed:
            return False
        self.set_note(f"{name}: analysing…" if analysis is None else f"{name}: not available")
        self.fill([])
        return True

    def highlight(self, option_id: str) -> None:
        try:
            index = self.options.get_option_index(option_id)
        except Exception:  # OptionDoesNotExist: nothing to show
            return
        if self.options.highlighted != index:
            self.options.highlighted = index


class DocumentList(ListPane):
    def show(self, sources: list[str]) -> None:
        self.set_note(f"{len(sources)} documents")
        # File names are enough to tell documents apart; the status line has the title.
        self.fill([Option(FileName(one_line(Path(s).name or s)), id=str(i)) for i, s in enumerate(sources)])


class OutlinePane(ListPane):
    """Sections; topical ones (found by the reader, not named by the author) are marked ≈."""

    def show(self, analysis: Analysis | None) -> None:
        if self.missing("Outline", analysis) or analysis is None:
            return
        self.set_note(Text.assemble("Outline ", ("(≈ topic)", "italic dim")))
        openings, senders = section_openings(analysis), section_senders(analysis)
        self.fill(
            [
                Option(section_prompt(s, openings.get(i, ""), senders.get(i, "")), id=str(i))
                for i, s in enumerate(analysis.sections)
            ]
        )


# A title that is only a number ("CHAPTER XIV", "IV.", "Letter 4", "Chapter the First"): it says nothing
# of what the chapter holds, so the outline and the palette add its first words.
_ROMAN = r"(?-i:[IVXLCDM]+|[ivxlcdm]+)"
_WORDS = r"the \w+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:[- ]\w+)?"
_DIVISION = r"chapter|book|part|letter|volume|vol\.|stave|canto|section|act|scene"
_NUMBER_ONLY = re.compile(rf"(?:(?:{_DIVISION})\s+(?:\d+|{_ROMAN}|{_WORDS})|\d+|{_ROMAN})\.?", re.IGNORECASE)


def numbered_only(title: str) -> bool:
    return bool(_NUMBER_ONLY.fullmatch(one_line(title)))


def section_openings(analysis: Analysis) -> dict[int, str]:
    """The first sentence of each named section whose title is a number only, one line."""
    wanted = {i for i, s in enumerate(analysis.sections) if s.kind == "heading" and numbered_only(s.title)}
    found: dict[int, str] = {}
    for n, sentence in enumerate(analysis.sentences):
        if sentence.section in wanted and sentence.section not in found:
            found[sentence.section] = one_line(analysis.sentence_text(n), 80)
    return found


# A byline's sender: "From: Ann Lee <ann@example.org> · To: …" -> "Ann Lee" (an address alone stays whole).
_SENDER = re.compile(r"From: (?P<name>[^·<]*?)\s*(?:<(?P<address>[^>]*)>)?\s*(?:·|$)")


def section_senders(analysis: Analysis) -> dict[int, str]:
    """Each message's sender, by section index (mail: a thread's replies all read "Re: Seed swap", so the
    outline and the summary view say who wrote each)."""
    document = analysis.document
    if getattr(document, "format", None) != "mail":
        return {}
    bylines = sorted((b.start, b.end) for b in document.blocks if b.kind == "byline")
    found: dict[int, str] = {}
    for index, section in enumerate(analysis.sections):
        start = section.heading_start if section.heading_start is not None else section.start
        after = bisect_left(bylines, (start, 0))
        if after == len(bylines) or bylines[after][0] >= section.end:
            continue
        m = _SENDER.match(document.text, *bylines[after])
        sender = m and (m.group("name").strip().strip('"') or m.group("address"))
        if sender:
            found[index] = one_line(sender, 40)
    return found


MAX_TITLE = 120  # characters of a section's title in the outline: wrapped there, cut after a word only past this


def section_prompt(section, opening: str = "", sender: str = "") -> Table:
    """A section's line in the outline: indented by level; a title too long for the pane wraps
    with its second line hanging under the first line's text, not at the pane's edge. A title
    that is a number only is followed, dimmed, by the section's first words, cut at the pane's edge."""
    indent = "  " * max(0, section.level - 1)
    title = one_line(section.title, MAX_TITLE) or "(untitled)"
    if opening:  # one line: the number, then as much of the opening as fits
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, ratio=1)
        grid.add_row(Text(indent + title, "bold" if section.level == 1 else ""), WordCut(Text("  " + opening, "dim")))
        return grid
    if section.kind == "topic":
        return _hanging(Text.assemble(indent, ("≈ ", "bold")), Text(title, "italic"))
    if section.kind in ("front", "back"):
        tag = "" if title.lower().startswith(section.kind) else f" [{section.kind} matter]"
        return _hanging(Text(indent), Text.assemble((title, "dim"), (tag, "dim italic")))
    style = "bold" if section.level == 1 else ""
    if sender:  # a message: its subject, then who wrote it, dimmed
        return _hanging(Text(indent), Text.assemble((title, style), (f" — {sender}", "dim")))
    number = _SECTION_NUMBER.match(title)
    if number and len(indent) + number.end() <= 10:  # "1.1. Conventions and" / "Terminology" hangs under "Conventions"
        return _hanging(Text(indent + number.group(), style), Text(title[number.end() :], style))
    return _hanging(Text(indent), Text(title, style))


# A section number before a title ("1.1. ", "14.9.3 ", "A.1. ", "IV. "): wrapped lines hang after it.
_SECTION_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*\.?|[A-Z](?:\.\d+)*\.|[IVXLC]+\.) +(?=\S)")


def _hanging(lead: Text, body: Text) -> Table:
    """``lead`` then ``body``, the body's wrapped lines under its first (a two-column grid)."""
    grid = Table.grid()
    if lead.cell_len:
        grid.add_column(width=lead.cell_len, no_wrap=True)
    # A word wider than the pane (an API's "filehandle.appendFile(data[,") is folded onto the next line,
    # not cut with an ellipsis that leaves the title's rest ("options])") alone on a line.
    grid.add_column(overflow="fold")
    grid.add_row(*([lead] if lead.cell_len else []), body)
    return grid


class SummaryPane(ListPane):
    def show(self, analysis: Analysis | None, summary: Summary | None, scope: str, busy: bool) -> None:
        if analysis is None:
            self.set_note("Summary: analysing…")
            self.fill([])
            return
        if summary is None:
            self.set_note("Summary: not available" + (" (computing…)" if busy else ""))
            self.fill([])
            return
        ranks = {r.sentence: (n + 1, r.score) for n, r in enumerate(summary.ranking)}
        figures = score_figures(summary.ranking, [ranks[i][1] for i in summary.selected if i in ranks])
        speakers = turn_speakers_of(analysis)
        count = len(summary.selected)
        note = f"{summary.algorithm} · {count} sentence{'s' * (count != 1)} · {scope}"
        self.set_note(note + (" · computing…" if busy else ""))
        self.fill(
            [
                Option(
                    Text.assemble(
                        score_label(*ranks.get(i, (0, 0.0)), figures),
                        said_by(speaker_of(speakers, analysis.sentences[i].start)),
                        one_line(analysis.sentence_text(i)),
                    ),
                    id=str(i),
                )
                for i in summary.selected
            ],
            separated=True,
        )


def said_by(speaker: str | None) -> Text:
    """ "Ann Lee: " before a sentence of a transcript's turn."""
    return Text(one_line(speaker, 30) + ": ", "bold") if speaker else Text()


def score_label(rank: int, score: float, figures: int | None = 2) -> Text:
    """ "#3 0.82 ": the sentence's place in the ranking, and its score to ``figures`` significant
    figures ("#3 " alone when ``figures`` is None: the score would only repeat the rank)."""
    if figures is None:
        return Text.assemble((f"#{rank}", "bold"), " ")
    return Text.assemble((f"#{rank}", "bold"), (f" {significant(score, figures)} ", "dim"))


def significant(score: float, figures: int) -> str:
    """0.0454 or 42.64: the rankers' scales differ (LexRank's near 0.04, LSA's near 42, Luhn's near 20)."""
    return format(score, f"#.{figures}g").rstrip(".")


MAX_FIGURES = 5


def score_figures(ranking: list[Ranked], shown: list[float]) -> int | None:
    """Significant figures enough for the shown scores that differ to read differently (2 to MAX_FIGURES),
    or None when the score says nothing the rank does not: the greedy rankers (reader, KL, SumBasic)
    score 1 - k/n by rank alone (0 for a sentence of no substance), so a book's first dozen all read 1.00."""
    n = len(ranking)
    if n > 1 and all(r.score == 0 or abs(r.score - (1 - k / n)) < 1e-9 for k, r in enumerate(ranking)):
        return None
    distinct = len(set(shown))
    for figures in range(2, MAX_FIGURES):
        if len({significant(score, figures) for score in shown}) == distinct:
            return figures
    return MAX_FIGURES  # closer than that: as good as tied


class ParticipantsPane(ListPane):
    def show(self, analysis: Analysis | None) -> None:
        self._people: dict[str, Participant] = {}
        if self.missing("Participants", analysis, analysis is not None and analysis.found_people) or analysis is None:
            return
        people = sorted(analysis.participants, key=lambda p: -len(p.mentions))[:MAX_LISTED]
        self._people = {p.id: p for p in people}
        found = len(analysis.participants)
        self.set_note(f"{found} participants{listed(found)} · enter, m / M: mentions")
        self.fill([Option(participant_prompt(p), id=p.id) for p in people], separated=True)

    def value_of(self, option_id: str) -> Participant:
        return self._people[option_id]


def participant_prompt(p: Participant) -> Text:
    count = len(p.mentions)
    text = Text.assemble(
        (one_line(p.name, 40), kind_style(p.kind)),
        (f"  {count} mention{'s' * (count != 1)}", "dim"),
        "\n",
        (p.kind, "italic"),
    )
    if p.role:
        text.append(" · " + one_line(p.role, 90), style="dim")
    return text


class QuotesPane(ListPane):
    def show(self, analysis: Analysis | None) -> None:
        self._quotes: list[Quote] = []
        if self.missing("Quotes", analysis, analysis is not None and analysis.found_people) or analysis is None:
            return
        self._quotes = list(analysis.quotes)[:MAX_LISTED]
        people = {p.id: p for p in analysis.participants}
        self.set_note(f"{len(analysis.quotes)} quotes" + listed(len(analysis.quotes)))
        self.fill(
            [Option(quote_prompt(q, people, analysis.text), id=str(i)) for i, q in enumerate(self._quotes)],
            separated=True,
        )

    def value_of(self, option_id: str) -> Quote:
        return self._quotes[int(option_id)]


def quote_prompt(quote: Quote, people: dict[str, Participant], text: str) -> Text:
    speaker = people.get(quote.speaker) if quote.speaker else None
    head = Text()
    if speaker:
        head.append(one_line(speaker.name, 40), kind_style(speaker.kind))
    else:
        head.append("unknown speaker", "dim italic")
    if quote.cue:
        head.append(f" ({one_line(quote.cue, 30)})", "dim")
    head.append(f"  {quote.kind}\n", "dim italic")
    head.append(one_line(text[quote.start : quote.end], 240), "italic")
    return head


def subtitle_of(document: object) -> str:
    """A document's subtitle as its metadata gives it (a manual page's NAME line), else ""."""
    metadata = getattr(document, "metadata", None) or {}
    return one_line(str(metadata.get("subtitle") or ""), 60)
