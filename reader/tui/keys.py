"""Every key of the main screen in one table: its bindings, the footer and the palette are made
from it; the help screen is made from the bindings (``reader.tui.screens.help``)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.keys import format_key

# Names written the way less and the README write them; the rest as Textual shows them.
KEY_NAMES = {"f1": "F1", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End"}
KEY_NAMES |= {"escape": "escape", "enter": "enter"}


def key_display(keys: str) -> str:
    """Textual key names ("question_mark,f1") as a person writes them ("? / F1")."""
    return " / ".join(KEY_NAMES.get(key, format_key(key)) for key in keys.split(","))


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str  # an action of the main screen
    description: str  # for the help screen and the command palette
    footer: str = ""  # short label when shown in the footer
    # Checked before the focused widget sees the key: the prompt opens before the next
    # key is handled, so keys typed right after it are never run as commands.
    priority: bool = False

    @property
    def display(self) -> str:
        return key_display(self.keys)


KEYS = [
    Key("question_mark,f1", "help", "Show this help", "Help"),
    Key("q", "quit", "Quit", "Quit"),
    Key("v", "toggle_summary_view", "Text / summary view (the summary section by section)", "Summary"),
    Key("p", "toggle_side", "Show / hide the side panes", "Panes"),
    Key("space,pagedown,f", "page_down", "Page down"),
    Key("b,pageup", "page_up", "Page up"),
    Key("d", "half_page_down", "Half a page down (as in less)"),
    Key("u", "half_page_up", "Half a page up"),
    Key("j,down", "line_down", "One line down"),
    Key("k,up", "line_up", "One line up"),
    Key("g,home", "top", "Top of the document"),
    Key("G,end", "bottom", "Bottom of the document"),
    Key("h,left", "scroll_left", "Scroll preformatted lines left"),
    Key("l,right", "scroll_right", "Scroll preformatted lines right"),
    Key("slash", "search", "Search: smart case, accents ignored, re:… for a regex", "Search", priority=True),
    Key("colon,ctrl+g", "go_to", "Go to a percentage, a section number or a line", priority=True),
    Key("percent_sign", "percent", "Go to a percentage (50% typed in the text goes there at once, as in less)"),
    Key("n", "next_match", "Next search match"),
    Key("N", "previous_match", "Previous search match"),
    Key("right_square_bracket", "next_summary", "Next summary sentence"),
    Key("left_square_bracket", "previous_summary", "Previous summary sentence"),
    Key("plus", "longer", "Longer summary", "Longer"),
    Key("minus", "shorter", "Shorter summary", "Shorter"),
    Key("a", "cycle_algorithm", "Next summary algorithm", "Algo"),
    Key("s", "toggle_scope", "Summary of the whole document / the current section", "Scope"),
    Key("B", "add_bookmark", "Bookmark this place"),
    Key("apostrophe", "next_bookmark", "Go to the next bookmark (the palette lists them all)"),
    Key("enter", "follow_link", "Follow the first link on screen (an internal one jumps there)"),
    Key("backspace,ctrl+o", "back", "Back to where a link or an outline jump left from"),
    Key("F", "follow", "Follow the end of a growing file (as less +F); again to stop"),
    Key("right_curly_bracket", "next_document", "Next document (with its summary)"),
    Key("left_curly_bracket", "previous_document", "Previous document"),
    Key("m", "next_mention", "Next mention of the chosen participant"),
    Key("M", "previous_mention", "Previous mention of the chosen participant"),
    Key("o", "toggle_outline", "Show / hide the outline"),
    Key("S", "show_tab('summary')", "Summary pane: show it and move there (again: back to the text)"),
    Key("P", "show_tab('participants')", "Participants pane: show it and move there (again: back to the text)"),
    Key("Q", "show_tab('quotes')", "Quotes pane: show it and move there (again: back to the text)"),
    Key("t", "toggle_theme", "Dark / light theme"),
    Key("escape", "clear", "Clear the search and the chosen participant"),
]

# Digits start a number, as in less ("50%", "120g"); a binding each, since an action cannot see its key.
DIGITS = "0123456789"
DIGIT_HELP = "Start a number, as in less: then % goes to that percentage (50%), g or G to that line (120g)"

# Keys handled by hand or by Textual's own widgets, not by a binding of ours: listed in the help too.
BY_HAND = [
    ("tab / shift+tab", "Move between panes"),
    ("enter", "In a pane: choose the highlighted section, sentence, participant or quote"),
    ("escape", "Also closes search, go to, help or the palette"),
    ("ctrl+p", "Command palette: every action, sections, participants, bookmarks, themes"),
    ("mouse", "Click to choose, wheel to scroll; click a name in the text to follow that participant"),
]


def help_markdown() -> str:
    """The help screen's text, made from the bindings (``reader.tui.screens.help``)."""
    from reader.tui.screens.help import help_markdown as made

    return made()
