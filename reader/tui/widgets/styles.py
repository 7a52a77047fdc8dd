"""The reading view's styles, made from the theme (and remade when it changes)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widget import Widget

from reader.palette import KIND_COLORS, SUMMARY_COLOR
from reader.tui.decor import heading_style
from reader.tui.layout import clean


def reading_styles(view: Widget) -> dict[str, Style]:
    """Every style a screen line of ``view`` may take, by name."""
    background = view.background_colors[1]
    theme = view.app.current_theme
    dark, accent = theme.dark, theme.primary
    tint = background.blend(Color.parse(SUMMARY_COLOR), 0.16 if dark else 0.35)
    styles = {
        "summary": Style(bgcolor=tint.rich_color),
        "bar": Style(color=SUMMARY_COLOR if dark else "#b58900"),
        "quote": Style(italic=True),
        "quote_bar": component(view, "reading--quote", ink=True),
        "label": component(view, "reading--label", ink=True),
        "selected": component(view, "reading--selected"),
        "match": component(view, "reading--match", paper=True),
        "current": component(view, "reading--current", paper=True),
        "furniture": Style(dim=True, italic=True),
        "heading": Style(bold=True),
        "link": Style(underline=True, color=accent),
        "note": Style(underline=False, dim=True),  # a footnote mark, over the link style of its link
        "speaker": Style(bold=True, color=accent),
        "time": Style(dim=True),
        "output": Style(dim=True),  # a notebook cell's output, under its code
        "byline": Style(dim=True),  # a message's From, To and Date, under its subject
        "caption": Style(dim=True, italic=True),  # a figure's or table's caption, set apart from the prose
        "bullet": Style(color=accent),
        "block_bar": Style(dim=True),
        "cut": Style(color=accent, bold=True),  # the mark at the edge of a line that goes on past it
        # A block quote (Markdown's ">", HTML's blockquote, a mail's quoted reply, an alert), as frogmouth and
        # glow set it apart: a bar in the accent colour, the text in italics (in its own colour, never dimmed).
        "quote_block_bar": Style(color=accent),
        "block_quote": Style(italic=True),
        "image": Style(italic=True),
        "image_mark": Style(dim=True),
        "emphasis_bold": Style(bold=True),
        "emphasis_italic": Style(italic=True),
        "emphasis_mark": Style(dim=True),
        "emphasis_code": Style(color=theme.secondary or accent),
    }
    for level in (1, 2, 3):
        styles[f"h{level}"] = heading_style(level, accent)
    for kind, colour in KIND_COLORS.items():
        # Pastel colours read well as ink on dark, as a marker on light.
        styles[kind] = Style(color=colour) if dark else Style(color="black", bgcolor=colour)
    return styles


def component(view: Widget, name: str, ink: bool = False, paper: bool = False) -> Style:
    """A component class's style, blended with the theme's background, keeping only
    its text colour (ink) and/or background (paper), so the layers underneath show."""
    full = view.get_component_rich_style(name, partial=False)
    return Style(
        color=full.color if ink else None,
        bgcolor=full.bgcolor if paper else None,
        bold=full.bold,
        italic=full.italic,
        underline=full.underline,
        reverse=full.reverse,
    )


def speaker_label(name: str, kind: str, cue: str | None, styles: dict[str, Style]) -> Text:
    """The line after a quote: who said it (a name from the document: data, never markup)."""
    label = Text("— ", style=styles["label"], end="")
    label.append(clean(" ".join(name.split())), style=styles.get(kind, Style()) + Style(bold=True))
    if cue:
        label.append(f", {clean(cue)}")
    return label
