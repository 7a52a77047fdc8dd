"""Every key of the reader in one table: bindings, footer and help are made from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str  # an action of the main screen
    description: str  # for the help screen and the command palette
    footer: str = ""  # short label when shown in the footer
    display: str = ""  # how the help screen writes the keys
    # Checked before the focused widget sees the key: the prompt opens before the next
    # key is handled, so keys typed right after it are never run as commands.
    priority: bool = False


KEYS = [
    Key("question_mark,f1", "help", "Show this help", "Help", "? / F1"),
    Key("q", "quit", "Quit", "Quit", "q"),
    Key("v", "toggle_summary_view", "Text / summary view (the summary section by section)", "Summary", "v"),
    Key("p", "toggle_side", "Show / hide the side panes", "Panes", "p"),
    Key("space,pagedown", "page_down", "Page down", "", "space / PgDn"),
    Key("b,pageup", "page_up", "Page up", "", "b / PgUp"),
    Key("j,down", "line_down", "One line down", "", "j / ↓"),
    Key("k,up", "line_up", "One line up", "", "k / ↑"),
    Key("g,home", "top", "Top of the document", "", "g / Home"),
    Key("G,end", "bottom", "Bottom of the document", "", "G / End"),
    Key("h,left", "scroll_left", "Scroll preformatted lines left", "", "h / ←"),
    Key("l,right", "scroll_right", "Scroll preformatted lines right", "", "l / →"),
    Key("slash", "search", "Search: smart case, accents ignored, re:… for a regex", "Search", "/", True),
    Key("colon,ctrl+g", "go_to", "Go to a percentage, a section number or a line", "", ": / ctrl+g", True),
    Key("n", "next_match", "Next search match", "", "n"),
    Key("N", "previous_match", "Previous search match", "", "N"),
    Key("right_square_bracket", "next_summary", "Next summary sentence", "", "]"),
    Key("left_square_bracket", "previous_summary", "Previous summary sentence", "", "["),
    Key("plus", "longer", "Longer summary", "Longer", "+"),
    Key("minus", "shorter", "Shorter summary", "Shorter", "-"),
    Key("a", "cycle_algorithm", "Next summary algorithm", "Algo", "a"),
    Key("s", "toggle_scope", "Summary of the whole document / the current section", "Scope", "s"),
    Key("B", "add_bookmark", "Bookmark this place", "", "B"),
    Key("apostrophe", "next_bookmark", "Go to the next bookmark (the palette lists them all)", "", "'"),
    Key("enter", "follow_link", "Follow the first link on screen (an internal one jumps there)", "", "enter"),
    Key("backspace,ctrl+o", "back", "Back to where a link or an outline jump left from", "", "⌫ / ctrl+o"),
    Key("F", "follow", "Follow the end of a growing file (as less +F); again to stop", "", "F"),
    Key("right_curly_bracket", "next_document", "Next document (with its summary)", "", "}"),
    Key("left_curly_bracket", "previous_document", "Previous document", "", "{"),
    Key("m", "next_mention", "Next mention of the chosen participant", "", "m"),
    Key("M", "previous_mention", "Previous mention of the chosen participant", "", "M"),
    Key("o", "toggle_outline", "Show / hide the outline", "", "o"),
    Key("t", "toggle_theme", "Dark / light theme", "", "t"),
    Key("escape", "clear", "Clear the search and the chosen participant", "", "escape"),
]

# Keys that Textual itself provides, listed in the help too.
BUILTIN = [
    ("tab / shift+tab", "Move between panes"),
    (
        "enter",
        "Choose the highlighted section, sentence, participant or quote; in the summary view, open the text there",
    ),
    ("ctrl+c", "Quit, always"),
    ("escape", "Also closes search, help or the palette"),
    ("ctrl+p", "Command palette: every action, sections, participants, themes"),
    ("mouse", "Click to choose, wheel to scroll; click a name in the text to follow that participant"),
]


def help_markdown() -> str:
    rows = [f"| `{k.display}` | {k.description} |" for k in KEYS]
    rows += [f"| `{keys}` | {text} |" for keys, text in BUILTIN]
    return "\n".join(
        [
            "# reader: keys",
            "",
            "| Key | Action |",
            "| :- | :- |",
            *rows,
            "",
            "Summary sentences have a bar in the left margin; people, organizations and places",
            "are coloured by kind; quotes have a bar and end with their speaker.",
        ]
    )
